using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// MLO702's part of one module: the data it reads from a path the code spells out (a literal, a module-level constant
/// holding one, or <c>os.path.join</c> of literals), whether it pins its data (a checksum it verifies, a dataset
/// revision), and whether it uses a data-versioning tool itself.
/// </summary>
internal static class DataReads
{
    /// <summary>Readers whose first argument (or the named keyword) is a data file or folder.</summary>
    private static readonly Dictionary<string, string> Readers = new(StringComparer.Ordinal)
    {
        ["read_csv"] = "filepath_or_buffer", ["read_table"] = "filepath_or_buffer", ["read_parquet"] = "path", ["read_json"] = "path_or_buf",
        ["read_excel"] = "io", ["read_feather"] = "path", ["read_hdf"] = "path_or_buf", ["read_orc"] = "path", ["read_pickle"] = "filepath_or_buffer",
        ["loadtxt"] = "fname", ["genfromtxt"] = "fname", ["ImageFolder"] = "root", ["DatasetFolder"] = "root",
        ["image_dataset_from_directory"] = "directory", ["text_dataset_from_directory"] = "directory", ["audio_dataset_from_directory"] = "directory",
        ["flow_from_directory"] = "directory", ["load_from_disk"] = "dataset_path", ["loadmat"] = "file_name", ["from_csv"] = "path_or_paths",
    };

    /// <summary>Extensions of data files read with <c>open()</c> or <c>np.load()</c>.</summary>
    private static readonly HashSet<string> DataExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".csv", ".tsv", ".jsonl", ".parquet", ".npy", ".npz", ".h5", ".hdf5", ".feather", ".arrow", ".tfrecord", ".tfrecords",
    };

    /// <summary>Python APIs of data-versioning tools: a module using one means the repository versions data.</summary>
    private static readonly (string Prefix, string Tool)[] VersioningApis =
    {
        ("dvc.", "DVC"), ("dvc", "DVC"), ("lakefs", "lakeFS"), ("lakefs_client", "lakeFS"), ("clearml.Dataset", "ClearML datasets"),
        ("dagshub", "DagsHub"), ("quilt3", "Quilt"), ("deeplake", "Deep Lake"), ("pachyderm_sdk", "Pachyderm"), ("python_pachyderm", "Pachyderm"),
        ("azureml.core.Dataset", "Azure ML datasets"), ("azureml.data", "Azure ML datasets"), ("azure.ai.ml", "Azure ML data assets"),
        ("delta", "Delta Lake"), ("deltalake", "Delta Lake"), ("kaggle", "Kaggle datasets"), ("kagglehub", "Kaggle datasets"),
    };

    /// <summary>Each of <see cref="VersioningApis"/> as a module name (<c>dvc</c> of <c>dvc.</c>).</summary>
    private static readonly string[] VersioningModules = VersioningApis.Select(v => v.Prefix.TrimEnd('.')).ToArray();

    public static DataRead[] Of(PythonModule module, string[] names)
    {
        List<DataRead>? result = null;
        Dictionary<string, string>? constants = null;
        var calls = module.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            var c = calls[i];
            string name = names[i];
            PyArgument? arg = null;
            bool needsExtension = false;
            if (Readers.TryGetValue(name, out var keyword))
            {
                if (name is "from_csv" or "load_from_disk" && !c.QualifiedName.StartsWith("datasets.", StringComparison.Ordinal)) continue;
                if (name is "ImageFolder" or "DatasetFolder" && !c.QualifiedName.StartsWith("torchvision.", StringComparison.Ordinal)) continue;
                if (name.StartsWith("read_", StringComparison.Ordinal) && !IsDataFrameLibrary(c.QualifiedName)) continue;
                arg = c.Keyword(keyword) ?? c.Positional(0);
            }
            else if (c.QualifiedName is "numpy.load" or "open" or "io.open" or "h5py.File")
            {
                if (c.QualifiedName is "open" or "io.open" && !ReadMode(c)) continue;
                arg = c.Keyword("file") ?? c.Keyword("name") ?? c.Positional(0);
                needsExtension = c.QualifiedName != "h5py.File";
            }
            else if (c.QualifiedName == "datasets.load_dataset")
            {
                arg = c.Keyword("data_files") ?? c.Keyword("data_dir");
            }
            if (arg == null) continue;
            string? path = PathOf(module, arg, ref constants);
            if (path == null || !IsLocal(path)) continue;
            if (needsExtension && !DataExtensions.Contains(Extension(path))) continue;
            (result ??= new()).Add(new DataRead(path, c.Callee, SeedSite.Of(module, c, c.EnclosingFunction != null)));
        }
        return result?.ToArray() ?? Array.Empty<DataRead>();
    }

    /// <summary>Writers whose first argument (or, for a DataFrame, the receiver's target) is the file written.</summary>
    private static readonly HashSet<string> Writers = new(StringComparer.Ordinal)
    {
        "to_csv", "to_parquet", "to_pickle", "to_feather", "to_json", "to_hdf", "to_excel", "save", "savez", "savez_compressed", "savetxt",
        "save_to_disk", "tofile",
    };

    /// <summary>The file names (lower case, without folders) the module writes to a path it spells out: data the repository's
    /// own code produces (features, folds, out-of-fold predictions) is regenerated from the code, not versioned by hand.</summary>
    public static string[] Written(PythonModule module, string[] names)
    {
        List<string>? result = null;
        Dictionary<string, string>? constants = null;
        var calls = module.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            var c = calls[i];
            PyArgument? arg = null;
            if (Writers.Contains(names[i])) arg = c.Keyword("path_or_buf") ?? c.Keyword("path") ?? c.Keyword("file") ?? c.Keyword("fname") ?? c.Positional(0);
            else if (c.QualifiedName is "open" or "io.open" && !ReadMode(c)) arg = c.Keyword("file") ?? c.Positional(0);
            if (arg == null) continue;
            string? path = PathOf(module, arg, ref constants);
            if (path == null) continue;
            (result ??= new()).Add(FileName(path));
        }
        return result?.Distinct().ToArray() ?? Array.Empty<string>();
    }

    internal static string FileName(string path)
    {
        string p = path.Replace('\\', '/').TrimEnd('/');
        return p.Substring(p.LastIndexOf('/') + 1).ToLowerInvariant();
    }

    /// <summary>Words in a data path that say a model produced it (out-of-fold predictions, probabilities, a submission,
    /// an ensemble's inputs): an intermediate result of the repository's own runs, not its training data.</summary>
    private static readonly string[] ProducedWords = { "pred", "oof", "submission", "submit", "prob", "ensemble", "output", "result" };

    internal static bool LooksProduced(string path)
    {
        string p = path.ToLowerInvariant();
        return ProducedWords.Any(w => p.Contains(w));
    }

    private static bool IsDataFrameLibrary(string q) =>
        q.StartsWith("pandas.", StringComparison.Ordinal) || q.StartsWith("polars.", StringComparison.Ordinal)
        || q.StartsWith("dask.", StringComparison.Ordinal) || q.StartsWith("modin.", StringComparison.Ordinal) || q.StartsWith("cudf.", StringComparison.Ordinal);

    private static bool ReadMode(PyCall c)
    {
        var mode = c.Keyword("mode") ?? c.Positional(1);
        if (mode == null) return true;
        string? v = mode.StringValue;
        return v != null && v.Contains('r') && !v.Contains('+');
    }

    /// <summary>The path an argument spells out: a string literal (not an f-string), a name assigned one literal at the top
    /// level, or <c>os.path.join</c> of such parts; null otherwise.</summary>
    private static string? PathOf(PythonModule module, PyArgument arg, ref Dictionary<string, string>? constants)
    {
        string text = arg.ValueText.Trim();
        if (arg.Literal == PyLiteralKind.String)
        {
            if (arg.StringLiterals.Count == 0 || arg.StringLiterals.Any(s => s.IsFString || s.IsBytes)) return null;
            return arg.StringValue;
        }
        if (IsIdentifier(text))
        {
            constants ??= Constants(module);
            return constants.TryGetValue(text, out var v) ? v : null;
        }
        if ((text.StartsWith("os.path.join(", StringComparison.Ordinal) || text.StartsWith("path.join(", StringComparison.Ordinal)) && text.EndsWith(")", StringComparison.Ordinal))
        {
            var parts = text.Substring(text.IndexOf('(') + 1, text.Length - text.IndexOf('(') - 2).Split(',');
            var values = new List<string>();
            constants ??= Constants(module);
            foreach (var p in parts)
            {
                string t = p.Trim();
                if (t.Length >= 2 && (t[0] == '"' || t[0] == '\'') && t[t.Length - 1] == t[0] && t.IndexOf('\\') < 0) values.Add(t.Substring(1, t.Length - 2));
                else if (IsIdentifier(t) && constants.TryGetValue(t, out var v)) values.Add(v);
                else return null;
            }
            return values.Count == 0 ? null : string.Join("/", values.Select((v, i) => i == 0 ? v.TrimEnd('/') : v.Trim('/')));
        }
        return null;
    }

    private static bool IsIdentifier(string t) => t.Length > 0 && (char.IsLetter(t[0]) || t[0] == '_') && t.All(ch => char.IsLetterOrDigit(ch) || ch == '_');

    /// <summary>Names assigned exactly one string literal, outside every function (a module-level constant or a notebook
    /// variable); a name assigned twice or anything else is left out.</summary>
    private static Dictionary<string, string> Constants(PythonModule module)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var twice = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in module.Assignments)
        {
            if (a.TargetName == null || a.Target != a.TargetName) continue;
            if (twice.Contains(a.TargetName)) continue;
            if (result.ContainsKey(a.TargetName) || a.ValueLiteral != PyLiteralKind.String || a.StringLiterals.Any(s => s.IsFString || s.IsBytes)
                || a.StringValue == null)
            {
                result.Remove(a.TargetName);
                twice.Add(a.TargetName);
                continue;
            }
            result[a.TargetName] = a.StringValue;
        }
        return result;
    }

    /// <summary>A path on this machine (relative, or absolute), not a URL, a cloud bucket, a template or a Kaggle
    /// competition's input folder (Kaggle versions its datasets).</summary>
    internal static bool IsLocal(string path)
    {
        string p = path.Trim();
        if (p.Length == 0 || p.Length > 300 || p.Contains("://") || p.Contains('{') || p.Contains('%') || p.Contains('$') || p.Contains('\n')) return false;
        if (p.IndexOf(':') > 1) return false; // s3:, gs:, hf:, dbfs:
        string n = p.Replace('\\', '/');
        if (n.StartsWith("/kaggle/", StringComparison.Ordinal)) return false;
        var segments = n.Split('/').Where(s => s.Length > 0 && s != "." && s != "..").ToArray();
        if (segments.Length == 0) return false;
        if (segments[0].Equals("input", StringComparison.OrdinalIgnoreCase)) return false; // ../input/<competition>/train.csv
        return true;
    }

    /// <summary>A file with a data extension (<see cref="DataExtensions"/>).</summary>
    internal static bool IsDataFile(string path) => DataExtensions.Contains(Extension(path));

    private static string Extension(string path)
    {
        int slash = path.LastIndexOfAny(new[] { '/', '\\' });
        int dot = path.LastIndexOf('.');
        return dot > slash ? path.Substring(dot) : "";
    }

    /// <summary>A checksum the code verifies, or a dataset read at a revision.</summary>
    public static bool PinsData(PythonModule module, string[] names)
    {
        // a keyword argument is text of the module: a module whose text names none has no call given one
        string text = module.Text;
        bool keywords = false;
        foreach (var k in ChecksumKeywords) keywords |= text.IndexOf(k, StringComparison.Ordinal) >= 0;
        var calls = module.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            var c = calls[i];
            if (c.QualifiedName.StartsWith("hashlib.", StringComparison.Ordinal) || names[i] is "check_integrity" or "check_md5" or "verify_checksum"
                || (c.QualifiedName == "datasets.load_dataset" && c.Keyword("revision") != null)
                || (keywords && TrackingApis.HasAnyKeyword(c, ChecksumKeywords))) return true;
        }
        return false;
    }

    /// <summary>Keyword arguments that hand a function the checksum of the data it downloads.</summary>
    private static readonly string[] ChecksumKeywords = { "md5", "sha256", "known_hash", "file_hash" };

    /// <summary>Words one of which is in a module's text whenever <see cref="VersioningTool"/> finds a tool in it: the first
    /// name of each API's module (an import spells it out) and the names of the calls it knows.</summary>
    private static readonly string[] VersioningWords = VersioningApis.Select(v => v.Prefix.Split('.')[0])
        .Concat(new[] { "use_artifact", "log_artifact", "from_pandas", "log_input" }).Distinct().ToArray();

    /// <summary>False when <see cref="VersioningTool"/> cannot find a tool in a module with this text (nothing is parsed):
    /// a scan that reports a few files asks only the modules that pass whether the repository versions its data.</summary>
    public static bool MayNameVersioningTool(string text)
    {
        foreach (var w in VersioningWords)
        {
            if (text.IndexOf(w, StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    /// <summary>The data-versioning tool a module uses, or null.</summary>
    public static string? VersioningTool(PythonModule module, SeedImport[] imports)
    {
        foreach (var i in imports)
        {
            for (int k = 0; k < VersioningApis.Length; k++)
            {
                var (prefix, tool) = VersioningApis[k];
                string m = VersioningModules[k];
                if (i.ModuleName == prefix || i.ModuleName.Length > m.Length && TrackingApis.IsModuleOrSubmodule(i.ModuleName, m)
                    || prefix.EndsWith(".", StringComparison.Ordinal) && i.ModuleName.StartsWith(prefix, StringComparison.Ordinal)
                    || i.QualifiedName.StartsWith(prefix, StringComparison.Ordinal) && prefix.Contains('.')) return tool;
            }
        }
        foreach (var c in module.Calls)
        {
            if (c.HasName("use_artifact") || c.HasName("log_artifact") && c.QualifiedName.StartsWith("wandb", StringComparison.Ordinal)) return "W&B artifacts";
            if (c.QualifiedName is "mlflow.data.from_pandas" or "mlflow.log_input") return "MLflow datasets";
        }
        return null;
    }
}
