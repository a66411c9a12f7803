using System.Text;
using MLOpsLint.Cli.Commands;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Fix;

/// <summary>
/// <c>scan --fix</c> and <c>scan --diff</c>: apply the findings' mechanical fixes (MLO301 <c>random_state=</c>,
/// MLO304 seeds) to the files. <c>--fix</c> writes the files, lists what it changed on stderr, then scans again and
/// reports what is left (exit code from that: the caller scans again when <see cref="Execute"/> returns null, once the
/// first scan's documents are let go). <c>--diff</c> writes nothing: it prints the unified diff on stdout and exits 1 when
/// there is something to fix, 0 when not.
/// </summary>
internal static class FixCommand
{
    /// <returns>The exit code, or null when the fixes were written and the repository is to be scanned again.</returns>
    public static int? Execute(ScanOptions options, ScanRunner.Outcome outcome, TextWriter stdout, TextWriter stderr)
    {
        var plans = new List<FilePlan>();
        foreach (var group in outcome.Result.Findings.Where(f => f.Edit != null).GroupBy(f => f.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var doc = outcome.Documents(group.Key);
            if (doc == null) continue;
            plans.Add(FixPlanner.Plan(doc, group));
        }

        foreach (var p in plans)
        {
            if (p.Refused != null) stderr.WriteLine($"mlops-lint: not fixed: {p.Path}: {p.Refused}");
            foreach (var (f, reason) in p.Skipped.Where(_ => p.Refused == null))
            {
                stderr.WriteLine($"mlops-lint: not fixed: {p.Path}:{f.Span.StartLine}:{f.Span.StartColumn} {f.RuleId}: {reason}");
            }
        }

        var changing = plans.Where(p => p.Changes).ToArray();
        if (options.Diff)
        {
            foreach (var p in changing) stdout.Write(UnifiedDiff.Create(p.Path, p.OriginalText, p.NewText));
            int n = changing.Sum(p => p.Applied.Count);
            stderr.WriteLine(n == 0
                ? "mlops-lint: nothing to fix"
                : $"mlops-lint: {n} fix{(n == 1 ? "" : "es")} in {changing.Length} file{(changing.Length == 1 ? "" : "s")} (not written; run with --fix to apply)");
            return n == 0 ? ExitCodes.Clean : ExitCodes.Findings;
        }

        int fixedCount = 0;
        foreach (var p in changing)
        {
            string full = Path.Combine(outcome.Root, p.Path.Replace('/', Path.DirectorySeparatorChar));
            try
            {
                var doc = outcome.Documents(p.Path)!;
                bool bom = doc.Encoding == Core.Text.TextEncodingKind.Utf8Bom;
                File.WriteAllText(full, p.NewText, new UTF8Encoding(bom));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"mlops-lint: not fixed: {p.Path}: cannot write: {e.Message}");
                continue;
            }
            foreach (var f in p.Applied)
            {
                string where = f.LocationHint == null ? "" : $" ({f.LocationHint})";
                stderr.WriteLine($"mlops-lint: fixed {p.Path}:{f.Span.StartLine}:{f.Span.StartColumn}{where} {f.RuleId}: {f.Edit!.Description}");
                fixedCount++;
            }
        }
        stderr.WriteLine($"mlops-lint: fixed {fixedCount} finding{(fixedCount == 1 ? "" : "s")} in {changing.Length} file{(changing.Length == 1 ? "" : "s")}");
        return null;
    }
}
