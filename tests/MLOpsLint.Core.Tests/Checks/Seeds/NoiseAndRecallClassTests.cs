using static MLOpsLint.Core.Tests.Checks.Seeds.SeedsFixtures;

namespace MLOpsLint.Core.Tests.Checks.Seeds;

/// <summary>
/// The noise and recall classes of issue 13 for the seed rules, measured on the ecosystem corpus: each has a fixture
/// (a script, a notebook or a small repository under Fixtures/Seeds/classes/) that must fire and a look-alike that must
/// not, with <c>expect:</c> markers on the lines that must fire (every other line must stay silent).
/// </summary>
public class NoiseAndRecallClassTests
{
    private static Documents.SourceDocument Class(string path) => File("classes/" + path, path);

    /// <summary>Every MLO3 rule's expectations hold in each of <paramref name="docs"/>.</summary>
    private static void AssertAll(params Documents.SourceDocument[] docs)
    {
        foreach (var rule in new[] { "MLO301", "MLO302", "MLO304", "MLO305", "MLO306" }) AssertExpectations(rule, docs);
    }

    [Theory]
    [InlineData("seed_drawn_then_used.py")]   // seed = random.randint(...); random.seed(seed); torch.manual_seed(seed)
    [InlineData("seed_drawn_not_used.py")]    // look-alike: a draw that is not the seed, a seed that covers NumPy only
    public void A_seed_drawn_at_random_and_then_used_is_not_an_unseeded_draw(string fixture) => AssertAll(Class(fixture));

    [Theory]
    [InlineData("export_traced.py")]          // torch.jit.trace / ONNX export / timing inputs, a benchmark function
    [InlineData("plot_tutorial.py")]          // random numbers plotted, never trained on nor saved
    [InlineData("make_dataset.py")]           // look-alike: the random numbers are written out as a dataset
    [InlineData("train_with_export.py")]      // look-alike: training noise is unseeded; the export input is not counted
    public void Synthetic_inputs_are_not_training_randomness(string fixture) => AssertAll(Class(fixture));

    [Fact]
    public void Trace_and_export_inputs_are_not_counted_among_the_other_places()
    {
        var f = Assert.Single(Of("MLO302", Class("train_with_export.py")));
        Assert.Contains("torch.randn() draws from PyTorch's global random generator, which is never seeded: the numbers", f.Message);
    }

    [Theory]
    [InlineData("loader_seeded_before_iteration.ipynb")] // transformers.set_seed in a cell after the DataLoader, before the loop
    [InlineData("loader_seeded_after_iteration.ipynb")]  // look-alike: the seed comes after the loop
    public void A_seed_set_before_a_loader_is_first_iterated_counts(string fixture) => AssertAll(Class(fixture));

    [Theory]
    [InlineData("import accelerate\naccelerate.utils.set_seed(1)\n")]
    [InlineData("from accelerate.utils import set_seed\nset_seed(1)\n")]
    [InlineData("import lightning as L\nL.seed_everything(1)\n")]
    [InlineData("import pytorch_lightning as pl\npl.seed_everything()\n")]
    [InlineData("from transformers import set_seed\nset_seed(1)\n")]
    [InlineData("import keras\nkeras.utils.set_random_seed(1)\n")]
    [InlineData("import tensorflow as tf\ntf.keras.utils.set_random_seed(1)\n")]
    public void Ecosystem_seed_helpers_seed_the_loader_and_the_draws(string seeding)
    {
        const string body = "import numpy as np\nimport torch\nfrom torch.utils.data import DataLoader\n";
        const string train = "loader = DataLoader(ds, shuffle=True)\nidx = np.random.permutation(10)\nfor b in loader:\n    model(b).sum().backward()\n";
        Assert.Empty(Run(Doc("train.py", body + seeding + train)).Findings.Where(f => f.RuleId is "MLO302" or "MLO305"));
        Assert.Equal(2, Run(Doc("train.py", body + train)).Findings.Count(f => f.RuleId is "MLO302" or "MLO305"));
    }

    [Fact]
    public void A_generator_seeded_in_another_method_of_the_class_or_by_the_class_it_is_handed_to()
    {
        AssertExpectations("MLO304", Class("generators_in_class.py"));
    }

    [Theory]
    [InlineData("keras_unseeded.py")]
    [InlineData("keras_seeded.py")]                 // look-alike: keras.utils.set_random_seed
    [InlineData("keras_lookalike_sklearn_fit.py")]  // look-alike: TensorFlow imported, the fitted model is scikit-learn's
    [InlineData("keras_unseeded.ipynb")]
    [InlineData("keras_seeded.ipynb")]              // look-alike: tf.keras.utils.set_random_seed in the first cell
    public void Keras_training_never_seeded(string fixture) => AssertAll(Class(fixture));

    [Fact]
    public void The_keras_finding_stands_for_what_set_random_seed_fixes_in_the_file()
    {
        // one seeds finding for the file; the notebook's MLO701 (it trains and records nothing, another family) stands beside it
        var f = Assert.Single(Run(Class("keras_unseeded.ipynb")).Findings.Where(x => x.Rule.Family == Rules.RuleFamily.MissingSeeds));
        Assert.Single(Run(Class("keras_unseeded.ipynb")).Findings.Where(x => x.Rule.Family != Rules.RuleFamily.MissingSeeds), x => x.RuleId == "MLO701");
        Assert.Contains("fit() trains a Keras model, but TensorFlow's global seed is never set", f.Message);
        Assert.Contains("2 loaders shuffling without seed=", f.Message);
        Assert.Contains("keras.utils.set_random_seed(42)", f.Fix);
        var script = Assert.Single(Run(Class("keras_unseeded.py")).Findings.Where(x => x.Rule.Family == Rules.RuleFamily.MissingSeeds));
        Assert.Contains("np.random.rand() (NumPy's global random generator)", script.Message);
    }

    [Fact]
    public void Keras_and_tf_data_loaders_without_seed_once_per_file_and_generator()
    {
        var findings = AssertExpectations("MLO305", Class("keras_loaders.py"));
        Assert.Contains(findings, f => f.Message.StartsWith("image_dataset_from_directory() shuffles without seed=", StringComparison.Ordinal)
            && f.Message.Contains("(and 2 more loaders in this file)") && f.Message.Contains("NumPy"));
        Assert.Contains(findings, f => f.Message.StartsWith("shuffle() without seed=", StringComparison.Ordinal) && f.Message.Contains("TensorFlow"));
    }

    [Fact]
    public void Gradient_boosting_libraries_are_judged_by_their_documented_default_seeds()
    {
        AssertAll(Class("boosting_defaults.py"));
    }

    private static Documents.SourceDocument[] Repo(string folder, params string[] files) =>
        files.Select(f => File($"classes/imported/{folder}/{f}", $"{folder}/{f}")).ToArray();

    [Fact]
    public void Randomness_in_an_imported_project_module_when_nothing_on_the_way_seeds_it()
    {
        var docs = Repo("app", "data.py", "model.py", "train.py", "predict.py");
        var findings = AssertExpectations("MLO302", docs);
        Assert.Contains(findings, f => f.Message.StartsWith("app/data.py (imported here) draws from NumPy's global random generator with np.random.permutation() at line 5", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.StartsWith("app/model.py (imported here) draws from PyTorch's global random generator with nn.Dropout() at line 8", StringComparison.Ordinal));
    }

    [Fact]
    public void An_imported_module_is_seeded_by_the_script_and_resolved_as_python_would()
    {
        // the look-alike repository seeds through its own helper, and its finetune.py imports its own model.py (no
        // randomness), not app/model.py of the same name; its stats.py imports data.py but never calls the function that draws
        var docs = Repo("lookalike", "data.py", "seeding.py", "train.py", "model.py", "finetune.py", "stats.py")
            .Concat(Repo("app", "model.py")).ToArray();
        Assert.Empty(Of("MLO302", docs));
    }

    [Fact]
    public void A_name_that_is_not_the_imported_random_module_is_not_a_draw()
    {
        // random = Random(seed) is an explicit generator named like the module; without `import random` the call is not the module's
        AssertExpectations("MLO302", Doc("shuffling.py", "import numpy as np\nfrom random import Random\n\n\ndef key(n, seed):\n    random = Random(seed)\n    k = list(range(n))\n    random.shuffle(k)\n    return k\n\n\nidx = key(10, 0)\norder = np.random.permutation(10)  # expect: MLO302\nnp.save('order.npy', order)\n"));
    }

    [Fact]
    public void A_module_with_a_self_test_that_other_modules_import_is_left_to_its_importers()
    {
        // the transform's own __main__ block does not make its functions a script's draws; the training script that
        // imports it and never seeds NumPy is told instead
        var transform = Doc("src/transform.py", "import numpy as np\n\n\ndef drop_channels(x):\n    idx = np.random.permutation(x.shape[-1])\n    return x[..., idx]\n\n\nif __name__ == '__main__':\n    print(drop_channels(np.zeros((2, 4))))\n");
        var train = Doc("src/train.py", "import torch\nfrom transform import drop_channels  # expect: MLO302\n\nbatch = drop_channels(load())\nmodel = torch.nn.Linear(4, 1)\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n");
        AssertExpectations("MLO302", transform, train);
    }

    [Fact]
    public void A_dataset_or_transform_method_runs_in_workers_that_a_torch_seed_seeds()
    {
        // PyTorch seeds random (and NumPy) in each DataLoader worker from its own generator
        var transform = Doc("proj/augment.py", "import random\n\n\nclass Flip:\n    def __call__(self, x):\n        return x[::-1] if random.random() < 0.5 else x\n");
        const string train = "import torch\nfrom augment import Flip{0}\n\n{1}flip = Flip()\nmodel = torch.nn.Linear(4, 1)\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n";
        Assert.Empty(Of("MLO302", transform, Doc("proj/train.py", string.Format(train, "", "torch.manual_seed(0)\n"))));
        AssertExpectations("MLO302", transform, Doc("proj/train.py", string.Format(train, "  # expect: MLO302", "")));
    }

    [Fact]
    public void A_draw_that_only_picks_what_is_printed_is_not_training_randomness()
    {
        const string head = "import random\nimport torch\n\npairs = [(1, 2), (3, 4)]\nmodel = torch.nn.Linear(2, 1)\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n";
        // (the file was named tutorial.py until a file named for a tutorial became an example, PrecisionClassTests)
        Assert.Empty(Of("MLO302", Doc("pairs.py", head + "print(random.choice(pairs))\n")));
        AssertExpectations("MLO302", Doc("pairs.py", head + "batch = random.choice(pairs)  # expect: MLO302\nprint(batch)\n"));
    }

    [Fact]
    public void Examples_benchmarks_and_docs_are_out_of_scope_and_a_class_never_built_here_is_library_code()
    {
        // on the ecosystem corpus the seed rules' results in examples were mostly judged false or debatable
        const string train = "import numpy as np\nimport torch\n\nidx = np.random.permutation(10)  # expect: MLO302\nmodel = torch.nn.Linear(4, 1)\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n";
        AssertExpectations("MLO302", Doc("train.py", train));
        Assert.Empty(Of("MLO302", Doc("examples/train.py", train)));
        Assert.Empty(Of("MLO302", Doc("benchmarks/train.py", train)));
        // a model file whose class is built elsewhere (from a config string) is not a script because it has top-level calls
        const string model = "import torch\nfrom torch import nn\n\ntorch.set_printoptions(precision=3)\n\n\nclass VQ(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.register_buffer('colorize', torch.randn(3, 8, 1, 1))\n\n    def training_step(self, batch):\n        return self(batch).sum().backward()\n";
        Assert.Empty(Of("MLO302", Doc("taming/models/vq.py", model)));
        AssertExpectations("MLO302", Doc("taming/models/vq.py", model.Replace("torch.randn(3, 8, 1, 1))", "torch.randn(3, 8, 1, 1))  # expect: MLO302") + "\n\nvq = VQ()\n"));
    }
}
