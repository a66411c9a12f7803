using MLOpsLint.Core.Findings;

namespace MLOpsLint.Core.Python.Notebooks;

/// <summary>A Jupyter notebook (nbformat 4; nbformat 3's worksheets are read too): cells and their outputs,
/// every text mapped back to the .ipynb file.</summary>
public sealed class Notebook
{
    internal Notebook(int formatVersion, IReadOnlyList<NotebookCell> cells, NotebookKernelVersion? kernelPython = null)
    {
        FormatVersion = formatVersion;
        Cells = cells;
        KernelPython = kernelPython;
    }

    /// <summary>The Python the notebook was last run with, from <c>metadata.language_info.version</c> (written by the
    /// IPython kernel on save); null when the metadata does not say, or names another language.</summary>
    public NotebookKernelVersion? KernelPython { get; }

    /// <summary>nbformat (4, or 3 for old notebooks).</summary>
    public int FormatVersion { get; }

    /// <summary>All cells, in order (markdown and raw cells included).</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);

    public IEnumerable<NotebookOutput> Outputs => Cells.SelectMany(c => c.Outputs);
}

/// <summary><c>metadata.language_info.version</c> as written (<c>3.10.12</c>), and where.</summary>
public sealed record NotebookKernelVersion(string Version, SourceSpan Span);

/// <summary>One cell. <see cref="Index"/> is 1-based among all cells (what a Jupyter user counts).</summary>
public sealed class NotebookCell
{
    internal NotebookCell(int index, string cellType, MappedText source, IReadOnlyList<NotebookOutput> outputs, SourceSpan span)
    {
        Index = index;
        CellType = cellType;
        Source = source;
        Outputs = outputs;
        Span = span;
    }

    public int Index { get; }

    /// <summary>"code", "markdown", "raw".</summary>
    public string CellType { get; }

    public bool IsCode => CellType == "code";

    /// <summary>The cell's source (JSON array pieces joined), mapped to the file.</summary>
    public MappedText Source { get; }

    public IReadOnlyList<NotebookOutput> Outputs { get; }

    /// <summary>The cell's JSON object in the file (its first line).</summary>
    public SourceSpan Span { get; }
}

/// <summary>
/// One piece of a cell's output: a stream's text, one MIME type of an execute_result/display_data, or an error
/// (ename, evalue and traceback lines joined by newlines). Binary payloads (image/png and other base64 data)
/// have <see cref="IsBinary"/> set; their <see cref="Text"/> is the base64 text.
/// </summary>
public sealed class NotebookOutput
{
    private MappedText? content;
    private readonly Func<MappedText>? read;

    internal NotebookOutput(int cellIndex, string outputType, string? name, string mimeType, MappedText text)
        : this(cellIndex, outputType, name, mimeType, (Func<MappedText>?)null) => content = text;

    /// <summary>An output whose text <paramref name="read"/> decodes when it is first asked for.</summary>
    internal NotebookOutput(int cellIndex, string outputType, string? name, string mimeType, Func<MappedText>? read)
    {
        CellIndex = cellIndex;
        OutputType = outputType;
        Name = name;
        MimeType = mimeType;
        this.read = read;
    }

    public int CellIndex { get; }

    /// <summary>"stream", "execute_result", "display_data", "error" (nbformat 3: "pyout", "pyerr"…).</summary>
    public string OutputType { get; }

    /// <summary>"stdout"/"stderr" for a stream.</summary>
    public string? Name { get; }

    /// <summary>"text/plain", "image/png"…; "text/plain" for streams, "application/vnd.jupyter.error" for errors.</summary>
    public string MimeType { get; }

    public bool IsBinary => MimeType.StartsWith("image/", StringComparison.Ordinal) && !MimeType.StartsWith("image/svg", StringComparison.Ordinal)
        || MimeType.StartsWith("application/pdf", StringComparison.Ordinal) || MimeType.StartsWith("video/", StringComparison.Ordinal)
        || MimeType.StartsWith("audio/", StringComparison.Ordinal);

    /// <summary>The output's text, mapped to the file (decoded on first read, then the same object every time).</summary>
    public MappedText Content
    {
        get
        {
            var c = content;
            if (c != null) return c;
            c = read!();
            return Interlocked.CompareExchange(ref content, c, null) ?? c;
        }
    }

    public string Text => Content.Value;

    /// <summary>The .ipynb span of <c>Text[start..end)</c>.</summary>
    public SourceSpan SpanOf(int start, int end) => Content.SpanOf(start, end);

    public string LocationHint => $"cell {CellIndex}, output";
}

/// <summary>A notebook, or why it could not be read.</summary>
public sealed record NotebookParseResult(Notebook? Notebook, string? Error, int? ErrorLine);
