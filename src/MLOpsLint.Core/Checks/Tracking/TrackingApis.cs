using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>What a run records, trains on and reads, as calls and imports say it (MLO701–MLO703). Every table is
/// lenient where the rules stay silent (anything that may record a run counts as recording) and strict where they speak
/// (only unmistakable training counts as training).</summary>
internal static class TrackingApis
{
    /// <summary>Experiment trackers and metric loggers: importing one counts as recording (a tracker switched off by a
    /// flag is still the project's choice of tracker).</summary>
    public static readonly (string Module, string Name)[] Trackers =
    {
        ("mlflow", "MLflow"), ("wandb", "Weights & Biases"), ("torch.utils.tensorboard", "TensorBoard"), ("tensorboardX", "TensorBoard"),
        ("tensorboard", "TensorBoard"), ("dvclive", "DVCLive"), ("neptune", "Neptune"), ("neptune_client", "Neptune"), ("comet_ml", "Comet"),
        ("clearml", "ClearML"), ("trains", "ClearML"), ("aim", "Aim"), ("sacred", "Sacred"), ("guild", "Guild AI"), ("polyaxon", "Polyaxon"),
        ("tensorflow.summary", "TensorBoard"), ("tf.summary", "TensorBoard"), ("lightning.pytorch.loggers", "a Lightning logger"),
        ("pytorch_lightning.loggers", "a Lightning logger"), ("lightning.fabric.loggers", "a Lightning logger"), ("visdom", "Visdom"),
        ("hydra", "Hydra (saves each run's config and log)"), ("detectron2", "Detectron2's default writers (metrics.json, TensorBoard)"),
        ("mmengine", "MMEngine's loggers"), ("mmcv", "MMCV's loggers"), ("azureml", "Azure ML"), ("azure.ai.ml", "Azure ML"),
        ("sagemaker.experiments", "SageMaker Experiments"), ("vertexai", "Vertex AI Experiments"), ("google.cloud.aiplatform", "Vertex AI Experiments"), ("swanlab", "SwanLab"), ("tensorwatch", "TensorWatch"), ("livelossplot", "livelossplot"),
    };

    /// <summary>Calls (by resolved name, or by method name on anything) that log a run's params or metrics.</summary>
    private static readonly HashSet<string> RecordingMethods = new(StringComparer.Ordinal)
    {
        "add_scalar", "add_scalars", "add_hparams", "log_metric", "log_metrics", "log_param", "log_params", "log_hyperparams",
        "init_trackers", "log_artifact", "log_dict", "log_text", "log_table", "log_figure", "set_tracking_uri", "start_run", "autolog",
    };

    /// <summary>Writers of structured records (a metrics or params file).</summary>
    private static readonly HashSet<string> StructuredDumps = new(StringComparer.Ordinal)
    {
        "json.dump", "json.dumps", "yaml.dump", "yaml.safe_dump", "toml.dump", "ruamel.yaml.dump", "omegaconf.OmegaConf.save",
        "csv.writer", "csv.DictWriter", "logging.FileHandler", "logging.handlers.RotatingFileHandler", "logging.config.dictConfig",
        "logging.config.fileConfig", "ujson.dump", "orjson.dumps", "srsly.write_json",
    };

    /// <summary>Table writers that record a history when what they write is named like one.</summary>
    private static readonly HashSet<string> TableWriters = new(StringComparer.Ordinal)
    {
        "to_csv", "to_json", "to_parquet", "to_excel", "to_pickle", "savetxt", "save", "dump", "write", "writelines", "writerow",
    };

    private static readonly string[] RecordWords =
    {
        "metric", "score", "result", "history", "hist", "log", "logger", "stats", "statistic", "eval", "evaluation", "acc", "accuracy", "loss",
        "perf", "performance", "report", "record", "summary", "param", "params", "config", "cfg", "args", "hparam", "hparams", "curve", "progress",
        "experiment",
    };

    /// <summary>The modules of <see cref="Trackers"/>: a call's resolved name is looked up by each of its dotted prefixes.</summary>
    private static readonly WordSet TrackerModules = new(Trackers.Select(t => t.Module));

    /// <summary>Whether <paramref name="q"/> is one of <see cref="Trackers"/>' modules or a name in one
    /// (<see cref="IsModuleOrSubmodule"/> of any of them), looked up by its prefixes that end at a dot.</summary>
    private static bool IsTrackerApi(string q)
    {
        int dot = q.IndexOf('.');
        while (true)
        {
            int length = dot < 0 ? q.Length : dot;
            if (length > TrackerModules.MaxLength) return false;
            if (TrackerModules.Contains(q.AsSpan(0, length))) return true;
            if (dot < 0) return false;
            dot = q.IndexOf('.', dot + 1);
        }
    }

    /// <summary>The tracker a module imports, or null.</summary>
    public static string? TrackerOf(SeedImport[] imports)
    {
        if (imports.Length == 0) return null;
        foreach (var (m, name) in Trackers)
        {
            if (ImportsModule(imports, m)) return name;
        }
        return null;
    }

    /// <summary><see cref="PythonModule.ImportsModule"/> of a module's imports (their qualified names made once).</summary>
    public static bool ImportsModule(SeedImport[] imports, string name)
    {
        foreach (var i in imports)
        {
            if (IsModuleOrSubmodule(i.ModuleName, name) || (i.IsFrom && i.QualifiedName == name)) return true;
        }
        return false;
    }

    /// <summary><paramref name="dotted"/> is <paramref name="module"/> or a name in it (<c>mlflow.sklearn</c> of <c>mlflow</c>).</summary>
    public static bool IsModuleOrSubmodule(string dotted, string module) =>
        dotted.StartsWith(module, StringComparison.Ordinal) && (dotted.Length == module.Length || dotted[module.Length] == '.');

    /// <summary>A call that records the run by itself (a tracker's API, a logging callback, a metrics file, a Lightning
    /// Trainer with its default logger, a Hugging Face Trainer).</summary>
    public static bool Records(PyCall c, string name)
    {
        string q = c.QualifiedName;
        if (RecordingMethods.Contains(name)) return true;
        if (IsTrackerApi(q)) return true;
        if (StructuredDumps.Contains(q)) return true;
        if (name is "TensorBoard" or "CSVLogger" or "SummaryWriter" or "TensorBoardLogger" or "CSVLogger" or "WandbLogger" or "MLFlowLogger"
            or "WandbCallback" or "MlflowCallback" or "TensorBoardCallback" or "WandbMetricsLogger") return true;
        if (q == "logging.basicConfig" && c.Keyword("filename") != null) return true;
        // a logger object built (TorchLogger(path), Logger(...)): it keeps what it is given; not logging.getLogger, the console's
        if (name.EndsWith("Logger", StringComparison.Ordinal) && !name.StartsWith("get", StringComparison.Ordinal)) return true;
        if (IsLightningTrainer(q)) return !IsFalse(c.Keyword("logger"));
        if (IsHuggingFaceTrainer(q)) return true;
        if (q.EndsWith("TrainingArguments", StringComparison.Ordinal) && c.Keyword("report_to") is { } reportTo)
        {
            string v = reportTo.ValueText.Trim().Trim('"', '\'');
            return v is not ("none" or "None" or "[]" or "");
        }
        if (q is "print" && c.Keyword("file") is { } file && MentionsRecord(file.ValueText)) return true;
        if (q is "open" or "io.open" or "pathlib.Path.open" || name == "open")
        {
            return c.ArgumentCount > 0 && MentionsRecord(ValueOf(c, 0)) && WriteMode(c);
        }
        if (TableWriters.Contains(name))
        {
            var receiver = Receiver(c);
            if (name is "save" or "dump" && !(q.StartsWith("numpy.", StringComparison.Ordinal) || q.StartsWith("pickle.", StringComparison.Ordinal)
                || q.StartsWith("torch.", StringComparison.Ordinal) || q.StartsWith("joblib.", StringComparison.Ordinal))) return MentionsRecord(receiver);
            return MentionsRecord(receiver) || (c.ArgumentCount > 0 && MentionsRecord(ValueOf(c, 0)))
                || (c.ArgumentCount > 1 && MentionsRecord(ValueOf(c, 1)) && name is "dump" or "save");
        }
        return false;
    }

    public static bool IsLightningTrainer(string q) =>
        q is "pytorch_lightning.Trainer" or "lightning.Trainer" or "lightning.pytorch.Trainer" or "pytorch_lightning.trainer.Trainer"
            or "lightning.pytorch.trainer.Trainer" or "pl.Trainer" or "L.Trainer";

    public static bool IsHuggingFaceTrainer(string q) =>
        q.StartsWith("transformers.", StringComparison.Ordinal) && q.EndsWith("Trainer", StringComparison.Ordinal)
        || q.StartsWith("trl.", StringComparison.Ordinal) && q.EndsWith("Trainer", StringComparison.Ordinal)
        || q.StartsWith("setfit.", StringComparison.Ordinal) && q.EndsWith("Trainer", StringComparison.Ordinal);

    private static bool IsFalse(PyArgument? a) => a != null && a.Literal == PyLiteralKind.False;

    private static bool WriteMode(PyCall c)
    {
        var mode = c.Keyword("mode") ?? c.Positional(1);
        string? v = mode?.StringValue;
        return v != null && (v.Contains('w') || v.Contains('a'));
    }

    /// <summary>Whether an expression's text names a record: a word of it (split at anything but letters) starts with one
    /// of <see cref="RecordWords"/> and is that word, its plural, or a longer word from a long stem (<c>metrics_dict</c>,
    /// <c>train_history</c>, <c>results.json</c>; not <c>state</c>, <c>logits</c> or <c>accelerator</c>).</summary>
    public static bool MentionsRecord(ReadOnlySpan<char> text)
    {
        Span<char> lower = stackalloc char[RecordWordsMaxLength + 1];
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i == start) break;
            // only the first letters can meet a record word: the word itself, its plural, or a longer word from a long stem
            int length = i - start;
            int n = Math.Min(length, lower.Length);
            for (int k = 0; k < n; k++) lower[k] = char.ToLowerInvariant(text[start + k]);
            foreach (var w in RecordWords)
            {
                if (length < w.Length || !lower.Slice(0, w.Length).SequenceEqual(w.AsSpan())) continue;
                if (length == w.Length || (length == w.Length + 1 && lower[w.Length] == 's') || w.Length >= 5) return true;
            }
        }
        return false;
    }

    private static readonly int RecordWordsMaxLength = RecordWords.Max(w => w.Length);

    public static string ReceiverText(PyCall c) => Receiver(c).ToString();

    /// <summary><see cref="ReceiverText"/> in the callee's text (no string made).</summary>
    private static ReadOnlySpan<char> Receiver(PyCall c)
    {
        string callee = c.Callee;
        int dot = callee.LastIndexOf('.');
        return dot < 0 ? default : callee.AsSpan(0, dot);
    }

    /// <summary>The value text of argument <paramref name="index"/> (<see cref="PyArgument.ValueText"/>) in the module's text.</summary>
    private static ReadOnlySpan<char> ValueOf(PyCall c, int index)
    {
        ref readonly var a = ref c.ArgumentInfo(index);
        return c.Module.Text.AsSpan(a.ValueStart, a.End - a.ValueStart);
    }

    /// <summary>The number of positional arguments (<see cref="PyCall.PositionalArguments"/>), without making them.</summary>
    private static int PositionalCount(PyCall c)
    {
        int n = 0;
        for (int i = 0; i < c.ArgumentCount; i++)
        {
            if (c.ArgumentInfo(i).Kind == PyArgumentKind.Positional) n++;
        }
        return n;
    }

    /// <summary>Whether <paramref name="text"/>, lowered as <see cref="string.ToLowerInvariant"/> lowers it, contains
    /// <paramref name="word"/> (lower-case ASCII).</summary>
    private static bool LoweredContains(ReadOnlySpan<char> text, string word)
    {
        for (int i = 0; i + word.Length <= text.Length; i++)
        {
            int k = 0;
            while (k < word.Length && char.ToLowerInvariant(text[i + k]) == word[k]) k++;
            if (k == word.Length) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="text"/>, lowered, ends with <paramref name="word"/> (lower-case ASCII).</summary>
    private static bool LoweredEndsWith(ReadOnlySpan<char> text, string word) =>
        text.Length >= word.Length && LoweredContains(text.Slice(text.Length - word.Length), word);

    // ---------------------------------------------------------------- measuring

    private static readonly HashSet<string> MetricNames = new(StringComparer.Ordinal)
    {
        "score", "evaluate", "evaluate_generator", "test_on_batch", "accuracy_score", "roc_auc_score", "f1_score", "log_loss", "precision_score",
        "recall_score", "mean_squared_error", "mean_absolute_error", "r2_score", "classification_report", "confusion_matrix", "balanced_accuracy_score",
        "matthews_corrcoef", "cohen_kappa_score", "average_precision_score", "mean_absolute_percentage_error", "root_mean_squared_error",
        "cross_val_score", "cross_validate", "best_iteration", "eval", "validate", "compute_metrics",
    };

    /// <summary>Words of a printed or formatted string that name a measurement (<c>"Loss: %.3f | Acc"</c>, <c>"val_auc"</c>).</summary>
    private static readonly WordSet MetricWords = new(new[]
    {
        "acc", "accuracy", "loss", "score", "auc", "rmse", "mse", "mae", "precision", "recall", "metric", "metrics", "error", "logloss", "ndcg", "map", "iou",
        "bleu", "rouge", "perplexity", "ppl", "valid", "val", "validation", "test",
    });

    /// <summary>A call that measures a model: a metric function (scikit-learn's, torchmetrics', evaluate's), <c>score</c>,
    /// <c>evaluate</c>; Keras <c>fit</c> (it prints its loss every epoch); <c>xgboost.train</c> or <c>lightgbm.train</c>
    /// with validation sets; a search (its <c>best_score_</c>); <c>loss.item()</c>; a Lightning <c>Trainer</c> (it runs the
    /// module's validation loop and shows what <c>self.log</c> reports).</summary>
    public static bool Measures(PyCall c, string name)
    {
        string q = c.QualifiedName;
        if (MetricNames.Contains(name) || IsLightningTrainer(q)) return true;
        if (q.StartsWith("sklearn.metrics.", StringComparison.Ordinal) || q.StartsWith("torchmetrics.", StringComparison.Ordinal)
            || q.StartsWith("evaluate.", StringComparison.Ordinal)) return true;
        if (name == "item" && Receiver(c) is var r && (LoweredContains(r, "loss") || LoweredContains(r, "acc"))) return true;
        if (name is "fit" or "fit_generator" && (c.HasKeyword("epochs") || c.HasKeyword("validation_data") || c.HasKeyword("eval_set")
            || c.HasKeyword("validation_split"))) return true;
        if (q is "xgboost.train" or "lightgbm.train" or "catboost.train") return c.HasKeyword("evals") || c.HasKeyword("valid_sets") || PositionalCount(c) >= 4;
        return false;
    }

    /// <summary>A string the module prints or formats that names a measurement.</summary>
    public static bool NamesMeasurement(ReadOnlySpan<char> value)
    {
        if (value.Length > 200) return false;
        int i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && !char.IsLetter(value[i])) i++;
            int start = i;
            while (i < value.Length && char.IsLetter(value[i])) i++;
            if (i == start) break;
            if (MetricWords.ContainsLowered(value.Slice(start, i - start))) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- training

    /// <summary>Receivers of <c>fit</c> that prepare data rather than train a model.</summary>
    private static readonly string[] Preprocessors =
    {
        "scaler", "encoder", "vectorizer", "imputer", "tokenizer", "pca", "normalizer", "selector", "binarizer", "transformer", "tfidf",
        "svd", "discretizer", "mapper", "preprocess", "pipeline_pre", "le", "ohe", "tsne", "umap",
    };

    private static readonly HashSet<string> TrainingFunctions = new(StringComparer.Ordinal)
    {
        "xgboost.train", "xgboost.cv", "lightgbm.train", "lightgbm.cv", "catboost.train", "catboost.cv",
        "sklearn.model_selection.cross_val_score", "sklearn.model_selection.cross_validate", "sklearn.model_selection.cross_val_predict",
    };

    private static readonly string[] FitTrainingKeywords = { "y", "epochs", "callbacks", "validation_data", "eval_set", "validation_split", "batch_size", "datamodule", "train_dataloaders", "ckpt_path" };

    /// <summary>How a call trains a model by itself, or null: a supervised <c>fit(X, y)</c>, Keras <c>fit(..., epochs=)</c>,
    /// a Lightning <c>trainer.fit(model)</c>, <c>trainer.train()</c>, <c>xgboost.train</c>, an optimizer step.</summary>
    public static string? Trains(PyCall c, string name)
    {
        string q = c.QualifiedName;
        if (TrainingFunctions.Contains(q)) return c.Callee + "()";
        if (name is "fit" or "fit_generator" or "train_on_batch" or "partial_fit")
        {
            var receiver = Receiver(c);
            if (receiver.Length == 0) return null; // a function called fit, not a model's method
            if (name == "fit" && IsPreprocessor(receiver)) return null;
            if (name is "fit_generator" or "train_on_batch") return c.Callee + "()";
            if (LoweredContains(receiver, "trainer") && c.ArgumentCount > 0) return c.Callee + "()";
            int positional = PositionalCount(c);
            if (positional >= 2 || c.HasStarArgs || HasAnyKeyword(c, FitTrainingKeywords)) return c.Callee + "()";
            return null;
        }
        if (name == "train" && c.ArgumentCount == 0 && LoweredContains(Receiver(c), "trainer")) return c.Callee + "()";
        return null;
    }

    /// <summary>The call is given one of <paramref name="keywords"/>.</summary>
    public static bool HasAnyKeyword(PyCall c, string[] keywords)
    {
        foreach (var k in keywords)
        {
            if (c.HasKeyword(k)) return true;
        }
        return false;
    }

    /// <summary>The receiver's last name (lowered) is a preprocessor's: <c>le</c>, <c>le_x</c>, <c>std_scaler</c>.</summary>
    private static bool IsPreprocessor(ReadOnlySpan<char> receiver)
    {
        int dot = receiver.LastIndexOf('.');
        var last = dot < 0 ? receiver : receiver.Slice(dot + 1);
        foreach (var p in Preprocessors)
        {
            if (p.Length <= 3
                ? (last.Length == p.Length || last.Length > p.Length && last[p.Length] == '_') && LoweredStartsWith(last, p)
                : LoweredContains(last, p)) return true;
        }
        return false;
    }

    private static bool LoweredStartsWith(ReadOnlySpan<char> text, string word) =>
        text.Length >= word.Length && LoweredContains(text.Slice(0, word.Length), word);

    /// <summary>An optimizer step (<c>optimizer.step()</c>, <c>opt.step()</c>, <c>scaler.step(optimizer)</c>): with a
    /// backward pass in the same function or module, a training loop.</summary>
    public static bool IsOptimizerStep(PyCall c)
    {
        if (!c.HasName("step")) return false;
        var r = Receiver(c);
        return LoweredContains(r, "optim") || LoweredEndsWith(r, "opt") || LoweredContains(r, "scaler") || LoweredContains(r, "solver");
    }

    /// <summary>A backward pass, by the call's last name.</summary>
    public static bool IsBackward(string name) => name is "backward" or "manual_backward";
}
