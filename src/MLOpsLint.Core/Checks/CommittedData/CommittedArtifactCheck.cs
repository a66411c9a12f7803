using MLOpsLint.Core.Artifacts;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// MLO101 (data file), MLO102 (model artifact), MLO103 (large binary) and MLO107 (pickle-based artifact).
/// A repository check because what git stores depends on .gitattributes (LFS) and DVC files: a path kept
/// in LFS or DVC is reported by MLO104/MLO105 instead, never as a committed file.
/// Per document it costs a pointer test, a switch on the first byte and an extension lookup.
/// </summary>
public sealed class CommittedArtifactCheck : IRepositoryCheck
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } =
        new[] { RuleCatalog.MLO101, RuleCatalog.MLO102, RuleCatalog.MLO103, RuleCatalog.MLO107 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var settings = new Settings(context);
        LfsPatterns? lfs = null;
        DvcOutputs? dvc = null;
        foreach (var document in repository.Documents)
        {
            if (document.Size == 0 || LfsPointer.IsPointer(document.Content.Span, document.Size)) continue;
            if (document.Kind == DocumentKind.GitAttributes || DvcFile.IsDvcFile(document)) continue;

            var detected = ArtifactClassifier.Classify(document, settings.DataExtensions, settings.ModelExtensions);
            // An excluded extension only takes the file out of its data/model rule: it may still be a large binary.
            var match = detected != null && settings.IsExcluded(document, detected) ? null : detected;
            if (detected == null && !(document.IsBinary && document.Size > settings.BinaryMaxSize)) continue;

            if (detected is { Format.IsPickleBased: true } && settings.PickleEnabled)
            {
                context.Report(Pickle(document, detected));
            }
            lfs ??= new LfsPatterns(repository);
            dvc ??= new DvcOutputs(repository);
            if (lfs.IsLfsTracked(document.Path, out _) || dvc.Find(document.Path) != null) continue;

            if (match == null)
            {
                if (document.IsBinary && document.Size > settings.BinaryMaxSize) context.Report(LargeBinary(document, settings.BinaryMaxSize));
            }
            else if (match.Category == ArtifactCategory.Data)
            {
                bool test = settings.DataTestPaths.IsMatch(document.Path);
                long limit = test ? settings.DataTestMaxSize : settings.DataMaxSize;
                if (document.Size > limit) context.Report(Data(document, match, limit, test));
            }
            else
            {
                bool test = settings.ModelTestPaths.IsMatch(document.Path);
                if (!test || document.Size > settings.ModelTestMaxSize) context.Report(Model(document, match, test, settings.ModelTestMaxSize));
            }
        }
    }

    private static Finding Data(SourceDocument d, ArtifactMatch m, long limit, bool test) =>
        new(RuleCatalog.MLO101, d.Path, SourceSpan.WholeFile,
            $"Data file committed to git: {m.Describe()}{Renamed(d, m)}, {Sizes.Format(d.Size)} "
            + $"(over the {Sizes.Format(limit)} limit for data files{(test ? " in test folders" : "")}).")
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

        public Settings(CheckContext context)
        {
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
            PickleEnabled = context.IsEnabled(RuleCatalog.MLO107);
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
