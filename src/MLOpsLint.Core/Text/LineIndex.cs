namespace MLOpsLint.Core.Text;

/// <summary>
/// Line starts of a text, for offset → (line, column) and line → text. Lines end at \n, \r\n or a
/// lone \r, as Python and editors count them. Lines and columns are 1-based; columns count UTF-16
/// code units (SARIF's default column kind).
/// </summary>
public sealed class LineIndex
{
    private readonly string text;
    private readonly int[] starts;

    public LineIndex(string text)
    {
        this.text = text;
        // two vectorized passes (count the breaks, then record them) instead of a char loop into a growing list
        int count = 1;
        for (int i = NextBreak(text, 0); i >= 0; i = NextBreak(text, i))
        {
            count++;
        }
        starts = new int[count];
        int n = 1;
        for (int i = NextBreak(text, 0); i >= 0; i = NextBreak(text, i))
        {
            starts[n++] = i;
        }
    }

    /// <summary>The start of the line after the break at or after <paramref name="from"/>, or -1 when there is none.</summary>
    private static int NextBreak(string text, int from)
    {
        int i = text.AsSpan(from).IndexOfAny('\n', '\r');
        if (i < 0) return -1;
        i += from;
        return text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
    }

    public string Text => text;

    /// <summary>Number of lines; a text ending in a newline does not count an empty last line.</summary>
    public int LineCount => starts.Length > 1 && starts[starts.Length - 1] == text.Length ? starts.Length - 1 : starts.Length;

    /// <summary>Offset of the first character of a 1-based line.</summary>
    public int LineStart(int line) => starts[Clamp(line) - 1];

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string GetLine(int line)
    {
        int l = Clamp(line);
        int start = starts[l - 1];
        int end = l < starts.Length ? starts[l] : text.Length;
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        {
            end--;
        }
        return text.Substring(start, end - start);
    }

    /// <summary>1-based (line, column) of an offset.</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > text.Length) offset = text.Length;
        int idx = Array.BinarySearch(starts, offset);
        if (idx < 0)
        {
            idx = ~idx - 1;
        }
        return (idx + 1, offset - starts[idx] + 1);
    }

    /// <summary>Span of [start, end) offsets as 1-based lines and columns (end column exclusive).</summary>
    public Findings.SourceSpan GetSpan(int start, int end)
    {
        var (sl, sc) = GetPosition(start);
        var (el, ec) = GetPosition(Math.Max(start, end));
        return new Findings.SourceSpan(sl, sc, el, ec);
    }

    private int Clamp(int line) => line < 1 ? 1 : line > starts.Length ? starts.Length : line;
}
