using LibGit2Sharp;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// The bytes of a tracked file that is not in the work tree because a sparse checkout leaves it out (its index entry has
/// the skip-worktree bit): read from its index blob when a check asks for them, as <c>scan --staged</c> reads index blobs
/// (<see cref="BlobReader"/>), so a model or a token committed outside the sparse cone is still judged. The blob's
/// presence was checked when the file was found; a read that fails later gives no bytes, and the scan goes on.
/// </summary>
internal sealed class IndexBlobContent : ContentSource
{
    /// <summary><see cref="SourceDocument.Origin"/> of such a document: its content is the index's, and there is no file to
    /// write a fix to.</summary>
    public const string Origin = "index (outside the sparse checkout)";

    private readonly IndexBlobStore store;
    private readonly string sha;
    private readonly long length;

    public IndexBlobContent(IndexBlobStore store, string sha, long length)
    {
        this.store = store;
        this.sha = sha;
        this.length = length;
    }

    public override ReadOnlyMemory<byte> Read() => store.Read(sha, length);

    /// <summary>Each read looks the blob up and inflates it (three times over, through LibGit2Sharp's lazy properties), one
    /// reader at a time.</summary>
    public override bool CostlyToReadAgain => true;
}

/// <summary>One repository handle for the blob reads of a scan (opening a repository for every file would cost more than
/// the read); libgit2 handles are not shared between threads, so reads take turns.</summary>
internal sealed class IndexBlobStore
{
    private readonly string gitDir;
    private readonly object gate = new();
    private Repository? repository;

    public IndexBlobStore(string gitDir)
    {
        this.gitDir = gitDir;
    }

    public ReadOnlyMemory<byte> Read(string sha, long length)
    {
        try
        {
            lock (gate)
            {
                repository ??= new Repository(gitDir);
                if (repository.Lookup<Blob>(new ObjectId(sha)) is not { } blob) return ReadOnlyMemory<byte>.Empty;
                return BlobReader.Head(blob, length);
            }
        }
        catch (Exception e) when (e is LibGit2SharpException or IOException)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
    }
}
