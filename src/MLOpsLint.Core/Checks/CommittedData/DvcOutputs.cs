using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>Every path DVC caches, from all .dvc files, dvc.yaml and dvc.lock files of a snapshot.</summary>
public sealed class DvcOutputs
{
    private readonly DvcOutput[] cached;
    private readonly DvcOutput[] uncached;

    public DvcOutputs(RepositorySnapshot snapshot)
    {
        Files = snapshot.Documents.Where(DvcFile.IsDvcFile).Select(d => (d, DvcFile.Get(d))).ToArray();
        var outputs = Files.SelectMany(f => f.File.Outputs).ToArray();
        // dvc.lock lists every output without its cache flag: dvc.yaml's cache: false wins.
        uncached = outputs.Where(o => !o.Cached).ToArray();
        cached = outputs.Where(o => o.Cached && o.Template == null)
            .OrderBy(o => o.DeclaredIn.EndsWith("dvc.lock", StringComparison.Ordinal) ? 1 : 0)
            .ToArray();
    }

    public IReadOnlyList<(SourceDocument Document, DvcFile File)> Files { get; }

    public bool IsEmpty => cached.Length == 0;

    /// <summary>The DVC output that covers <paramref name="path"/> (the file itself or a directory above it).</summary>
    public DvcOutput? Find(string path)
    {
        if (cached.Length == 0) return null;
        foreach (var o in cached)
        {
            if (o.Covers(path) && !uncached.Any(u => u.Covers(path))) return o;
        }
        return null;
    }
}
