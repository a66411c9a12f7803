using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Tests.Checks.Seeds;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>
/// A scan that reports only some files (<c>scan --staged</c>, the file names pre-commit passes) skips the work whose
/// findings could only land on the others: document checks and scopes of the other files, the seed summaries of modules
/// that cannot change the reported ones' verdicts (ReportedModuleClosure), notebooks' code cells that hold no install
/// line. Whatever it skips, the findings on the reported files are exactly those of the full scan: every file of
/// repositories where seeding, dependencies and Python versions cross files, alone and in groups.
/// </summary>
public class ReportedDocumentsTests
{
    private static string Notebook(string pythonVersion, params string[] lines) => $$"""
        {
         "cells": [
          {
           "cell_type": "code",
           "execution_count": 1,
           "id": "3b8e2c1a",
           "metadata": {},
           "outputs": [],
           "source": [{{string.Join(",", lines.Select(l => "\n    \"" + l.Replace("\"", "\\\"") + "\\n\""))}}
           ]
          }
         ],
         "metadata": {
          "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
          "language_info": {"name": "python", "version": "{{pythonVersion}}"}
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    /// <summary>Seeding across files every way the rules follow it, notebooks that install and ran on another Python,
    /// and the manifests they are compared with.</summary>
    private static readonly (string Path, string Text)[] CrossFile =
    {
        ("utils/__init__.py", "from .seeding import set_seed\n"),
        ("utils/seeding.py", "import random\nimport numpy as np\n\n\ndef _inner(s):\n    np.random.seed(s)\n\n\ndef set_seed(s):\n    random.seed(s)\n    _inner(s)\n"),
        ("helpers/deep.py", "import numpy as np\n\n\ndef really_seed(s):\n    np.random.seed(s)\n"),
        ("helpers/mid.py", "from helpers.deep import really_seed\n\n\ndef seed_all(s):\n    really_seed(s)\n"),
        ("train_a.py", "import pandas as pd\nfrom sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\nfrom utils import set_seed\n\nset_seed(1)\ndf = pd.read_csv('d.csv')\na, b = train_test_split(df)\nRandomForestClassifier().fit(a, b)\n"),
        ("train_b.py", "import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\nfrom helpers.mid import seed_all\n\nif __name__ == '__main__':\n    seed_all(0)\n    df = pd.read_csv('d.csv')\n    RandomForestClassifier().fit(df.x, df.y)\n"),
        ("train_c.py", "import pandas as pd\nfrom sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\nfrom data_aug import jitter\n\ndf = pd.read_csv('d.csv')\na, b = train_test_split(df)\nRandomForestClassifier().fit(jitter(a), b)\n"),
        ("train_d.py", "import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\nfrom helpers.deep import *\n\nreally_seed(3)\ndf = pd.read_csv('d.csv')\nRandomForestClassifier().fit(df.x, df.y)\n"),
        ("data_aug.py", "import numpy as np\nimport torch\n\n\ndef jitter(x):\n    return x + np.random.normal(size=x.shape)\n"),
        ("lib/model.py", "from sklearn.model_selection import KFold\n\n\ndef folds(n):\n    return KFold(n, shuffle=True)\n"),
        ("lib/runner.py", "from lib.model import folds\n\n\ndef run():\n    return folds(5)\n"),
        ("lib/cli.py", "from lib.runner import run\n\n\ndef main():\n    return run()\n"),
        ("run_all.py", "import numpy as np\nfrom lib.cli import main\n\nnp.random.seed(0)\nmain()\n"),
        ("lib/unseeded_model.py", "from sklearn.model_selection import KFold\n\n\ndef folds(n):\n    return KFold(n, shuffle=True)\n"),
        ("run_unseeded.py", "from lib.unseeded_model import folds\n\nfolds(3)\n"),
        ("pkg/__init__.py", "from .core import fit_all\n"),
        ("pkg/core.py", "from sklearn.model_selection import train_test_split\n\n\ndef fit_all(df):\n    return train_test_split(df)\n"),
        ("pkg/sub/__init__.py", ""),
        ("pkg/sub/job.py", "import numpy as np\nfrom .. import fit_all\n\nnp.random.seed(7)\nfit_all([1, 2, 3])\n"),
        ("tests/conftest.py", "import numpy as np\nimport pytest\n\n\n@pytest.fixture(autouse=True)\ndef seed():\n    np.random.seed(0)\n"),
        ("tests/test_split.py", "from sklearn.model_selection import train_test_split\n\n\ndef test_split():\n    a, b = train_test_split(list(range(10)))\n    assert len(a) + len(b) == 10\n"),
        ("integration/test_unseeded.py", "from sklearn.model_selection import train_test_split\n\n\ndef test_split():\n    a, b = train_test_split(list(range(10)))\n    assert len(a) + len(b) == 10\n"),
        ("notebooks/eda.ipynb", Notebook("3.8.10", "!pip install torch==2.2.0 lightgbm", "import pandas as pd", "df = pd.read_csv('data.csv')")),
        ("notebooks/split.ipynb", Notebook("3.11.4", "from sklearn.model_selection import train_test_split", "from utils import set_seed",
            "set_seed(0)", "a, b = train_test_split(list(range(10)))")),
        ("notebooks/unseeded.ipynb", Notebook("3.11.4", "import numpy as np", "from sklearn.model_selection import train_test_split", "from data_aug import jitter",
            "a, b = train_test_split(jitter(np.zeros((4, 2))))")),
        ("pyproject.toml", "[project]\nname = \"churn\"\nversion = \"0.1.0\"\nrequires-python = \">=3.10\"\ndependencies = [\"torch==2.1.0\", \"pandas\"]\n"),
        ("requirements.txt", "torch==2.1.0\nnumpy\nlightgbm==4.3.0\n"),
        ("Dockerfile", "FROM python:3.9-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"),
    };

    private static SourceDocument[] Docs(IEnumerable<(string Path, string Text)> files) =>
        files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray();

    private static (string, string, SourceSpan, string, Severity, string?, string?)[] Shown(IEnumerable<Finding> findings) =>
        findings.Select(f => (f.Path, f.RuleId, f.Span, f.Message, f.Severity, f.Fingerprint, f.Edit?.NewText))
            .OrderBy(x => x.Path, StringComparer.Ordinal).ThenBy(x => x.RuleId).ThenBy(x => x.Span.StartLine).ThenBy(x => x.Span.StartColumn).ThenBy(x => x.Message)
            .ToArray();

    /// <summary>The full scan's findings, and for each group of paths: a scan reporting only them gives the full scan's
    /// findings on them (fresh documents each run: nothing a run computed is reused).</summary>
    private static IReadOnlyList<Finding> AssertReportedAlike(LintConfig config, (string Path, string Text)[] files, IEnumerable<string[]> groups)
    {
        var whole = new Linter().Run(new RepositorySnapshot(Docs(files)), config).Findings;
        foreach (var group in groups)
        {
            var set = new HashSet<string>(group, StringComparer.Ordinal);
            var alone = new Linter().Run(new RepositorySnapshot(Docs(files)), config, reported: set.Contains).Findings.Where(f => set.Contains(f.Path));
            var expected = Shown(whole.Where(f => set.Contains(f.Path)));
            var actual = Shown(alone);
            Assert.True(expected.SequenceEqual(actual),
                $"[{string.Join(", ", group)}]: the full scan gave\n  {string.Join("\n  ", expected)}\nthe reported-only scan\n  {string.Join("\n  ", actual)}");
        }
        return whole;
    }

    private static IEnumerable<string[]> EachAloneAndInThrees((string Path, string Text)[] files)
    {
        foreach (var f in files) yield return new[] { f.Path };
        for (int i = 0; i + 2 < files.Length; i += 3) yield return new[] { files[i].Path, files[i + 1].Path, files[i + 2].Path };
    }

    [Fact]
    public void Every_file_of_a_repository_that_crosses_files_is_reported_alone_as_in_the_full_scan()
    {
        var config = SeedsFixtures.WithOptions("MLO301", ("include-tests", true));
        var whole = AssertReportedAlike(config, CrossFile, EachAloneAndInThrees(CrossFile));
        // the repository is worth the comparison: helpers elsewhere seed some scripts, the rest fire, the notebooks and
        // the manifests disagree
        string[] Rules(string path) => whole.Where(f => f.Path == path).Select(f => f.RuleId).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToArray();
        Assert.Empty(Rules("train_a.py"));
        Assert.Empty(Rules("train_b.py"));
        Assert.Empty(Rules("train_d.py"));
        Assert.Empty(Rules("lib/model.py")); // its importers' importer seeds NumPy
        Assert.Empty(Rules("pkg/core.py")); // seeded by pkg/sub/job.py through a relative import of the package
        Assert.Empty(Rules("tests/test_split.py")); // conftest.py seeds it
        Assert.DoesNotContain("MLO301", Rules("notebooks/split.ipynb")); // utils.set_seed
        Assert.Contains("MLO301", Rules("train_c.py"));
        Assert.Contains("MLO302", Rules("train_c.py")); // data_aug's draw
        Assert.Contains("MLO301", Rules("notebooks/unseeded.ipynb"));
        Assert.Equal(new[] { "MLO301" }, Rules("lib/unseeded_model.py"));
        Assert.Equal(new[] { "MLO301" }, Rules("integration/test_unseeded.py"));
        Assert.Contains(whole, f => f.Path == "notebooks/eda.ipynb" && f.RuleId.StartsWith("MLO6", StringComparison.Ordinal));
        Assert.Contains(whole, f => f.Path == "Dockerfile" && f.RuleId.StartsWith("MLO6", StringComparison.Ordinal));
        Assert.Contains(whole, f => f.Path == "requirements.txt" && f.RuleId == "MLO603"); // against the notebook's install line
    }

    [Fact]
    public void Every_seeds_fixture_scanned_together_is_reported_alone_as_in_the_full_scan()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds");
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText(f)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 20);
        var whole = AssertReportedAlike(LintConfig.Default, files, EachAloneAndInThrees(files));
        Assert.True(whole.Count(f => f.RuleId.StartsWith("MLO30", StringComparison.Ordinal)) >= 10, $"only {whole.Count} findings");
    }

    /// <summary>The closure leaves out what cannot matter (else the test above would hold for a scan that parses
    /// everything): modules no reported file reaches by imports either way.</summary>
    [Fact]
    public void The_closure_of_a_reported_module_holds_its_imports_importers_and_conftest_but_not_unrelated_modules()
    {
        var docs = Docs(CrossFile).Where(ScriptScope.IsPython).ToArray();
        string[] Closure(params string[] reported) =>
            ReportedModuleClosure.Of(docs, p => reported.Contains(p)).Select(d => d.Path).ToArray();

        var c = Closure("train_c.py");
        Assert.Contains("data_aug.py", c);
        Assert.Contains("tests/conftest.py", c);
        Assert.DoesNotContain("lib/unseeded_model.py", c);
        Assert.DoesNotContain("helpers/deep.py", c);
        Assert.DoesNotContain("notebooks/eda.ipynb", c);

        var m = Closure("lib/model.py");
        Assert.Contains("lib/runner.py", m);
        Assert.Contains("lib/cli.py", m);
        Assert.Contains("run_all.py", m); // three levels up
        Assert.DoesNotContain("train_a.py", m);

        var core = Closure("pkg/core.py");
        Assert.Contains("pkg/__init__.py", core);
        Assert.Contains("pkg/sub/job.py", core); // `from .. import fit_all`: a relative import of the package above
        Assert.DoesNotContain("utils/seeding.py", core);

        // a notebook that imports a helper: the helper and what it imports
        var n = Closure("notebooks/split.ipynb");
        Assert.Contains("utils/__init__.py", n);
        Assert.Contains("utils/seeding.py", n);
        Assert.DoesNotContain("data_aug.py", n);
    }
}
