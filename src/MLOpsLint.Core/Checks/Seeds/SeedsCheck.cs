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
public sealed class SeedsCheck : IRepositoryCheck, IDocumentCheck
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO301, RuleCatalog.MLO302, RuleCatalog.MLO305, RuleCatalog.MLO306 };

    public bool AppliesTo(SourceDocument document) => ScriptScope.IsPython(document);

    /// <summary>Summarises the document while its parsed module is at hand (the engine drops the module afterwards).</summary>
    public void Check(SourceDocument document, CheckContext context) => SeedSummary.Of(document);

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var docs = repository.Documents.Where(ScriptScope.IsPython).ToArray();
        if (docs.Length == 0) return;
        var seedFunctions = context.Options(RuleCatalog.MLO302).GetStringList("seed-functions", Array.Empty<string>());
        var summaries = new SeedSummary[docs.Length];
        Parallel.For(0, docs.Length, i => summaries[i] = SeedSummary.Of(docs[i]));
        var index = new SeedIndex(summaries, seedFunctions);
        var settings = new Settings(context);
        var perModule = new List<Finding>[index.Modules.Count];
        Parallel.For(0, index.Modules.Count, i =>
        {
            var findings = new List<Finding>();
            var m = index.Modules[i];
            if (settings.Mlo301 && (!m.IsTest || settings.Tests301)) Sklearn(index, m, settings, findings);
            if (m.IsEntryPoint)
            {
                if (settings.Mlo302 && (!m.IsTest || settings.Tests302)) GlobalGenerators(m, findings);
                if (settings.Mlo305 && (!m.IsTest || settings.Tests305)) DataLoaderShuffle(m, findings);
                if (settings.Mlo306 && (!m.IsTest || settings.Tests306)) GpuDeterminism(m, findings);
            }
            perModule[i] = findings;
        });
        foreach (var list in perModule)
        {
            foreach (var f in list) context.Report(f);
        }
    }

    private sealed class Settings
    {
        public Settings(CheckContext c)
        {
            Mlo301 = c.IsEnabled(RuleCatalog.MLO301);
            Mlo302 = c.IsEnabled(RuleCatalog.MLO302);
            Mlo305 = c.IsEnabled(RuleCatalog.MLO305);
            Mlo306 = c.IsEnabled(RuleCatalog.MLO306);
            Tests301 = c.Options(RuleCatalog.MLO301).GetBool("include-tests", true);
            Tests302 = c.Options(RuleCatalog.MLO302).GetBool("include-tests", false);
            Tests305 = c.Options(RuleCatalog.MLO305).GetBool("include-tests", false);
            Tests306 = c.Options(RuleCatalog.MLO306).GetBool("include-tests", false);
            var o = c.Options(RuleCatalog.MLO301);
            SeedValue = o.Has("fix-seed-value") ? SeedText(o, 42) : "42";
        }

        public bool Mlo301, Mlo302, Mlo305, Mlo306, Tests301, Tests302, Tests305, Tests306;
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

    private static void GlobalGenerators(SeedModule m, List<Finding> findings)
    {
        if (!m.Summary.ImportsMlLibrary) return;
        foreach (var rng in Generators)
        {
            DrawCandidate? first = null; // in source order: the first one reported, the others counted
            int count = 0;
            foreach (var draw in m.Summary.Draws)
            {
                if (draw.Rng != rng) continue;
                if (m.IsSeeded(rng, draw.Site)) continue;
                first ??= draw;
                count++;
            }
            if (first == null) continue;
            string more = count > 1 ? $" (and {count - 1} more place{(count > 2 ? "s" : "")} in this {(m.IsNotebook ? "notebook" : "file")})" : "";
            string state = m.SeedsAnywhere(rng) ? "is seeded only after this use" : "is never seeded";
            findings.Add(first.Value.Site.Report(RuleCatalog.MLO302, m.Path,
                $"{first.Value.Callee}() draws from {rng.Describe()}, which {state}{more}: the numbers change on every run")
                with
                {
                    FixHint = $"Call {rng.SeedCall()} once at the start of the {(m.IsNotebook ? "notebook" : "script")} (or a set_seed() helper that does), before the first draw.",
                });
        }
    }

    // ---------------------------------------------------------------- MLO305

    private static void DataLoaderShuffle(SeedModule m, List<Finding> findings)
    {
        foreach (var loader in m.Summary.Loaders)
        {
            if (m.IsSeeded(Rng.Torch, loader.Site)) continue;
            findings.Add(loader.Site.Report(RuleCatalog.MLO305, m.Path, loader.Message) with { FixHint = loader.FixHint });
        }
    }

    // ---------------------------------------------------------------- MLO306

    private static void GpuDeterminism(SeedModule m, List<Finding> findings)
    {
        var torchSeed = m.Events.FirstOrDefault(e => (e.Rng & Rng.Torch) != 0 && e.Module == m);
        if (torchSeed == null) return;
        bool deterministic = m.Events.Any(e => (e.Rng & Rng.Deterministic) != 0) || m.Summary.SetsCudnnDeterministic;
        foreach (var site in m.Summary.CudnnBenchmarks)
        {
            findings.Add(site.Report(RuleCatalog.MLO306, m.Path,
                "torch.backends.cudnn.benchmark = True in a seeded script: cuDNN picks convolution algorithms by timing them, so two seeded runs can compute differently")
                with
                {
                    FixHint = "Set torch.backends.cudnn.benchmark = False (and torch.use_deterministic_algorithms(True)) when exact reproducibility matters; keep True when speed matters more.",
                });
        }
        if (m.Summary.CudnnBenchmarks.Count > 0 || deterministic || !m.Summary.UsesCuda) return;
        findings.Add(m.Summary.SiteOf(torchSeed.Call).Report(RuleCatalog.MLO306, m.Path,
            "PyTorch is seeded here, but the script runs on CUDA without torch.use_deterministic_algorithms(True): some GPU kernels (index_add, scatter_add, cuDNN backward passes…) still differ between runs")
            with
            {
                FixHint = "Add torch.use_deterministic_algorithms(True) after seeding and set CUBLAS_WORKSPACE_CONFIG=:4096:8, if exact reproducibility is worth the speed.",
            });
    }
}
