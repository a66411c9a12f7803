using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>
/// The noise classes the ecosystem check measured for MLO205, MLO211 and MLO212 (bench/ecosystem/FINDINGS.md): one
/// result per package of one command; an extra held by a pin beside it; conda updating itself; conda's variant
/// selectors; a library's or an example collection's CI and images tracking the newest releases on purpose; a library's
/// tutorial notebooks; docs requirements. Each with the look-alike that must still fire.
/// </summary>
public class InstallNoiseTests
{
    private static IReadOnlyList<Finding> Run(string rule, params (string Path, string Text)[] files) =>
        Fixture.Scan(LintConfig.Default, files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray())
            .Findings.Where(f => f.RuleId == rule).ToArray();

    private const string LibraryPyProject = """
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "featurekit"
        version = "1.0.0"
        dependencies = ["numpy>=1.24"]
        """;

    private const string ApplicationRequirements = "fastapi==0.111.0\nscikit-learn==1.4.2\n";

    private const string CiWorkflow = """
        on: [push]
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
              - run: |
                  pip install git+https://github.com/optuna/optuna.git
                  pip install pytest transformers
        """;

    private static string Notebook(string line) => $$$"""
        {
         "cells": [
          {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
           "source": ["{{{line}}}\n", "import transformers\n"]}
         ],
         "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
         "nbformat": 4, "nbformat_minor": 5
        }
        """;

    [Fact]
    public void One_command_with_several_unpinned_packages_is_one_finding_naming_them()
    {
        var f = Assert.Single(Run("MLO205", ("Dockerfile", "FROM python:3.11-slim\nRUN pip install pandas numpy==1.26.4 scikit-learn torch\n")));
        Assert.Equal(new SourceSpan(2, 17, 2, 23), f.Span); // on the first unpinned package
        Assert.Contains("3 packages", f.Message);
        Assert.Contains("'pandas', 'scikit-learn', 'torch'", f.Message);
        Assert.DoesNotContain("numpy", f.Message);
        Assert.Contains("\"pandas==<version>\" \"scikit-learn==<version>\" \"torch==<version>\"", f.Fix);

        // two commands, two findings; a pinned command none
        Assert.Equal(2, Run("MLO205", ("Dockerfile", "FROM python:3.11-slim\nRUN pip install pandas && pip install torch\n")).Count);
        Assert.Empty(Run("MLO205", ("Dockerfile", "FROM python:3.11-slim\nRUN pip install pandas==2.2.2 torch==2.3.1\n")));
    }

    [Fact]
    public void An_extra_held_by_an_exact_pin_in_the_same_command_is_not_reported()
    {
        Assert.Empty(Run("MLO205", ("Dockerfile",
            "FROM python:3.11-slim\nRUN pip install mkdocs==1.5.3 mkdocstrings==0.21.2 \"mkdocstrings[python]>=0.18\"\n")));
        // without the pin beside it, the range is what pip resolves
        var f = Assert.Single(Run("MLO205", ("Dockerfile",
            "FROM python:3.11-slim\nRUN pip install mkdocs==1.5.3 \"mkdocstrings[python]>=0.18\"\n")));
        Assert.Contains("'mkdocstrings' in pip install (Dockerfile) is not pinned to one version (>=0.18)", f.Message);
    }

    [Fact]
    public void Conda_updating_itself_and_variant_selectors_are_not_dependencies()
    {
        const string d = "FROM continuumio/miniconda3:24.1.2-0\nRUN conda update -n base conda && conda install -y cpuonly pytorch=2.1.0 -c pytorch\n";
        Assert.Empty(Run("MLO205", ("Dockerfile", d)));
        var f = Assert.Single(Run("MLO205", ("Dockerfile", "FROM continuumio/miniconda3:24.1.2-0\nRUN conda install -y cpuonly pytorch numpy -c pytorch\n")));
        Assert.Contains("'pytorch', 'numpy'", f.Message);
        Assert.DoesNotContain("cpuonly", f.Message);
    }

    [Fact]
    public void CI_installs_are_not_judged_what_ships_is()
    {
        // a CI job that installs the newest release or a development head tests against it on purpose (in the corpus every
        // such result was false or debatable); the image the application ships is judged
        Assert.Empty(Run("MLO205", ("pyproject.toml", LibraryPyProject), (".github/workflows/test.yml", CiWorkflow)));
        Assert.Empty(Run("MLO211", ("pyproject.toml", LibraryPyProject), (".github/workflows/test.yml", CiWorkflow)));
        var app = new[] { ("requirements.txt", ApplicationRequirements), ("app.py", "import fastapi\n"), (".github/workflows/test.yml", CiWorkflow) };
        Assert.Empty(Run("MLO205", app));
        Assert.Empty(Run("MLO211", app));

        const string dockerfile = "FROM python:3.11-slim\nRUN pip install pytest transformers && pip install git+https://github.com/optuna/optuna.git\n";
        var shipped = new[] { ("requirements.txt", ApplicationRequirements), ("app.py", "import fastapi\n"), ("Dockerfile", dockerfile) };
        Assert.Single(Run("MLO205", shipped));
        Assert.Single(Run("MLO211", shipped));
    }

    [Fact]
    public void A_library_Dockerfile_builds_a_CI_image_an_application_Dockerfile_ships()
    {
        const string dockerfile = "FROM python:3.11-slim\nRUN pip install transformers git+https://github.com/huggingface/accelerate.git\n";
        Assert.Empty(Run("MLO205", ("pyproject.toml", LibraryPyProject), ("docker/cpu/Dockerfile", dockerfile)));
        Assert.Empty(Run("MLO211", ("pyproject.toml", LibraryPyProject), ("docker/cpu/Dockerfile", dockerfile)));

        Assert.Single(Run("MLO205", ("requirements.txt", ApplicationRequirements), ("docker/cpu/Dockerfile", dockerfile)));
        Assert.Single(Run("MLO211", ("requirements.txt", ApplicationRequirements), ("docker/cpu/Dockerfile", dockerfile)));
    }

    [Fact]
    public void A_library_tutorial_notebook_installs_the_current_release_an_application_notebook_is_judged()
    {
        var nb = Notebook("!pip install transformers datasets");
        Assert.Empty(Run("MLO212", ("pyproject.toml", LibraryPyProject), ("notebooks/Basic_Usage.ipynb", nb)));
        Assert.Empty(Run("MLO212", ("requirements.txt", ApplicationRequirements), ("examples/Basic_Usage.ipynb", nb)));

        var f = Assert.Single(Run("MLO212", ("requirements.txt", ApplicationRequirements), ("notebooks/train.ipynb", nb)));
        Assert.Contains("2 packages in !pip install (train.ipynb) have no version: 'transformers', 'datasets'", f.Message);
    }

    [Fact]
    public void Docs_and_example_requirements_are_not_judged_the_project_requirements_are()
    {
        const string theme = "sphinx==7.2.6\n-e git+https://github.com/pytorch/pytorch_sphinx_theme.git#egg=pytorch_sphinx_theme\n";
        Assert.Empty(Run("MLO211", ("requirements.txt", ApplicationRequirements), ("docs/requirements.txt", theme)));
        Assert.Empty(Run("MLO211", ("requirements.txt", ApplicationRequirements), ("examples/sft/requirements_colab.txt", theme)));
        Assert.Single(Run("MLO211", ("requirements.txt", ApplicationRequirements + theme)));
    }
}
