using MLOpsLint.Core.Artifacts;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// Where a small data file is plainly a dataset or a pipeline output rather than a sample: a folder named for data or
/// outputs (<c>data/</c>, <c>artifacts/</c>, <c>outputs/</c>, <c>predictions/</c>…), a file named for a pipeline's
/// result (<c>submission.csv</c>, <c>predictions.parquet</c>, <c>oof_preds.npy</c>), or the folder of a committed model.
/// Also which data formats are binary arrays (judged at a lower size than text: nobody reads a 200 KB .npy in review).
/// </summary>
internal static class DataPlaces
{
    public static readonly IReadOnlyList<string> DefaultFolders = new[]
    {
        "data", "dataset", "datasets", "artifacts", "artefacts", "outputs", "output", "predictions", "preds", "submissions",
    };

    private static readonly string[] OutputNames = { "submission", "prediction", "preds", "oof" };

    /// <summary>The folder (a prefix of the path) that makes the file a dataset or output, or the file name that does; null otherwise.</summary>
    public static string? Why(string path, IReadOnlyCollection<string> folders, ISet<string> modelFolders)
    {
        if (DataFolder(path, folders) is { } folder) return "in " + folder + "/";
        var parts = path.Split('/');
        string lower = parts[parts.Length - 1].ToLowerInvariant();
        if (OutputNames.Any(n => lower.StartsWith(n, StringComparison.Ordinal))) return "named as a pipeline output";
        string dir = FolderOf(path);
        return modelFolders.Contains(dir) ? "beside a committed model" : null;
    }

    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "sample", "samples", "dummy", "placeholder", "toy", "mock", "fake", "stub",
    };

    /// <summary>Whether a file's or folder's name says it stands in for the real thing (<c>sample_model/</c>,
    /// <c>dummy_model.pkl</c>, <c>toy-classifier.joblib</c>): a skeleton's or demo's placeholder, not a trained model to
    /// keep out of git (MLO102 lets them through up to its fixture limit).</summary>
    public static bool NamesPlaceholder(string path) =>
        path.Split('/').Any(part => part.Split(Scope.PathScopes.WordSeparators).Any(PlaceholderWords.Contains));

    public static string FolderOf(string path)
    {
        int i = path.LastIndexOf('/');
        return i < 0 ? "" : path.Substring(0, i);
    }

    private static readonly Dictionary<string, string> Media = new(StringComparer.Ordinal)
    {
        [".jpg"] = "image", [".jpeg"] = "image", [".png"] = "image", [".bmp"] = "image", [".tif"] = "image", [".tiff"] = "image",
        [".webp"] = "image", [".gif"] = "image", [".pgm"] = "image", [".ppm"] = "image", [".dcm"] = "image", [".nii"] = "image",
        [".wav"] = "audio", [".mp3"] = "audio", [".flac"] = "audio", [".ogg"] = "audio", [".m4a"] = "audio", [".aac"] = "audio",
        [".mp4"] = "video", [".avi"] = "video", [".mov"] = "video", [".mkv"] = "video", [".webm"] = "video",
    };

    /// <summary>"image", "audio" or "video" for a media file name; null for anything else.</summary>
    public static string? MediaKind(string fileName) =>
        Media.TryGetValue(ArtifactExtensions.ExtensionOf(fileName), out var kind) ? kind : null;

    /// <summary>The data or output folder a path is under (<c>data</c>, <c>projects/x/outputs</c>); null when none.</summary>
    public static string? DataFolder(string path, IReadOnlyCollection<string> folders)
    {
        var parts = path.Split('/');
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (folders.Contains(parts[i].ToLowerInvariant())) return string.Join("/", parts, 0, i + 1);
        }
        return null;
    }

    /// <summary>Data formats whose bytes are arrays or columns, not lines a reviewer reads.</summary>
    public static bool IsBinaryArray(ArtifactMatch m) =>
        m.Category == ArtifactCategory.Data
        && m.Format != ArtifactFormat.Csv && m.Format != ArtifactFormat.Tsv && m.Format != ArtifactFormat.JsonLines
        && m.Format != ArtifactFormat.Arff && m.Format != ArtifactFormat.ConfiguredData;
}
