using MLOpsLint.Cli.Reporting;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Tests.Support;

/// <summary>Builds reports from findings for reporter tests, and renders them.</summary>
public static class Reports
{
    internal static ScanReport Make(IReadOnlyList<Finding> findings, IReadOnlyList<SourceDocument>? docs = null, IReadOnlyList<ScanDiagnostic>? diagnostics = null)
    {
        var byPath = (docs ?? Array.Empty<SourceDocument>()).ToDictionary(d => d.Path);
        var result = new LintResult(findings, diagnostics ?? Array.Empty<ScanDiagnostic>(), byPath.Count, 0, 0);
        return new ScanReport(result, "/work/repo", p => byPath.TryGetValue(p, out var d) ? d : null, Severity.Warning);
    }

    internal static string Render(IReporter reporter, ScanReport report)
    {
        var w = new StringWriter();
        reporter.Write(report, w);
        return w.ToString();
    }

    public static Finding Finding(string path, int line, int col, int endCol, string message, Severity severity = Severity.Warning) =>
        new(RuleCatalog.MLO303, path, new SourceSpan(line, col, line, endCol), message) { Severity = severity, Fingerprint = "fp" + path + line };
}
