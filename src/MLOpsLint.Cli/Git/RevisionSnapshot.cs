using LibGit2Sharp;
using MLOpsLint.Cli.Discovery;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// A revision's tree read from git objects, for <c>scan --new-from-rev REV</c>: the documents REV holds (no checkout),
/// and the lines that the scanned content adds to it (for <c>--changed-lines-only</c>, reviewdog's <c>added</c> filter).
/// </summary>
internal sealed class RevisionSnapshot
{
    private RevisionSnapshot(string sha, IReadOnlyList<SourceDocument> documents, IReadOnlyDictionary<string, Changes> changes)
    {
        Sha = sha;
        Documents = documents;
        this.changes = changes;
    }

    private readonly IReadOnlyDictionary<string, Changes> changes;

    public string Sha { get; }

    public IReadOnlyList<SourceDocument> Documents { get; }

    /// <summary>True when line <paramref name="line"/> of <paramref name="path"/> is not in REV: the file is new, binary and
    /// changed, or the diff from REV adds that line.</summary>
    public bool IsAdded(string path, int line)
    {
        if (!changes.TryGetValue(path, out var c)) return !Documents.Any(d => d.Path == path);
        return c.WholeFile || c.Lines.Contains(line);
    }

    /// <param name="staged">Compare REV with the index (a <c>--staged</c> scan) rather than the working tree.</param>
    public static RevisionSnapshot Read(string scanPath, string rev, GlobSet exclude, long maxTextFileSize, bool staged)
    {
        using var repo = GitRepository.Open(scanPath, "--new-from-rev", allowBare: false);
        Commit commit;
        try
        {
            commit = repo.Lookup(rev)?.Peel<Commit>() ?? throw new UsageException(NotFound(rev));
        }
        catch (LibGit2SharpException)
        {
            throw new UsageException(NotFound(rev));
        }
        var documents = new List<SourceDocument>();
        Collect(commit.Tree, "", exclude, maxTextFileSize, commit.Sha, documents);

        var targets = staged ? DiffTargets.Index : DiffTargets.Index | DiffTargets.WorkingDirectory;
        // which files changed first (object ids, no content): a file REV does not have is added whole, and only the files
        // both sides have go through libgit2's patch, whose look-up of each file's diff attributes runs libgit2's own
        // glob matcher, exponential on a hostile .gitattributes pattern (a new file named to match it took minutes each)
        var changes = new Dictionary<string, Changes>(StringComparer.Ordinal);
        var both = new List<string>();
        foreach (var entry in repo.Diff.Compare<TreeChanges>(commit.Tree, targets))
        {
            if (entry.Status == ChangeKind.Deleted) continue;
            if (entry.Status == ChangeKind.Added) changes[entry.Path.Replace('\\', '/')] = new Changes(true, new HashSet<int>());
            else both.Add(entry.Path);
        }
        if (both.Count > 0)
        {
            var patch = repo.Diff.Compare<Patch>(commit.Tree, targets, both, new ExplicitPathsOptions { ShouldFailOnUnmatchedPath = false },
                new CompareOptions { ContextLines = 0, InterhunkLines = 0 });
            foreach (var entry in patch)
            {
                if (entry.Status == ChangeKind.Deleted) continue;
                string path = entry.Path.Replace('\\', '/');
                changes[path] = new Changes(entry.IsBinaryComparison || entry.Status == ChangeKind.Added,
                    new HashSet<int>(entry.AddedLines.Select(l => l.LineNumber)));
            }
        }
        return new RevisionSnapshot(commit.Sha, documents, changes);
    }

    private static string NotFound(string rev) =>
        $"--new-from-rev: '{rev}' is not a commit in this repository (a shallow clone may lack it: fetch it first, e.g. git fetch --depth=1 origin {rev})";

    private static void Collect(Tree tree, string prefix, GlobSet exclude, long maxTextFileSize, string sha, List<SourceDocument> documents)
    {
        foreach (var entry in tree)
        {
            string path = prefix + entry.Name;
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                Collect((Tree)entry.Target, path + "/", exclude, maxTextFileSize, sha, documents);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob && entry.Mode != Mode.SymbolicLink && !exclude.IsMatch(path))
            {
                documents.Add(BlobReader.Read((Blob)entry.Target, path, sha[..Math.Min(12, sha.Length)], maxTextFileSize));
            }
        }
    }

    private sealed record Changes(bool WholeFile, IReadOnlySet<int> Lines);
}
