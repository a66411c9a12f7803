namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>The smallest change that resolves an MLO7xx finding, for the libraries the file already imports.</summary>
internal static class TrackingFixes
{
    /// <summary>MLO701: a tracker the repository already uses elsewhere first; otherwise the one line that records a run for
    /// the file's training library, read from how it trains (<paramref name="handWrittenLoop"/>: an optimizer step) as well
    /// as what it imports: a scikit-learn search in a file that imports torch for a softmax gets <c>mlflow.autolog()</c>,
    /// not a SummaryWriter for a loop it does not have.</summary>
    public static string Record(TrackingSummary file, string? repositoryTracker, string? repositoryTrackerPath, bool handWrittenLoop)
    {
        if (repositoryTracker != null)
        {
            return $"The repository already uses {repositoryTracker} (in {repositoryTrackerPath}): log this run's parameters and metrics with it too.";
        }
        var l = file.Libraries;
        if ((l & TrainingLibraries.Lightning) != 0)
        {
            return "Give the Trainer a logger (Trainer(logger=CSVLogger(\"logs\")) or TensorBoardLogger; logger=False records nothing) and call self.log(\"val_loss\", loss) in the LightningModule.";
        }
        if ((l & TrainingLibraries.Transformers) != 0)
        {
            return "Set report_to=\"tensorboard\" (or \"mlflow\", \"wandb\") in TrainingArguments: the Trainer then logs its parameters and metrics.";
        }
        if ((l & TrainingLibraries.Keras) != 0)
        {
            return "Pass callbacks=[keras.callbacks.TensorBoard(log_dir=\"logs\")] (or keras.callbacks.CSVLogger(\"history.csv\")) to model.fit, or call mlflow.autolog() before it.";
        }
        if (handWrittenLoop && (l & TrainingLibraries.Torch) != 0) return TorchLoop;
        var autologged = l & (TrainingLibraries.Sklearn | TrainingLibraries.XGBoost | TrainingLibraries.LightGBM);
        if (autologged != TrainingLibraries.None && (autologged & (autologged - 1)) != 0)
        {
            return "Call mlflow.autolog() before training: it logs the parameters, the metrics and the model of scikit-learn, XGBoost and LightGBM alike; or json.dump the metrics you print.";
        }
        if ((l & TrainingLibraries.XGBoost) != 0) return "Call mlflow.xgboost.autolog() (or mlflow.autolog()) before training: it logs the parameters, the metrics and the model.";
        if ((l & TrainingLibraries.LightGBM) != 0) return "Call mlflow.lightgbm.autolog() (or mlflow.autolog()) before training: it logs the parameters, the metrics and the model.";
        if ((l & TrainingLibraries.Sklearn) != 0)
        {
            return "Call mlflow.autolog() (or mlflow.sklearn.autolog()) before fit: it logs the estimator's parameters, its training metrics and the model; or json.dump the metrics you print.";
        }
        if ((l & TrainingLibraries.Torch) != 0) return TorchLoop;
        return "Record the run: mlflow.log_params(...) and mlflow.log_metrics(...) (or json.dump of the parameters and metrics to a file kept with the model).";
    }

    private const string TorchLoop = "Create writer = torch.utils.tensorboard.SummaryWriter() and call writer.add_scalar(\"loss\", loss.item(), step) in the loop (and writer.add_hparams for the settings), or json.dump the metrics you print.";

    /// <summary>MLO702: <c>dvc add</c> on the data's folder (or file), named from the path as the code wrote it.</summary>
    public static string Version(string target) =>
        $"Version the data with DVC: dvc init, then dvc add {target} and commit {target.TrimEnd('/')}.dvc (dvc push to a remote shares it); or read a dataset at a pinned revision, or verify its checksum.";

    /// <summary>MLO703.</summary>
    public static string Lineage(LineageLiteral literal, TrackingSummary file)
    {
        if (literal.IsData)
        {
            return "Compute the data's version at run time: its DVC hash (dvc add, then the md5 in the .dvc file, or dvc.api) or a sha256 of the file (hashlib), not a literal.";
        }
        if (file.Tracker == "MLflow")
        {
            return "Drop the literal: MLflow records the commit itself as the mlflow.source.git.commit tag when the run starts in a git checkout; or set it from subprocess.check_output([\"git\", \"rev-parse\", \"HEAD\"], text=True).strip().";
        }
        if (file.Tracker == "Weights & Biases")
        {
            return "Drop the literal: wandb.init records the commit (and a diff of uncommitted changes) itself when the run starts in a git checkout.";
        }
        return "Compute it at run time: subprocess.check_output([\"git\", \"rev-parse\", \"HEAD\"], text=True).strip() (and record a dirty tree too: git status --porcelain).";
    }
}
