using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Commands;

/// <summary>
/// Pull-request mode: <c>--new-from-rev REV</c> keeps the findings whose fingerprint (rule, path, normalised content — not
/// the line) REV's own tree does not produce, REV being read from git objects and scanned with the same configuration;
/// <c>--changed-lines-only</c> also drops line findings on lines the diff from REV does not add. A finding with another
/// side (a mismatch between files) and the version-mismatch family are kept wherever they point: the change may have
/// made the mismatch by editing the other file.
/// </summary>
internal static class NewFindings
{
    public static LintResult Keep(LintResult result, ScanOptions options, string scanPath, LintConfig config, Linter linter, Action<string>? progress)
    {
        string rev = options.NewFromRev!;
        progress?.Invoke($"scanning {rev} from git objects…");
        var before = Git.RevisionSnapshot.Read(scanPath, rev, config.Exclude, config.MaxTextFileSize, options.Mode == ScanMode.Staged);
        var old = linter.Run(new Core.Checks.RepositorySnapshot(before.Documents), config).Findings
            .Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var kept = result.Findings.Where(f => !old.Contains(f.Fingerprint)).ToArray();
        int atRev = result.Findings.Count - kept.Length;
        int elsewhere = 0;
        if (options.ChangedLinesOnly)
        {
            var onAdded = kept.Where(f => AcrossFiles(f) || Lines(f).Any(l => before.IsAdded(f.Path, l))).ToArray();
            elsewhere = kept.Length - onAdded.Length;
            kept = onAdded;
        }
        string sha = before.Sha[..Math.Min(12, before.Sha.Length)];
        var note = new ScanDiagnostic(ScanDiagnosticLevel.Note, options.ChangedLinesOnly
            ? $"{atRev} findings are already at {rev} ({sha}) and {elsewhere} new ones are on lines the change does not add; neither is reported"
            : $"{atRev} findings are already at {rev} ({sha}) and are not reported");
        var notes = before.Notes.Select(n => new ScanDiagnostic(ScanDiagnosticLevel.Note, n));
        return new LintResult(kept, result.Diagnostics.Append(note).Concat(notes).ToArray(), result.FilesScanned, result.Suppressed, result.Baselined)
        {
            BytesScanned = result.BytesScanned,
            CheckTimes = result.CheckTimes,
            Secrets = result.Secrets,
        };
    }

    private static bool AcrossFiles(Finding f) => f.Related.Count > 0 || f.Rule.Family == RuleFamily.VersionMismatch;

    private static IEnumerable<int> Lines(Finding f) =>
        Enumerable.Range(Math.Max(1, f.Span.StartLine), Math.Max(1, f.Span.EndLine - Math.Max(1, f.Span.StartLine) + 1));
}
