using System.Collections.Concurrent;
using System.Diagnostics;
using LibGit2Sharp;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Git;

/// <summary>What a history scan found beyond the findings themselves.</summary>
internal sealed record HistorySummary(int Commits, int Blobs, int FlaggedBlobs, long RemovableBytes, string? Since)
{
    /// <summary>Where the time went; printed on stderr with --verbose, never part of a report (reports are deterministic).</summary>
    public string Timing { get; init; } = "";
}

/// <summary>
/// <c>scan --history</c>: every blob reachable from history is checked once by the rules whose harm outlives the
/// commit that made it — committed data and models (MLO1xx) and credentials (MLO4xx) stay in every clone until
/// history is rewritten — with the .gitattributes of HEAD as context. Each offending blob is reported once, on a
/// path it had, with the commit that added it; the summary adds up what a history rewrite would remove. With the
/// git executable the walk, the blob reads and the checks run at the same time (see <see cref="CatFileBatch"/>,
/// <see cref="HistoryChecker"/>).
/// </summary>
internal static class HistoryScan
{
    /// <summary>The families a history scan runs. The others judge the current state of the code (a pin, a seed, a
    /// path, a version pair), which an old revision no longer has.</summary>
    public static readonly IReadOnlyList<RuleFamily> Families = new[] { RuleFamily.CommittedData, RuleFamily.HardcodedCredentials };

    /// <summary>Blobs per hand-off from the walking thread to the reading one.</summary>
    private const int ChunkSize = 128;

    public sealed record Result(
        LintResult Lint, HistorySummary Summary, string Root, IReadOnlyDictionary<string, SourceDocument> Documents,
        Func<Finding, SourceDocument?> DocumentOf);

    /// <summary><paramref name="config"/> narrowed to <see cref="Families"/>; a usage error when that leaves no rule.</summary>
    public static LintConfig ForHistory(LintConfig config)
    {
        var others = RuleFamilies.All.Where(f => !Families.Contains(f)).Select(f => f.Prefix()).ToArray();
        var narrowed = config.With(ignore: others);
        if (!RuleCatalog.All.Any(narrowed.IsSelected))
        {
            throw new Discovery.UsageException(
                "--history runs the committed-data (MLO1) and credential (MLO4) rules, and the selected rules leave none of them; "
                + "the other families judge the current tree: run them without --history");
        }
        return narrowed;
    }

    /// <param name="located">Where git says the repository is (<see cref="GitCliRepository.Locate"/>), or null to walk
    /// with LibGit2Sharp (no git executable, or git gave no plain answer).</param>
    public static Result Run(string scanPath, GitLocation? located, string? since, LintConfig config, Linter linter, Action<string>? progress)
    {
        config = ForHistory(config);
        var clock = Stopwatch.StartNew();
        if (located is { } at)
        {
            // the attributes are read (two more git commands) while the walk gets going
            var attributes = Task.Run(() => HeadAttributes(at.GitDir));
            var viaGit = new Collector(linter, config, attributes, progress);
            int commits = WalkWithGit(at.GitDir, since, config, viaGit, clock, out var walkTime);
            return viaGit.Finish(at.Root, since, commits, "git", walkTime, clock);
        }
        using var repo = GitRepository.Open(scanPath, "--history", allowBare: true);
        var viaLibgit2 = new Collector(linter, config, Task.FromResult(HeadAttributes(repo, config.MaxTextFileSize)), progress);
        var walk = HistoryWalker.Run(repo, since, config.Exclude.IsMatch, progress);
        var walked = clock.Elapsed;
        foreach (var b in walk.Blobs)
        {
            if (repo.Lookup<Blob>(b.Sha) is Blob blob) viaLibgit2.Add(b, BlobReader.Read(blob, b.Path, b.IntroducedBy.Sha, config.MaxTextFileSize));
            else viaLibgit2.Missing++;
        }
        return viaLibgit2.Finish(GitRepository.Root(repo), since, walk.Commits, "libgit2", walked, clock);
    }

    /// <summary>
    /// <c>git log</c> finds the blobs on one thread and hands them, a chunk at a time, to <c>git cat-file --batch</c>
    /// processes (<see cref="CatFilePool"/>); this thread takes the contents in the walk's order and passes them to the
    /// checker, which checks full batches on the pool.
    /// </summary>
    private static int WalkWithGit(string gitDir, string? since, LintConfig config, Collector collector, Stopwatch clock, out TimeSpan walkTime)
    {
        string? sinceSha = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (since != null)
        {
            sinceSha = GitCliRepository.ResolveCommit(gitDir, since)
                ?? throw new Discovery.UsageException($"--since {since}: no such commit, branch or tag in this repository");
            foreach (var e in GitCliRepository.ListFiles(gitDir, sinceSha)) seen.Add(e.Sha);
        }
        using var pool = new CatFilePool(gitDir, CatFilePool.ProcessesFor(Environment.ProcessorCount), config.MaxTextFileSize, Discovery.DocumentLoader.HeadBytes);
        int commits = 0;
        var walked = TimeSpan.Zero;
        var walker = Task.Factory.StartNew(() =>
        {
            // the walker hands blobs over in chunks: one hand-off per blob costs more than the blob's whole check
            var chunk = new List<HistoryBlob>(ChunkSize);
            try
            {
                commits = GitCli.Walk(gitDir, sinceSha, seen, config.Exclude.IsMatch, b =>
                {
                    chunk.Add(b);
                    if (chunk.Count == ChunkSize)
                    {
                        pool.Send(chunk);
                        chunk = new List<HistoryBlob>(ChunkSize);
                    }
                });
            }
            finally
            {
                try
                {
                    if (chunk.Count > 0) pool.Send(chunk);
                }
                finally
                {
                    pool.Complete();
                    walked = clock.Elapsed;
                }
            }
        }, TaskCreationOptions.LongRunning);
        foreach (var (b, content) in pool.Results())
        {
            if (content != null) collector.Add(b, new SourceDocument(b.Path, content.Bytes, content.Size, content.Complete, b.IntroducedBy.Sha));
            else collector.Missing++;
        }
        walker.GetAwaiter().GetResult();
        walkTime = walked;
        return commits;
    }

    /// <summary>Takes the blobs as they are read, checks them (<see cref="HistoryChecker"/>), and assembles the result.</summary>
    private sealed class Collector
    {
        private readonly HistoryChecker checker;
        private readonly Action<string>? progress;
        private readonly Dictionary<string, long> sizes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> arrival = new(StringComparer.Ordinal);
        private long bytes;

        public Collector(Linter linter, LintConfig config, Task<IReadOnlyList<SourceDocument>> context, Action<string>? progress)
        {
            checker = new HistoryChecker(linter, config, context);
            this.progress = progress;
        }

        /// <summary>Blobs history names that the object store does not have.</summary>
        public int Missing { get; set; }

        public void Add(HistoryBlob b, SourceDocument doc)
        {
            arrival[b.Sha] = sizes.Count;
            sizes[b.Sha] = doc.Size;
            bytes += doc.Size;
            checker.Add(b, doc);
            if (progress != null && sizes.Count % 1000 == 0) progress($"checking history: {sizes.Count} blobs…");
        }

        public Result Finish(string root, string? since, int commits, string via, TimeSpan walkTime, Stopwatch clock)
        {
            var readTime = clock.Elapsed;
            var (found, suppressed, checkDiagnostics) = checker.Finish();
            var located = new List<(Finding Finding, SourceDocument Document)>(found.Count);
            foreach (var (f, blob, doc) in FirstOccurrences(found, b => arrival[b.Sha]))
            {
                var c = blob.IntroducedBy;
                string when = c.When.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                located.Add((f with
                {
                    LocationHint = $"in history: blob {blob.Sha.Substring(0, 8)}, added in commit {c.Sha.Substring(0, 8)} ({when}) \"{Trim(c.Subject)}\"",
                    FingerprintContent = "blob " + blob.Sha + " " + (f.FingerprintContent ?? f.Message),
                }, doc));
            }
            // two versions of one path can hold the same finding: the blob (in the location hint) orders them
            located.Sort((a, b) => Linter.Compare(a.Finding, b.Finding) is var c && c != 0 ? c : string.CompareOrdinal(a.Finding.LocationHint, b.Finding.LocationHint));
            var flagged = found.Where(x => x.Finding.Rule.Family == RuleFamily.CommittedData).Select(x => x.Blob.Sha).ToHashSet(StringComparer.Ordinal);
            long removable = flagged.Sum(sha => sizes[sha]);
            var documents = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
            foreach (var (f, doc) in located) documents.TryAdd(f.Path, doc);
            // every history finding carries its content (FingerprintContent), so no document is needed to fingerprint it
            var fingerprinted = Core.Baseline.Fingerprints.Assign(located.Select(x => x.Finding).ToArray(), _ => null);
            var documentOf = new Dictionary<Finding, SourceDocument>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < fingerprinted.Count; i++) documentOf[fingerprinted[i]] = located[i].Document;

            var diagnostics = checkDiagnostics.Distinct().ToList();
            if (Missing > 0)
            {
                // an error, not a warning: what was not read was not judged, and the exit code must say so (2)
                diagnostics.Add(new ScanDiagnostic(ScanDiagnosticLevel.Error,
                    $"{Missing} blob(s) reachable from history are not in the object store (a partial clone, or a damaged repository) and were not checked; "
                    + "`git fsck` tells which"));
            }
            string timing = FormattableString.Invariant(
                $"history timing ({via}): walk {walkTime.TotalSeconds:0.000} s ({commits} commits), walk+read {readTime.TotalSeconds:0.000} s ({sizes.Count} blobs, {bytes / 1e6:0.0} MB), all {clock.Elapsed.TotalSeconds:0.000} s; checks {checker.CheckTime.TotalSeconds:0.000} s on the pool; GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalSeconds:0.000} s paused");
            var result = new LintResult(fingerprinted, diagnostics, sizes.Count, suppressed, 0) { BytesScanned = bytes, CheckTimes = checker.CheckTimes };
            var summary = new HistorySummary(commits, sizes.Count, flagged.Count, removable, since) { Timing = timing };
            return new Result(result, summary, root, documents, f => documentOf.TryGetValue(f, out var d) ? d : null);
        }
    }

    /// <summary>
    /// A secret that stays in a file while the file changes is in every later version of it; it is reported once, on
    /// the blob (and commit) that introduced it, not again for each edit. Committed data is per blob already.
    /// </summary>
    private static IEnumerable<HistoryFinding> FirstOccurrences(IReadOnlyList<HistoryFinding> found, Func<HistoryBlob, int> order)
    {
        var first = new Dictionary<string, HistoryFinding>(StringComparer.Ordinal);
        foreach (var x in found)
        {
            if (x.Finding.Rule.Family != RuleFamily.HardcodedCredentials || x.Finding.FingerprintContent == null)
            {
                yield return x;
                continue;
            }
            string key = x.Finding.RuleId + "\n" + x.Finding.Path + "\n" + x.Finding.FingerprintContent;
            if (!first.TryGetValue(key, out var kept) || order(x.Blob) < order(kept.Blob)) first[key] = x;
        }
        foreach (var x in first.Values) yield return x;
    }

    /// <summary>HEAD's .gitattributes files (which paths LFS should hold), read with git. They have no origin, so the
    /// blob-judging rules do not judge them, and their own findings are dropped.</summary>
    private static IReadOnlyList<SourceDocument> HeadAttributes(string gitDir)
    {
        var context = new List<SourceDocument>();
        foreach (var e in GitCliRepository.ListFiles(gitDir, "HEAD"))
        {
            if (e.Mode == "120000" || !(e.Path == ".gitattributes" || e.Path.EndsWith("/.gitattributes", StringComparison.Ordinal))) continue;
            if (GitCliRepository.ReadBlob(gitDir, e.Sha) is { Length: < 1_000_000 } content) context.Add(new SourceDocument(e.Path, content, content.Length));
        }
        return context;
    }

    /// <summary>HEAD's .gitattributes files, read with LibGit2Sharp.</summary>
    private static IReadOnlyList<SourceDocument> HeadAttributes(Repository repo, long maxTextFileSize)
    {
        var context = new List<SourceDocument>();
        if (repo.Head?.Tip is Commit tip)
        {
            foreach (var (path, blob) in EnumerateAttributes(tip.Tree, ""))
            {
                if (blob.Size < 1_000_000) context.Add(BlobReader.Read(blob, path, null, maxTextFileSize));
            }
        }
        return context;
    }

    private static string Trim(string s) => s.Length <= 60 ? s : s.Substring(0, 57) + "...";

    private static IEnumerable<(string Path, Blob Blob)> EnumerateAttributes(Tree tree, string prefix)
    {
        foreach (var e in tree)
        {
            string path = prefix.Length == 0 ? e.Name : prefix + "/" + e.Name;
            if (e.TargetType == TreeEntryTargetType.Tree)
            {
                foreach (var x in EnumerateAttributes((Tree)e.Target, path)) yield return x;
            }
            else if (e.TargetType == TreeEntryTargetType.Blob && e.Mode != Mode.SymbolicLink && e.Name == ".gitattributes")
            {
                yield return (path, (Blob)e.Target);
            }
        }
    }
}
