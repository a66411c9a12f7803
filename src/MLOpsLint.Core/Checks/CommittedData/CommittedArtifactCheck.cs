using MLOpsLint.Core.Artifacts;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// MLO101 (data file), MLO102 (model artifact), MLO103 (large binary), MLO107 (pickle-based artifact), MLO108 (training
/// logs) and MLO109 (bytecode, notebook checkpoints).
/// A repository check because what git stores depends on .gitattributes (LFS) and DVC files: a path kept
/// in LFS or DVC is reported by MLO104/MLO105 instead, never as a committed file.
/// Per document it costs a pointer test, a switch on the first byte and an extension lookup.
/// </summary>
/// <remarks>Asks of every module whether it is a test (<see cref="TestFolders"/>): <see cref="IAsksScopes"/>.</remarks>
public sealed class CommittedArtifactCheck : IRepositoryCheck, IDocumentSummarizer, IAsksScopes
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } =
        new[] { RuleCatalog.MLO101, RuleCatalog.MLO102, RuleCatalog.MLO103, RuleCatalog.MLO107, RuleCatalog.MLO108, RuleCatalog.MLO109 };

    public bool Summarizes(SourceDocument document) => document.Size > 0;

    /// <summary>What the file's bytes say (an LFS pointer, a pickle, a model…), read while the bytes are at hand.</summary>
    public void Summarize(SourceDocument document, CheckContext context) =>
        ArtifactHead.Of(document, context.Options(RuleCatalog.MLO101).GetStringList("extra-extensions", Array.Empty<string>()),
            context.Options(RuleCatalog.MLO102).GetStringList("extra-extensions", Array.Empty<string>()));

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var settings = new Settings(context) { TestFolders = TestFolders.Of(repository.Documents, context) };
        LfsPatterns? lfs = null;
        DvcOutputs? dvc = null;
        var runOutputs = new SortedDictionary<RunOutputKind, List<(SourceDocument Doc, string Root)>>();
        var media = new Dictionary<string, List<SourceDocument>>(StringComparer.Ordinal);
        var candidates = new List<(SourceDocument Doc, ArtifactMatch? Detected)>();
        var modelFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in repository.Documents)
        {
            if (document.Size == 0) continue;
            var head = ArtifactHead.Of(document, settings.DataExtensions, settings.ModelExtensions);
            if (head.IsLfsPointer) continue;
            if (document.Kind == DocumentKind.GitAttributes || DvcFile.IsDvcFile(document)) continue;
            if (RunOutputs.Classify(document.Path) is { } run)
            {
                // Everything under a run folder is covered by the one finding for it (models in mlruns/ included).
                if (RunOutputs.IsLog(run.Kind) ? settings.LogsEnabled && !settings.IsFixture(document) : settings.GeneratedEnabled)
                {
                    if (!runOutputs.TryGetValue(run.Kind, out var list)) runOutputs[run.Kind] = list = new();
                    list.Add((document, run.Root));
                    continue;
                }
            }

            var detected = head.Detected;
            if (detected == null && DataPlaces.MediaKind(document.FileName) != null && document.IsBinary)
            {
                string folder = DataPlaces.FolderOf(document.Path);
                if (!media.TryGetValue(folder, out var files)) media[folder] = files = new();
                files.Add(document);
                if (document.Size > Math.Min(settings.BinaryMaxSize, settings.MediaMaxSize)) candidates.Add((document, null));
                continue;
            }
            if (detected == null && !(document.IsBinary && document.Size > settings.BinaryMaxSize)) continue;
            if (detected is { Category: ArtifactCategory.Model }) modelFolders.Add(DataPlaces.FolderOf(document.Path));
            candidates.Add((document, detected));
        }

        var mediaFindings = MediaDatasets(media, settings).ToArray();
        var dataFolders = new SortedDictionary<string, List<(SourceDocument Doc, Finding Finding, long Limit, string Why, bool Pickle)>>(StringComparer.Ordinal);
        var inMediaDatasets = new HashSet<string>(mediaFindings.SelectMany(m => m.Subjects), StringComparer.Ordinal);
        foreach (var (document, detected) in candidates)
        {
            if (inMediaDatasets.Contains(document.Path)) continue;
            // An excluded extension only takes the file out of its data/model rule: it may still be a large binary.
            var match = detected != null && settings.IsExcluded(document, detected) ? null : detected;
            bool pickle = detected is { Format.IsPickleBased: true } && settings.PickleEnabled;
            bool smallFixtureModel = false; // a test's fixture model or a placeholder within the fixture limit: neither MLO102 nor MLO107
            lfs ??= new LfsPatterns(repository);
            dvc ??= new DvcOutputs(repository);
            if (lfs.IsLfsTracked(document.Path, out _) || dvc.Find(document.Path) != null)
            {
                // Out of git's blobs: loading it still runs code, which is then the only thing to act on.
                if (pickle) context.Report(Pickle(document, detected!));
                continue;
            }

            Finding? committed = null;
            (long Limit, string Why)? dataLimit = null;
            if (match == null)
            {
                if (document.IsBinary && document.Size > settings.BinaryMaxSize) committed = LargeBinary(document, settings.BinaryMaxSize);
                else if (DataPlaces.MediaKind(document.FileName) is "video" or "audio" && document.Size > settings.MediaMaxSize
                    && !settings.IsFixture(document) && !settings.IsDocsOrExample(document))
                {
                    committed = LargeMedia(document, settings.MediaMaxSize);
                }
            }
            else if (match.Category == ArtifactCategory.Data)
            {
                if (settings.OverDataLimit(document, match, modelFolders) is { } over)
                {
                    committed = Data(document, match, over.Limit, over.Why);
                    dataLimit = over;
                }
            }
            else
            {
                bool test = settings.IsModelFixture(document);
                bool fixture = test || DataPlaces.NamesPlaceholder(document.Path);
                if (!fixture || document.Size > settings.ModelTestMaxSize) committed = Model(document, match, test, settings.ModelTestMaxSize);
                else smallFixtureModel = true;
            }

            // One finding per file and concern: a committed pickle is fixed by taking it out of git and saving it in a
            // format without code, so the data/model finding says both. MLO107 stands alone where nothing else fires
            // (a fixture pickle in a test folder, a pickle in LFS), or where the user ranks it above the other rule.
            if (committed != null && pickle && context.Config.EffectiveSeverity(committed.Rule, document.Path) != Severity.None)
            {
                committed = WithPickleNote(committed, detected!);
                if (context.Config.EffectiveSeverity(RuleCatalog.MLO107, document.Path) > context.Config.EffectiveSeverity(committed.Rule, document.Path))
                {
                    context.Report(Pickle(document, detected!));
                }
            }
            else if (pickle && !settings.IsFixture(document) && !smallFixtureModel)
            {
                // a test's fixture pickle is loaded by that project's own tests: whoever can change it can change the test
                // code next to it, so the pickle adds no risk of its own (the first ecosystem run judged all four false)
                context.Report(Pickle(document, detected!));
            }
            if (committed != null && dataLimit is { } limit)
            {
                // the data files of one data folder (or one folder) are one thing to fix: grouped below (31 blend CSVs, a
                // vendored benchmark collection of 35 datasets are one finding each)
                string key = DataPlaces.DataFolder(document.Path, settings.OutputFolders) ?? DataPlaces.FolderOf(document.Path);
                if (!dataFolders.TryGetValue(key, out var list)) dataFolders[key] = list = new();
                list.Add((document, committed, limit.Limit, limit.Why, pickle));
            }
            else if (committed != null)
            {
                context.Report(committed);
            }
        }

        foreach (var kv in dataFolders)
        {
            context.Report(kv.Value.Count == 1 ? kv.Value[0].Finding : DataFolder(kv.Key, kv.Value));
        }
        foreach (var group in mediaFindings)
        {
            context.Report(group.Finding);
        }
        foreach (var kv in runOutputs)
        {
            context.Report(RunOutput(kv.Key, kv.Value));
        }
    }

    /// <summary>Images, audio and video count as a dataset when they sit in a data or output folder and add up to more
    /// than the limit for data there, or when one folder outside docs, examples and tests holds many of them. One
    /// finding per data folder (or per crowded folder), on its first file.</summary>
    private static IEnumerable<(Finding Finding, IEnumerable<string> Subjects)> MediaDatasets(Dictionary<string, List<SourceDocument>> media, Settings settings)
    {
        if (!settings.DataEnabled) yield break;
        var byRoot = new SortedDictionary<string, List<SourceDocument>>(StringComparer.Ordinal);
        foreach (var kv in media)
        {
            var first = kv.Value[0];
            if (settings.IsFixture(first) || settings.IsDocsOrExample(first)) continue;
            string? root = DataPlaces.DataFolder(first.Path, settings.OutputFolders);
            // a library's crowded folder is its package's resources (icons, test images for its own loaders), not a dataset
            if (root == null && (kv.Value.Count < settings.MediaFolderCount || settings.IsLibrary)) continue;
            root ??= kv.Key;
            if (!byRoot.TryGetValue(root, out var list)) byRoot[root] = list = new();
            list.AddRange(kv.Value);
        }
        foreach (var kv in byRoot)
        {
            var files = kv.Value.OrderBy(d => d.Path, StringComparer.Ordinal).ToArray();
            long total = files.Sum(f => f.Size);
            bool crowded = files.Length >= settings.MediaFolderCount;
            if (!crowded && total <= settings.OutputMaxSize) continue;
            string kinds = string.Join(" and ", files.Select(f => DataPlaces.MediaKind(f.FileName)!).Distinct().OrderBy(k => k, StringComparer.Ordinal));
            string folder = kv.Key.Length == 0 ? "the repository root" : kv.Key + "/";
            yield return (new Finding(RuleCatalog.MLO101, files[0].Path, SourceSpan.WholeFile,
                $"Media dataset committed to git: {files.Length} {kinds} file{(files.Length == 1 ? "" : "s")}, {Sizes.Format(total)}, in {folder} "
                + (crowded ? $"({settings.MediaFolderCount} or more media files in one data folder or folder are a dataset)." : $"(over the {Sizes.Format(settings.OutputMaxSize)} limit for data in a data or output folder)."))
            {
                FixHint = $"Stop tracking them: git rm -r --cached {FixAdvice.Quote(kv.Key.Length == 0 ? "." : kv.Key)} (or only the media files), add the folder to .gitignore, "
                    + "and version the dataset with DVC (dvc add) or keep it in object storage and download it in the pipeline.",
                FingerprintContent = "media " + kv.Key + " " + files.Length,
                Subject = kv.Key.Length == 0 ? null : kv.Key + "/",
                Related = files.Skip(1).Take(9).Select(f => new Location(f.Path, SourceSpan.WholeFile)).ToArray(),
            }, files.Select(f => f.Path));
        }
    }

    /// <summary>Several data files of one data or output folder (or of one folder): one finding on the first, listing them,
    /// so the user acts once (one <c>git rm -r --cached</c>, one <c>dvc add</c>). Its fingerprint is the folder's, so it
    /// stays the same as files come and go.</summary>
    private static Finding DataFolder(string folder, List<(SourceDocument Doc, Finding Finding, long Limit, string Why, bool Pickle)> group)
    {
        var sorted = group.OrderBy(f => f.Doc.Path, StringComparer.Ordinal).ToArray();
        long total = sorted.Sum(f => f.Doc.Size);
        string where = folder.Length == 0 ? "the repository root" : folder + "/";
        // the lower limit's reasons name each file's own folder or name; for the group, one wording
        var limits = sorted.Select(f => (f.Limit, Why: f.Why.StartsWith("data in ", StringComparison.Ordinal) || f.Why.StartsWith("data named ", StringComparison.Ordinal)
            || f.Why.StartsWith("data beside ", StringComparison.Ordinal) ? "data in a data or output folder" : f.Why)).Distinct().ToArray();
        string over = limits.Length == 1
            ? $"each over the {Sizes.Format(limits[0].Limit)} limit for {limits[0].Why}"
            : "each over its limit: " + string.Join(", ", limits.OrderByDescending(l => l.Limit).Select(l => $"{Sizes.Format(l.Limit)} for {l.Why}"));
        var pickles = sorted.Where(f => f.Pickle).ToArray();
        string pickleNote = pickles.Length == 0 ? ""
            : $" {pickles.Length} of them {(pickles.Length == 1 ? "is" : "are")} pickle-based ({string.Join(", ", pickles.Take(3).Select(f => f.Doc.FileName))}{(pickles.Length > 3 ? ", …" : "")}): loading them runs whatever code they contain.";
        var files = sorted.Select(f => f.Doc).ToArray();
        return new Finding(RuleCatalog.MLO101, files[0].Path, SourceSpan.WholeFile,
            $"Data files committed to git: {files.Length} files, {Sizes.Format(total)}, in {where} ({over}), "
            + $"{string.Join(", ", files.Take(3).Select(f => f.FileName))}{(files.Length > 3 ? ", …" : "")}.{pickleNote}")
        {
            FixHint = $"Stop tracking them: git rm -r --cached {FixAdvice.Quote(folder.Length == 0 ? files[0].Path : folder)}, add the folder to .gitignore, and version "
                + "the data with DVC (dvc add) or regenerate the outputs in the pipeline.",
            FingerprintContent = "data-folder " + folder,
            Subject = folder.Length == 0 ? null : folder + "/",
            Related = files.Skip(1).Take(9).Select(f => new Location(f.Path, SourceSpan.WholeFile)).ToArray(),
        };
    }

    private static Finding RunOutput(RunOutputKind kind, List<(SourceDocument Doc, string Root)> files)
    {
        var sorted = files.OrderBy(f => f.Doc.Path, StringComparer.Ordinal).ToArray();
        var roots = sorted.Select(f => f.Root).Distinct().ToArray();
        long total = sorted.Sum(f => f.Doc.Size);
        bool log = RunOutputs.IsLog(kind);
        string where = roots.Length == 1 ? $"in {Shown(roots[0])}" : $"in {roots.Length} places ({string.Join(", ", roots.Take(3).Select(Shown))}{(roots.Length > 3 ? ", …" : "")})";
        string removal = kind switch
        {
            RunOutputKind.PythonBytecode => "git rm -r --cached $(git ls-files '*.pyc' '*.pyo')",
            RunOutputKind.NotebookCheckpoints => "git rm -r --cached $(git ls-files '*.ipynb_checkpoints/*')",
            RunOutputKind.TensorBoard => "git rm --cached $(git ls-files '*events.out.tfevents.*')",
            RunOutputKind.LogFiles => "git rm --cached $(git ls-files '*.log') and the log folders",
            _ => "git rm -r --cached " + string.Join(" ", roots.Take(3).Select(FixAdvice.Quote)) + (roots.Length > 3 ? " …" : ""),
        };
        string keep = log
            ? " Keep runs in the tracking tool's server or an ignored folder; to share a result, publish the metric or the model, not the log folder."
            : kind == RunOutputKind.Virtualenv
                ? " Commit the requirements (or a lock file) instead; the environment is rebuilt from them."
                : " They are regenerated on every run.";
        return new Finding(log ? RuleCatalog.MLO108 : RuleCatalog.MLO109, sorted[0].Doc.Path, SourceSpan.WholeFile,
            $"{RunOutputs.Describe(kind)} committed to git: {sorted.Length} file{(sorted.Length == 1 ? "" : "s")}, {Sizes.Format(total)}, {where}.")
        {
            FixHint = $"Stop tracking them: {removal}, and add {RunOutputs.IgnoreLine(kind)} to .gitignore.{keep}",
            FingerprintContent = "run-output " + kind,
            Related = roots.Skip(1).Take(9).Select(r => new Location(sorted.First(f => f.Root == r).Doc.Path, SourceSpan.WholeFile)).ToArray(),
        };
    }

    private static string Shown(string root) => root.Length == 0 ? "the repository root" : root.EndsWith(".pyc", StringComparison.Ordinal) || root.EndsWith(".pyo", StringComparison.Ordinal) ? root : root + "/";

    private static Finding WithPickleNote(Finding f, ArtifactMatch m) => f with
    {
        Message = f.Message.TrimEnd('.') + $". It is also pickle-based ({m.Format.Name}): loading it runs whatever code it contains.",
        FixHint = f.Fix + " Save the replacement in a format that holds no code (safetensors, skops, ONNX; torch.load(..., weights_only=True) to read the old one).",
    };

    private static Finding Data(SourceDocument d, ArtifactMatch m, long limit, string why) =>
        new(RuleCatalog.MLO101, d.Path, SourceSpan.WholeFile,
            $"Data file committed to git: {m.Describe()}{Renamed(d, m)}, {Sizes.Format(d.Size)} "
            + $"(over the {Sizes.Format(limit)} limit for {why}).")
        {
            FixHint = FixAdvice.Untrack(d.Path, Renamed(d, m).Length == 0),
            FingerprintContent = FixAdvice.ContentFingerprint(d),
        };

    private static Finding Model(SourceDocument d, ArtifactMatch m, bool test, long testLimit) =>
        new(RuleCatalog.MLO102, d.Path, SourceSpan.WholeFile,
            $"Model artifact committed to git: {m.Describe()}{Renamed(d, m)}, {Sizes.Format(d.Size)}"
            + (test ? $" (over the {Sizes.Format(testLimit)} allowed for fixture models in test folders)." : "."))
        {
            FixHint = FixAdvice.Untrack(d.Path, Renamed(d, m).Length == 0),
            FingerprintContent = FixAdvice.ContentFingerprint(d),
        };

    private static Finding LargeBinary(SourceDocument d, long limit) =>
        new(RuleCatalog.MLO103, d.Path, SourceSpan.WholeFile,
            $"Large binary file committed to git: {Sizes.Format(d.Size)} (over the {Sizes.Format(limit)} limit for binary files).")
        {
            FixHint = FixAdvice.Untrack(d.Path),
            FingerprintContent = FixAdvice.ContentFingerprint(d),
        };

    private static Finding LargeMedia(SourceDocument d, long limit) =>
        new(RuleCatalog.MLO103, d.Path, SourceSpan.WholeFile,
            $"{(DataPlaces.MediaKind(d.FileName) == "video" ? "Video" : "Audio")} file committed to git: {Sizes.Format(d.Size)} (over the {Sizes.Format(limit)} limit for audio and video).")
        {
            FixHint = FixAdvice.Untrack(d.Path) + " A video for a README or a notebook can live in a release asset or an issue attachment and be linked.",
            FingerprintContent = FixAdvice.ContentFingerprint(d),
        };

    private static Finding Pickle(SourceDocument d, ArtifactMatch m) =>
        new(RuleCatalog.MLO107, d.Path, SourceSpan.WholeFile,
            $"Pickle-based artifact: {m.Describe()}{Renamed(d, m)}. Loading it (pickle.load, joblib.load, "
            + "torch.load without weights_only=True, np.load with allow_pickle=True) runs whatever code the file contains.")
        {
            FingerprintContent = FixAdvice.ContentFingerprint(d),
        };

    /// <summary>Says so when the bytes tell a different story than the name (model.pkl renamed to notes.txt).</summary>
    private static string Renamed(SourceDocument d, ArtifactMatch m)
    {
        if (m.Evidence != ArtifactEvidence.ContentSignature) return "";
        var byName = ArtifactExtensions.Lookup(d.FileName);
        return byName == null || byName.Value.Entry.Format.Category != m.Category
            ? $", although its name ({d.FileName}) does not say so"
            : "";
    }

    /// <summary>Options of the four rules, read once per scan.</summary>
    private sealed class Settings
    {
        private static readonly IReadOnlyList<string> DefaultTestPaths =
            new[] { "test", "tests", "testdata", "test_data", "testing", "fixtures", "__fixtures__", "__tests__", "spec" };

        private readonly IReadOnlyList<string> dataExcluded;
        private readonly IReadOnlyList<string> modelExcluded;

        private readonly CheckContext context;
        private readonly bool testPathsConfigured;
        private readonly bool modelTestPathsConfigured;

        public Settings(CheckContext context)
        {
            this.context = context;
            testPathsConfigured = context.Options(RuleCatalog.MLO101).Has("test-paths");
            modelTestPathsConfigured = context.Options(RuleCatalog.MLO102).Has("test-paths");
            var data = context.Options(RuleCatalog.MLO101);
            var model = context.Options(RuleCatalog.MLO102);
            DataMaxSize = data.GetSize("max-size", 500_000);
            DataTestMaxSize = data.GetSize("test-max-size", 5_000_000);
            DataTestPaths = new GlobSet(data.GetStringList("test-paths", DefaultTestPaths));
            DataExtensions = data.GetStringList("extra-extensions", Array.Empty<string>());
            dataExcluded = data.GetStringList("exclude-extensions", Array.Empty<string>());
            ModelTestMaxSize = model.GetSize("test-max-size", 1_000_000);
            ModelTestPaths = new GlobSet(model.GetStringList("test-paths", DefaultTestPaths));
            ModelExtensions = model.GetStringList("extra-extensions", Array.Empty<string>());
            modelExcluded = model.GetStringList("exclude-extensions", Array.Empty<string>());
            BinaryMaxSize = context.IsEnabled(RuleCatalog.MLO103)
                ? context.Options(RuleCatalog.MLO103).GetSize("max-size", 5_000_000)
                : long.MaxValue;
            MediaMaxSize = context.IsEnabled(RuleCatalog.MLO103)
                ? context.Options(RuleCatalog.MLO103).GetSize("media-max-size", 1_000_000)
                : long.MaxValue;
            PickleEnabled = context.IsEnabled(RuleCatalog.MLO107);
            DataEnabled = context.IsEnabled(RuleCatalog.MLO101);
            LogsEnabled = context.IsEnabled(RuleCatalog.MLO108);
            GeneratedEnabled = context.IsEnabled(RuleCatalog.MLO109);
            BinaryDataMaxSize = data.GetSize("binary-max-size", 100_000);
            OutputMaxSize = data.GetSize("output-max-size", 10_000);
            OutputFolders = new HashSet<string>(data.GetStringList("output-folders", DataPlaces.DefaultFolders).Select(f => f.Trim().ToLowerInvariant()), StringComparer.Ordinal);
            MediaFolderCount = (int)Math.Max(1, data.GetInt("media-folder-count", 100));
        }

        public bool DataEnabled { get; }
        public long MediaMaxSize { get; }
        public bool LogsEnabled { get; }
        public bool GeneratedEnabled { get; }
        public long BinaryDataMaxSize { get; }
        public long OutputMaxSize { get; }
        public IReadOnlyCollection<string> OutputFolders { get; }
        public int MediaFolderCount { get; }

        /// <summary>A test's fixture: the scope model says the file is a test's, or the rule's test-paths match it.</summary>
        public bool IsFixture(SourceDocument d) => DataTestPaths.IsMatch(d.Path) || !testPathsConfigured && context.ScopeOf(d).Scope == FileScope.Test;

        /// <summary>A test's fixture model: MLO102's test-paths match it, or (unless they are configured) the scope model
        /// says the file is a test's, or it is in a folder of tests (<c>integraton-test/model/model.pkl</c> beside
        /// <c>integraton-test/test_docker.py</c>).</summary>
        public bool IsModelFixture(SourceDocument d) => ModelTestPaths.IsMatch(d.Path)
            || !modelTestPathsConfigured && (context.ScopeOf(d).Scope == FileScope.Test || CommittedData.TestFolders.Contains(TestFolders, d.Path));

        /// <summary>Folders whose Python files are all tests (<see cref="CommittedData.TestFolders"/>).</summary>
        public ISet<string> TestFolders { get; init; } = new HashSet<string>();

        /// <summary>Docs, examples and benchmarks (the scope model's verdict): their sample data and screenshots are there to be
        /// read with the code, so the lower limits for data and output folders and media folders do not apply.</summary>
        public bool IsDocsOrExample(SourceDocument d) => context.ScopeOf(d).Scope is FileScope.Docs or FileScope.Example or FileScope.Benchmark;

        /// <summary>A published library ships data inside its package on purpose (sklearn's load_iris CSV): the lower limit
        /// for data folders is for projects that run, not for a package's resources.</summary>
        public bool IsLibrary => context.Scopes.RepositoryKind == RepositoryKind.Library;

        /// <summary>Whether a data file is over a limit that applies to it, and which (for the message): data files in
        /// general, binary arrays, data in a data or output folder, test fixtures. Of the limits it is over, the message
        /// names the largest, so a 600 KB CSV in data/ reads "over the 500 KB limit for data files".</summary>
        public (long Limit, string Why)? OverDataLimit(SourceDocument d, ArtifactMatch m, ISet<string> modelFolders)
        {
            if (IsFixture(d)) return d.Size > DataTestMaxSize ? (DataTestMaxSize, "data files in test folders") : null;
            var limits = new List<(long Limit, string Why)> { (DataMaxSize, "data files") };
            if (DataPlaces.IsBinaryArray(m)) limits.Add((BinaryDataMaxSize, "binary data files (arrays, columns, records)"));
            if (!IsDocsOrExample(d) && !IsLibrary && DataPlaces.Why(d.Path, OutputFolders, modelFolders) is { } place) limits.Add((OutputMaxSize, "data " + place));
            var over = limits.Where(l => d.Size > l.Limit).ToArray();
            return over.Length == 0 ? null : over.OrderByDescending(l => l.Limit).First();
        }

        public long DataMaxSize { get; }
        public long DataTestMaxSize { get; }
        public GlobSet DataTestPaths { get; }
        public IReadOnlyList<string> DataExtensions { get; }
        public long ModelTestMaxSize { get; }
        public GlobSet ModelTestPaths { get; }
        public IReadOnlyList<string> ModelExtensions { get; }
        public long BinaryMaxSize { get; }
        public bool PickleEnabled { get; }

        /// <summary>The file's own extension is excluded from the rule its category belongs to.</summary>
        public bool IsExcluded(SourceDocument d, ArtifactMatch m)
        {
            var excluded = m.Category == ArtifactCategory.Data ? dataExcluded : modelExcluded;
            return excluded.Count > 0 && ArtifactClassifier.MatchExtension(d.FileName.ToLowerInvariant(), excluded) != null;
        }
    }
}
