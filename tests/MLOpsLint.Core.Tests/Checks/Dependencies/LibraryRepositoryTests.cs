using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>
/// The noise of MLO201-203 in published libraries (issue 13, from bench/ecosystem): a library called an application
/// because its requirements.txt installs <c>-e .</c> or a development Dockerfile installs it; per-example, docs and
/// development requirement files judged like a deployment's. Each mini repository has a look-alike that must still fire.
/// </summary>
public class LibraryRepositoryTests
{
    private const string LibraryPyProject = """
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "tabkit"
        version = "0.9.0"
        dependencies = ["numpy>=1.24", "scikit-learn>=1.3"]
        """;

    private static IReadOnlyList<Finding> Run(params (string Path, string Text)[] files) =>
        Fixture.Scan(files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray()).Findings
            .Where(f => f.RuleId is "MLO201" or "MLO202" or "MLO203").ToArray();

    private static string[] Summary(IReadOnlyList<Finding> findings) => findings.Select(f => $"{f.RuleId} {f.Path}:{f.Span.StartLine}").ToArray();

    [Fact]
    public void A_requirements_txt_that_installs_the_package_itself_leaves_it_a_library()
    {
        // before: requirements.txt "deployed" it, so the pyproject was an application without a lock (MLO202)
        Assert.Equal(new[] { "MLO203 pyproject.toml:8" }, Summary(Run(("pyproject.toml", LibraryPyProject), ("requirements.txt", "-e .\n"), ("src/tabkit/__init__.py", ""))));
        // look-alike: a requirements.txt that is an environment (pins for a deployment) makes it an application
        Assert.Equal(new[] { "MLO202 pyproject.toml:8" }, Summary(Run(("pyproject.toml", LibraryPyProject), ("requirements.txt", "tabkit==0.9.0\nuvicorn==0.29.0\n"))));
    }

    [Fact]
    public void A_development_dockerfile_does_not_deploy_a_library_and_a_service_dockerfile_does()
    {
        const string devImage = "FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nWORKDIR /app\nADD . /app\nRUN pip3 install -e .\n";
        Assert.Equal(new[] { "MLO203 pyproject.toml:8" }, Summary(Run(("pyproject.toml", LibraryPyProject), ("Dockerfile", devImage))));
        Assert.Equal(new[] { "MLO202 pyproject.toml:8" }, Summary(Run(("pyproject.toml", LibraryPyProject), ("Dockerfile", devImage + "EXPOSE 8080\nCMD [\"tabkit-serve\"]\n"))));
    }

    [Fact]
    public void The_requirements_file_setup_py_reads_is_the_librarys_ranges_not_a_deployment()
    {
        const string setup = "from setuptools import setup, find_packages\n\nsetup(\n    name=\"tabkit\",\n    packages=find_packages(),\n    install_requires=[l for l in open(\"requirements.txt\").read().splitlines()],\n)\n";
        Assert.Empty(Run(("setup.py", setup), ("requirements.txt", "ftfy\nregex\ntorch\n")));
        // look-alike: the same file in a project that builds no package is an application's environment
        Assert.Equal(new[] { "MLO201 requirements.txt:1", "MLO201 requirements.txt:2", "MLO201 requirements.txt:3" },
            Summary(Run(("train.py", "import torch\n"), ("requirements.txt", "ftfy\nregex\ntorch\n"))));
    }

    [Fact]
    public void A_published_librarys_requirements_txt_is_its_development_list_and_research_codes_is_its_environment()
    {
        const string setup = "from setuptools import setup, find_packages\n\nsetup(\n    name=\"tunekit\",\n    packages=find_packages(\"src\"),\n    install_requires=[\"torch>=1.13\", \"transformers\"],\n)\n";
        const string requirements = "accelerate\ntorch\ntunekit\npytest\n";
        // peft's shape: setup.py, tests, docs and CI publish it; its requirements.txt lists the package itself and pytest
        Assert.Empty(Run(("setup.py", setup), ("requirements.txt", requirements), ("tests/test_lora.py", "import pytest\n"),
            ("docs/index.md", "# tunekit\n"), (".github/workflows/tests.yml", "on: push\n")));
        // guided-diffusion's shape: setup.py only installs research code for convenience; its requirement files are its environment
        Assert.Equal(new[] { "MLO201 evaluations/requirements.txt:1", "MLO201 evaluations/requirements.txt:2" },
            Summary(Run(("setup.py", setup), ("evaluations/requirements.txt", "tensorflow-gpu>=2.0\nscipy\n"))));
    }

    [Fact]
    public void Per_example_docs_and_test_requirements_are_not_judged_and_the_projects_own_are()
    {
        var findings = Run(
            ("pyproject.toml", LibraryPyProject),
            ("examples/optuna/requirements.txt", "optuna\ntabkit\n"),
            ("examples/serving/pyproject.toml", "[project]\nname = \"demo\"\nversion = \"0\"\ndependencies = [\"fastapi\"]\n"),
            ("docs/requirements.txt", "sphinx\nfuro\n"),
            ("tests/requirements.txt", "pytest\n"),
            ("requirements/gpu.txt", "cupy-cuda12x\n"));
        Assert.Equal(new[] { "MLO203 pyproject.toml:8" }, Summary(findings));
        // look-alike: an application's own requirement files beside the same examples and docs
        var app = Run(
            ("train.py", "import torch\n"),
            ("examples/optuna/requirements.txt", "optuna\n"),
            ("docs/requirements.txt", "sphinx\n"),
            ("requirements/gpu.txt", "cupy-cuda12x\n"));
        Assert.Equal(new[] { "MLO201 requirements/gpu.txt:1" }, Summary(app));
    }

    [Fact]
    public void An_mlflow_models_environment_files_are_not_judged_and_a_projects_are()
    {
        var findings = Run(
            ("train.py", "import mlflow\n"),
            ("integration-test/model/MLmodel", "flavors:\n  python_function:\n    loader_module: mlflow.sklearn\n"),
            ("integration-test/model/requirements.txt", "mlflow\nscikit-learn\n"),
            ("model/requirements.txt", "scikit-learn\n"));
        Assert.Equal(new[] { "MLO201 model/requirements.txt:1" }, Summary(findings));
    }
}
