using System.Text;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Server;

/// <summary>One cell of a notebook open in the editor: its own text document (LSP 3.17 notebook sync).</summary>
internal sealed record NotebookCellText(string Uri, bool IsCode, string Text)
{
    /// <summary>The cell's saved outputs (a JSON array, as in the .ipynb on disk), or null.</summary>
    public string? Outputs { get; init; }
}

/// <summary>
/// The .ipynb (nbformat 4) text of a notebook the editor sends cell by cell, written so that every source line is one
/// JSON line: the checks read it as they read the file on disk, and a finding's position in it maps back to a cell and
/// a position in that cell.
/// </summary>
internal sealed class NotebookText
{
    private const int SourceIndent = 5; // the source lines' JSON strings start at this column, after the quote
    private readonly List<(int Cell, int CellLine, string Line)> lines = new(); // by JSON line (0-based); Cell -1 = structure
    private readonly int[] cellFirstJsonLine;

    public NotebookText(IReadOnlyList<NotebookCellText> cells)
    {
        Cells = cells;
        cellFirstJsonLine = new int[cells.Count];
        var sb = new StringBuilder();
        void Structure(string s)
        {
            sb.Append(s).Append('\n');
            lines.Add((-1, 0, ""));
        }
        Structure("{");
        Structure(" \"cells\": [");
        for (int c = 0; c < cells.Count; c++)
        {
            cellFirstJsonLine[c] = lines.Count;
            Structure("  {");
            Structure(cells[c].IsCode ? "   \"cell_type\": \"code\"," : "   \"cell_type\": \"markdown\",");
            if (cells[c].IsCode)
            {
                Structure("   \"execution_count\": null,");
                if (string.IsNullOrEmpty(cells[c].Outputs))
                {
                    Structure("   \"outputs\": [],");
                }
                else
                {
                    // the saved outputs as they are; each of their lines belongs to the cell's structure (mapped to its start)
                    var outputLines = ("   \"outputs\": " + cells[c].Outputs + ",").Replace("\r\n", "\n").Split('\n');
                    foreach (var l in outputLines) Structure(l);
                }
            }
            Structure("   \"metadata\": {},");
            Structure("   \"source\": [");
            var source = SplitLines(cells[c].Text);
            for (int i = 0; i < source.Count; i++)
            {
                sb.Append(' ', SourceIndent - 1).Append('"');
                Escape(source[i], sb);
                sb.Append('"').Append(i + 1 < source.Count ? "," : "").Append('\n');
                lines.Add((c, i, source[i]));
            }
            Structure("   ]");
            Structure(c + 1 < cells.Count ? "  }," : "  }");
        }
        Structure(" ],");
        Structure(" \"metadata\": {\"language_info\": {\"name\": \"python\"}},");
        Structure(" \"nbformat\": 4,");
        Structure(" \"nbformat_minor\": 5");
        sb.Append('}').Append('\n');
        Json = sb.ToString();
    }

    public IReadOnlyList<NotebookCellText> Cells { get; }

    /// <summary>The .ipynb text.</summary>
    public string Json { get; }

    /// <summary>Where a position of <see cref="Json"/> (1-based line and column, as <see cref="SourceSpan"/>) is: the cell
    /// and the 0-based line and UTF-16 character in the cell's text. A position outside every source line (the
    /// notebook's structure) maps to the start of the cell it belongs to, or of the first cell.</summary>
    public (int Cell, int Line, int Character) Map(int jsonLine, int jsonColumn)
    {
        int index = jsonLine - 1;
        if (index < 0 || index >= lines.Count || lines[index].Cell < 0)
        {
            int cell = 0;
            for (int c = 0; c < cellFirstJsonLine.Length; c++)
            {
                if (cellFirstJsonLine[c] <= index) cell = c;
            }
            return (cell, 0, 0);
        }
        var (cellIndex, cellLine, line) = lines[index];
        line = line.TrimEnd('\n', '\r');
        // walk the escaped string: each character of the cell line is one or more characters of JSON
        int target = jsonColumn - 1 - SourceIndent;
        int at = 0;
        int ch = 0;
        while (ch < line.Length && at < target)
        {
            at += EscapedLength(line[ch]);
            ch++;
        }
        return (cellIndex, cellLine, ch);
    }

    /// <summary>The cell lines as Python reads them: each ends with its own line break, kept in the JSON string as
    /// Jupyter stores it ("a = 1\n"); the break is not part of the line for <see cref="Map"/>.</summary>
    private static List<string> SplitLines(string text)
    {
        var result = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                result.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }
        if (start < text.Length) result.Add(text.Substring(start));
        return result;
    }

    private static int EscapedLength(char c) => c switch
    {
        '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
        < ' ' => 6,
        _ => 1,
    };

    private static void Escape(string s, StringBuilder sb)
    {
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
    }
}
