using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Reporting;

/// <summary>Everything a reporter needs: the result, the root it is relative to, and source text for code frames.</summary>
internal sealed class ScanReport
{
    public ScanReport(LintResult result, string rootDirectory, Func<string, Core.Documents.SourceDocument?> documents, Severity failLevel)
    {
        Result = result;
        RootDirectory = rootDirectory;
        Documents = documents;
        FailLevel = failLevel;
    }

    public LintResult Result { get; }

    public IReadOnlyList<Finding> Findings => Result.Findings;

    public string RootDirectory { get; }

    public Func<string, Core.Documents.SourceDocument?> Documents { get; }

    public Severity FailLevel { get; }

    /// <summary>Set for <c>scan --history</c>.</summary>
    public Git.HistorySummary? History { get; init; }

    /// <summary>The document a finding was made in, when its path alone does not say it (<c>--history</c>: several
    /// versions of one path); code frames come from it.</summary>
    public Func<Finding, Core.Documents.SourceDocument?>? DocumentOf { get; init; }

    /// <summary>The rules that appear in the findings, ordered by id.</summary>
    public IReadOnlyList<RuleDescriptor> RulesUsed =>
        Findings.Select(f => f.Rule).Distinct().OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

    /// <summary>Line <paramref name="line"/> of <paramref name="path"/> (of the document <paramref name="finding"/> was
    /// made in, when that is known), when the document has text.</summary>
    public string? SourceLine(string path, int line, Finding? finding = null)
    {
        var doc = (finding != null && finding.Path == path ? DocumentOf?.Invoke(finding) : null) ?? Documents(path);
        if (doc == null || !doc.HasText || line < 1 || line > doc.Lines.LineCount) return null;
        return doc.Lines.GetLine(line);
    }
}

/// <summary>One output format.</summary>
internal interface IReporter
{
    void Write(ScanReport report, TextWriter output);
}
