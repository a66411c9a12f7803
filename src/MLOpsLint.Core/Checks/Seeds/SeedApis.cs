using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>The global random generators a script can draw from, and what a seeding call covers.</summary>
[Flags]
public enum Rng
{
    None = 0,
    /// <summary>Python's <c>random</c> module.</summary>
    Python = 1,
    /// <summary>NumPy's legacy global <c>RandomState</c> (also what scikit-learn uses for <c>random_state=None</c>).</summary>
    NumPy = 2,
    Torch = 4,
    TensorFlow = 8,
    /// <summary>Not a generator: deterministic GPU kernels were asked for (<c>torch.use_deterministic_algorithms(True)</c>…).</summary>
    Deterministic = 16,
    All = Python | NumPy | Torch | TensorFlow,
}

public static class RngNames
{
    public static string Describe(this Rng rng) => rng switch
    {
        Rng.Python => "Python's global random generator",
        Rng.NumPy => "NumPy's global random generator",
        Rng.Torch => "PyTorch's global random generator",
        Rng.TensorFlow => "TensorFlow's global random seed",
        _ => rng.ToString(),
    };

    public static string SeedCall(this Rng rng) => rng switch
    {
        Rng.Python => "random.seed(42)",
        Rng.NumPy => "np.random.seed(42)",
        Rng.Torch => "torch.manual_seed(42)",
        Rng.TensorFlow => "tf.random.set_seed(42)",
        _ => "",
    };
}

/// <summary>
/// The seeding and sampling APIs of Python, NumPy, PyTorch, TensorFlow/Keras, transformers and Lightning, by
/// resolved qualified name (see shared/testdata/seeds/seed_apis.md for the documentation behind each).
/// </summary>
public static class SeedApis
{
    private const Rng PyNpTorch = Rng.Python | Rng.NumPy | Rng.Torch;

    /// <summary>Calls that seed global generators. <c>NeedsValue</c>: without an argument (or with <c>None</c>)
    /// they seed from the OS, which is not a seed.</summary>
    private static readonly Dictionary<string, (Rng Rng, bool NeedsValue)> Seeders = new(StringComparer.Ordinal)
    {
        ["numpy.random.seed"] = (Rng.NumPy, true),
        ["numpy.random.set_state"] = (Rng.NumPy, true),
        ["random.seed"] = (Rng.Python, true),
        ["random.setstate"] = (Rng.Python, true),
        ["torch.manual_seed"] = (Rng.Torch, true),
        ["torch.random.manual_seed"] = (Rng.Torch, true),
        ["tensorflow.random.set_seed"] = (Rng.TensorFlow, true),
        ["tensorflow.set_random_seed"] = (Rng.TensorFlow, true),
        ["tensorflow.compat.v1.set_random_seed"] = (Rng.TensorFlow, true),
        ["tensorflow.compat.v1.random.set_random_seed"] = (Rng.TensorFlow, true),
        ["tensorflow.keras.utils.set_random_seed"] = (Rng.All, true),
        ["keras.utils.set_random_seed"] = (Rng.All, true),
        ["tf_keras.utils.set_random_seed"] = (Rng.All, true),
        ["transformers.set_seed"] = (Rng.All, true),
        ["transformers.trainer_utils.set_seed"] = (Rng.All, true),
        ["transformers.enable_full_determinism"] = (Rng.All | Rng.Deterministic, true),
        ["transformers.trainer_utils.enable_full_determinism"] = (Rng.All | Rng.Deterministic, true),
        ["accelerate.utils.set_seed"] = (Rng.All, true),
        ["accelerate.utils.random.set_seed"] = (Rng.All, true),
        ["fastai.torch_core.set_seed"] = (PyNpTorch, true),
        // Lightning: seed_everything() without a value falls back to PL_GLOBAL_SEED or 0 (recent versions).
        ["lightning.seed_everything"] = (PyNpTorch, false),
        ["lightning.pytorch.seed_everything"] = (PyNpTorch, false),
        ["lightning.pytorch.utilities.seed.seed_everything"] = (PyNpTorch, false),
        ["lightning.fabric.seed_everything"] = (PyNpTorch, false),
        ["lightning.fabric.utilities.seed.seed_everything"] = (PyNpTorch, false),
        ["lightning_fabric.seed_everything"] = (PyNpTorch, false),
        ["lightning_fabric.utilities.seed.seed_everything"] = (PyNpTorch, false),
        ["pytorch_lightning.seed_everything"] = (PyNpTorch, false),
        ["pytorch_lightning.utilities.seed.seed_everything"] = (PyNpTorch, false),
        ["torch.use_deterministic_algorithms"] = (Rng.Deterministic, true),
        ["torch.set_deterministic_debug_mode"] = (Rng.Deterministic, true),
        ["tensorflow.config.experimental.enable_op_determinism"] = (Rng.Deterministic, false),
    };

    /// <summary>Hugging Face trainers call <c>set_seed(args.seed)</c> (default 42) when they are created.</summary>
    private static readonly HashSet<string> SeedingTrainers = new(StringComparer.Ordinal)
    {
        "transformers.Trainer", "transformers.Seq2SeqTrainer", "transformers.trainer.Trainer",
        "trl.SFTTrainer", "trl.DPOTrainer", "trl.RewardTrainer", "trl.PPOTrainer", "trl.ORPOTrainer", "trl.KTOTrainer",
        "setfit.Trainer", "setfit.SetFitTrainer",
    };

    /// <summary>Lightning trainers: <c>Trainer(deterministic=True)</c> turns on deterministic algorithms.</summary>
    private static readonly HashSet<string> LightningTrainers = new(StringComparer.Ordinal)
    {
        "lightning.Trainer", "lightning.pytorch.Trainer", "pytorch_lightning.Trainer",
    };

    /// <summary>Names too generic to mean "seed" when called on an object or not resolved.</summary>
    private static readonly HashSet<string> NotSeedHelpers = new(StringComparer.Ordinal)
    {
        "manual_seed", "manual_seed_all", "initial_seed", "seed_worker", "worker_init_fn", "get_seed", "seed_all",
    };

    /// <summary>The generators a call to a known API seeds (and <see cref="Rng.Deterministic"/>); None when it is not
    /// one (or is one called without a seed value).</summary>
    public static Rng SeededBy(PyCall call)
    {
        string q = call.QualifiedName;
        if (Seeders.TryGetValue(q, out var s))
        {
            if (s.NeedsValue && !HasValue(call)) return Rng.None;
            var rng = s.Rng;
            if (q.EndsWith("set_seed", StringComparison.Ordinal) && q.StartsWith("transformers", StringComparison.Ordinal)
                && call.Keyword("deterministic") is { Literal: PyLiteralKind.True })
            {
                rng |= Rng.Deterministic;
            }
            if ((rng & Rng.Deterministic) != 0 && q.StartsWith("torch.", StringComparison.Ordinal)
                && call.Positional(0) is { } first && first.Literal is PyLiteralKind.False or PyLiteralKind.NoneValue
                || q == "torch.set_deterministic_debug_mode" && call.Positional(0) is { } m && (m.ValueText.Trim() is "0" or "\"default\"" or "'default'"))
            {
                return Rng.None;
            }
            return rng;
        }
        if (SeedingTrainers.Contains(q)) return Rng.All;
        if (LightningTrainers.Contains(q) && call.Keyword("deterministic") is { } det && det.Literal is not (PyLiteralKind.False or PyLiteralKind.NoneValue))
        {
            return Rng.Deterministic;
        }
        if (q.StartsWith("transformers.", StringComparison.Ordinal) && q.EndsWith("TrainingArguments", StringComparison.Ordinal)
            && call.Keyword("full_determinism") is { Literal: PyLiteralKind.True })
        {
            return Rng.Deterministic;
        }
        // torch.cuda.manual_seed_all(s) alone leaves the CPU generator (DataLoader order, init on CPU) unseeded.
        return Rng.None;
    }

    /// <summary>False when <see cref="SeededBy"/> answers the same for every call to <paramref name="qualifiedName"/>,
    /// whatever its arguments (most names: they are not seeding APIs at all).</summary>
    public static bool SeededByReadsArguments(string qualifiedName) =>
        Seeders.ContainsKey(qualifiedName) || LightningTrainers.Contains(qualifiedName)
        || qualifiedName.StartsWith("transformers.", StringComparison.Ordinal) && qualifiedName.EndsWith("TrainingArguments", StringComparison.Ordinal);

    /// <summary>A call whose name says it seeds (<c>set_seed</c>, <c>seed_everything</c>, <c>fix_seeds</c>…) but
    /// that resolves to nothing the linter knows: assumed to seed everything (precision first).</summary>
    public static bool LooksLikeSeedHelper(PyCall call)
    {
        string name = call.Name;
        if (name.IndexOf("seed", StringComparison.OrdinalIgnoreCase) < 0) return false;
        if (NotSeedHelpers.Contains(name) || name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("_get", StringComparison.Ordinal)) return false;
        string q = call.QualifiedName;
        if (q.StartsWith("torch.", StringComparison.Ordinal) || q.StartsWith("numpy.", StringComparison.Ordinal)
            || q.StartsWith("random.", StringComparison.Ordinal) || q.StartsWith("tensorflow.", StringComparison.Ordinal)
            || q.StartsWith("jax.", StringComparison.Ordinal))
        {
            return false; // torch.seed(), numpy.random.seed() without a value… are known APIs, handled above
        }
        return call.Receiver == null;
    }

    private static bool HasValue(PyCall call)
    {
        if (call.HasStarArgs || call.HasStarStarKwargs) return true;
        var a = call.Positional(0) ?? call.Arguments.FirstOrDefault(x => x.Kind == PyArgumentKind.Keyword
            && x.Name is "seed" or "a" or "state" or "mode" or "s");
        return a != null && a.Literal != PyLiteralKind.NoneValue;
    }

    private static readonly string[] NumPyDraws =
    {
        "rand", "randn", "randint", "random", "random_sample", "ranf", "sample", "random_integers", "choice", "shuffle",
        "permutation", "bytes", "normal", "uniform", "standard_normal", "standard_exponential", "standard_gamma",
        "standard_cauchy", "standard_t", "binomial", "negative_binomial", "poisson", "beta", "gamma", "exponential",
        "multivariate_normal", "multinomial", "dirichlet", "laplace", "logistic", "lognormal", "geometric", "gumbel",
        "hypergeometric", "chisquare", "noncentral_chisquare", "f", "noncentral_f", "pareto", "power", "rayleigh",
        "triangular", "vonmises", "wald", "weibull", "zipf", "logseries",
    };

    private static readonly string[] PythonDraws =
    {
        "random", "randint", "randrange", "choice", "choices", "shuffle", "sample", "uniform", "gauss", "normalvariate",
        "triangular", "betavariate", "expovariate", "gammavariate", "lognormvariate", "vonmisesvariate",
        "paretovariate", "weibullvariate", "getrandbits", "randbytes", "binomialvariate",
    };

    private static readonly string[] TorchDraws =
    {
        "torch.rand", "torch.randn", "torch.randint", "torch.randperm", "torch.rand_like", "torch.randn_like",
        "torch.randint_like", "torch.bernoulli", "torch.multinomial", "torch.normal", "torch.poisson",
        "torch.nn.init.uniform_", "torch.nn.init.normal_", "torch.nn.init.xavier_uniform_", "torch.nn.init.xavier_normal_",
        "torch.nn.init.kaiming_uniform_", "torch.nn.init.kaiming_normal_", "torch.nn.init.trunc_normal_",
        "torch.nn.init.orthogonal_", "torch.nn.init.sparse_",
        "torch.nn.functional.dropout", "torch.nn.functional.dropout1d", "torch.nn.functional.dropout2d",
        "torch.nn.functional.dropout3d", "torch.nn.functional.alpha_dropout", "torch.nn.Dropout", "torch.nn.Dropout1d",
        "torch.nn.Dropout2d", "torch.nn.Dropout3d", "torch.nn.AlphaDropout",
    };

    private static readonly string[] TensorFlowDraws =
    {
        "tensorflow.random.uniform", "tensorflow.random.normal", "tensorflow.random.truncated_normal",
        "tensorflow.random.shuffle", "tensorflow.random.categorical", "tensorflow.random.gamma",
        "tensorflow.random.poisson", "tensorflow.random_uniform", "tensorflow.random_normal", "tensorflow.random_shuffle",
        "tensorflow.compat.v1.random_uniform", "tensorflow.compat.v1.random_normal", "tensorflow.nn.dropout",
        "tensorflow.keras.layers.Dropout", "keras.layers.Dropout",
    };

    private static readonly Dictionary<string, Rng> Draws = BuildDraws();

    private static Dictionary<string, Rng> BuildDraws()
    {
        var d = new Dictionary<string, Rng>(StringComparer.Ordinal);
        foreach (var n in NumPyDraws) d["numpy.random." + n] = Rng.NumPy;
        foreach (var n in PythonDraws) d["random." + n] = Rng.Python;
        foreach (var n in TorchDraws) d[n] = Rng.Torch;
        d["torch.utils.data.random_split"] = Rng.Torch;
        foreach (var n in TensorFlowDraws) d[n] = Rng.TensorFlow;
        return d;
    }

    /// <summary>The global generator a call draws from, or None (also None when it is given its own
    /// <c>generator=</c> / op-level <c>seed=</c>).</summary>
    public static Rng DrawsFrom(PyCall call)
    {
        if (!Draws.TryGetValue(call.QualifiedName, out var rng)) return Rng.None;
        if (call.HasStarStarKwargs) return Rng.None;
        if (rng == Rng.Torch && call.Keyword("generator") != null) return Rng.None;
        if (rng == Rng.TensorFlow && call.Keyword("seed") is { } s && s.Literal != PyLiteralKind.NoneValue) return Rng.None;
        if (call.QualifiedName == "torch.utils.data.random_split" && call.Positional(2) != null) return Rng.None;
        return rng;
    }
}
