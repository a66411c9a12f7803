using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Core.Tests.Checks.Mismatch;

public class LibraryPinTests
{
    private const string ServingDockerfile = "FROM python:3.11-slim\nWORKDIR /app\nCOPY serve/requirements.txt .\nRUN pip install -r requirements.txt\n";

    [Fact]
    public void Sklearn_pinned_differently_for_training_and_serving()
    {
        var f = Assert.Single(Repo.Run("MLO603",
            ("train/requirements.txt", "pandas==2.1.4\nscikit-learn==1.3.2\n"),
            ("serve/requirements.txt", "fastapi==0.110.0\nscikit-learn==1.0.2\n"),
            ("Dockerfile", ServingDockerfile)));
        Assert.Equal(("serve/requirements.txt", 2), (f.Path, f.Span.StartLine));
        Assert.Contains("scikit-learn ==1.0.2", f.Message);
        Assert.Contains("1.3.2", f.Message);
        Assert.Contains("training", f.Message);
        Assert.Contains("may not load", f.Message);
        var r = Assert.Single(f.Related);
        Assert.Equal(("train/requirements.txt", 2), (r.Path, r.Span.StartLine));
        Assert.Contains("scikit-learn==1.3.2", f.Fix);
    }

    [Theory]
    [InlineData("scikit-learn==1.3.2", "scikit-learn>=1.3,<1.4")]
    [InlineData("scikit-learn==1.3.2", "scikit_learn~=1.3.0")]
    [InlineData("Scikit_Learn==1.3.2", "scikit-learn==1.3.2")]
    [InlineData("scikit-learn==1.3.2", "scikit-learn")]
    [InlineData("torch==2.1.0+cu121", "torch==2.1.0+cpu")]
    [InlineData("scikit-learn>=1.2", "scikit-learn==1.3.2")]
    public void Intersecting_constraints_are_silent(string training, string serving)
    {
        Assert.Empty(Repo.Run("MLO603",
            ("train/requirements.txt", training + "\n"),
            ("serve/requirements.txt", serving + "\n"),
            ("Dockerfile", ServingDockerfile)));
    }

    [Theory]
    [InlineData("scikit-learn==1.3.2", "scikit-learn<1.3")]
    [InlineData("scikit_learn==1.3.2", "Scikit-Learn==1.0.2")]
    [InlineData("xgboost>=2", "xgboost==1.7.6")]
    public void Disjoint_constraints_fire(string training, string serving)
    {
        Assert.Single(Repo.Run("MLO603",
            ("train/requirements.txt", training + "\n"),
            ("serve/requirements.txt", serving + "\n"),
            ("Dockerfile", ServingDockerfile)));
    }

    [Fact]
    public void Other_libraries_are_MLO608_suggestions()
    {
        var result = Repo.Scan(LintConfig.Default,
            ("train/requirements.txt", "fastapi==0.110.0\n"),
            ("serve/requirements.txt", "fastapi==0.95.2\n"),
            ("Dockerfile", ServingDockerfile));
        var f = Assert.Single(result.Findings, x => x.RuleId.StartsWith("MLO6", StringComparison.Ordinal));
        Assert.Equal("MLO608", f.RuleId);
        Assert.Equal(Rules.Severity.Suggestion, f.Severity);
    }

    [Fact]
    public void Serialized_libraries_option_extends_the_list()
    {
        var config = Repo.Config("[rules.MLO603]\nserialized-libraries = [\"sentence_transformers\"]\n");
        Assert.Single(Repo.Run(config, "MLO603",
            ("train/requirements.txt", "sentence-transformers==2.7.0\n"),
            ("serve/requirements.txt", "sentence-transformers==2.2.2\n"),
            ("Dockerfile", ServingDockerfile)));
    }

    [Fact]
    public void Dockerfile_installs_and_root_requirements()
    {
        // The root requirements.txt (no role) is the development side of the Dockerfile in its folder.
        var f = Assert.Single(Repo.Run("MLO603",
            ("requirements.txt", "numpy==1.26.4\nxgboost==2.0.3\n"),
            ("Dockerfile", "FROM python:3.11-slim\nRUN pip install --no-cache-dir xgboost==1.7.6 numpy==1.26.4\n")));
        Assert.Equal(("Dockerfile", 2), (f.Path, f.Span.StartLine));
        Assert.Equal(32, f.Span.StartColumn);
    }

    [Fact]
    public void Dockerfile_installing_the_same_file_is_consistent()
    {
        Assert.Empty(Repo.Run("MLO603",
            ("requirements.txt", "xgboost==2.0.3\n"),
            ("requirements-dev.txt", "-r requirements.txt\npytest==8.0.0\n"),
            ("Dockerfile", "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n")));
    }

    [Fact]
    public void Lock_files_are_read()
    {
        const string poetryLock = """
            [[package]]
            name = "scikit-learn"
            version = "1.3.2"
            description = "A set of python modules for machine learning"
            optional = false

            [[package]]
            name = "numpy"
            version = "1.26.4"
            """;
        const string uvLock = """
            version = 1
            [[package]]
            name = "churn"
            version = "0.1.0"
            source = { editable = "." }

            [[package]]
            name = "scikit-learn"
            version = "1.3.2"
            """;
        const string pipfileLock = """
            {
                "_meta": {"hash": {"sha256": "x"}},
                "default": {
                    "scikit-learn": {"hashes": [], "version": "==1.3.2"}
                },
                "develop": {}
            }
            """;
        foreach (var (name, text, line) in new[] { ("poetry.lock", poetryLock, 3), ("uv.lock", uvLock, 9), ("Pipfile.lock", pipfileLock, 4) })
        {
            var f = Assert.Single(Repo.Run("MLO603",
                ("training/" + name, text),
                ("serving/requirements.txt", "scikit-learn==1.2.2\nnumpy==1.26.4\n")));
            Assert.Equal("serving/requirements.txt", f.Path);
            Assert.Equal(("training/" + name, line), (f.Related[0].Path, f.Related[0].Span.StartLine));
            Assert.Contains("1.3.2 (locked)", f.Message);
        }
    }

    [Fact]
    public void Conda_environment_and_conda_installs()
    {
        var f = Assert.Single(Repo.Run("MLO603",
            ("environment.yml", "name: train\ndependencies:\n  - python=3.11\n  - pytorch=2.1.0\n  - pip:\n    - lightgbm==4.1.0\n"),
            ("Dockerfile", "FROM python:3.11-slim\nRUN pip install torch==2.0.1 lightgbm==4.1.0\n")));
        Assert.Contains("torch", f.Message);
        Assert.Equal(("environment.yml", 4), (f.Related[0].Path, f.Related[0].Span.StartLine));
    }

    [Fact]
    public void Two_serving_services_are_not_compared_but_training_is_compared_with_both()
    {
        var files = new List<(string, string)>
        {
            ("services/a/Dockerfile", "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"),
            ("services/a/requirements.txt", "scikit-learn==1.3.2\n"),
            ("services/b/Dockerfile", "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"),
            ("services/b/requirements.txt", "scikit-learn==1.0.2\n"),
        };
        Assert.Empty(Repo.Run("MLO603", files.ToArray()));
        files.Add(("training/requirements.txt", "scikit-learn==1.3.2\n"));
        var f = Assert.Single(Repo.Run("MLO603", files.ToArray()));
        Assert.Equal("services/b/requirements.txt", f.Path);
        // Service b serves a model of its own: say so.
        var config = Repo.Config("[environments.b]\npaths = [\"services/b/**\"]\nrole = \"serving\"\nindependent = true\n");
        Assert.Empty(Repo.Run(config, "MLO603", files.ToArray()));
    }

    [Fact]
    public void Dev_requirements_of_another_service_are_not_compared()
    {
        Assert.Empty(Repo.Run("MLO608",
            ("services/a/Dockerfile", "FROM python:3.11-slim\nRUN pip install fastapi==0.110.0\n"),
            ("services/b/requirements-dev.txt", "fastapi==0.95.2\n")));
        Assert.Single(Repo.Run("MLO608",
            ("services/a/Dockerfile", "FROM python:3.11-slim\nRUN pip install fastapi==0.110.0\n"),
            ("services/a/requirements-dev.txt", "fastapi==0.95.2\n")));
    }

    [Fact]
    public void Explicit_environments_compare_any_folders()
    {
        var config = Repo.Config("""
            [environments.serving]
            paths = ["model_api/**"]
            [environments.training]
            paths = ["pipelines/**"]
            """);
        var files = new[]
        {
            ("model_api/requirements.txt", "joblib==1.2.0\n"),
            ("pipelines/requirements.txt", "joblib==1.3.2\n"),
        };
        Assert.Empty(Repo.Run("MLO603", files));
        var f = Assert.Single(Repo.Run(config, "MLO603", files));
        Assert.Equal("model_api/requirements.txt", f.Path);
    }

    [Fact]
    public void Unknown_environment_settings_are_reported()
    {
        var config = Repo.Config("[environments.serving]\npaths = [\"api/**\"]\nrole = \"prodution\"\nfoo = 1\n");
        var result = Repo.Scan(config, ("api/requirements.txt", "numpy==1.26.4\n"));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("role"));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("unknown setting 'foo'"));
    }
}
