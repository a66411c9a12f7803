using System.Diagnostics;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Server;

/// <summary>
/// The server's one worker: scans the workspace in the background, then waits for edits, lets them settle for the
/// debounce interval, applies them to the <see cref="Workspace"/>, checks what changed and publishes diagnostics for
/// every open document. Protocol handlers never wait for it, so a slow check (a huge file) never blocks the editor, and a
/// check that throws is logged and the rest goes on.
/// <para>
/// Two phases in a big workspace: when it has more than <see cref="smallWorkspace"/> files and the repository checks took
/// longer than <see cref="inlineRepositoryLimit"/> last time, an edit publishes at once what the edited file's own checks and the file-scoped repository checks find, with
/// the other cross-file findings carried over from the last full pass (<see cref="Workspace"/>), and the full pass runs in
/// the background once the typing pauses (<see cref="repositoryIdle"/>: a pass started on every keystroke would take the
/// cores the next keystroke's checks need); when it is done, whatever changed is published again. At most one pass runs;
/// edits made meanwhile are taken by the next one. In a small workspace everything is checked before the one publication.
/// </para>
/// </summary>
internal sealed class LintWorker
{
    private readonly ServerState state;
    private readonly Workspace workspace;
    private readonly IEditorClient client;
    private readonly TimeSpan debounce;
    private readonly Dictionary<string, HashSet<string>> publishedUris = new(StringComparer.Ordinal); // path -> uris with diagnostics
    private KnownVersions? versions;
    private readonly SavedOutputs savedOutputs = new();
    private readonly TimeSpan inlineRepositoryLimit;
    private readonly TimeSpan repositoryIdle;
    private readonly int smallWorkspace;
    private Workspace.RepositoryRun? running;
    private Task? runningTask;
    private bool repositoryWanted; // the carried cross-file findings are stale: a pass is due when the typing pauses

    /// <param name="inlineRepositoryLimit">Repository checks that last took less than this run before the edit's one
    /// publication; longer ones run in the background after it (default 40 ms: the edit's diagnostics arrive within 50 ms).</param>
    /// <param name="repositoryIdle">How long no edit must come before a background pass starts (default 300 ms); zero starts
    /// it as soon as an edit has been published.</param>
    /// <param name="smallWorkspace">Up to this many files every edit is checked in one phase, whatever the time: the
    /// repository checks of a small workspace take a few milliseconds once compiled, and a loaded machine (or the first,
    /// JIT-compiling pass) must not make an editor's diagnostics depend on timing (default 200).</param>
    public LintWorker(ServerState state, Workspace workspace, IEditorClient client, TimeSpan debounce, TimeSpan? inlineRepositoryLimit = null,
        TimeSpan? repositoryIdle = null, int smallWorkspace = 200)
    {
        this.smallWorkspace = smallWorkspace;
        this.repositoryIdle = repositoryIdle ?? TimeSpan.FromMilliseconds(300);
        this.state = state;
        this.workspace = workspace;
        this.client = client;
        this.debounce = debounce;
        this.inlineRepositoryLimit = inlineRepositoryLimit ?? TimeSpan.FromMilliseconds(40);
        workspace.Log = message => client.Log(true, "mlops-lint: " + message);
    }

    /// <summary>The background repository pass, if one runs (tests wait on it).</summary>
    internal Task? RepositoryPass => runningTask;

    /// <summary>Longest an edit waits while more keep coming (the debounce restarts with each one).</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(CancellationToken cancel)
    {
        await Task.Yield();
        Safely(() => Load("scanning the workspace"));
        Safely(() => Apply(state.Take(), everything: true));
        while (!cancel.IsCancellationRequested)
        {
            if (repositoryWanted && running == null)
            {
                if (!await state.Signal.WaitAsync(repositoryIdle, cancel).ConfigureAwait(false))
                {
                    Safely(StartRepositoryPass); // the typing paused
                    continue;
                }
            }
            else
            {
                await state.Signal.WaitAsync(cancel).ConfigureAwait(false);
            }
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < MaxDelay && await state.Signal.WaitAsync(debounce, cancel).ConfigureAwait(false))
            {
                // another edit within the debounce interval: wait for the typing to pause
            }
            var pending = state.Take();
            if (pending.IsEmpty) continue;
            Safely(() => Apply(pending, everything: false));
        }
    }

    private void Safely(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            client.Log(true, $"mlops-lint: internal error: {e} (please report it; the server goes on)");
        }
    }

    private void Load(string title)
    {
        // a background pass may be reading documents the reload checks (and releases) again
        WaitForRepositoryPass();
        using var progress = client.BeginProgress(title);
        var sw = Stopwatch.StartNew();
        workspace.Load((message, percentage) => progress.Report(message, percentage));
        versions = new KnownVersions(workspace.LockFiles(), workspace.Root);
        foreach (var p in workspace.Problems) client.Log(p.Level == ScanDiagnosticLevel.Error, $"mlops-lint: {(p.Path != null ? p.Path + ": " : "")}{p.Message}");
        client.Log(false, $"mlops-lint: checked {workspace.FileCount} files in {sw.ElapsedMilliseconds} ms");
    }

    private void WaitForRepositoryPass()
    {
        try
        {
            runningTask?.Wait();
        }
        catch (AggregateException)
        {
            // logged by the pass itself
        }
    }

    /// <summary>Applies a batch of edits and publishes. Internal for tests, which drive the worker without a client process.</summary>
    internal void Apply(Pending p, bool everything)
    {
        var started = Stopwatch.StartNew();
        bool repositoryDone = p.RepositoryDone && TakeRepositoryPass();
        foreach (var path in p.Closed)
        {
            workspace.CloseText(path);
            Clear(path);
        }
        var dirty = new HashSet<string>(p.Dirty, StringComparer.Ordinal);
        foreach (var t in p.Texts.Where(t => dirty.Contains(t.Path))) workspace.SetText(t.Path, t.Text);
        var notebookTexts = p.Notebooks.ToDictionary(n => n.Notebook.Path, n => NotebookTextOf(n.Notebook, n.Cells), StringComparer.Ordinal);
        foreach (var n in p.Notebooks.Where(n => dirty.Contains(n.Notebook.Path))) workspace.SetText(n.Notebook.Path, notebookTexts[n.Notebook.Path].Json);
        if (p.Reload)
        {
            Load("configuration changed: scanning the workspace again");
        }
        else
        {
            if (p.FileSetChanged) dirty.UnionWith(workspace.RefreshFileSet());
            foreach (var path in p.OnDisk)
            {
                if (!workspace.IsOpen(path)) workspace.Reread(path);
                dirty.Add(path);
            }
            // a save of a file the scan did not know yet (a new file, in an editor that does not watch files)
            if (p.OnDisk.Any(path => workspace.Document(path) == null && workspace.FullPath(path) is string f && File.Exists(f)))
            {
                dirty.UnionWith(workspace.RefreshFileSet());
            }
            if (dirty.Count > 0 || everything)
            {
                bool inline = workspace.FileCount <= smallWorkspace || workspace.LastRepositoryTime < inlineRepositoryLimit;
                workspace.Relint(dirty, repository: inline);
                if (!inline) WantRepositoryPass();
                string what = dirty.Count == 0 ? "the workspace" : string.Join(", ", dirty.Take(3)) + (dirty.Count > 3 ? ", …" : "");
                client.Log(false, $"mlops-lint: checked {what}: document checks {workspace.LastDocumentTime.TotalMilliseconds:F1} ms (CPU {workspace.LastDocumentCpu.TotalMilliseconds:F1} ms), "
                    + (inline ? $"repository checks {workspace.LastRepositoryTime.TotalMilliseconds:F1} ms" : "repository checks in the background")
                    + $" (most CPU in them: {MostCpu()})");
            }
        }
        if (repositoryDone)
        {
            client.Log(false, $"mlops-lint: repository checks {workspace.LastRepositoryTime.TotalMilliseconds:F1} ms in the background (most CPU: {MostCpu()})");
            // edits came while it ran: the next pass takes them
            if (!workspace.RepositoryIsCurrent && running == null) WantRepositoryPass();
        }
        if (versions == null || p.Reload || p.OnDisk.Count > 0 || dirty.Any(d => DocumentClassifier.Classify(d) == DocumentKind.LockFile))
        {
            versions = new KnownVersions(workspace.LockFiles(), workspace.Root);
        }
        // a finished background pass alone republishes only what it changed
        bool onlyChanges = repositoryDone && p.IsRepositoryDoneOnly;
        foreach (var t in p.Texts) PublishText(t, onlyChanges);
        foreach (var n in p.Notebooks) PublishNotebook(n.Notebook, notebookTexts[n.Notebook.Path], n.Cells, onlyChanges);
    }

    private string MostCpu() =>
        string.Join(", ", workspace.LastRepositoryProfile.OrderByDescending(kv => kv.Value).Take(3).Select(kv => $"{kv.Key} {kv.Value.TotalMilliseconds:F0} ms"));

    /// <summary>A full pass is due: now, or when the typing pauses (<see cref="RunAsync"/>).</summary>
    private void WantRepositoryPass()
    {
        repositoryWanted = true;
        if (repositoryIdle == TimeSpan.Zero) StartRepositoryPass();
    }

    /// <summary>Starts the full repository pass in the background, unless one runs (it is restarted when it ends).</summary>
    private void StartRepositoryPass()
    {
        if (running != null) return;
        repositoryWanted = false;
        var run = workspace.StartRepositoryRun();
        running = run;
        runningTask = Task.Run(() =>
        {
            try
            {
                run.Run();
            }
            catch (Exception e)
            {
                client.Log(true, $"mlops-lint: internal error in the repository checks: {e} (please report it; the server goes on)");
            }
            finally
            {
                state.RepositoryPassDone();
            }
        });
    }

    /// <summary>The background pass has ended: its findings go into the workspace (on this, the worker's, thread).</summary>
    private bool TakeRepositoryPass()
    {
        if (running == null || runningTask is not { IsCompleted: true }) return false;
        var run = running;
        running = null;
        runningTask = null;
        return workspace.Complete(run);
    }

    /// <summary>The .ipynb text of an open notebook: the editor's cells, with the outputs saved on disk.</summary>
    private NotebookText NotebookTextOf(OpenNotebook notebook, (bool IsCode, string CellUri, string Text, int? Version)[] cells)
    {
        var outputs = savedOutputs.For(workspace.FullPath(notebook.Path), cells.Select(c => (c.IsCode, c.Text)).ToArray());
        return new NotebookText(cells.Select((c, i) => new NotebookCellText(c.CellUri, c.IsCode, c.Text) { Outputs = outputs[i] }).ToArray());
    }

    private void PublishText(OpenText t, bool onlyChanges = false)
    {
        var findings = workspace.FindingsFor(t.Path);
        var doc = workspace.Document(t.Path);
        var lines = new Core.Text.LineIndex(t.Text);
        (string, EditorPosition) Place(int line, int column) => (t.Uri, new EditorPosition(Math.Max(0, line - 1), Math.Max(0, column - 1)));
        string? LineText(string uri, int line) => uri == t.Uri && line < lines.LineCount ? lines.GetLine(line + 1) : null;
        var placed = findings.Select(f =>
        {
            var (_, start) = Place(f.Span.StartLine, f.Span.StartColumn);
            var (_, end) = Place(f.Span.EndLine, f.Span.EndColumn);
            if (f.Span == SourceSpan.WholeFile) end = new EditorPosition(0, lines.LineCount > 0 ? lines.GetLine(1).Length : 0);
            return new EditorFinding(f, t.Uri, new EditorRange(start, end), FindingActions.For(f, doc, Place, LineText, versions!.For));
        }).ToArray();
        Publish(t.Path, t.Uri, t.Version, placed, onlyChanges);
    }

    private void PublishNotebook(OpenNotebook notebook, NotebookText text, (bool IsCode, string CellUri, string Text, int? Version)[] cells, bool onlyChanges = false)
    {
        if (cells.Length == 0) return;
        var findings = workspace.FindingsFor(notebook.Path);
        var doc = workspace.Document(notebook.Path);
        var cellLines = cells.ToDictionary(c => c.CellUri, c => new Core.Text.LineIndex(c.Text), StringComparer.Ordinal);
        (string, EditorPosition) Place(int line, int column)
        {
            var (cell, l, ch) = text.Map(line, column);
            return (cells[cell].CellUri, new EditorPosition(l, ch));
        }
        string? LineText(string uri, int line) => cellLines.TryGetValue(uri, out var li) && line < li.LineCount ? li.GetLine(line + 1) : null;
        var byCell = cells.ToDictionary(c => c.CellUri, _ => new List<EditorFinding>(), StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var (uri, start) = Place(f.Span.StartLine, f.Span.StartColumn);
            var (endUri, end) = Place(f.Span.EndLine, f.Span.EndColumn);
            if (endUri != uri || end.Line < start.Line) end = start;
            byCell[uri].Add(new EditorFinding(f, uri, new EditorRange(start, end), FindingActions.For(f, doc, Place, LineText, versions!.For)));
        }
        foreach (var c in cells) Publish(notebook.Path, c.CellUri, c.Version, byCell[c.CellUri], onlyChanges);
    }

    private void Publish(string path, string uri, int? version, IReadOnlyList<EditorFinding> findings, bool onlyChanges = false)
    {
        if (onlyChanges && state.Published.TryGetValue(uri, out var before) && SameDiagnostics(before, findings)) return;
        if (!publishedUris.TryGetValue(path, out var uris)) publishedUris[path] = uris = new HashSet<string>(StringComparer.Ordinal);
        uris.Add(uri);
        state.Published = state.Published.SetItem(uri, findings);
        client.Publish(uri, version, findings, UriOfPath);
    }

    /// <summary>Whether the editor would show the same thing (rule, place, message, severity, fixes offered).</summary>
    private static bool SameDiagnostics(IReadOnlyList<EditorFinding> a, IReadOnlyList<EditorFinding> b) =>
        a.Count == b.Count && a.Zip(b, (x, y) => x.Range == y.Range && x.Finding.RuleId == y.Finding.RuleId && x.Finding.Message == y.Finding.Message
            && x.Finding.Severity == y.Finding.Severity && x.Finding.Edit == y.Finding.Edit && x.Actions.Count == y.Actions.Count).All(same => same);

    private void Clear(string path)
    {
        if (!publishedUris.Remove(path, out var uris)) return;
        foreach (var uri in uris)
        {
            state.Published = state.Published.Remove(uri);
            client.Publish(uri, null, Array.Empty<EditorFinding>(), UriOfPath);
        }
    }

    /// <summary>The file URI of a repository path (related locations point at other files).</summary>
    private string? UriOfPath(string path) => workspace.FullPath(path) is string full ? new Uri(full).AbsoluteUri : null;
}
