using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace MLOpsLint.Cli.Server;

/// <summary>
/// What the protocol handlers share with the worker: the open documents (changed by the handlers, in the order the
/// client sent them) and the findings last published per editor document (for code actions). The workspace itself
/// belongs to the worker.
/// </summary>
internal sealed class ServerState
{
    private readonly object gate = new();
    private readonly Dictionary<string, OpenText> texts = new(StringComparer.Ordinal); // by path
    private readonly Dictionary<string, OpenNotebook> notebooks = new(StringComparer.Ordinal); // by path
    private readonly HashSet<string> dirty = new(StringComparer.Ordinal);
    private readonly HashSet<string> closed = new(StringComparer.Ordinal);
    private readonly HashSet<string> onDisk = new(StringComparer.Ordinal);
    private bool fileSetChanged;
    private bool reload;
    private bool repositoryDone;

    /// <summary>Findings by editor document URI, as last published.</summary>
    public ImmutableDictionary<string, IReadOnlyList<EditorFinding>> Published { get; set; } =
        ImmutableDictionary<string, IReadOnlyList<EditorFinding>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Set when there is work; the worker waits on it.</summary>
    public SemaphoreSlim Signal { get; } = new(0);

    public void Open(OpenText text)
    {
        lock (gate)
        {
            texts[text.Path] = text;
            closed.Remove(text.Path);
            dirty.Add(text.Path);
        }
        Signal.Release();
    }

    public void Change(string path, Func<OpenText, OpenText> update)
    {
        lock (gate)
        {
            if (!texts.TryGetValue(path, out var t)) return;
            texts[path] = update(t);
            dirty.Add(path);
        }
        Signal.Release();
    }

    public void Close(string path)
    {
        lock (gate)
        {
            texts.Remove(path);
            notebooks.Remove(path);
            closed.Add(path);
            dirty.Remove(path);
        }
        Signal.Release();
    }

    public void OpenNotebook(OpenNotebook notebook)
    {
        lock (gate)
        {
            notebooks[notebook.Path] = notebook;
            closed.Remove(notebook.Path);
            dirty.Add(notebook.Path);
        }
        Signal.Release();
    }

    public void ChangeNotebook(string path, Action<OpenNotebook> update)
    {
        lock (gate)
        {
            if (!notebooks.TryGetValue(path, out var n)) return;
            update(n);
            dirty.Add(path);
        }
        Signal.Release();
    }

    /// <summary>A file changed on disk (saved, created, deleted): re-read it unless the editor holds it.</summary>
    public void DiskChanged(string path, bool createdOrDeleted)
    {
        lock (gate)
        {
            onDisk.Add(path);
            if (createdOrDeleted) fileSetChanged = true;
            if (Workspace.IsConfigurationFile(path)) reload = true;
        }
        Signal.Release();
    }

    /// <summary>The worker's background repository pass has ended: its findings are to be taken and published.</summary>
    public void RepositoryPassDone()
    {
        lock (gate) repositoryDone = true;
        Signal.Release();
    }

    /// <summary>Settings changed: scan everything again.</summary>
    public void Reload()
    {
        lock (gate) reload = true;
        Signal.Release();
    }

    /// <summary>What happened since the last call, for the worker; the open documents are copied.</summary>
    public Pending Take()
    {
        lock (gate)
        {
            var p = new Pending(
                texts.Values.ToArray(),
                notebooks.Values.Select(n => (n, n.Cells.ToArray())).ToArray(),
                dirty.ToArray(), closed.ToArray(), onDisk.ToArray(), fileSetChanged, reload) { RepositoryDone = repositoryDone };
            repositoryDone = false;
            dirty.Clear();
            closed.Clear();
            onDisk.Clear();
            fileSetChanged = false;
            reload = false;
            return p;
        }
    }

    public bool IsOpenText(string path)
    {
        lock (gate) return texts.ContainsKey(path);
    }

    public string? CellText(string uri)
    {
        lock (gate)
        {
            foreach (var n in notebooks.Values)
            {
                foreach (var c in n.Cells)
                {
                    if (c.CellUri == uri) return c.Text;
                }
            }
        }
        return null;
    }

    public OpenNotebook? NotebookOfCell(string cellUri)
    {
        lock (gate) return notebooks.Values.FirstOrDefault(n => n.Cells.Any(c => c.CellUri == cellUri));
    }

    public OpenNotebook? Notebook(string path)
    {
        lock (gate) return notebooks.TryGetValue(path, out var n) ? n : null;
    }
}

/// <summary>A batch of work for the worker.</summary>
internal sealed record Pending(
    IReadOnlyList<OpenText> Texts,
    IReadOnlyList<(OpenNotebook Notebook, (bool IsCode, string CellUri, string Text, int? Version)[] Cells)> Notebooks,
    IReadOnlyList<string> Dirty,
    IReadOnlyList<string> Closed,
    IReadOnlyList<string> OnDisk,
    bool FileSetChanged,
    bool Reload)
{
    /// <summary>The background repository pass has ended.</summary>
    public bool RepositoryDone { get; init; }

    /// <summary>Nothing but the end of the background pass.</summary>
    public bool IsRepositoryDoneOnly => RepositoryDone && Dirty.Count == 0 && Closed.Count == 0 && OnDisk.Count == 0 && !FileSetChanged && !Reload;

    public bool IsEmpty => Dirty.Count == 0 && Closed.Count == 0 && OnDisk.Count == 0 && !FileSetChanged && !Reload && !RepositoryDone;
}
