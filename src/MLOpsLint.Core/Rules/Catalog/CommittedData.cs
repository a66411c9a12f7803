using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Rules;

// MLO1xx — data and models committed to git.
public static partial class RuleCatalog
{
    /// <summary>Default folder names (any depth) whose small files are test fixtures, not datasets or models.</summary>
    internal const string DefaultTestPaths =
        "[\"test\", \"tests\", \"testdata\", \"test_data\", \"testing\", \"fixtures\", \"__fixtures__\", \"__tests__\", \"spec\"]";

    public static readonly RuleDescriptor MLO101 = new(
        "MLO101",
        "data-file-committed",
        "Data file committed to git",
        Severity.Warning,
        "A dataset (CSV, Parquet, NumPy, HDF5, TFRecord, Arrow, SQLite…) is stored in git. Every version of it "
        + "stays in the history forever: clones get slower with each update, diffs are useless, and git cannot "
        + "tell which data a model was trained on. Data belongs in DVC, Git LFS or object storage.",
        "Stop tracking it (git rm --cached <path>, add it to .gitignore) and version it with DVC (dvc add <path>) or Git LFS.",
        new[]
        {
            new RuleOption("max-size", "\"500KB\"", "Data files larger than this are flagged (outside test folders)."),
            new RuleOption("binary-max-size", "\"100KB\"", "Limit for binary data formats (NumPy, Parquet, Feather, Arrow, HDF5, TFRecord…) outside test folders."),
            new RuleOption("output-max-size", "\"10KB\"", "Limit for data in a data or output folder, named as a pipeline output (submission.csv), or beside a committed model."),
            new RuleOption("output-folders", "[\"data\", \"dataset\", \"datasets\", \"artifacts\", \"artefacts\", \"outputs\", \"output\", \"predictions\", \"preds\", \"submissions\"]", "Folder names (any depth) whose data files are datasets or pipeline outputs."),
            new RuleOption("media-folder-count", "100", "A folder holding this many images, audio or video files is a media dataset (in a data or output folder, any number over output-max-size is)."),
            new RuleOption("test-max-size", "\"5MB\"", "Limit for data files under a test folder (small fixtures are fine)."),
            new RuleOption("test-paths", DefaultTestPaths, "Folder names (any depth) or path globs that hold test fixtures."),
            new RuleOption("extra-extensions", "[]", "More file extensions that hold data, e.g. [\".json\", \".xml\"]."),
            new RuleOption("exclude-extensions", "[]", "Extensions never reported as data, e.g. [\".csv\"]."),
        })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO102 = new(
        "MLO102",
        "model-artifact-committed",
        "Model artifact committed to git",
        Severity.Warning,
        "A trained model (pickle, joblib, PyTorch, safetensors, ONNX, Keras, TensorFlow, TFLite, GGUF, ML.NET…) "
        + "is stored in git. Models are build outputs: every retraining adds another full copy to the history, and "
        + "git records neither the data nor the code version that produced it. Keep models in a model registry, "
        + "DVC or Git LFS, at any size.",
        "Stop tracking it (git rm --cached <path>, add it to .gitignore) and version it with DVC, Git LFS or a model registry.",
        new[]
        {
            new RuleOption("test-max-size", "\"1MB\"", "Models under a test folder up to this size are fine (tiny fixture models)."),
            new RuleOption("test-paths", DefaultTestPaths, "Folder names (any depth) or path globs that hold test fixtures."),
            new RuleOption("extra-extensions", "[]", "More file extensions that hold models, e.g. [\".model\"]."),
            new RuleOption("exclude-extensions", "[]", "Extensions never reported as models, e.g. [\".pb\"]."),
        })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO103 = new(
        "MLO103",
        "large-binary-committed",
        "Large binary file committed to git",
        Severity.Warning,
        "A large binary file that is neither a known data format nor a model (an archive, a video, a database "
        + "dump, an installer…) is stored in git. Git keeps every version of it, and binary files neither diff nor "
        + "compress well, so each one makes every clone bigger for good.",
        "Stop tracking it (git rm --cached <path>, add it to .gitignore) and store it with Git LFS, DVC or a release asset.",
        new[]
        {
            new RuleOption("max-size", "\"5MB\"", "Binary files larger than this are flagged."),
            new RuleOption("media-max-size", "\"1MB\"", "Audio and video files larger than this are flagged (outside docs, examples and tests)."),
        })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO104 = new(
        "MLO104",
        "lfs-path-committed-as-blob",
        "Git LFS path committed as a regular blob",
        Severity.Warning,
        "The path matches a filter=lfs pattern in .gitattributes, but git holds the file's real content instead "
        + "of an LFS pointer: it was committed on a machine without Git LFS installed (or before the pattern was "
        + "added). The blob bloats the history, and LFS clients report the file as modified right after checkout.",
        "Run git lfs install, then git rm --cached <path> && git add <path> to store it as a pointer; git lfs migrate import rewrites history.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO105 = new(
        "MLO105",
        "dvc-output-committed",
        "DVC-tracked path also committed to git",
        Severity.Warning,
        "The file is an output tracked by DVC (a .dvc file, or an out of dvc.yaml / dvc.lock) and is also in git. "
        + "Two systems now version the same data: git carries the full bytes that DVC was meant to keep out of the "
        + "repository, and the two copies can silently disagree.",
        "Remove it from git (git rm --cached <path>) and let DVC's .gitignore entry keep it out.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO106 = new(
        "MLO106",
        "notebook-large-outputs",
        "Notebook committed with large outputs",
        Severity.Warning,
        "The notebook carries large cell outputs (embedded images, big tables or logs). Outputs change on every "
        + "run, so each commit stores a new copy of them: the repository grows quickly, diffs and reviews drown "
        + "in base64, and outputs may leak data the notebook displayed.",
        "Clear the outputs before committing (jupyter nbconvert --clear-output --inplace <notebook>) and run nbstripout --install once.",
        new[]
        {
            new RuleOption("max-output-size", "\"1MB\"", "Notebooks whose code-cell outputs take more than this, in total, are flagged."),
            new RuleOption("example-max-output-size", "\"5MB\"", "The limit for examples, tutorials and docs notebooks (the scope model's verdict); when unset and max-output-size is set, max-output-size applies to them too."),
        })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO107 = new(
        "MLO107",
        "pickle-artifact-committed",
        "Pickle-based artifact committed (loading it runs code)",
        Severity.Suggestion,
        "The file is a pickle, or a format built on pickle (joblib, torch.save checkpoints, NumPy object arrays). "
        + "Unpickling runs arbitrary code chosen by whoever wrote the file: anyone who can change this file in the "
        + "repository can run code on every machine, notebook and CI job that loads it.",
        "Save models in a format that holds no code: safetensors, ONNX or skops; load PyTorch files with torch.load(..., weights_only=True).")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO108 = new(
        "MLO108",
        "training-logs-committed",
        "Training logs or experiment-tracking runs committed to git",
        Severity.Warning,
        "TensorBoard event files, an MLflow run store (mlruns/), Weights & Biases run folders (wandb/), Lightning logs "
        + "or CatBoost's catboost_info/ are stored in git. They are written by every run, grow with each one, are "
        + "binary or machine-written, and belong to a tracking server or an ignored folder, not to the source history.",
        "Stop tracking the log folder (git rm -r --cached <folder>), add it to .gitignore, and keep runs in the tracking tool.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO109 = new(
        "MLO109",
        "generated-files-committed",
        "Generated files committed to git (bytecode, notebook checkpoints, a virtualenv)",
        Severity.Warning,
        "__pycache__/ folders, .pyc files, Jupyter's .ipynb_checkpoints/ or a whole virtualenv are stored in git. They are "
        + "regenerated on every run or install, differ between Python versions and machines, and make every change show up twice.",
        "Stop tracking them (git rm -r --cached <paths>) and add __pycache__/, *.py[cod] and .ipynb_checkpoints/ to .gitignore.")
    {
        // a committed virtualenv is vendored code no other rule judges; this rule names it (once)
        Scopes = FileScope.All | FileScope.Vendored,
    };
}
