using LibGit2Sharp;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Git;

/// <summary>What a history scan found beyond the findings themselves.</summary>
internal sealed record HistorySummary(int Commits, int Blobs, int FlaggedBlobs, long RemovableBytes, string? Since);

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
        var walk = HistoryWalker.Run(repo, since, config.Exclude.IsMatch, progress);

        // context for cross-file rules: HEAD's .gitattributes (which paths LFS should hold)
        var context = new List<SourceDocument>();
        if (repo.Head?.Tip is Commit tip)
        {
            foreach (var entry in EnumerateFiles(tip.Tree, ""))
            {
                if (entry.Path.EndsWith(".gitattributes", StringComparison.Ordinal) && entry.Blob.Size < 1_000_000)
                {
                    context.Add(BlobReader.Read(entry.Blob, entry.Path, null, config.MaxTextFileSize));
                }
            }
        }

        var findings = new List<Finding>();
        var diagnostics = new List<ScanDiagnostic>();
        var documents = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        int suppressed = 0;
        long bytes = 0;
        for (int start = 0; start < walk.Blobs.Count; start += BatchSize)
        {
            progress?.Invoke($"checking history blobs {start}/{walk.Blobs.Count}…");
            var batch = walk.Blobs.Skip(start).Take(BatchSize).ToArray();
            var docs = new List<SourceDocument>(batch.Length + context.Count);
            var byDoc = new Dictionary<SourceDocument, HistoryBlob>();
            foreach (var b in batch)
            {
                var blob = repo.Lookup<Blob>(b.Id);
                if (blob == null) continue;
                var doc = BlobReader.Read(blob, b.Path, b.IntroducedBy.Sha, config.MaxTextFileSize);
                byDoc[doc] = b;
                docs.Add(doc);
                bytes += doc.Size;
            }
            // the context documents carry no origin, so blob-judging rules skip them; their own findings are dropped
            var snapshot = new RepositorySnapshot(docs.Concat(context.Where(c => !docs.Any(d => d.Path == c.Path))).ToArray());
            var lint = linter.Run(snapshot, config);
            suppressed += lint.Suppressed;
            diagnostics.AddRange(lint.Diagnostics);
            var docByPath = docs.GroupBy(d => d.Path).ToDictionary(g => g.Key, g => g.First());
            foreach (var f in lint.Findings)
            {
                if (!docByPath.TryGetValue(f.Path, out var doc)) continue;
                var hb = byDoc[doc];
                var c = hb.IntroducedBy;
                string when = c.Author.When.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                findings.Add(f with
                {
                    LocationHint = $"in history: blob {hb.Id.ToString(8)}, added in commit {c.Sha.Substring(0, 8)} ({when}) \"{Trim(c.MessageShort)}\"",
                    FingerprintContent = "blob " + hb.Id.Sha + " " + (f.FingerprintContent ?? f.Message),
                });
                documents[f.Path] = doc;
            }
        }

        var flagged = findings.Where(f => f.Rule.Family == RuleFamily.CommittedData).Select(f => f.FingerprintContent!.Split(' ')[1]).Distinct().ToHashSet();
        long removable = walk.Blobs.Where(b => flagged.Contains(b.Id.Sha)).Sum(b => repo.ObjectDatabase.RetrieveObjectMetadata(b.Id).Size);
        findings.Sort(Linter.Compare);
        var fingerprinted = Core.Baseline.Fingerprints.Assign(findings, p => documents.TryGetValue(p, out var d) ? d : null);
        var result = new LintResult(fingerprinted, diagnostics.Distinct().ToArray(), walk.Blobs.Count, suppressed, 0) { BytesScanned = bytes };
        return new Result(result, new HistorySummary(walk.Commits, walk.Blobs.Count, flagged.Count, removable, since), root, documents);
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
            else if (e.TargetType == TreeEntryTargetType.Blob && e.Mode != Mode.SymbolicLink)
            {
                yield return (path, (Blob)e.Target);
            }
        }
    }
}
