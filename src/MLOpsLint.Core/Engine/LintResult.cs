using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Engine;

public sealed class LintResult
{
    public LintResult(IReadOnlyList<Finding> findings, IReadOnlyList<ScanDiagnostic> diagnostics, int filesScanned, int suppressed, int baselined)
    {
        Findings = findings;
        Diagnostics = diagnostics;
        FilesScanned = filesScanned;
        Suppressed = suppressed;
        Baselined = baselined;
    }

    /// <summary>Findings after configuration, suppression and baseline; sorted by path, line, column, rule.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<ScanDiagnostic> Diagnostics { get; }

    public int FilesScanned { get; }

    /// <summary>CPU time (summed over threads) of each check (<c>check X</c>), each parsed form (<c>parse X</c>) and the decoding of
    /// text (<c>decode text</c>), each charged only its own share (<see cref="ScanProfile"/>), for <c>--verbose</c>; never part of a report.</summary>
    public IReadOnlyDictionary<string, TimeSpan> CheckTimes { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>What each file was judged to be, and the repository's kind (for <c>--verbose</c>); null when not computed.</summary>
    public Scope.ScopeModel? Scopes { get; init; }

    /// <summary>Findings dropped because their rule does not judge the file's scope.</summary>
    public int OutOfScope { get; init; }

    /// <summary>Total size of the scanned files in bytes.</summary>
    public long BytesScanned { get; init; }

    /// <summary>Findings silenced by <c># noqa</c>.</summary>
    public int Suppressed { get; }

    /// <summary>Findings hidden because the baseline holds them.</summary>
    public int Baselined { get; }

    public bool HasFailures(Severity failLevel) => Findings.Any(f => f.Severity >= failLevel && f.Severity != Severity.None);
}
