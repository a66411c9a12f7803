using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Dockerfile;
using MLOpsLint.Core.Parsing.Requirements;

namespace MLOpsLint.Core.Scope;

/// <summary>
/// What the repository is, decided once per scan from its files: a published library (a root manifest that builds
/// a named distribution, and nothing at the root that deploys it), an example collection (most of its code under
/// example or tutorial folders, and no package), or an application (anything else). Pure: documents in, verdict out.
/// </summary>
public sealed class RepositoryProfile
{
    /// <summary>Files at a project's root that say it is run or deployed, not only imported.</summary>
    internal static readonly HashSet<string> DeploymentNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "app.py", "main.py", "manage.py", "wsgi.py", "asgi.py", "serve.py", "server.py", "streamlit_app.py",
        "procfile", "app.yaml", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml",
    };

    private RepositoryProfile(RepositoryKind kind, string reason, string? packageName = null)
    {
        Kind = kind;
        Reason = reason;
        PackageName = packageName;
    }

    public RepositoryKind Kind { get; }

    /// <summary>The distribution the root manifest builds (<c>[project] name</c>), when one does and names it; null otherwise.</summary>
    public string? PackageName { get; }

    /// <summary>Why, for <c>scan --verbose</c>: "pyproject.toml builds the package 'torchvision' and nothing at the root deploys it".</summary>
    public string Reason { get; }

    public override string ToString() => $"{RepositoryKinds.Name(Kind)} ({Reason})";

    public static RepositoryProfile Configured(RepositoryKind kind) => new(kind, "repository-kind in the configuration");

    /// <summary>A profile for a single file checked without its repository (the IDE, tests): an application.</summary>
    public static RepositoryProfile Unknown { get; } = new(RepositoryKind.Application, "no repository files to tell otherwise");

    /// <param name="rootName">The name of the repository's folder (as cloned: <c>optuna-examples</c>), or empty when unknown.</param>
    public static RepositoryProfile Of(IReadOnlyList<SourceDocument> documents, ScopeSettings settings, string rootName = "")
    {
        if (settings.RepositoryKind is { } configured) return Configured(configured);
        var byPath = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var d in documents) byPath[d.Path] = d;

        var package = PackageAt("", byPath);
        if (package != null)
        {
            var deployment = DeploymentAt("", byPath, package.Value.Manifest);
            string? name = package.Value.Manifest?.ProjectName;
            return deployment != null
                ? new(RepositoryKind.Application, $"{package.Value.Why}, but {deployment} deploys it", name)
                : new(RepositoryKind.Library, $"{package.Value.Why} and nothing at the root deploys it", name);
        }

        int code = 0, examples = 0;
        foreach (var d in documents)
        {
            if (d.Kind is not (DocumentKind.Python or DocumentKind.Notebook)) continue;
            var verdict = settings.Match(d.Path) is { } m ? m.Scope : PathScopes.Of(d.Path, d.Kind)?.Scope;
            if (verdict is FileScope.Test or FileScope.Docs or FileScope.Benchmark or FileScope.Vendored) continue;
            code++;
            if (verdict == FileScope.Example) examples++;
        }
        if (examples >= 5 && examples * 2 >= code)
        {
            return new(RepositoryKind.ExampleCollection, $"{examples} of its {code} code files are under example or tutorial folders, and it builds no package");
        }
        if (code > 0 && BookCompanion(byPath) is { } readme)
        {
            return new(RepositoryKind.ExampleCollection, $"its {readme} says it holds a book's code samples, and it builds no package");
        }
        if (code > 0 && rootName.Length > 0 && PathScopes.IsExampleName(rootName))
        {
            return new(RepositoryKind.ExampleCollection, $"its folder is named {rootName}, and it builds no package");
        }
        return new(RepositoryKind.Application, package == null && code == 0 ? "no package and no code" : "it builds no package");
    }

    /// <summary>Whether the kind reads the content of the file at <paramref name="path"/> (otherwise only its path counts):
    /// the root's manifests, requirements.txt, Dockerfiles and README (<see cref="PackageAt"/>, <see cref="PublishedSigns"/>,
    /// <see cref="DeploymentAt"/>, <see cref="BookCompanion"/>).</summary>
    public static bool ReadsContentOf(string path) =>
        path.IndexOf('/') < 0 && (path is "pyproject.toml" or "setup.py" or "setup.cfg" or "requirements.txt"
            || path.StartsWith("README", StringComparison.OrdinalIgnoreCase)
            || DocumentClassifier.Classify(path) == DocumentKind.Dockerfile);

    /// <summary>Words that, beside the word "book" in a README's opening, say the repository holds the book's code.</summary>
    private static readonly string[] BookCodeWords =
    {
        "companion", "code samples", "code examples", "example code", "code listings", "notebooks for", "code for the book",
        "accompany", "accompanies", "accompanying",
    };

    /// <summary>The root README when its opening (the title and the first paragraphs) says the repository holds a
    /// book's code ("Companion notebooks for Deep Learning with Python", "the example code … of my O'Reilly book"):
    /// code written to be read along with the book, as examples are. Null otherwise.</summary>
    internal static string? BookCompanion(IReadOnlyDictionary<string, SourceDocument> byPath)
    {
        foreach (var name in new[] { "README.md", "README.rst", "README.txt", "README", "readme.md", "Readme.md", "README.markdown" })
        {
            if (!byPath.TryGetValue(name, out var readme) || !readme.HasText) continue;
            string text = readme.Text;
            string opening = text.Substring(0, Math.Min(text.Length, 1000)).ToLowerInvariant();
            if (!HasWord(opening, "book")) return null;
            return BookCodeWords.Any(w => opening.Contains(w)) ? name : null;
        }
        return null;
    }

    private static bool HasWord(string text, string word)
    {
        for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            bool before = i == 0 || !char.IsLetter(text[i - 1]);
            int end = i + word.Length;
            bool after = end == text.Length || !char.IsLetter(text[end]) || (text[end] == 's' && (end + 1 == text.Length || !char.IsLetter(text[end + 1])));
            if (before && after) return true;
        }
        return false;
    }

    /// <summary>The manifest at <paramref name="dir"/> that builds a named distribution, and how it says so; null when none does.</summary>
    internal static (string Why, PythonManifest? Manifest)? PackageAt(string dir, IReadOnlyDictionary<string, SourceDocument> byPath)
    {
        string prefix = dir.Length == 0 ? "" : dir + "/";
        if (byPath.TryGetValue(prefix + "pyproject.toml", out var py) && py.HasText && PythonManifest.Of(py) is { } m
            && !m.IsNonPackage && m.ProjectName is { Length: > 0 } name && (m.HasBuildSystem || byPath.ContainsKey(prefix + "setup.py")))
        {
            return ($"{prefix}pyproject.toml builds the package '{name}'", m);
        }
        // setup.py and setup.cfg are also how research code installs itself for convenience: a published package shows it
        var signs = PublishedSigns(dir, byPath);
        if (signs.Count < 2) return null;
        string published = $" published with {string.Join(", ", signs)}";
        if (byPath.TryGetValue(prefix + "setup.py", out var setup) && setup.HasText && setup.Text.Contains("setup(")
            && (setup.Text.Contains("packages") || setup.Text.Contains("py_modules") || setup.Text.Contains("name=") || setup.Text.Contains("name =")))
        {
            return ($"{prefix}setup.py builds a package{published}", byPath.TryGetValue(prefix + "pyproject.toml", out var p2) && p2.HasText ? PythonManifest.Of(p2) : null);
        }
        if (byPath.TryGetValue(prefix + "setup.cfg", out var cfg) && cfg.HasText && PythonManifest.Of(cfg) is { ProjectName: { Length: > 0 } cfgName })
        {
            return ($"{prefix}setup.cfg builds the package '{cfgName}'{published}", null);
        }
        return null;
    }

    /// <summary>What a published package has and a research project installing itself with setup.py rarely does: tests,
    /// documentation, CI, PyPI classifiers, a changelog.</summary>
    internal static IReadOnlyList<string> PublishedSigns(string dir, IReadOnlyDictionary<string, SourceDocument> byPath)
    {
        string prefix = dir.Length == 0 ? "" : dir + "/";
        bool tests = false, docs = false, ci = false, changelog = false, classifiers = false;
        foreach (var kv in byPath)
        {
            string p = kv.Key;
            if (p.StartsWith(".github/workflows/", StringComparison.Ordinal) || p is ".gitlab-ci.yml" or ".travis.yml" or "azure-pipelines.yml" || p.StartsWith(".circleci/", StringComparison.Ordinal)) ci = true;
            if (!p.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string rel = p.Substring(prefix.Length);
            if (rel.StartsWith("tests/", StringComparison.Ordinal) || rel.StartsWith("test/", StringComparison.Ordinal) || rel.Contains("/tests/")) tests = true;
            if (rel.StartsWith("docs/", StringComparison.Ordinal) || rel.StartsWith("doc/", StringComparison.Ordinal)) docs = true;
            if (!rel.Contains('/'))
            {
                string upper = rel.ToUpperInvariant();
                if (upper.StartsWith("CHANGELOG", StringComparison.Ordinal) || upper.StartsWith("CHANGES", StringComparison.Ordinal) || upper.StartsWith("HISTORY", StringComparison.Ordinal)) changelog = true;
                if (rel is "setup.py" or "setup.cfg" or "pyproject.toml" && kv.Value.HasText && kv.Value.Text.Contains("Programming Language :: Python")) classifiers = true;
            }
        }
        var signs = new List<string>();
        if (tests) signs.Add("tests");
        if (docs) signs.Add("docs");
        if (ci) signs.Add("CI");
        if (classifiers) signs.Add("PyPI classifiers");
        if (changelog) signs.Add("a changelog");
        return signs;
    }

    /// <summary>A file at <paramref name="dir"/> (not below it) that deploys or runs the project: a Dockerfile that starts
    /// something (CMD, ENTRYPOINT or EXPOSE; one that only builds an environment, as a library's development image does,
    /// deploys nothing), a Procfile, a compose file, an app entry point (app.py, serve.py…), or a requirements.txt that is
    /// an environment rather than the package's own dependency list (which <c>-e .</c> alone, or a manifest or setup.py
    /// reading the file, make it).</summary>
    internal static string? DeploymentAt(string dir, IReadOnlyDictionary<string, SourceDocument> byPath, PythonManifest? manifest)
    {
        string prefix = dir.Length == 0 ? "" : dir + "/";
        foreach (var kv in byPath.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (DirectoryOf(kv.Key) != dir) continue;
            if (kv.Value.Kind == DocumentKind.Dockerfile ? StartsSomething(kv.Value) : DeploymentNames.Contains(kv.Value.FileName)) return kv.Key;
        }
        // a published package's requirements.txt is its development convenience list or its users' ranges (peft, lightning-bolts)
        if (byPath.TryGetValue(prefix + "requirements.txt", out var req) && req.HasText && !IsPackageDependencyList(req, prefix, byPath, manifest)
            && !RequirementsFile.Of(req).Entries.Any(e => IsSelf(e.Text)) && PublishedSigns(dir, byPath).Count < 2)
        {
            return req.Path;
        }
        return null;
    }

    /// <summary>A Dockerfile with CMD, ENTRYPOINT or EXPOSE: an image that runs a service or a job, not only an environment.</summary>
    internal static bool StartsSomething(SourceDocument dockerfile) =>
        !dockerfile.HasText || DockerfileParser.Of(dockerfile).Instructions.Any(i =>
            i.Keyword.Equals("CMD", StringComparison.OrdinalIgnoreCase) || i.Keyword.Equals("ENTRYPOINT", StringComparison.OrdinalIgnoreCase)
            || i.Keyword.Equals("EXPOSE", StringComparison.OrdinalIgnoreCase));

    /// <summary>A requirements file that only installs the project itself (<c>-e .</c>, <c>.[dev]</c>), or that the
    /// package's manifest or setup.py reads as its dependency list: part of the package, not a deployment. (One that
    /// installs the project beside other things is a development environment: <see cref="DeploymentAt"/> says so.)</summary>
    internal static bool IsPackageDependencyList(SourceDocument requirements, string prefix, IReadOnlyDictionary<string, SourceDocument> byPath, PythonManifest? manifest)
    {
        var file = RequirementsFile.Of(requirements);
        if (file.Entries.Count > 0 && file.Entries.All(e => e.Kind == RequirementEntryKind.Path || IsSelf(e.Text))) return true;
        if (manifest != null && manifest.DependencyFiles.Any(f => f.TrimStart('.', '/') == requirements.FileName)) return true;
        return byPath.TryGetValue(prefix + "setup.py", out var setup) && setup.HasText && setup.Text.Contains(requirements.FileName);
    }

    private static bool IsSelf(string entry)
    {
        string t = entry.Trim();
        if (t.StartsWith("-e ", StringComparison.Ordinal) || t.StartsWith("--editable", StringComparison.Ordinal)) t = t.Substring(t.IndexOf(' ') + 1).Trim().TrimStart('=').Trim();
        int bracket = t.IndexOf('[');
        if (bracket >= 0) t = t.Substring(0, bracket);
        return t is "." or "./" or "file:." or "file:./";
    }

    private static string DirectoryOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash);
    }
}
