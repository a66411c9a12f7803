using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks;

/// <summary>The documents of one scan (working tree, index or a commit), addressable by path.</summary>
public sealed class RepositorySnapshot
{
    private readonly Dictionary<string, SourceDocument> byPath;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, Lazy<object>> shared = new();

    public RepositorySnapshot(IReadOnlyList<SourceDocument> documents)
    {
        Documents = documents;
        byPath = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            byPath[d.Path] = d;
        }
    }

    public IReadOnlyList<SourceDocument> Documents { get; }

    /// <summary>Files git tracks that the work tree lacks and that could not be read (a partial clone, a blob the clone does
    /// not have, a deletion not yet staged): not scanned, since there is nothing to read, but in the repository all the
    /// same. (A file a sparse checkout leaves out is read from its index blob: it is one of the documents.)</summary>
    public IReadOnlyCollection<string> AbsentTrackedPaths { get; init; } = Array.Empty<string>();

    /// <summary>What several repository checks compute alike from this snapshot (a staged scan's module closure, which the
    /// seed and tracking rules both read): computed once for <paramref name="key"/>, by the first check to ask, while the
    /// others wait (the checks run side by side).</summary>
    internal T Shared<T>(object key, Func<T> factory)
        where T : class =>
        (T)shared.GetOrAdd(key, _ => new Lazy<object>(() => factory(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    public SourceDocument? Find(string path) => byPath.TryGetValue(path.Replace('\\', '/'), out var d) ? d : null;

    public IEnumerable<SourceDocument> OfKind(DocumentKind kind) => Documents.Where(d => d.Kind == kind);
}
