namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>What a tool writes while code runs, which has no place in git: training logs and experiment-tracking
/// runs (MLO108), Python bytecode and notebook checkpoints (MLO109).</summary>
internal enum RunOutputKind
{
    TensorBoard,
    MLflow,
    WandB,
    Lightning,
    CatBoost,
    PythonBytecode,
    NotebookCheckpoints,
    Virtualenv,
    LogFiles,
}

/// <summary>
/// Recognises run outputs by their path alone, the way the tools lay them out: <c>events.out.tfevents.*</c> files,
/// an MLflow file store (<c>mlruns/&lt;experiment id&gt;/…</c>), W&amp;B run folders (<c>wandb/run-…</c>,
/// <c>wandb/offline-run-…</c>, <c>wandb/latest-run</c>), Lightning's <c>lightning_logs/version_N/</c>, CatBoost's
/// <c>catboost_info/</c>, <c>__pycache__/</c> and <c>*.pyc</c>, <c>.ipynb_checkpoints/</c>. The folder names alone are
/// not enough where they are also package names (a <c>wandb/</c> or <c>mlflow/</c> source package): the level below
/// must be what the tool writes.
/// </summary>
internal static class RunOutputs
{
    /// <summary>The kind of run output at <paramref name="path"/>, and the folder that holds it (the part of the path a
    /// <c>git rm -r --cached</c> would name); null when the path is not one.</summary>
    public static (RunOutputKind Kind, string Root)? Classify(string path)
    {
        var parts = path.Split('/');
        string name = parts[parts.Length - 1];
        if (Scope.PathScopes.VendoredAt(parts) is { } vendored) return (RunOutputKind.Virtualenv, vendored);
        for (int i = 0; i < parts.Length - 1; i++)
        {
            string p = parts[i];
            string next = parts[i + 1];
            bool nextIsFolder = i + 1 < parts.Length - 1;
            if (p == "__pycache__") return (RunOutputKind.PythonBytecode, Prefix(parts, i));
            if (p == ".ipynb_checkpoints") return (RunOutputKind.NotebookCheckpoints, Prefix(parts, i));
            if (p == "mlruns" && (IsDigits(next) && nextIsFolder || next is ".trash" or "models"))
            {
                return (RunOutputKind.MLflow, Prefix(parts, i));
            }
            if (p == "wandb" && (next.StartsWith("run-", StringComparison.Ordinal) || next.StartsWith("offline-run-", StringComparison.Ordinal)
                || next == "latest-run" || !nextIsFolder && next.StartsWith("debug", StringComparison.Ordinal) && next.EndsWith(".log", StringComparison.Ordinal)))
            {
                return (RunOutputKind.WandB, Prefix(parts, i));
            }
            if (p == "lightning_logs" && next.StartsWith("version_", StringComparison.Ordinal) && IsDigits(next.Substring(8)))
            {
                return (RunOutputKind.Lightning, Prefix(parts, i));
            }
            if (p == "catboost_info") return (RunOutputKind.CatBoost, Prefix(parts, i));
        }
        if (name.StartsWith("events.out.tfevents.", StringComparison.Ordinal))
        {
            return (RunOutputKind.TensorBoard, parts.Length == 1 ? "" : Prefix(parts, parts.Length - 2));
        }
        if (name.EndsWith(".pyc", StringComparison.Ordinal) || name.EndsWith(".pyo", StringComparison.Ordinal))
        {
            return (RunOutputKind.PythonBytecode, path);
        }
        // train.log, nohup.out; and what a LOG/ or logs/ folder holds (py_model/LOG/814_2_xgb.txt)
        string lower = name.ToLowerInvariant();
        string folder = parts.Length > 1 ? parts[parts.Length - 2].ToLowerInvariant() : "";
        if (lower.EndsWith(".log", StringComparison.Ordinal) || lower == "nohup.out"
            || folder is "log" or "logs" && (lower.EndsWith(".txt", StringComparison.Ordinal) || lower.EndsWith(".out", StringComparison.Ordinal)))
        {
            return (RunOutputKind.LogFiles, parts.Length == 1 ? "" : Prefix(parts, parts.Length - 2));
        }
        return null;
    }

    public static bool IsLog(RunOutputKind kind) => kind is not (RunOutputKind.PythonBytecode or RunOutputKind.NotebookCheckpoints or RunOutputKind.Virtualenv);

    /// <summary>What the files are, for messages.</summary>
    public static string Describe(RunOutputKind kind) => kind switch
    {
        RunOutputKind.TensorBoard => "TensorBoard event files",
        RunOutputKind.MLflow => "MLflow run store (mlruns/)",
        RunOutputKind.WandB => "Weights & Biases run folders (wandb/)",
        RunOutputKind.Lightning => "PyTorch Lightning logs (lightning_logs/)",
        RunOutputKind.CatBoost => "CatBoost training logs (catboost_info/)",
        RunOutputKind.PythonBytecode => "Python bytecode (__pycache__/, *.pyc)",
        RunOutputKind.Virtualenv => "A virtualenv or installed packages (third-party code)",
        RunOutputKind.LogFiles => "Log files (*.log, logs/)",
        _ => "Jupyter notebook checkpoints (.ipynb_checkpoints/)",
    };

    /// <summary>The .gitignore line that keeps them out.</summary>
    public static string IgnoreLine(RunOutputKind kind) => kind switch
    {
        RunOutputKind.TensorBoard => "events.out.tfevents.*",
        RunOutputKind.MLflow => "mlruns/",
        RunOutputKind.WandB => "wandb/",
        RunOutputKind.Lightning => "lightning_logs/",
        RunOutputKind.CatBoost => "catboost_info/",
        RunOutputKind.PythonBytecode => "__pycache__/ and *.py[cod]",
        RunOutputKind.Virtualenv => "the environment's folder (.venv/, venv/)",
        RunOutputKind.LogFiles => "*.log and the log folder",
        _ => ".ipynb_checkpoints/",
    };

    private static string Prefix(string[] parts, int last) => string.Join("/", parts, 0, last + 1);

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsDigit);
}
