using System.Text;
using System.Text.Json;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// Measures the outputs of a notebook's code cells straight from the .ipynb JSON (nbformat 4, and 3's
/// worksheets): for each cell, the serialized size of its <c>outputs</c> array, where the array starts,
/// and what takes the room (image/png, text/html, stream text…). Throws <see cref="JsonException"/> on
/// malformed JSON.
/// </summary>
internal static class NotebookOutputs
{
    public sealed class Cell
    {
        public int Number { get; set; }
        public string CellType { get; set; } = "";
        public long? ExecutionCount { get; set; }
        public long OutputsOffset { get; set; } = -1;
        public long OutputsSize { get; set; }
        public Dictionary<string, long> Parts { get; } = new(StringComparer.Ordinal);
        public string Source { get; set; } = "";
        public bool IsCode => CellType == "code";
    }

    public static List<Cell> Measure(ReadOnlySpan<byte> json)
    {
        var cells = new List<Cell>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a notebook is a JSON object", null, 0, 0);
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? "";
            reader.Read();
            if (name == "cells" && reader.TokenType == JsonTokenType.StartArray)
            {
                ReadCells(ref reader, cells);
            }
            else if (name == "worksheets" && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject) ReadWorksheet(ref reader, cells);
                    else reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }
        return cells;
    }

    /// <summary>1-based line of a byte offset (\n, \r\n and lone \r end lines).</summary>
    public static int LineOf(ReadOnlySpan<byte> text, long offset)
    {
        int line = 1;
        long end = Math.Min(offset, text.Length);
        for (int i = 0; i < end; i++)
        {
            if (text[i] == (byte)'\n') line++;
            else if (text[i] == (byte)'\r' && (i + 1 >= text.Length || text[i + 1] != (byte)'\n')) line++;
        }
        return line;
    }

    private static void ReadWorksheet(ref Utf8JsonReader reader, List<Cell> cells)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? "";
            reader.Read();
            if (name == "cells" && reader.TokenType == JsonTokenType.StartArray) ReadCells(ref reader, cells);
            else reader.Skip();
        }
    }

    private static void ReadCells(ref Utf8JsonReader reader, List<Cell> cells)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) cells.Add(ReadCell(ref reader, cells.Count + 1));
            else reader.Skip();
        }
    }

    private static Cell ReadCell(ref Utf8JsonReader reader, int number)
    {
        var cell = new Cell { Number = number };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? "";
            reader.Read();
            switch (name)
            {
                case "cell_type" when reader.TokenType == JsonTokenType.String:
                    cell.CellType = reader.GetString() ?? "";
                    break;
                case "outputs" when reader.TokenType == JsonTokenType.StartArray:
                    cell.OutputsOffset = reader.TokenStartIndex;
                    ReadOutputs(ref reader, cell);
                    cell.OutputsSize = reader.BytesConsumed - cell.OutputsOffset;
                    break;
                case "source" or "input":
                    cell.Source = ReadSource(ref reader);
                    break;
                case "execution_count" or "prompt_number" when reader.TokenType == JsonTokenType.Number:
                    cell.ExecutionCount = reader.TryGetInt64(out long n) ? n : null;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return cell;
    }

    private static void ReadOutputs(ref Utf8JsonReader reader, Cell cell)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString() ?? "";
                reader.Read();
                if (name == "data" && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        string mime = reader.GetString() ?? "";
                        reader.Read();
                        Add(cell, mime, MeasureValue(ref reader));
                    }
                }
                else
                {
                    long size = MeasureValue(ref reader);
                    if (name != "output_type" && name != "metadata") Add(cell, name, size);
                }
            }
        }
    }

    private static long MeasureValue(ref Utf8JsonReader reader)
    {
        long start = reader.TokenStartIndex;
        reader.Skip();
        return reader.BytesConsumed - start;
    }

    private static void Add(Cell cell, string label, long size)
    {
        cell.Parts.TryGetValue(label, out long existing);
        cell.Parts[label] = existing + size;
    }

    private static string ReadSource(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetString() ?? "";
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return "";
        }
        var sb = new StringBuilder();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String) sb.Append(reader.GetString());
            else reader.Skip();
        }
        return sb.ToString();
    }
}
