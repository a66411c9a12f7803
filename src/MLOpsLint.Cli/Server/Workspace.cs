using MLOpsLint.Cli.Commands;
using MLOpsLint.Cli.Configuration;
using MLOpsLint.Cli.Discovery;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Cli.Server;

/// <summary>
/// The language server's view of one repository: the documents <c>scan</c> would read (discovered and loaded the same
/// way), with the editor's unsaved text in place of the disk for open files, and the raw findings of every document
/// check and of the repository checks. An edit re-runs the document checks of the edited file, the repository checks
/// that can judge one file alone (<see cref="IFileScopedRepositoryCheck"/>: the seed rules) on it, and then the
/// repository checks over everything (they read the other files' cached summaries), so cross-file rules —
/// environments, seed helpers, LFS and DVC patterns, lock files — stay current.
/// <para>
/// In a big workspace the full repository pass takes seconds, so it runs as a <see cref="RepositoryRun"/> beside the
/// worker (<see cref="LintWorker"/> publishes the edited file's findings first): until it is done, an edited file's
/// findings of the other repository checks are the last run's, moved to their lines in the new text
/// (<see cref="LineShift"/>). Not thread-safe: the server's one worker owns it; a run reads only its own snapshot.
/// </para>
/// </summary>
internal sealed class Workspace
{
    private readonly Linter linter;
    private readonly Dictionary<string, SourceDocument> documents = new(StringComparer.Ordinal);
    private readonly HashSet<string> discovered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceDocument> overlays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Finding>> documentFindings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceDocument> checkedDocuments = new(StringComparer.Ordinal); // what documentFindings were made on
    private IReadOnlyList<Finding> repositoryFindings = Array.Empty<Finding>();
    private ILookup<string, Finding> repositoryFindingsByPath = Array.Empty<Finding>().ToLookup(f => f.Path, StringComparer.Ordinal);
    private RepositorySnapshot judged = new(Array.Empty<SourceDocument>()); // what repositoryFindings were made on
    private readonly Dictionary<string, (SourceDocument Document, IReadOnlyList<Finding> Findings)> scopedFindings = new(StringComparer.Ordinal);
    private ISet<Core.Rules.RuleDescriptor> scopedRules = new HashSet<Core.Rules.RuleDescriptor>();
    private int generation;        // bumped by every change of the documents
    private int judgedGeneration;  // the generation repositoryFindings belong to
    private RepositorySnapshot snapshot = new(Array.Empty<SourceDocument>());
    private ScopeModel scopes = ScopeModel.Standalone(Core.Scope.ScopeSettings.Empty);
    /// <param name="extraChecks">Checks beside Core's (tests). The C# analyzers are not run here: in an IDE the
    /// analyzer package reports them, on the compilation the IDE already has.</param>
    public Workspace(string? root, IEnumerable<ICheck>? extraChecks = null)
    {
        linter = new Linter(extraChecks);
        Root = root == null ? null : RepositoryRoot(Path.GetFullPath(root));
    }

    /// <summary>Where internal errors of checks go (the editor's log): a crashing check is a logged error.</summary>
    public Action<string> Log { get; set; } = _ => { };

    /// <summary>The repository root (the git work tree, or the folder the editor opened); null for loose files.</summary>
    public string? Root { get; private set; }

    public LintConfig Config { get; private set; } = LintConfig.Default;

    /// <summary>Problems with the configuration or the scan (shown by the server as log messages).</summary>
    public IReadOnlyList<ScanDiagnostic> Problems { get; private set; } = Array.Empty<ScanDiagnostic>();

    /// <summary>Files in the workspace scan (what <c>mlops-lint scan</c> would read).</summary>
    public int FileCount => discovered.Count;

    /// <summary>Reads the configuration and every file, and runs every check: the background scan at start-up and
    /// after a configuration change. <paramref name="progress"/> gets a message and a percentage.</summary>
    public void Load(Action<string, int>? progress = null)
    {
        documents.Clear();
        discovered.Clear();
        documentFindings.Clear();
        checkedDocuments.Clear();
        scopedFindings.Clear();
        generation++;
        var warnings = new List<ScanDiagnostic>();
        if (Root == null || !Directory.Exists(Root))
        {
            Config = LintConfig.Default;
            Problems = Array.Empty<ScanDiagnostic>();
        }
        else
        {
            try
            {
                var config = ConfigLocator.Load(Root, null, warnings);
                var tree = ScanRunner.LoadWorkingTree(Root, config, warnings, m => progress?.Invoke(m, 0));
                Root = tree.Root;
                Config = tree.Config;
                foreach (var d in tree.Documents)
                {
                    documents[d.Path] = d;
                    discovered.Add(d.Path);
                }
                Problems = warnings.Concat(tree.Problems).ToArray();
            }
            catch (ConfigException e)
            {
                Config = LintConfig.Default;
                Problems = new[] { new ScanDiagnostic(ScanDiagnosticLevel.Error, e.Message + " (the server uses the default configuration until it is fixed)") };
            }
        }
        foreach (var (path, overlay) in overlays) documents[path] = overlay;
        snapshot = Snapshot();
        scopes = ScopeModel.For(snapshot.Documents, Config.Scopes);
        var all = documents.Values.ToArray();
        int done = 0;
        var results = new IReadOnlyList<Finding>[all.Length];
        Parallel.For(0, all.Length, i =>
        {
            results[i] = Check(all[i]);
            int n = Interlocked.Increment(ref done);
            if (progress != null && n % 200 == 0) progress($"checked {n} of {all.Length} files", (int)(90L * n / Math.Max(1, all.Length)));
        });
        for (int i = 0; i < all.Length; i++)
        {
            documentFindings[all[i].Path] = results[i];
            checkedDocuments[all[i].Path] = all[i];
        }
        progress?.Invoke("cross-file rules…", 90);
        RunRepositoryChecks();
    }

    /// <summary>The editor's text for <paramref name="path"/> replaces the disk's (open, changed). Returns the document.</summary>
    public SourceDocument SetText(string path, string text)
    {
        var doc = FromText(path, text, Config.MaxTextFileSize);
        overlays[path] = doc;
        documents[path] = IsLfsTracked(path) ? WithLfsBlobs(documents.Values.Where(IsGitAttributes).Append(doc).ToArray()).Last() : doc;
        return documents[path];
    }

    /// <summary>The editor closed <paramref name="path"/>: the disk's version counts again.</summary>
    public void CloseText(string path)
    {
        overlays.Remove(path);
        Reread(path);
    }

    public bool IsOpen(string path) => overlays.ContainsKey(path);

    /// <summary>A file changed, appeared or disappeared on disk (saved, created, deleted, checked out).</summary>
    public void Reread(string path)
    {
        if (overlays.TryGetValue(path, out var open))
        {
            documents[path] = open;
            return;
        }
        string? full = FullPath(path);
        if (full == null || !File.Exists(full) || !discovered.Contains(path))
        {
            documents.Remove(path);
            documentFindings.Remove(path);
            return;
        }
        var (loaded, _) = DocumentLoader.Load(new[] { new DiscoveredFile(path, full) }, Config.MaxTextFileSize);
        if (loaded.Count == 1) documents[path] = IsLfsTracked(path) ? WithLfsBlobs(documents.Values.Where(IsGitAttributes).Append(loaded[0]).ToArray()).Last() : loaded[0];
        else documents.Remove(path);
    }

    private static bool IsGitAttributes(SourceDocument d) => d.Kind == DocumentKind.GitAttributes;

    private bool IsLfsTracked(string path) =>
        new Core.Checks.CommittedData.LfsPatterns(new RepositorySnapshot(documents.Values.Where(IsGitAttributes).ToArray())).IsLfsTracked(path, out _);

    /// <summary>As in <c>scan</c>: a path that Git LFS tracks is judged by what git stores for it (the index blob: an LFS
    /// pointer, or the whole content when it was committed without LFS), not by the working tree file.</summary>
    private IReadOnlyList<SourceDocument> WithLfsBlobs(IReadOnlyList<SourceDocument> docs)
    {
        if (Root == null || !Directory.Exists(Path.Combine(Root, ".git"))) return docs;
        try
        {
            return Git.IndexSnapshot.WithLfsBlobs(Root, docs, Config.MaxTextFileSize);
        }
        catch (Exception e) when (e is LibGit2Sharp.LibGit2SharpException or IOException)
        {
            Log("cannot read the git index for LFS paths: " + e.Message);
            return docs;
        }
    }

    /// <summary>The LFS patterns changed: every file on disk is judged again by what git stores for it. Returns the
    /// paths whose document changed.</summary>
    private IReadOnlyList<string> RefreshLfs()
    {
        var disk = discovered.Where(documents.ContainsKey).Select(p => documents[p]).ToArray();
        // files that were index blobs go back to the editor's text or the working tree first, in case their pattern went away
        var fresh = disk.Select(d => d.Origin != "index" ? d
            : overlays.TryGetValue(d.Path, out var open) ? open
            : FullPath(d.Path) is string f && File.Exists(f) ? DocumentLoader.Load(new[] { new DiscoveredFile(d.Path, f) }, Config.MaxTextFileSize).Documents.FirstOrDefault() ?? d
            : d).ToArray();
        var result = WithLfsBlobs(fresh);
        var changed = new List<string>();
        for (int i = 0; i < result.Count; i++)
        {
            if (!ReferenceEquals(result[i], disk[i]))
            {
                documents[result[i].Path] = result[i];
                changed.Add(result[i].Path);
            }
        }
        return changed;
    }

    /// <summary>Files were created or deleted: asks discovery again which files belong to the scan (git's ignore rules
    /// decide that, not the editor), and reads the new ones. Returns the paths that came or went.</summary>
    public IReadOnlyList<string> RefreshFileSet()
    {
        if (Root == null) return Array.Empty<string>();
        var found = FileDiscovery.Discover(Root, Config.Exclude);
        var now = new HashSet<string>(found.Files.Select(f => f.RelativePath), StringComparer.Ordinal);
        var changed = now.Except(discovered).Concat(discovered.Except(now)).ToArray();
        discovered.Clear();
        discovered.UnionWith(now);
        foreach (var p in changed) Reread(p);
        return changed;
    }

    /// <summary>Runs the document checks of <paramref name="paths"/> again and the file-scoped repository checks on them,
    /// then (unless <paramref name="repository"/> is false: the caller starts a <see cref="RepositoryRun"/> itself) the
    /// repository checks over everything.</summary>
    public void Relint(IEnumerable<string> paths, bool repository = true)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var list = paths.Distinct().ToList();
        if (list.Any(p => DocumentClassifier.FileName(p) == ".gitattributes")) list.AddRange(RefreshLfs());
        generation++;
        snapshot = Snapshot(out bool sameFiles);
        scopes = scopes.After(snapshot.Documents, list, sameFiles);
        var edited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in list.Distinct())
        {
            if (!documents.TryGetValue(p, out var d))
            {
                documentFindings.Remove(p);
                checkedDocuments.Remove(p);
                scopedFindings.Remove(p);
                continue;
            }
            edited.Add(p);
            // the same document as last time (a save of an open file): its findings stand, and a repository run in flight
            // may be reading it, so it is not checked (and released) again
            if (checkedDocuments.TryGetValue(p, out var known) && ReferenceEquals(known, d)) continue;
            documentFindings[p] = Check(d);
            checkedDocuments[p] = d;
        }
        RunFileScopedChecks(edited);
        LastDocumentTime = sw.Elapsed;
        LastDocumentCpu = Environment.CpuUsage.TotalTime - cpu;
        if (repository) RunRepositoryChecks();
    }

    /// <summary>Wall time of the last <see cref="Relint"/>'s document and file-scoped checks.</summary>
    public TimeSpan LastDocumentTime { get; private set; }

    /// <summary>The process's CPU time meanwhile (all its threads: a background pass running then is counted too). On a
    /// shared, loaded machine the wall time says more about the load than about the checks; this says what they cost.</summary>
    public TimeSpan LastDocumentCpu { get; private set; }

    /// <summary>The repository checks that can judge a few files alone, on the edited ones (see the class remarks).</summary>
    private void RunFileScopedChecks(HashSet<string> paths)
    {
        paths.RemoveWhere(p => !InScan(p));
        if (paths.Count == 0) return;
        var contexts = linter.CheckRepositoryFiles(snapshot, Config, scopes, paths, out scopedRules);
        foreach (var d in contexts.SelectMany(c => c.Diagnostics).Where(d => d.Level == ScanDiagnosticLevel.Error)) Log(d.Message);
        var byPath = contexts.SelectMany(c => c.Findings).ToLookup(f => f.Path, StringComparer.Ordinal);
        foreach (var p in paths) scopedFindings[p] = (documents[p], byPath[p].ToArray());
    }

    /// <summary>The findings for one file as the CLI reports them: severity from the configuration, <c># noqa</c> applied.</summary>
    public IReadOnlyList<Finding> FindingsFor(string path)
    {
        var raw = documentFindings.TryGetValue(path, out var own) ? own : Array.Empty<Finding>();
        var all = raw.Concat(RepositoryFindingsFor(path));
        return linter.Judge(all, p => documents.TryGetValue(p, out var d) ? d : null, Config, scopes, out _);
    }

    /// <summary>True when the last repository run judged every document as it is now (no edit since it started).</summary>
    public bool RepositoryIsCurrent => judgedGeneration == generation;

    /// <summary>The repository checks' findings on <paramref name="path"/>: the last run's, or for a file edited since that
    /// run began, the file-scoped checks' findings on the new text and the other checks' moved to their new lines.</summary>
    private IEnumerable<Finding> RepositoryFindingsFor(string path)
    {
        var current = documents.TryGetValue(path, out var d) ? d : null;
        var seen = judged.Find(path);
        if (current == null || ReferenceEquals(seen, current)) return repositoryFindingsByPath[path];
        var fresh = scopedFindings.TryGetValue(path, out var s) && ReferenceEquals(s.Document, current) ? s.Findings : null;
        var carried = repositoryFindingsByPath[path].Where(f => fresh == null || !scopedRules.Contains(f.Rule));
        if (seen is { HasText: true } && current.HasText)
        {
            var shift = LineShift.Between(seen.Text, current.Text);
            carried = carried.Select(shift.Map).Where(f => f != null).Select(f => f!);
        }
        else
        {
            carried = carried.Where(f => f.Span == SourceSpan.WholeFile);
        }
        return fresh == null ? carried.ToArray() : fresh.Concat(carried).ToArray();
    }

    public IEnumerable<SourceDocument> LockFiles() => documents.Values.Where(d => d.Kind == DocumentKind.LockFile);

    public SourceDocument? Document(string path) => documents.TryGetValue(path, out var d) ? d : null;

    /// <summary>The repository-relative path ('/') of a file, or null when it is outside the root.</summary>
    public string? RelativePath(string fullPath)
    {
        if (Root == null) return null;
        string rel = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        return rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel) ? null : rel;
    }

    public string? FullPath(string relativePath) => Root == null ? null : Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The work tree a folder belongs to (the nearest folder up with a <c>.git</c>), so that paths are relative to
    /// the same root as in <c>scan</c> from the first message on; the folder itself outside git.</summary>
    internal static string RepositoryRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir != null; dir = dir.Parent)
        {
            string git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return dir.FullName;
        }
        return folder;
    }

    /// <summary>True for the files whose change alters the configuration (a full reload follows).</summary>
    public static bool IsConfigurationFile(string path)
    {
        string name = DocumentClassifier.FileName(path);
        return name is "mlops-lint.toml" or ".mlops-lint.toml" or "pyproject.toml" or ".editorconfig";
    }

    /// <summary>A document from the editor's text. Over the size cap only the head is kept, as the CLI does with a big
    /// file: signature rules still see it, text rules skip it, and the server is not held up.</summary>
    internal static SourceDocument FromText(string path, string text, long maxTextFileSize)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= maxTextFileSize) return new SourceDocument(path, bytes, bytes.Length);
        return new SourceDocument(path, bytes.AsMemory(0, DocumentLoader.HeadBytes).ToArray(), bytes.Length, isComplete: false);
    }

    /// <summary>Whether the repository checks see a file: what <c>scan</c> reads, plus new files the editor has not saved
    /// yet. Open files that exist but that scan skips (ignored by git, excluded, outside the root) get their own document
    /// checks only: an ignored data file is not "committed".</summary>
    private bool InScan(string path) =>
        discovered.Contains(path) || (overlays.ContainsKey(path) && FullPath(path) is string full && !Path.IsPathRooted(path) && !File.Exists(full));

    private IReadOnlyList<Finding> Check(SourceDocument doc)
    {
        var context = linter.CheckDocument(doc, Config, scopes);
        // warnings too: a file the checks skipped (nested too deeply to parse) would otherwise get no diagnostics and no word
        foreach (var d in context.Diagnostics.Distinct()) Log(d.Level == ScanDiagnosticLevel.Error ? $"{doc.Path}: {d.Message}" : $"{doc.Path}: {d.Level.ToString().ToLowerInvariant()}: {d.Message}");
        return context.Findings.ToArray();
    }

    private RepositorySnapshot Snapshot() => Snapshot(out _);

    private string[] scanOrder = Array.Empty<string>();
    private HashSet<string> scanSet = new(StringComparer.Ordinal);

    /// <summary>The documents of the scan, in path order; <paramref name="sameFiles"/> says whether they are the same files
    /// as last time (then the order is not sorted again: an edit in a big workspace should not cost a sort).</summary>
    private RepositorySnapshot Snapshot(out bool sameFiles)
    {
        var paths = documents.Keys.Where(InScan).ToList();
        sameFiles = paths.Count == scanOrder.Length && paths.All(scanSet.Contains);
        if (!sameFiles)
        {
            paths.Sort(StringComparer.Ordinal);
            scanOrder = paths.ToArray();
            scanSet = new HashSet<string>(scanOrder, StringComparer.Ordinal);
        }
        return new RepositorySnapshot(scanOrder.Select(p => documents[p]).ToArray());
    }

    private void RunRepositoryChecks()
    {
        var run = StartRepositoryRun();
        run.Run();
        Complete(run);
    }

    /// <summary>A full repository pass over the documents as they are now, to run beside the worker (<see cref="RepositoryRun.Run"/>
    /// touches nothing of the workspace), then handed back to <see cref="Complete"/> on the worker.</summary>
    public RepositoryRun StartRepositoryRun() => new(linter, snapshot, Config, scopes, generation);

    /// <summary>Takes a finished run's findings, unless a later run's are already in. Returns whether they were taken.</summary>
    public bool Complete(RepositoryRun run)
    {
        if (run.Contexts == null || run.Generation < judgedGeneration) return false;
        repositoryFindings = run.Contexts.SelectMany(c => c.Findings).ToArray();
        repositoryFindingsByPath = repositoryFindings.ToLookup(f => f.Path, StringComparer.Ordinal);
        judged = run.Snapshot;
        judgedGeneration = run.Generation;
        LastRepositoryProfile = run.Profile;
        LastRepositoryTime = run.Elapsed;
        foreach (var path in scopedFindings.Keys.Where(p => ReferenceEquals(judged.Find(p), scopedFindings[p].Document)).ToArray()) scopedFindings.Remove(path);
        foreach (var d in run.Contexts.SelectMany(c => c.Diagnostics).Where(d => d.Level == ScanDiagnosticLevel.Error)) Log(d.Message);
        return true;
    }

    /// <summary>Wall time of the last repository run taken.</summary>
    public TimeSpan LastRepositoryTime { get; private set; }

    /// <summary>CPU per check and parsed form in the last repository run taken (logged with each edit's timing).</summary>
    public IReadOnlyDictionary<string, TimeSpan> LastRepositoryProfile { get; private set; } = new Dictionary<string, TimeSpan>();

    /// <summary>One pass of the repository checks over a snapshot: immutable inputs, so it may run on another thread than
    /// the worker's while the worker goes on with edits (each edit makes new documents; the run's are never released).</summary>
    internal sealed class RepositoryRun
    {
        private readonly Linter linter;

        internal RepositoryRun(Linter linter, RepositorySnapshot snapshot, LintConfig config, ScopeModel scopes, int generation)
        {
            this.linter = linter;
            Snapshot = snapshot;
            Config = config;
            Scopes = scopes;
            Generation = generation;
        }

        public RepositorySnapshot Snapshot { get; }
        public LintConfig Config { get; }
        public ScopeModel Scopes { get; }
        public int Generation { get; }
        public IReadOnlyList<CheckContext>? Contexts { get; private set; }
        public IReadOnlyDictionary<string, TimeSpan> Profile { get; private set; } = new Dictionary<string, TimeSpan>();
        public TimeSpan Elapsed { get; private set; }

        public void Run()
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var profile = new ScanProfile();
            Contexts = linter.CheckRepository(Snapshot, Config, Scopes, profile);
            Profile = profile.Snapshot();
            Elapsed = sw.Elapsed;
        }
    }
}
