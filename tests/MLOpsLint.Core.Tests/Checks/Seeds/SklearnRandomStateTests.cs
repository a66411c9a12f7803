using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Tests.Support;
using static MLOpsLint.Core.Tests.Checks.Seeds.SeedsFixtures;

namespace MLOpsLint.Core.Tests.Checks.Seeds;

/// <summary>MLO301: scikit-learn calls without random_state.</summary>
public class SklearnRandomStateTests
{
    [Theory]
    [InlineData("sklearn_train.py")]
    [InlineData("sklearn_lookalikes.py")]
    [InlineData("sklearn_numpy_seeded.py")]
    public void Scripts(string fixture) => AssertExpectations("MLO301", File(fixture, "src/" + fixture));

    [Theory]
    [InlineData("train_unseeded.ipynb")]
    [InlineData("train_seeded.ipynb")]
    public void Notebooks(string fixture)
    {
        var findings = AssertExpectations("MLO301", File(fixture, "notebooks/" + fixture));
        Assert.All(findings, f => Assert.StartsWith("cell ", f.LocationHint));
    }

    [Fact]
    public void The_table_is_the_generated_one_and_resolves_public_and_private_paths()
    {
        Assert.Equal("1.2.1", SklearnTable.Version);
        Assert.Equal(161, SklearnTable.All.Count);
        var rf = SklearnTable.Find("sklearn.ensemble.RandomForestClassifier");
        Assert.NotNull(rf);
        Assert.Same(rf, SklearnTable.Find("sklearn.ensemble._forest.RandomForestClassifier"));
        Assert.Equal(2, SklearnTable.Find("sklearn.model_selection.StratifiedGroupKFold")!.Position);
        Assert.Null(SklearnTable.Find("sklearn.model_selection.train_test_split")!.Position);
        Assert.Null(SklearnTable.Find("sklearn.model_selection.cross_val_score"));
        Assert.Null(SklearnTable.Find("train_test_split"));
    }

    [Fact]
    public void Every_conditional_name_is_in_the_table()
    {
        var names = SklearnTable.All.Select(c => c.Name).ToHashSet();
        Assert.All(SklearnConditions.ConditionalNames, n => Assert.Contains(n, names));
    }

    [Fact]
    public void The_message_names_the_callable_and_the_setting_and_the_fix_is_offered()
    {
        var f = Assert.Single(Of("MLO301", Doc("cv.py", "from sklearn.model_selection import KFold\ncv = KFold(n_splits=5, shuffle=True)\n")));
        Assert.Contains("KFold() with shuffle=True is called without random_state", f.Message);
        Assert.Contains("the split changes on every run", f.Message);
        Assert.Contains("random_state=42", f.Fix);
        Assert.NotNull(f.Edit);
        Assert.Equal(", random_state=42", f.Edit!.NewText);
    }

    [Fact]
    public void Star_args_and_kwargs_may_hold_random_state()
    {
        const string code = "from sklearn.model_selection import StratifiedGroupKFold, train_test_split\n"
            + "args = (5, True, 0)\nkw = {'random_state': 0}\n"
            + "a = StratifiedGroupKFold(*args)\nb = train_test_split(X, y, **kw)\nc = train_test_split(*arrays)  # expect: MLO301\n";
        AssertExpectations("MLO301", Doc("s.py", code));
    }

    [Fact]
    public void A_numpy_seed_in_a_helper_module_counts()
    {
        var helper = Doc("project/utils/seeding.py", "import numpy as np\nimport random\n\ndef set_seed(seed):\n    random.seed(seed)\n    np.random.seed(seed)\n");
        var train = Doc("project/train.py", "from project.utils.seeding import set_seed\nfrom sklearn.model_selection import train_test_split\n\nset_seed(0)\nparts = train_test_split([1, 2], [0, 1])\n");
        AssertExpectations("MLO301", helper, train);
    }

    [Fact]
    public void Library_modules_are_seeded_by_the_scripts_that_import_them()
    {
        var lib = Doc("pkg/models.py", "from sklearn.ensemble import RandomForestClassifier\n\ndef make():\n    return RandomForestClassifier(n_estimators=10)\n");
        var seeded = Doc("pkg/train.py", "import numpy as np\nfrom pkg.models import make\n\nif __name__ == '__main__':\n    np.random.seed(0)\n    make()\n");
        AssertExpectations("MLO301", lib, seeded);
        var unseeded = Doc("pkg/train.py", "from pkg.models import make\n\nif __name__ == '__main__':\n    make()\n");
        var f = Assert.Single(Of("MLO301", Doc("pkg/models.py", lib.Text), unseeded));
        Assert.Equal("pkg/models.py", f.Path);
    }

    [Fact]
    // Tests were in scope by default until the ecosystem check: all 24 results in a library's test suite were judged
    // unwanted, so include-tests now defaults to false; with it on, the behaviour is as strict as before.
    public void Tests_are_in_scope_when_turned_on_and_conftest_seeds_count()
    {
        const string test = "from sklearn.model_selection import train_test_split\n\ndef test_split():\n    assert train_test_split([1, 2, 3, 4])\n";
        var on = WithOptions("MLO301", ("include-tests", true));
        Assert.Single(Of("MLO301", on, Doc("tests/test_split.py", test)));
        Assert.Empty(Of("MLO301", Doc("tests/test_split.py", test)));
        Assert.Empty(Of("MLO301", WithOptions("MLO301", ("include-tests", false)), Doc("tests/test_split.py", test)));
        var conftest = Doc("tests/conftest.py", "import numpy as np\nimport pytest\n\n@pytest.fixture(autouse=True)\ndef _seed():\n    np.random.seed(0)\n");
        Assert.Empty(Of("MLO301", on, Doc("tests/unit/test_split.py", test), conftest));
    }

    [Fact]
    public void Fix_seed_value_is_configurable()
    {
        var f = Assert.Single(Of("MLO301", WithOptions("MLO301", ("fix-seed-value", 1234L)),
            Doc("a.py", "from sklearn.cluster import KMeans\nkm = KMeans()\n")));
        Assert.Equal("random_state=1234", f.Edit!.NewText);
        Assert.Contains("random_state=1234", f.Fix);
    }
}
