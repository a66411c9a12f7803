using System.Text;
using System.Text.Json;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Python.Notebooks;

/// <summary>Reads .ipynb JSON. Never throws: a malformed notebook gives <see cref="NotebookParseResult.Error"/>.</summary>
public static class NotebookReader
{
    public static NotebookParseResult Read(SourceDocument document)
    {
        if (!document.IsComplete) return new NotebookParseResult(null, "notebook too large: only its head was read", null);
        if (document.IsBinary) return new NotebookParseResult(null, "not a notebook: binary content", null);
        return Read(document.Text, document.Lines);
    }

    public static NotebookParseResult Read(string text, LineIndex lines)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var root = JsonTree.Parse(utf8, out var error);
        if (root == null)
        {
            int? line = null;
            int at = error!.IndexOf("line ", StringComparison.Ordinal);
            if (at >= 0 && int.TryParse(new string(error.Skip(at + 5).TakeWhile(char.IsDigit).ToArray()), out int l)) line = l;
            return new NotebookParseResult(null, error, line);
        }
        if (root.Kind != JsonValueKind.Object) return Fail("not a notebook: the top-level JSON value is not an object", root, lines);
        int version = root["nbformat"] is { Kind: JsonValueKind.Number } nb && int.TryParse(NumberText(text, nb), out int v) ? v : 4;
        var cellsNode = root["cells"];
        if (cellsNode == null && root["worksheets"] is { Kind: JsonValueKind.Array } ws)
        {
            version = Math.Min(version, 3);
            cellsNode = new JsonTree { Kind = JsonValueKind.Array, Items = ws.Items!.Where(w => w["cells"] is { Kind: JsonValueKind.Array }).SelectMany(w => w["cells"]!.Items!).ToList() };
        }
        if (cellsNode == null) return Fail("not a notebook: no \"cells\" array", root, lines);
        if (cellsNode.Kind != JsonValueKind.Array) return Fail("not a notebook: \"cells\" is not an array", cellsNode, lines);
        var cells = new List<NotebookCell>();
        int index = 0;
        foreach (var c in cellsNode.Items!)
        {
            index++;
            if (c.Kind != JsonValueKind.Object) return Fail($"cell {index} is not a JSON object", c, lines);
            string type = c["cell_type"] is { Kind: JsonValueKind.String } t ? t.GetString(utf8) : "";
            var sourceNode = c["source"] ?? c["input"];
            var source = new MappedText.Builder(utf8, text);
            if (sourceNode != null && !AppendText(sourceNode, source))
            {
                return Fail($"cell {index}: \"source\" is neither a string nor an array of strings", sourceNode, lines);
            }
            var outputs = new List<NotebookOutput>();
            if (c["outputs"] is { Kind: JsonValueKind.Array } outs)
            {
                foreach (var o in outs.Items!)
                {
                    ReadOutput(o, index, utf8, text, lines, outputs);
                }
            }
            cells.Add(new NotebookCell(index, type, source.Build(lines), outputs, lines.GetSpan(c.TextStart, c.TextStart + 1)));
        }
        return new NotebookParseResult(new Notebook(version, cells, KernelPython(root, utf8, lines)), null, null);
    }

    /// <summary><c>metadata.language_info.version</c> of a Python kernel (language_info.name "python", or no name).</summary>
    private static NotebookKernelVersion? KernelPython(JsonTree root, byte[] utf8, LineIndex lines)
    {
        if (root["metadata"]?["language_info"] is not { Kind: JsonValueKind.Object } info) return null;
        if (info["name"] is { Kind: JsonValueKind.String } name && !name.GetString(utf8).Equals("python", StringComparison.OrdinalIgnoreCase)) return null;
        if (info["version"] is not { Kind: JsonValueKind.String } v) return null;
        string value = v.GetString(utf8);
        return value.Length == 0 ? null : new NotebookKernelVersion(value, lines.GetSpan(v.TextStart, v.TextEnd(utf8)));
    }

    private static string NumberText(string text, JsonTree node)
    {
        int e = node.TextStart;
        while (e < text.Length && char.IsDigit(text[e])) e++;
        return text.Substring(node.TextStart, e - node.TextStart);
    }

    private static NotebookParseResult Fail(string message, JsonTree at, LineIndex lines)
    {
        int line = lines.GetPosition(at.TextStart).Line;
        return new NotebookParseResult(null, $"{message} (line {line})", line);
    }

    /// <summary>Appends a string or an array of strings; false when the value is neither.</summary>
    private static bool AppendText(JsonTree node, MappedText.Builder builder, string? separator = null)
    {
        if (node.Kind == JsonValueKind.String)
        {
            builder.Append(node);
            return true;
        }
        if (node.Kind != JsonValueKind.Array) return false;
        bool first = true;
        foreach (var item in node.Items!)
        {
            if (item.Kind != JsonValueKind.String) return false;
            if (!first && separator != null) builder.AppendSynthetic(separator);
            builder.Append(item);
            first = false;
        }
        return true;
    }

    /// <summary>True when <see cref="AppendText"/> would take <paramref name="node"/> whole (a string, or an array of strings).</summary>
    private static bool IsText(JsonTree node)
    {
        if (node.Kind == JsonValueKind.String) return true;
        if (node.Kind != JsonValueKind.Array) return false;
        foreach (var item in node.Items!)
        {
            if (item.Kind != JsonValueKind.String) return false;
        }
        return true;
    }

    /// <summary>Adds the output's pieces. Their text is decoded when first read (<see cref="NotebookOutput.Content"/>):
    /// most of an output's bytes are often an image's base64, which no rule reads.</summary>
    private static void ReadOutput(JsonTree o, int cell, byte[] utf8, string text, LineIndex lines, List<NotebookOutput> outputs)
    {
        if (o.Kind != JsonValueKind.Object) return;
        string type = o["output_type"] is { Kind: JsonValueKind.String } t ? t.GetString(utf8) : "";
        if (type == "stream")
        {
            if (o["text"] is JsonTree streamText && IsText(streamText))
            {
                string? name = o["name"] is { Kind: JsonValueKind.String } n ? n.GetString(utf8) : o["stream"] is { Kind: JsonValueKind.String } s ? s.GetString(utf8) : null;
                outputs.Add(new NotebookOutput(cell, type, name, "text/plain", () =>
                {
                    var b = new MappedText.Builder(utf8, text);
                    AppendText(streamText, b);
                    return b.Build(lines);
                }));
            }
            return;
        }
        if (type is "error" or "pyerr")
        {
            outputs.Add(new NotebookOutput(cell, type, null, "application/vnd.jupyter.error", () =>
            {
                var b = new MappedText.Builder(utf8, text);
                if (o["ename"] is { Kind: JsonValueKind.String } en) b.Append(en);
                if (o["evalue"] is { Kind: JsonValueKind.String } ev)
                {
                    b.AppendSynthetic(": ");
                    b.Append(ev);
                }
                if (o["traceback"] is { Kind: JsonValueKind.Array } tb)
                {
                    b.AppendSynthetic("\n");
                    AppendText(tb, b, "\n");
                }
                return b.Build(lines);
            }));
            return;
        }
        // execute_result / display_data (v4: under "data"; v3: MIME-ish keys on the output itself)
        var data = o["data"] ?? o;
        if (data.Properties == null) return;
        foreach (var p in data.Properties)
        {
            string mime = p.Key switch
            {
                "text" => "text/plain",
                "png" => "image/png",
                "jpeg" => "image/jpeg",
                "html" => "text/html",
                "svg" => "image/svg+xml",
                "latex" => "text/latex",
                "json" => "application/json",
                _ => p.Key,
            };
            if (!mime.Contains("/")) continue;
            var value = p.Value;
            if (IsText(value))
            {
                outputs.Add(new NotebookOutput(cell, type, null, mime, () =>
                {
                    var b = new MappedText.Builder(utf8, text);
                    AppendText(value, b);
                    return b.Build(lines);
                }));
            }
        }
    }
}
