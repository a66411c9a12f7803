using System.Runtime.CompilerServices;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Dependencies;

/// <summary>
/// <c>scan --online</c>, after the engine: MLO210 findings carry the package id in <see cref="Finding.Subject"/> and a
/// fix text with a <c>&lt;version&gt;</c> placeholder; this writes the newest stable version from the feeds into it
/// (<c>pin it: Version="3.0.1" (the newest stable version of Microsoft.ML on the configured NuGet feeds)</c>).
/// A package the feeds do not answer for keeps the offline text.
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
        IReadOnlyDictionary<string, NuGet.Versioning.NuGetVersion?> newest;
        using (var lookup = new OnlineVersionLookup(root, budget))
        {
            newest = lookup.NewestStable(candidates.Select(f => f.Subject!), warnings);
        }
        var findings = result.Findings.Select(f =>
            IsCandidate(f) && newest.TryGetValue(f.Subject!, out var v) && v != null
                ? f with { FixHint = PinnedHint(f.FixHint!, f.Subject!, v.ToNormalizedString()) }
                : f).ToArray();
        return new LintResult(findings, result.Diagnostics.Concat(warnings).ToArray(), result.FilesScanned, result.Suppressed, result.Baselined)
        {
            BytesScanned = result.BytesScanned,
            CheckTimes = result.CheckTimes,
        };
    }

    private static bool IsCandidate(Finding f) =>
        f.RuleId == RuleCatalog.MLO210.Id && !string.IsNullOrWhiteSpace(f.Subject) && f.FixHint?.Contains(Placeholder, StringComparison.Ordinal) == true;

    /// <summary>
    /// The offline fix text with the placeholder filled in; the offline advice on finding a version (after " — ", or a
    /// closing parenthesis) gives way to where this one came from.
    /// </summary>
    internal static string PinnedHint(string offline, string id, string version)
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
            + $" ({version} is the newest stable version of {id} on the configured NuGet feeds)";
    }
}
