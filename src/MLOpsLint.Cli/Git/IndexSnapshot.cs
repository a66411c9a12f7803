using LibGit2Sharp;
using MLOpsLint.Core.Checks.CommittedData;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// What is about to be committed (<c>scan --staged</c>, the pre-commit use): documents hold the staged blob
/// content (a partially staged file is judged by its staged version), and only staged paths are reported.
/// The rest of the index is read too, where small, so rules that look across files (a lock file beside a
/// manifest, a seeding helper in another module, .gitattributes) see the repository as it will be committed.
/// </summary>
internal static class IndexSnapshot
{
    /// <summary>Unchanged files larger than this are left out of the context (they cannot change a verdict on a staged file),
    /// unless they are named on the command line: pre-commit names every file under <c>--all-files</c>, and a named file is judged.</summary>
    private const long ContextMaxSize = 256 * 1024;

    public sealed record Result(IReadOnlyList<SourceDocument> Documents, IReadOnlySet<string> StagedPaths, string Root, IReadOnlyList<ScanDiagnostic> Diagnostics)
    {
        /// <summary>The facts cache the unchanged files were read through (<see cref="FactCache.BlobFactCache"/>), to be saved
        /// once the checks ran; null without a cache.</summary>
        public FactCache.BlobFactCache? Cache { get; init; }
    }

    /// <param name="named">the paths named on the command line, relative to the repository root (null: none named)</param>
    /// <param name="cacheKey">the key of the facts cache to read the unchanged files through (<see cref="FactCache.BlobFactCache.KeyFor"/>);
    /// null: no cache, every blob of the index is read</param>
    public static Result Read(string scanPath, GlobSet exclude, long maxTextFileSize, Func<string, IReadOnlyList<string>?>? named = null, string? cacheKey = null)
    {
        try
        {
            return ReadIndex(scanPath, exclude, maxTextFileSize, named, cacheKey);
        }
        catch (LibGit2SharpException e)
        {
            // a truncated index, a HEAD holding garbage, a ref to a missing commit: nothing staged can be judged
            throw new Discovery.UsageException($"--staged cannot read the git repository at {scanPath}: {e.Message}");
        }
    }

    private static Result ReadIndex(string scanPath, GlobSet exclude, long maxTextFileSize, Func<string, IReadOnlyList<string>?>? named, string? cacheKey)
    {
        using var repo = GitRepository.Open(scanPath, "--staged", allowBare: false);
        string root = GitRepository.Root(repo);
        // the cache file is read (~10 MB in a 10,000-file repository) while libgit2 compares the index with HEAD
        string gitDir = repo.Info.Path;
        var opening = cacheKey == null ? null : Task.Run(() => FactCache.BlobFactCache.Open(FactCache.BlobFactCache.DirectoryFor(gitDir), cacheKey));
        var staged = StagedPaths(repo);
        var namedPaths = named?.Invoke(root);
        var cache = opening?.GetAwaiter().GetResult();
        IndexBlobStore? store = null;

        var docs = new List<SourceDocument>();
        var unreadable = new List<string>();
        foreach (var entry in repo.Index)
        {
            if (entry.Mode is Mode.GitLink or Mode.SymbolicLink) continue;
            string path = Discovery.FileDiscovery.Slashes(entry.Path);
            if (exclude.IsMatch(path)) continue;
            bool isStaged = staged.Contains(path);
            try
            {
                if (cache != null && !isStaged)
                {
                    // an unchanged file: its facts from the cache, its bytes only if a check asks for what the cache lacks
                    if (!repo.ObjectDatabase.Contains(entry.Id))
                    {
                        unreadable.Add(path);
                        continue;
                    }
                    var facts = cache.Use(entry.Id.RawId, path, () => repo.ObjectDatabase.RetrieveObjectMetadata(entry.Id).Size);
                    if (facts.Size > ContextMaxSize && !(namedPaths != null && Commands.ScanTargets.Includes(namedPaths, path))) continue;
                    store ??= new IndexBlobStore(repo.Info.Path);
                    bool whole = facts.Size <= maxTextFileSize;
                    var content = new FactCache.CachedBlobContent(
                        new IndexBlobContent(store, entry.Id.Sha, whole ? facts.Size : Math.Min(facts.Size, Discovery.DocumentLoader.HeadBytes)), facts, cache, whole);
                    docs.Add(new SourceDocument(path, content, facts.Size, whole, "index", facts, facts.IsBinary));
                    continue;
                }
                var blob = repo.Lookup<Blob>(entry.Id);
                if (blob == null)
                {
                    unreadable.Add(path);
                    continue;
                }
                if (!isStaged && blob.Size > ContextMaxSize && !(namedPaths != null && Commands.ScanTargets.Includes(namedPaths, path))) continue;
                docs.Add(BlobReader.Read(blob, path, "index", maxTextFileSize));
            }
            catch (LibGit2SharpException)
            {
                unreadable.Add(path); // a corrupt object
            }
        }
        // a blob the index names but the object store lacks (a deleted pack, a damaged clone) was not judged: say which,
        // as an error (exit code 2), never a silent pass; reported without a path, so the staged-only filter keeps it
        var diagnostics = unreadable.Count == 0 ? Array.Empty<ScanDiagnostic>() : new[]
        {
            new ScanDiagnostic(ScanDiagnosticLevel.Error,
                $"{unreadable.Count} file(s) of the index cannot be read from the object store (a damaged repository or a partial clone) and were not checked: "
                + string.Join(", ", unreadable.Take(10)) + (unreadable.Count > 10 ? $" and {unreadable.Count - 10} more" : "") + "; `git fsck` tells what is missing"),
        };
        return new Result(docs, staged, root, diagnostics) { Cache = cache };
    }

    /// <summary>The paths the index adds, changes, renames to or changes the type of against HEAD (all of them before the first
    /// commit): the HEAD-to-index half of <c>git status</c>, without its index-to-work-tree half, which stats (and may hash)
    /// every file of the work tree for nothing a staged scan reads. A rename's new path is added with or without rename
    /// detection, so none is asked for.</summary>
    private static HashSet<string> StagedPaths(Repository repo)
    {
        var staged = new HashSet<string>(StringComparer.Ordinal);
        // HEAD naming a commit the object store lacks is a damaged repository, not a first commit
        var head = repo.Info.IsHeadUnborn ? null
            : repo.Head.Tip?.Tree ?? throw new LibGit2SharpException($"HEAD names {repo.Head.CanonicalName} at a commit the object store lacks");
        using var changes = repo.Diff.Compare<TreeChanges>(head, DiffTargets.Index);
        foreach (var c in changes)
        {
            // submodules are not descended (as git status --ignore-submodules)
            if (c.Mode == Mode.GitLink || c.OldMode == Mode.GitLink) continue;
            if (c.Status is ChangeKind.Added or ChangeKind.Modified or ChangeKind.Renamed or ChangeKind.Copied or ChangeKind.TypeChanged)
            {
                staged.Add(Discovery.FileDiscovery.Slashes(c.Path));
            }
        }
        return staged;
    }

    /// <summary>
    /// For a working-tree scan: tracked files that .gitattributes sends through Git LFS are judged by what git
    /// stores for them (the index blob: an LFS pointer, or — when LFS was not installed at commit time — the
    /// real content), not by the smudged file in the work tree.
    /// </summary>
    public static IReadOnlyList<SourceDocument> WithLfsBlobs(string root, IReadOnlyList<SourceDocument> documents, long maxTextFileSize)
    {
        if (!documents.Any(d => d.Kind == DocumentKind.GitAttributes && d.HasText && d.Text.Contains("filter=lfs"))) return documents;
        var lfs = new LfsPatterns(new RepositorySnapshot(documents));
        if (lfs.IsEmpty) return documents;
        try
        {
            return WithLfsBlobs(root, documents, lfs, maxTextFileSize);
        }
        catch (LibGit2SharpException)
        {
            return documents; // the index cannot be read: discovery said so already, and the work-tree files were read
        }
    }

    private static IReadOnlyList<SourceDocument> WithLfsBlobs(string root, IReadOnlyList<SourceDocument> documents, LfsPatterns lfs, long maxTextFileSize)
    {
        using var repo = new Repository(root);
        var result = new List<SourceDocument>(documents.Count);
        foreach (var d in documents)
        {
            if (d.Kind != DocumentKind.GitAttributes && lfs.IsLfsTracked(d.Path, out _) && repo.Index[d.Path] is IndexEntry entry
                && entry.Mode is not (Mode.GitLink or Mode.SymbolicLink) && repo.Lookup<Blob>(entry.Id) is Blob blob)
            {
                result.Add(BlobReader.Read(blob, d.Path, "index", maxTextFileSize));
            }
            else
            {
                result.Add(d);
            }
        }
        return result;
    }
}
