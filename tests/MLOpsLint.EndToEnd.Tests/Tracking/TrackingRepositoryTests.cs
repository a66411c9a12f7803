using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Tracking;

/// <summary>The MLO7xx rules on real git repositories: a notebook trains on data/train.csv, which .gitignore keeps out of
/// git; committing a DVC pointer for it (as <c>dvc add data</c> writes one) versions the data; an MLflow autolog call
/// records the run. SARIF carries the family.</summary>
public class TrackingRepositoryTests
{
    private static string Notebook(params string[] cells) => NotebookJson.Code(cells);

    private static TempRepo Project(bool autolog)
    {
        var repo = TempRepo.Git();
        repo.Write(".gitignore", "data/\n");
        repo.Write("data/train.csv", "a,b,label\n1,2,0\n3,4,1\n");   // on disk, ignored by git: nothing versions it
        repo.Write("notebooks/train.ipynb", Notebook(
            "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression" + (autolog ? "\nimport mlflow\nmlflow.autolog()" : ""),
            "df = pd.read_csv(\"data/train.csv\")",
            "model = LogisticRegression(max_iter=1000, random_state=0)\nmodel.fit(df[[\"a\", \"b\"]], df[\"label\"])\nprint(model.score(df[[\"a\", \"b\"]], df[\"label\"]))"));
        repo.Write("requirements.txt", "pandas==2.2.2\nscikit-learn==1.5.0\nmlflow==2.14.1\n");
        repo.Commit();
        return repo;
    }

    private static string[] Rules(CliResult r) =>
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("ruleId").GetString() + " " + f.GetProperty("path").GetString() + ":" + f.GetProperty("startLine").GetInt32())
            .Where(s => s.StartsWith("MLO7", StringComparison.Ordinal)).OrderBy(s => s, StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_notebook_training_on_ignored_data_fires_until_dvc_tracks_it()
    {
        using var repo = Project(autolog: false);
        var before = CliRunner.InProcess("scan", repo.Root, "--format", "json", "--select", "MLO7");
        Assert.Equal(0, before.ExitCode); // suggestions do not fail the default fail level
        var rules = Rules(before);
        Assert.Equal(2, rules.Length);
        Assert.StartsWith("MLO701 notebooks/train.ipynb:", rules[0]);
        Assert.StartsWith("MLO702 notebooks/train.ipynb:", rules[1]);

        repo.Write("data.dvc", "outs:\n- md5: 3863d0e317dee0a55c4e59d2ec0eef33.dir\n  size: 24\n  nfiles: 1\n  hash: md5\n  path: data\n");
        repo.Commit("dvc add data");
        var after = Rules(CliRunner.InProcess("scan", repo.Root, "--format", "json", "--select", "MLO7"));
        Assert.Single(after);
        Assert.StartsWith("MLO701 ", after[0]);
    }

    [Fact]
    public void Mlflow_autolog_records_the_run()
    {
        using var repo = Project(autolog: true);
        var rules = Rules(CliRunner.InProcess("scan", repo.Root, "--format", "json", "--select", "MLO7"));
        Assert.Equal(new[] { "MLO702" }, rules.Select(r => r.Split(' ')[0]));
    }

    [Fact]
    public void Sarif_tags_the_family_and_editorconfig_turns_it_off_by_category()
    {
        using var repo = Project(autolog: false);
        var sarif = JsonDocument.Parse(CliRunner.InProcess("scan", repo.Root, "--format", "sarif").Stdout).RootElement;
        var rule = sarif.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == "MLO701");
        Assert.Contains("untracked-experiments", rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        repo.Write(".editorconfig", "root = true\n\n[*]\ndotnet_analyzer_diagnostic.category-MLOps.UntrackedExperiments.severity = none\n");
        Assert.Empty(Rules(CliRunner.InProcess("scan", repo.Root, "--format", "json")));
    }
}
