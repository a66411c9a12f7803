using LibGit2Sharp;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Discovery;

/// <summary>
/// Tracked files that are not in the work tree, sorted by what can be done with them, so none is dropped without a word:
/// <list type="bullet">
/// <item>left out by a sparse checkout (the skip-worktree bit, <see cref="Git.SkipWorktreeEntries"/>) with their blob in
/// the object store: judged from the index blob, as <c>scan --staged</c> judges what is staged — a model or a token
/// committed outside the sparse cone is still reported, under its tracked path;</item>
/// <item>deleted from the work tree (the deletion not staged): named as not scanned, not judged (the user is removing it);</item>
/// <item>whose blob the object store lacks (a partial clone, <c>--filter=blob:none</c>, or a snapshot without large
/// blobs): named as not scanned. Nothing is fetched: libgit2 does not ask a promisor remote.</item>
/// </list>
/// </summary>
internal sealed record MissingTrackedFiles(IReadOnlyList<string> FromIndex, IReadOnlyList<string> Deleted, IReadOnlyList<string> WithoutBlob)
{
    private const int Listed = 10;

    /// <summary>Sorts <paramref name="missing"/>; the files judged from their index blob are added to <paramref name="files"/>.</summary>
    public static MissingTrackedFiles Sort(Repository repo, IReadOnlyList<(string Path, IndexEntry Entry)> missing, string root, List<DiscoveredFile> files)
    {
        var sparse = Git.SkipWorktreeEntries.Read(Path.Combine(repo.Info.Path, "index")) ?? new HashSet<string>();
        var fromIndex = new List<string>();
        var deleted = new List<string>();
        var withoutBlob = new List<string>();
        Git.IndexBlobStore? store = null;
        foreach (var (path, entry) in missing)
        {
            long? size;
            try
            {
                size = repo.ObjectDatabase.Contains(entry.Id) ? repo.ObjectDatabase.RetrieveObjectMetadata(entry.Id).Size : null;
            }
            catch (LibGit2SharpException)
            {
                size = null; // a corrupt object: not readable, named as such
            }
            if (size is not { } blobSize)
            {
                withoutBlob.Add(path);
            }
            else if (sparse.Contains(path))
            {
                store ??= new Git.IndexBlobStore(root);
                files.Add(new DiscoveredFile(path, Path.Combine(root, path)) { Blob = new IndexBlob(store, entry.Id.Sha, blobSize) });
                fromIndex.Add(path);
            }
            else
            {
                deleted.Add(path);
            }
        }
        return new MissingTrackedFiles(fromIndex, deleted, withoutBlob);
    }

    /// <summary>What the scan says about them: a note for the files judged from the index, a warning naming those not scanned.</summary>
    public IEnumerable<ScanDiagnostic> Diagnostics()
    {
        if (FromIndex.Count > 0)
        {
            yield return new ScanDiagnostic(ScanDiagnosticLevel.Note,
                $"{Files(FromIndex.Count)} outside the sparse checkout {(FromIndex.Count == 1 ? "was" : "were")} judged from the index: {List(FromIndex)}");
        }
        if (Deleted.Count > 0 || WithoutBlob.Count > 0) yield return NotScanned(Deleted, WithoutBlob);
    }

    /// <summary>The warning for tracked files that are not in the work tree and could not be judged.</summary>
    internal static ScanDiagnostic NotScanned(IReadOnlyList<string> deleted, IReadOnlyList<string> withoutBlob)
    {
        int n = deleted.Count + withoutBlob.Count;
        var parts = new List<string>();
        if (deleted.Count > 0) parts.Add($"{List(deleted)} (deleted, the deletion not staged)");
        if (withoutBlob.Count > 0) parts.Add($"{List(withoutBlob)} (blob not in the object store: a partial clone, or a clone without {(withoutBlob.Count == 1 ? "it" : "them")})");
        return new ScanDiagnostic(ScanDiagnosticLevel.Warning,
            $"{Files(n)} {(n == 1 ? "is" : "are")} not in the work tree and {(n == 1 ? "was" : "were")} not scanned: {string.Join("; ", parts)}");
    }

    private static string Files(int n) => n == 1 ? "1 tracked file" : $"{n} tracked files";

    private static string List(IReadOnlyList<string> paths)
    {
        var sorted = paths.OrderBy(p => p, StringComparer.Ordinal).ToArray();
        return string.Join(", ", sorted.Take(Listed)) + (sorted.Length > Listed ? $" and {sorted.Length - Listed} more" : "");
    }
}
