using System.Text;
using MLOpsLint.Core.Findings;
using static MLOpsLint.Core.Tests.Checks.CommittedData.Scan;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>
/// Issue 13's recall classes for committed data, each as a mini repository that must fire beside a look-alike that
/// must not: small datasets and pipeline outputs, binary arrays, media datasets, training logs, bytecode and notebook
/// checkpoints, a .onnx whose bytes do not parse; and the one-finding-per-pickle rule.
/// </summary>
public class RecallTests
{
    private static string Csv(int bytes)
    {
        var sb = new StringBuilder("PassengerId,Survived,Pclass,Age,Fare\n");
        for (int i = 1; sb.Length < bytes; i++) sb.Append(i).Append(',').Append(i % 2).Append(',').Append(i % 3 + 1).Append(',').Append(20 + i % 50).Append(",7.").Append(i % 90).Append('\n');
        return sb.ToString();
    }

    private static string[] Paths(IEnumerable<Finding> findings, string rule) =>
        findings.Where(f => f.RuleId == rule).Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToArray();

    // --- small datasets and outputs ---------------------------------------------------------------------

    [Fact]
    public void A_61_KB_train_csv_in_data_is_a_dataset_and_the_same_file_elsewhere_is_not()
    {
        var findings = Family(
            TextDoc("data/train.csv", Csv(61_000)),
            TextDoc("competition/outputs/run1/valid_preds.csv", Csv(12_000)),
            TextDoc("config/classes.csv", Csv(61_000)),
            TextDoc("data/label_map.csv", "id,name\n0,cat\n1,dog\n"),
            TextDoc("tests/data/train.csv", Csv(61_000)));
        Assert.Equal(new[] { "competition/outputs/run1/valid_preds.csv", "data/train.csv" }, Paths(findings, "MLO101"));
        var train = findings.Single(f => f.Path == "data/train.csv");
        Assert.Contains("over the 10 KB limit for data in data/", train.Message);
        Assert.Contains("in competition/outputs/", findings.Single(f => f.Path.StartsWith("competition/", StringComparison.Ordinal)).Message);
    }

    [Fact]
    public void A_kaggle_submission_is_a_pipeline_output_and_a_lookup_table_of_the_same_size_is_not()
    {
        var findings = Family(
            TextDoc("submission.csv", Csv(20_000)),
            TextDoc("src/oof_preds_fold0.csv", Csv(20_000)),
            TextDoc("src/subjects.csv", Csv(20_000)));
        Assert.Equal(new[] { "src/oof_preds_fold0.csv", "submission.csv" }, Paths(findings, "MLO101"));
        Assert.Contains("named as a pipeline output", findings[0].Message);
    }

    [Fact]
    public void Data_beside_a_committed_model_is_its_training_output()
    {
        var findings = Family(
            Doc("churn/model.joblib", Samples.Pad(Samples.PickleProtocol4, 4000)),
            TextDoc("churn/feature_frame.csv", Csv(15_000)),
            TextDoc("schema/feature_frame.csv", Csv(15_000)));
        Assert.Equal(new[] { "churn/feature_frame.csv" }, Paths(findings, "MLO101"));
        Assert.Contains("beside a committed model", findings.Single(f => f.RuleId == "MLO101").Message);
    }

    [Fact]
    public void Binary_arrays_have_a_lower_limit_than_text()
    {
        var findings = Family(
            Doc("features/embeddings.npy", Samples.Pad(Samples.Npy(), 150_000)),
            Doc("features/small.npy", Samples.Pad(Samples.Npy(), 60_000)),
            TextDoc("features/embeddings.csv", Csv(150_000)));
        Assert.Equal(new[] { "features/embeddings.npy" }, Paths(findings, "MLO101"));
        Assert.Contains("over the 100 KB limit for binary data files", findings[0].Message);
        Assert.Single(Family(WithOptions("MLO101", ("binary-max-size", "50KB")), Doc("features/small.npy", Samples.Pad(Samples.Npy(), 60_000))));
    }

    // --- media datasets -----------------------------------------------------------------------------------

    [Fact]
    public void Images_in_a_data_folder_are_one_dataset_finding_and_screenshots_are_not()
    {
        var docs = new List<MLOpsLint.Core.Documents.SourceDocument>();
        for (int i = 0; i < 6; i++) docs.Add(Doc($"data/train/cats/cat.{i}.jpg", Samples.Filler(5_000, i)));
        for (int i = 0; i < 6; i++) docs.Add(Doc($"data/train/dogs/dog.{i}.jpg", Samples.Filler(5_000, 10 + i)));
        for (int i = 0; i < 30; i++) docs.Add(Doc($"assets/screens/step{i}.png", Samples.Filler(20_000, 40 + i)));
        var findings = Family(docs.ToArray());
        var f = Assert.Single(findings);
        Assert.Equal("MLO101", f.RuleId);
        Assert.Equal("data/train/cats/cat.0.jpg", f.Path);
        Assert.Contains("Media dataset committed to git: 12 image files, 60 KB, in data/", f.Message);
        Assert.Equal(9, f.Related.Count);
        Assert.Contains("git rm -r --cached data", f.Fix);
    }

    [Fact]
    public void A_folder_of_many_recordings_is_a_dataset_anywhere_but_tests()
    {
        var docs = Enumerable.Range(0, 120).Select(i => Doc($"speech/clips/{i:D4}.wav", Samples.Filler(2_000, i))).ToList();
        var f = Assert.Single(Family(docs.ToArray()));
        Assert.Contains("120 audio files", f.Message);
        Assert.Contains("in speech/clips/", f.Message);
        Assert.Empty(Family(Enumerable.Range(0, 120).Select(i => Doc($"tests/audio/{i:D4}.wav", Samples.Filler(2_000, i))).ToArray()));
    }

    [Fact]
    public void A_big_video_in_a_dataset_is_reported_once_as_the_dataset()
    {
        var f = Assert.Single(Family(Doc("data/clips/match.mp4", Samples.Filler(6_000_000, 3))));
        Assert.Equal("MLO101", f.RuleId);
        Assert.Contains("1 video file", f.Message);
    }

    // --- training logs ------------------------------------------------------------------------------------

    [Fact]
    public void An_mlflow_store_and_tensorboard_events_are_one_finding_per_tool()
    {
        var findings = Family(
            TextDoc("mlruns/0/meta.yaml", "artifact_location: file:///home/me/mlruns/0\nname: Default\n"),
            TextDoc("mlruns/0/3f2a9c/metrics/loss", "1714557601 0.53 0\n"),
            Doc("mlruns/0/3f2a9c/artifacts/model/model.pkl", Samples.PickleProtocol4),
            Doc("runs/May01_12-00-01/events.out.tfevents.1714557601.host.1234.0", Samples.Filler(3_000, 1)),
            Doc("logs/fit/train/events.out.tfevents.1714557999.host.99.0.v2", Samples.Filler(3_000, 2)));
        Assert.Equal(new[] { "MLO108", "MLO108" }, Ids(findings)); // the model inside mlruns/ is covered by the store's finding
        var mlflow = findings.Single(f => f.Path.StartsWith("mlruns/", StringComparison.Ordinal));
        Assert.Contains("MLflow run store (mlruns/) committed to git: 3 files", mlflow.Message);
        Assert.Contains("git rm -r --cached mlruns", mlflow.Fix);
        var tb = findings.Single(f => f.Path.StartsWith("logs/", StringComparison.Ordinal));
        Assert.Contains("TensorBoard event files committed to git: 2 files", tb.Message);
        Assert.Contains("in 2 places (logs/fit/train/, runs/May01_12-00-01/)", tb.Message);
    }

    [Fact]
    public void Wandb_lightning_and_catboost_folders_are_logs_and_packages_of_the_same_names_are_not()
    {
        var findings = Family(
            TextDoc("wandb/run-20240501_120000-abc123/files/config.yaml", "lr:\n  value: 0.001\n"),
            TextDoc("lightning_logs/version_3/hparams.yaml", "lr: 0.001\n"),
            TextDoc("catboost_info/learn_error.tsv", "iter\tLogloss\n0\t0.69\n"),
            TextDoc("src/wandb/__init__.py", "from .sdk import init\n"),
            TextDoc("mlflow/mlruns/__init__.py", "\n"),
            TextDoc("docs/lightning_logs/version_notes.md", "# notes\n"),
            Doc("tests/fixtures/events.out.tfevents.1.host", Samples.Filler(300, 1)));
        Assert.Equal(new[] { "catboost_info/learn_error.tsv", "lightning_logs/version_3/hparams.yaml", "wandb/run-20240501_120000-abc123/files/config.yaml" },
            Paths(findings, "MLO108"));
        Assert.Equal(3, findings.Count);
    }

    // --- bytecode and notebook checkpoints ---------------------------------------------------------------

    [Fact]
    public void Bytecode_and_notebook_checkpoints_are_one_finding_each_and_similar_names_are_not()
    {
        var findings = Family(
            Doc("src/pkg/__pycache__/model.cpython-311.pyc", Samples.Filler(900, 1)),
            Doc("src/pkg/__pycache__/train.cpython-311.pyc", Samples.Filler(900, 2)),
            Doc("tests/__pycache__/test_model.cpython-311-pytest-8.2.2.pyc", Samples.Filler(900, 3)),
            TextDoc("notebooks/.ipynb_checkpoints/eda-checkpoint.ipynb", "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}"),
            TextDoc("src/pkg/pycache_utils.py", "import sys\n"),
            TextDoc("notebooks/checkpoints/eda.ipynb", "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}"));
        Assert.Equal(new[] { "MLO109", "MLO109" }, Ids(findings));
        var pyc = findings.Single(f => f.Message.StartsWith("Python bytecode", StringComparison.Ordinal));
        Assert.Equal("src/pkg/__pycache__/model.cpython-311.pyc", pyc.Path);
        Assert.Contains("3 files", pyc.Message);
        Assert.Contains("in 2 places (src/pkg/__pycache__/, tests/__pycache__/)", pyc.Message);
        Assert.Contains("__pycache__/ and *.py[cod]", pyc.Fix);
        Assert.Contains(findings, f => f.Path == "notebooks/.ipynb_checkpoints/eda-checkpoint.ipynb");
    }

    // --- models by name -----------------------------------------------------------------------------------

    [Fact]
    public void A_binary_onnx_whose_head_does_not_parse_is_still_a_model_and_a_text_one_is_not()
    {
        var f = Assert.Single(Family(Doc("serving/model.onnx", Samples.Pad(new byte[] { 0x0F, 0xFF, 0x00, 0x07 }, 5_000))));
        Assert.Equal("MLO102", f.RuleId);
        Assert.Contains("ONNX model, recognised by its name (extension .onnx; its bytes do not parse as protobuf)", f.Message);
        Assert.Single(Family(Doc("export/saved_model.pb", Samples.Pad(new byte[] { 0x07, 0x00 }, 2_000))));
        Assert.Empty(Family(TextDoc("serving/model.onnx", "version https://example.com/model.onnx is downloaded by make\n")));
    }

    // --- one finding per pickle ---------------------------------------------------------------------------

    [Fact]
    public void A_committed_pickle_is_one_finding_unless_the_configuration_ranks_the_pickle_rule_higher()
    {
        var pickle = Doc("models/classifier.pkl", Samples.Pad(Samples.PickleProtocol4, 4_000));
        var f = Assert.Single(Family(pickle));
        Assert.Equal("MLO102", f.RuleId);
        Assert.Contains("It is also pickle-based", f.Message);

        var security = new MLOpsLint.Core.Configuration.LintConfig
        {
            SeverityOverrides = new Dictionary<string, Rules.Severity>(StringComparer.OrdinalIgnoreCase) { ["MLO107"] = Rules.Severity.Error },
        };
        Assert.Equal(new[] { "MLO102", "MLO107" }, Ids(Family(security, pickle)));

        var modelRuleOff = new MLOpsLint.Core.Configuration.LintConfig { Ignore = new[] { "MLO102" } };
        Assert.Equal(new[] { "MLO107" }, Ids(Family(modelRuleOff, pickle)));
    }

    // --- second round: virtualenvs, plain logs, folders of small outputs, audio and video ------------------

    [Fact]
    public void A_committed_virtualenv_is_one_finding_and_its_contents_are_no_other_rules_business()
    {
        var findings = Family(
            TextDoc(".venv/pyvenv.cfg", "home = /usr/local/bin\nversion = 3.9.18\n"),
            TextDoc(".venv/lib/python3.9/site-packages/sklearn/datasets/data/iris.csv", Csv(60_000)),
            Doc(".venv/lib/python3.9/site-packages/joblib/test/data/joblib_0.9.2_pickle_py27_np16.pkl", Samples.PickleProtocol2),
            Doc(".venv/lib/python3.9/site-packages/numpy/__pycache__/version.cpython-39.pyc", Samples.Filler(900, 1)),
            TextDoc("env/production.yaml", "db: postgres\n"));
        var f = Assert.Single(findings);
        Assert.Equal("MLO109", f.RuleId);
        Assert.Equal(".venv/lib/python3.9/site-packages/joblib/test/data/joblib_0.9.2_pickle_py27_np16.pkl", f.Path);
        Assert.StartsWith("A virtualenv or installed packages (third-party code) committed to git: 4 files", f.Message);
        Assert.Contains("in .venv/", f.Message);
    }

    [Fact]
    public void Log_files_and_a_log_folder_are_training_logs_and_a_logging_config_is_not()
    {
        var findings = Family(
            TextDoc("train.log", "epoch 1 loss 0.53\n"),
            TextDoc("py_model/LOG/814_2_xgb_None.txt", "[0] train-logloss:0.61\n"),
            TextDoc("config/logging.yaml", "version: 1\n"),
            TextDoc("src/log/formatter.py", "import logging\n"),
            TextDoc("tests/fixtures/parse_me.log", "INFO ok\n"));
        var f = Assert.Single(findings);
        Assert.Equal("MLO108", f.RuleId);
        Assert.Contains("Log files (*.log, logs/) committed to git: 2 files", f.Message);
    }

    [Fact]
    public void Thirty_one_small_blend_csvs_in_one_output_folder_are_one_finding()
    {
        var docs = Enumerable.Range(0, 31).Select(i => TextDoc($"submissions/blend_{i:D2}.csv", Csv(13_000 + i))).ToArray();
        var f = Assert.Single(Family(docs));
        Assert.Equal("submissions/blend_00.csv", f.Path);
        Assert.StartsWith("Data files committed to git: 31 files,", f.Message);
        Assert.Contains("in submissions/ (each over the 10 KB limit for data in a data or output folder)", f.Message);
        Assert.Equal(9, f.Related.Count);
        Assert.Contains("git rm -r --cached submissions", f.Fix);
    }

    [Fact]
    public void A_video_over_a_megabyte_is_reported_and_one_in_docs_is_not()
    {
        var f = Assert.Single(Family(Doc("images/dropout2_kiank.mp4", Samples.Filler(2_400_000, 5))));
        Assert.Equal("MLO103", f.RuleId);
        Assert.StartsWith("Video file committed to git: 2.4 MB (over the 1.0 MB limit for audio and video)", f.Message);
        Assert.Empty(Family(Doc("docs/_static/demo.mp4", Samples.Filler(2_400_000, 5)), Doc("images/tiny.mp4", Samples.Filler(400_000, 5))));
    }
}
