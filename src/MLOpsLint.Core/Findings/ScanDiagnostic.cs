namespace MLOpsLint.Core.Findings;

public enum ScanDiagnosticLevel
{
    Note,
    Warning,
    Error,
}

/// <summary>
/// Something about the scan itself rather than the repository: an unreadable file, a malformed
/// notebook or configuration, an unknown setting in the configuration. Reported on stderr, in JSON
/// and as SARIF tool execution notifications; never silently dropped.
/// </summary>
public sealed record ScanDiagnostic(ScanDiagnosticLevel Level, string Message, string? Path = null, int? Line = null)
{
    public override string ToString()
    {
        var where = Path == null ? "" : Line is int l ? $"{Path}:{l}: " : $"{Path}: ";
        return $"{where}{Level.ToString().ToLowerInvariant()}: {Message}";
    }
}
