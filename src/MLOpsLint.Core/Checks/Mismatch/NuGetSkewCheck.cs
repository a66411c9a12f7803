using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Environments;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.MSBuild;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Mismatch;

/// <summary>
/// MLO607: one package restored at different versions by projects of one solution (every .sln/.slnx is a group; without
/// one, the repository is). A project's version is its <c>Version</c>/<c>VersionOverride</c>, or with Central Package
/// Management the <c>PackageVersion</c> of the closest Directory.Packages.props. Versions are what NuGet restores (the
/// lowest a range admits) compared in NuGet's SemVer order, so <c>3.0</c> and <c>3.0.0</c> agree.
/// </summary>
public sealed class NuGetSkewCheck : IRepositoryCheck
{
    private static readonly string[] DefaultPackages =
    {
        "Microsoft.ML*", "TorchSharp*", "libtorch-*", "TensorFlow.NET", "TensorFlow.Keras", "SciSharp.TensorFlow.Redist*",
    };

    private static readonly Regex SlnProject = new(@"^Project\(""[^""]*""\)\s*=\s*""[^""]*""\s*,\s*""([^""]+proj)""", RegexOptions.CultureInvariant | RegexOptions.Multiline);
    private static readonly Regex SlnxProject = new(@"<Project\s+Path=""([^""]+proj)""", RegexOptions.CultureInvariant);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO607 };

    private sealed record Use(SourceDocument Project, string Id, string Version, string Resolved, string Path, SourceSpan Span);

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var projects = repository.Documents.Where(d => d.Kind == DocumentKind.MSBuild && d.HasText
            && d.Path.EndsWith("proj", StringComparison.OrdinalIgnoreCase)).ToList();
        if (projects.Count < 2) return;
        var patterns = context.Options(RuleCatalog.MLO607).GetStringList("packages", DefaultPackages)
            .Select(p => new Regex("^" + Regex.Escape(p.Trim()).Replace("\\*", ".*") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToArray();

        foreach (var group in Solutions(repository, projects))
        {
            var uses = group.SelectMany(p => Uses(p, repository)).Where(u => patterns.Any(r => r.IsMatch(u.Id))).ToList();
            foreach (var byId in uses.GroupBy(u => u.Id, StringComparer.OrdinalIgnoreCase))
            {
                var distinct = byId.GroupBy(u => u.Resolved, NuGetComparer.Instance).ToList();
                if (distinct.Count < 2) continue;
                var highest = byId.OrderByDescending(u => u.Resolved, NuGetComparer.Instance).ThenBy(u => u.Project.Path, StringComparer.Ordinal).First();
                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (var use in byId.Where(u => NuGetVersions.Compare(u.Resolved, highest.Resolved) != 0).OrderBy(u => u.Path, StringComparer.Ordinal))
                {
                    if (!reported.Add($"{use.Path}:{use.Span}")) continue;
                    var users = byId.Where(u => u.Path == use.Path && u.Span == use.Span).Select(u => u.Project.FileName).Distinct();
                    string where = use.Path == use.Project.Path ? use.Project.FileName : $"{string.Join(", ", users)} (set in {use.Path})";
                    context.Report(new Finding(RuleCatalog.MLO607, use.Path, use.Span,
                        $"{use.Id} {use.Version} in {where}, but {highest.Resolved} in {highest.Project.FileName} ({highest.Path}:{highest.Span.StartLine}): a model saved with one version may not load or score the same with the other")
                    {
                        Related = new[] { new Location(highest.Path, highest.Span) { Message = $"{use.Id} {highest.Version} in {highest.Project.FileName}" } },
                        FixHint = $"use {use.Id} {highest.Resolved} everywhere — best with Central Package Management (<PackageVersion Include=\"{use.Id}\" Version=\"{highest.Resolved}\" /> in Directory.Packages.props)",
                    });
                }
            }
        }
    }

    /// <summary>Projects grouped by solution; projects in no solution form one more group. No solution: one group.</summary>
    private static IEnumerable<List<SourceDocument>> Solutions(RepositorySnapshot repo, List<SourceDocument> projects)
    {
        var solutions = repo.Documents.Where(d => d.HasText && (d.Path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
            || d.Path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))).ToList();
        if (solutions.Count == 0)
        {
            yield return projects;
            yield break;
        }
        var inSome = new HashSet<SourceDocument>();
        foreach (var sln in solutions)
        {
            string dir = EnvironmentModel.Dir(sln.Path);
            var regex = sln.Path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? SlnxProject : SlnProject;
            var members = new List<SourceDocument>();
            foreach (Match m in regex.Matches(sln.Text))
            {
                string rel = m.Groups[1].Value.Replace('\\', '/');
                string path = dir.Length == 0 ? rel : dir + "/" + rel;
                var p = projects.FirstOrDefault(x => x.Path.Equals(Normalize(path), StringComparison.OrdinalIgnoreCase));
                if (p != null && !members.Contains(p)) members.Add(p);
            }
            inSome.UnionWith(members);
            if (members.Count > 1) yield return members;
        }
        var rest = projects.Where(p => !inSome.Contains(p)).ToList();
        if (rest.Count > 1) yield return rest;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Split('/'))
        {
            if (p.Length == 0 || p == ".") continue;
            if (p == ".." && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else parts.Add(p);
        }
        return string.Join("/", parts);
    }

    private static IEnumerable<Use> Uses(SourceDocument project, RepositorySnapshot repo)
    {
        var model = MSBuildProject.Of(project);
        if (model.Error != null) yield break;
        foreach (var item in model.Items.Where(i => i.ItemType == "PackageReference" && !i.IsUpdate))
        {
            string? written = item.VersionOverride ?? item.Version;
            string? resolvedText = item.VersionOverride != null ? item.ResolvedVersionOverride : item.ResolvedVersion;
            if (written != null)
            {
                if (NuGetVersions.Resolved(resolvedText) is { } r)
                {
                    yield return new Use(project, item.Id, written, r, project.Path,
                        new SourceSpan(item.VersionLine, item.VersionColumn, item.VersionLine, item.VersionColumn + Math.Max(1, item.VersionLength)));
                }
                continue;
            }
            if (Central(project, item.Id, repo) is { } central) yield return central with { Project = project };
        }
    }

    /// <summary>The PackageVersion of the closest Directory.Packages.props (Central Package Management).</summary>
    private static Use? Central(SourceDocument project, string id, RepositorySnapshot repo)
    {
        string dir = EnvironmentModel.Dir(project.Path);
        while (true)
        {
            var props = repo.Find(dir.Length == 0 ? "Directory.Packages.props" : dir + "/Directory.Packages.props");
            if (props is { HasText: true })
            {
                var item = MSBuildProject.Of(props).Items.FirstOrDefault(i => i.ItemType == "PackageVersion" && i.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
                if (item?.Version != null && NuGetVersions.Resolved(item.ResolvedVersion) is { } r)
                {
                    return new Use(project, item.Id, item.Version, r, props.Path,
                        new SourceSpan(item.VersionLine, item.VersionColumn, item.VersionLine, item.VersionColumn + Math.Max(1, item.VersionLength)));
                }
                return null; // the closest Directory.Packages.props is the only one MSBuild imports
            }
            if (dir.Length == 0) return null;
            dir = EnvironmentModel.Dir(dir);
        }
    }

    private sealed class NuGetComparer : IComparer<string>, IEqualityComparer<string>
    {
        public static readonly NuGetComparer Instance = new();

        public int Compare(string? x, string? y) => NuGetVersions.Compare(x ?? "", y ?? "");

        public bool Equals(string? x, string? y) => Compare(x, y) == 0;

        public int GetHashCode(string obj)
        {
            // Equal versions (3.0 and 3.0.0.0) must hash alike: hash the numeric parts without trailing zeros.
            string core = obj.Split('-', '+')[0];
            var parts = core.Split('.').Select(p => long.TryParse(p, out var n) ? n : 0).ToList();
            while (parts.Count > 0 && parts[parts.Count - 1] == 0) parts.RemoveAt(parts.Count - 1);
            return string.Join(".", parts).GetHashCode() ^ (obj.Contains("-") ? obj.Substring(obj.IndexOf('-')).Split('+')[0].ToLowerInvariant().GetHashCode() : 0);
        }
    }
}
