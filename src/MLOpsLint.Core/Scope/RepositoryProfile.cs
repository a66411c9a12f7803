using MLOpsLint.Core.Documents;
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

    private RepositoryProfile(RepositoryKind kind, string reason)
    {
        Kind = kind;
        Reason = reason;
    }

    public RepositoryKind Kind { get; }

    /// <summary>Why, for <c>scan --verbose</c>: "pyproject.toml builds the package 'torchvision' and nothing at the root deploys it".</summary>
    public string Reason { get; }

    public override string ToString() => $"{RepositoryKinds.Name(Kind)} ({Reason})";

    public static RepositoryProfile Configured(RepositoryKind kind) => new(kind, "repository-kind in the configuration");

    /// <summary>A profile for a single file checked without its repository (the IDE, tests): an application.</summary>
    public static RepositoryProfile Unknown { get; } = new(RepositoryKind.Application, "no repository files to tell otherwise");

    public static RepositoryProfile Of(IReadOnlyList<SourceDocument> documents, ScopeSettings settings)
    {
        if (settings.RepositoryKind is { } configured) return Configured(configured);
        var byPath = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var d in documents) byPath[d.Path] = d;

        var package = PackageAt("", byPath);
        if (package != null)
        {
            var deployment = DeploymentAt("", byPath, package.Value.Manifest);
            return deployment != null
                ? new(RepositoryKind.Application, $"{package.Value.Why}, but {deployment} deploys it")
                : new(RepositoryKind.Library, $"{package.Value.Why} and nothing at the root deploys it");
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
        return new(RepositoryKind.Application, package == null && code == 0 ? "no package and no code" : "it builds no package");
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
        if (byPath.TryGetValue(prefix + "setup.py", out var setup) && setup.HasText && setup.Text.Contains("setup(")
            && (setup.Text.Contains("packages") || setup.Text.Contains("py_modules") || setup.Text.Contains("name=") || setup.Text.Contains("name =")))
        {
            return ($"{prefix}setup.py builds a package", byPath.TryGetValue(prefix + "pyproject.toml", out var p2) && p2.HasText ? PythonManifest.Of(p2) : null);
        }
        if (byPath.TryGetValue(prefix + "setup.cfg", out var cfg) && cfg.HasText && PythonManifest.Of(cfg) is { ProjectName: { Length: > 0 } cfgName })
        {
            return ($"{prefix}setup.cfg builds the package '{cfgName}'", null);
        }
        return null;
    }

    /// <summary>A file at <paramref name="dir"/> (not below it) that deploys or runs the project: a Dockerfile, a Procfile,
    /// a compose file, an app entry point (app.py, serve.py…), or a requirements.txt that is an environment rather than
    /// the package's own dependency list (which <c>-e .</c> alone, or a manifest or setup.py reading the file, make it).</summary>
    internal static string? DeploymentAt(string dir, IReadOnlyDictionary<string, SourceDocument> byPath, PythonManifest? manifest)
    {
        string prefix = dir.Length == 0 ? "" : dir + "/";
        foreach (var name in new[] { "Dockerfile", "Containerfile" }.Concat(DeploymentNames))
        {
            if (byPath.ContainsKey(prefix + name)) return prefix + name;
        }
        foreach (var kv in byPath)
        {
            if (kv.Value.Kind == DocumentKind.Dockerfile && DirectoryOf(kv.Key) == dir) return kv.Key;
            if (DirectoryOf(kv.Key) == dir && DeploymentNames.Contains(kv.Value.FileName)) return kv.Key;
        }
        if (byPath.TryGetValue(prefix + "requirements.txt", out var req) && req.HasText && !IsPackageDependencyList(req, prefix, byPath, manifest))
        {
            return req.Path;
        }
        return null;
    }

    /// <summary>A requirements file that only installs the project itself (<c>-e .</c>, <c>.[dev]</c>), or that the
    /// package's manifest or setup.py reads as its dependency list: part of the package, not a deployment.</summary>
    internal static bool IsPackageDependencyList(SourceDocument requirements, string prefix, IReadOnlyDictionary<string, SourceDocument> byPath, PythonManifest? manifest)
    {
        var file = RequirementsFile.Of(requirements);
        if (file.Entries.Count > 0 && file.Entries.All(e => e.Kind == RequirementEntryKind.Path || IsSelf(e.Text))) return true;
        if (file.Entries.Any(e => IsSelf(e.Text))) return true;
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
