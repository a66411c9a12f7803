using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Reporting;

/// <summary>
/// Findings as GitHub annotations. GitHub shows at most 10 error, 10 warning and 10 notice annotations per
/// step (50 per job) and drops the rest silently, so the most severe come first; the job summary says how
/// many were not shown. <c>col</c>/<c>endColumn</c> only on single-line findings (GitHub rejects them otherwise).
/// </summary>
internal sealed class GitHubReporter : IReporter
{
    public const int PerLevelLimit = 10;
    public const int PerJobLimit = 50;

    private readonly string pathPrefix;

    /// <param name="pathPrefix">Prefix that makes repository paths relative to GITHUB_WORKSPACE ("" when the
    /// scanned repository is the workspace).</param>
    public GitHubReporter(string pathPrefix = "")
    {
        this.pathPrefix = pathPrefix;
    }

    /// <summary>False when the findings went to a check run through the Checks API (<see cref="GitHubChecks"/>): then only
    /// scan problems are written here.</summary>
    public bool FindingAnnotations { get; init; } = true;

    public void Write(ScanReport report, TextWriter output)
    {
        foreach (var f in FindingAnnotations ? Ordered(report.Findings) : Enumerable.Empty<Finding>())
        {
            output.WriteLine(Format(f, pathPrefix));
        }
        foreach (var d in report.Result.Diagnostics.Where(d => d.Level != ScanDiagnosticLevel.Note))
        {
            output.WriteLine(WorkflowCommands.Annotation("warning", "mlops-lint: " + d.Message, "mlops-lint scan problem",
                d.Path == null ? null : pathPrefix + d.Path, d.Line, null, null, null));
        }
    }

    /// <summary>Most severe first; within a severity the most important family first (a leaked credential before committed
    /// data, before a version mismatch, an unpinned dependency, a missing seed, a hardcoded path), then the usual path/line
    /// order. GitHub shows only the first 10 annotations of each severity, so a credential warning must not come 20th.</summary>
    public static IEnumerable<Finding> Ordered(IEnumerable<Finding> findings) =>
        findings.OrderByDescending(f => f.Severity).ThenBy(f => Importance(f.Rule.Family))
            .ThenBy(f => f, Comparer<Finding>.Create(Core.Engine.Linter.Compare));

    private static int Importance(RuleFamily family) => family switch
    {
        RuleFamily.HardcodedCredentials => 0,
        RuleFamily.CommittedData => 1,
        RuleFamily.VersionMismatch => 2,
        RuleFamily.UnpinnedDependencies => 3,
        RuleFamily.MissingSeeds => 4,
        _ => 5,
    };

    public static string Format(Finding f, string pathPrefix = "")
    {
        string command = f.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        string hint = f.LocationHint != null ? $" ({f.LocationHint})" : "";
        string message = $"{f.Message}{hint}\nFix: {f.Fix}\nRule: {f.RuleId} {f.Rule.Name} {f.Rule.HelpUri}";
        bool oneLine = f.Span.IsSingleLine && f.Span.EndColumn > f.Span.StartColumn;
        return WorkflowCommands.Annotation(command, message, $"{f.RuleId}: {f.Rule.Title}", pathPrefix + f.Path,
            f.Span.StartLine, f.Span.EndLine, oneLine ? f.Span.StartColumn : null, oneLine ? f.Span.EndColumn : null);
    }

    /// <summary>How many findings GitHub will not show as annotations.</summary>
    public static int NotShown(IReadOnlyList<Finding> findings)
    {
        int shown = 0;
        foreach (var level in new[] { Severity.Error, Severity.Warning, Severity.Suggestion })
        {
            shown += Math.Min(PerLevelLimit, findings.Count(f => f.Severity == level));
        }
        shown = Math.Min(PerJobLimit, shown);
        return findings.Count - shown;
    }
}
