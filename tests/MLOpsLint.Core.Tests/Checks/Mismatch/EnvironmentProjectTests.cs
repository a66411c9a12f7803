namespace MLOpsLint.Core.Tests.Checks.Mismatch;

/// <summary>
/// Environments are compared only when they belong to the same project (issue 13: MLO602 at 0% and MLO608 at 50% on
/// the ecosystem run, all of the false results a course monorepo's unrelated folders or a library's development image):
/// a workflow that names its folders (<c>on.*.paths</c>, <c>working-directory</c>) tests those; a library's Dockerfile
/// that starts nothing is not production; a development environment with its own lock file below a service is another
/// project (a training one is not). Each beside the look-alike that must still fire.
/// </summary>
public class EnvironmentProjectTests
{
    private const string HomeworkCi = """
        on:
          pull_request:
            paths:
              - '06-best-practices/code/**'
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/setup-python@v5
                with:
                  python-version: "3.9"
              - run: pipenv install --dev
                working-directory: "06-best-practices/code"
        """;

    private const string Service = "FROM python:3.8-slim\nCOPY . /app\nCMD [\"python\", \"app.py\"]\n";

    [Fact]
    public void A_workflow_about_one_folder_is_not_compared_with_another_folders_service()
    {
        Assert.Empty(Repo.Run("MLO602", (".github/workflows/ci-tests.yml", HomeworkCi), ("cohorts/2022/homework/prediction_service/Dockerfile", Service)));
        // the service it tests, and a service at the root above the tested folder, are compared
        Assert.Single(Repo.Run("MLO602", (".github/workflows/ci-tests.yml", HomeworkCi), ("06-best-practices/code/Dockerfile", Service)));
        Assert.Single(Repo.Run("MLO602", (".github/workflows/ci-tests.yml", HomeworkCi), ("Dockerfile", Service)));
        // a workflow that names no folder tests the whole repository
        Assert.Single(Repo.Run("MLO602", (".github/workflows/ci-tests.yml", HomeworkCi.Replace("    paths:\n      - '06-best-practices/code/**'\n", "").Replace("\n        working-directory: \"06-best-practices/code\"", "")),
            ("cohorts/2022/homework/prediction_service/Dockerfile", Service)));
    }

    private const string LibraryPyProject = "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"skorch\"\nversion = \"1.0\"\nrequires-python = \">=3.10\"\nclassifiers = [\"Programming Language :: Python :: 3\"]\n";

    private const string LibraryCi = """
        on: push
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/setup-python@v5
                with:
                  python-version: "3.12"
        """;

    [Fact]
    public void A_librarys_environment_only_image_is_not_production_but_one_that_starts_a_service_is()
    {
        (string, string)[] Library(string dockerfile) => new[]
        {
            ("pyproject.toml", LibraryPyProject), ("tests/test_net.py", "def test_x():\n    assert True\n"), ("docs/index.md", "# docs\n"),
            (".github/workflows/ci.yml", LibraryCi), ("Dockerfile", dockerfile),
        };
        Assert.Empty(Repo.Run("MLO602", Library("FROM nvidia/cuda:9.0-cudnn7-runtime\nRUN apt-get update && apt-get install -y python3.5-dev git\n")));
        Assert.Single(Repo.Run("MLO602", Library("FROM nvidia/cuda:9.0-cudnn7-runtime\nRUN apt-get update && apt-get install -y python3.5-dev git\nEXPOSE 8080\nCMD [\"python3.5\", \"serve.py\"]\n")));
    }

    private const string PipfileLock = """
        {
            "_meta": {"hash": {"sha256": "0"}, "pipfile-spec": 6, "requires": {"python_version": "3.9"}, "sources": []},
            "default": {"requests": {"hashes": [], "version": "==2.28.1"}},
            "develop": {}
        }
        """;

    [Fact]
    public void A_locked_development_project_below_a_service_is_another_project()
    {
        const string compose = "services:\n  prediction_service:\n    build:\n      context: prediction_service\n      dockerfile: Dockerfile\n    ports:\n      - 9696:9696\n  mongo:\n    image: mongo\n";
        Assert.Empty(Repo.Run("MLO608",
            ("homework/docker-compose.yml", compose),
            ("homework/requirements.txt", "requests~=2.26.0\n"),
            ("homework/prefect-monitoring/Pipfile", "[packages]\nrequests = \"*\"\n"),
            ("homework/prefect-monitoring/Pipfile.lock", PipfileLock)));
        // the same folder without a lock of its own is the service's development environment
        Assert.Single(Repo.Run("MLO608",
            ("homework/docker-compose.yml", compose),
            ("homework/requirements.txt", "requests~=2.26.0\n"),
            ("homework/prefect-monitoring/Pipfile", "[packages]\nrequests = \"==2.28.1\"\n")));
        // a locked training environment below the service is the model it loads: still compared
        Assert.Single(Repo.Run("MLO608",
            ("homework/docker-compose.yml", compose),
            ("homework/requirements.txt", "requests~=2.26.0\n"),
            ("homework/training/Pipfile", "[packages]\nrequests = \"*\"\n"),
            ("homework/training/Pipfile.lock", PipfileLock)));
    }
}
