using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Git;

/// <summary>A finding on a history blob, with the blob and the document it was found in.</summary>
internal sealed record HistoryFinding(Finding Finding, HistoryBlob Blob, SourceDocument Document);

/// <summary>
/// Checks history blobs in batches on the thread pool while the walk and the reads go on. A batch never holds two
/// blobs with the same path (two versions of <c>config.py</c> go to different batches), so every finding maps back to
/// exactly one blob; each batch also sees the context documents (HEAD's .gitattributes), whose own findings are
/// dropped. Batches are formed from the order the blobs arrive in, so the result does not depend on scheduling.
/// </summary>
internal sealed class HistoryChecker
{
    /// <summary>Small batches: a blob's bytes stay alive until its batch is checked, and with few of them alive the
    /// collector finds little to copy (measured on bench/history.sh large: 64 against 512 cut GC pauses by two thirds).</summary>
    private const int BatchSize = 64;
    private const int MaxOpenBatches = 4;

    private readonly Linter linter;
    private readonly LintConfig config;
    private readonly Task<IReadOnlyList<SourceDocument>> context;
    private readonly List<Batch> open = new();
    private readonly List<Task<Batch>> running = new();
    private readonly SemaphoreSlim slots = new(Math.Max(1, Environment.ProcessorCount));
    private long checkTicks;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan> checkTimes = new(StringComparer.Ordinal);

    /// <param name="context">HEAD's .gitattributes, read while the walk starts (the first batch waits for them).</param>
    public HistoryChecker(Linter linter, LintConfig config, Task<IReadOnlyList<SourceDocument>> context)
    {
        this.linter = linter;
        this.config = config;
        this.context = context;
    }

    /// <summary>Time in each check, summed over the batches (for --verbose).</summary>
    public IReadOnlyDictionary<string, TimeSpan> CheckTimes => checkTimes;

    /// <summary>CPU time spent in the checks, summed over the batches.</summary>
    public TimeSpan CheckTime => TimeSpan.FromSeconds(Interlocked.Read(ref checkTicks) / (double)System.Diagnostics.Stopwatch.Frequency);

    public void Add(HistoryBlob blob, SourceDocument document)
    {
        Batch? batch = null;
        foreach (var b in open)
        {
            if (!b.Blobs.ContainsKey(document.Path))
            {
                batch = b;
                break;
            }
        }
        if (batch == null)
        {
            if (open.Count == MaxOpenBatches) Dispatch(open.OrderByDescending(b => b.Blobs.Count).First());
            batch = new Batch();
            open.Add(batch);
        }
        batch.Blobs.Add(document.Path, (blob, document));
        if (batch.Blobs.Count >= BatchSize) Dispatch(batch);
    }

    /// <summary>Checks what is left and waits for every batch: the findings (in batch order), the findings
    /// suppressed by <c># noqa</c>, and the scan diagnostics.</summary>
    public (IReadOnlyList<HistoryFinding> Findings, int Suppressed, IReadOnlyList<ScanDiagnostic> Diagnostics) Finish()
    {
        foreach (var b in open.ToArray()) Dispatch(b);
        var findings = new List<HistoryFinding>();
        var diagnostics = new List<ScanDiagnostic>();
        int suppressed = 0;
        foreach (var task in running)
        {
            var b = task.GetAwaiter().GetResult();
            findings.AddRange(b.Findings);
            diagnostics.AddRange(b.Diagnostics);
            suppressed += b.Suppressed;
        }
        return (findings, suppressed, diagnostics);
    }

    private void Dispatch(Batch batch)
    {
        open.Remove(batch);
        slots.Wait();
        running.Add(Task.Run(() =>
        {
            try
            {
                Check(batch);
                return batch;
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private void Check(Batch batch)
    {
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        // each batch reads its own copy of the context: documents cache what checks compute from them under a lock,
        // and batches running side by side must not wait on each other for it
        var docs = batch.Blobs.Values.Select(x => x.Document)
            .Concat(context.GetAwaiter().GetResult().Where(c => !batch.Blobs.ContainsKey(c.Path)).Select(c => new SourceDocument(c.Path, c.Content, c.Size, c.IsComplete, c.Origin)))
            .ToArray();
        var lint = linter.Run(new RepositorySnapshot(docs), config, maxParallelism: 1);
        foreach (var f in lint.Findings)
        {
            if (batch.Blobs.TryGetValue(f.Path, out var x)) batch.Findings.Add(new HistoryFinding(f, x.Blob, x.Document));
        }
        foreach (var (check, time) in lint.CheckTimes) checkTimes.AddOrUpdate(check, time, (_, t) => t + time);
        batch.Suppressed = lint.Suppressed;
        batch.Diagnostics = lint.Diagnostics;
        batch.Blobs.Clear(); // the documents of findings stay reachable through them; the rest can go
        Interlocked.Add(ref checkTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t0);
    }

    private sealed class Batch
    {
        public Dictionary<string, (HistoryBlob Blob, SourceDocument Document)> Blobs { get; } = new(StringComparer.Ordinal);

        public List<HistoryFinding> Findings { get; } = new();

        public int Suppressed { get; set; }

        public IReadOnlyList<ScanDiagnostic> Diagnostics { get; set; } = Array.Empty<ScanDiagnostic>();
    }
}
