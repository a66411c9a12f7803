using LibGit2Sharp;
using MLOpsLint.Core.Checks;
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
/// <c>scan --history</c>: every blob reachable from history is checked once, in batches (so memory stays
/// bounded), with the .gitattributes of HEAD as context. Each offending blob is reported once, on a path it
/// had, with the commit that added it; the summary adds up what a history rewrite would remove.
/// </summary>
internal static class HistoryScan
{
    private const int BatchSize = 2048;

    public sealed record Result(LintResult Lint, HistorySummary Summary, string Root, IReadOnlyDictionary<string, SourceDocument> Documents);

    public static Result Run(string scanPath, string? since, LintConfig config, Linter linter, Action<string>? progress)
    {
        using var repo = GitRepository.Open(scanPath, "--history", allowBare: true);
        string root = GitRepository.Root(repo);
        string gitDir = repo.Info.Path;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        bool useCli = GitCli.IsAvailable;

        HistoryWalk walk;
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
            walk = GitCli.Walk(gitDir, sinceSha, seen, config.Exclude.IsMatch, progress);
        }
        else
        {
            walk = HistoryWalker.Run(repo, since, config.Exclude.IsMatch, progress);
        }
        var walkTime = clock.Elapsed;

        // context for cross-file rules: HEAD's .gitattributes (which paths LFS should hold); no origin, so
        // blob-judging rules do not judge them, and their own findings are dropped
        var context = new List<SourceDocument>();
        if (repo.Head?.Tip is Commit tip)
        {
            foreach (var (path, blob) in EnumerateFiles(tip.Tree, ""))
            {
                if (path.EndsWith(".gitattributes", StringComparison.Ordinal) && blob.Size < 1_000_000)
                {
                    context.Add(BlobReader.Read(blob, path, null, config.MaxTextFileSize));
                }
            }
        }

        var bySha = walk.Blobs.ToDictionary(b => b.Sha, StringComparer.Ordinal);
        var findings = new List<Finding>();
        var diagnostics = new List<ScanDiagnostic>();
        var documents = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        int suppressed = 0;
        long bytes = 0;
        TimeSpan checkTime = TimeSpan.Zero;
        var batch = new List<(HistoryBlob Blob, SourceDocument Doc)>(BatchSize);
        int done = 0;

        void Flush()
        {
            if (batch.Count == 0) return;
            var t0 = clock.Elapsed;
            progress?.Invoke($"checking history blobs {done}/{walk.Blobs.Count}…");
            var docs = batch.Select(x => x.Doc).ToArray();
            var paths = new HashSet<string>(docs.Select(d => d.Path), StringComparer.Ordinal);
            var snapshot = new RepositorySnapshot(docs.Concat(context.Where(c => !paths.Contains(c.Path))).ToArray());
            var lint = linter.Run(snapshot, config);
            suppressed += lint.Suppressed;
            diagnostics.AddRange(lint.Diagnostics);
            var byPath = batch.GroupBy(x => x.Doc.Path).ToDictionary(g => g.Key, g => g.First());
            foreach (var f in lint.Findings)
            {
                if (!byPath.TryGetValue(f.Path, out var x)) continue;
                var c = x.Blob.IntroducedBy;
                string when = c.When.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                findings.Add(f with
                {
                    LocationHint = $"in history: blob {x.Blob.Sha.Substring(0, 8)}, added in commit {c.Sha.Substring(0, 8)} ({when}) \"{Trim(c.Subject)}\"",
                    FingerprintContent = "blob " + x.Blob.Sha + " " + (f.FingerprintContent ?? f.Message),
                });
                documents[f.Path] = x.Doc;
            }
            done += batch.Count;
            batch.Clear();
            checkTime += clock.Elapsed - t0;
        }

        void Add(HistoryBlob b, SourceDocument doc)
        {
            sizes[b.Sha] = doc.Size;
            bytes += doc.Size;
            batch.Add((b, doc));
            if (batch.Count >= BatchSize) Flush();
        }

        if (useCli)
        {
            foreach (var (sha, size, content, complete) in GitCli.ReadBlobs(gitDir, walk.Blobs.Select(b => b.Sha).ToArray(), config.MaxTextFileSize, Discovery.DocumentLoader.HeadBytes))
            {
                var b = bySha[sha];
                Add(b, new SourceDocument(b.Path, content, size, complete, b.IntroducedBy.Sha));
            }
        }
        else
        {
            foreach (var b in walk.Blobs)
            {
                if (repo.Lookup<Blob>(b.Sha) is Blob blob) Add(b, BlobReader.Read(blob, b.Path, b.IntroducedBy.Sha, config.MaxTextFileSize));
            }
        }
        Flush();

        var flagged = findings.Where(f => f.Rule.Family == RuleFamily.CommittedData)
            .Select(f => f.FingerprintContent!.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        long removable = flagged.Sum(sha => sizes.TryGetValue(sha, out var s) ? s : 0);
        findings.Sort(Linter.Compare);
        var fingerprinted = Core.Baseline.Fingerprints.Assign(findings, p => documents.TryGetValue(p, out var d) ? d : null);
        string timing = FormattableString.Invariant(
            $"history timing ({(useCli ? "git" : "libgit2")}): walk {walkTime.TotalSeconds:0.000} s ({walk.Commits} commits), read+check {(clock.Elapsed - walkTime).TotalSeconds:0.000} s ({walk.Blobs.Count} blobs, {bytes / 1e6:0.0} MB; checks {checkTime.TotalSeconds:0.000} s)");
        var result = new LintResult(fingerprinted, diagnostics.Distinct().ToArray(), walk.Blobs.Count, suppressed, 0) { BytesScanned = bytes };
        return new Result(result, new HistorySummary(walk.Commits, walk.Blobs.Count, flagged.Count, removable, since) { Timing = timing }, root, documents);
    }

    private static string Trim(string s) => s.Length <= 60 ? s : s.Substring(0, 57) + "...";

    private static IEnumerable<(string Path, Blob Blob)> EnumerateFiles(Tree tree, string prefix)
    {
        foreach (var e in tree)
        {
            string path = prefix.Length == 0 ? e.Name : prefix + "/" + e.Name;
            if (e.TargetType == TreeEntryTargetType.Tree)
            {
                foreach (var x in EnumerateFiles((Tree)e.Target, path)) yield return x;
            }
            else if (e.TargetType == TreeEntryTargetType.Blob && e.Mode != Mode.SymbolicLink && e.Name == ".gitattributes")
            {
                yield return (path, (Blob)e.Target);
            }
        }
    }
}
