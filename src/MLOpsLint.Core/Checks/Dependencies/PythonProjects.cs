using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Requirements;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// Repository-wide facts the Python dependency rules need: which lock files exist where, which requirements files
/// are compiled locks, which directories deploy something (Dockerfile, Procfile, requirements.txt, an app entry
/// point) — and from those, whether a manifest belongs to an application or a library (the scope model's own
/// reading, <see cref="RepositoryProfile"/>, applied to each project's folder).
/// </summary>
internal sealed class PythonProjects
{
    private static readonly HashSet<string> PythonLockNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "uv.lock", "poetry.lock", "pdm.lock", "pixi.lock", "pipfile.lock", "conda-lock.yml",
    };

    private readonly RepositorySnapshot repo;
    private readonly Dictionary<string, SourceDocument> byPath;
    private readonly List<(string Dir, string Name)> locks = new();
    private readonly List<SourceDocument> requirementDocs;

    public PythonProjects(RepositorySnapshot repo)
    {
        this.repo = repo;
        byPath = repo.Documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        foreach (var d in repo.Documents)
        {
            string lower = d.FileName.ToLowerInvariant();
            if (PythonLockNames.Contains(lower)
                || (lower.StartsWith("conda-", StringComparison.Ordinal) && lower.EndsWith(".lock", StringComparison.Ordinal))
                || lower.EndsWith(".conda-lock.yml", StringComparison.Ordinal))
            {
                locks.Add((DependencyPolicy.Directory(d.Path), lower));
            }
        }
        requirementDocs = repo.Documents.Where(d => d.Kind == DocumentKind.Requirements && d.HasText).ToList();
    }

    /// <summary>A lock file that pins <paramref name="manifest"/>'s dependencies, or null.</summary>
    public string? LockFor(SourceDocument manifest, PythonManifest parsed)
    {
        string dir = DependencyPolicy.Directory(manifest.Path);
        IEnumerable<string> accepted = manifest.Kind switch
        {
            DocumentKind.Pipfile => new[] { "pipfile.lock" },
            DocumentKind.CondaEnvironment => new[] { "conda-lock.yml", "pixi.lock", "conda-*.lock", "*.conda-lock.yml" },
            _ => new[] { "uv.lock", "poetry.lock", "pdm.lock", "pixi.lock" },
        };
        foreach (var d in DependencyPolicy.SelfAndAncestors(dir))
        {
            foreach (var (lockDir, name) in locks)
            {
                if (lockDir != d) continue;
                if (manifest.Kind == DocumentKind.Pipfile && d != dir) continue;
                if (accepted.Any(a => a == name || (a == "conda-*.lock" && name.StartsWith("conda-", StringComparison.Ordinal) && name.EndsWith(".lock", StringComparison.Ordinal))
                        || (a == "*.conda-lock.yml" && name.EndsWith(".conda-lock.yml", StringComparison.Ordinal))))
                {
                    return (d.Length == 0 ? "" : d + "/") + name;
                }
            }
        }
        if (manifest.Kind is DocumentKind.PyProject or DocumentKind.SetupCfg)
        {
            // pip-compile / uv pip compile output beside the manifest (or in requirements/) is a lock too,
            // and so is a fully pinned requirements file that names every runtime dependency.
            var runtime = new HashSet<string>(parsed.Dependencies
                .Where(x => x.Group == DependencyGroupKind.Runtime && !x.IsInterpreter).Select(x => x.NormalizedName));
            foreach (var r in requirementDocs)
            {
                string rd = DependencyPolicy.Directory(r.Path);
                if (rd != dir && rd != (dir.Length == 0 ? "requirements" : dir + "/requirements")) continue;
                if (r.Path.EndsWith(".in", StringComparison.OrdinalIgnoreCase)) continue;
                var file = RequirementsFile.Of(r);
                bool allExact = file.Entries.Count > 0 && file.Entries.All(e => e.Kind == RequirementEntryKind.Path || (e.Requirement?.IsExactPin ?? false) || (e.Reference?.IsImmutable ?? false));
                if (!allExact) continue;
                if (file.IsHashedLock || file.IsGenerated) return r.Path;
                var names = new HashSet<string>(file.Entries.Select(e => e.NormalizedName ?? ""));
                if (runtime.Count > 0 && runtime.All(names.Contains)) return r.Path;
            }
        }
        return null;
    }

    /// <summary>Application or library, decided from the files (see the MLO202/MLO203 pages).</summary>
    public ProjectKind KindOf(SourceDocument manifest, PythonManifest parsed, out string reason)
    {
        string dir = DependencyPolicy.Directory(manifest.Path);
        if (manifest.Kind is DocumentKind.Pipfile or DocumentKind.CondaEnvironment)
        {
            reason = manifest.FileName + " describes an environment, not a package";
            return ProjectKind.Application;
        }
        bool package = manifest.Kind == DocumentKind.SetupCfg || parsed.HasBuildSystem
            || repo.Find(Combine(dir, "setup.py")) != null;
        if (manifest.Kind == DocumentKind.PyProject && !parsed.HasBuildSystem && repo.Find(Combine(dir, "setup.py")) == null)
        {
            package = false;
        }
        if (!package || parsed.IsNonPackage)
        {
            reason = parsed.IsNonPackage ? "package-mode is off" : "it has no [build-system]";
            return ProjectKind.Application;
        }
        var deployment = RepositoryProfile.DeploymentAt(dir, byPath, parsed);
        if (deployment != null)
        {
            reason = $"{deployment} deploys it";
            return ProjectKind.Application;
        }
        reason = "it has a [build-system] and no deployment files";
        return ProjectKind.Library;
    }

    /// <summary>The kind of the project a requirements file belongs to (nearest manifest above it that builds a
    /// package, or any pyproject.toml); application when none.</summary>
    public ProjectKind KindOfDirectory(string directory)
    {
        foreach (var d in DependencyPolicy.SelfAndAncestors(directory))
        {
            if (RepositoryProfile.PackageAt(d, byPath) is { } package)
            {
                return RepositoryProfile.DeploymentAt(d, byPath, package.Manifest) == null ? ProjectKind.Library : ProjectKind.Application;
            }
            var py = repo.Find(Combine(d, "pyproject.toml"));
            if (py != null && py.HasText && PythonManifest.Of(py) is { } m)
            {
                return KindOf(py, m, out _);
            }
        }
        return ProjectKind.Application;
    }

    /// <summary>A requirements file that a package's manifest reads as its dependency list (setup.py or
    /// <c>[tool.setuptools.dynamic]</c>), or that installs only the package itself: its users' ranges, whatever the
    /// repository is (openai/CLIP's requirements.txt).</summary>
    public bool IsPackageDependencyList(SourceDocument requirements)
    {
        foreach (var d in DependencyPolicy.SelfAndAncestors(DependencyPolicy.Directory(requirements.Path)))
        {
            string prefix = d.Length == 0 ? "" : d + "/";
            var py = repo.Find(prefix + "pyproject.toml");
            if (repo.Find(prefix + "setup.py") != null || py != null)
            {
                return RepositoryProfile.IsPackageDependencyList(requirements, prefix, byPath, py is { HasText: true } ? PythonManifest.Of(py) : null);
            }
        }
        return false;
    }

    private static string Combine(string dir, string name) => dir.Length == 0 ? name : dir + "/" + name;
}
