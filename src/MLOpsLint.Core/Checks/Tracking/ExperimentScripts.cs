using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// Which training scripts and notebooks run experiments whose params and data are worth recording (MLO701, MLO702):
/// those of an application (a project, a service, research or competition code). Not a published library's scripts
/// (release, benchmark and integration-test tooling: its training code is its users'), and not a file whose name says it
/// measures speed or memory (<c>bench.py</c>, <c>profile_train.py</c>, <c>train_memory.py</c>) or teaches
/// (<c>chapter02_….ipynb</c>, <c>Keras - Tutorial - Happy House.ipynb</c>, <c>lesson3.ipynb</c>, a <c>homework/</c> folder) or
/// predicts (<c>predict.py</c>, <c>inference.py</c>): the scope model's
/// folders already make examples, tutorials and benchmarks out of scope; these are the same things by their file name.
/// </summary>
internal static class ExperimentScripts
{
    private static readonly string[] MeasuringWords = { "bench", "benchmark", "profile", "profiling", "speed", "throughput", "memory", "latency", "smoke" };

    private static readonly string[] TeachingWords = { "tutorial", "chapter", "lesson", "lecture", "exercise", "demo", "example", "walkthrough", "quickstart", "homework" };

    /// <summary>Words of a file name that say it predicts with a model made elsewhere (<c>predict.py</c>,
    /// <c>inference.py</c>, <c>serve.py</c>): unless the name also says it trains (<c>train_and_predict.py</c>). Whole
    /// words only: <c>make_predictions.py</c> often trains the model it predicts with.</summary>
    private static readonly string[] PredictingWords = { "predict", "inference", "infer", "serve", "serving" };

    private static readonly string[] TrainingWords = { "train", "fit", "finetune", "tune" };

    public static bool JudgedIn(RepositoryKind kind) => kind == RepositoryKind.Application;

    /// <summary>The reason a file is not an experiment by its name, or null.</summary>
    public static string? NotAnExperiment(string path)
    {
        int slash = path.LastIndexOf('/');
        string name = path.Substring(slash + 1);
        int dot = name.LastIndexOf('.');
        string stem = (dot > 0 ? name.Substring(0, dot) : name).ToLowerInvariant();
        var words = Words(stem).ToArray();
        foreach (var word in words)
        {
            if (MeasuringWords.Contains(word)) return "measures speed or memory";
            if (TeachingWords.Any(t => word.StartsWith(t, StringComparison.Ordinal))) return "teaches";
        }
        if (words.Any(PredictingWords.Contains) && !words.Any(w => TrainingWords.Any(t => w.StartsWith(t, StringComparison.Ordinal))))
            return "predicts with a model trained elsewhere";
        // a course's homework folder: a starter the students complete (the experiment-tracking homework's train.py leaves
        // out the tracking the students are asked to add) or their answers, not a project's experiments
        if (slash > 0 && Words(path.Substring(0, slash).ToLowerInvariant()).Any(w => w.StartsWith("homework", StringComparison.Ordinal))) return "teaches";
        return null;
    }

    /// <summary>Words of a file name: runs of letters (<c>chapter02_mathematical-building-blocks</c> → chapter, mathematical, building, blocks).</summary>
    private static IEnumerable<string> Words(string stem)
    {
        int i = 0;
        while (i < stem.Length)
        {
            while (i < stem.Length && !char.IsLetter(stem[i])) i++;
            int start = i;
            while (i < stem.Length && char.IsLetter(stem[i])) i++;
            if (i > start) yield return stem.Substring(start, i - start);
        }
    }
}
