using Newtonsoft.Json.Linq;

namespace MLOpsLint.Cli.Server;

/// <summary>
/// LSP 3.17 notebook document sync (notebookDocument/didOpen, didChange, didSave, didClose) for Jupyter notebooks: each
/// cell is a text document; the server keeps the cells in order, checks the notebook as the .ipynb it will be saved as,
/// and publishes each finding on its cell, at its position in the cell.
/// OmniSharp 0.19.9 has types for these messages, but two of them do not follow the specification
/// (<c>cells.textContent</c> and <c>notebookSelector</c> are arrays in LSP 3.17, single objects there, so a real
/// client's didChange fails to deserialize), so the messages are read here from their JSON.
/// </summary>
internal sealed class NotebookSyncHandler
{
    private readonly ServerState state;
    private readonly PathMapper paths;

    public NotebookSyncHandler(ServerState state, PathMapper paths)
    {
        this.state = state;
        this.paths = paths;
    }

    /// <summary>The <c>notebookDocumentSync</c> server capability: Jupyter notebooks, every cell, save notifications.</summary>
    public static JObject Capability() => new()
    {
        ["notebookSelector"] = new JArray(
            new JObject { ["notebook"] = new JObject { ["notebookType"] = "jupyter-notebook" }, ["cells"] = new JArray(new JObject { ["language"] = "python" }, new JObject { ["language"] = "markdown" }) },
            new JObject { ["notebook"] = new JObject { ["pattern"] = "**/*.ipynb" } }),
        ["save"] = true,
    };

    public void DidOpen(JToken request)
    {
        var nb = request["notebookDocument"];
        if (nb == null || PathOf(nb["uri"]) is not string path) return;
        var notebook = new OpenNotebook((string)nb["uri"]!, path) { Version = (int?)nb["version"] ?? 0 };
        var texts = (request["cellTextDocuments"] as JArray ?? new JArray()).ToDictionary(t => (string)t["uri"]!, t => t, StringComparer.Ordinal);
        foreach (var cell in nb["cells"] as JArray ?? new JArray())
        {
            notebook.Cells.Add(Cell(cell, texts));
        }
        state.OpenNotebook(notebook);
    }

    public void DidChange(JToken request)
    {
        var id = request["notebookDocument"];
        if (id == null || PathOf(id["uri"]) is not string path) return;
        state.ChangeNotebook(path, n =>
        {
            n.Version = (int?)id["version"] ?? n.Version;
            var cells = request["change"]?["cells"];
            if (cells?["structure"] is JObject structure)
            {
                var opened = (structure["didOpen"] as JArray ?? new JArray()).ToDictionary(t => (string)t["uri"]!, t => t, StringComparer.Ordinal);
                var array = structure["array"]!;
                int start = Math.Min((int?)array["start"] ?? 0, n.Cells.Count);
                int delete = Math.Min((int?)array["deleteCount"] ?? 0, n.Cells.Count - start);
                n.Cells.RemoveRange(start, delete);
                n.Cells.InsertRange(start, (array["cells"] as JArray ?? new JArray()).Select(c => Cell(c, opened)));
            }
            foreach (var data in cells?["data"] as JArray ?? new JArray())
            {
                int i = n.Cells.FindIndex(c => c.CellUri == (string?)data["document"]);
                if (i >= 0) n.Cells[i] = n.Cells[i] with { IsCode = (int?)data["kind"] == 2 };
            }
            foreach (var content in cells?["textContent"] as JArray ?? new JArray())
            {
                int i = n.Cells.FindIndex(c => c.CellUri == (string?)content["document"]?["uri"]);
                if (i < 0) continue;
                string text = n.Cells[i].Text;
                foreach (var change in content["changes"] as JArray ?? new JArray()) text = TextChanges.Apply(text, change);
                n.Cells[i] = n.Cells[i] with { Text = text, Version = (int?)content["document"]?["version"] };
            }
        });
    }

    public void DidSave(JToken request)
    {
        if (PathOf(request["notebookDocument"]?["uri"]) is string path) state.DiskChanged(path, createdOrDeleted: false);
    }

    public void DidClose(JToken request)
    {
        if (PathOf(request["notebookDocument"]?["uri"]) is string path) state.Close(path);
    }

    private string? PathOf(JToken? uri) =>
        uri?.Type == JTokenType.String ? paths.PathOf(OmniSharp.Extensions.LanguageServer.Protocol.DocumentUri.Parse((string)uri!)) : null;

    /// <summary>A NotebookCell (kind 1 markup, 2 code) with its text from the opened cell documents.</summary>
    private static (bool IsCode, string CellUri, string Text, int? Version) Cell(JToken cell, Dictionary<string, JToken> texts)
    {
        string uri = (string)cell["document"]!;
        texts.TryGetValue(uri, out var item);
        return ((int?)cell["kind"] == 2, uri, (string?)item?["text"] ?? "", (int?)item?["version"]);
    }
}
