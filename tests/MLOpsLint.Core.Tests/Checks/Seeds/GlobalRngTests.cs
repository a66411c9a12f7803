using static MLOpsLint.Core.Tests.Checks.Seeds.SeedsFixtures;

namespace MLOpsLint.Core.Tests.Checks.Seeds;

/// <summary>MLO302: global generators used but never seeded, and the seeding helpers that silence it.</summary>
public class GlobalRngTests
{
    [Theory]
    [InlineData("global_unseeded.py")]
    [InlineData("global_seeded.py")]
    [InlineData("global_seed_too_late.py")]
    [InlineData("lightning_seeded.py")]
    [InlineData("inference_only.py")]
    [InlineData("train_torch_unseeded.py")]
    [InlineData("service.py")]
    [InlineData("sklearn_train.py")]
    [InlineData("generators.py")]
    public void Scripts(string fixture) => AssertExpectations("MLO302", File(fixture));

    [Theory]
    [InlineData("train_unseeded.ipynb")]
    [InlineData("train_seeded.ipynb")]
    public void Notebooks_seeded_in_an_earlier_cell(string fixture) => AssertExpectations("MLO302", File(fixture));

    [Fact]
    public void One_finding_per_generator_counts_the_other_uses()
    {
        var f = Assert.Single(Of("MLO302", File("global_unseeded.py")), x => x.Message.Contains("NumPy"));
        Assert.Contains("np.random.shuffle() draws from NumPy's global random generator, which is never seeded (and 2 more places in this file)", f.Message);
        Assert.Contains("np.random.seed(42)", f.Fix);
        var late = Assert.Single(Of("MLO302", File("global_seed_too_late.py")), x => x.Message.Contains("NumPy"));
        Assert.Contains("seeded only after this use", late.Message);
    }

    [Theory]
    [InlineData("from utils import set_seed\n", "set_seed(0)\n")]
    [InlineData("from .utils import set_seed\n", "set_seed(0)\n")]
    [InlineData("import utils\n", "utils.set_seed(0)\n")]
    [InlineData("from . import utils\n", "utils.set_seed(0)\n")]
    [InlineData("from proj import set_seed\n", "set_seed(0)\n")]          // re-exported by proj/__init__.py
    [InlineData("from proj.utils import seed_all_the_things as s\n", "s()\n")] // two levels: calls set_seed
    public void A_seed_helper_in_another_module_counts(string import, string call)
    {
        var utils = Doc("proj/utils.py", "import random\nimport numpy as np\nimport torch\n\n\ndef set_seed(seed):\n    random.seed(seed)\n    np.random.seed(seed)\n    torch.manual_seed(seed)\n\n\ndef seed_all_the_things():\n    set_seed(1)\n");
        var init = Doc("proj/__init__.py", "from .utils import set_seed\n");
        var train = Doc("proj/train.py", "import numpy as np\nimport torch\n" + import + call + "x = np.random.rand(3)\ny = torch.randn(2)\nmodel.fit(x, y)\n");
        Assert.Empty(Of("MLO302", utils, init, train));
    }

    [Fact]
    public void A_helper_that_seeds_only_numpy_leaves_torch_unseeded()
    {
        var utils = Doc("utils.py", "import numpy as np\n\ndef set_seed(seed):\n    np.random.seed(seed)\n");
        var train = Doc("train.py", "import numpy as np\nimport torch\nfrom utils import set_seed\n\nset_seed(0)\nx = np.random.rand(3)\ny = torch.randn(2)  # expect: MLO302\nmodel.fit(x, y)\n");
        AssertExpectations("MLO302", utils, train);
    }

    [Fact]
    public void An_unknown_function_named_like_a_seed_helper_counts_and_seed_functions_adds_more()
    {
        Assert.Empty(Of("MLO302", Doc("t.py", "import numpy as np\nfrom mylib.repro import fix_seeds\nfix_seeds(1)\nx = np.random.rand(2)\nmodel.fit(x)\n")));
        const string custom = "import numpy as np\nfrom mylib.repro import make_reproducible\nmake_reproducible()\nx = np.random.rand(2)\nmodel.fit(x)\n";
        Assert.Single(Of("MLO302", Doc("t.py", custom)));
        Assert.Empty(Of("MLO302", WithOptions("MLO302", ("seed-functions", new[] { "mylib.repro.make_reproducible" })), Doc("t.py", custom)));
        Assert.Empty(Of("MLO302", WithOptions("MLO302", ("seed-functions", new[] { "make_reproducible" })), Doc("t.py", custom)));
    }

    [Fact]
    public void Library_modules_are_left_to_the_scripts_that_import_them()
    {
        var aug = Doc("src/augment.py", "import numpy as np\n\n\ndef jitter(x):\n    return x + np.random.normal(0, 0.1, size=x.shape)\n");
        var train = Doc("src/train.py", "import numpy as np\nfrom src.augment import jitter\n\nif __name__ == '__main__':\n    np.random.seed(0)\n    jitter(np.zeros(3))\n");
        AssertExpectations("MLO302", aug, train);
    }

    [Fact]
    public void Tests_are_out_of_scope_unless_included()
    {
        const string test = "import numpy as np\n\ndef test_x():\n    assert np.random.rand() < 2\n    model.fit(x)\n\ntest_x()\n";
        Assert.Empty(Of("MLO302", Doc("tests/test_x.py", test)));
        Assert.Single(Of("MLO302", WithOptions("MLO302", ("include-tests", true)), Doc("tests/test_x.py", test)));
    }

    [Fact]
    public void Seeding_without_a_value_does_not_count()
    {
        AssertExpectations("MLO302", Doc("a.py", "import numpy as np\nimport random\nnp.random.seed()\nrandom.seed(None)\nx = np.random.rand()  # expect: MLO302\ny = random.random()  # expect: MLO302\nmodel.fit(x, y)\n"));
    }

    [Fact]
    public void The_same_seeder_called_with_and_without_a_value_is_told_apart()
    {
        // calls to one name share what they seed unless the name reads its arguments (a seeder does)
        AssertExpectations("MLO302", Doc("a.py", "import numpy as np\nnp.random.seed()\nx = np.random.rand()  # expect: MLO302\nnp.random.seed(0)\ny = np.random.rand()\nmodel.fit(x, y)\n"));
        Assert.Empty(Of("MLO302", Doc("b.py", "import numpy as np\nnp.random.seed(0)\nnp.random.seed()\nx = np.random.rand()\nmodel.fit(x)\n")));
    }

    [Fact]
    public void Hugging_face_trainers_seed_everything()
    {
        Assert.Empty(Of("MLO302", Doc("a.py", "import torch\nfrom transformers import Trainer, TrainingArguments\ntrainer = Trainer(model=m, args=TrainingArguments('out'))\nx = torch.randn(2)\n")));
        Assert.Empty(Of("MLO302", Doc("b.py", "import torch\nfrom transformers import set_seed\nset_seed(42)\nx = torch.randn(2)\n")));
        Assert.Empty(Of("MLO302", Doc("c.py", "import tensorflow as tf\ntf.keras.utils.set_random_seed(1)\nx = tf.random.uniform([2])\n")));
        Assert.Empty(Of("MLO302", Doc("d.py", "import pytorch_lightning as pl\nimport torch\npl.seed_everything(7)\nx = torch.rand(2)\n")));
    }
}
