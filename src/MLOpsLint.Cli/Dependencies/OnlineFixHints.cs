using System.Runtime.CompilerServices;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Dependencies;

/// <summary>
/// <c>scan --online</c>, after the engine: MLO210 findings carry the package id in <see cref="Finding.Subject"/> and a
/// fix text with a <c>&lt;version&gt;</c> placeholder; this writes a version from the feeds into it. Where the finding
/// carries what was written (<c>3.*</c>, <c>(1.0,)</c>), that is the version restore picks for it today — pinning it
/// keeps the build as it is (<c>pin it: Version="3.0.1" (3.0.1 is what restore picks for 3.* from the configured NuGet
/// feeds today)</c>), where the newest version overall could be a major release away; otherwise it is the newest
/// stable version. A package the feeds do not answer for keeps the offline text.
/// </summary>
internal static class OnlineFixHints
{
    internal const string Placeholder = "<version>";

    /// <summary>Kept out of line so that the assemblies behind it load only when --online is given.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static LintResult Apply(LintResult result, string root, TimeSpan? budget = null)
    {
        var candidates = result.Findings.Where(IsCandidate).ToArray();
        if (candidates.Length == 0) return result;
        var warnings = new List<ScanDiagnostic>();
        IReadOnlyDictionary<string, IReadOnlyList<NuGet.Versioning.NuGetVersion>?> versions;
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            warnings.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                $"--online: the NuGet feeds were not asked (NuGet.Protocol needs reflection), and {NativeAotLimits.UseJitBuild}"));
            versions = new Dictionary<string, IReadOnlyList<NuGet.Versioning.NuGetVersion>?>();
        }
        else
        {
            using var lookup = new OnlineVersionLookup(root, budget);
            versions = lookup.StableVersions(candidates.Select(f => f.Subject!), warnings);
        }
        var findings = result.Findings.Select(f =>
            IsCandidate(f) && versions.TryGetValue(f.Subject!, out var stable) && stable is { Count: > 0 } && Pin(f, stable) is { } hint
                ? f with { FixHint = hint }
                : f).ToArray();
        return new LintResult(findings, result.Diagnostics.Concat(warnings).ToArray(), result.FilesScanned, result.Suppressed, result.Baselined)
        {
            BytesScanned = result.BytesScanned,
            CheckTimes = result.CheckTimes,
            Secrets = result.Secrets,
            Scopes = result.Scopes,
            OutOfScope = result.OutOfScope,
        };
    }

    /// <summary>The fix text with the version restore picks for what was written, or the newest stable one.</summary>
    private static string? Pin(Finding f, IReadOnlyList<NuGet.Versioning.NuGetVersion> stable)
    {
        if (f.SubjectVersion is { } written && NuGet.Versioning.VersionRange.TryParse(written, allowFloating: true, out var range))
        {
            // what restore resolves: the highest match of a floating version, the lowest of a plain range
            return range.FindBestMatch(stable) is { } pick
                ? PinnedHint(f.FixHint!, f.Subject!, pick.ToNormalizedString(), written)
                : null; // nothing on the feeds satisfies it: the offline advice stands
        }
        return PinnedHint(f.FixHint!, f.Subject!, stable[stable.Count - 1].ToNormalizedString());
    }

    private static bool IsCandidate(Finding f) =>
        f.RuleId == RuleCatalog.MLO210.Id && !string.IsNullOrWhiteSpace(f.Subject) && f.FixHint?.Contains(Placeholder, StringComparison.Ordinal) == true;

    /// <summary>
    /// The offline fix text with the placeholder filled in; the offline advice on finding a version (after " — ", or a
    /// closing parenthesis) gives way to where this one came from.
    /// </summary>
    internal static string PinnedHint(string offline, string id, string version, string? written = null)
    {
        string text = offline;
        int dash = text.IndexOf(" — ", StringComparison.Ordinal);
        if (dash >= 0 && dash > text.LastIndexOf(Placeholder, StringComparison.Ordinal))
        {
            text = text.Substring(0, dash);
        }
        else if (text.EndsWith(')') && text.LastIndexOf(" (", StringComparison.Ordinal) is int paren && paren > text.LastIndexOf(Placeholder, StringComparison.Ordinal))
        {
            text = text.Substring(0, paren);
        }
        return text.Replace(Placeholder, version, StringComparison.Ordinal)
            + (written != null
                ? $" ({version} is what restore picks for {written} from the configured NuGet feeds today)"
                : $" ({version} is the newest stable version of {id} on the configured NuGet feeds)");
    }
}
