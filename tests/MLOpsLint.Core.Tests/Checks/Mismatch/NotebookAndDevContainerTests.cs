namespace MLOpsLint.Core.Tests.Checks.Mismatch;

/// <summary>
/// Issue 13's Python version sources: the Python a notebook last ran with (<c>metadata.language_info.version</c>) and a
/// dev container's Python (<c>.devcontainer/devcontainer.json</c> image or python feature, or the Dev Containers image
/// its Dockerfile builds from), compared with the declarations of the same environment. Mini repositories that must
/// fire beside look-alikes that must not.
/// </summary>
public class NotebookAndDevContainerTests
{
    /// <summary>A notebook as Jupyter saves it (nbformat 4.5, IPython kernel metadata).</summary>
    private static string Notebook(string pythonVersion, string languageName = "python") => $$"""
        {
         "cells": [
          {
           "cell_type": "code",
           "execution_count": 1,
           "id": "3b8e2c1a",
           "metadata": {},
           "outputs": [],
           "source": [
            "import pandas as pd\n",
            "df = pd.read_csv(\"data.csv\")"
           ]
          }
         ],
         "metadata": {
          "kernelspec": {
           "display_name": "Python 3 (ipykernel)",
           "language": "python",
           "name": "python3"
          },
          "language_info": {
           "codemirror_mode": {
            "name": "ipython",
            "version": 3
           },
           "file_extension": ".py",
           "mimetype": "text/x-python",
           "name": "{{languageName}}",
           "nbconvert_exporter": "python",
           "pygments_lexer": "ipython3",
           "version": "{{pythonVersion}}"
          }
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    private const string PyProject310 = """
        [project]
        name = "churn"
        version = "0.1.0"
        requires-python = ">=3.10"
        """;

    // --- notebook kernel metadata -------------------------------------------------------------------------

    [Fact]
    public void A_notebook_run_on_a_python_that_requires_python_excludes_is_reported_at_its_version()
    {
        var f = Assert.Single(Repo.Run("MLO601",
            ("notebooks/eda.ipynb", Notebook("3.8.10")),
            ("pyproject.toml", PyProject310)));
        Assert.Equal("notebooks/eda.ipynb", f.Path);
        Assert.Equal(31, f.Span.StartLine); // "version": "3.8.10" of language_info
        Assert.Contains("This notebook last ran on Python 3.8.10 (kernel metadata), which requires-python '>=3.10' (pyproject.toml:4) excludes", f.Message);
        Assert.Equal("pyproject.toml", f.Related[0].Path);
    }

    [Theory]
    [InlineData("3.10.12", ">=3.10.4")]   // a patch-level fact compared at the minor line
    [InlineData("3.11.4", ">=3.10")]
    [InlineData("3.8.10", ">=3.10", "R")]  // an R kernel's version is not a Python
    public void A_notebook_within_the_declared_pythons_is_silent(string kernel, string requires, string language = "python")
    {
        Assert.Empty(Repo.Run("MLO601",
            ("notebooks/eda.ipynb", Notebook(kernel, language)),
            ("pyproject.toml", PyProject310.Replace(">=3.10", requires))));
    }

    [Fact]
    public void A_notebook_and_a_serving_image_are_two_environments_but_a_jupyter_image_is_the_notebooks_own()
    {
        var serving = Repo.Run("MLO601",
            ("notebooks/train.ipynb", Notebook("3.10.12")),
            ("Dockerfile", "FROM python:3.11-slim\nCOPY app /app\nCMD [\"uvicorn\", \"app.main:app\"]\n"),
            (".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: \"3.12\"\n"));
        Assert.Empty(serving);

        var jupyter = Assert.Single(Repo.Run("MLO601",
            ("notebooks/train.ipynb", Notebook("3.10.12")),
            ("Dockerfile.jupyter", "FROM python:3.11-slim\nRUN pip install jupyterlab==4.2.5\nCMD [\"jupyter\", \"lab\"]\n")));
        Assert.Equal("notebooks/train.ipynb", jupyter.Path);
        Assert.Contains("base image python:3.11-slim (Dockerfile.jupyter:1)", jupyter.Message);
    }

    [Fact]
    public void Many_notebooks_off_the_local_python_are_one_finding()
    {
        var f = Assert.Single(Repo.Run("MLO601",
            ("notebooks/01_eda.ipynb", Notebook("3.8.10")),
            ("notebooks/02_features.ipynb", Notebook("3.8.10")),
            ("notebooks/03_train.ipynb", Notebook("3.9.7")),
            ("notebooks/04_report.ipynb", Notebook("3.11.2")),
            (".python-version", "3.11.9\n")));
        Assert.Equal("notebooks/01_eda.ipynb", f.Path);
        Assert.StartsWith("3 notebooks last ran on Python 3.8.10, 3.9.7 (kernel metadata), which .python-version 3.11.9 (.python-version:1) excludes", f.Message);
        Assert.Equal(new[] { ".python-version", "notebooks/02_features.ipynb", "notebooks/03_train.ipynb" }, f.Related.Select(r => r.Path).ToArray());
        Assert.Contains("re-run the notebooks with Python 3.11.9", f.Fix);
    }

    [Fact]
    public void Notebooks_are_not_compared_with_each_other()
    {
        Assert.Empty(Repo.Run("MLO601",
            ("a.ipynb", Notebook("3.8.10")),
            ("b.ipynb", Notebook("3.12.1"))));
    }

    // --- dev containers -----------------------------------------------------------------------------------

    [Fact]
    public void A_dev_container_image_on_another_python_than_the_production_image_is_reported()
    {
        const string devcontainer = """
            // Dev container for the churn service
            {
              "name": "churn",
              "image": "mcr.microsoft.com/devcontainers/python:1-3.10-bookworm",
              "customizations": { "vscode": { "extensions": ["ms-python.python"] } },
            }
            """;
        var f = Assert.Single(Repo.Run("MLO601",
            (".devcontainer/devcontainer.json", devcontainer),
            ("services/api/Dockerfile", "FROM python:3.11-slim\nCOPY . /app\n")));
        Assert.Equal(".devcontainer/devcontainer.json", f.Path);
        Assert.Equal(4, f.Span.StartLine);
        Assert.Contains("Python 3.10", f.Message);
        Assert.Contains("base image python:3.11-slim (services/api/Dockerfile:1)", f.Message);

        Assert.Empty(Repo.Run("MLO601",
            (".devcontainer/devcontainer.json", devcontainer.Replace("1-3.10-bookworm", "1-3.11-bookworm")),
            ("services/api/Dockerfile", "FROM python:3.11-slim\nCOPY . /app\n")));
    }

    [Fact]
    public void The_python_feature_wins_over_the_image_and_latest_names_no_version()
    {
        const string devcontainer = """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              "features": {
                "ghcr.io/devcontainers/features/python:1": { "version": "3.12" }
              }
            }
            """;
        var f = Assert.Single(Repo.Run("MLO601",
            (".devcontainer/devcontainer.json", devcontainer),
            ("pyproject.toml", PyProject310.Replace(">=3.10", ">=3.9,<3.12"))));
        Assert.Equal(".devcontainer/devcontainer.json", f.Path);
        Assert.Equal(4, f.Span.StartLine);
        Assert.Contains("3.12", f.Message);

        Assert.Empty(Repo.Run("MLO601",
            (".devcontainer/devcontainer.json", devcontainer.Replace("\"3.12\"", "\"latest\"")),
            ("pyproject.toml", PyProject310.Replace(">=3.10", ">=3.9,<3.12"))));
    }

    [Fact]
    public void A_dev_container_dockerfile_from_a_dev_containers_image_is_read_and_its_own_json_is_not_compared_with_it()
    {
        var findings = Repo.Run("MLO601",
            (".devcontainer/devcontainer.json", "{ \"build\": { \"dockerfile\": \"Dockerfile\" }, \"features\": { \"ghcr.io/devcontainers/features/python:1\": { \"version\": \"3.11\" } } }"),
            (".devcontainer/Dockerfile", "FROM mcr.microsoft.com/devcontainers/python:1-3.9-bullseye\n"),
            ("pyproject.toml", PyProject310));
        var f = Assert.Single(findings);
        Assert.Equal(".devcontainer/Dockerfile", f.Path);
        Assert.Contains("3.9", f.Message);
        Assert.Contains("requires-python '>=3.10'", f.Message);
    }

    [Fact]
    public void A_dev_container_of_another_language_says_nothing()
    {
        Assert.Empty(Repo.Run("MLO601",
            (".devcontainer/devcontainer.json", "{ \"image\": \"mcr.microsoft.com/devcontainers/typescript-node:1-20-bookworm\" }"),
            ("pyproject.toml", PyProject310)));
    }
}
