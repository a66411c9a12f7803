using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Core.Tests.Checks.Mismatch;

public class PythonVersionTests
{
    private const string PyProject311 = """
        [project]
        name = "churn"
        version = "0.1.0"
        requires-python = ">=3.11"
        """;

    [Fact]
    public void Dockerfile_python_excluded_by_requires_python()
    {
        var f = Assert.Single(Repo.Run("MLO601",
            ("Dockerfile", "FROM python:3.8-slim\nCOPY . /app\n"),
            ("pyproject.toml", PyProject311)));
        Assert.Equal("Dockerfile", f.Path);
        Assert.Equal(1, f.Span.StartLine);
        Assert.Equal(6, f.Span.StartColumn);
        Assert.Contains("3.8", f.Message);
        Assert.Contains(">=3.11", f.Message);
        var related = Assert.Single(f.Related);
        Assert.Equal(("pyproject.toml", 4), (related.Path, related.Span.StartLine));
        Assert.NotNull(related.Message);
    }

    [Theory]
    [InlineData("FROM python:3.11-slim-bookworm")]
    [InlineData("FROM python:3.12.1")]
    [InlineData("FROM docker.io/library/python:3.11")]
    [InlineData("ARG PY=3.11\nFROM python:${PY}-slim")]
    [InlineData("FROM python:3.8 AS build\nRUN pip wheel -w /w .\nFROM python:3.11-slim\nCOPY --from=build /w /w")]
    [InlineData("FROM python:latest")]
    [InlineData("FROM python:3")]
    [InlineData("FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3.11 python3.11-venv")]
    [InlineData("FROM python:3.8\nRUN uv python install 3.12")]
    public void Consistent_or_unknown_docker_python_is_silent(string dockerfile)
    {
        Assert.Empty(Repo.Run("MLO601", ("Dockerfile", dockerfile + "\n"), ("pyproject.toml", PyProject311)));
    }

    [Theory]
    [InlineData("FROM ubuntu:22.04\nRUN apt-get install -y python3.10", "python3.10")]
    [InlineData("FROM continuumio/miniconda3:24.1.2-0\nRUN conda install -y python=3.10", "python=3.10")]
    [InlineData("FROM python:3.12-slim\nRUN uv python install 3.9", "3.9")]
    [InlineData("FROM python:3.12-slim\nRUN pyenv install 3.10.14", "3.10.14")]
    public void Python_installed_inside_the_image_counts(string dockerfile, string marked)
    {
        var f = Assert.Single(Repo.Run("MLO601", ("Dockerfile", dockerfile + "\n"), ("pyproject.toml", PyProject311)));
        Assert.Equal(2, f.Span.StartLine);
        Assert.Contains(marked, dockerfile.Split('\n')[1].Substring(f.Span.StartColumn - 1));
    }

    [Fact]
    public void Dot_python_version_against_runtime_txt()
    {
        var f = Assert.Single(Repo.Run("MLO601", (".python-version", "3.12\n"), ("runtime.txt", "python-3.9.18\n")));
        Assert.Equal(".python-version", f.Path);
        Assert.Contains("3.12", f.Message);
        Assert.Contains("runtime.txt", f.Message);
        Assert.Equal("runtime.txt", Assert.Single(f.Related).Path);
    }

    [Theory]
    [InlineData("3.9", "python-3.9.18")]
    [InlineData("3.9.18", "python-3.9.18")]
    public void Same_line_is_consistent(string local, string runtime)
    {
        Assert.Empty(Repo.Run("MLO601", (".python-version", local + "\n"), ("runtime.txt", runtime + "\n")));
    }

    [Fact]
    public void Patch_releases_agree_unless_a_range_excludes_one()
    {
        // 3.9.2 locally and 3.9.18 in production: one language and one set of wheels.
        Assert.Empty(Repo.Run("MLO601", (".python-version", "3.9.2\n"), ("runtime.txt", "python-3.9.18\n")));
        // requires-python >=3.11.4 does exclude 3.11.2.
        Assert.Single(Repo.Run("MLO601", ("pyproject.toml", "[project]\nrequires-python = \">=3.11.4\"\n"), ("Dockerfile", "FROM python:3.11.2-slim\n")));
    }

    [Fact]
    public void Every_declaration_kind_is_read()
    {
        // All of them say 3.10; requires-python says >=3.11: each is excluded.
        var findings = Repo.Run("MLO601",
            ("pyproject.toml", PyProject311 + "\n[tool.poetry.dependencies]\npython = \"^3.11\"\n"),
            ("Pipfile", "[requires]\npython_version = \"3.10\"\n"),
            ("environment.yml", "name: x\ndependencies:\n  - python=3.10\n  - numpy\n"),
            (".tool-versions", "nodejs 20.1.0\npython 3.10.13\n"),
            ("tox.ini", "[tox]\nenvlist = py310, py311\n"),
            ("setup.cfg", "[metadata]\nname = x\n[options]\npython_requires = >=3.11\n"));
        var where = findings.Select(f => $"{f.Path}:{f.Span.StartLine}").ToArray();
        Assert.Contains("Pipfile:2", where);
        Assert.Contains("environment.yml:3", where);
        Assert.Contains(".tool-versions:2", where);
        Assert.Contains("tox.ini:2", where);
        Assert.Equal(4, findings.Count);
        var tox = findings.Single(f => f.Path == "tox.ini");
        Assert.Contains("py310", tox.Message);
        Assert.Equal(new[] { "pyproject.toml", "pyproject.toml", "setup.cfg" }, tox.Related.Select(r => r.Path).OrderBy(p => p).ToArray());
    }

    [Fact]
    public void Poetry_caret_is_a_range()
    {
        Assert.Empty(Repo.Run("MLO601", ("pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.10\"\n"), ("Dockerfile", "FROM python:3.12-slim\n")));
        var f = Assert.Single(Repo.Run("MLO601", ("pyproject.toml", "[tool.poetry.dependencies]\npython = \"~3.10\"\n"), ("Dockerfile", "FROM python:3.12-slim\n")));
        Assert.Equal("Dockerfile", f.Path);
    }

    [Fact]
    public void Ci_matrix_versions_outside_requires_python_are_reported()
    {
        const string workflow = """
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                strategy:
                  matrix:
                    python-version: ["3.9", "3.11", "3.12"]
                steps:
                  - uses: actions/setup-python@v5
                    with:
                      python-version: ${{ matrix.python-version }}
            """;
        var f = Assert.Single(Repo.Run("MLO601", (".github/workflows/ci.yml", workflow), ("pyproject.toml", PyProject311)));
        Assert.Equal(7, f.Span.StartLine);
        Assert.Contains("3.9", f.Message);
    }

    [Fact]
    public void Monorepo_services_with_their_own_pythons_are_independent()
    {
        var result = Repo.Scan(LintConfig.Default,
            ("services/a/Dockerfile", "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"),
            ("services/a/requirements.txt", "scikit-learn==1.3.2\n"),
            ("services/a/pyproject.toml", "[project]\nname = \"a\"\nrequires-python = \">=3.11\"\n"),
            ("services/a/.python-version", "3.11\n"),
            ("services/b/Dockerfile", "FROM python:3.9-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"),
            ("services/b/requirements.txt", "scikit-learn==1.0.2\n"),
            ("services/b/pyproject.toml", "[project]\nname = \"b\"\nrequires-python = \">=3.8,<3.10\"\n"),
            ("services/b/.python-version", "3.9\n"),
            ("pyproject.toml", "[tool.ruff]\nline-length = 100\n"));
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("MLO6", StringComparison.Ordinal));
    }

    [Fact]
    public void A_closer_declaration_hides_the_root_one()
    {
        // The root requires >=3.11, but services/b has its own pyproject: its Dockerfile is judged by that one.
        Assert.Empty(Repo.Run("MLO601",
            ("pyproject.toml", PyProject311),
            ("services/b/pyproject.toml", "[project]\nname = \"b\"\nrequires-python = \">=3.8\"\n"),
            ("services/b/Dockerfile", "FROM python:3.9-slim\n")));
        Assert.Single(Repo.Run("MLO601",
            ("pyproject.toml", PyProject311),
            ("services/b/Dockerfile", "FROM python:3.9-slim\n")));
    }

    [Fact]
    public void Declared_independent_environments_are_not_compared()
    {
        var config = Repo.Config("""
            [environments.legacy]
            paths = ["legacy/**"]
            independent = true
            """);
        var files = new[] { ("pyproject.toml", PyProject311), ("legacy/Dockerfile", "FROM python:3.8-slim\n") };
        Assert.Single(Repo.Run("MLO601", files));
        Assert.Empty(Repo.Run(config, "MLO601", files));
    }

    [Fact]
    public void Two_dockerfiles_are_two_images()
    {
        Assert.Empty(Repo.Run("MLO601", ("Dockerfile", "FROM python:3.11\n"), ("Dockerfile.gpu", "FROM python:3.10\n")));
    }

    [Fact]
    public void Noqa_silences()
    {
        Assert.Empty(Repo.Run("MLO601", ("Dockerfile", "FROM python:3.8-slim # noqa: MLO601\n"), ("pyproject.toml", PyProject311)));
    }

    // ---------------------------------------------------------------- MLO602

    private const string Ci = """
        on: push
        jobs:
          test:
            runs-on: ubuntu-latest
            strategy:
              matrix:
                py: ["3.11", "3.12"]
            steps:
              - uses: actions/setup-python@v5
                with:
                  python-version: ${{ matrix.py }}
        """;

    [Fact]
    public void Ci_never_tests_the_production_python()
    {
        var f = Assert.Single(Repo.Run("MLO602", (".github/workflows/ci.yml", Ci), ("Dockerfile", "FROM python:3.9-slim\n")));
        Assert.Equal(".github/workflows/ci.yml", f.Path);
        Assert.Equal(7, f.Span.StartLine);
        Assert.Contains("3.9", f.Message);
        Assert.Contains("3.11, 3.12", f.Message);
        Assert.Equal("Dockerfile", f.Related[0].Path);
    }

    [Theory]
    [InlineData("FROM python:3.12-slim")]
    [InlineData("FROM python:3.11.9-bookworm")]
    [InlineData("FROM python:3")]
    public void Ci_covering_production_is_silent(string dockerfile)
    {
        Assert.Empty(Repo.Run("MLO602", (".github/workflows/ci.yml", Ci), ("Dockerfile", dockerfile + "\n")));
    }

    [Fact]
    public void Runtime_txt_is_production_and_a_training_image_is_not()
    {
        Assert.Single(Repo.Run("MLO602", (".github/workflows/ci.yml", Ci), ("runtime.txt", "python-3.10.14\n")));
        Assert.Empty(Repo.Run("MLO602", (".github/workflows/ci.yml", Ci), ("train/Dockerfile", "FROM python:3.10\n")));
        Assert.Empty(Repo.Run("MLO602", (".github/workflows/ci.yml", Ci), (".python-version", "3.10\n")));
    }
}
