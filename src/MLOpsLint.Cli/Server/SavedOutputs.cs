using System.Text.Json;

namespace MLOpsLint.Cli.Server;

/// <summary>
/// The outputs a notebook has on disk, per cell. LSP notebook sync sends cells without their outputs, yet rules judge
/// outputs too (MLO106 large outputs, MLO406 a credential printed in one): the server puts the saved outputs back into
/// the .ipynb it checks, so those findings show on their cell. A cell gets the outputs of the saved cell at the same
/// index when the notebook has as many cells as on disk (an edited cell keeps its outputs, as in Jupyter), else of the
/// saved cell with the same source. Read once per version of the file.
/// </summary>
internal sealed class SavedOutputs
{
    private readonly Dictionary<string, (DateTime Written, long Length, IReadOnlyList<(bool IsCode, string Source, string Outputs)> Cells)> cache = new(StringComparer.Ordinal);

    /// <summary>The outputs JSON (an array) for each of <paramref name="cells"/>, or null where there are none.</summary>
    public IReadOnlyList<string?> For(string? file, IReadOnlyList<(bool IsCode, string Text)> cells)
    {
        var saved = Read(file);
        var result = new string?[cells.Count];
        if (saved.Count == 0) return result;
        if (saved.Count == cells.Count)
        {
            for (int i = 0; i < cells.Count; i++) result[i] = cells[i].IsCode && saved[i].IsCode ? saved[i].Outputs : null;
            return result;
        }
        var used = new bool[saved.Count];
        for (int i = 0; i < cells.Count; i++)
        {
            if (!cells[i].IsCode) continue;
            int match = Enumerable.Range(0, saved.Count).FirstOrDefault(j => !used[j] && saved[j].IsCode && saved[j].Source == cells[i].Text, -1);
            if (match < 0) continue;
            used[match] = true;
            result[i] = saved[match].Outputs;
        }
        return result;
    }

    private IReadOnlyList<(bool IsCode, string Source, string Outputs)> Read(string? file)
    {
        if (file == null) return Array.Empty<(bool, string, string)>();
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists) return Array.Empty<(bool, string, string)>();
            if (cache.TryGetValue(file, out var c) && c.Written == info.LastWriteTimeUtc && c.Length == info.Length) return c.Cells;
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var cells = new List<(bool, string, string)>();
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("cells", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var cell in array.EnumerateArray())
                {
                    bool code = cell.TryGetProperty("cell_type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "code";
                    string source = cell.TryGetProperty("source", out var s) ? s.ValueKind switch
                    {
                        JsonValueKind.String => s.GetString()!,
                        JsonValueKind.Array => string.Concat(s.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : "")),
                        _ => "",
                    } : "";
                    string outputs = code && cell.TryGetProperty("outputs", out var o) && o.ValueKind == JsonValueKind.Array && o.GetArrayLength() > 0 ? o.GetRawText() : "";
                    cells.Add((code, source, outputs));
                }
            }
            cache[file] = (info.LastWriteTimeUtc, info.Length, cells);
            return cells;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // no readable notebook on disk: the cells are checked without outputs
            return Array.Empty<(bool, string, string)>();
        }
    }
}
