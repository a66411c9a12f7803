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
    private RevisionSnapshot(string sha, IReadOnlyList<SourceDocument> documents, IReadOnlyDictionary<string, string> blobs, string scanPath, bool staged)
    {
        Sha = sha;
        Documents = documents;
        this.blobs = blobs;
        this.scanPath = scanPath;
        this.staged = staged;
    }

    private readonly IReadOnlyDictionary<string, string> blobs; // path -> blob id at REV
    private readonly string scanPath;
    private readonly bool staged;
    private Dictionary<string, Changes>? changes;
    private string? workTree;            // set when the work tree is compared by content here, not by libgit2
    private readonly List<string> notes = new();

    public string Sha { get; }

    public IReadOnlyList<SourceDocument> Documents { get; }

    /// <summary>What the comparison with REV could not do as usual (read after <see cref="IsAdded"/>).</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>True when line <paramref name="line"/> of <paramref name="path"/> is not in REV: the file is new, binary and
    /// changed, or the diff from REV adds that line. The diff is worked out on the first call (a scan without
    /// <c>--changed-lines-only</c> never needs it).</summary>
    public bool IsAdded(string path, int line)
    {
        changes ??= Compare();
        if (!changes.TryGetValue(path, out var c))
        {
            if (!blobs.TryGetValue(path, out string? blob)) return true;
            if (workTree == null) return false;
            // the attributes are hostile: the file counts as changed throughout when its bytes are not REV's blob
            c = changes[path] = new Changes(!SameBlob(Path.Combine(workTree, path), blob), new HashSet<int>());
        }
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
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(commit.Tree, "", exclude, maxTextFileSize, commit.Sha, documents, blobs);
        return new RevisionSnapshot(commit.Sha, documents, blobs, scanPath, staged);
    }

    private Dictionary<string, Changes> Compare()
    {
        using var repo = GitRepository.Open(scanPath, "--new-from-rev", allowBare: false);
        var commit = repo.Lookup<Commit>(Sha);
        var changed = new Dictionary<string, Changes>(StringComparer.Ordinal);
        // libgit2 looks up a file's attributes to hash a work-tree file whose stat data differs from the index (every file
        // of a copied repository) and to make a patch: with a pattern its matcher cannot finish, neither is asked for
        string root = GitRepository.Root(repo);
        if (AttributePatterns.Unbounded(repo, root) is { } pattern)
        {
            string shown = pattern.Length > 40 ? pattern.Substring(0, 40) + "…" : pattern;
            notes.Add($"the repository's attributes hold the pattern {shown}, which git's glob matcher cannot match in bounded time: "
                + "--changed-lines-only counts every line of a file that differs from the revision as added");
            if (staged)
            {
                foreach (var entry in repo.Diff.Compare<TreeChanges>(commit.Tree, DiffTargets.Index))
                {
                    if (entry.Status != ChangeKind.Deleted) changed[entry.Path.Replace('\\', '/')] = new Changes(true, new HashSet<int>());
                }
            }
            else
            {
                workTree = root;
            }
            return changed;
        }

        var targets = staged ? DiffTargets.Index : DiffTargets.Index | DiffTargets.WorkingDirectory;
        // which files changed first (object ids, no content): a file REV does not have is added whole, and only the files
        // both sides have go through libgit2's patch
        var both = new List<string>();
        foreach (var entry in repo.Diff.Compare<TreeChanges>(commit.Tree, targets))
        {
            if (entry.Status == ChangeKind.Deleted) continue;
            if (entry.Status == ChangeKind.Added) changed[entry.Path.Replace('\\', '/')] = new Changes(true, new HashSet<int>());
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
                changed[path] = new Changes(entry.IsBinaryComparison || entry.Status == ChangeKind.Added,
                    new HashSet<int>(entry.AddedLines.Select(l => l.LineNumber)));
            }
        }
        return changed;
    }

    /// <summary>Whether the work-tree file holds exactly the bytes of blob <paramref name="blob"/> (git's object id of its
    /// bytes, without the filters attributes would apply: a file that differs only by them counts as changed).</summary>
    private static bool SameBlob(string file, string blob)
    {
        try
        {
            if (FileType.NotRegular(file) != null) return false;
            byte[] bytes = File.ReadAllBytes(file);
            using var sha1 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA1);
            sha1.AppendData(System.Text.Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"));
            sha1.AppendData(bytes);
            return Convert.ToHexString(sha1.GetHashAndReset()).Equals(blob, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string NotFound(string rev) =>
        $"--new-from-rev: '{rev}' is not a commit in this repository (a shallow clone may lack it: fetch it first, e.g. git fetch --depth=1 origin {rev})";

    private static void Collect(Tree tree, string prefix, GlobSet exclude, long maxTextFileSize, string sha, List<SourceDocument> documents,
        Dictionary<string, string> blobs)
    {
        foreach (var entry in tree)
        {
            string path = prefix + entry.Name;
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                Collect((Tree)entry.Target, path + "/", exclude, maxTextFileSize, sha, documents, blobs);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob && entry.Mode != Mode.SymbolicLink && !exclude.IsMatch(path))
            {
                documents.Add(BlobReader.Read((Blob)entry.Target, path, sha[..Math.Min(12, sha.Length)], maxTextFileSize));
                blobs[path] = entry.Target.Sha;
            }
        }
    }

    private sealed record Changes(bool WholeFile, IReadOnlySet<int> Lines);
}
