using System.Collections.Concurrent;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// Reads the blobs a history walk finds through several <c>git cat-file --batch</c> processes at once. Inflating
/// objects is most of git's work in a history scan, and one process does it on one core: with more cores, chunks of
/// blobs go to the processes in turn (each read by a thread of its own) and come back in the order they were sent,
/// so everything downstream sees the walk's order and the result does not depend on scheduling. Queues are bounded
/// both ways: a slow checker holds the readers back, slow readers hold the walk back.
/// </summary>
internal sealed class CatFilePool : IDisposable
{
    /// <summary>Chunks waiting at one process, and chunks read and waiting for the checker.</summary>
    private const int QueueDepth = 2;

    private readonly CatFileBatch[] cats;
    private readonly BlockingCollection<List<HistoryBlob>>[] sent;
    private readonly BlockingCollection<List<(HistoryBlob Blob, BlobContent? Content)>>[] read;
    private readonly Task[] readers;
    /// <summary>Cancelled when the scan ends early (an error on any side): nobody stays blocked on a full queue.</summary>
    private readonly CancellationTokenSource stop = new();
    private int next;
    private bool drained;

    public CatFilePool(string gitDir, int processes, long maxBytes, int headBytes)
    {
        cats = Enumerable.Range(0, processes).Select(_ => new CatFileBatch(gitDir)).ToArray();
        sent = cats.Select(_ => new BlockingCollection<List<HistoryBlob>>(QueueDepth)).ToArray();
        read = cats.Select(_ => new BlockingCollection<List<(HistoryBlob, BlobContent?)>>(QueueDepth)).ToArray();
        readers = Enumerable.Range(0, processes).Select(i => Task.Factory.StartNew(() => ReadAll(i, maxBytes, headBytes), TaskCreationOptions.LongRunning)).ToArray();
    }

    /// <summary>How many processes suit this machine: one core fewer than it has (the walk and the checks need some),
    /// at most four, and at least two — on two cores a second process fills the gaps the first leaves while it writes
    /// (bench/history.sh large, medians of 7 in one run: one process 1.05 s, two 0.93 s, three 1.02 s).</summary>
    public static int ProcessesFor(int cores) => Math.Clamp(cores - 1, 2, 4);

    /// <summary>Sends a chunk (walker thread): its blobs are requested from the next process in turn.</summary>
    public void Send(List<HistoryBlob> chunk)
    {
        var cat = cats[next];
        foreach (var b in chunk) cat.Request(b.Sha);
        cat.Flush();
        sent[next].Add(chunk, stop.Token);
        next = (next + 1) % cats.Length;
    }

    /// <summary>No more chunks (walker thread).</summary>
    public void Complete()
    {
        foreach (var cat in cats) cat.EndRequests();
        foreach (var q in sent) q.CompleteAdding();
    }

    /// <summary>Every blob sent, with its content (null when the object store does not have it), in the order sent.</summary>
    public IEnumerable<(HistoryBlob Blob, BlobContent? Content)> Results()
    {
        for (int i = 0; ; i++)
        {
            // chunk i went to process i % n, and each process answers its chunks in order
            if (!read[i % cats.Length].TryTake(out var chunk, Timeout.Infinite, stop.Token))
            {
                break;
            }
            foreach (var x in chunk) yield return x;
        }
        drained = true;
        // a reader that failed (git went away) ended its queue early: say why, after releasing the others
        if (readers.FirstOrDefault(t => t.IsFaulted) is { } failed)
        {
            stop.Cancel();
            failed.GetAwaiter().GetResult();
        }
    }

    private void ReadAll(int i, long maxBytes, int headBytes)
    {
        try
        {
            foreach (var chunk in sent[i].GetConsumingEnumerable(stop.Token))
            {
                var contents = new List<(HistoryBlob, BlobContent?)>(chunk.Count);
                foreach (var b in chunk)
                {
                    contents.Add((b, cats[i].Read(maxBytes, headBytes)));
                }
                read[i].Add(contents, stop.Token);
            }
        }
        finally
        {
            read[i].CompleteAdding();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        foreach (var cat in cats)
        {
            if (!drained) cat.Abort(); // nobody will read what git still has to say
            cat.Dispose();
        }
        try
        {
            Task.WaitAll(readers);
        }
        catch (AggregateException)
        {
            // cancelled, or already reported by Results
        }
        stop.Dispose();
    }
}

/// <summary>A blob's size and bytes (all of them, or its head when it is larger than the text limit).</summary>
internal sealed record BlobContent(long Size, byte[] Bytes, bool Complete);
