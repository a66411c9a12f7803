using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// Keras and TensorFlow training, read from one module: <c>model.fit(...)</c> on a Keras model (one the module builds
/// with a Keras class or compiles), and the loaders that shuffle without <c>seed=</c>. What seeds them is documented
/// (shared/testdata/seeds/seed_apis.md and the Keras sources): <c>image_dataset_from_directory</c> and its kin draw a
/// seed from NumPy's global generator when none is given (<c>seed = np.random.randint(1e6)</c>);
/// <c>ImageDataGenerator.flow_from_directory</c> shuffles with <c>np.random.permutation</c>; <c>Dataset.shuffle</c>
/// without an op seed follows TensorFlow's global seed.
/// </summary>
internal static class KerasTraining
{
    private static readonly string[] KerasPrefixes = { "tensorflow.keras.", "keras.", "tf_keras.", "tensorflow.python.keras." };

    /// <summary>Loaders that shuffle by default (<c>shuffle=True</c>) and take <c>seed=</c>.</summary>
    private static readonly HashSet<string> DirectoryLoaders = new(StringComparer.Ordinal)
    {
        "image_dataset_from_directory", "text_dataset_from_directory", "audio_dataset_from_directory",
    };

    /// <summary>Loaders that shuffle only when asked (<c>shuffle=False</c> by default).</summary>
    private static readonly HashSet<string> ArrayLoaders = new(StringComparer.Ordinal) { "timeseries_dataset_from_array" };

    private static readonly HashSet<string> GeneratorFlows = new(StringComparer.Ordinal) { "flow_from_directory", "flow_from_dataframe" };

    public static bool ImportsTensorFlow(PythonModule m) => m.ImportsModule("tensorflow") || m.ImportsModule("keras") || m.ImportsModule("tf_keras");

    private static bool IsKeras(string qualifiedName) => KerasPrefixes.Any(p => qualifiedName.StartsWith(p, StringComparison.Ordinal));

    /// <summary><c>model.fit(...)</c> where <c>model</c> is compiled in the module or built by a Keras call.</summary>
    public static List<PyCall> Fits(PythonModule m)
    {
        var fits = new List<PyCall>();
        if (!ImportsTensorFlow(m)) return fits;
        HashSet<string>? models = null;
        foreach (var c in m.Calls)
        {
            if (!c.HasName("fit") || c.Receiver != null) continue;
            string receiver = ReceiverText(c);
            if (receiver.Length == 0) continue;
            models ??= KerasModels(m);
            if (models.Contains(receiver)) fits.Add(c);
        }
        return fits;
    }

    /// <summary><c>shuffle(1000)</c>, <c>shuffle(BUFFER_SIZE)</c>, <c>shuffle(buffer_size=len(x))</c>: a size, not an array
    /// to shuffle in place (<c>rng.shuffle(x)</c>).</summary>
    private static bool LooksLikeBufferSize(PyCall c)
    {
        if (c.Keyword("buffer_size") != null) return true;
        var first = c.Positional(0);
        if (first == null) return false;
        string t = first.ValueText.Trim();
        if (t.Length == 0) return false;
        if (char.IsDigit(t[0]) || t.IndexOf("buffer", StringComparison.OrdinalIgnoreCase) >= 0 || t.StartsWith("len(", StringComparison.Ordinal)) return true;
        return t.All(ch => char.IsUpper(ch) || char.IsDigit(ch) || ch == '_' || ch == '.') && t.Any(char.IsUpper);
    }

    private static string ReceiverText(PyCall c)
    {
        int dot = c.Callee.LastIndexOf('.');
        return dot <= 0 ? "" : c.Callee.Substring(0, dot);
    }

    /// <summary>Names the module compiles (<c>model.compile(...)</c>) or assigns a Keras call to (<c>model = keras.Sequential(...)</c>).</summary>
    private static HashSet<string> KerasModels(PythonModule m)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var kerasCallStarts = new HashSet<int>();
        foreach (var c in m.Calls)
        {
            if (c.HasName("compile") && c.Receiver == null && ReceiverText(c) is { Length: > 0 } r) names.Add(r);
            if (IsKeras(c.QualifiedName)) kerasCallStarts.Add(c.Start);
        }
        foreach (var a in m.Assignments)
        {
            if (kerasCallStarts.Contains(a.ValueStart)) names.Add(a.Target);
        }
        return names;
    }

    /// <summary>A loader call that shuffles without a seed, and the generator its order comes from; None otherwise.</summary>
    public static Rng ShufflesUnseeded(PyCall c, bool importsTensorFlow, bool importsDatasets)
    {
        if (!importsTensorFlow || c.HasStarStarKwargs || c.Keyword("seed") is { Literal: not PyLiteralKind.NoneValue }) return Rng.None;
        string name = c.Name;
        var shuffle = c.Keyword("shuffle");
        if (DirectoryLoaders.Contains(name) && IsKeras(c.QualifiedName))
        {
            return shuffle is { Literal: PyLiteralKind.False } ? Rng.None : Rng.NumPy;
        }
        if (ArrayLoaders.Contains(name) && IsKeras(c.QualifiedName))
        {
            return shuffle is { Literal: PyLiteralKind.True } ? Rng.NumPy : Rng.None;
        }
        if (GeneratorFlows.Contains(name) && c.Callee.IndexOf('.') > 0)
        {
            return shuffle is { Literal: PyLiteralKind.False } ? Rng.None : Rng.NumPy;
        }
        // tf.data: ds.shuffle(buffer_size) (not numpy's or random's shuffle, an explicit generator's, nor a Hugging Face dataset's)
        if (c.HasName("shuffle") && !importsDatasets && c.Callee.IndexOf('.') > 0 && c.Positional(1) == null
            && (c.QualifiedName.StartsWith("tensorflow.", StringComparison.Ordinal) || LooksLikeBufferSize(c)))
        {
            return Rng.TensorFlow;
        }
        return Rng.None;
    }
}
