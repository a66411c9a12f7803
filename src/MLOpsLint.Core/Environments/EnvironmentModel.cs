using System.Runtime.CompilerServices;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using Tomlyn.Model;

namespace MLOpsLint.Core.Environments;

/// <summary>What an environment is for. Library pins are compared between a serving environment and the others.</summary>
public enum EnvironmentRole
{
    /// <summary>No signal (a root <c>requirements.txt</c>): treated as the development/training side of the serving
    /// environments in or below its folder.</summary>
    Unknown,
    /// <summary>What runs in production: Dockerfiles, <c>serve/ api/ inference/ app/ deploy/</c> folders, <c>requirements-prod</c>.</summary>
    Serving,
    /// <summary><c>train/ training/ notebooks/</c> folders, <c>requirements-train</c>, <c>Dockerfile.train</c>.</summary>
    Training,
    /// <summary><c>requirements-dev</c>, <c>requirements-test</c>, <c>Dockerfile.dev</c>, <c>.devcontainer/</c>.</summary>
    Development,
    /// <summary>GitHub workflows.</summary>
    CI,
}

/// <summary>One environment: files whose facts describe one installed Python/.NET stack.</summary>
public sealed class RepoEnvironment
{
    internal RepoEnvironment(string name, EnvironmentRole role, string why, bool isExplicit, bool independent)
    {
        Name = name;
        Role = role;
        Why = why;
        IsExplicit = isExplicit;
        Independent = independent;
    }

    /// <summary>The configured name, or a description (<c>Dockerfile</c>, <c>train/</c>).</summary>
    public string Name { get; }

    public EnvironmentRole Role { get; }

    /// <summary>Why it has this role, for messages and docs ("a Dockerfile", "folder 'serve'").</summary>
    public string Why { get; }

    /// <summary>Declared in <c>[tool.mlops-lint.environments]</c>.</summary>
    public bool IsExplicit { get; }

    /// <summary>Declared <c>independent = true</c>: never compared with other environments.</summary>
    public bool Independent { get; }

    public List<SourceDocument> Files { get; } = new();

    /// <summary>The deepest folder that holds all its files ("" for the repository root).</summary>
    public string Scope { get; internal set; } = "";

    public IEnumerable<PythonFact> Python => Files.SelectMany(f => FactReader.Of(f).Python);

    public IEnumerable<LibraryFact> Libraries => Files.SelectMany(f => FactReader.Of(f).Libraries);

    public IEnumerable<CudaFact> Cuda => Files.SelectMany(f => FactReader.Of(f).Cuda);

    public string RoleName => Role switch
    {
        EnvironmentRole.Serving => "serving",
        EnvironmentRole.Training => "training",
        EnvironmentRole.Development => "development",
        EnvironmentRole.CI => "CI",
        _ => "development",
    };

    /// <summary>"the serving environment 'Dockerfile'".</summary>
    public string Describe() => $"the {RoleName} environment '{Name}'";

    public override string ToString() => $"{Name} ({Role}, {Why})";
}

/// <summary>A configured environment: <c>[tool.mlops-lint.environments.NAME] paths = [...]</c>.</summary>
public sealed class EnvironmentDeclaration
{
    public EnvironmentDeclaration(string name, IReadOnlyList<string> paths, EnvironmentRole role, bool independent)
    {
        Name = name;
        Paths = paths;
        Globs = new GlobSet(paths);
        Role = role;
        Independent = independent;
    }

    public string Name { get; }

    public IReadOnlyList<string> Paths { get; }

    public GlobSet Globs { get; }

    public EnvironmentRole Role { get; }

    public bool Independent { get; }
}

/// <summary>
/// The environments a repository declares, built once per scan from the snapshot and
/// <c>[tool.mlops-lint.environments]</c>: each Dockerfile with the requirement files and locks it installs, the
/// remaining manifests grouped by folder and role, the CI workflows; and which of them are compared.
/// </summary>
public sealed class EnvironmentModel
{
    private static readonly ConditionalWeakTable<RepositorySnapshot, Tuple<LintConfig, EnvironmentModel>> Cache = new();

    private static readonly HashSet<string> ServingFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "serve", "serving", "server", "api", "apis", "inference", "app", "apps", "deploy", "deployment", "deployments",
        "prod", "production", "service", "services", "webapp", "backend",
    };

    private static readonly HashSet<string> TrainingFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "train", "training", "trainer", "notebooks", "notebook", "research", "experiments", "experiment",
    };

    private readonly Dictionary<string, List<RepoEnvironment>> byPath = new(StringComparer.Ordinal);

    public IReadOnlyList<RepoEnvironment> Environments { get; private set; } = Array.Empty<RepoEnvironment>();

    public IReadOnlyList<EnvironmentDeclaration> Declarations { get; private set; } = Array.Empty<EnvironmentDeclaration>();

    /// <summary>Problems with the <c>[tool.mlops-lint.environments]</c> table (unknown keys, bad roles).</summary>
    public List<string> ConfigProblems { get; } = new();

    public RepositorySnapshot Repository { get; private set; } = null!;

    /// <summary>The model of a snapshot under a configuration (cached: every MLO6xx check shares it).</summary>
    public static EnvironmentModel Of(RepositorySnapshot repository, LintConfig config)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(repository, out var cached) && ReferenceEquals(cached.Item1, config)) return cached.Item2;
            var model = Build(repository, config);
            Cache.Remove(repository);
            Cache.Add(repository, Tuple.Create(config, model));
            return model;
        }
    }

    public IReadOnlyList<RepoEnvironment> EnvironmentsOf(string path) =>
        byPath.TryGetValue(path, out var list) ? list : (IReadOnlyList<RepoEnvironment>)Array.Empty<RepoEnvironment>();

    public static EnvironmentModel Build(RepositorySnapshot repository, LintConfig config)
    {
        var model = new EnvironmentModel { Repository = repository };
        model.Declarations = ReadDeclarations(config, model.ConfigProblems);
        var docs = repository.Documents.Where(FactReader.MayHoldFacts).ToList();
        var envs = new List<RepoEnvironment>();
        var explicitEnvs = model.Declarations.ToDictionary(d => d.Name,
            d => new RepoEnvironment(d.Name, d.Role, $"configured in [tool.mlops-lint.environments.{d.Name}]", true, d.Independent));
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            var decl = model.Declarations.FirstOrDefault(d => d.Globs.IsMatch(doc.Path));
            if (decl == null) continue;
            explicitEnvs[decl.Name].Files.Add(doc);
            assigned.Add(doc.Path);
        }
        envs.AddRange(explicitEnvs.Values);

        // Each Dockerfile is an environment with the files it installs.
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in docs.Where(d => d.Kind == DocumentKind.Dockerfile))
        {
            RepoEnvironment env;
            if (assigned.Contains(doc.Path))
            {
                env = envs.First(e => e.IsExplicit && e.Files.Contains(doc));
            }
            else
            {
                var (role, why) = DockerfileRole(doc.Path);
                env = new RepoEnvironment(doc.Path, role, why, false, false);
                env.Files.Add(doc);
                envs.Add(env);
            }
            foreach (var linked in LinkedFiles(doc, repository))
            {
                if (assigned.Contains(linked.Path) || env.Files.Contains(linked)) continue;
                env.Files.Add(linked);
                claimed.Add(linked.Path);
            }
        }

        // A deployment manifest (Kubernetes workload, compose file) marks its folder as serving: the manifest itself and
        // the files beside it that have no other role. Not at the root, where a compose file sits beside the development setup.
        var deploymentDirs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in docs.Where(d => d.Kind == DocumentKind.Yaml))
        {
            if (FactReader.Of(doc).DeploymentManifest is { } what && Dir(doc.Path) is { Length: > 0 } dir && !deploymentDirs.ContainsKey(dir))
            {
                deploymentDirs[dir] = $"beside {what} ({doc.Path})";
            }
        }

        // The rest: one environment per folder and role.
        var groups = new Dictionary<(string Dir, EnvironmentRole Role), RepoEnvironment>();
        foreach (var doc in docs)
        {
            if (assigned.Contains(doc.Path) || claimed.Contains(doc.Path) || doc.Kind == DocumentKind.Dockerfile) continue;
            var (role, why) = FactReader.Of(doc).DeploymentManifest is { } manifest ? (EnvironmentRole.Serving, manifest)
                : FileRole(doc.Path, doc.Kind);
            if (role == EnvironmentRole.Unknown && deploymentDirs.TryGetValue(Dir(doc.Path), out var beside)) (role, why) = (EnvironmentRole.Serving, beside);
            string dir = role == EnvironmentRole.CI ? ".github/workflows" : Dir(doc.Path);
            if (!groups.TryGetValue((dir, role), out var env))
            {
                env = new RepoEnvironment(dir.Length == 0 ? "./" : dir + "/", role, why, false, false);
                groups[(dir, role)] = env;
                envs.Add(env);
            }
            env.Files.Add(doc);
        }

        foreach (var env in envs)
        {
            env.Scope = CommonDir(env.Files.Select(f => Dir(f.Path)));
            foreach (var f in env.Files)
            {
                if (!model.byPath.TryGetValue(f.Path, out var list)) model.byPath[f.Path] = list = new List<RepoEnvironment>();
                list.Add(env);
            }
        }
        model.Environments = envs.Where(e => e.Files.Count > 0).ToArray();
        return model;
    }

    // ------------------------------------------------------------------ relations

    /// <summary>
    /// Are two environments parts of one system whose versions must agree? Never when either is declared independent;
    /// always when both are declared; otherwise when one folder contains the other, or a training environment's parent
    /// folder contains the serving environment (<c>train/</c> and <c>serve/</c> side by side).
    /// </summary>
    public static bool Related(RepoEnvironment a, RepoEnvironment b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Independent || b.Independent) return false;
        if (a.IsExplicit && b.IsExplicit) return true;
        if (IsAncestorOrSelf(a.Scope, b.Scope) || IsAncestorOrSelf(b.Scope, a.Scope)) return true;
        if (a.Role == EnvironmentRole.Training && IsAncestorOrSelf(Dir(a.Scope), b.Scope)) return true;
        if (b.Role == EnvironmentRole.Training && IsAncestorOrSelf(Dir(b.Scope), a.Scope)) return true;
        return false;
    }

    /// <summary>Are two files' environments related (any pair of the environments they belong to)?</summary>
    public bool FilesRelated(string pathA, string pathB, out bool viaDeclaration)
    {
        viaDeclaration = false;
        var ea = EnvironmentsOf(pathA);
        var eb = EnvironmentsOf(pathB);
        foreach (var a in ea)
        {
            foreach (var b in eb)
            {
                if (ReferenceEquals(a, b)) { viaDeclaration = a.IsExplicit; return true; }
            }
        }
        foreach (var a in ea)
        {
            foreach (var b in eb)
            {
                if (a.Independent || b.Independent) continue;
                if (a.IsExplicit && b.IsExplicit) { viaDeclaration = true; return true; }
            }
        }
        if (ea.Any(a => a.Independent) || eb.Any(b => b.Independent)) return false;
        string da = Dir(pathA), db = Dir(pathB);
        return IsAncestorOrSelf(da, db) || IsAncestorOrSelf(db, da);
    }

    public static bool IsAncestorOrSelf(string ancestor, string dir) =>
        ancestor.Length == 0 || dir == ancestor || dir.StartsWith(ancestor + "/", StringComparison.Ordinal);

    public static string Dir(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash);
    }

    private static string CommonDir(IEnumerable<string> dirs)
    {
        string? common = null;
        foreach (var d in dirs)
        {
            if (common == null) { common = d; continue; }
            while (!IsAncestorOrSelf(common, d)) common = Dir(common);
        }
        return common ?? "";
    }

    // ------------------------------------------------------------------ roles

    /// <summary>The role of a Dockerfile from its name and folders: serving unless it says train or dev.</summary>
    public static (EnvironmentRole Role, string Why) DockerfileRole(string path)
    {
        string name = DocumentClassifier.FileName(path).ToLowerInvariant();
        string marker = name.Replace("dockerfile", "").Replace("containerfile", "").Trim('.', '-', '_');
        if (marker is "train" or "training" or "trainer" or "notebook" or "jupyter" or "gpu-train") return (EnvironmentRole.Training, $"a Dockerfile named {name}");
        if (marker is "dev" or "devel" or "develop" or "development" or "test" or "tests" or "ci") return (EnvironmentRole.Development, $"a Dockerfile named {name}");
        if (path.StartsWith(".devcontainer/", StringComparison.Ordinal) || path.Contains("/.devcontainer/")) return (EnvironmentRole.Development, "a dev container");
        var folder = FolderRole(path);
        if (folder.Role is EnvironmentRole.Training) return folder;
        return (EnvironmentRole.Serving, "a Dockerfile");
    }

    public static (EnvironmentRole Role, string Why) FileRole(string path, DocumentKind kind)
    {
        if (kind == DocumentKind.GitHubWorkflow) return (EnvironmentRole.CI, "a GitHub workflow");
        string name = DocumentClassifier.FileName(path).ToLowerInvariant();
        if (name == "runtime.txt") return (EnvironmentRole.Serving, "runtime.txt (a buildpack deployment)");
        if (kind == DocumentKind.Requirements)
        {
            string stem = name.Replace("requirements", " ").Replace("constraints", " ");
            foreach (var token in stem.Split(new[] { '-', '_', '.', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                switch (token)
                {
                    case "prod": case "production": case "serve": case "serving": case "api": case "inference": case "deploy": case "runtime":
                        return (EnvironmentRole.Serving, $"a requirements file named {name}");
                    case "dev": case "develop": case "development": case "test": case "tests": case "testing": case "lint": case "docs": case "ci":
                        return (EnvironmentRole.Development, $"a requirements file named {name}");
                    case "train": case "training": case "notebook": case "notebooks": case "research":
                        return (EnvironmentRole.Training, $"a requirements file named {name}");
                }
            }
        }
        if (path.StartsWith(".devcontainer/", StringComparison.Ordinal)) return (EnvironmentRole.Development, "a dev container");
        if (kind == DocumentKind.Notebook)
        {
            // A notebook explores and trains; it never serves, whatever folder it is in.
            var folder = FolderRole(path);
            return folder.Role == EnvironmentRole.Training ? folder : (EnvironmentRole.Training, "a notebook");
        }
        return FolderRole(path);
    }

    /// <summary>The deepest folder with a role word decides (<c>serve/</c>, <c>train/</c>…).</summary>
    private static (EnvironmentRole Role, string Why) FolderRole(string path)
    {
        var parts = path.Split('/');
        for (int i = parts.Length - 2; i >= 0; i--)
        {
            if (ServingFolders.Contains(parts[i])) return (EnvironmentRole.Serving, $"folder '{parts[i]}'");
            if (TrainingFolders.Contains(parts[i])) return (EnvironmentRole.Training, $"folder '{parts[i]}'");
        }
        return (EnvironmentRole.Unknown, "no serving or training signal");
    }

    // ------------------------------------------------------------------ links

    /// <summary>The files a Dockerfile installs: <c>pip install -r</c> / <c>-c</c> / <c>conda env create -f</c> targets
    /// (through its COPYs, then beside it, then from the root), and the lock or manifest of a project install.</summary>
    public static IEnumerable<SourceDocument> LinkedFiles(SourceDocument dockerfile, RepositorySnapshot repo)
    {
        var facts = FactReader.Of(dockerfile);
        var model = Parsing.Dockerfile.DockerfileParser.Of(dockerfile);
        string dir = Dir(dockerfile.Path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, instruction) in facts.InstalledFiles)
        {
            var found = Resolve(value, dir, repo, model.Copies.Where(c => c.Instruction.StageIndex == instruction.StageIndex && c.Instruction.StartLine < instruction.StartLine)
                .SelectMany(c => c.Sources.Select(s => (Source: s, c.Destination))));
            if (found != null && seen.Add(found.Path)) yield return found;
        }
        if (facts.InstallsProject)
        {
            foreach (var d in new[] { dir, "" }.Distinct())
            {
                bool any = false;
                foreach (var name in new[] { "uv.lock", "poetry.lock", "Pipfile.lock", "pdm.lock", "pyproject.toml", "Pipfile" })
                {
                    var f = repo.Find(d.Length == 0 ? name : d + "/" + name);
                    if (f is { HasText: true } && seen.Add(f.Path)) { any = true; yield return f; }
                }
                if (any) break;
            }
        }
    }

    private static SourceDocument? Resolve(string value, string dir, RepositorySnapshot repo, IEnumerable<(string Source, string Destination)> copies)
    {
        string name = value.Substring(value.LastIndexOf('/') + 1);
        foreach (var (src, _) in copies)
        {
            string s = src.TrimEnd('/');
            string srcName = s.Substring(s.LastIndexOf('/') + 1);
            foreach (var context in new[] { dir, "" }.Distinct())
            {
                string? candidate = srcName == name ? Join(context, s) : Join(context, s + "/" + name);
                if (candidate != null && repo.Find(candidate) is { HasText: true } found) return found;
            }
        }
        if (value.StartsWith("/", StringComparison.Ordinal)) value = name;
        foreach (var context in new[] { dir, "" }.Distinct())
        {
            if (Join(context, value) is { } p && repo.Find(p) is { HasText: true } f) return f;
        }
        return null;
    }

    private static string? Join(string dir, string relative)
    {
        if (relative.Contains("$") || relative.Contains("*")) return null;
        return Documents.RepoPath.Join(dir, relative);
    }

    // ------------------------------------------------------------------ configuration

    private static IReadOnlyList<EnvironmentDeclaration> ReadDeclarations(LintConfig config, List<string> problems)
    {
        if (!config.Sections.TryGetValue("environments", out var table)) return Array.Empty<EnvironmentDeclaration>();
        var list = new List<EnvironmentDeclaration>();
        foreach (var kv in table)
        {
            if (kv.Value is not TomlTable env)
            {
                problems.Add($"[tool.mlops-lint.environments] {kv.Key}: expected a table such as [tool.mlops-lint.environments.{kv.Key}] with paths = [...]");
                continue;
            }
            var paths = new List<string>();
            EnvironmentRole? role = null;
            bool independent = false;
            foreach (var e in env)
            {
                switch (e.Key)
                {
                    case "paths":
                        if (e.Value is string one) paths.Add(one);
                        else if (e.Value is TomlArray arr) paths.AddRange(arr.OfType<string>());
                        break;
                    case "role":
                        role = ParseRole(e.Value as string);
                        if (role == null) problems.Add($"[tool.mlops-lint.environments.{kv.Key}] role: expected \"serving\", \"training\" or \"development\", got '{e.Value}'");
                        break;
                    case "independent":
                        independent = e.Value is true;
                        break;
                    default:
                        problems.Add($"[tool.mlops-lint.environments.{kv.Key}] unknown setting '{e.Key}' (known: paths, role, independent)");
                        break;
                }
            }
            if (paths.Count == 0)
            {
                problems.Add($"[tool.mlops-lint.environments.{kv.Key}] has no paths");
                continue;
            }
            list.Add(new EnvironmentDeclaration(kv.Key, paths, role ?? RoleFromName(kv.Key), independent));
        }
        return list;
    }

    private static EnvironmentRole? ParseRole(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "serving" or "serve" or "production" or "prod" or "inference" => EnvironmentRole.Serving,
        "training" or "train" => EnvironmentRole.Training,
        "development" or "dev" => EnvironmentRole.Development,
        _ => null,
    };

    private static EnvironmentRole RoleFromName(string name)
    {
        string n = name.ToLowerInvariant();
        if (ServingFolders.Any(s => n.Contains(s))) return EnvironmentRole.Serving;
        if (TrainingFolders.Any(s => n.Contains(s))) return EnvironmentRole.Training;
        if (n.Contains("dev") || n.Contains("test")) return EnvironmentRole.Development;
        return EnvironmentRole.Unknown;
    }
}
