namespace MLOpsLint.Core.Scope;

/// <summary>
/// What a file is, as the rules care about it. A file has exactly one scope (<see cref="ScopeVerdict"/>); a rule
/// judges a set of them (<see cref="Rules.RuleDescriptor.Scopes"/>), hence the flags.
/// </summary>
[Flags]
public enum FileScope
{
    None = 0,

    /// <summary>Code that is run: a training, evaluation or pipeline script, an application's entry point.</summary>
    Script = 1 << 0,

    /// <summary>Code that is imported: a module of a package or of the application, with no entry point of its own.</summary>
    Library = 1 << 1,

    /// <summary>A notebook that is not an example, a test or documentation (exploration, training, analysis).</summary>
    Notebook = 1 << 2,

    /// <summary>Test code and its fixtures: <c>tests/</c>, <c>test_*.py</c>, <c>conftest.py</c>, a module importing pytest.</summary>
    Test = 1 << 3,

    /// <summary>Examples, tutorials, demos, recipes: code written to be read and copied, not run in production.</summary>
    Example = 1 << 4,

    /// <summary>Benchmarks: <c>benchmarks/</c>, <c>bench_*.py</c>.</summary>
    Benchmark = 1 << 5,

    /// <summary>Documentation: <c>docs/</c>, Markdown and reStructuredText.</summary>
    Docs = 1 << 6,

    /// <summary>Continuous integration: workflows, action metadata, GitLab/Azure/Circle CI files.</summary>
    CI = 1 << 7,

    /// <summary>How the project is built, installed and deployed: pyproject.toml, setup.py, requirements files, lock
    /// files, conda environments, Dockerfiles, MSBuild project files.</summary>
    Packaging = 1 << 8,

    /// <summary>Development tooling: dev/lint/typing requirement files, tox, nox, pre-commit, Makefiles.</summary>
    Development = 1 << 9,

    /// <summary>Configuration (YAML, JSON, TOML, INI that is none of the above) and everything else: data, models, media.</summary>
    Other = 1 << 10,

    /// <summary>Third-party code committed with the project: a virtualenv (<c>.venv/</c>, <c>venv/lib/python3.11/</c>),
    /// <c>site-packages/</c>, <c>node_modules/</c>. Not the project's own files, so no rule judges them (not part of <see cref="All"/>).</summary>
    Vendored = 1 << 11,

    /// <summary>Written by a tool, not by people: an MLflow model's files (<c>MLmodel</c> and the <c>conda.yaml</c>,
    /// <c>requirements.txt</c> beside it). Data and model rules judge them; the dependency rules do not.</summary>
    Generated = 1 << 12,

    /// <summary>Code that ships or runs for real: scripts, library modules, notebooks.</summary>
    Code = Script | Library | Notebook,

    /// <summary>Every scope of the project's own files (vendored third-party code is not one).</summary>
    All = Script | Library | Notebook | Test | Example | Benchmark | Docs | CI | Packaging | Development | Other | Generated,
}

/// <summary>Names of scopes as users write them (configuration, rule pages, <c>--verbose</c>).</summary>
public static class FileScopes
{
    /// <summary>Each single scope, in a fixed order.</summary>
    public static readonly IReadOnlyList<FileScope> Each = new[]
    {
        FileScope.Script, FileScope.Library, FileScope.Notebook, FileScope.Test, FileScope.Example, FileScope.Benchmark,
        FileScope.Docs, FileScope.CI, FileScope.Packaging, FileScope.Development, FileScope.Other, FileScope.Generated, FileScope.Vendored,
    };

    /// <summary>The lower-case name of one scope (<c>test</c>, <c>example</c>, <c>ci</c>).</summary>
    public static string Name(FileScope scope) => scope switch
    {
        FileScope.Script => "script",
        FileScope.Library => "library",
        FileScope.Notebook => "notebook",
        FileScope.Test => "test",
        FileScope.Example => "example",
        FileScope.Benchmark => "benchmark",
        FileScope.Docs => "docs",
        FileScope.CI => "ci",
        FileScope.Packaging => "packaging",
        FileScope.Development => "development",
        FileScope.Other => "other",
        FileScope.Vendored => "vendored",
        FileScope.Generated => "generated",
        _ => string.Join(", ", Split(scope).Select(Name)),
    };

    /// <summary>The single scopes in a set, in <see cref="Each"/>'s order.</summary>
    public static IEnumerable<FileScope> Split(FileScope set) => Each.Where(s => (set & s) != 0);

    /// <summary>A scope from its name, singular or plural (<c>example</c>, <c>examples</c>, <c>tests</c>).</summary>
    public static bool TryParse(string name, out FileScope scope)
    {
        string n = name.Trim().ToLowerInvariant();
        foreach (var s in Each)
        {
            string own = Name(s);
            if (n == own || n == own + "s" || (s == FileScope.Library && n == "libraries") || (s == FileScope.Docs && n == "doc"))
            {
                scope = s;
                return true;
            }
        }
        scope = FileScope.None;
        return false;
    }

    /// <summary>How a rule page says what a rule judges: "scripts, library modules and notebooks".</summary>
    public static string Describe(FileScope set)
    {
        set &= FileScope.All;
        if (set == FileScope.All) return "every file";
        var having = Split(set).Select(Plural).ToList();
        var missing = Split(FileScope.All & ~set).Select(Plural).ToList();
        return having.Count > missing.Count ? "every file but " + List(missing) : List(having);
    }

    private static string List(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "nothing",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1],
    };

    private static string Plural(FileScope s) => s switch
    {
        FileScope.Script => "scripts",
        FileScope.Library => "library modules",
        FileScope.Notebook => "notebooks",
        FileScope.Test => "tests",
        FileScope.Example => "examples",
        FileScope.Benchmark => "benchmarks",
        FileScope.Docs => "docs",
        FileScope.CI => "CI files",
        FileScope.Packaging => "packaging files",
        FileScope.Development => "development tooling",
        FileScope.Generated => "generated files",
        _ => "other files",
    };
}
