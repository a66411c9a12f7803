namespace MLOpsLint.Core.Rules;

/// <summary>
/// Severity of a rule or finding. The names follow Roslyn's .editorconfig vocabulary
/// (<c>dotnet_diagnostic.ID.severity = none|suggestion|warning|error</c>) so one word means the same
/// thing in the IDE, the CLI, SARIF (note/warning/error) and GitHub annotations (notice/warning/error).
/// </summary>
public enum Severity
{
    None = 0,
    Suggestion = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    /// <summary>Parses the .editorconfig / CLI spelling. Accepts Roslyn's aliases (silent, hidden, info, note).</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none": case "silent": case "hidden": case "off":
                severity = Severity.None; return true;
            case "suggestion": case "info": case "note": case "notice":
                severity = Severity.Suggestion; return true;
            case "warning": case "warn":
                severity = Severity.Warning; return true;
            case "error":
                severity = Severity.Error; return true;
            default:
                severity = Severity.None; return false;
        }
    }

    public static string ToName(this Severity severity) => severity switch
    {
        Severity.None => "none",
        Severity.Suggestion => "suggestion",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => "none",
    };

    /// <summary>SARIF 2.1.0 <c>level</c>.</summary>
    public static string ToSarifLevel(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Suggestion => "note",
        _ => "none",
    };
}
