using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Tests.Scopes;

/// <summary>The scope model: what each file is, and what the repository is, from real-looking files.</summary>
public class ScopeModelTests
{
    private const string LibraryPyProject = """
        [build-system]
        requires = ["setuptools>=68"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "visionkit"
        version = "0.3.0"
        dependencies = ["torch>=2.1", "numpy>=1.24"]
        """;

    private const string ApplicationPyProject = """
        [project]
        name = "churn-service"
        version = "0.1.0"
        dependencies = ["fastapi==0.110.0"]
        """;

    private static SourceDocument Doc(string path, string text = "") => SourceDocument.FromText(path, text);

    private static ScopeModel Model(params SourceDocument[] docs) => ScopeModel.For(docs, ScopeSettings.Empty);

    private static ScopeVerdict Verdict(string path, string text, params SourceDocument[] others)
    {
        var doc = Doc(path, text);
        return Model(others.Append(doc).ToArray()).Of(doc);
    }

    [Theory]
    [InlineData("tests/test_model.py", FileScope.Test, "path under tests/")]
    [InlineData("src/visionkit/tests/helpers.py", FileScope.Test, "path under src/visionkit/tests/")]
    [InlineData("test_train.py", FileScope.Test, "named test_train.py")]
    [InlineData("conftest.py", FileScope.Test, "named conftest.py")]
    [InlineData("examples/vision/test_model.py", FileScope.Example, "path under examples/")]
    [InlineData("tutorials/01_intro.ipynb", FileScope.Example, "path under tutorials/")]
    [InlineData("tests/examples/run.py", FileScope.Test, "path under tests/")]
    [InlineData("benchmarks/speed.py", FileScope.Benchmark, "path under benchmarks/")]
    [InlineData("bench_loader.py", FileScope.Benchmark, "named bench_loader.py")]
    [InlineData("docs/source/conf.py", FileScope.Docs, "path under docs/")]
    [InlineData("docs/requirements.txt", FileScope.Docs, "path under docs/")]
    [InlineData(".github/workflows/ci.yml", FileScope.CI, "a GitHub workflow")]
    [InlineData("action.yml", FileScope.CI, "GitHub action metadata")]
    [InlineData("requirements.txt", FileScope.Packaging, "a requirements file")]
    [InlineData("requirements-dev.txt", FileScope.Development, "dev requirements")]
    [InlineData("requirements/test.txt", FileScope.Test, "test requirements")]
    [InlineData("dev-requirements.in", FileScope.Development, "dev requirements")]
    [InlineData("pyproject.toml", FileScope.Packaging, "pyproject.toml builds or installs the project")]
    [InlineData("Dockerfile", FileScope.Packaging, "a Dockerfile")]
    [InlineData("tox.ini", FileScope.Development, "tox.ini is development tooling")]
    [InlineData("configs/train.yaml", FileScope.Other, "configuration")]
    [InlineData("analysis.ipynb", FileScope.Notebook, "a notebook")]
    [InlineData("Model.Tests/TrainerTests.cs", FileScope.Test, "path under Model.Tests/")]
    [InlineData("src/Model/TrainerTests.cs", FileScope.Test, "named TrainerTests.cs")]
    [InlineData("lightning_examples/mnist/train.py", FileScope.Example, "path under lightning_examples/")]
    [InlineData("integration-tests/serve.py", FileScope.Test, "path under integration-tests/")]
    [InlineData("ab_test/analysis.py", FileScope.Library, "a module with no entry point")]
    [InlineData("contest/solution.py", FileScope.Library, "a module with no entry point")]
    [InlineData(".venv/lib/python3.11/site-packages/sklearn/tests/test_forest.py", FileScope.Vendored, "third-party code under .venv/")]
    [InlineData("env/lib/python3.10/site-packages/joblib/data.pkl", FileScope.Vendored, "third-party code under env/")]
    [InlineData("web/node_modules/lodash/index.js", FileScope.Vendored, "third-party code under web/node_modules/")]
    [InlineData("run/conf/env/kaggle.yaml", FileScope.Other, "configuration")]
    [InlineData("env/train.py", FileScope.Library, "a module with no entry point")]
    public void The_path_decides_where_it_says_something(string path, FileScope scope, string reason)
    {
        var v = Verdict(path, path.EndsWith(".ipynb") ? """{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""" : "x = 1\n");
        Assert.Equal(scope, v.Scope);
        Assert.Equal(reason, v.Reason);
    }

    [Fact]
    public void A_python_module_is_judged_by_its_content_where_its_path_says_nothing()
    {
        Assert.Equal(new ScopeVerdict(FileScope.Test, "imports pytest"),
            Verdict("visionkit/testing.py", "import pytest\n\n@pytest.fixture\ndef model():\n    return 1\n"));
        Assert.Equal(new ScopeVerdict(FileScope.Test, "a unittest.TestCase module"),
            Verdict("check_io.py", "import unittest\n\nclass IoTest(unittest.TestCase):\n    pass\n"));
        Assert.Equal(new ScopeVerdict(FileScope.Script, "has if __name__ == \"__main__\""),
            Verdict("train.py", "def main():\n    pass\n\nif __name__ == \"__main__\":\n    main()\n"));
        Assert.Equal(new ScopeVerdict(FileScope.Script, "calls fit() at the top level"),
            Verdict("run_forest.py", "from sklearn.ensemble import RandomForestClassifier\nclf = RandomForestClassifier()\nclf.fit(X, y)\n"));
        Assert.Equal(new ScopeVerdict(FileScope.Library, "a module with no entry point"),
            Verdict("model.py", "import torch\n\ndef build():\n    return torch.nn.Linear(2, 2)\n"));
    }

    [Fact]
    public void Look_alikes_of_test_content_are_not_tests()
    {
        // pytesseract is not pytest; unittest.mock in library code is not a test module; "__main__" in a comment is no guard
        Assert.Equal(FileScope.Library, Verdict("ocr.py", "import pytesseract\n\ndef read(img):\n    return pytesseract.image_to_string(img)\n").Scope);
        Assert.Equal(FileScope.Library, Verdict("patching.py", "from unittest import mock\n\ndef quiet():\n    return mock.patch('sys.stdout')\n").Scope);
        Assert.Equal(FileScope.Library, Verdict("helpers.py", "# run as __main__ from the CLI\ndef fit_all(models):\n    for m in models:\n        m.fit()\n").Scope);
    }

    [Fact]
    public void A_package_with_a_build_backend_and_nothing_deploying_it_is_a_library()
    {
        var model = Model(Doc("pyproject.toml", LibraryPyProject), Doc("src/visionkit/__init__.py"), Doc("requirements.txt", "-e .\n"));
        Assert.Equal(RepositoryKind.Library, model.RepositoryKind);
        Assert.Equal("pyproject.toml builds the package 'visionkit' and nothing at the root deploys it", model.Repository.Reason);
        // a development image (no CMD, ENTRYPOINT or EXPOSE) deploys nothing; in a library a notebook is a tutorial
        var dev = Model(Doc("pyproject.toml", LibraryPyProject), Doc("Dockerfile", "FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nRUN pip install -e .\n"));
        Assert.Equal(RepositoryKind.Library, dev.RepositoryKind);
        var notebook = Doc("notebooks/Transfer_Learning.ipynb", "{}");
        Assert.Equal(new ScopeVerdict(FileScope.Example, "a notebook in a library's repository: a tutorial"),
            Model(Doc("pyproject.toml", LibraryPyProject), notebook).Of(notebook));
        Assert.Equal(FileScope.Notebook, Model(Doc("pyproject.toml", ApplicationPyProject), notebook).Of(notebook).Scope);
    }

    [Fact]
    public void Look_alikes_of_a_library_are_applications()
    {
        // the same package deployed from the root; a requirements.txt that is an environment; no build backend at all
        Assert.Equal(RepositoryKind.Application, Model(Doc("pyproject.toml", LibraryPyProject), Doc("Dockerfile", "FROM python:3.11\nENTRYPOINT [\"visionkit-serve\"]\n")).RepositoryKind);
        var env = Model(Doc("pyproject.toml", LibraryPyProject), Doc("requirements.txt", "torch==2.1.0\nuvicorn==0.29.0\n"));
        Assert.Equal(RepositoryKind.Application, env.RepositoryKind);
        Assert.Equal("pyproject.toml builds the package 'visionkit', but requirements.txt deploys it", env.Repository.Reason);
        Assert.Equal(RepositoryKind.Application, Model(Doc("pyproject.toml", ApplicationPyProject), Doc("app.py")).RepositoryKind);
    }

    [Fact]
    public void A_requirements_file_that_setup_py_reads_is_the_librarys_own_dependency_list()
    {
        const string setup = "from setuptools import setup, find_packages\n\nsetup(name=\"visionkit\", packages=find_packages(), install_requires=open(\"requirements.txt\").read().splitlines())\n";
        var published = Model(Doc("setup.py", setup), Doc("requirements.txt", "torch>=2\n"), Doc("tests/test_io.py"), Doc(".github/workflows/ci.yml", "on: push\n"));
        Assert.Equal(RepositoryKind.Library, published.RepositoryKind);
        Assert.Equal("setup.py builds a package published with tests, CI and nothing at the root deploys it", published.Repository.Reason);
        // look-alike: research code that installs itself with setup.py, and nothing says it is published
        Assert.Equal(RepositoryKind.Application, Model(Doc("setup.py", setup), Doc("requirements.txt", "torch>=2\n")).RepositoryKind);
        const string pyproject = LibraryPyProject + "\n[tool.setuptools.dynamic]\ndependencies = {file = [\"requirements.txt\"]}\n";
        Assert.Equal(RepositoryKind.Library, Model(Doc("pyproject.toml", pyproject), Doc("requirements.txt", "torch>=2\n")).RepositoryKind);
    }

    [Fact]
    public void Mostly_examples_and_no_package_is_an_example_collection_whose_folders_are_examples()
    {
        var docs = Enumerable.Range(1, 6).Select(i => Doc($"tutorials/t{i}/main.py", "print(1)\n"))
            .Append(Doc("vision/mnist/main.py", "if __name__ == '__main__':\n    pass\n"))
            .Append(Doc("vision/mnist/requirements.txt", "torch\n"))
            .Append(Doc("requirements.txt", "torch\n"))
            .ToArray();
        var model = Model(docs);
        Assert.Equal(RepositoryKind.ExampleCollection, model.RepositoryKind);
        Assert.Equal(FileScope.Example, model.Of(docs[6]).Scope);
        Assert.Equal(FileScope.Example, model.Of(docs[7]).Scope);
        // the collection's own requirements are its examples' too
        Assert.Equal(new ScopeVerdict(FileScope.Example, "in an example collection"), model.Of(docs[8]));

        // look-alike: an application with a few examples beside its code
        var app = Enumerable.Range(1, 6).Select(i => Doc($"src/app/m{i}.py", "x = 1\n")).Append(Doc("examples/demo.py", "print(1)\n")).ToArray();
        Assert.Equal(RepositoryKind.Application, Model(app).RepositoryKind);
    }

    [Fact]
    public void A_repository_folder_named_for_examples_without_a_package_is_an_example_collection()
    {
        var docs = new[] { Doc("mnist/main.py", "if __name__ == '__main__':\n    pass\n"), Doc("mnist/requirements.txt", "torch\n"), Doc("run_all.sh", "python mnist/main.py\n") };
        var model = ScopeModel.For(docs, ScopeSettings.Empty, "/home/ci/src/optuna-examples");
        Assert.Equal(RepositoryKind.ExampleCollection, model.RepositoryKind);
        Assert.Equal("its folder is named optuna-examples, and it builds no package", model.Repository.Reason);
        Assert.Equal(new ScopeVerdict(FileScope.Example, "in an example collection"), model.Of(docs[1]));
        Assert.Equal(FileScope.Example, model.Of(docs[2]).Scope);

        // look-alikes: the same files in a folder with another name; a package whose folder is named for examples
        Assert.Equal(RepositoryKind.Application, ScopeModel.For(docs, ScopeSettings.Empty, "/home/ci/src/mnist-trainer").RepositoryKind);
        Assert.Equal(RepositoryKind.Library, ScopeModel.For(docs.Append(Doc("pyproject.toml", LibraryPyProject)).ToArray(), ScopeSettings.Empty, "/src/visionkit-examples").RepositoryKind);
    }

    [Fact]
    public void Configuration_sets_the_repository_kind_and_path_scopes()
    {
        var settings = new ScopeSettings(RepositoryKind.Library, new[] { (FileScope.Example, new Glob("playground/**")) });
        var demo = Doc("playground/app.py", "if __name__ == '__main__':\n    pass\n");
        var model = ScopeModel.For(new[] { demo, Doc("pyproject.toml", ApplicationPyProject) }, settings);
        Assert.Equal(RepositoryKind.Library, model.RepositoryKind);
        Assert.Equal("repository-kind in the configuration", model.Repository.Reason);
        Assert.Equal(new ScopeVerdict(FileScope.Example, "matches \"playground/**\" in [tool.mlops-lint.scopes]"), model.Of(demo));
        Assert.Equal(FileScope.Script, ScopeModel.For(new[] { demo }, ScopeSettings.Empty).Of(demo).Scope);
    }

    [Fact]
    public void Configuration_is_read_from_tool_mlops_lint()
    {
        var w = new List<ScanDiagnostic>();
        var c = ConfigParser.Parse("""
            [tool.mlops-lint]
            repository-kind = "library"

            [tool.mlops-lint.scopes]
            examples = ["demos/**", "playground"]
            tests = "qa/**"
            widgets = ["x/**"]
            """, "pyproject.toml", true, w)!;
        Assert.Equal(RepositoryKind.Library, c.Scopes.RepositoryKind);
        Assert.Equal(new[] { (FileScope.Example, "demos/**"), (FileScope.Example, "playground"), (FileScope.Test, "qa/**") },
            c.Scopes.Paths.Select(p => (p.Scope, p.Glob.Pattern)));
        Assert.Contains(w, d => d.Message.StartsWith("unknown scope 'widgets'", StringComparison.Ordinal));
        Assert.Throws<ConfigException>(() => ConfigParser.Parse("[tool.mlops-lint]\nrepository-kind = \"framework\"\n", "pyproject.toml", true, new()));
        Assert.Null(ConfigParser.Parse("[tool.mlops-lint]\nrepository-kind = \"auto\"\n", "pyproject.toml", true, new())!.Scopes.RepositoryKind);
    }

    [Fact]
    public void The_model_is_deterministic_whatever_order_the_documents_come_in()
    {
        var docs = new[]
        {
            Doc("pyproject.toml", LibraryPyProject), Doc("src/visionkit/model.py", "def f():\n    pass\n"), Doc("tests/test_a.py", "import pytest\n"),
            Doc("examples/run.py", "print(1)\n"), Doc("requirements-dev.txt", "pytest\n"),
        };
        string Describe(IEnumerable<SourceDocument> ds)
        {
            var list = ds.Select(d => Doc(d.Path, d.Text)).ToArray();
            var m = Model(list);
            return m.Repository + "|" + string.Join("|", list.OrderBy(d => d.Path, StringComparer.Ordinal).Select(d => d.Path + "=" + m.Of(d)));
        }
        Assert.Equal(Describe(docs), Describe(docs.Reverse()));
    }
}
