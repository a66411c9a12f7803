namespace MLOpsLint.Cli.Reporting;

/// <summary>ANSI styling that disappears when colour is off.</summary>
internal sealed class Ansi
{
    public Ansi(bool enabled)
    {
        Enabled = enabled;
    }

    public bool Enabled { get; }

    public string Bold(string s) => Wrap("1", s);

    public string Dim(string s) => Wrap("2", s);

    public string Red(string s) => Wrap("1;31", s);

    public string Yellow(string s) => Wrap("1;33", s);

    public string Cyan(string s) => Wrap("1;36", s);

    public string Blue(string s) => Wrap("1;34", s);

    public string Severity(Core.Rules.Severity severity, string s) => severity switch
    {
        Core.Rules.Severity.Error => Red(s),
        Core.Rules.Severity.Warning => Yellow(s),
        _ => Cyan(s),
    };

    private string Wrap(string code, string s) => Enabled ? $"\u001b[{code}m{s}\u001b[0m" : s;

    /// <summary>Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or --no-color.</summary>
    public static bool ShouldColor(bool noColorFlag, bool outputRedirected)
    {
        if (noColorFlag || outputRedirected) return false;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))) return false;
        return Environment.GetEnvironmentVariable("TERM") != "dumb";
    }
}
