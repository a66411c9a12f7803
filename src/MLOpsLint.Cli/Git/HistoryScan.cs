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

    public static Result Run(string scanPath, string? since, LintConfig config, Linter linter, Action<string>? progress)
    {
        config = ForHistory(config);
        using var repo = GitRepository.Open(scanPath, "--history", allowBare: true);
        string root = GitRepository.Root(repo);
        string gitDir = repo.Info.Path;
        var clock = Stopwatch.StartNew();
        bool useCli = GitCli.IsAvailable;
        var checker = new HistoryChecker(linter, config, HeadAttributes(repo, config.MaxTextFileSize));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long bytes = 0;
        int missing = 0;
        int commits;
        TimeSpan walkTime;

        void Add(HistoryBlob b, SourceDocument doc)
        {
            sizes[b.Sha] = doc.Size;
            bytes += doc.Size;
            checker.Add(b, doc);
            if (progress != null && sizes.Count % 1000 == 0) progress($"checking history: {sizes.Count} blobs…");
        }

        if (useCli)
        {
            string? sinceSha = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (since != null)
            {
                var from = HistoryWalker.ResolveSince(repo, since);
                sinceSha = from.Sha;
                seen.UnionWith(HistoryWalker.BlobsOf(from.Tree));
            }
            using var cat = new CatFileBatch(gitDir);
            using var queue = new BlockingCollection<HistoryBlob>();
            int walked = 0;
            var walkDone = TimeSpan.Zero;
            var walker = Task.Factory.StartNew(() =>
            {
                try
                {
                    walked = GitCli.Walk(gitDir, sinceSha, seen, config.Exclude.IsMatch, b =>
                    {
                        queue.Add(b);
                        cat.Request(b.Sha);
                    });
                }
                finally
                {
                    cat.EndRequests();
                    queue.CompleteAdding();
                    walkDone = clock.Elapsed;
                }
            }, TaskCreationOptions.LongRunning);
            foreach (var b in queue.GetConsumingEnumerable())
            {
                if (cat.Read(config.MaxTextFileSize, Discovery.DocumentLoader.HeadBytes) is not var (size, content, complete))
                {
                    missing++;
                    continue;
                }
                Add(b, new SourceDocument(b.Path, content, size, complete, b.IntroducedBy.Sha));
            }
            walker.GetAwaiter().GetResult();
            commits = walked;
            walkTime = walkDone;
        }
        else
        {
            var walk = HistoryWalker.Run(repo, since, config.Exclude.IsMatch, progress);
            walkTime = clock.Elapsed;
            commits = walk.Commits;
            foreach (var b in walk.Blobs)
            {
                if (repo.Lookup<Blob>(b.Sha) is Blob blob) Add(b, BlobReader.Read(blob, b.Path, b.IntroducedBy.Sha, config.MaxTextFileSize));
                else missing++;
            }
        }
        var readTime = clock.Elapsed;

        var (found, suppressed, checkDiagnostics) = checker.Finish();
        var located = new List<(Finding Finding, SourceDocument Document)>(found.Count);
        foreach (var (f, blob, doc) in found)
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
        // every history finding carries its content (FingerprintContent), so the document is not needed to fingerprint it
        var fingerprinted = Core.Baseline.Fingerprints.Assign(located.Select(x => x.Finding).ToArray(), _ => null);
        var documentOf = new Dictionary<Finding, SourceDocument>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < fingerprinted.Count; i++) documentOf[fingerprinted[i]] = located[i].Document;

        var diagnostics = checkDiagnostics.Distinct().ToList();
        if (missing > 0)
        {
            diagnostics.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                $"{missing} blob(s) reachable from history are not in the object store (a partial clone, or a damaged repository) and were not checked; "
                + "`git fsck` tells which"));
        }
        string timing = FormattableString.Invariant(
            $"history timing ({(useCli ? "git" : "libgit2")}): walk {walkTime.TotalSeconds:0.000} s ({commits} commits), walk+read {readTime.TotalSeconds:0.000} s ({sizes.Count} blobs, {bytes / 1e6:0.0} MB), all {clock.Elapsed.TotalSeconds:0.000} s; checks {checker.CheckTime.TotalSeconds:0.000} s of CPU");
        var result = new LintResult(fingerprinted, diagnostics, sizes.Count, suppressed, 0) { BytesScanned = bytes };
        var summary = new HistorySummary(commits, sizes.Count, flagged.Count, removable, since) { Timing = timing };
        return new Result(result, summary, root, documents, f => documentOf.TryGetValue(f, out var d) ? d : null);
    }

    /// <summary>HEAD's .gitattributes files: which paths LFS should hold. They have no origin, so the blob-judging
    /// rules do not judge them, and their own findings are dropped.</summary>
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
