using LibGit2Sharp;

namespace MLOpsLint.Cli.Git;

/// <summary>A blob reachable from history, with a path it had and the first commit that added it.</summary>
internal sealed record HistoryBlob(ObjectId Id, string Path, Commit IntroducedBy);

/// <summary>
/// Enumerates every blob reachable from all refs exactly once (with <c>--since REV</c>: the blobs that commits
/// after REV introduced, i.e. not already in REV's tree).
/// Commits are visited oldest first, so the first commit a blob is seen in is the one that added it; trees
/// are memoised by id, so a long history with mostly unchanged folders is not re-walked per commit.
/// </summary>
internal static class HistoryWalker
{
    public sealed record Walk(IReadOnlyList<HistoryBlob> Blobs, int Commits, int TreesVisited);

    public static Walk Run(Repository repo, string? since, Func<string, bool> excluded, Action<string>? progress = null)
    {
        var tips = new List<Commit>();
        foreach (var r in repo.Refs)
        {
            if (r.ResolveToDirectReference()?.Target is Commit c) tips.Add(c);
            else if (r.ResolveToDirectReference()?.Target is TagAnnotation t && t.Target is Commit tc) tips.Add(tc);
        }
        if (repo.Head?.Tip is Commit head) tips.Add(head);
        if (tips.Count == 0) return new Walk(Array.Empty<HistoryBlob>(), 0, 0);

        var filter = new CommitFilter
        {
            IncludeReachableFrom = tips.Distinct().ToArray(),
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        };
        var seenTrees = new HashSet<ObjectId>();
        var seenBlobs = new HashSet<ObjectId>();
        var blobs = new List<HistoryBlob>();
        if (since != null)
        {
            var from = repo.Lookup<Commit>(since)
                ?? throw new Discovery.UsageException($"--since {since}: no such commit, branch or tag in this repository");
            filter.ExcludeReachableFrom = from;
            // what REV already had is not new: only blobs introduced after it are reported
            MarkSeen(from.Tree);
        }
        int commits = 0;
        foreach (var commit in repo.Commits.QueryBy(filter))
        {
            commits++;
            if (progress != null && commits % 500 == 0) progress($"walking history: {commits} commits, {blobs.Count} blobs…");
            WalkTree(commit.Tree, "", commit);
        }
        return new Walk(blobs, commits, seenTrees.Count);

        void MarkSeen(Tree tree)
        {
            if (!seenTrees.Add(tree.Id)) return;
            foreach (var entry in tree)
            {
                if (entry.TargetType == TreeEntryTargetType.Tree) MarkSeen((Tree)entry.Target);
                else if (entry.TargetType == TreeEntryTargetType.Blob) seenBlobs.Add(entry.Target.Id);
            }
        }

        void WalkTree(Tree tree, string prefix, Commit commit)
        {
            if (!seenTrees.Add(tree.Id)) return;
            foreach (var entry in tree)
            {
                string path = prefix.Length == 0 ? entry.Name : prefix + "/" + entry.Name;
                switch (entry.TargetType)
                {
                    case TreeEntryTargetType.Tree:
                        WalkTree((Tree)entry.Target, path, commit);
                        break;
                    case TreeEntryTargetType.Blob when entry.Mode != Mode.SymbolicLink:
                        if (seenBlobs.Add(entry.Target.Id) && !excluded(path)) blobs.Add(new HistoryBlob(entry.Target.Id, path, commit));
                        break;
                }
            }
        }
    }
}
