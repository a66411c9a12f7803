using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Scope;
using static MLOpsLint.Core.Tests.Checks.Seeds.SeedsFixtures;

namespace MLOpsLint.Core.Tests.Checks.Seeds;

/// <summary>
/// The seed rules judged for one file alone (what the language server runs on the file being edited, with an index of
/// only the modules that can change its findings: SeedNeighbourhood) report exactly
/// what the run over the whole repository reports on that file: for every file of a repository where seeding crosses
/// files every way the rules follow it (package re-exports, relative imports, helper chains, star imports, importers
/// three levels up, conftest.py, imported randomness).
/// </summary>
public sealed class FileScopedSeedsTests
{
    private static readonly SourceDocument[] CrossFile =
    {
        Doc("utils/__init__.py", "from .seeding import set_seed\n"),
        Doc("utils/seeding.py", "import random\nimport numpy as np\n\n\ndef _inner(s):\n    np.random.seed(s)\n\n\ndef set_seed(s):\n    random.seed(s)\n    _inner(s)\n"),
        Doc("helpers/deep.py", "import numpy as np\n\n\ndef really_seed(s):\n    np.random.seed(s)\n"),
        Doc("helpers/mid.py", "from helpers.deep import really_seed\n\n\ndef seed_all(s):\n    really_seed(s)\n"),
        Doc("train_a.py", "import pandas as pd\nfrom sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\nfrom utils import set_seed\n\nset_seed(1)\ndf = pd.read_csv('d.csv')\na, b = train_test_split(df)\nRandomForestClassifier().fit(a, b)\n"),
        Doc("train_b.py", "import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\nfrom helpers.mid import seed_all\n\nif __name__ == '__main__':\n    seed_all(0)\n    df = pd.read_csv('d.csv')\n    RandomForestClassifier().fit(df.x, df.y)\n"),
        Doc("train_c.py", "import pandas as pd\nfrom sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\nfrom data_aug import jitter\n\ndf = pd.read_csv('d.csv')\na, b = train_test_split(df)\nRandomForestClassifier().fit(jitter(a), b)\n"),
        Doc("train_d.py", "import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\nfrom helpers.deep import *\n\nreally_seed(3)\ndf = pd.read_csv('d.csv')\nRandomForestClassifier().fit(df.x, df.y)\n"),
        Doc("data_aug.py", "import numpy as np\nimport torch\n\n\ndef jitter(x):\n    return x + np.random.normal(size=x.shape)\n"),
        Doc("lib/model.py", "from sklearn.model_selection import KFold\n\n\ndef folds(n):\n    return KFold(n, shuffle=True)\n"),
        Doc("lib/runner.py", "from lib.model import folds\n\n\ndef run():\n    return folds(5)\n"),
        Doc("lib/cli.py", "from lib.runner import run\n\n\ndef main():\n    return run()\n"),
        Doc("run_all.py", "import numpy as np\nfrom lib.cli import main\n\nnp.random.seed(0)\nmain()\n"),
        Doc("lib/unseeded_model.py", "from sklearn.model_selection import KFold\n\n\ndef folds(n):\n    return KFold(n, shuffle=True)\n"),
        Doc("run_unseeded.py", "from lib.unseeded_model import folds\n\nfolds(3)\n"),
        Doc("tests/conftest.py", "import numpy as np\nimport pytest\n\n\n@pytest.fixture(autouse=True)\ndef seed():\n    np.random.seed(0)\n"),
        Doc("tests/test_split.py", "from sklearn.model_selection import train_test_split\n\n\ndef test_split():\n    a, b = train_test_split(list(range(10)))\n    assert len(a) + len(b) == 10\n"),
        Doc("integration/test_unseeded.py", "from sklearn.model_selection import train_test_split\n\n\ndef test_split():\n    a, b = train_test_split(list(range(10)))\n    assert len(a) + len(b) == 10\n"),
    };

    private static (string, SourceSpan, string, string?)[] Shown(IEnumerable<Finding> findings) =>
        findings.Select(f => (f.RuleId, f.Span, f.Message, f.Edit?.NewText)).OrderBy(x => x.RuleId).ThenBy(x => x.Span.StartLine).ThenBy(x => x.Message).ToArray();

    /// <summary>For each Python file: the file-scoped findings against the whole run's findings on that file.</summary>
    private static void AssertEveryFileAlike(LintConfig config, IReadOnlyList<SourceDocument> docs, out IReadOnlyList<Finding> whole)
    {
        var linter = new Linter();
        var snapshot = new RepositorySnapshot(docs);
        var scopes = ScopeModel.For(docs, config.Scopes);
        whole = linter.CheckRepository(snapshot, config, scopes).SelectMany(c => c.Findings).ToArray();
        foreach (var d in docs.Where(d => d.Path.EndsWith(".py", StringComparison.Ordinal) || d.Path.EndsWith(".ipynb", StringComparison.Ordinal)))
        {
            var alone = linter.CheckRepositoryFiles(snapshot, config, scopes, new HashSet<string> { d.Path }, out var rules).SelectMany(c => c.Findings).ToArray();
            Assert.Contains(rules, r => r.Id == "MLO301");
            var expected = Shown(whole.Where(f => f.Path == d.Path && rules.Contains(f.Rule)));
            Assert.True(expected.SequenceEqual(Shown(alone)),
                $"{d.Path}: the whole run gave [{string.Join("; ", expected)}], the file alone [{string.Join("; ", Shown(alone))}]");
            Assert.All(alone, f => Assert.Equal(d.Path, f.Path));
        }
    }

    [Fact]
    public void Every_file_of_a_repository_that_seeds_across_files_is_judged_alone_as_in_the_whole_run()
    {
        var config = WithOptions("MLO301", ("include-tests", true));
        AssertEveryFileAlike(config, CrossFile, out var whole);
        // the repository is worth the comparison: the helpers seed the scripts that call them, and the others fire
        string[] Rules(string path) => whole.Where(f => f.Path == path).Select(f => f.RuleId).Distinct().OrderBy(r => r).ToArray();
        Assert.Empty(Rules("train_a.py"));
        Assert.Empty(Rules("train_b.py"));
        Assert.Empty(Rules("train_d.py"));
        Assert.Empty(Rules("lib/model.py")); // its importers' importer seeds NumPy
        Assert.Empty(Rules("tests/test_split.py")); // conftest.py seeds it
        Assert.Equal(new[] { "MLO301", "MLO302" }, Rules("train_c.py")); // unseeded split, and data_aug's draw
        Assert.Equal(new[] { "MLO301" }, Rules("lib/unseeded_model.py"));
        Assert.Equal(new[] { "MLO301" }, Rules("integration/test_unseeded.py"));
    }

    [Fact]
    public void Every_seeds_fixture_scanned_together_is_judged_alone_as_in_the_whole_run()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds");
        var docs = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Doc(Path.GetRelativePath(dir, f).Replace('\\', '/'), System.IO.File.ReadAllText(f)))
            .OrderBy(d => d.Path, StringComparer.Ordinal).ToArray();
        Assert.True(docs.Length >= 20);
        AssertEveryFileAlike(LintConfig.Default, docs, out var whole);
        Assert.True(whole.Count >= 10, $"only {whole.Count} findings");
    }
}
