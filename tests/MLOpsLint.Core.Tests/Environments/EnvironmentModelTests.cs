using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Environments;

namespace MLOpsLint.Core.Tests.Environments;

public class EnvironmentModelTests
{
    private static EnvironmentModel Build(LintConfig config, params (string Path, string Text)[] files) =>
        EnvironmentModel.Build(new RepositorySnapshot(files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray()), config);

    [Theory]
    [InlineData("serve/requirements.txt", EnvironmentRole.Serving)]
    [InlineData("api/v1/requirements.txt", EnvironmentRole.Serving)]
    [InlineData("requirements-prod.txt", EnvironmentRole.Serving)]
    [InlineData("requirements-dev.txt", EnvironmentRole.Development)]
    [InlineData("dev-requirements.txt", EnvironmentRole.Development)]
    [InlineData("train/requirements.txt", EnvironmentRole.Training)]
    [InlineData("requirements-train.txt", EnvironmentRole.Training)]
    [InlineData("notebooks/environment.yml", EnvironmentRole.Training)]
    [InlineData("requirements.txt", EnvironmentRole.Unknown)]
    [InlineData("runtime.txt", EnvironmentRole.Serving)]
    [InlineData(".github/workflows/ci.yml", EnvironmentRole.CI)]
    public void File_roles(string path, EnvironmentRole role)
    {
        Assert.Equal(role, EnvironmentModel.FileRole(path, DocumentClassifier.Classify(path)).Role);
    }

    [Theory]
    [InlineData("Dockerfile", EnvironmentRole.Serving)]
    [InlineData("services/a/Dockerfile", EnvironmentRole.Serving)]
    [InlineData("Dockerfile.train", EnvironmentRole.Training)]
    [InlineData("training/Dockerfile", EnvironmentRole.Training)]
    [InlineData("Dockerfile.dev", EnvironmentRole.Development)]
    [InlineData(".devcontainer/Dockerfile", EnvironmentRole.Development)]
    public void Dockerfile_roles(string path, EnvironmentRole role)
    {
        Assert.Equal(role, EnvironmentModel.DockerfileRole(path).Role);
    }

    [Fact]
    public void A_dockerfile_claims_what_it_installs()
    {
        var model = Build(LintConfig.Default,
            ("Dockerfile", "FROM python:3.11\nCOPY serving/requirements.txt .\nRUN pip install -r requirements.txt\n"),
            ("serving/requirements.txt", "fastapi==0.110.0\n"),
            ("requirements.txt", "numpy==1.26.4\n"));
        var docker = Assert.Single(model.EnvironmentsOf("Dockerfile"));
        Assert.Same(docker, Assert.Single(model.EnvironmentsOf("serving/requirements.txt")));
        Assert.Equal(EnvironmentRole.Serving, docker.Role);
        Assert.Equal(EnvironmentRole.Unknown, Assert.Single(model.EnvironmentsOf("requirements.txt")).Role);
    }

    [Fact]
    public void Project_installs_claim_the_lock()
    {
        var model = Build(LintConfig.Default,
            ("deploy/Dockerfile", "FROM python:3.11\nCOPY . .\nRUN uv sync --frozen\n"),
            ("uv.lock", "version = 1\n"),
            ("pyproject.toml", "[project]\nname = \"x\"\n"));
        var env = Assert.Single(model.EnvironmentsOf("uv.lock"));
        Assert.Equal("deploy/Dockerfile", env.Name);
        Assert.Equal("", env.Scope);
    }

    [Fact]
    public void Declared_environments_win_and_take_a_role_from_their_name()
    {
        var config = new LintConfig
        {
            Sections = new Dictionary<string, Tomlyn.Model.TomlTable>
            {
                ["environments"] = new()
                {
                    ["inference"] = new Tomlyn.Model.TomlTable { ["paths"] = new Tomlyn.Model.TomlArray { "model/**" } },
                },
            },
        };
        var model = Build(config, ("model/requirements-dev.txt", "numpy==1.26.4\n"));
        var env = Assert.Single(model.EnvironmentsOf("model/requirements-dev.txt"));
        Assert.True(env.IsExplicit);
        Assert.Equal(EnvironmentRole.Serving, env.Role);
    }

    [Fact]
    public void Facts_carry_file_and_line()
    {
        var facts = FactReader.Of(SourceDocument.FromText("tox.ini", "[tox]\nenvlist =\n    py3{9,10}-django\n    lint\n"));
        Assert.Equal(new[] { "3.9", "3.10" }, facts.Python.Select(p => p.Shown).ToArray());
        Assert.All(facts.Python, p => Assert.Equal(3, p.Span.StartLine));
        var workflow = FactReader.Of(SourceDocument.FromText(".github/workflows/ci.yml",
            "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: |\n            3.10\n            3.11\n"));
        Assert.Equal(new[] { (9, "3.10"), (10, "3.11") }, workflow.Python.Select(p => (p.Span.StartLine, p.Shown)).ToArray());
    }
}
