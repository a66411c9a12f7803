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
    /// pre-commit): the others are context. Document checks run on the reported documents only; repository checks see
    /// every document and <see cref="CheckContext.Reported"/>, and may leave out work whose findings could only land on
    /// the others (the findings on the reported documents stay exactly those of a full run).</param>
    public LintResult Run(RepositorySnapshot snapshot, LintConfig config, BaselineFile? baseline = null, int maxParallelism = -1, ScopeModel? scopes = null,
        Func<string, bool>? reported = null)
    {
        var docChecks = documentChecks.Where(c => c.Rules.Any(config.IsSelected)).ToArray();
        var documents = snapshot.Documents;
        if (reported != null)
        {
            // the documents that are only context go through no document pass, which is where a document is released: released
            // now, whatever the repository checks read of them (a cold staged scan: every unchanged file's bytes and text, to
            // make the facts its cache lacks) is held only while it is used, not until the scan ends
            foreach (var doc in documents)
            {
                if (!reported(doc.Path)) doc.ReleaseWhenUnused();
            }
        }
        // a file is judged under the name it is installed as (COPY x requirements.txt), before anything asks what it is
        // (which checks may report on a staged file too: a staged prod.deps installed as requirements.txt is a manifest)
        InstalledNames.Apply(snapshot);
        var repoChecks = repositoryChecks.Where(c => c.Rules.Any(config.IsSelected))
            .Where(c => reported == null || c is not IReportsOnlyOn only || documents.Any(d => reported(d.Path) && only.MayReportOn(d)))
            .ToArray();
        var summarizers = repoChecks.OfType<IDocumentSummarizer>().ToArray();
        bool decideScopes = repoChecks.Any(c => c is IAsksScopes);
        scopes ??= ScopeModel.For(documents, config.Scopes, config.RootDirectory);
        var judged = Judged(config);
        var checkScopes = CheckScopes(docChecks, config, judged);

        var profile = new ScanProfile();
        var perDocument = new List<Finding>?[documents.Count];
        var diagnostics = new ConcurrentBag<(int Order, ScanDiagnostic Diagnostic)>();
        void Each(int count, Action<int> body)
        {
            // a caller that parallelises itself (the history scan checks batches side by side): no loop machinery
            if (maxParallelism == 1)
            {
                for (int i = 0; i < count; i++) body(i);
                return;
            }
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : InFlight }, body);
        }

        void CheckDocument(int i)
        {
            var context = RunDocumentChecks(docChecks, checkScopes, documents[i], config, scopes, profile, reported == null || reported(documents[i].Path), summarizers, decideScopes);
            perDocument[i] = context.Findings.ToList();
            foreach (var d in context.Diagnostics) diagnostics.Add((i, d));
        }
        if (reported == null)
        {
            Each(documents.Count, CheckDocument);
        }
        else
        {
            // a staged scan: the other documents are context, whose document checks do not run (RunDocumentChecks), so the loop
            // goes over the reported ones only, not over every file of the repository
            var only = new List<int>();
            for (int i = 0; i < documents.Count; i++)
            {
                if (reported(documents[i].Path)) only.Add(i);
            }
            Each(only.Count, k => CheckDocument(only[k]));
        }

        var all = new List<Finding>(perDocument.Sum(l => l?.Count ?? 0));
        foreach (var l in perDocument)
        {
            if (l != null) all.AddRange(l);
        }
        var repoContexts = new CheckContext[repoChecks.Length];
        void CheckRepository(int c) => repoContexts[c] = RunRepositoryCheck(repoChecks[c], snapshot, config, scopes, profile, reported);
        // side by side: a short scan is mostly these checks' first (unoptimised) calls, which overlap on other cores
        Each(repoChecks.Length, CheckRepository);
        foreach (var context in repoContexts)
        {
            all.AddRange(context.Findings);
            foreach (var d in context.Diagnostics) diagnostics.Add((int.MaxValue, d));
        }
        // what the repository checks parsed and decoded again (manifests, Dockerfiles, the few modules that call pip) is garbage now
        foreach (var doc in documents) Release(doc);

        var kept = Judge(all, snapshot.Find, config, scopes, judged, out int suppressed, out int outOfScope);
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
            CheckTimes = profile.Snapshot(),
            Secrets = LintResult.SecretsOf(all),
        };
    }

    /// <summary>The document checks on one document, before configuration and <c># noqa</c>: what the language server runs
    /// on the file being edited (the same checks, scopes, selection and error handling as <see cref="Run"/>).</summary>
    public CheckContext CheckDocument(SourceDocument document, LintConfig config, ScopeModel scopes)
    {
        var docChecks = documentChecks.Where(c => c.Rules.Any(config.IsSelected)).ToArray();
        // with the summaries the repository checks read (made while the module is parsed, which is released afterwards)
        var summarizers = repositoryChecks.Where(c => c.Rules.Any(config.IsSelected)).OfType<IDocumentSummarizer>().ToArray();
        return RunDocumentChecks(docChecks, CheckScopes(docChecks, config, Judged(config)), document, config, scopes, null, isReported: true, summarizers, decideScopes: false);
    }

    /// <summary>The repository checks on a snapshot, before configuration and <c># noqa</c>, side by side (see <see cref="Run"/>).</summary>
    /// <param name="profile">Where the time goes (the language server logs it); null when nobody asks.</param>
    public IReadOnlyList<CheckContext> CheckRepository(RepositorySnapshot snapshot, LintConfig config, ScopeModel scopes, ScanProfile? profile = null)
    {
        var repoChecks = repositoryChecks.Where(c => c.Rules.Any(config.IsSelected)).ToArray();
        var contexts = new CheckContext[repoChecks.Length];
        // the language server runs this in the background while an edit's document checks run on the same documents: the
        // parsed modules these checks use are not released under them (SourceDocument.EnterUse)
        foreach (var doc in snapshot.Documents) doc.EnterUse();
        try
        {
            Parallel.For(0, repoChecks.Length, new ParallelOptions { MaxDegreeOfParallelism = InFlight },
                c => contexts[c] = RunRepositoryCheck(repoChecks[c], snapshot, config, scopes, profile));
        }
        finally
        {
            foreach (var doc in snapshot.Documents) doc.LeaveUse(release: false);
        }
        return contexts;
    }

    /// <summary>The findings on <paramref name="paths"/> of the repository checks that can judge a few files alone
    /// (<see cref="IFileScopedRepositoryCheck"/>), before configuration and <c># noqa</c>; <paramref name="rules"/> gets the
    /// rules those checks report, whose findings on <paramref name="paths"/> these replace. The language server runs it on
    /// the edited file before the full repository pass (which may be running meanwhile on the same documents).</summary>
    public IReadOnlyList<CheckContext> CheckRepositoryFiles(RepositorySnapshot snapshot, LintConfig config, ScopeModel scopes, ICollection<string> paths,
        out ISet<Rules.RuleDescriptor> rules)
    {
        var scoped = repositoryChecks.OfType<IFileScopedRepositoryCheck>().Where(c => c.Rules.Any(config.IsSelected)).ToArray();
        rules = new HashSet<Rules.RuleDescriptor>(scoped.SelectMany(c => c.Rules));
        var contexts = new CheckContext[scoped.Length];
        foreach (var doc in snapshot.Documents) doc.EnterUse();
        try
        {
            for (int c = 0; c < scoped.Length; c++)
            {
                var check = scoped[c];
                var context = new CheckContext(config) { Scopes = scopes };
                try
                {
                    check.Check(snapshot, paths, context);
                }
                catch (Exception e)
                {
                    context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Error, InternalError(check, e)));
                }
                contexts[c] = context;
            }
        }
        finally
        {
            foreach (var doc in snapshot.Documents) doc.LeaveUse(release: false);
        }
        return contexts;
    }

    /// <summary>Scopes, configuration and suppression on raw findings: findings of rules that do not judge the file's scope
    /// and findings turned off are dropped, the effective severity is set, <c># noqa</c> applied. Sorted as <see cref="Compare"/>.</summary>
    public List<Finding> Judge(IEnumerable<Finding> findings, Func<string, SourceDocument?> find, LintConfig config, ScopeModel scopes, out int suppressed) =>
        Judge(findings, find, config, scopes, Judged(config), out suppressed, out _);

    /// <summary>What each rule of the checks judges here (its catalog scopes, as the configuration adjusts them).</summary>
    private Dictionary<Rules.RuleDescriptor, FileScope> Judged(LintConfig config)
    {
        var judged = new Dictionary<Rules.RuleDescriptor, FileScope>();
        foreach (var c in documentChecks.Concat<ICheck>(repositoryChecks))
        {
            foreach (var r in c.Rules) judged[r] = config.ScopesOf(r);
        }
        return judged;
    }

    /// <summary>What each document check's selected rules judge, together: a check runs on a file only where one of them does.</summary>
    private static FileScope[] CheckScopes(IReadOnlyList<IDocumentCheck> docChecks, LintConfig config, Dictionary<Rules.RuleDescriptor, FileScope> judged) =>
        docChecks.Select(c => c.Rules.Where(config.IsSelected).Aggregate(FileScope.None, (s, r) => s | judged[r])).ToArray();

    private static List<Finding> Judge(IEnumerable<Finding> all, Func<string, SourceDocument?> find, LintConfig config, ScopeModel scopes,
        Dictionary<Rules.RuleDescriptor, FileScope> judged, out int suppressed, out int outOfScope)
    {
        suppressed = 0;
        outOfScope = 0;
        var kept = new List<Finding>();
        SourceDocument? previous = null;
        foreach (var f in all)
        {
            // the rule does not judge this kind of file (a hub load in a test, a tag pin in a first-party action…)
            if (!judged.TryGetValue(f.Rule, out var ruleScopes)) ruleScopes = config.ScopesOf(f.Rule);
            var doc = find(f.Path);
            // a file's findings come together: the text read for the previous file's # noqa is not needed any more
            if (previous != doc && previous is { ReadsOnDemand: true }) previous.ReleaseText();
            previous = doc;
            if ((ruleScopes & (doc is { } fd ? scopes.Of(fd) : scopes.OfPath(f.Path)).Scope) == 0)
            {
                outOfScope++;
                continue;
            }
            var severity = config.EffectiveSeverity(f.Rule, f.Path);
            if (severity == Rules.Severity.None) continue;
            if (IsSuppressed(f, doc, config))
            {
                suppressed++;
                continue;
            }
            kept.Add(f with { Severity = severity });
        }
        if (previous is { ReadsOnDemand: true }) previous.ReleaseText();
        kept.Sort(Compare);
        return kept;
    }

    /// <param name="profile">Where the time goes (<c>--verbose</c>); null when nobody asks.</param>
    private static CheckContext RunDocumentChecks(IReadOnlyList<IDocumentCheck> docChecks, FileScope[] checkScopes, SourceDocument doc, LintConfig config,
        ScopeModel scopes, ScanProfile? profile, bool isReported, IReadOnlyList<IDocumentSummarizer> summarizers, bool decideScopes)
    {
        var context = new CheckContext(config) { Scopes = scopes };
        // a document that is only context (a staged scan): its document checks do not run, its scope is not asked here (for
        // a Python module that parses it), and nothing summarises it: the repository checks read what the reported
        // documents need of it on demand (SeedsCheck only the modules of ReportedModuleClosure)
        if (!isReported) return context;
        var outer = profile?.Enter();
        doc.EnterUse();
        FileScope scope;
        try
        {
            scope = ScanProfile.Measure("scope", () => ScopeForChecks(doc, docChecks, checkScopes, scopes));
        }
        catch (Exception e)
        {
            context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Error, InternalError(scopes, e), doc.Path));
            scope = FileScope.Other;
        }
        for (int c = 0; c < docChecks.Count; c++)
        {
            var check = docChecks[c];
            try
            {
                if ((checkScopes[c] & scope) != 0 && check.AppliesTo(doc))
                {
                    ScanProfile.Measure(CheckName(check), () => check.Check(doc, context));
                }
            }
            catch (Exception e)
            {
                context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Error, InternalError(check, e), doc.Path));
            }
        }
        foreach (var summarizer in summarizers)
        {
            try
            {
                if (summarizer.Summarizes(doc)) ScanProfile.Measure(SummaryName(summarizer), () => summarizer.Summarize(doc, context));
            }
            catch (Exception)
            {
                // not reported here: the repository check asks again in its own pass, where the error is reported once
            }
        }
        // the scope a repository check will ask (IAsksScopes) is decided now, while the text and the parsed module are
        // here: in a module already parsed, the whole verdict; otherwise whether it is a test (which reads the text and
        // parses only a module that names pytest or unittest)
        if (decideScopes && doc.Kind == DocumentKind.Python && doc.HasText)
        {
            try
            {
                if (doc.HoldsTransient<Python.PythonModule>()) ScanProfile.Measure("scope", () => scopes.Of(doc));
                else ScanProfile.Measure("scope", () => scopes.IsTest(doc));
            }
            catch (Exception)
            {
                // reported where a check asks it (as above)
            }
        }
        if (profile != null) ScanProfile.Restore(outer);
        // the document's parsed module, text and bytes are garbage from here on (once no other pass uses the document):
        // repository checks read compact summaries
        doc.LeaveUse(release: true);
        return context;
    }

    /// <summary>How many documents (or repository checks) are worked on at once: one per core. Unbounded, the thread pool
    /// adds threads while items wait on the disk or a lock, and each thread holds a document's bytes, text and parsed forms
    /// (and a repository check its indexes), so the peak grew with the threads the pool had added, not with the cores.</summary>
    private static int InFlight => Environment.ProcessorCount;

    /// <summary>The document's scope as far as choosing its checks needs it. A Python module that only its content can
    /// place is parsed for it only when a check that applies to it judges some of <see cref="ScopeModel.ContentDecided"/>
    /// and not the others; when each judges all of them or none, any of them chooses the same checks.</summary>
    private static FileScope ScopeForChecks(SourceDocument doc, IReadOnlyList<IDocumentCheck> docChecks, FileScope[] checkScopes, ScopeModel scopes)
    {
        if (scopes.ScopeWithoutParse(doc) is { } known) return known;
        for (int c = 0; c < docChecks.Count; c++)
        {
            var judged = checkScopes[c] & ScopeModel.ContentDecided;
            if (judged != FileScope.None && judged != ScopeModel.ContentDecided && docChecks[c].AppliesTo(doc)) return scopes.Of(doc).Scope;
        }
        return ScopeModel.ContentDecided;
    }

    private static void Release(SourceDocument doc) => doc.ReleaseWhenUnused();

    private static CheckContext RunRepositoryCheck(IRepositoryCheck check, RepositorySnapshot snapshot, LintConfig config, ScopeModel scopes, ScanProfile? profile,
        Func<string, bool>? reported = null)
    {
        var context = new CheckContext(config) { Scopes = scopes, Reported = reported };
        var outer = profile?.Enter();
        try
        {
            ScanProfile.Measure(CheckName(check), () => check.Check(snapshot, context));
        }
        catch (Exception e)
        {
            context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Error, InternalError(check, e)));
        }
        finally
        {
            if (profile != null) ScanProfile.Restore(outer);
        }
        return context;
    }

    private static readonly ConcurrentDictionary<Type, string> CheckNames = new();
    private static readonly ConcurrentDictionary<Type, string> SummaryNames = new();

    /// <summary>"summary SeedsCheck": the document-pass share of a repository check (<see cref="IDocumentSummarizer"/>).</summary>
    private static string SummaryName(object check) => SummaryNames.GetOrAdd(check.GetType(), t => "summary " + t.Name);

    /// <summary>"check CredentialCheck": a check's section in <see cref="ScanProfile"/>.</summary>
    private static string CheckName(object check) => CheckNames.GetOrAdd(check.GetType(), t => "check " + t.Name);

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
