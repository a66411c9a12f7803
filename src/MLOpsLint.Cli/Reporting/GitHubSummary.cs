using System.Text;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Reporting;

/// <summary>
/// The Markdown job summary appended to <c>$GITHUB_STEP_SUMMARY</c>: counts per family and severity, a table
/// of findings with links to the rule pages, and how many findings were not shown as annotations. Kept under
/// GitHub's 1 MiB limit per step: rows stop early and the rest are counted.
/// </summary>
internal static class GitHubSummary
{
    public const int MaxBytes = 1024 * 1024;
    private const int Budget = MaxBytes - 16 * 1024;

    /// <param name="checks">How the check run went, when the Action handed over a token (null: workflow commands only).</param>
    public static string Build(ScanReport report, int maxBytes = Budget, GitHubChecks.Result? checks = null)
    {
        var f = report.Findings;
        var r = report.Result;
        var sb = new StringBuilder();
        int errors = f.Count(x => x.Severity == Severity.Error);
        int warnings = f.Count(x => x.Severity == Severity.Warning);
        int suggestions = f.Count(x => x.Severity == Severity.Suggestion);
        sb.AppendLine(f.Count == 0
            ? $"## MLOps Lint: no findings in {r.FilesScanned} files"
            : $"## MLOps Lint: {TextReporter.Plural(f.Count, "finding")} ({errors} errors, {warnings} warnings, {suggestions} suggestions)");
        sb.AppendLine();
        if (r.Suppressed > 0 || r.Baselined > 0)
        {
            sb.AppendLine($"{r.FilesScanned} files scanned; {r.Suppressed} suppressed by `# noqa`; {r.Baselined} accepted in the baseline.");
            sb.AppendLine();
        }
        if (f.Count > 0)
        {
            sb.AppendLine("| Family | Errors | Warnings | Suggestions |");
            sb.AppendLine("|---|---:|---:|---:|");
            foreach (var family in RuleFamilies.All)
            {
                var inFamily = f.Where(x => x.Rule.Family == family).ToArray();
                if (inFamily.Length == 0) continue;
                sb.AppendLine($"| {family.Title()} ({family.Prefix()}xx) | {inFamily.Count(x => x.Severity == Severity.Error)} | {inFamily.Count(x => x.Severity == Severity.Warning)} | {inFamily.Count(x => x.Severity == Severity.Suggestion)} |");
            }
            sb.AppendLine();
            if (checks?.Status == GitHubChecks.Status.Published)
            {
                sb.AppendLine($"All {TextReporter.Plural(f.Count, "finding")} are annotations of the check run **{GitHubChecks.CheckName}** ({checks.Detail}).");
                sb.AppendLine();
            }
            else if (checks != null)
            {
                sb.AppendLine($"> The check run could not be written ({Cell(checks.Detail)}): give the job `permissions: checks: write` to see every finding as an annotation. Workflow commands were used instead.");
                sb.AppendLine();
            }
            int notShown = checks?.Status == GitHubChecks.Status.Published ? 0 : GitHubReporter.NotShown(f);
            if (notShown > 0)
            {
                sb.AppendLine($"> **{notShown} of {f.Count} findings are not shown as annotations**: GitHub shows at most {GitHubReporter.PerLevelLimit} errors, {GitHubReporter.PerLevelLimit} warnings and {GitHubReporter.PerLevelLimit} notices per step ({GitHubReporter.PerJobLimit} per job). The most severe were shown; all are listed below{(report.Findings.Count > 0 ? " and in the SARIF/JSON output" : "")}.");
                sb.AppendLine();
            }
            sb.AppendLine("| Severity | Rule | Location | Message |");
            sb.AppendLine("|---|---|---|---|");
            int written = 0;
            long bytes = Encoding.UTF8.GetByteCount(sb.ToString());
            foreach (var x in GitHubReporter.Ordered(f))
            {
                string row = $"| {x.Severity.ToName()} | [{x.RuleId}]({x.Rule.HelpUri}) {Cell(x.Rule.Title)} | `{Cell(x.Path)}:{x.Span.StartLine}` | {Cell(x.Message)} |";
                bytes += Encoding.UTF8.GetByteCount(row) + Environment.NewLine.Length;
                if (bytes + 200 > maxBytes)
                {
                    sb.AppendLine();
                    sb.AppendLine($"… and {f.Count - written} more findings (the summary is limited to 1 MiB; see the SARIF or JSON output).");
                    break;
                }
                sb.AppendLine(row);
                written++;
            }
            sb.AppendLine();
        }
        var problems = r.Diagnostics.Where(d => d.Level != Core.Findings.ScanDiagnosticLevel.Note).ToArray();
        if (problems.Length > 0)
        {
            sb.AppendLine($"<details><summary>{problems.Length} scan problems</summary>");
            sb.AppendLine();
            foreach (var d in problems.Take(200)) sb.AppendLine($"- {Cell(d.ToString())}");
            sb.AppendLine();
            sb.AppendLine("</details>");
        }
        return sb.ToString();
    }

    private static string Cell(string s) =>
        s.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ").Replace("<", "&lt;");
}
