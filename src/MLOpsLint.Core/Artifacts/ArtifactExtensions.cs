namespace MLOpsLint.Core.Artifacts;

/// <summary>
/// Data and model formats known by file name. A format marked binary-only is not recognised when the
/// file is text (a text file named <c>model.bin</c> or <c>weights.pkl</c> is not a model).
/// </summary>
public static class ArtifactExtensions
{
    public sealed record Entry(ArtifactFormat Format, bool BinaryOnly, bool NeedsWeightsName = false);

    private static readonly Dictionary<string, Entry> ByExtension = Build();

    /// <summary>Compression suffixes looked through: <c>train.csv.gz</c> is compressed CSV.</summary>
    private static readonly HashSet<string> Compression = new(StringComparer.Ordinal)
    {
        ".gz", ".bz2", ".xz", ".zst", ".lz4", ".zip", ".7z",
    };

    // A .bin file is only weights when its name says so (pytorch_model.bin, word2vec vectors.bin…).
    private static readonly string[] WeightsWords =
    {
        "model", "weight", "ckpt", "checkpoint", "pytorch", "embedding", "vector", "lora", "adapter", "tensor", "param",
    };

    public static IReadOnlyCollection<string> DataExtensions =>
        ByExtension.Where(kv => kv.Value.Format.Category == ArtifactCategory.Data).Select(kv => kv.Key).ToArray();

    public static IReadOnlyCollection<string> ModelExtensions =>
        ByExtension.Where(kv => kv.Value.Format.Category == ArtifactCategory.Model).Select(kv => kv.Key).ToArray();

    /// <summary>The lower-case extension of a file name, with its dot ("" when none).</summary>
    public static string ExtensionOf(string fileName)
    {
        int i = fileName.LastIndexOf('.');
        return i <= 0 ? "" : fileName.Substring(i).ToLowerInvariant();
    }

    /// <summary>
    /// The format a file name suggests, and the extension that says it: <c>model.pkl</c> → pickle by
    /// <c>.pkl</c>; <c>train.csv.gz</c> → compressed data by <c>.csv.gz</c>; a TensorFlow checkpoint shard
    /// <c>model.ckpt-100.data-00000-of-00001</c> by its pattern.
    /// </summary>
    public static (Entry Entry, string Extension)? Lookup(string fileName)
    {
        string lower = fileName.ToLowerInvariant();
        string ext = ExtensionOf(lower);
        if (IsTensorFlowCheckpointShard(lower))
        {
            return (new Entry(ArtifactFormat.TensorFlowCheckpoint, BinaryOnly: true), ext);
        }
        if (Compression.Contains(ext))
        {
            string inner = ExtensionOf(lower.Substring(0, lower.Length - ext.Length));
            if (ByExtension.TryGetValue(inner, out var compressed))
            {
                var format = compressed.Format.Category == ArtifactCategory.Data ? ArtifactFormat.CompressedData : compressed.Format;
                return (new Entry(format, BinaryOnly: true), inner + ext);
            }
            return null;
        }
        if (!ByExtension.TryGetValue(ext, out var entry)) return null;
        if (entry.NeedsWeightsName && !WeightsWords.Any(w => lower.Contains(w))) return null;
        if ((ext == ".h5" || ext == ".hdf5") && (lower.Contains("model") || lower.Contains("weights") || lower.Contains("ckpt") || lower.Contains("checkpoint")))
        {
            return (new Entry(ArtifactFormat.KerasHdf5, BinaryOnly: true), ext);
        }
        return (entry, ext);
    }

    private static bool IsTensorFlowCheckpointShard(string lower)
    {
        // model.ckpt-1000.index, model.ckpt.data-00000-of-00001, variables.data-00000-of-00001, model.ckpt.meta
        if (lower.Contains(".ckpt") && (lower.EndsWith(".index", StringComparison.Ordinal) || lower.EndsWith(".meta", StringComparison.Ordinal)))
        {
            return true;
        }
        int d = lower.LastIndexOf(".data-", StringComparison.Ordinal);
        if (d < 0) return false;
        string tail = lower.Substring(d + 6); // 00000-of-00001
        int of = tail.IndexOf("-of-", StringComparison.Ordinal);
        return of > 0 && tail.Substring(0, of).All(char.IsDigit) && tail.Substring(of + 4).Length > 0 && tail.Substring(of + 4).All(char.IsDigit);
    }

    private static Dictionary<string, Entry> Build()
    {
        var d = new Dictionary<string, Entry>(StringComparer.Ordinal);
        void Add(ArtifactFormat f, bool binaryOnly, params string[] exts)
        {
            foreach (var e in exts) d[e] = new Entry(f, binaryOnly);
        }

        Add(ArtifactFormat.Csv, false, ".csv");
        Add(ArtifactFormat.Tsv, false, ".tsv");
        Add(ArtifactFormat.JsonLines, false, ".jsonl", ".ndjson");
        Add(ArtifactFormat.Arff, false, ".arff");
        Add(ArtifactFormat.Parquet, true, ".parquet", ".pq");
        Add(ArtifactFormat.Feather, true, ".feather");
        Add(ArtifactFormat.Arrow, true, ".arrow");
        Add(ArtifactFormat.NumPyArray, true, ".npy");
        Add(ArtifactFormat.NumPyArchive, true, ".npz");
        Add(ArtifactFormat.Hdf5, true, ".h5", ".hdf5", ".hdf", ".he5");
        Add(ArtifactFormat.NetCdf, true, ".nc");
        Add(ArtifactFormat.TfRecord, true, ".tfrecord", ".tfrecords");
        Add(ArtifactFormat.Excel, true, ".xlsx", ".xls");
        Add(ArtifactFormat.Sqlite, true, ".sqlite", ".sqlite3", ".db");
        Add(ArtifactFormat.Avro, true, ".avro");
        Add(ArtifactFormat.Orc, true, ".orc");
        Add(ArtifactFormat.Matlab, true, ".mat");
        Add(ArtifactFormat.StatsData, true, ".dta", ".sav", ".rds", ".rdata");

        Add(ArtifactFormat.Pickle, true, ".pkl", ".pickle", ".pck");
        Add(ArtifactFormat.Joblib, true, ".joblib");
        Add(ArtifactFormat.PyTorch, true, ".pt", ".pth", ".ckpt", ".mar", ".nemo");
        Add(ArtifactFormat.Safetensors, true, ".safetensors");
        Add(ArtifactFormat.Onnx, true, ".onnx");
        Add(ArtifactFormat.TensorFlowProtobuf, true, ".pb");
        Add(ArtifactFormat.TfLite, true, ".tflite");
        Add(ArtifactFormat.KerasV3, true, ".keras");
        Add(ArtifactFormat.CoreMl, true, ".mlmodel");
        Add(ArtifactFormat.Gguf, true, ".gguf");
        Add(ArtifactFormat.Ggml, true, ".ggml");
        Add(ArtifactFormat.MlNet, true, ".mlnet");
        Add(ArtifactFormat.Skops, true, ".skops");
        Add(ArtifactFormat.OtherModel, true, ".caffemodel", ".pdparams", ".pdmodel", ".cbm");
        d[".bin"] = new Entry(ArtifactFormat.BinaryWeights, BinaryOnly: true, NeedsWeightsName: true);
        return d;
    }
}
