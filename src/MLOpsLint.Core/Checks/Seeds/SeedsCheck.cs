using System.Globalization;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// MLO301 (scikit-learn without random_state), MLO302 (global generator never seeded), MLO305 (DataLoader shuffle
/// unseeded) and MLO306 (seeded PyTorch with non-deterministic GPU settings). A repository check: a script is
/// seeded by a <c>set_seed()</c> helper that may live in another module.
/// </summary>
public sealed class SeedsCheck : IRepositoryCheck
{
    private static readonly string[] MlLibraries =
    {
        "numpy", "pandas", "torch", "tensorflow", "keras", "sklearn", "jax", "transformers", "lightning",
        "pytorch_lightning", "xgboost", "lightgbm", "catboost", "scipy", "datasets", "accelerate", "tf_keras",
    };

    private static readonly HashSet<string> DataLoaders = new(StringComparer.Ordinal)
    {
        "torch.utils.data.DataLoader", "torch.utils.data.dataloader.DataLoader",
    };

    private static readonly HashSet<string> RandomSamplers = new(StringComparer.Ordinal)
    {
        "torch.utils.data.RandomSampler", "torch.utils.data.sampler.RandomSampler",
    };

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO301, RuleCatalog.MLO302, RuleCatalog.MLO305, RuleCatalog.MLO306 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        if (!repository.Documents.Any(ScriptScope.IsPython)) return;
        var seedFunctions = context.Options(RuleCatalog.MLO302).GetStringList("seed-functions", Array.Empty<string>());
        var index = new SeedIndex(repository, seedFunctions);
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
        foreach (var call in m.Module.Calls)
        {
            if (!call.QualifiedName.StartsWith("sklearn.", StringComparison.Ordinal)) continue;
            var sk = SklearnTable.Find(call.QualifiedName);
            if (sk == null || !sk.DefaultsToGlobalGenerator) continue;
            if (call.Keyword("random_state") != null || call.HasStarStarKwargs) continue;
            if (sk.Position is int p && (call.HasStarArgs || call.Positional(p) != null)) continue;
            if (!SklearnConditions.RandomStateMatters(sk, call, out var setting)) continue;
            if (m.IsSeeded(Rng.NumPy, call)) continue;
            if (!m.IsEntryPoint && (importersSeed ??= index.SeededByImporters(m, Rng.NumPy))) continue;

            string what = Outcome(sk.Name);
            string with = setting == null ? "" : " with " + setting;
            findings.Add(m.Module.Report(RuleCatalog.MLO301, call,
                $"{sk.Name}(){with} is called without random_state and NumPy's global generator is not seeded: {what} changes on every run")
                with
                {
                    FixHint = $"Pass random_state={settings.SeedValue} (or your seed variable) to {sk.Name}, or call np.random.seed(...) before it.",
                    Edit = SeedFixes.AddKeyword(call, "random_state", settings.SeedValue),
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
        var module = m.Module;
        if (!MlLibraries.Any(module.ImportsModule)) return;
        bool? trains = null;
        foreach (var rng in Generators)
        {
            PyCall? first = null;
            int count = 0;
            foreach (var call in module.Calls)
            {
                if (SeedApis.DrawsFrom(call) != rng) continue;
                if (rng == Rng.Torch && IsModelRandomness(call.QualifiedName) && !(trains ??= Trains(module))) continue;
                if (m.IsSeeded(rng, call)) continue;
                first ??= call;
                count++;
            }
            if (first == null) continue;
            string more = count > 1 ? $" (and {count - 1} more place{(count > 2 ? "s" : "")} in this {(m.IsNotebook ? "notebook" : "file")})" : "";
            string state = m.SeedsAnywhere(rng) ? "is seeded only after this use" : "is never seeded";
            findings.Add(module.Report(RuleCatalog.MLO302, first,
                $"{first.Callee}() draws from {rng.Describe()}, which {state}{more}: the numbers change on every run")
                with
                {
                    FixHint = $"Call {rng.SeedCall()} once at the start of the {(m.IsNotebook ? "notebook" : "script")} (or a set_seed() helper that does), before the first draw.",
                });
        }
    }

    /// <summary>Weight initialisation and dropout draw from the generator only in training code.</summary>
    private static bool IsModelRandomness(string qn) =>
        qn.StartsWith("torch.nn.init.", StringComparison.Ordinal) || qn.IndexOf("ropout", StringComparison.Ordinal) >= 0;

    /// <summary>Evidence that a module trains: <c>loss.backward()</c>, a <c>torch.optim</c> optimizer, <c>.fit(</c>.</summary>
    private static bool Trains(Python.PythonModule module) => module.Calls.Any(c =>
        c.Name is "backward" or "fit" or "train_step" || c.QualifiedName.StartsWith("torch.optim.", StringComparison.Ordinal));

    // ---------------------------------------------------------------- MLO305

    private static void DataLoaderShuffle(SeedModule m, List<Finding> findings)
    {
        foreach (var call in m.Module.Calls)
        {
            bool loader = DataLoaders.Contains(call.QualifiedName);
            if (!loader && !RandomSamplers.Contains(call.QualifiedName)) continue;
            if (call.HasStarStarKwargs || call.Keyword("generator") != null) continue;
            if (loader)
            {
                var shuffle = SklearnConditions.Argument(call, "shuffle", 2);
                if (shuffle == null || shuffle.Literal != PyLiteralKind.True) continue;
            }
            if (m.IsSeeded(Rng.Torch, call)) continue;
            string name = loader ? "DataLoader(shuffle=True)" : "RandomSampler()";
            string workers = "";
            if (loader && call.Keyword("num_workers") is { } nw && nw.ValueText.Trim() != "0" && call.Keyword("worker_init_fn") == null)
            {
                workers = " With num_workers > 0, also pass worker_init_fn=seed_worker (seeding numpy and random from torch.initial_seed()) so augmentations in the workers repeat too.";
            }
            findings.Add(m.Module.Report(RuleCatalog.MLO305, call,
                $"{name} without generator= in a {(m.IsNotebook ? "notebook" : "script")} that never seeds PyTorch: the batch order changes on every run")
                with
                {
                    FixHint = "Pass generator=torch.Generator().manual_seed(42), or call torch.manual_seed(42) at the start." + workers,
                });
        }
    }

    // ---------------------------------------------------------------- MLO306

    private static void GpuDeterminism(SeedModule m, List<Finding> findings)
    {
        var module = m.Module;
        var torchSeed = m.Events.FirstOrDefault(e => (e.Rng & Rng.Torch) != 0 && e.Call.Module == module);
        if (torchSeed == null) return;
        bool deterministic = m.Events.Any(e => (e.Rng & Rng.Deterministic) != 0)
            || SeedIndex.SetsCudnnDeterministic(module, 0, int.MaxValue);
        var benchmark = module.Assignments.Where(a => a.TargetQualifiedName == "torch.backends.cudnn.benchmark" && a.ValueLiteral == PyLiteralKind.True).ToArray();
        foreach (var a in benchmark)
        {
            findings.Add(module.Report(RuleCatalog.MLO306, a,
                "torch.backends.cudnn.benchmark = True in a seeded script: cuDNN picks convolution algorithms by timing them, so two seeded runs can compute differently")
                with
                {
                    FixHint = "Set torch.backends.cudnn.benchmark = False (and torch.use_deterministic_algorithms(True)) when exact reproducibility matters; keep True when speed matters more.",
                });
        }
        if (benchmark.Length > 0 || deterministic || !UsesCuda(module)) return;
        findings.Add(module.Report(RuleCatalog.MLO306, torchSeed.Call,
            "PyTorch is seeded here, but the script runs on CUDA without torch.use_deterministic_algorithms(True): some GPU kernels (index_add, scatter_add, cuDNN backward passes…) still differ between runs")
            with
            {
                FixHint = "Add torch.use_deterministic_algorithms(True) after seeding and set CUBLAS_WORKSPACE_CONFIG=:4096:8, if exact reproducibility is worth the speed.",
            });
    }

    private static bool UsesCuda(Python.PythonModule module) =>
        module.StringLiterals.Any(s => s.Value == "cuda" || s.Value.StartsWith("cuda:", StringComparison.Ordinal))
        || module.Calls.Any(c => c.Name == "cuda" || c.QualifiedName == "torch.cuda.is_available");
}
