using MLOpsLint.Core.Findings;

namespace MLOpsLint.Core.Python;

/// <summary>
/// Where something is, in the coordinates of the document on disk: for a <c>.py</c> file its own lines and
/// columns; for a notebook the line and column inside the <c>.ipynb</c> JSON text (1-based, UTF-16 columns,
/// exclusive end, as <see cref="SourceSpan"/>), plus the cell (1-based index among all cells, markdown cells
/// included, as Jupyter lists them) and the line within the cell.
/// </summary>
public sealed record PyLocation(SourceSpan Span, int? CellIndex, int? CellLine, string SourceLine)
{
    /// <summary>"cell 4, line 2" for a notebook, null for a .py file.</summary>
    public string? LocationHint => CellIndex is int c ? $"cell {c}, line {CellLine}" : null;
}

/// <summary>Something found in a Python module: its offsets in <see cref="PythonModule.Text"/> and, lazily, its location.</summary>
public abstract class PyNode
{
    private protected PyNode(PythonModule module, int start, int end)
    {
        Module = module;
        Start = start;
        End = end;
    }

    public PythonModule Module { get; }

    /// <summary>Offset of the first character in <see cref="PythonModule.Text"/>.</summary>
    public int Start { get; }

    /// <summary>Offset one past the last character in <see cref="PythonModule.Text"/>.</summary>
    public int End { get; }

    /// <summary>The source text as written (for a notebook: the cell's Python text, JSON escapes decoded).</summary>
    public virtual string Text => Module.Text.Substring(Start, End - Start);

    /// <summary>Where the node is in the document, made when first read and kept by the module (per span: nodes are many and
    /// few are ever located, so the node itself holds no field for it).</summary>
    public PyLocation Location => OwnLocation ?? Module.LocationOf(Start, End);

    /// <summary>The location of a node that does not follow from its offsets (a notebook's IPython line, a malformed
    /// notebook's error), or null.</summary>
    private protected virtual PyLocation? OwnLocation => null;

    /// <summary>The span in document coordinates (for a notebook: in the .ipynb file).</summary>
    public SourceSpan Span => Location.Span;

    public int? CellIndex => Location.CellIndex;

    public string? LocationHint => Location.LocationHint;

    /// <summary>The Python source line the node starts on (for a notebook: the cell line, where <c># noqa</c> is).</summary>
    public string SourceLine => Location.SourceLine;

    public override string ToString() => $"{GetType().Name} {Text} at {Span}";
}
