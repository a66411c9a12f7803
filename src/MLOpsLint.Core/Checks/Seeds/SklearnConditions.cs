using System.Globalization;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// scikit-learn callables whose <c>random_state</c> only matters for some settings, as their documentation says
/// (scikit-learn 1.2). A setting given as a variable (not a literal) is taken as "random_state does not matter":
/// the linter cannot know, and a rule that guesses wrong gets turned off. Everything not listed here always
/// uses its <c>random_state</c>. Documented on rules/MLO301.md.
/// </summary>
public static class SklearnConditions
{
    private delegate bool Condition(PyCall call, out string? setting);

    private static readonly Dictionary<string, Condition> ByName = Build();

    /// <summary>Callables never reported: abstract bases, a plotting class whose random_state only thins ICE
    /// lines, and a test utility.</summary>
    private static readonly HashSet<string> Never = new(StringComparer.Ordinal)
    {
        "BaseDecisionTree", "BaseRandomProjection", "BaseShuffleSplit", "PartialDependenceDisplay", "set_random_state",
    };

    /// <summary>True when, with the arguments of <paramref name="call"/>, <paramref name="callable"/> draws random
    /// numbers; <paramref name="setting"/> names the argument that makes it so (<c>shuffle=True</c>), if any.</summary>
    public static bool RandomStateMatters(SklearnCallable callable, PyCall call, out string? setting)
    {
        setting = null;
        if (Never.Contains(callable.Name)) return false;
        return !ByName.TryGetValue(callable.Name, out var condition) || condition(call, out setting);
    }

    /// <summary>Names with a condition (for the docs test).</summary>
    public static IEnumerable<string> ConditionalNames => ByName.Keys.Concat(Never);

    private static Dictionary<string, Condition> Build()
    {
        var d = new Dictionary<string, Condition>(StringComparer.Ordinal);
        void Add(Condition c, params string[] names)
        {
            foreach (var n in names) d[n] = c;
        }

        // Splitters: "random_state ... only used when shuffle is True" (KFold, StratifiedKFold, StratifiedGroupKFold).
        Add(OnlyIf("shuffle", null, "True"), "KFold", "StratifiedKFold");
        Add(OnlyIf("shuffle", 1, "True"), "StratifiedGroupKFold");
        // learning_curve and the shuffle-able dataset fetchers: shuffle defaults to False.
        Add(OnlyIf("shuffle", null, "True"), "learning_curve", "fetch_covtype", "fetch_kddcup99", "fetch_rcv1");
        // train_test_split shuffles unless shuffle=False.
        Add(UnlessIn("shuffle", null, "False"), "train_test_split");
        // SGD and friends: "Used for shuffling the data, when shuffle is set to True" (default True).
        Add(UnlessIn("shuffle", null, "False"), "SGDClassifier", "SGDRegressor", "PassiveAggressiveClassifier", "PassiveAggressiveRegressor", "Perceptron");
        Add(UnlessIn("shuffle", 4, "False"), "SGDOneClassSVM");
        // LogisticRegression(CV): "Used when solver == 'sag', 'saga' or 'liblinear' to shuffle the data" (default lbfgs).
        Add(OnlyIf("solver", null, "sag", "saga", "liblinear"), "LogisticRegression", "LogisticRegressionCV");
        // Ridge: "Used when solver == 'sag' or 'saga' to shuffle the data" (default auto).
        Add(OnlyIf("solver", null, "sag", "saga"), "Ridge", "RidgeClassifier", "ridge_regression");
        // SVC/NuSVC: "Ignored when probability is False" (default False).
        Add(OnlyIf("probability", null, "True"), "SVC", "NuSVC");
        // LinearSVC/LinearSVR: random only for the dual coordinate descent (dual=True, the 1.2 default).
        Add(UnlessIn("dual", null, "False", "auto"), "LinearSVC", "LinearSVR");
        // Coordinate descent: "Used when selection == 'random'" (default cyclic).
        Add(OnlyIf("selection", null, "random"), "ElasticNet", "Lasso", "MultiTaskElasticNet", "MultiTaskLasso",
            "ElasticNetCV", "LassoCV", "MultiTaskElasticNetCV", "MultiTaskLassoCV");
        // Lars/LassoLars: random noise only when jitter is set.
        Add(IfNumber("jitter"), "Lars", "LassoLars");
        // PCA: "Used when the 'arpack' or 'randomized' solvers are used" (default auto).
        Add(OnlyIf("svd_solver", null, "arpack", "randomized"), "PCA");
        Add(OnlyIf("eigen_solver", null, "arpack", "randomized"), "KernelPCA");
        Add(OnlyIf("eigen_solver", null, "arpack"), "LocallyLinearEmbedding", "locally_linear_embedding");
        // DummyClassifier: "when strategy='stratified' or strategy='uniform'" (default prior).
        Add(OnlyIf("strategy", null, "stratified", "uniform"), "DummyClassifier");
        // Gaussian processes: the generator only draws restarts of the optimizer (default 0 restarts).
        Add(IfNumber("n_restarts_optimizer", v => v > 0), "GaussianProcessRegressor", "GaussianProcessClassifier");
        // IterativeImputer: random only with n_nearest_features, imputation_order='random' or sample_posterior=True.
        Add(Any(IfNumber("n_nearest_features"), OnlyIf("imputation_order", null, "random"), OnlyIf("sample_posterior", null, "True")), "IterativeImputer");
        // Subsampling only when asked for (and only above the subsample size).
        Add(IfNumber("subsample"), "KBinsDiscretizer", "QuantileTransformer", "quantile_transform");
        Add(IfNumber("sample_size"), "silhouette_score");
        Add(IfNumber("max_patches"), "extract_patches_2d", "PatchExtractor");
        // NCA: "used to initialize the random transformation if init='random'".
        Add(OnlyIf("init", null, "random"), "NeighborhoodComponentsAnalysis");
        // Chains: "If order='random', determines random number generation for the chain order".
        Add(OnlyIf("order", null, "random"), "ClassifierChain", "RegressorChain");
        // k-means: random initialisation unless the centers are given as an array.
        Add(InitIsNotAnArray, "KMeans", "MiniBatchKMeans", "BisectingKMeans", "k_means");
        return d;
    }

    /// <summary>The argument for <paramref name="name"/>: keyword, or positional at <paramref name="position"/>.</summary>
    public static PyArgument? Argument(PyCall call, string name, int? position)
    {
        var k = call.Keyword(name);
        if (k != null) return k;
        if (position is int p)
        {
            var a = call.Positional(p);
            if (a != null && a.Kind == PyArgumentKind.Positional) return a;
        }
        return null;
    }

    /// <summary>The literal value of an argument as Python would print it (strings decoded, True/False/None,
    /// numbers as written), or null when it is not a literal.</summary>
    public static string? LiteralValue(PyArgument a) => a.Literal switch
    {
        PyLiteralKind.String => a.StringValue,
        PyLiteralKind.True => "True",
        PyLiteralKind.False => "False",
        PyLiteralKind.NoneValue => "None",
        PyLiteralKind.Number => a.ValueText.Trim(),
        _ => null,
    };

    /// <summary>Random only when the argument is one of <paramref name="values"/> (absent: not random).</summary>
    private static Condition OnlyIf(string name, int? position, params string[] values) =>
        (PyCall call, out string? setting) =>
        {
            setting = null;
            var a = Argument(call, name, position);
            if (a == null || LiteralValue(a) is not string v || !values.Contains(v)) return false;
            setting = name + "=" + a.ValueText.Trim();
            return true;
        };

    /// <summary>Random unless the argument is one of <paramref name="values"/> (absent: random; a variable: not reported).</summary>
    private static Condition UnlessIn(string name, int? position, params string[] values) =>
        (PyCall call, out string? setting) =>
        {
            setting = null;
            var a = Argument(call, name, position);
            if (a == null) return true;
            if (LiteralValue(a) is not string v || values.Contains(v)) return false;
            setting = name + "=" + a.ValueText.Trim();
            return true;
        };

    /// <summary>Random only when the argument is a number literal (that satisfies <paramref name="predicate"/>).</summary>
    private static Condition IfNumber(string name, Func<double, bool>? predicate = null) =>
        (PyCall call, out string? setting) =>
        {
            setting = null;
            var a = call.Keyword(name);
            if (a == null || a.Literal != PyLiteralKind.Number) return false;
            if (predicate != null && !(double.TryParse(a.ValueText.Trim().Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && predicate(v)))
            {
                return false;
            }
            setting = name + "=" + a.ValueText.Trim();
            return true;
        };

    private static Condition Any(params Condition[] conditions) =>
        (PyCall call, out string? setting) =>
        {
            foreach (var c in conditions)
            {
                if (c(call, out setting)) return true;
            }
            setting = null;
            return false;
        };

    private static bool InitIsNotAnArray(PyCall call, out string? setting)
    {
        setting = null;
        var a = call.Keyword("init");
        return a == null || a.Literal == PyLiteralKind.String;
    }
}
