using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks;

/// <summary>The documents of one scan (working tree, index or a commit), addressable by path.</summary>
public sealed class RepositorySnapshot
{
    private readonly Dictionary<string, SourceDocument> byPath;

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

    public SourceDocument? Find(string path) => byPath.TryGetValue(path.Replace('\\', '/'), out var d) ? d : null;

    public IEnumerable<SourceDocument> OfKind(DocumentKind kind) => Documents.Where(d => d.Kind == kind);
}
