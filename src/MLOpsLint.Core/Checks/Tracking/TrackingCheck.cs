using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// MLO701 (training that records nothing), MLO702 (training data nothing versions) and MLO703 (lineage written as a
/// literal). A repository check: a script records through a project helper that may live in another module, and whether
/// data is versioned is a property of the repository. Each document's part is read while its module is parsed
/// (<see cref="TrackingSummary"/>, by a summarizer that reports nothing, like <see cref="SeedsCheck"/>); the repository
/// part follows the helpers (<see cref="TrackingIndex"/>) and reports — once for the repository when many scripts share a gap.
/// </summary>
public sealed partial class TrackingCheck : IRepositoryCheck, IDocumentSummarizer
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO701, RuleCatalog.MLO702, RuleCatalog.MLO703 };

    public bool Summarizes(SourceDocument document) => ScriptScope.IsPython(document);

    /// <summary>Summarises the document while its parsed module is at hand (the engine drops the module afterwards), whatever
    /// its scope: the repository pass follows helpers into library modules too.</summary>
    public void Summarize(SourceDocument document, CheckContext context) => TrackingSummary.Of(document);

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var docs = repository.Documents.Where(ScriptScope.IsPython).ToArray();
        if (docs.Length == 0) return;
        if (context.Reported is { } reported)
        {
            // every finding is on a Python module or notebook (a group's on its first gap): none is reported, none is looked for
            if (!docs.Any(d => reported(d.Path))) return;
            if (JudgedFromNeighbourhood(repository, docs, reported, context)) return;
        }
        Judge(repository, docs, context);
    }

    /// <summary>The whole repository's findings (in a scan that reports only some files: when theirs need all of it).</summary>
    private static void Judge(RepositorySnapshot repository, SourceDocument[] docs, CheckContext context)
    {
        var summaries = new TrackingSummary[docs.Length];
        Parallel.For(0, docs.Length, i => summaries[i] = TrackingSummary.Of(docs[i]));
        // nothing trains and no lineage is written: no finding can come of following the helpers
        if (!summaries.Any(s => s.MayReport)) return;
        var index = new TrackingIndex(summaries, TrackingFunctions(context));
        var entries = Entries(index.Modules, index.IsNotebookExport, context).OrderBy(m => m.Path, StringComparer.Ordinal).ToArray();
        var versioning = context.IsEnabled(RuleCatalog.MLO702) || context.IsEnabled(RuleCatalog.MLO703)
            ? RepositoryDataVersioning.Of(repository, summaries)
            : null;
        if (context.IsEnabled(RuleCatalog.MLO701)) Unrecorded(index, entries, context);
        if (context.IsEnabled(RuleCatalog.MLO702) && versioning == null) UnversionedData(repository, entries, summaries, context);
        if (context.IsEnabled(RuleCatalog.MLO703)) Lineage(index.Modules, () => versioning != null, context);
    }

    private static IReadOnlyList<string> TrackingFunctions(CheckContext context) =>
        context.Options(RuleCatalog.MLO701).GetStringList("tracking-functions", Array.Empty<string>());

    /// <summary>The training scripts and notebooks MLO701 and MLO702 judge: experiments are run in applications (projects,
    /// services, research and competition code), by files that are neither measuring tools nor teaching material
    /// (<see cref="ExperimentScripts"/>), nor a script exported from a notebook beside it.</summary>
    private static IEnumerable<TrackingModule> Entries(IEnumerable<TrackingModule> modules, Func<TrackingModule, bool> isNotebookExport, CheckContext context)
    {
        bool experiments = ExperimentScripts.JudgedIn(context.Scopes.RepositoryKind);
        // the scope last: a module only its content places is parsed for it (when no document check asked before)
        return modules
            .Where(m => experiments && (m.Flags & RunFlags.Trains) != 0 && m.TrainingSite != null && ExperimentScripts.NotAnExperiment(m.Path) == null
                && !isNotebookExport(m))
            .Where(m => context.ScopeOf(m.Summary.Document).Scope is FileScope.Script or FileScope.Notebook);
    }

    private static int Threshold(CheckContext context, RuleDescriptor rule) => (int)Math.Max(2, context.Options(rule).GetInt("summary-threshold", 3));

    // ---------------------------------------------------------------- MLO701

    private static void Unrecorded(TrackingIndex index, TrackingModule[] entries, CheckContext context)
    {
        // a run that measures its model (a metric, a score, a loss it prints) and keeps the measurement nowhere; one that
        // measures nothing (a placeholder model for a service) has no experiment to compare
        var gaps = entries.Where(IsUnrecorded).ToArray();
        if (gaps.Length == 0) return;
        // a tracker to suggest: one the repository already uses for experiments (not a framework that happens to log)
        var tracker = index.Modules.OrderBy(m => m.Path, StringComparer.Ordinal)
            .FirstOrDefault(m => m.Summary.Tracker is { } t && t.IndexOf('(') < 0 && t.IndexOf("'s", StringComparison.Ordinal) < 0);
        var items = gaps.Select(m => new Gap(m.Path, m.TrainingSite!.Value,
            $"{m.TrainingWhat} trains a model, but this {Kind(m)} records no parameters or metrics (no experiment tracker, no metrics file, "
            + "no project helper that writes either): its runs cannot be compared or traced to a saved model",
            TrackingFixes.Record(m.Summary, tracker?.Summary.Tracker, tracker?.Path, m.TrainingWhat?.EndsWith(".step()", StringComparison.Ordinal) == true))).ToArray();
        ReportGroup(RuleCatalog.MLO701, items, Threshold(context, RuleCatalog.MLO701), "training scripts and notebooks record nothing either", context);
    }

    /// <summary>A run that measures its model (a metric, a score, a loss it prints) and keeps the measurement nowhere, nor is
    /// run by code that records.</summary>
    private static bool IsUnrecorded(TrackingModule m) =>
        (m.Flags & (RunFlags.Records | RunFlags.Measures)) == RunFlags.Measures && !TrackingIndex.RunByRecordingCode(m);

    private static string Kind(TrackingModule m) => m.Summary.IsNotebook ? "notebook" : "script";

    // ---------------------------------------------------------------- MLO702

    private static void UnversionedData(RepositorySnapshot repository, TrackingModule[] entries, TrackingSummary[] summaries, CheckContext context)
    {
        HashSet<string>? written = null;
        var data = new RepositoryData(repository);
        var items = new List<Gap>();
        foreach (var m in entries)
        {
            if (m.Summary.PinsData || m.Summary.Reads.Count == 0) continue;
            written ??= new HashSet<string>(summaries.SelectMany(x => x.Writes), StringComparer.Ordinal);
            var unversioned = m.Summary.Reads
                .Where(r => data.KeptOutside(r, m.Path) && !written.Contains(DataReads.FileName(r.DataPath)))
                .ToArray();
            if (unversioned.Length == 0) continue;
            var first = unversioned[0];
            string target = DvcTarget(first.DataPath, m.Path);
            string more = unversioned.Length > 1 ? $" (and {unversioned.Length - 1} more read{(unversioned.Length > 2 ? "s" : "")} in this {Kind(m)})" : "";
            items.Add(new Gap(m.Path, first.Site,
                $"{first.Reader}() reads training data from {first.DataPath}{more}, which {(IsAbsolute(first.DataPath.Replace('\\', '/')) ? "is on one machine's disk" : "git ignores")}, and the repository versions no data "
                + "(no DVC file, Git LFS pattern, dataset revision or checksum): the data a model was trained on cannot be recovered",
                TrackingFixes.Version(target)));
        }
        ReportGroup(RuleCatalog.MLO702, items, Threshold(context, RuleCatalog.MLO702), "training scripts and notebooks read unversioned data too", context);
    }

    /// <summary>What MLO702 asks of the repository's files about a script's read, made once when first asked.</summary>
    private sealed class RepositoryData
    {
        private readonly RepositorySnapshot repository;
        private HashSet<string>? present;
        private GitIgnoredPaths? ignored;
        private HashSet<string>? dataFolders;

        public RepositoryData(RepositorySnapshot repository) => this.repository = repository;

        /// <summary>The read's data is kept out of git (on one machine's disk, or ignored), is not beside data git versions,
        /// and is not named like something a model produced: unversioned, unless code of the repository writes it.</summary>
        public bool KeptOutside(DataRead r, string scriptPath)
        {
            present ??= PresentPaths(repository);
            ignored ??= new GitIgnoredPaths(repository);
            dataFolders ??= FoldersWithCommittedData(repository);
            return !InRepository(r.DataPath, scriptPath, present) && KeptOutOfGit(r.DataPath, scriptPath, ignored)
                && !BesideCommittedData(r.DataPath, scriptPath, dataFolders) && !DataReads.LooksProduced(r.DataPath);
        }
    }

    /// <summary>The data lives outside git on purpose: an absolute path (one machine's disk), or a repository path a
    /// .gitignore keeps out. A relative path that is merely absent may be downloaded or produced by another step first:
    /// the tool cannot tell, and says nothing.</summary>
    private static bool KeptOutOfGit(string dataPath, string scriptPath, GitIgnoredPaths ignored)
    {
        string p = dataPath.Replace('\\', '/').Trim();
        if (IsAbsolute(p)) return true;
        if (ignored.IsEmpty) return false;
        foreach (var candidate in new[] { Normalize("", p), Normalize(Folder(scriptPath), p) })
        {
            if (candidate is { Length: > 0 } && ignored.Ignores(candidate)) return true;
        }
        return false;
    }

    /// <summary>Folders of the scan that hold a data file git tracks (<c>data/train.csv</c>).</summary>
    private static HashSet<string> FoldersWithCommittedData(RepositorySnapshot repository) =>
        new(repository.Documents.Select(d => d.Path).Concat(repository.AbsentTrackedPaths).Where(DataReads.IsDataFile).Select(Folder), StringComparer.Ordinal);

    /// <summary>An ignored file in a folder whose data git versions (<c>data/train.csv</c> committed, <c>data/*</c> otherwise
    /// ignored): the repository keeps its data in git, and the ignored file beside it is derived from it (a split, a cache).</summary>
    private static bool BesideCommittedData(string dataPath, string scriptPath, HashSet<string> dataFolders)
    {
        string p = dataPath.Replace('\\', '/').Trim();
        if (IsAbsolute(p)) return false;
        foreach (var candidate in new[] { Normalize("", p), Normalize(Folder(scriptPath), p) })
        {
            if (candidate is { Length: > 0 } && dataFolders.Contains(Folder(candidate))) return true;
        }
        return false;
    }

    private static bool IsAbsolute(string p) => p.StartsWith("/", StringComparison.Ordinal) || p.StartsWith("~", StringComparison.Ordinal) || (p.Length > 2 && p[1] == ':' && p[2] == '/');

    /// <summary>Every file of the repository (scanned, or tracked but absent from a partial checkout) and every folder that
    /// holds one.</summary>
    private static HashSet<string> PresentPaths(RepositorySnapshot repository)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in repository.Documents.Select(d => d.Path).Concat(repository.AbsentTrackedPaths))
        {
            set.Add(p);
            for (int slash = p.LastIndexOf('/'); slash > 0; slash = p.LastIndexOf('/', slash - 1))
            {
                if (!set.Add(p.Substring(0, slash))) break;
            }
        }
        return set;
    }

    /// <summary>Whether the path, read from the repository's root or from the script's folder, is a file or folder of the
    /// scan (then git versions it: committing data is MLO101's business).</summary>
    private static bool InRepository(string dataPath, string scriptPath, HashSet<string> present)
    {
        string p = dataPath.Replace('\\', '/').Trim();
        if (p.StartsWith("/", StringComparison.Ordinal) || (p.Length > 1 && p[1] == ':') || p.StartsWith("~", StringComparison.Ordinal)) return false;
        foreach (var candidate in new[] { Normalize("", p), Normalize(Folder(scriptPath), p) })
        {
            if (candidate == null) continue;
            if (candidate.Length == 0 || present.Contains(candidate.TrimEnd('/'))) return true;
        }
        return false;
    }

    /// <summary><paramref name="relative"/> read from <paramref name="folder"/>, as a repository path ("" for the root); null
    /// when it leaves the repository.</summary>
    private static string? Normalize(string folder, string relative)
    {
        var parts = new List<string>(folder.Length == 0 ? Array.Empty<string>() : folder.Split('/'));
        foreach (var s in relative.Split('/'))
        {
            if (s.Length == 0 || s == ".") continue;
            if (s == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(s);
        }
        return string.Join("/", parts);
    }

    private static string Folder(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash);
    }

    /// <summary>What to <c>dvc add</c>: the folder of a data file (<c>data/raw</c> for <c>data/raw/train.csv</c>), the path
    /// itself when it is a folder or a file at the top.</summary>
    private static string DvcTarget(string dataPath, string scriptPath)
    {
        string p = dataPath.Replace('\\', '/').Trim();
        bool absolute = p.StartsWith("/", StringComparison.Ordinal) || p.StartsWith("~", StringComparison.Ordinal) || (p.Length > 1 && p[1] == ':');
        string relative = absolute ? p : (p.StartsWith("..", StringComparison.Ordinal) ? Normalize(Folder(scriptPath), p) : Normalize("", p)) ?? p;
        string last = relative.Substring(relative.LastIndexOf('/') + 1);
        bool isFile = last.Contains('.');
        if (!isFile) return relative;
        string folder = Folder(relative);
        return folder.Length == 0 ? relative : folder;
    }

    // ---------------------------------------------------------------- MLO703

    /// <param name="repositoryVersionsData">Asked only when a data literal needs it.</param>
    private static void Lineage(IEnumerable<TrackingModule> modules, Func<bool> repositoryVersionsData, CheckContext context)
    {
        foreach (var m in modules.OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            var s = m.Summary;
            if (s.Lineage.Count == 0 || (m.Flags & RunFlags.Records) == 0) continue;
            if ((context.ScopeOf(s.Document).Scope & FileScope.Code) == 0) continue;
            foreach (var literal in s.Lineage)
            {
                if (literal.IsData && (s.PinsData || repositoryVersionsData())) continue;
                string what = literal.IsData ? "data version" : "commit";
                context.Report(literal.Site.Report(RuleCatalog.MLO703, m.Path,
                    $"{literal.Key} = \"{literal.Value}\" is written by hand: every run records the same {what}, whatever actually ran")
                    with
                    {
                        FixHint = TrackingFixes.Lineage(literal, s),
                    });
            }
        }
    }

    // ---------------------------------------------------------------- one finding per file, or one for the repository

    private sealed record Gap(string Path, SeedSite Site, string Message, string Fix);

    /// <summary>One finding per gap, or from <paramref name="threshold"/> gaps on one finding on the first (by path) that
    /// names how many share it, with the others as related locations.</summary>
    private static void ReportGroup(RuleDescriptor rule, IReadOnlyList<Gap> gaps, int threshold, string others, CheckContext context)
    {
        if (gaps.Count == 0) return;
        if (gaps.Count < threshold)
        {
            foreach (var g in gaps) context.Report(g.Site.Report(rule, g.Path, g.Message) with { FixHint = g.Fix });
            return;
        }
        var first = gaps[0];
        var rest = gaps.Skip(1).ToArray();
        string names = string.Join(", ", rest.Take(5).Select(g => g.Path)) + (rest.Length > 5 ? $" and {rest.Length - 5} more" : "");
        context.Report(first.Site.Report(rule, first.Path, $"{first.Message}; {rest.Length} other {others} ({names})")
            with
            {
                FixHint = first.Fix + " The same change applies to the other files this finding lists.",
                Related = rest.Select(g => new Location(g.Path, g.Site.Span) { Message = g.Message }).ToArray(),
            });
    }
}
