using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Scope;

/// <summary>
/// The part of the scope model that reads only a path: folders that say what they hold (<c>tests/</c>,
/// <c>examples/</c>, <c>benchmarks/</c>, <c>docs/</c>, <c>.github/workflows/</c>), and file names (<c>test_*.py</c>,
/// <c>conftest.py</c>, <c>requirements-dev.txt</c>, <c>pyproject.toml</c>). The outermost folder wins, so
/// <c>examples/vision/test_model.py</c> is an example and <c>tests/examples/x.py</c> a test.
/// </summary>
public static class PathScopes
{
    private static readonly Dictionary<string, FileScope> Folders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["test"] = FileScope.Test, ["tests"] = FileScope.Test, ["testing"] = FileScope.Test, ["__tests__"] = FileScope.Test,
        ["unittests"] = FileScope.Test, ["unit_tests"] = FileScope.Test, ["integration_tests"] = FileScope.Test,
        ["testdata"] = FileScope.Test, ["test_data"] = FileScope.Test, ["test-data"] = FileScope.Test, ["fixtures"] = FileScope.Test,
        ["__fixtures__"] = FileScope.Test, ["test_utils"] = FileScope.Test, ["testing_utils"] = FileScope.Test,
        ["test_helpers"] = FileScope.Test, ["testutils"] = FileScope.Test, ["spec"] = FileScope.Test, ["specs"] = FileScope.Test, ["idle_test"] = FileScope.Test,
        ["examples"] = FileScope.Example, ["example"] = FileScope.Example, ["tutorials"] = FileScope.Example,
        ["tutorial"] = FileScope.Example, ["demos"] = FileScope.Example, ["demo"] = FileScope.Example,
        ["samples"] = FileScope.Example, ["recipes"] = FileScope.Example, ["cookbook"] = FileScope.Example,
        ["quickstart"] = FileScope.Example, ["getting_started"] = FileScope.Example, ["getting-started"] = FileScope.Example,
        ["benchmarks"] = FileScope.Benchmark, ["benchmark"] = FileScope.Benchmark, ["bench"] = FileScope.Benchmark,
        ["benchmarking"] = FileScope.Benchmark, ["asv_bench"] = FileScope.Benchmark,
        ["docs"] = FileScope.Docs, ["doc"] = FileScope.Docs, ["documentation"] = FileScope.Docs, ["docs_src"] = FileScope.Docs,
        ["docsrc"] = FileScope.Docs,
        [".circleci"] = FileScope.CI, [".buildkite"] = FileScope.CI, [".gitlab"] = FileScope.CI, [".azure-pipelines"] = FileScope.CI,
        [".devcontainer"] = FileScope.Development,
    };

    private static readonly HashSet<string> PackagingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "setup.py", "setup.cfg", "pyproject.toml", "manifest.in", "pipfile", "pipfile.lock", "uv.lock", "poetry.lock", "pdm.lock",
        "pixi.lock", "conda-lock.yml", "pixi.toml", "meta.yaml", "docker-compose.yml", "docker-compose.yaml", "compose.yml",
        "compose.yaml", "procfile", "directory.packages.props", "directory.build.props", "directory.build.targets", "global.json",
        "nuget.config", "packages.lock.json", "environment.yml", "environment.yaml", ".python-version", "runtime.txt",
    };

    private static readonly HashSet<string> DevelopmentNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "tox.ini", "noxfile.py", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", "makefile", "justfile", "tasks.py",
        ".editorconfig", ".flake8", ".pylintrc", "mypy.ini", ".coveragerc", "pytest.ini", "ruff.toml", ".ruff.toml",
    };

    private static readonly HashSet<string> CiNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ".gitlab-ci.yml", ".travis.yml", "azure-pipelines.yml", "azure-pipelines.yaml", "jenkinsfile", "appveyor.yml",
        ".appveyor.yml", "bitbucket-pipelines.yml", "cloudbuild.yaml", "cloudbuild.yml", "codecov.yml", ".codecov.yml",
    };

    /// <summary>Requirement-file roles (<c>requirements-dev.txt</c>, <c>requirements/test.txt</c>, <c>dev-requirements.txt</c>).</summary>
    private static readonly Dictionary<string, FileScope> RequirementRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dev"] = FileScope.Development, ["devel"] = FileScope.Development, ["develop"] = FileScope.Development,
        ["development"] = FileScope.Development, ["lint"] = FileScope.Development, ["linting"] = FileScope.Development,
        ["style"] = FileScope.Development, ["typing"] = FileScope.Development, ["mypy"] = FileScope.Development,
        ["ci"] = FileScope.Development, ["pre-commit"] = FileScope.Development, ["precommit"] = FileScope.Development,
        ["tools"] = FileScope.Development, ["build"] = FileScope.Development, ["release"] = FileScope.Development,
        ["test"] = FileScope.Test, ["tests"] = FileScope.Test, ["testing"] = FileScope.Test,
        ["doc"] = FileScope.Docs, ["docs"] = FileScope.Docs, ["documentation"] = FileScope.Docs,
        ["bench"] = FileScope.Benchmark, ["benchmark"] = FileScope.Benchmark, ["benchmarks"] = FileScope.Benchmark,
        ["example"] = FileScope.Example, ["examples"] = FileScope.Example,
    };

    /// <summary>The scope a path alone decides, with the reason; null when the path does not say (a <c>.py</c> file
    /// outside the folders above is a script or a library module, which its content decides).</summary>
    public static ScopeVerdict? Of(string path, DocumentKind kind)
    {
        var parts = path.Split('/');
        string name = parts[parts.Length - 1];
        string lower = name.ToLowerInvariant();

        if (VendoredAt(parts) is { } vendored) return new(FileScope.Vendored, $"third-party code under {vendored}/");
        if (kind is DocumentKind.GitHubWorkflow or DocumentKind.GitHubAction) return new(FileScope.CI, kind == DocumentKind.GitHubWorkflow ? "a GitHub workflow" : "GitHub action metadata");
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if ((Folders.TryGetValue(parts[i], out var named) ? named : FolderWord(parts[i])) is { } scope)
            {
                return new(scope, $"path under {string.Join("/", parts, 0, i + 1)}/");
            }
            // .github/ holds CI (workflows, dependabot, issue templates are none of the rules' business); other hidden
            // top-level folders hold tooling (.actions/, .ci/, .dvc/)
            if (i == 0 && parts[i] == ".github") return new(FileScope.CI, "path under .github/");
            if (i == 0 && parts[i].Length > 1 && parts[i][0] == '.') return new(FileScope.Development, $"path under {parts[i]}/, a hidden tooling folder");
        }

        if (CiNames.Contains(lower)) return new(FileScope.CI, $"{name} configures CI");
        if (DevelopmentNames.Contains(lower)) return new(FileScope.Development, $"{name} is development tooling");
        if (kind == DocumentKind.Requirements || IsRequirementsFolderFile(parts))
        {
            var role = RequirementRole(parts);
            return role is { } r ? new(r.Scope, $"{r.Word} requirements") : new(FileScope.Packaging, "a requirements file");
        }
        if (PackagingNames.Contains(lower) || kind is DocumentKind.PyProject or DocumentKind.SetupCfg or DocumentKind.Pipfile
            or DocumentKind.LockFile or DocumentKind.CondaEnvironment or DocumentKind.Dockerfile or DocumentKind.MSBuild)
        {
            return new(FileScope.Packaging, kind == DocumentKind.Dockerfile ? "a Dockerfile" : $"{name} builds or installs the project");
        }

        if (kind is DocumentKind.Python or DocumentKind.Notebook or DocumentKind.CSharp)
        {
            if (lower.StartsWith("test_", StringComparison.Ordinal) || lower.EndsWith("_test.py", StringComparison.Ordinal)
                || lower.EndsWith("_tests.py", StringComparison.Ordinal) || lower is "conftest.py" or "tests.py"
                || lower.EndsWith("_test.ipynb", StringComparison.Ordinal)
                || (kind == DocumentKind.CSharp && (name.EndsWith("Tests.cs", StringComparison.Ordinal) || name.EndsWith("Test.cs", StringComparison.Ordinal))))
            {
                return new(FileScope.Test, $"named {name}");
            }
            if (lower.StartsWith("bench_", StringComparison.Ordinal) || lower.StartsWith("benchmark_", StringComparison.Ordinal)
                || lower.EndsWith("_benchmark.py", StringComparison.Ordinal) || lower.EndsWith("_bench.py", StringComparison.Ordinal))
            {
                return new(FileScope.Benchmark, $"named {name}");
            }
            if (lower.StartsWith("example_", StringComparison.Ordinal) || lower.EndsWith("_example.py", StringComparison.Ordinal)
                || lower.EndsWith("_example.ipynb", StringComparison.Ordinal))
            {
                return new(FileScope.Example, $"named {name}");
            }
            if (kind is DocumentKind.Python or DocumentKind.Notebook && TeachingName(name) is { } teaching)
            {
                return new(FileScope.Example, $"named {name}: {teaching}");
            }
            return null;
        }
        if (kind == DocumentKind.Markdown || lower.EndsWith(".rst", StringComparison.Ordinal)) return new(FileScope.Docs, "documentation text");
        if (kind == DocumentKind.Shell) return null;
        return new(FileScope.Other, kind switch
        {
            DocumentKind.Yaml or DocumentKind.Json or DocumentKind.Toml or DocumentKind.Ini => "configuration",
            _ => "not code",
        });
    }

    /// <summary>What a file's name says it teaches: a tutorial (<c>Keras - Tutorial - Happy House.ipynb</c>,
    /// <c>tutorial1.py</c>), a book's chapter (<c>chapter02_mathematical-building-blocks.ipynb</c>, <c>ch03_intro.py</c>),
    /// a course's lesson or lecture (<c>lesson1.ipynb</c>); null otherwise. Code written to be read along with a text,
    /// like an example.</summary>
    internal static string? TeachingName(string fileName)
    {
        int dot = fileName.LastIndexOf('.');
        string stem = (dot > 0 ? fileName.Substring(0, dot) : fileName).ToLowerInvariant();
        var words = stem.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            string word = words[i].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            if (word is "tutorial" or "tutorials") return "a tutorial";
            // the first word only: a book's chapter, a course's lesson (not "model_lecture_notes")
            if (i > 0) continue;
            if (word == "chapter" || (word == "ch" && words[i].Length > 2)) return "a chapter of a book";
            if (word is "lesson" or "lecture") return "a course's " + word;
        }
        return null;
    }

    /// <summary>The folder of a committed virtualenv or package tree: <c>.venv</c>, <c>site-packages</c>,
    /// <c>node_modules</c>, <c>__pypackages__</c>; <c>venv</c>/<c>env</c>/<c>virtualenv</c> only with a virtualenv's layout
    /// below (<c>lib/</c>, <c>bin/</c>, <c>Scripts/</c>, <c>include/</c>, <c>pyvenv.cfg</c>), since <c>env/</c> also holds configuration.</summary>
    internal static string? VendoredAt(string[] parts)
    {
        for (int i = 0; i < parts.Length - 1; i++)
        {
            string p = parts[i];
            if (p is ".venv" or "site-packages" or "dist-packages" or "node_modules" or "__pypackages__" or ".tox" or ".nox")
            {
                return string.Join("/", parts, 0, i + 1);
            }
            if (p is "venv" or "env" or "virtualenv" or ".env" or "myenv" or ".virtualenv"
                && (parts[i + 1] is "lib" or "Lib" or "bin" or "Scripts" or "include" or "Include" or "share" || parts[i + 1] == "pyvenv.cfg"))
            {
                return string.Join("/", parts, 0, i + 1);
            }
        }
        return null;
    }

    /// <summary>A folder whose name holds one of the words: <c>lightning_examples</c>, <c>code-examples</c>,
    /// <c>integration-tests</c>, <c>notebook_tutorials</c>.</summary>
    private static FileScope? FolderWord(string folder)
    {
        if (folder.IndexOfAny(WordSeparators) < 0) return null;
        foreach (var word in folder.Split(WordSeparators))
        {
            switch (word.ToLowerInvariant())
            {
                case "examples": case "example": case "tutorials": case "tutorial": case "demos":
                    return FileScope.Example;
                case "tests": case "unittests":
                    return FileScope.Test;
                case "benchmarks":
                    return FileScope.Benchmark;
            }
        }
        return null;
    }

    internal static readonly char[] WordSeparators = { '_', '-', '.', '+', ' ' };

    /// <summary>Is a folder (the repository's own, as cloned) named for examples: <c>examples</c>, <c>optuna-examples</c>,
    /// <c>tutorials</c>, <c>example-get-started</c>?</summary>
    public static bool IsExampleName(string folder) =>
        folder.Split(WordSeparators).Any(w => w.ToLowerInvariant() is "examples" or "example" or "tutorials" or "tutorial" or "demos" or "cookbook" or "recipes" or "samples");

    /// <summary><c>requirements/gpu.txt</c>, <c>requirements.d/dev.txt</c>: the folder says it is a requirements file.</summary>
    private static bool IsRequirementsFolderFile(string[] parts) =>
        parts.Length > 1 && parts[parts.Length - 1].EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        && parts[parts.Length - 2] is "requirements" or "requirements.d" or "_requirements" or "reqs" or "deps";

    /// <summary>The role a requirements file's name gives it: <c>requirements-dev.txt</c>, <c>dev-requirements.txt</c>,
    /// <c>requirements/test.txt</c>, <c>requirements_docs.in</c>; null for the project's own requirements.</summary>
    internal static (FileScope Scope, string Word)? RequirementRole(string[] parts)
    {
        string name = parts[parts.Length - 1].ToLowerInvariant();
        int dot = name.LastIndexOf('.');
        string stem = dot > 0 ? name.Substring(0, dot) : name;
        foreach (var word in stem.Split('-', '_', '.'))
        {
            if (word is "requirements" or "requirement" or "reqs" or "constraints") continue;
            if (RequirementRoles.TryGetValue(word, out var scope)) return (scope, word);
        }
        return null;
    }
}
