using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Staged;

/// <summary>
/// <c>scan --staged FILE...</c> (what pre-commit runs) judges the staged files from what their findings can depend on
/// (the seed and tracking rules from the files' import neighbourhood, the repository-wide facts from a cheap pass), not
/// from every file of the repository. Whatever it leaves out, its findings are exactly those the full scan makes on the
/// same files: on a real git repository where seeding, training, recording and data versioning cross files, every
/// Python file and notebook staged alone, in threes and all together, before and after the repository starts versioning
/// its data (and gets enough unrecorded training scripts for MLO701 to group them).
/// </summary>
public class StagedEqualsFullScanTests
{
    private static string Notebook(params string[] cells) =>
        NotebookJson.WithKernel(new { name = "python3", display_name = "Python 3", language = "python" }, cells);

    private static readonly string[] ExploreCells =
    {
        "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression",
        "df = pd.read_csv(\"train.csv\")",
        "model = LogisticRegression(random_state=0)\nmodel.fit(df[[\"a\"]], df[\"label\"])\nprint(\"accuracy\", model.score(df[[\"a\"]], df[\"label\"]))",
    };

    /// <summary>Seeds and tracking across files: helpers that seed, record (a tracker call, a module importing a tracker) and
    /// train (a training loop in another module), a script run by a sweep that records, lineage written by hand, data read
    /// from an ignored folder and data another script writes, a notebook with its exported script beside it.</summary>
    private static readonly (string Path, string Text)[] Files =
    {
        (".gitignore", "data/\n"),
        ("requirements.txt", "pandas==2.2.2\nscikit-learn==1.5.0\nmlflow==2.14.1\ntorch==2.3.0\nwandb==0.17.0\n"),
        ("utils/__init__.py", ""),
        ("utils/tracking.py", "import mlflow\n\n\ndef log_metrics(metrics):\n    for key, value in metrics.items():\n        mlflow.log_metric(key, value)\n"),
        ("utils/seeding.py", "import random\n\nimport numpy as np\n\n\ndef set_seed(seed):\n    random.seed(seed)\n    np.random.seed(seed)\n"),
        ("train_logged.py", "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import accuracy_score\n"
            + "from sklearn.model_selection import train_test_split\n\nfrom utils.seeding import set_seed\nfrom utils.tracking import log_metrics\n\n"
            + "if __name__ == \"__main__\":\n    set_seed(0)\n    df = pd.read_csv(\"data/train.csv\")\n    train, test = train_test_split(df)\n"
            + "    model = LogisticRegression()\n    model.fit(train[[\"a\", \"b\"]], train[\"label\"])\n"
            + "    log_metrics({\"accuracy\": accuracy_score(test[\"label\"], model.predict(test[[\"a\", \"b\"]]))})\n"),
        ("engine.py", "def train_one_epoch(model, loader, optimizer):\n    for x, y in loader:\n        loss = model(x).sub(y).pow(2).mean()\n"
            + "        optimizer.zero_grad()\n        loss.backward()\n        optimizer.step()\n    return loss.item()\n"),
        ("train_loop.py", "import torch\n\nfrom engine import train_one_epoch\n\nif __name__ == \"__main__\":\n    torch.manual_seed(0)\n"
            + "    model = torch.nn.Linear(2, 1)\n    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
            + "    loader = [(torch.zeros(4, 2), torch.zeros(4, 1))]\n    for epoch in range(3):\n"
            + "        loss = train_one_epoch(model, loader, optimizer)\n        print(f\"epoch {epoch} loss {loss:.4f}\")\n"),
        ("train_sweep.py", "from sklearn.ensemble import RandomForestClassifier\nfrom sklearn.metrics import f1_score\n\n\ndef train(X, y, depth):\n"
            + "    model = RandomForestClassifier(max_depth=depth, random_state=0)\n    model.fit(X, y)\n    return f1_score(y, model.predict(X))\n\n\n"
            + "if __name__ == \"__main__\":\n    print(\"f1\", train([[0], [1]], [0, 1], 2))\n"),
        ("sweep.py", "import wandb\n\nfrom train_sweep import train\n\nif __name__ == \"__main__\":\n    wandb.init(project=\"churn\")\n"
            + "    for depth in (2, 4, 8):\n        wandb.log({\"depth\": depth, \"f1\": train([[0], [1]], [0, 1], depth)})\n"),
        ("lineage.py", "import mlflow\n\nif __name__ == \"__main__\":\n    with mlflow.start_run():\n"
            + "        mlflow.log_params({\"git_sha\": \"3f2c1ab9d0\", \"data_version\": \"v1.2\"})\n"),
        ("prepare.py", "import pandas as pd\n\nif __name__ == \"__main__\":\n    raw = pd.read_csv(\"/mnt/shared/raw.csv\")\n"
            + "    raw.dropna().to_csv(\"data/clean.csv\", index=False)\n"),
        ("train_clean.py", "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\nimport mlflow\n\nif __name__ == \"__main__\":\n"
            + "    mlflow.autolog()\n    df = pd.read_csv(\"data/clean.csv\")\n    model = LogisticRegression(random_state=0).fit(df[[\"a\"]], df[\"label\"])\n"
            + "    print(\"accuracy\", model.score(df[[\"a\"]], df[\"label\"]))\n"),
        ("callbacks.py", "from torch.utils.tensorboard import SummaryWriter\n\nWRITER = SummaryWriter(\"runs\")\n"),
        ("train_cb.py", "import torch\n\nimport callbacks\n\nif __name__ == \"__main__\":\n    model = torch.nn.Linear(2, 1)\n"
            + "    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n    for step in range(10):\n        loss = model(torch.zeros(4, 2)).pow(2).mean()\n"
            + "        optimizer.zero_grad()\n        loss.backward()\n        optimizer.step()\n        print(\"loss\", loss.item())\n"),
        ("lib/model.py", "from sklearn.model_selection import KFold\n\n\ndef folds(n):\n    return KFold(n, shuffle=True)\n"),
        ("lib/runner.py", "from lib.model import folds\n\n\ndef run():\n    return folds(5)\n"),
        ("run_all.py", "import numpy as np\n\nfrom lib.runner import run\n\nnp.random.seed(0)\nrun()\n"),
        ("data_aug.py", "import numpy as np\n\n\ndef jitter(x):\n    return x + np.random.normal(size=x.shape)\n"),
        ("train_aug.py", "import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\nfrom sklearn.model_selection import train_test_split\n\n"
            + "from data_aug import jitter\n\nif __name__ == \"__main__\":\n    df = pd.read_csv(\"data/train.csv\")\n    a, b = train_test_split(df)\n"
            + "    RandomForestClassifier().fit(jitter(a), b)\n"),
        ("notebooks/explore.ipynb", Notebook(ExploreCells)),
        ("notebooks/explore.py", string.Join("\n\n", ExploreCells) + "\n"),
        ("tests/conftest.py", "import numpy as np\nimport pytest\n\n\n@pytest.fixture(autouse=True)\ndef seed():\n    np.random.seed(0)\n"),
        ("tests/test_split.py", "from sklearn.model_selection import train_test_split\n\n\ndef test_split():\n    a, b = train_test_split(list(range(10)))\n"
            + "    assert len(a) + len(b) == 10\n"),
    };

    /// <summary>The second commit: a module reads data through DVC (the repository versions its data), and two more
    /// scripts train and print their score without recording it.</summary>
    private static readonly (string Path, string Text)[] Versioned =
    {
        ("fetch.py", "import dvc.api\n\n\ndef load(path):\n    with dvc.api.open(path) as f:\n        return f.read()\n"),
        ("train_gap_a.py", "from sklearn.svm import SVC\n\nif __name__ == \"__main__\":\n    model = SVC().fit([[0], [1]], [0, 1])\n"
            + "    print(\"accuracy\", model.score([[0], [1]], [0, 1]))\n"),
        ("train_gap_b.py", "from sklearn.tree import DecisionTreeClassifier\n\nif __name__ == \"__main__\":\n"
            + "    model = DecisionTreeClassifier(random_state=0).fit([[0], [1]], [0, 1])\n    print(\"accuracy\", model.score([[0], [1]], [0, 1]))\n"),
    };

    private static JsonElement[] Findings(CliResult r) =>
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToArray();

    private static string Shown(JsonElement f) => f.GetRawText();

    /// <summary>The staged scan's facts cache (<c>.git/mlops-lint/</c>): every staged scan below runs with it cold (no cache
    /// yet), warm (the cache the cold run wrote), and, after the second commit, as it was left before the commit (a cache made
    /// before other files changed), and each gives the full scan's findings.</summary>
    private static string CacheDir(TempRepo repo) => Path.Combine(repo.Root, ".git", "mlops-lint");

    private static void CopyDir(string from, string to)
    {
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }

    /// <summary>The full scan's findings (as JSON), after checking that each group staged gives exactly its files' share,
    /// with the facts cache cold, warm and, when <paramref name="earlierCache"/> is given, as that earlier cache.</summary>
    private static JsonElement[] AssertStagedAlike(TempRepo repo, string? earlierCache = null, Func<string, bool>? staging = null)
    {
        var full = CliRunner.InProcess("scan", repo.Root, "--format", "json");
        Assert.True(full.ExitCode is 0 or 1, full.Stderr);
        var whole = Findings(full);
        staging ??= p => p.EndsWith(".py", StringComparison.Ordinal) || p.EndsWith(".ipynb", StringComparison.Ordinal);
        var paths = repo.Run("git", "ls-files").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(staging).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        var groups = paths.Select(p => new[] { p }).Concat(paths.Chunk(3)).Append(paths);
        foreach (var group in groups)
        {
            var expected = whole.Where(f => group.Contains(f.GetProperty("path").GetString())).Select(Shown).ToArray();
            var states = new List<string>();
            if (earlierCache != null)
            {
                CopyDir(earlierCache, CacheDir(repo));
                states.Add("a cache made before the last commit");
            }
            else if (Directory.Exists(CacheDir(repo)))
            {
                Directory.Delete(CacheDir(repo), recursive: true);
            }
            states.Add(earlierCache != null ? "the cache that run left" : "no cache yet");
            states.Add("the cache those runs left");
            foreach (var state in states)
            {
                var staged = CliRunner.InProcess(new[] { "scan", "--staged", "--format", "json" }.Concat(group.Select(p => Path.Combine(repo.Root, p))).ToArray());
                Assert.True(staged.ExitCode is 0 or 1, staged.Stderr);
                var actual = Findings(staged).Select(Shown).ToArray();
                Assert.True(expected.SequenceEqual(actual),
                    $"[{string.Join(", ", group)}] with {state}: the full scan gave\n  {string.Join("\n  ", expected)}\n--staged gave\n  {string.Join("\n  ", actual)}");
            }
            Assert.Single(Directory.GetFiles(CacheDir(repo), "facts-*.bin"));
        }
        return whole;
    }

    /// <summary>Manifests, Dockerfiles, workflows and notebooks whose findings come from other files: a requirements file
    /// under another name that a Dockerfile installs as requirements.txt (MLO201), a Python version that differs between the
    /// image, the project and CI (MLO601/MLO602), a library pinned apart for training and serving (MLO603), installs in a
    /// Dockerfile, a script and a notebook (MLO205, MLO212).</summary>
    private static readonly (string Path, string Text)[] Environments =
    {
        ("pyproject.toml", "[project]\nname = \"churn\"\nversion = \"0.1.0\"\nrequires-python = \">=3.11\"\ndependencies = [\"pandas>=2\"]\n"),
        ("deploy/prod.deps", "pandas\nscikit-learn==1.4.2\n"),
        ("requirements.txt", "pandas==2.2.2\nscikit-learn==1.5.0\n"),
        ("train/requirements.txt", "scikit-learn==1.3.2\n"),
        ("train/train.py", "import sklearn\n"),
        ("Dockerfile", "FROM python:3.9-slim\nCOPY deploy/prod.deps requirements.txt\nRUN pip install -r requirements.txt\nRUN pip install torch\nCOPY serve.py .\nCMD [\"python\", \"serve.py\"]\n"),
        (".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: \"3.10\"\n      - run: pip install -r requirements.txt\n      - run: pip install pytest\n"),
        ("scripts/setup.sh", "#!/bin/sh\npip install xgboost\n"),
        ("serve.py", "import pickle\n\nmodel = pickle.load(open(\"model.pkl\", \"rb\"))\n"),
        ("notebooks/try.ipynb", NotebookJson.WithKernel(new { name = "python3", display_name = "Python 3", language = "python" },
            "!pip install lightgbm", "import lightgbm")),
    };

    [Fact]
    public void Every_manifest_dockerfile_workflow_and_notebook_staged_gets_the_findings_of_the_full_scan()
    {
        using var repo = TempRepo.Git();
        foreach (var (path, text) in Environments) repo.Write(path, text);
        repo.Commit();
        var whole = AssertStagedAlike(repo, staging: _ => true);
        // worth the comparison: findings that only other files make
        // a requirements file only because the Dockerfile installs it as one: unpinned, and pinned apart from training (a
        // mismatch check runs for a staged prod.deps only if it knows what the file is installed as)
        Assert.Equal(new[] { "MLO201", "MLO603" }, Rules(whole, "deploy/prod.deps"));
        Assert.Contains(whole, f => f.GetProperty("ruleId").GetString()!.StartsWith("MLO60", StringComparison.Ordinal));
        Assert.Contains("MLO205", Rules(whole, "Dockerfile"));
        Assert.Contains("MLO205", Rules(whole, "scripts/setup.sh"));
        Assert.Contains("MLO212", Rules(whole, "notebooks/try.ipynb"));
        Assert.Empty(Rules(whole, "serve.py"));
    }

    private static string[] Rules(JsonElement[] whole, string path) =>
        whole.Where(f => f.GetProperty("path").GetString() == path).Select(f => f.GetProperty("ruleId").GetString()!).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_python_file_and_notebook_staged_gets_the_findings_of_the_full_scan()
    {
        using var repo = TempRepo.Git();
        foreach (var (path, text) in Files) repo.Write(path, text);
        repo.Commit();
        var whole = AssertStagedAlike(repo);
        // worth the comparison: the rules speak through other files, and stay silent through them
        Assert.Equal(new[] { "MLO701" }, Rules(whole, "train_loop.py"));          // trains in engine.py's loop
        Assert.Equal(new[] { "MLO702" }, Rules(whole, "train_logged.py"));        // records through utils/tracking.py, seeded by utils/seeding.py
        Assert.Equal(new[] { "MLO301", "MLO302", "MLO702" }, Rules(whole, "train_aug.py")); // draws in data_aug.py
        Assert.Equal(new[] { "MLO703" }, Rules(whole, "lineage.py"));
        Assert.Equal(2, whole.Count(f => f.GetProperty("path").GetString() == "lineage.py")); // the commit and the data version
        Assert.Equal(new[] { "MLO701" }, Rules(whole, "notebooks/explore.ipynb"));
        Assert.Empty(Rules(whole, "notebooks/explore.py"));   // exported from the notebook beside it
        Assert.Empty(Rules(whole, "train_sweep.py"));         // run by sweep.py, which records
        Assert.Empty(Rules(whole, "train_cb.py"));            // imports a module that imports TensorBoard
        Assert.Empty(Rules(whole, "train_clean.py"));         // prepare.py writes its data
        Assert.Empty(Rules(whole, "lib/model.py"));           // run_all.py seeds NumPy two imports up
        Assert.Empty(Rules(whole, "tests/test_split.py"));    // conftest.py seeds it

        // the facts of the first commit's blobs, kept while the second commit changes the repository around them
        string earlier = Path.Combine(repo.Root, ".git", "earlier-cache");
        CopyDir(CacheDir(repo), earlier);
        foreach (var (path, text) in Versioned) repo.Write(path, text);
        repo.Commit("version the data");
        whole = AssertStagedAlike(repo, earlier);
        Assert.Empty(Rules(whole, "train_logged.py"));        // fetch.py reads through DVC: the repository versions data
        Assert.Equal(1, whole.Count(f => f.GetProperty("path").GetString() == "lineage.py")); // the data version is DVC's now
        // four scripts and notebooks record nothing: one finding, on the first by path, lists the others
        var group = Assert.Single(whole, f => f.GetProperty("ruleId").GetString() == "MLO701");
        Assert.Equal("notebooks/explore.ipynb", group.GetProperty("path").GetString());
        Assert.Empty(Rules(whole, "train_loop.py"));
    }
}
