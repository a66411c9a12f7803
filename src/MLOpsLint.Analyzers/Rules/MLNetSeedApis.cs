using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// The ML.NET operations that take <c>int? seed = null</c> and fall back to the MLContext's generator when it
/// is omitted (MLO307). Source: <c>shared/testdata/seeds/mlnet_seed_apis.json</c>, a scan of
/// dotnet/machinelearning at commit cd2fbd617c13bcb98ec8b6554bfa20ac603e4572:
/// DataOperationsCatalog.cs:160/318/411/458, TrainCatalog.cs:249/274/473/553/623/714,
/// RecommenderCatalog.cs:135. (The scan attributes the catalog methods to the nested classes declared
/// just before them — TrainTestData, BinaryClassificationTrainers…; the methods belong to the catalogs named
/// here, as ML.NET's API docs show, e.g. <c>Microsoft.ML.DataOperationsCatalog.TrainTestSplit</c>,
/// <c>Microsoft.ML.BinaryClassificationCatalog.CrossValidate</c>.)
/// </summary>
internal static class MLNetSeedApis
{
    public const string SeedParameter = "seed";

    /// <summary>One operation: the catalog class (namespace Microsoft.ML), the MLContext member that returns
    /// the catalog (<c>Data</c>, <c>BinaryClassification</c>…, or the extension method <c>Recommendation()</c>),
    /// the method, and the zero-based position of its <c>seed</c> parameter.</summary>
    public sealed record Operation(string Catalog, string ContextMember, string Method, int SeedIndex);

    public static readonly IReadOnlyList<Operation> Operations = new Operation[]
    {
        // DataOperationsCatalog.TrainTestSplit(IDataView data, double testFraction = 0.1, string samplingKeyColumnName = null, int? seed = null)
        new("DataOperationsCatalog", "Data", "TrainTestSplit", 3),
        // DataOperationsCatalog.CrossValidationSplit(IDataView data, int numberOfFolds = 5, string samplingKeyColumnName = null, int? seed = null)
        new("DataOperationsCatalog", "Data", "CrossValidationSplit", 3),
        // DataOperationsCatalog.ShuffleRows(IDataView input, int? seed = null, int shufflePoolSize = …, bool shuffleSource = …)
        new("DataOperationsCatalog", "Data", "ShuffleRows", 1),
        // DataOperationsCatalog.BootstrapSample(IDataView input, int? seed = null, bool complement = …)
        new("DataOperationsCatalog", "Data", "BootstrapSample", 1),
        // *.CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumnName = …, string samplingKeyColumnName = null, int? seed = null)
        new("BinaryClassificationCatalog", "BinaryClassification", "CrossValidate", 5),
        new("BinaryClassificationCatalog", "BinaryClassification", "CrossValidateNonCalibrated", 5),
        new("MulticlassClassificationCatalog", "MulticlassClassification", "CrossValidate", 5),
        new("RegressionCatalog", "Regression", "CrossValidate", 5),
        // Ranking: (…, string labelColumnName = …, string rowGroupColumnName = …, int? seed = null)
        new("RankingCatalog", "Ranking", "CrossValidate", 5),
        // Clustering: (…, string labelColumnName = null, string featuresColumnName = null, string samplingKeyColumnName = null, int? seed = null)
        new("ClusteringCatalog", "Clustering", "CrossValidate", 6),
        // mlContext.Recommendation().CrossValidate(…, string samplingKeyColumnName = null, int? seed = null)
        new("RecommendationCatalog", "Recommendation", "CrossValidate", 5),
    };

    /// <summary>The methods' names, for a cheap first test on every invocation.</summary>
    public static readonly ISet<string> MethodNames = new HashSet<string>(Operations.Select(o => o.Method), StringComparer.Ordinal);

    public static Operation? BySymbol(IMethodSymbol method) =>
        method.ContainingType is { ContainingType: null } type
            && type.ContainingNamespace?.ToDisplayString() == MLContextSyntax.Namespace
            ? Operations.FirstOrDefault(o => o.Catalog == type.Name && o.Method == method.Name)
            : null;

    public static Operation? ByContextMember(string contextMember, string method) =>
        Operations.FirstOrDefault(o => o.ContextMember == contextMember && o.Method == method);

    /// <summary>The argument that passes the seed: <c>seed: x</c>, or else the positional argument at the
    /// seed's position (C# lets a named argument stand in its own position, so positional arguments before
    /// it are counted as written). Null when there is none.</summary>
    public static ArgumentSyntax? SeedArgument(ArgumentListSyntax arguments, int seedIndex)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == SeedParameter) return argument;
        }
        return seedIndex < arguments.Arguments.Count && arguments.Arguments[seedIndex].NameColon == null
            ? arguments.Arguments[seedIndex]
            : null;
    }
}
