using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Seeds;

/// <summary><c>scan --fix</c> and <c>scan --diff</c> on real files: layout kept, notebooks stay valid JSON,
/// nothing is written by --diff, a fix that would break the code is refused.</summary>
public class FixTests
{
    private const string Script =
        "from sklearn.ensemble import RandomForestClassifier as RFC\n"
        + "from sklearn.model_selection import KFold, train_test_split\n"
        + "import numpy as np\n"
        + "\n"
        + "parts = train_test_split(X, y, test_size=0.2)\n"
        + "clf = RFC(\n"
        + "    n_estimators=100,\n"
        + "    max_depth=5,  # deep enough\n"
        + ")\n"
        + "clf2 = RFC(\n"
        + "    n_estimators=100,\n"
        + "    max_depth=5  # no trailing comma\n"
        + ")\n"
        + "clf3 = RFC(n_estimators=10,)\n"
        + "cv = KFold(n_splits=5, shuffle=True)\n"
        + "empty = RFC()\n"
        + "rng = np.random.default_rng()\n";

    private const string Fixed =
        "from sklearn.ensemble import RandomForestClassifier as RFC\n"
        + "from sklearn.model_selection import KFold, train_test_split\n"
        + "import numpy as np\n"
        + "\n"
        + "parts = train_test_split(X, y, test_size=0.2, random_state=42)\n"
        + "clf = RFC(\n"
        + "    n_estimators=100,\n"
        + "    max_depth=5,  # deep enough\n"
        + "    random_state=42,\n"
        + ")\n"
        + "clf2 = RFC(\n"
        + "    n_estimators=100,\n"
        + "    max_depth=5,  # no trailing comma\n"
        + "    random_state=42\n"
        + ")\n"
        + "clf3 = RFC(n_estimators=10, random_state=42,)\n"
        + "cv = KFold(n_splits=5, shuffle=True, random_state=42)\n"
        + "empty = RFC(random_state=42)\n"
        + "rng = np.random.default_rng(42)\n";

    private static string Notebook(params string[] cells) => NotebookJson.Code(cells);

    [Fact]
    public void Fix_rewrites_scripts_keeping_their_layout_and_reports_what_is_left()
    {
        using var repo = TempRepo.Folder();
        string path = repo.Write("train.py", Script);
        var r = CliRunner.InProcess("scan", repo.Root, "--fix", "--no-color");
        Assert.Equal(Fixed, File.ReadAllText(path));
        Assert.Contains("fixed train.py:5:9 MLO301: add random_state=42 to train_test_split(...)", r.Stderr);
        Assert.Contains("fixed 7 findings in 1 file", r.Stderr);
        Assert.DoesNotContain("MLO301", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Diff_prints_a_unified_diff_and_writes_nothing()
    {
        using var repo = TempRepo.Folder();
        string path = repo.Write("train.py", Script);
        var r = CliRunner.InProcess("scan", repo.Root, "--diff");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(Script, File.ReadAllText(path));
        Assert.StartsWith("--- a/train.py\n+++ b/train.py\n@@ -2,16 +2,18 @@\n", r.Stdout);
        Assert.Contains("-parts = train_test_split(X, y, test_size=0.2)\n+parts = train_test_split(X, y, test_size=0.2, random_state=42)\n", r.Stdout);
        Assert.Contains("+    random_state=42,\n )\n", r.Stdout);
        Assert.Contains("7 fixes in 1 file (not written", r.Stderr);

        File.WriteAllText(path, Fixed);
        var clean = CliRunner.InProcess("scan", repo.Root, "--diff");
        Assert.Equal(0, clean.ExitCode);
        Assert.Equal("", clean.Stdout);
    }

    [Fact]
    public void Notebooks_are_fixed_inside_their_json_strings_and_stay_valid()
    {
        using var repo = TempRepo.Folder();
        string nb = Notebook(
            "import numpy as np\nfrom sklearn.model_selection import train_test_split",
            "parts = train_test_split(X, y)\nrng = np.random.default_rng()\nprint(\"caf\u00e9 \\\"quoted\\\"\")");
        string path = repo.Write("nb/explore.ipynb", nb);
        var r = CliRunner.InProcess("scan", repo.Root, "--fix");
        string after = File.ReadAllText(path);
        using var doc = JsonDocument.Parse(after);
        var source = string.Concat(doc.RootElement.GetProperty("cells")[1].GetProperty("source").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("parts = train_test_split(X, y, random_state=42)\nrng = np.random.default_rng(42)\nprint(\"caf\u00e9 \\\"quoted\\\"\")", source);
        Assert.Contains("(cell 2, line 1) MLO301", r.Stderr);
        Assert.Equal(nb.Length + ", random_state=42".Length + 2, after.Length);
    }

    [Fact]
    public void Fix_seed_value_comes_from_the_configuration()
    {
        using var repo = TempRepo.Folder();
        repo.Write("mlops-lint.toml", "[rules.MLO301]\nfix-seed-value = 7\n");
        string path = repo.Write("a.py", "from sklearn.cluster import KMeans\nkm = KMeans(n_clusters=3)\n");
        CliRunner.InProcess("scan", repo.Root, "--fix");
        Assert.Equal("from sklearn.cluster import KMeans\nkm = KMeans(n_clusters=3, random_state=7)\n", File.ReadAllText(path));
    }

    [Fact]
    public void Fix_cannot_be_combined_with_staged()
    {
        using var repo = TempRepo.Git();
        var r = CliRunner.InProcess("scan", repo.Root, "--fix", "--staged");
        Assert.Equal(2, r.ExitCode);
    }
}

/// <summary>The planner's safety net: an edit that would break the code or the notebook is refused and the file
/// left as it was; overlapping edits are skipped.</summary>
public class FixPlannerTests
{
    private static MLOpsLint.Core.Findings.Finding At(string path, int line, int col, string newText) =>
        new(MLOpsLint.Core.Rules.RuleCatalog.MLO301, path, new(line, col, line, col), "x")
        {
            Edit = new MLOpsLint.Core.Findings.TextEdit(new(line, col, line, col), newText, "insert " + newText),
        };

    [Fact]
    public void An_edit_that_would_not_parse_is_refused()
    {
        var doc = MLOpsLint.Core.Documents.SourceDocument.FromText("a.py", "f(x)\n");
        var plan = MLOpsLint.Cli.Fix.FixPlanner.Plan(doc, new[] { At("a.py", 1, 4, ", (") });
        Assert.False(plan.Changes);
        Assert.Contains("would not parse", plan.Refused);
        Assert.Equal("f(x)\n", plan.NewText);
    }

    [Fact]
    public void An_edit_that_would_break_the_notebook_json_is_refused()
    {
        string nb = "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": [\"f(x)\"]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        var doc = MLOpsLint.Core.Documents.SourceDocument.FromText("a.ipynb", nb);
        int col = nb.IndexOf("f(x)", StringComparison.Ordinal) + 4;
        var plan = MLOpsLint.Cli.Fix.FixPlanner.Plan(doc, new[] { At("a.ipynb", 1, col, ", \"") });
        Assert.False(plan.Changes);
        Assert.NotNull(plan.Refused);
    }

    [Fact]
    public void Two_insertions_at_the_same_place_apply_once()
    {
        var doc = MLOpsLint.Core.Documents.SourceDocument.FromText("a.py", "f(x)\n");
        var plan = MLOpsLint.Cli.Fix.FixPlanner.Plan(doc, new[] { At("a.py", 1, 4, ", a=1"), At("a.py", 1, 4, ", b=2") });
        Assert.Equal("f(x, a=1)\n", plan.NewText);
        Assert.Single(plan.Skipped);
    }
}
