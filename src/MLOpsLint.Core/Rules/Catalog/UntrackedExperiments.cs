using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Rules;

// MLO7xx — untracked experiments and data.
public static partial class RuleCatalog
{
    private static RuleOption SummaryThreshold(string what) => new(
        "summary-threshold", "3",
        "From this many " + what + " on, the repository gets one finding (on the first of them, naming how many) instead of one per file.");

    /// <summary>Training code, as the scope model sees it: scripts and notebooks (a library module trains for the script
    /// that calls it, which is where the finding goes).</summary>
    private const FileScope TrainingScopes = FileScope.Script | FileScope.Notebook;

    public static readonly RuleDescriptor MLO701 = new(
        "MLO701",
        "training-without-tracking",
        "Training script records no parameters or metrics",
        Severity.Suggestion,
        "A script or notebook trains a model but records nothing of the run: no experiment tracker (MLflow, Weights & Biases, "
        + "TensorBoard, DVCLive, Neptune, Comet, ClearML, Aim, a Lightning logger), no metrics or parameters written to a file, "
        + "no project helper that does either. Its results live in a terminal's scrollback: two runs cannot be compared, and "
        + "the run behind a saved model cannot be told apart from the others.",
        "Record the run's parameters and metrics: mlflow.autolog() before training (scikit-learn, Keras, XGBoost, LightGBM), "
        + "a Keras TensorBoard or CSVLogger callback, a torch.utils.tensorboard SummaryWriter in the loop, or json.dump of the metrics.",
        new[]
        {
            SummaryThreshold("training scripts that record nothing"),
            new RuleOption("tracking-functions", "[]", "Names of project functions that record a run (e.g. [\"mylib.report.save_run\"]); "
                + "a bare name matches any call with that name. Helpers the tool can read are followed without it."),
        })
    {
        Scopes = TrainingScopes,
    };

    public static readonly RuleDescriptor MLO702 = new(
        "MLO702",
        "unversioned-training-data",
        "Training data read from a path nothing versions",
        Severity.Suggestion,
        "A training script or notebook reads its data from a local path (data/train.csv) that is not in the repository, and "
        + "the repository versions no data at all: no DVC file or pipeline, no Git LFS pattern, no dataset revision or verified "
        + "checksum. Once the file changes on disk, the data a model was trained on cannot be recovered, and the run cannot be "
        + "reproduced.",
        "Version the data: dvc init, then dvc add <the data folder> and commit the .dvc file (or read a dataset at a pinned revision, or verify a checksum).",
        new[] { SummaryThreshold("training scripts reading unversioned data") })
    {
        Scopes = TrainingScopes,
    };

    public static readonly RuleDescriptor MLO703 = new(
        "MLO703",
        "hardcoded-lineage",
        "Run lineage written as a literal",
        Severity.Suggestion,
        "The code records a run's lineage — the commit it ran from, the version of its data — as a literal (\"git_sha\": "
        + "\"abc123\", \"data_version\": \"v1\") instead of computing it. The record then names the same commit and data for "
        + "every run, whatever actually ran: it is worse than no record, since it looks right.",
        "Compute it at run time: subprocess.check_output([\"git\", \"rev-parse\", \"HEAD\"]) for the code (MLflow and W&B record it "
        + "themselves when the run starts in a git checkout), the data's DVC hash or a sha256 of the file for the data.")
    {
        Scopes = FileScope.Code,
    };
}
