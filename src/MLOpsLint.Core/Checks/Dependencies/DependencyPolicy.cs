using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.Requirements;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>What counts as pinned (the <c>strictness</c> option).</summary>
public enum Strictness
{
    /// <summary>One version: <c>==1.2.3</c>.</summary>
    Exact,
    /// <summary>Any version constraint (hadolint's DL3013 view).</summary>
    Range,
    /// <summary>One version and a <c>--hash</c> (OpenSSF Scorecard's view).</summary>
    Hash,
}

public enum ProjectKind
{
    Application,
    Library,
}

/// <summary>Shared decisions of the MLO2xx checks: option reading, pin tests, paths, spans.</summary>
internal static class DependencyPolicy
{
    /// <summary>Installer tooling that <c>pip install --upgrade pip setuptools wheel</c> updates.</summary>
    public static readonly HashSet<string> PackagingTools = new(StringComparer.Ordinal) { "pip", "setuptools", "wheel" };

    public static Strictness ReadStrictness(CheckContext context, RuleDescriptor rule, ProjectKind kind)
    {
        string value = context.Options(rule).GetString("strictness", "auto").Trim().ToLowerInvariant();
        return value switch
        {
            "exact" => Strictness.Exact,
            "range" => Strictness.Range,
            "hash" => Strictness.Hash,
            _ => kind == ProjectKind.Library ? Strictness.Range : Strictness.Exact,
        };
    }

    /// <summary>The configured project kind (MLO202's option, then MLO203's, then <c>repository-kind</c>), or null for auto.</summary>
    public static ProjectKind? ConfiguredKind(CheckContext context)
    {
        foreach (var rule in new[] { RuleCatalog.MLO202, RuleCatalog.MLO203 })
        {
            var o = context.Options(rule);
            if (!o.Has("project-kind")) continue;
            switch (o.GetString("project-kind", "auto").Trim().ToLowerInvariant())
            {
                case "application": case "app": return ProjectKind.Application;
                case "library": case "lib": return ProjectKind.Library;
            }
            return null;
        }
        return context.Config.Scopes.RepositoryKind switch
        {
            Scope.RepositoryKind.Library => ProjectKind.Library,
            Scope.RepositoryKind.Application => ProjectKind.Application,
            _ => null,
        };
    }

    /// <summary>Is a requirement pinned enough for <paramref name="strictness"/>?</summary>
    public static bool IsPinned(Pep508Requirement r, IReadOnlyList<string> hashes, Strictness strictness) => strictness switch
    {
        Strictness.Range => r.HasVersion,
        Strictness.Hash => r.IsExactPin && hashes.Count > 0,
        _ => r.IsExactPin,
    };

    public static bool IsPinned(CondaSpec spec, Strictness strictness) => strictness switch
    {
        Strictness.Range => spec.HasVersion,
        _ => spec.IsExactPin || (spec.NormalizedName == "python" && spec.IsMinorSeries),
    };

    public static string Directory(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash);
    }

    /// <summary>Joins a relative path to a directory and normalises <c>.</c>/<c>..</c>; null when it leaves the repository
    /// or is absolute.</summary>
    public static string? Resolve(string directory, string relative)
    {
        if (relative.Length == 0 || relative.StartsWith("/", StringComparison.Ordinal) || relative.Contains("$")
            || relative.Contains("://")) return null;
        return Documents.RepoPath.Join(directory, relative);
    }

    /// <summary>True when <paramref name="path"/> is in <paramref name="directory"/> or below it.</summary>
    public static bool IsUnder(string path, string directory) =>
        directory.Length == 0 || path.StartsWith(directory + "/", StringComparison.Ordinal);

    /// <summary><paramref name="directory"/> and its ancestors up to the repository root.</summary>
    public static IEnumerable<string> SelfAndAncestors(string directory)
    {
        string d = directory;
        while (true)
        {
            yield return d;
            if (d.Length == 0) yield break;
            d = Directory(d);
        }
    }

    public static SourceSpan Span(SourceDocument doc, int start, int end) => doc.Lines.GetSpan(start, Math.Max(start + 1, end));

    /// <summary>The text of the span's first line, for fix messages.</summary>
    public static string Quote(string text) => text.Length > 80 ? text.Substring(0, 77) + "..." : text;
}
