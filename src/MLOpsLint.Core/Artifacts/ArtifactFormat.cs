namespace MLOpsLint.Core.Artifacts;

public enum ArtifactCategory
{
    Data,
    Model,
}

/// <summary>How a file was recognised: by its bytes, or only by its name.</summary>
public enum ArtifactEvidence
{
    ContentSignature,
    FileName,
}

/// <summary>A data or model file format the committed-data rules know.</summary>
public sealed class ArtifactFormat
{
    public ArtifactFormat(string name, ArtifactCategory category, bool isPickleBased = false)
    {
        Name = name;
        Category = category;
        IsPickleBased = isPickleBased;
    }

    /// <summary>What the file is, for messages: "NumPy array", "PyTorch checkpoint".</summary>
    public string Name { get; }

    public ArtifactCategory Category { get; }

    /// <summary>Loading the file unpickles it (and so can run arbitrary code).</summary>
    public bool IsPickleBased { get; }

    public override string ToString() => Name;

    /// <summary>The format of this name (the facts cache keeps a classification by its format's name).</summary>
    internal static ArtifactFormat? Named(string name) => ByName.Value.TryGetValue(name, out var f) ? f : null;

    private static readonly Lazy<Dictionary<string, ArtifactFormat>> ByName = new(() =>
        typeof(ArtifactFormat).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ArtifactFormat))
            .Select(f => (ArtifactFormat)f.GetValue(null)!)
            .ToDictionary(f => f.Name, StringComparer.Ordinal));

    // Data.
    public static readonly ArtifactFormat Csv = new("CSV data", ArtifactCategory.Data);
    public static readonly ArtifactFormat Tsv = new("TSV data", ArtifactCategory.Data);
    public static readonly ArtifactFormat JsonLines = new("JSON Lines data", ArtifactCategory.Data);
    public static readonly ArtifactFormat Arff = new("ARFF data", ArtifactCategory.Data);
    public static readonly ArtifactFormat Parquet = new("Parquet data", ArtifactCategory.Data);
    public static readonly ArtifactFormat Feather = new("Feather data", ArtifactCategory.Data);
    public static readonly ArtifactFormat Arrow = new("Arrow IPC data", ArtifactCategory.Data);
    public static readonly ArtifactFormat NumPyArray = new("NumPy array", ArtifactCategory.Data);
    public static readonly ArtifactFormat NumPyObjectArray = new("NumPy object array (pickled)", ArtifactCategory.Data, isPickleBased: true);
    public static readonly ArtifactFormat NumPyArchive = new("NumPy .npz archive", ArtifactCategory.Data);
    public static readonly ArtifactFormat Hdf5 = new("HDF5 data", ArtifactCategory.Data);
    public static readonly ArtifactFormat NetCdf = new("netCDF data", ArtifactCategory.Data);
    public static readonly ArtifactFormat TfRecord = new("TFRecord data", ArtifactCategory.Data);
    public static readonly ArtifactFormat Excel = new("Excel workbook", ArtifactCategory.Data);
    public static readonly ArtifactFormat Sqlite = new("SQLite database", ArtifactCategory.Data);
    public static readonly ArtifactFormat Avro = new("Avro data", ArtifactCategory.Data);
    public static readonly ArtifactFormat Orc = new("ORC data", ArtifactCategory.Data);
    public static readonly ArtifactFormat Matlab = new("MATLAB data", ArtifactCategory.Data);
    public static readonly ArtifactFormat StatsData = new("statistics package data (Stata/SPSS/R)", ArtifactCategory.Data);
    public static readonly ArtifactFormat CompressedData = new("compressed data", ArtifactCategory.Data);
    public static readonly ArtifactFormat ConfiguredData = new("data (configured extension)", ArtifactCategory.Data);

    // Models.
    public static readonly ArtifactFormat Pickle = new("Python pickle", ArtifactCategory.Model, isPickleBased: true);
    public static readonly ArtifactFormat Joblib = new("joblib pickle", ArtifactCategory.Model, isPickleBased: true);
    public static readonly ArtifactFormat PyTorch = new("PyTorch checkpoint", ArtifactCategory.Model, isPickleBased: true);
    public static readonly ArtifactFormat Safetensors = new("safetensors weights", ArtifactCategory.Model);
    public static readonly ArtifactFormat Onnx = new("ONNX model", ArtifactCategory.Model);
    public static readonly ArtifactFormat TensorFlowProtobuf = new("TensorFlow protobuf graph", ArtifactCategory.Model);
    public static readonly ArtifactFormat TensorFlowCheckpoint = new("TensorFlow checkpoint", ArtifactCategory.Model);
    public static readonly ArtifactFormat TfLite = new("TensorFlow Lite model", ArtifactCategory.Model);
    public static readonly ArtifactFormat KerasV3 = new("Keras v3 model", ArtifactCategory.Model);
    public static readonly ArtifactFormat KerasHdf5 = new("Keras HDF5 model", ArtifactCategory.Model);
    public static readonly ArtifactFormat CoreMl = new("Core ML model", ArtifactCategory.Model);
    public static readonly ArtifactFormat Gguf = new("GGUF model", ArtifactCategory.Model);
    public static readonly ArtifactFormat Ggml = new("GGML model", ArtifactCategory.Model);
    public static readonly ArtifactFormat MlNet = new("ML.NET model", ArtifactCategory.Model);
    public static readonly ArtifactFormat Skops = new("skops model", ArtifactCategory.Model);
    public static readonly ArtifactFormat BinaryWeights = new("binary weights", ArtifactCategory.Model);
    public static readonly ArtifactFormat OtherModel = new("model file", ArtifactCategory.Model);
    public static readonly ArtifactFormat ConfiguredModel = new("model (configured extension)", ArtifactCategory.Model);
}

/// <summary>A recognised artifact: its format, how it was recognised, and a detail for the message
/// ("protocol 4", "zip with archive/data.pkl", "extension .csv").</summary>
public sealed record ArtifactMatch(ArtifactFormat Format, ArtifactEvidence Evidence, string Detail)
{
    public ArtifactCategory Category => Format.Category;

    /// <summary>"Python pickle (protocol 4), recognised by its content" and the like.</summary>
    public string Describe() => Evidence == ArtifactEvidence.ContentSignature
        ? $"{Format.Name} ({Detail}), recognised by its content"
        : $"{Format.Name}, recognised by its name ({Detail})";
}
