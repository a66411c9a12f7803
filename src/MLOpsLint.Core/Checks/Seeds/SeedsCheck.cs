using System.Globalization;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// MLO301 (scikit-learn without random_state), MLO302 (global generator never seeded), MLO305 (DataLoader shuffle
/// unseeded) and MLO306 (seeded PyTorch with non-deterministic GPU settings). A repository check: a script is
/// seeded by a <c>set_seed()</c> helper that may live in another module. Each document's part is read while its
/// module is parsed (<see cref="SeedSummary"/>, as a document check that reports nothing); the repository part
/// resolves the summaries across files and reports.
/// </summary>
public sealed class SeedsCheck : IFileScopedRepositoryCheck, IDocumentSummarizer
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO301, RuleCatalog.MLO302, RuleCatalog.MLO305, RuleCatalog.MLO306 };

    public bool Summarizes(SourceDocument document) => ScriptScope.IsPython(document);

    /// <summary>Summarises the document while its parsed module is at hand (the engine drops the module afterwards), whatever
    /// its scope: the repository pass reads every Python document's summary.</summary>
    public void Summarize(SourceDocument document, CheckContext context) => SeedSummary.Of(document);

    public void Check(RepositorySnapshot repository, CheckContext context) => Check(repository, null, context);

    /// <summary>The findings on <paramref name="paths"/> only: the index is built from the modules that can change them
    /// (<see cref="SeedNeighbourhood"/>), and only those paths are judged.</summary>
    public void Check(RepositorySnapshot repository, ICollection<string>? paths, CheckContext context)
    {
        var docs = repository.Documents.Where(ScriptScope.IsPython).ToArray();
        if (context.Reported is { } reported)
        {
            // a staged scan: only the modules that can change the reported ones' verdicts are parsed
            if (!docs.Any(d => reported(d.Path))) return;
            docs = ReportedModuleClosure.Of(repository, reported);
        }
        if (docs.Length == 0) return;
        var seedFunctions = context.Options(RuleCatalog.MLO302).GetStringList("seed-functions", Array.Empty<string>());
        var summaries = new SeedSummary[docs.Length];
        Parallel.For(0, docs.Length, i => summaries[i] = SeedSummary.Of(docs[i]));
        var settings = new Settings(context);
        if (!HasAnythingToReport(summaries, settings)) return;
        var index = new SeedIndex(paths == null ? summaries : SeedNeighbourhood.Of(summaries, paths), seedFunctions);
        var judged = paths == null ? index.Modules : index.Modules.Where(m => paths.Contains(m.Path)).ToArray();
        var perModule = new List<Finding>[judged.Count];
        Parallel.For(0, judged.Count, i =>
        {
            var findings = new List<Finding>();
            var m = judged[i];
            perModule[i] = findings;
            if (!context.IsReported(m.Path)) return;
            if (settings.Mlo301 && (!m.IsTest || settings.Tests301)) Sklearn(index, m, settings, findings);
            bool mlo306 = settings.Mlo306 && (!m.IsTest || settings.Tests306);
            if (mlo306) CudnnContradictions(m, findings);
            if (m.IsEntryPoint)
            {
                bool mlo305 = settings.Mlo305 && (!m.IsTest || settings.Tests305);
                bool kerasFolded = false;
                if (settings.Mlo302 && (!m.IsTest || settings.Tests302))
                {
                    var reported = GlobalGenerators(m, mlo305, findings, out kerasFolded);
                    ImportedRandomness.Report(m, reported, settings.Tests302, findings);
                }
                if (mlo305) DataLoaderShuffle(m, kerasFolded, findings);
                if (mlo306) GpuDeterminism(m, settings, findings);
            }
        });
        foreach (var list in perModule)
        {
            foreach (var f in list) context.Report(f);
        }
    }

    /// <summary>Some module can be reported on (<see cref="SeedSummary.MayReport"/>): otherwise no index is built.</summary>
    private static bool HasAnythingToReport(SeedSummary[] summaries, Settings settings)
    {
        foreach (var s in summaries)
        {
            if (s.MayReport(settings.Tests301, settings.Tests302, settings.Tests305, settings.Tests306)) return true;
        }
        return false;
    }

    private sealed class Settings
    {
        public Settings(CheckContext c)
        {
            Mlo301 = c.IsEnabled(RuleCatalog.MLO301);
            Mlo302 = c.IsEnabled(RuleCatalog.MLO302);
            Mlo305 = c.IsEnabled(RuleCatalog.MLO305);
            Mlo306 = c.IsEnabled(RuleCatalog.MLO306);
            Tests301 = c.Options(RuleCatalog.MLO301).GetBool("include-tests", false);
            Tests302 = c.Options(RuleCatalog.MLO302).GetBool("include-tests", false);
            Tests305 = c.Options(RuleCatalog.MLO305).GetBool("include-tests", false);
            Tests306 = c.Options(RuleCatalog.MLO306).GetBool("include-tests", false);
            RequireDeterministic = c.Options(RuleCatalog.MLO306).GetBool("require-deterministic-algorithms", false);
            var o = c.Options(RuleCatalog.MLO301);
            SeedValue = o.Has("fix-seed-value") ? SeedText(o, 42) : "42";
        }

        public bool Mlo301, Mlo302, Mlo305, Mlo306, Tests301, Tests302, Tests305, Tests306, RequireDeterministic;
        public string SeedValue;
    }

    internal static string SeedText(Configuration.RuleOptions o, long fallback)
    {
        long v = o.GetInt("fix-seed-value", fallback);
        return v.ToString(CultureInfo.InvariantCulture);
    }

    // ---------------------------------------------------------------- MLO301

    private static void Sklearn(SeedIndex index, SeedModule m, Settings settings, List<Finding> findings)
    {
        bool? importersSeed = null;
        foreach (var call in m.Summary.Sklearn)
        {
            if (m.IsSeeded(Rng.NumPy, call.Site)) continue;
            if (!m.IsEntryPoint && (importersSeed ??= index.SeededByImporters(m, Rng.NumPy))) continue;

            string what = Outcome(call.Name);
            string with = call.Setting == null ? "" : " with " + call.Setting;
            findings.Add(call.Site.Report(RuleCatalog.MLO301, m.Path,
                $"{call.Name}(){with} is called without random_state and NumPy's global generator is not seeded: {what} changes on every run")
                with
                {
                    FixHint = $"Pass random_state={settings.SeedValue} (or your seed variable) to {call.Name}, or call np.random.seed(...) before it.",
                    Edit = call.Fix.With(settings.SeedValue),
                });
        }
    }

    private static string Outcome(string name)
    {
        if (name.Contains("Split") || name.Contains("KFold") || name == "train_test_split") return "the split";
        if (name.StartsWith("make_", StringComparison.Ordinal)) return "the generated data";
        if (name is "shuffle" or "resample") return "the sample";
        if (name.Contains("SearchCV") || name == "ParameterSampler") return "the search";
        if (char.IsUpper(name[0])) return "the fitted model";
        return "the result";
    }

    // ---------------------------------------------------------------- MLO302

    private static readonly Rng[] Generators = { Rng.NumPy, Rng.Python, Rng.Torch, Rng.TensorFlow };

    /// <summary>One finding per global generator a script draws from unseeded — or, in a script that trains a Keras
    /// model with TensorFlow never seeded, one finding on <c>model.fit</c> for everything
    /// <c>keras.utils.set_random_seed</c> would fix (Python, NumPy, TensorFlow, and the Keras loaders of MLO305 when
    /// <paramref name="foldLoaders"/>; <paramref name="keras"/> says whether that finding was made). Returns the
    /// generators reported.</summary>
    private static Rng GlobalGenerators(SeedModule m, bool foldLoaders, List<Finding> findings, out bool keras)
    {
        keras = false;
        if (!m.Summary.ImportsMlLibrary) return Rng.None;
        var reported = Rng.None;
        var firsts = new DrawCandidate?[Generators.Length];
        var counts = new int[Generators.Length];
        for (int g = 0; g < Generators.Length; g++)
        {
            foreach (var draw in m.Summary.Draws)
            {
                if (draw.Rng != Generators[g] || !Counts(draw, m.Summary)) continue;
                // a module other modules import (a model or transform file with a __main__ self-test, a train.py whose
                // train() a sweep calls) runs for its importers: their seeding decides (ImportedRandomness)
                if (m.IsImportedByCode) continue; // its __main__ block is a self-test
                // a module with no main guard runs its top level; a class it never builds there runs for whoever builds it
                if (draw.Function >= 0 && !m.IsNotebook && !m.Summary.HasMainGuard && m.Summary.Functions[draw.Function] is { IsMethod: true } f
                    && !m.Summary.Keys.Any(k => k.Name == f.ClassName)) continue;
                if (m.IsSeeded(draw.Rng, draw.Site)) continue;
                firsts[g] ??= draw; // in source order: the first one reported, the others counted
                counts[g]++;
            }
        }
        keras = UnseededKerasFit(m, firsts, counts, foldLoaders, findings);
        if (keras) reported |= Rng.TensorFlow;
        string where = m.IsNotebook ? "notebook" : "file";
        for (int g = 0; g < Generators.Length; g++)
        {
            var rng = Generators[g];
            if (firsts[g] is not { } first) continue;
            reported |= rng;
            if (keras && (KerasSeeds & rng) != 0) continue;
            int count = counts[g];
            string more = count > 1 ? $" (and {count - 1} more place{(count > 2 ? "s" : "")} in this {where})" : "";
            string state = m.SeedsAnywhere(rng) ? "is seeded only after this use" : "is never seeded";
            findings.Add(first.Site.Report(RuleCatalog.MLO302, m.Path,
                $"{first.Callee}() draws from {rng.Describe()}, which {state}{more}: the numbers change on every run")
                with
                {
                    FixHint = $"Call {rng.SeedCall()} once at the start of the {(m.IsNotebook ? "notebook" : "script")} (or a set_seed() helper that does), before the first draw.",
                });
        }
        return reported;
    }

    /// <summary>What <c>keras.utils.set_random_seed</c> seeds.</summary>
    private const Rng KerasSeeds = Rng.Python | Rng.NumPy | Rng.TensorFlow;

    /// <summary>A draw counts where its numbers matter (<see cref="DrawUse"/>): one that picks or reorders data where
    /// the script trains or writes data out; initial weights and dropout where it trains; noise and
    /// augmentation there or where it writes data out (a generated dataset). Not in a demo that prints or plots them.</summary>
    internal static bool Counts(DrawCandidate draw, SeedSummary script) => draw.Use switch
    {
        DrawUse.Selection => script.Trains || script.WritesData,
        DrawUse.Model => script.Trains,
        _ => script.Trains || script.WritesData,
    };

    /// <summary>Keras training with TensorFlow never seeded: one finding on the first unseeded <c>model.fit</c>, which
    /// stands for the file's other unseeded draws that <c>keras.utils.set_random_seed</c> covers.</summary>
    private static bool UnseededKerasFit(SeedModule m, DrawCandidate?[] firsts, int[] counts, bool foldLoaders, List<Finding> findings)
    {
        var fits = m.Summary.KerasFits.Where(f => !m.IsSeeded(Rng.TensorFlow, f)).ToArray();
        if (fits.Length == 0) return false;
        var also = new List<string>();
        if (fits.Length > 1) also.Add($"{fits.Length - 1} more fit() call{(fits.Length > 2 ? "s" : "")}");
        for (int g = 0; g < Generators.Length; g++)
        {
            if (firsts[g] is { } d && (KerasSeeds & Generators[g]) != 0)
            {
                also.Add($"{d.Callee}(){(counts[g] > 1 ? $" and {counts[g] - 1} more" : "")} ({Generators[g].Describe()})");
            }
        }
        if (foldLoaders)
        {
            int loaders = UnseededLoaders(m).Count(l => (KerasSeeds & l.Rng) != 0);
            if (loaders > 0) also.Add($"{loaders} loader{(loaders > 1 ? "s" : "")} shuffling without seed=");
        }
        string state = m.SeedsAnywhere(Rng.TensorFlow) ? "is set only after this call" : "is never set";
        string extra = also.Count > 0 ? $"; also unseeded here: {string.Join(", ", also)}" : "";
        findings.Add(fits[0].Report(RuleCatalog.MLO302, m.Path,
            $"fit() trains a Keras model, but TensorFlow's global seed {state}: initial weights, dropout and the order of each epoch change on every run{extra}")
            with
            {
                FixHint = "Call keras.utils.set_random_seed(42) (or tf.keras.utils.set_random_seed(42)) once before the model is built: it seeds Python, NumPy and TensorFlow.",
            });
        return true;
    }

    // ---------------------------------------------------------------- MLO305

    private static IEnumerable<LoaderCandidate> UnseededLoaders(SeedModule m) => m.Summary.Loaders.Where(l => !m.IsSeeded(l.Rng, l.Site));

    /// <summary>Each unseeded PyTorch loader; the Keras and tf.data loaders once per file and generator (a notebook
    /// builds its train, validation and test sets alike), or not at all when the Keras finding of MLO302 counted them
    /// (<paramref name="kerasFolded"/>).</summary>
    private static void DataLoaderShuffle(SeedModule m, bool kerasFolded, List<Finding> findings)
    {
        var others = new Dictionary<Rng, (LoaderCandidate First, int Count)>();
        foreach (var loader in UnseededLoaders(m))
        {
            if (loader.Rng == Rng.Torch)
            {
                findings.Add(loader.Site.Report(RuleCatalog.MLO305, m.Path, loader.Message) with { FixHint = loader.FixHint });
            }
            else if (!kerasFolded)
            {
                others[loader.Rng] = others.TryGetValue(loader.Rng, out var seen) ? (seen.First, seen.Count + 1) : (loader, 1);
            }
        }
        foreach (var (first, count) in others.Values.OrderBy(o => o.First.Site.Start))
        {
            string more = count > 1 ? $" (and {count - 1} more loader{(count > 2 ? "s" : "")} in this {(m.IsNotebook ? "notebook" : "file")})" : "";
            findings.Add(first.Site.Report(RuleCatalog.MLO305, m.Path, first.Message + more) with { FixHint = first.FixHint });
        }
    }

    // ---------------------------------------------------------------- MLO306

    /// <summary><c>cudnn.benchmark = True</c> beside a request for deterministic kernels, in any module (a project's
    /// <c>seed_everything</c> often sets both): the code asks for determinism and undoes it.</summary>
    private static void CudnnContradictions(SeedModule m, List<Finding> findings)
    {
        foreach (var (site, asked) in m.Summary.CudnnContradictions)
        {
            findings.Add(site.Report(RuleCatalog.MLO306, m.Path,
                $"torch.backends.cudnn.benchmark = True next to {asked}: cuDNN autotuning picks convolution algorithms by timing them, which undoes the determinism asked for, so two runs can still compute differently")
                with
                {
                    FixHint = "Set torch.backends.cudnn.benchmark = False where determinism is asked for (or drop the deterministic setting if speed matters more).",
                });
        }
    }

    private static void GpuDeterminism(SeedModule m, Settings settings, List<Finding> findings)
    {
        var torchSeed = m.Events.FirstOrDefault(e => (e.Rng & Rng.Torch) != 0 && e.Module == m);
        if (torchSeed == null) return;
        bool deterministic = m.Events.Any(e => (e.Rng & Rng.Deterministic) != 0) || m.Summary.SetsCudnnDeterministic;
        // a seeded training script that chooses cuDNN autotuning without asking for determinism anywhere made a speed
        // choice: reported only where exact reproducibility is asked for (on the ecosystem corpus every such report was
        // a deliberate trade; the contradiction above is reported by default)
        if (m.Summary.Trains && settings.RequireDeterministic)
        {
            foreach (var site in m.Summary.CudnnBenchmarks)
            {
                if (m.Summary.CudnnContradictions.Any(c => c.Site.Start == site.Start)) continue;
                findings.Add(site.Report(RuleCatalog.MLO306, m.Path,
                    "torch.backends.cudnn.benchmark = True in a seeded training script: cuDNN picks convolution algorithms by timing them, so two seeded runs can compute differently")
                    with
                    {
                        FixHint = "Set torch.backends.cudnn.benchmark = False (and torch.use_deterministic_algorithms(True)) when exact reproducibility matters; keep True when speed matters more.",
                    });
            }
        }
        if (!settings.RequireDeterministic || m.Summary.CudnnBenchmarks.Count > 0 || deterministic || !m.Summary.UsesCuda || !m.Summary.Trains) return;
        findings.Add(m.Summary.SiteOf(torchSeed.Call).Report(RuleCatalog.MLO306, m.Path,
            "PyTorch is seeded here, but the script trains on CUDA without torch.use_deterministic_algorithms(True): some GPU kernels (index_add, scatter_add, cuDNN backward passes…) still differ between runs")
            with
            {
                FixHint = "Add torch.use_deterministic_algorithms(True) after seeding and set CUBLAS_WORKSPACE_CONFIG=:4096:8, if exact reproducibility is worth the speed.",
            });
    }
}
