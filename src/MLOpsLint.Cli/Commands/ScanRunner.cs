using MLOpsLint.Cli.Configuration;
using MLOpsLint.Cli.Discovery;
using MLOpsLint.Core.Baseline;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Commands;

/// <summary>The pipeline behind <c>scan</c> and <c>baseline</c>: configuration → discovery → documents →
/// engine. Throws <see cref="UsageException"/> or <see cref="ConfigException"/> when the scan cannot run.</summary>
internal static class ScanRunner
{
    /// <summary>The checks the CLI adds to Core's (<see cref="CheckRegistry"/>); a test holds this list equal to the
    /// check classes the CLI defines.</summary>
    internal static readonly IReadOnlyList<ICheck> CliChecks = new ICheck[] { new CSharp.RoslynCheck() };

    public sealed record Outcome(LintResult Result, LintConfig Config, string Root, Func<string, Core.Documents.SourceDocument?> Documents)
    {
        public Git.HistorySummary? History { get; init; }

        /// <summary>The document a finding was made in, when the path alone does not say it (a history scan sees
        /// several versions of one path); reporters take code frames from it.</summary>
        public Func<Finding, Core.Documents.SourceDocument?>? DocumentOf { get; init; }

        /// <summary>What the facts cache of a staged scan did (<c>--verbose</c>); null without one.</summary>
        public string? CacheNote { get; init; }
    }

    public static Outcome Run(ScanOptions options, bool applyBaseline, Action<string>? progress = null)
    {
        if (options.NewFromRev != null && !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            // LibGit2Sharp's diff (the lines REV changed) dies in a Native AOT process: a null reference in its callbacks
            throw new UsageException($"--new-from-rev is not in this build (it needs LibGit2Sharp's diff): {NativeAotLimits.UseJitBuild}");
        }
        var targets = options.Targets.Count > 0 ? ScanTargets.Resolve(options.Targets) : new ScanTargets(options.Path, null);
        string path = System.IO.Path.GetFullPath(targets.Directory);
        if (!Directory.Exists(path)) throw new UsageException($"{targets.Directory} does not exist");

        var warnings = new List<ScanDiagnostic>();
        var config = ConfigLocator.Load(path, options.ConfigFile, warnings);
        foreach (var s in options.Select.Concat(options.Ignore))
        {
            if (!Core.Rules.RuleCatalog.TryMatchSelector(s, out _))
            {
                throw new UsageException(Core.Rules.RuleCatalog.NoMatchMessage(s));
            }
        }
        config = config.With(options.Select, options.Ignore, options.Exclude.Count > 0 ? options.Exclude : null, options.FailLevel);

        BaselineFile? baseline = null;
        if (applyBaseline && options.BaselineFile != null)
        {
            baseline = LoadBaseline(options.BaselineFile);
        }
        var linter = new Linter(CliChecks);

        if (options.Mode == ScanMode.History)
        {
            if (targets.Only != null) throw new UsageException("--history scans a repository's history; give its directory, not file names");
            try
            {
                return RunHistory(options, path, config, baseline, linter, warnings, progress);
            }
            catch (LibGit2Sharp.LibGit2SharpException e)
            {
                throw new UsageException($"--history cannot read the git repository at {path}: {e.Message}");
            }
        }

        IReadOnlyList<Core.Documents.SourceDocument> documents;
        IReadOnlyList<ScanDiagnostic> problems;
        string root;
        IReadOnlySet<string>? onlyPaths = null;
        IReadOnlyList<string> absent = Array.Empty<string>();
        Git.FactCache.BlobFactCache? cache = null;
        if (options.Mode == ScanMode.Staged)
        {
            progress?.Invoke("reading the index…");
            string? cacheKey = options.NoCache || !config.FactCache ? null : Git.FactCache.BlobFactCache.KeyFor(Git.FactCache.FactCacheSettings.Of(config));
            var index = Git.IndexSnapshot.Read(path, config.Exclude, config.MaxTextFileSize, targets.RelativeTo, cacheKey);
            cache = index.Cache;
            documents = index.Documents;
            problems = index.Diagnostics;
            root = index.Root;
            onlyPaths = index.StagedPaths;
            // file names given (pre-commit): those files as staged, whether or not they differ from HEAD (--all-files)
            if (targets.RelativeTo(root) is { } named) onlyPaths = documents.Select(d => d.Path).Where(p => ScanTargets.Includes(named, p)).ToHashSet(StringComparer.Ordinal);
            var inTree = documents.Where(d => d.FileName == ".editorconfig").Select(d => System.IO.Path.Combine(root, d.Path)).Where(File.Exists);
            config = WithEditorConfig(config, root, inTree, warnings);
        }
        else
        {
            var tree = LoadWorkingTree(path, config, warnings, progress, lazy: true);
            (root, documents, problems, config, absent) = (tree.Root, tree.Documents, tree.Problems, tree.Config, tree.AbsentTracked);
            if (targets.RelativeTo(root) is { } named) onlyPaths = documents.Select(d => d.Path).Where(p => ScanTargets.Includes(named, p)).ToHashSet(StringComparer.Ordinal);
        }

        progress?.Invoke($"checking {documents.Count} files…");
        var snapshot = new RepositorySnapshot(documents) { AbsentTrackedPaths = absent };
        var result = linter.Run(snapshot, config, onlyPaths == null ? baseline : null, reported: onlyPaths == null ? null : onlyPaths.Contains);
        string? cacheNote = cache == null ? null : SaveCache(cache, documents.Count);
        var findings = result.Findings;
        int baselined = result.Baselined;
        if (onlyPaths != null)
        {
            findings = findings.Where(f => onlyPaths.Contains(f.Path) || ListsReportedFile(f, onlyPaths)).ToArray();
            if (baseline != null)
            {
                int before = findings.Count;
                findings = findings.Where(f => !baseline.Contains(f)).ToArray();
                baselined = before - findings.Count;
            }
        }
        var diagnostics = warnings.Select(w => RelativeTo(root, w)).Concat(problems).Concat(result.Diagnostics)
            .Where(d => onlyPaths == null || d.Path == null || onlyPaths.Contains(d.Path)).ToArray();
        result = new LintResult(findings, diagnostics, onlyPaths?.Count ?? result.FilesScanned, result.Suppressed, baselined)
        {
            BytesScanned = result.BytesScanned,
            CheckTimes = result.CheckTimes,
            Secrets = result.Secrets,
            Scopes = result.Scopes,
            OutOfScope = result.OutOfScope,
        };
        if (options.NewFromRev != null) result = NewFindings.Keep(result, options, path, config, linter, progress);
        if (WantsOnline(options)) result = WithOnlineVersions(result, root, progress);
        return new Outcome(result, config, root, snapshot.Find) { CacheNote = cacheNote };
    }

    /// <summary>Keeps what this scan learned of the index's blobs for the next one; <c>--verbose</c> says how warm it was.</summary>
    private static string SaveCache(Git.FactCache.BlobFactCache cache, int documents)
    {
        string? notWritten = cache.Save();
        string state = cache.Loaded ? $"{cache.LoadedEntries} entries read" : cache.Ignored is { } why ? $"its file was ignored ({why})" : "no file yet";
        string written = notWritten != null ? $"; {notWritten}" : cache.SaveTime > TimeSpan.Zero ? FormattableString.Invariant($"; written in {cache.SaveTime.TotalMilliseconds:0} ms") : "; nothing new to write";
        return $"fact cache {cache.FilePath}: {state}" + FormattableString.Invariant($" in {cache.LoadTime.TotalMilliseconds:0} ms")
            + $"; {cache.FilesRead} unchanged files of the {documents} in the index read" + written;
    }

    /// <summary>The documents of the working tree under <paramref name="path"/> (what <c>scan</c> reads, LFS blobs included) and
    /// the configuration with its .editorconfig files: the scan's input, and the language server's workspace.</summary>
    internal sealed record WorkingTree(string Root, IReadOnlyList<Core.Documents.SourceDocument> Documents, IReadOnlyList<ScanDiagnostic> Problems, LintConfig Config)
    {
        /// <summary>Tracked files the work tree lacks (<see cref="RepositorySnapshot.AbsentTrackedPaths"/>).</summary>
        public IReadOnlyList<string> AbsentTracked { get; init; } = Array.Empty<string>();
    }

    /// <param name="lazy">A scan's documents read their bytes when checked and drop them after (<see cref="DocumentLoader"/>);
    /// the language server, which keeps its documents between edits, reads them up front.</param>
    internal static WorkingTree LoadWorkingTree(string path, LintConfig config, List<ScanDiagnostic> warnings, Action<string>? progress, bool lazy = false)
    {
        progress?.Invoke("finding files…");
        var discovery = FileDiscovery.Discover(path, config.Exclude);
        progress?.Invoke($"reading {discovery.Files.Count} files…");
        var (loaded, readProblems) = DocumentLoader.Load(discovery.Files, config.MaxTextFileSize, lazy);
        string root = discovery.RootDirectory;
        var documents = discovery.IsGitRepository ? Git.IndexSnapshot.WithLfsBlobs(root, loaded, config.MaxTextFileSize) : loaded;
        var editorConfigs = discovery.Files.Where(f => System.IO.Path.GetFileName(f.RelativePath) == ".editorconfig").Select(f => f.FullPath);
        return new WorkingTree(root, documents, discovery.Diagnostics.Concat(readProblems).ToArray(), WithEditorConfig(config, root, editorConfigs, warnings))
        {
            AbsentTracked = discovery.AbsentTracked,
        };
    }

    private static Outcome RunHistory(
        ScanOptions options, string path, LintConfig config, BaselineFile? baseline, Linter linter, List<ScanDiagnostic> warnings, Action<string>? progress)
    {
        progress?.Invoke("walking history…");
        // git is asked where the repository is once: for the configuration here and for the walk
        var located = Git.GitCli.IsAvailable ? Git.GitCliRepository.Locate(path) : null;
        string top = located?.Root ?? Git.GitRepository.TopLevel(path);
        var rootEditorConfig = new[] { System.IO.Path.Combine(top, ".editorconfig") }.Where(File.Exists);
        var history = Git.HistoryScan.Run(path, located, options.Since, WithEditorConfig(config, top, rootEditorConfig, warnings), linter, progress);
        var hr = history.Lint;
        var kept = baseline == null ? hr.Findings : hr.Findings.Where(f => !baseline.Contains(f)).ToArray();
        var all = warnings.Select(w => RelativeTo(history.Root, w)).Concat(hr.Diagnostics).ToArray();
        var final = new LintResult(kept, all, hr.FilesScanned, hr.Suppressed, hr.Findings.Count - kept.Count) { BytesScanned = hr.BytesScanned, CheckTimes = hr.CheckTimes, Secrets = hr.Secrets };
        if (WantsOnline(options)) final = WithOnlineVersions(final, history.Root, progress);
        return new Outcome(final, config, history.Root, p => history.Documents.TryGetValue(p, out var d) ? d : null) { History = history.Summary, DocumentOf = history.DocumentOf };
    }

    /// <summary>A committed-data finding for a folder (one finding for the datasets of <c>data/</c>, on its first file, its
    /// <see cref="Finding.Subject"/> the folder) covers every file in it: staging one of them reports the folder's finding,
    /// or a new dataset would pass pre-commit unseen.</summary>
    private static bool ListsReportedFile(Finding f, IReadOnlySet<string> onlyPaths) =>
        f.Rule.Family == Core.Rules.RuleFamily.CommittedData
        && (f.Related.Any(r => onlyPaths.Contains(r.Path))
            || f.Subject is { Length: > 0 } folder && folder.EndsWith('/') && onlyPaths.Any(p => p.StartsWith(folder, StringComparison.Ordinal)));

    /// <summary>--fix reports from a second scan (which asks the feeds) and --diff reports no findings: neither pass
    /// needs the versions itself.</summary>
    private static bool WantsOnline(ScanOptions options) => options.Online && !options.Fix && !options.Diff;

    /// <summary>--online only: the one place the scan reaches the NuGet feeds (see <see cref="Dependencies.OnlineFixHints"/>).</summary>
    private static LintResult WithOnlineVersions(LintResult result, string root, Action<string>? progress)
    {
        progress?.Invoke("asking the NuGet feeds for current versions…");
        return Dependencies.OnlineFixHints.Apply(result, root);
    }

    /// <summary>The configuration for the repository at <paramref name="root"/>: its .editorconfig files, and its GitHub owner
    /// (first-party actions, MLO207/MLO208) as data for the checks.</summary>
    private static LintConfig WithEditorConfig(LintConfig config, string root, IEnumerable<string> inTree, List<ScanDiagnostic> warnings)
    {
        var github = Git.RepositoryOwner.Repository(root);
        return config.WithEditorConfig(ConfigLocator.LoadEditorConfigs(root, inTree, warnings), root).WithRepositoryOwner(github?.Owner, github?.Name);
    }

    /// <summary>Configuration problems name the file as found on disk; inside the repository, show it as every other path.</summary>
    private static ScanDiagnostic RelativeTo(string root, ScanDiagnostic d)
    {
        if (d.Path == null || !System.IO.Path.IsPathRooted(d.Path)) return d;
        string rel = System.IO.Path.GetRelativePath(root, d.Path).Replace('\\', '/');
        return rel.StartsWith("..", StringComparison.Ordinal) ? d : d with { Path = rel };
    }

    private static BaselineFile LoadBaseline(string path)
    {
        string text;
        try
        {
            text = Discovery.FileType.ReadSettingsText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"baseline {path} cannot be read: {e.Message}");
        }
        try
        {
            return BaselineFile.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"baseline {path} is not a mlops-lint baseline: {e.Message}");
        }
    }
}
