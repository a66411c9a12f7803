using System.Collections.Concurrent;
using MLOpsLint.Core.Baseline;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Scope;
using MLOpsLint.Core.Suppression;

namespace MLOpsLint.Core.Engine;

/// <summary>
/// Runs checks over a snapshot: documents → scope (what each file is, <see cref="ScopeModel"/>) → checks (in parallel)
/// → the scopes each rule judges → configuration (severity, per-path ignores) → <c># noqa</c> → fingerprints → baseline. Deterministic: the result does not depend on
/// thread scheduling. A check that throws is reported as a scan error and the scan goes on.
/// </summary>
public sealed class Linter
{
    private readonly IReadOnlyList<IDocumentCheck> documentChecks;
    private readonly IReadOnlyList<IRepositoryCheck> repositoryChecks;

    public Linter(IEnumerable<ICheck>? extraChecks = null)
    {
        var checks = CheckRegistry.All.Concat(extraChecks ?? Array.Empty<ICheck>()).ToArray();
        documentChecks = checks.OfType<IDocumentCheck>().ToArray();
        repositoryChecks = checks.OfType<IRepositoryCheck>().ToArray();
    }

    /// <param name="scopes">The scope model to use (a history scan passes the one of the commit it starts from); by
    /// default it is built from <paramref name="snapshot"/>.</param>
    /// <param name="reported">When only some documents' findings will be reported (<c>scan --staged</c>, file names from
    /// pre-commit): the others are context, and checks that judge one document alone skip them; checks that also look
    /// across documents still read every one.</param>
    public LintResult Run(RepositorySnapshot snapshot, LintConfig config, BaselineFile? baseline = null, int maxParallelism = -1, ScopeModel? scopes = null,
        Func<string, bool>? reported = null)
    {
        var docChecks = documentChecks.Where(c => c.Rules.Any(config.IsSelected)).ToArray();
        var repoChecks = repositoryChecks.Where(c => c.Rules.Any(config.IsSelected)).ToArray();
        var documents = snapshot.Documents;
        scopes ??= ScopeModel.For(documents, config.Scopes);
        // what each document check's selected rules judge, together: a check runs on a file only where one of them does
        var judged = new Dictionary<Rules.RuleDescriptor, FileScope>();
        foreach (var c in documentChecks.Concat<ICheck>(repositoryChecks))
        {
            foreach (var r in c.Rules) judged[r] = config.ScopesOf(r);
        }
        var checkScopes = docChecks.Select(c => c.Rules.Where(config.IsSelected).Aggregate(FileScope.None, (s, r) => s | judged[r])).ToArray();

        var times = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var perDocument = new List<Finding>[documents.Count];
        var diagnostics = new ConcurrentBag<(int Order, ScanDiagnostic Diagnostic)>();
        void Each(int count, Action<int> body)
        {
            // a caller that parallelises itself (the history scan checks batches side by side): no loop machinery
            if (maxParallelism == 1)
            {
                for (int i = 0; i < count; i++) body(i);
                return;
            }
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, body);
        }
        void Timed(object check, long t0) =>
            times.AddOrUpdate(check.GetType().Name, System.Diagnostics.Stopwatch.GetTimestamp() - t0, (_, v) => v + System.Diagnostics.Stopwatch.GetTimestamp() - t0);

        void CheckDocument(int i)
        {
            var doc = documents[i];
            var context = new CheckContext(config) { Scopes = scopes };
            FileScope scope;
            try
            {
                scope = scopes.Of(doc).Scope;
            }
            catch (Exception e)
            {
                context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Error, InternalError(scopes, e), doc.Path));
                scope = FileScope.Other;
            }
            bool isReported = reported == null || reported(doc.Path);
            for (int c = 0; c < docChecks.Length; c++)
            {
                var check = docChecks[c];
                if (!isReported && check is not IRepositoryCheck) continue;
                try
                {
                    if ((checkScopes[c] & scope) != 0 && check.AppliesTo(doc))
                    {
                        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                        check.Check(doc, context);
                        Timed(check, t0);
                    }
                }
                catch (Exception e)
                {
                    context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Error, InternalError(check, e), doc.Path));
                }
            }
            // the document's parsed module is garbage from here on: repository checks read compact summaries
            doc.ReleaseTransient();
            perDocument[i] = context.Findings.ToList();
            foreach (var d in context.Diagnostics) diagnostics.Add((i, d));
        }
        Each(documents.Count, CheckDocument);

        var all = new List<Finding>(perDocument.Sum(l => l.Count));
        foreach (var l in perDocument) all.AddRange(l);
        var repoContexts = new CheckContext[repoChecks.Length];
        void CheckRepository(int c)
        {
            var check = repoChecks[c];
            var context = repoContexts[c] = new CheckContext(config) { Scopes = scopes };
            try
            {
                long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                check.Check(snapshot, context);
                Timed(check, t0);
            }
            catch (Exception e)
            {
                context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Error, InternalError(check, e)));
            }
        }
        // side by side: a short scan is mostly these checks' first (unoptimised) calls, which overlap on other cores
        Each(repoChecks.Length, CheckRepository);
        foreach (var context in repoContexts)
        {
            all.AddRange(context.Findings);
            foreach (var d in context.Diagnostics) diagnostics.Add((int.MaxValue, d));
        }

        int suppressed = 0, outOfScope = 0;
        var kept = new List<Finding>(all.Count);
        foreach (var f in all)
        {
            // the rule does not judge this kind of file (a hub load in a test, a tag pin in a first-party action…)
            if (!judged.TryGetValue(f.Rule, out var ruleScopes)) ruleScopes = config.ScopesOf(f.Rule);
            if ((ruleScopes & (snapshot.Find(f.Path) is { } fd ? scopes.Of(fd) : scopes.OfPath(f.Path)).Scope) == 0)
            {
                outOfScope++;
                continue;
            }
            var severity = config.EffectiveSeverity(f.Rule, f.Path);
            if (severity == Rules.Severity.None) continue;
            if (IsSuppressed(f, snapshot.Find(f.Path), config))
            {
                suppressed++;
                continue;
            }
            kept.Add(f with { Severity = severity });
        }

        kept.Sort(Compare);
        var fingerprinted = Fingerprints.Assign(kept, snapshot.Find);
        int baselined = 0;
        IReadOnlyList<Finding> final = fingerprinted;
        if (baseline != null)
        {
            final = fingerprinted.Where(f => !baseline.Contains(f)).ToArray();
            baselined = fingerprinted.Count - final.Count;
        }

        var diags = diagnostics
            .OrderBy(d => d.Diagnostic.Path ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Diagnostic.Line ?? 0)
            .ThenBy(d => d.Diagnostic.Message, StringComparer.Ordinal)
            .Select(d => d.Diagnostic)
            .Distinct()
            .ToArray();
        return new LintResult(final, diags, documents.Count, suppressed, baselined)
        {
            BytesScanned = documents.Sum(d => d.Size),
            Scopes = scopes,
            OutOfScope = outOfScope,
            CheckTimes = times.ToDictionary(kv => kv.Key, kv => TimeSpan.FromSeconds(kv.Value / (double)System.Diagnostics.Stopwatch.Frequency)),
        };
    }

    private static string InternalError(object check, Exception e) =>
        $"internal error in {check.GetType().Name}: {e.GetType().Name}: {e.Message} (please report this; the rest of the scan went on)";

    public static int Compare(Finding a, Finding b)
    {
        int c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0) return c;
        c = a.Span.StartLine.CompareTo(b.Span.StartLine);
        if (c != 0) return c;
        c = a.Span.StartColumn.CompareTo(b.Span.StartColumn);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        if (c != 0) return c;
        return string.CompareOrdinal(a.Message, b.Message);
    }

    private static bool IsSuppressed(Finding f, SourceDocument? doc, LintConfig config)
    {
        if (f.SuppressionText != null)
        {
            return Noqa.Suppresses(f.SuppressionText, f.RuleId, config.HonorBareNoqa);
        }
        if (doc == null || !doc.HasText || !DocumentClassifier.HasHashComments(doc.Kind)) return false;
        var lines = doc.Lines;
        if (f.Span.StartLine < 1 || f.Span.StartLine > lines.LineCount) return false;
        if (Noqa.Suppresses(lines.GetLine(f.Span.StartLine), f.RuleId, config.HonorBareNoqa)) return true;
        return f.Span.EndLine != f.Span.StartLine && f.Span.EndLine <= lines.LineCount
            && Noqa.Suppresses(lines.GetLine(f.Span.EndLine), f.RuleId, config.HonorBareNoqa);
    }
}
