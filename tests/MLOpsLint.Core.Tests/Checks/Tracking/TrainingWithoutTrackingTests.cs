using MLOpsLint.Core.Tests.Checks.Seeds;
using MLOpsLint.Core.Tests.Support;
using static MLOpsLint.Core.Tests.Checks.Tracking.TrackingFixtures;

namespace MLOpsLint.Core.Tests.Checks.Tracking;

/// <summary>MLO701: training scripts and notebooks that record no params or metrics, and every way a run counts as
/// recorded (a tracker, a logging callback, a metrics file, a Lightning Trainer's default logger, a project helper).</summary>
public class TrainingWithoutTrackingTests
{
    [Theory]
    [InlineData("sklearn_prints.py")]          // prints its accuracy and pickles the model: fires
    [InlineData("sklearn_autolog.py")]         // mlflow.autolog()
    [InlineData("torch_loop.py")]              // a loop that prints its loss: fires
    [InlineData("sklearn_search_imports_torch.py")] // a search that prints its best score: fires
    [InlineData("sklearn_and_lightgbm.py")]    // fires once, on the first fit
    [InlineData("torch_wandb.py")]             // a W&B run
    [InlineData("lightning_default_logger.py")] // Trainer() logs to lightning_logs/ by default
    [InlineData("keras_fit.py")]               // fires
    [InlineData("keras_tensorboard.py")]       // the TensorBoard callback
    [InlineData("keras_history_csv.py")]       // the history written with to_csv
    [InlineData("inference.py")]               // loads a model and predicts: no training
    [InlineData("preprocess.py")]              // fits a scaler: not a model
    public void Scripts(string fixture) => SeedsFixtures.AssertExpectations("MLO701", File(fixture, "train/" + fixture));

    [Fact]
    public void A_lightning_trainer_without_its_logger_fires()
    {
        SeedsFixtures.AssertExpectations("MLO701", File("lightning_no_logger.py", "train.py"),
            Doc("model.py", "import lightning as L\n\nclass Model(L.LightningModule):\n    def training_step(self, batch, i):\n        return self.layer(batch).sum()\n"));
    }

    [Fact]
    public void A_notebook_that_trains_and_prints_fires_in_its_cell()
    {
        var f = Assert.Single(SeedsFixtures.Of("MLO701", File("train_notebook.ipynb", "notebooks/train.ipynb")));
        Assert.Equal("cell 3, line 2", f.LocationHint);
        Assert.Contains("this notebook records no parameters or metrics", f.Message);
        Assert.Contains("mlflow.autolog()", f.Fix);
    }

    [Fact]
    public void A_notebook_committed_with_the_outputs_of_its_training_keeps_its_metrics()
    {
        Assert.Empty(SeedsFixtures.Of("MLO701", File("train_notebook_executed.ipynb", "notebooks/train.ipynb")));
        // outputs of the cells before training (a DataFrame's head) record nothing of the run
        Assert.Single(SeedsFixtures.Of("MLO701", File("train_notebook_outputs_before_training.ipynb", "notebooks/train.ipynb")));
    }

    [Fact]
    public void A_run_that_measures_nothing_has_no_experiment_to_record()
    {
        // a model fitted and saved for a service, never scored: there is no metric to keep
        const string placeholder = "import joblib\nfrom sklearn.linear_model import LogisticRegression\n\nif __name__ == '__main__':\n"
            + "    model = LogisticRegression().fit(X, y)\n    joblib.dump(model, 'model.joblib')\n";
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("scripts/make_model.py", placeholder)));
        // the same script once it scores the model (a metric call, or a printed measurement) fires
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("scripts/make_model.py", placeholder + "    print(model.score(X, y))\n")));
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("scripts/make_model.py", placeholder + "    print(f'train acc {acc:.3f}')\n")));
        // a hand-written loop has its loss, printed or not
        const string loop = "import torch\n\nif __name__ == '__main__':\n    for x, y in loader:\n        loss = crit(model(x), y)\n"
            + "        loss.backward()\n        optimizer.step()\n    torch.save(model.state_dict(), 'm.pt')\n";
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("train.py", loop)));
    }

    [Theory]
    [InlineData("sklearn_prints.py", "mlflow.autolog()")]
    [InlineData("keras_fit.py", "keras.callbacks.TensorBoard")]
    [InlineData("torch_loop.py", "SummaryWriter")]
    [InlineData("lightning_no_logger.py", "logger=False records nothing")]
    [InlineData("sklearn_search_imports_torch.py", "mlflow.autolog() (or mlflow.sklearn.autolog()) before fit")] // torch only for a softmax: no loop to log in
    [InlineData("sklearn_and_lightgbm.py", "of scikit-learn, XGBoost and LightGBM alike")]
    public void The_fix_names_the_smallest_change_for_the_library_the_file_imports(string fixture, string expected)
    {
        var f = Assert.Single(SeedsFixtures.Of("MLO701", File(fixture, "train.py")));
        Assert.Contains(expected, f.Fix);
        Assert.Equal(Rules.Severity.Suggestion, f.Severity);
    }

    [Fact]
    public void The_fix_names_the_tracker_the_repository_already_uses()
    {
        var f = Assert.Single(SeedsFixtures.Of("MLO701", File("torch_loop.py", "train_b.py"), File("torch_wandb.py", "train_a.py")));
        Assert.Equal("train_b.py", f.Path);
        Assert.Contains("already uses Weights & Biases (in train_a.py)", f.Fix);
    }

    [Fact]
    public void Library_modules_tests_examples_and_benchmarks_are_not_judged()
    {
        const string fits = "from sklearn.linear_model import LogisticRegression\n\ndef train(X, y):\n    model = LogisticRegression()\n    model.fit(X, y)\n    return model\n";
        const string topLevel = "from sklearn.linear_model import LogisticRegression\nX, y = load()\nLogisticRegression().fit(X, y)\nprint('ok')\n";
        Assert.Empty(SeedsFixtures.Of("MLO701",
            Doc("mylib/training.py", fits),                       // a library module: trains for whoever calls it
            Doc("tests/test_training.py", "import pytest\n" + topLevel),
            Doc("examples/quickstart.py", topLevel),
            Doc("benchmarks/bench_fit.py", topLevel)));
    }

    [Fact]
    public void A_project_helper_that_writes_metrics_records_the_run()
    {
        const string script = "from sklearn.linear_model import LogisticRegression\nfrom utils.reporting import save_metrics\n\n"
            + "if __name__ == '__main__':\n    model = LogisticRegression().fit(X, y)\n    save_metrics({'acc': model.score(X, y)})\n";
        const string writes = "import json\n\ndef save_metrics(metrics, path='metrics.json'):\n    with open(path, 'w') as f:\n        json.dump(metrics, f)\n";
        const string prints = "def save_metrics(metrics):\n    print(metrics)\n";
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("train.py", script), Doc("utils/reporting.py", writes)));
        Assert.Single(SeedsFixtures.Of("MLO701", Doc("train.py", script), Doc("utils/reporting.py", prints)));
        // helpers calling helpers, through a package's re-export
        const string outer = "from .inner import dump_all\n\ndef save_metrics(m):\n    dump_all(m)\n";
        const string inner = "import json\n\ndef dump_all(m):\n    json.dump(m, open('metrics.json', 'w'))\n";
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("train.py", script.Replace("utils.reporting", "utils")),
            Doc("utils/__init__.py", "from .reporting import save_metrics\n"), Doc("utils/reporting.py", outer), Doc("utils/inner.py", inner)));
        // a project logger class built by the script
        const string logger = "class Logger:\n    def __init__(self, path):\n        self.f = open(path, 'a')\n    def write(self, row):\n        self.f.write(str(row))\n"
            + "    def close(self):\n        self.f.close()\n";
        const string usesLogger = "from sklearn.svm import SVC\nfrom logger import Logger\nlog = Logger('train_log.txt')\nmodel = SVC().fit(X, y)\nlog.write(model.score(X, y))\n";
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("train.py", usesLogger), Doc("logger.py", logger)));
    }

    [Fact]
    public void Training_in_a_project_helper_is_reported_where_the_script_calls_it()
    {
        const string engine = "def train_one_epoch(model, loader, optimizer):\n    for x, y in loader:\n        loss = model(x, y)\n"
            + "        optimizer.zero_grad()\n        loss.backward()\n        optimizer.step()\n";
        const string main = "import torch\nfrom engine import train_one_epoch\n\nif __name__ == '__main__':\n    for epoch in range(10):\n"
            + "        train_one_epoch(model, loader, opt)  # expect: MLO701\n        print(epoch)\n";
        var findings = SeedsFixtures.AssertExpectations("MLO701", Doc("main.py", main), Doc("engine.py", engine));
        Assert.StartsWith("train_one_epoch() trains a model", Assert.Single(findings).Message);
        // the same driver that writes a log file records
        Assert.Empty(SeedsFixtures.Of("MLO701", Doc("main.py", main.Replace("print(epoch)", "open('log.txt', 'a').write(str(epoch))")), Doc("engine.py", engine)));
    }

    [Fact]
    public void A_configured_tracking_function_records()
    {
        var config = SeedsFixtures.WithOptions("MLO701", ("tracking-functions", new[] { "report_run" }));
        Assert.Single(SeedsFixtures.Of("MLO701", File("keras_fit.py", "train.py")));
        Assert.Empty(SeedsFixtures.Of("MLO701", config, Doc("train.py", Fixture.Read("Tracking/keras_fit.py") + "report_run(model)\n")));
    }

    [Fact]
    public void Many_scripts_with_the_same_gap_get_one_finding_for_the_repository()
    {
        var docs = new[] { "a", "b", "c", "d" }.Select(n => File("keras_fit.py", $"experiments/train_{n}.py")).ToArray();
        var f = Assert.Single(SeedsFixtures.Of("MLO701", docs));
        Assert.Equal("experiments/train_a.py", f.Path);
        Assert.Contains("3 other training scripts and notebooks record nothing either (experiments/train_b.py, experiments/train_c.py, experiments/train_d.py)", f.Message);
        Assert.Equal(new[] { "experiments/train_b.py", "experiments/train_c.py", "experiments/train_d.py" }, f.Related.Select(r => r.Path));
        // below the threshold, one finding per script
        Assert.Equal(2, SeedsFixtures.Of("MLO701", docs.Take(2).ToArray()).Count);
        var config = SeedsFixtures.WithOptions("MLO701", ("summary-threshold", 10L));
        Assert.Equal(4, SeedsFixtures.Of("MLO701", config, docs).Count);
    }
}
