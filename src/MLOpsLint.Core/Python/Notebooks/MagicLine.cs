namespace MLOpsLint.Core.Python.Notebooks;

public enum MagicKind
{
    /// <summary><c>%pip install x</c>, <c>%time f()</c>, <c>x = %env</c></summary>
    LineMagic,
    /// <summary>The <c>%%bash</c>/<c>%%time</c> line that opens a cell magic.</summary>
    CellMagic,
    /// <summary><c>!pip install x</c>, <c>files = !ls</c>, and the body lines of <c>%%bash</c>/<c>%%sh</c>/<c>%%script</c> cells.</summary>
    Shell,
    /// <summary><c>?obj</c>, <c>obj?</c>, <c>obj??</c></summary>
    Help,
    /// <summary>A body line of another non-Python cell magic (<c>%%writefile</c>, <c>%%html</c>, <c>%%sql</c>…).</summary>
    CellMagicBody,
}

/// <summary>
/// A notebook line that is IPython syntax rather than Python. It is blanked out of the Python text (so it is
/// no parse error) and kept here. <see cref="Command"/> is the text after the prefix: "pip install x" for both
/// <c>%pip install x</c> and <c>!pip install x</c>.
/// </summary>
public sealed class MagicLine : PyNode
{
    internal MagicLine(PythonModule module, int virtualStart, MagicKind kind, string line, string command, PyLocation location)
        : base(module, virtualStart, virtualStart)
    {
        this.location = location;
        Kind = kind;
        Line = line;
        Command = command;
    }

    private readonly PyLocation location;

    private protected override PyLocation? OwnLocation => location;

    public MagicKind Kind { get; }

    /// <summary>The whole line as written in the cell.</summary>
    public string Line { get; }

    /// <summary>The command after <c>!</c>, <c>%</c>, <c>%%</c> or <c>x =</c>; the help target for <see cref="MagicKind.Help"/>.</summary>
    public string Command { get; }

    /// <summary>The first word of <see cref="Command"/> ("pip", "time", "bash").</summary>
    public string Name
    {
        get
        {
            var c = Command.TrimStart();
            int i = 0;
            while (i < c.Length && !char.IsWhiteSpace(c[i])) i++;
            return c.Substring(0, i);
        }
    }

    public override string Text => Line;

    public override string ToString() => $"{Kind} {Line} at {Span}";
}
