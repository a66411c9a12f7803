using LibGit2Sharp;

namespace MLOpsLint.Cli.Git;

/// <summary>The commit that added a blob.</summary>
internal sealed record CommitInfo(string Sha, DateTimeOffset When, string Subject);

/// <summary>A blob reachable from history, with a path it had and the first commit that added it.</summary>
internal sealed record HistoryBlob(string Sha, string Path, CommitInfo IntroducedBy);

/// <summary>The blobs of a history walk, each once.</summary>
internal sealed record HistoryWalk(IReadOnlyList<HistoryBlob> Blobs, int Commits);

/// <summary>
/// Enumerates every blob reachable from all refs exactly once (with <c>--since REV</c>: the blobs that commits
/// after REV introduced, i.e. not already in REV's tree). Commits are visited oldest first and each is compared
/// with its first parent, so the first commit a blob is seen in is the one that added it, and a long history
/// costs what it changed, not commits × files. This is the LibGit2Sharp walk, used when no git executable is
/// available; <see cref="GitCli"/> does the same walk through git itself, which is several times faster.
/// </summary>
internal static class HistoryWalker
{
    public static HistoryWalk Run(Repository repo, string? since, Func<string, bool> excluded, Action<string>? progress = null)
    {
        var tips = new List<Commit>();
        foreach (var r in repo.Refs)
        {
            var target = r.ResolveToDirectReference()?.Target;
            if (target is Commit c) tips.Add(c);
            else if (target is TagAnnotation t && t.Target is Commit tc) tips.Add(tc);
        }
        if (repo.Head?.Tip is Commit head) tips.Add(head);
        if (tips.Count == 0) return new HistoryWalk(Array.Empty<HistoryBlob>(), 0);

        var filter = new CommitFilter
        {
            IncludeReachableFrom = tips.Distinct().ToArray(),
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        };
        var seenBlobs = new HashSet<string>(StringComparer.Ordinal);
        var blobs = new List<HistoryBlob>();
        if (since != null)
        {
            var from = ResolveSince(repo, since);
            filter.ExcludeReachableFrom = from;
            MarkSeen(from.Tree, new HashSet<ObjectId>());
        }

        var options = new CompareOptions { Similarity = SimilarityOptions.None, IncludeUnmodified = false, ContextLines = 0 };
        int commits = 0;
        foreach (var commit in repo.Commits.QueryBy(filter))
        {
            commits++;
            if (progress != null && commits % 500 == 0) progress($"walking history: {commits} commits, {blobs.Count} blobs…");
            CommitInfo? info = null;
            var parent = commit.Parents.FirstOrDefault();
            using var changes = repo.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree, options);
            foreach (var change in changes)
            {
                if (change.Status is ChangeKind.Deleted or ChangeKind.Unmodified or ChangeKind.Ignored or ChangeKind.Untracked) continue;
                if (change.Mode is not (Mode.NonExecutableFile or Mode.ExecutableFile or Mode.NonExecutableGroupWritableFile)) continue;
                string path = change.Path.Replace('\\', '/');
                if (!excluded(path) && seenBlobs.Add(change.Oid.Sha))
                {
                    info ??= new CommitInfo(commit.Sha, commit.Author.When, commit.MessageShort);
                    blobs.Add(new HistoryBlob(change.Oid.Sha, path, info));
                }
            }
        }
        return new HistoryWalk(blobs, commits);

        void MarkSeen(Tree tree, HashSet<ObjectId> trees)
        {
            if (!trees.Add(tree.Id)) return;
            foreach (var entry in tree)
            {
                if (entry.TargetType == TreeEntryTargetType.Tree) MarkSeen((Tree)entry.Target, trees);
                else if (entry.TargetType == TreeEntryTargetType.Blob) seenBlobs.Add(entry.Target.Id.Sha);
            }
        }
    }

    public static Commit ResolveSince(Repository repo, string since) =>
        repo.Lookup<Commit>(since)
        ?? throw new Discovery.UsageException($"--since {since}: no such commit, branch or tag in this repository");
}
