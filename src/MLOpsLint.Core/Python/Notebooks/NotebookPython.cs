using System.Text;

namespace MLOpsLint.Core.Python.Notebooks;

/// <summary>
/// The code cells of a notebook as one Python text: each cell's lines followed by "\n", IPython lines blanked,
/// with the map from every line of that text back to its cell, cell line, and .ipynb position.
/// </summary>
internal sealed class NotebookPython
{
    private readonly List<LineInfo> lines = new();

    public string Text { get; private set; } = "";

    /// <summary>Per code cell: [Start, End) in <see cref="Text"/> and its first line number.</summary>
    public List<(int Start, int End, int FirstLine)> CellRanges { get; } = new();

    public List<(MagicKind Kind, string Line, string Command, PyLocation Location, int VirtualStart)> Magics { get; } = new();

    private readonly struct LineInfo
    {
        public LineInfo(int vStart, NotebookCell cell, int cellLine, int srcStart, int srcEnd)
        {
            VStart = vStart;
            Cell = cell;
            CellLine = cellLine;
            SrcStart = srcStart;
            SrcEnd = srcEnd;
        }

        public int VStart { get; }
        public NotebookCell Cell { get; }
        public int CellLine { get; }
        public int SrcStart { get; }
        public int SrcEnd { get; }
    }

    public static NotebookPython Build(Notebook notebook)
    {
        var result = new NotebookPython();
        var sb = new StringBuilder();
        foreach (var cell in notebook.CodeCells)
        {
            int cellStart = sb.Length;
            int firstLine = result.lines.Count + 1;
            string src = cell.Source.Value;
            int pos = 0, cellLine = 0;
            string? triple = null;
            MagicKind? bodyKind = null;
            string? cellMagic = null;
            while (pos < src.Length)
            {
                int brk = src.IndexOfAny(LineBreaks, pos);
                int lineEnd = brk < 0 ? src.Length : brk;
                int next = brk < 0 ? src.Length : src[brk] == '\r' && brk + 1 < src.Length && src[brk + 1] == '\n' ? brk + 2 : brk + 1;
                cellLine++;
                result.lines.Add(new LineInfo(sb.Length, cell, cellLine, pos, lineEnd));
                bool magic = false;
                if (cellMagic != null && bodyKind != null)
                {
                    string line = src.Substring(pos, lineEnd - pos);
                    result.AddMagic(bodyKind.Value, line, line.Trim(), sb.Length, cell, cellLine, pos, lineEnd);
                    magic = true;
                }
                else if (triple == null && MayBeMagic(src, pos, lineEnd))
                {
                    string line = src.Substring(pos, lineEnd - pos);
                    if (MagicClassifier.TryClassify(line, cellLine == 1 || IsBlankBefore(src, pos), out var kind, out var command))
                    {
                        result.AddMagic(kind, line, command, sb.Length, cell, cellLine, pos, lineEnd);
                        magic = true;
                        if (kind == MagicKind.CellMagic)
                        {
                            cellMagic = command.Split(' ')[0];
                            bodyKind = MagicClassifier.BodyKind(cellMagic);
                        }
                    }
                }
                if (!magic)
                {
                    sb.Append(src, pos, lineEnd - pos);
                    triple = MagicClassifier.TrackTripleQuotes(src, pos, lineEnd, triple);
                }
                sb.Append('\n');
                pos = next;
            }
            result.CellRanges.Add((cellStart, sb.Length, firstLine));
        }
        result.Text = sb.ToString();
        return result;
    }

    private static readonly char[] LineBreaks = { '\n', '\r' };

    /// <summary>False when <see cref="MagicClassifier.TryClassify"/> cannot take the line <c>src[start..end)</c> for IPython
    /// syntax: all of it starts or ends with '%', '!' or '?', or has one after an '='.</summary>
    private static bool MayBeMagic(string src, int start, int end) => src.AsSpan(start, end - start).IndexOfAny('%', '!', '?') >= 0;

    private static bool IsBlankBefore(string src, int pos)
    {
        for (int i = 0; i < pos; i++)
        {
            if (!char.IsWhiteSpace(src[i])) return false;
        }
        return true;
    }

    private void AddMagic(MagicKind kind, string line, string command, int vStart, NotebookCell cell, int cellLine, int s, int e)
    {
        int indent = 0;
        while (s + indent < e && char.IsWhiteSpace(line[indent])) indent++;
        var loc = new PyLocation(cell.Source.SpanOf(s + indent, e), cell.Index, cellLine, line);
        Magics.Add((kind, line, command, loc, vStart));
    }

    /// <summary>Maps [start, end) of <see cref="Text"/> to the notebook file.</summary>
    public PyLocation Locate(int start, int end)
    {
        if (lines.Count == 0) return new PyLocation(Findings.SourceSpan.WholeFile, null, null, "");
        int li = LineAt(start);
        var l = lines[li];
        int srcStart = l.SrcStart + Math.Min(start - l.VStart, l.SrcEnd - l.SrcStart);
        int srcEnd = srcStart;
        if (end > start)
        {
            int lj = LineAt(end - 1);
            var m = lines[lj];
            if (m.Cell == l.Cell)
            {
                srcEnd = m.SrcStart + Math.Min(end - m.VStart, m.SrcEnd - m.SrcStart + 1);
                srcEnd = Math.Min(srcEnd, l.Cell.Source.Value.Length);
            }
        }
        string sourceLine = l.Cell.Source.Value.Substring(l.SrcStart, l.SrcEnd - l.SrcStart);
        return new PyLocation(l.Cell.Source.SpanOf(srcStart, Math.Max(srcStart, srcEnd)), l.Cell.Index, l.CellLine, sourceLine);
    }

    private int LineAt(int offset)
    {
        int lo = 0, hi = lines.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (lines[mid].VStart <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
