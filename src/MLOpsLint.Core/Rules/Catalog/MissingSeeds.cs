using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Rules;

// MLO3xx — missing random seeds.
public static partial class RuleCatalog
{
    private static RuleOption IncludeTests(bool value, string what) => new(
        "include-tests", value ? "true" : "false",
        "Also check test files (test_*.py, *_test.py, conftest.py, files under tests/ or test/)" + what + ".");

    public static readonly RuleDescriptor MLO301 = new(
        "MLO301",
        "sklearn-call-without-random-state",
        "scikit-learn call without random_state",
        Severity.Warning,
        "A scikit-learn estimator, splitter or function that takes random_state was called without it (and NumPy's "
        + "global generator was not seeded), so it draws a different seed on every run: a different train/test split, "
        + "different folds, a different forest, different synthetic data. Results cannot be reproduced or compared.",
        "Pass random_state=42 (or your seed variable), or seed NumPy's global generator with np.random.seed(...) before the call.",
        new[]
        {
            IncludeTests(false, ""),
            new RuleOption("fix-seed-value", "42", "The value `scan --fix` writes as random_state=<value>."),
        })
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs),
    };

    public static readonly RuleDescriptor MLO302 = new(
        "MLO302",
        "unseeded-global-rng",
        "Global random generator used but never seeded",
        Severity.Warning,
        "A script or notebook draws from a global random generator (NumPy's legacy np.random.*, Python's random, "
        + "torch.rand*/randperm/nn.init/dropout, tf.random.*) that it never seeds, so every run sees different numbers: "
        + "different shuffles, initial weights, augmentations and samples.",
        "Seed the generator once at the start (np.random.seed, random.seed, torch.manual_seed, tf.random.set_seed, or a set_seed() helper that does).",
        new[]
        {
            IncludeTests(false, ""),
            new RuleOption("seed-functions", "[]", "Names of extra functions that seed every generator (e.g. [\"mylib.utils.fix_seeds\"]); "
                + "a bare name matches any call with that name. Also used by MLO301, MLO305 and MLO306."),
        })
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs),
    };

    public static readonly RuleDescriptor MLO304 = new(
        "MLO304",
        "unseeded-generator",
        "Random generator created without a seed",
        Severity.Warning,
        "np.random.default_rng(), np.random.RandomState(), random.Random() and torch.Generator() created without a seed "
        + "take their seed from the operating system, so the numbers drawn from them change on every run.",
        "Give the generator a seed: np.random.default_rng(42), random.Random(42), torch.Generator().manual_seed(42).",
        new[]
        {
            IncludeTests(true, ""),
            new RuleOption("fix-seed-value", "42", "The seed `scan --fix` writes into the constructor."),
        })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO305 = new(
        "MLO305",
        "unseeded-dataloader-shuffle",
        "DataLoader shuffles without a seeded generator",
        Severity.Warning,
        "DataLoader(shuffle=True) (or RandomSampler) without generator= draws the order from PyTorch's global generator, and "
        + "Keras' image_dataset_from_directory, flow_from_directory and tf.data's Dataset.shuffle without seed= from NumPy's or "
        + "TensorFlow's; in a script that never seeds that generator the batch order, and so the training run, differs every time.",
        "Pass generator=torch.Generator().manual_seed(42), or call torch.manual_seed(42) at the start of the script.",
        new[] { IncludeTests(false, "") })
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs),
    };

    public static readonly RuleDescriptor MLO306 = new(
        "MLO306",
        "nondeterministic-gpu-kernels",
        "Seeded PyTorch script with non-deterministic GPU settings",
        Severity.Suggestion,
        "Code asks for deterministic cuDNN (cudnn.deterministic = True, torch.use_deterministic_algorithms(True)) and then "
        + "sets torch.backends.cudnn.benchmark = True, whose autotuning undoes it; with require-deterministic-algorithms, also "
        + "a seeded CUDA training script with cudnn.benchmark on or no deterministic algorithms: two seeded runs can still differ.",
        "Set torch.backends.cudnn.benchmark = False where determinism is asked for (and torch.use_deterministic_algorithms(True) with CUBLAS_WORKSPACE_CONFIG=:4096:8 when exact reproducibility matters).",
        new[]
        {
            IncludeTests(false, ""),
            new RuleOption("require-deterministic-algorithms", "false", "Also report, in a seeded training script, cudnn.benchmark = True and "
                + "training on CUDA without torch.use_deterministic_algorithms(True) (off by default: on real repositories nearly every such report was unwanted)."),
        })
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs),
    };

    public static readonly RuleDescriptor MLO303 = new(
        "MLO303",
        "unseeded-mlcontext",
        "MLContext created without a seed",
        Severity.Warning,
        "new MLContext() without a seed makes ML.NET pick a random one: shuffling, train/test splits, "
        + "cross-validation folds and the trainers' own initialisation differ on every run, so a model "
        + "cannot be trained twice the same way.",
        "Pass a fixed seed: new MLContext(seed: 0).")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO307 = new(
        "MLO307",
        "unseeded-mlnet-operation",
        "ML.NET operation without a seed from an unseeded MLContext",
        Severity.Warning,
        "TrainTestSplit, CrossValidationSplit, ShuffleRows, BootstrapSample and the catalogs' CrossValidate were called "
        + "without seed: on an MLContext created without a seed, so ML.NET draws the split, the folds or the row order "
        + "from an unseeded generator: every run trains and evaluates on different rows.",
        "Pass seed: 0 to the call (or create the MLContext with new MLContext(seed: 0)).")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO308 = new(
        "MLO308",
        "unseeded-system-random",
        "new Random() without a seed in ML code",
        Severity.Warning,
        "In a file that uses ML.NET or TorchSharp, new Random() (or Random.Shared) draws its seed from the operating "
        + "system, so shuffles, samples, augmentations and initial weights built on it differ on every run.",
        "Pass a fixed seed: new Random(0) (or a seed from configuration).")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO309 = new(
        "MLO309",
        "unseeded-torchsharp-training",
        "TorchSharp training code that never calls torch.random.manual_seed",
        Severity.Warning,
        "The code trains with TorchSharp (an optimizer from torch.optim, optimizer.step(), loss.backward()) but never seeds "
        + "libtorch's global generator, so initial weights, dropout masks and random sampling differ on every run.",
        "Call torch.random.manual_seed(0) (or torch.manual_seed(0)) once before the model is built.")
    {
        Scopes = FileScope.All,
    };
}
