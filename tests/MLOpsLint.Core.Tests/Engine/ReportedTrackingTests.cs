using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Checks.Tracking;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>
/// The MLO7xx rules in a scan that reports only some files (<c>scan --staged</c>): the reported modules are judged from
/// their import neighbourhood, and the modules no reported file reaches by imports are not summarised — unless a reported
/// script records nothing, whose finding groups the repository's other such scripts (then the whole repository is read).
/// StagedEqualsFullScanTests (end to end, on a real git repository) holds the findings to the full scan's.
/// </summary>
public class ReportedTrackingTests
{
    private static readonly (string Path, string Text)[] Files =
    {
        ("utils/tracking.py", "import mlflow\n\n\ndef log_metrics(metrics):\n    for key, value in metrics.items():\n        mlflow.log_metric(key, value)\n"),
        ("train_logged.py", "from sklearn.svm import SVC\nfrom utils.tracking import log_metrics\n\nif __name__ == '__main__':\n"
            + "    model = SVC().fit([[0], [1]], [0, 1])\n    log_metrics({'accuracy': model.score([[0], [1]], [0, 1])})\n"),
        ("train_gap.py", "from sklearn.svm import SVC\n\nif __name__ == '__main__':\n    model = SVC().fit([[0], [1]], [0, 1])\n"
            + "    print('accuracy', model.score([[0], [1]], [0, 1]))\n"),
        ("unrelated/report.py", "import json\n\n\ndef write(path, rows):\n    with open(path, 'w') as f:\n        json.dump(rows, f)\n"),
        ("unrelated/plots.py", "import matplotlib.pyplot as plt\n\n\ndef show(xs):\n    plt.plot(xs)\n"),
    };

    private static (SourceDocument[] Docs, LintResult Result) Run(params string[] reported)
    {
        var docs = Files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray();
        var config = LintConfig.Default.With(new[] { "MLO7" }, Array.Empty<string>(), null, null);
        var result = new Linter().Run(new RepositorySnapshot(docs), config, reported: p => reported.Contains(p));
        return (docs, result);
    }

    private static bool Summarised(SourceDocument[] docs, string path) => docs.Single(d => d.Path == path).Holds<TrackingSummary>();

    [Fact]
    public void A_staged_script_that_records_is_judged_from_its_imports_alone()
    {
        var (docs, result) = Run("train_logged.py");
        Assert.DoesNotContain(result.Findings, f => f.Path == "train_logged.py");
        Assert.True(Summarised(docs, "train_logged.py"));
        Assert.True(Summarised(docs, "utils/tracking.py")); // its helper records
        Assert.False(Summarised(docs, "train_gap.py"));
        Assert.False(Summarised(docs, "unrelated/report.py"));
        Assert.False(Summarised(docs, "unrelated/plots.py"));
    }

    [Fact]
    public void A_staged_library_module_is_judged_without_the_rest_of_the_repository()
    {
        var (docs, result) = Run("unrelated/report.py");
        Assert.DoesNotContain(result.Findings, f => f.Path == "unrelated/report.py");
        Assert.False(Summarised(docs, "train_gap.py"));
        Assert.False(Summarised(docs, "unrelated/plots.py"));
    }

    [Fact]
    public void A_staged_script_that_records_nothing_reads_the_whole_repository_for_its_group()
    {
        var (docs, result) = Run("train_gap.py");
        Assert.Single(result.Findings, f => f.Path == "train_gap.py" && f.RuleId == "MLO701");
        Assert.True(Summarised(docs, "unrelated/plots.py"));
    }
}
