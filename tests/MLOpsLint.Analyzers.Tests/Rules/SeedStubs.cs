using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MLOpsLint.Analyzers.Tests.Support;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>Stubs of the ML.NET and TorchSharp APIs MLO307–MLO309 look at (real names and signatures: ML.NET
/// from shared/testdata/seeds/mlnet_seed_apis.json, TorchSharp from its torch.random / torch.optim sources),
/// and tests that compile against them (semantic model) or against nothing (syntax fallback, as in the CLI).</summary>
public static class SeedStubs
{
    public const string MLNetProject = "Microsoft.ML";
    public const string TorchSharpProject = "TorchSharp";

    public const string MLNet = """
        using System.Collections.Generic;

        namespace Microsoft.ML
        {
            public interface IDataView { }
            public interface ITransformer { }
            public interface IEstimator<out TTransformer> where TTransformer : ITransformer { }
            public sealed class CrossValidationResult { }

            public sealed class MLContext
            {
                public MLContext(int? seed = null) { }
                public int? GpuDeviceId { get; set; }
                public DataOperationsCatalog Data { get; } = new DataOperationsCatalog();
                public BinaryClassificationCatalog BinaryClassification { get; } = new BinaryClassificationCatalog();
                public MulticlassClassificationCatalog MulticlassClassification { get; } = new MulticlassClassificationCatalog();
                public RegressionCatalog Regression { get; } = new RegressionCatalog();
                public ClusteringCatalog Clustering { get; } = new ClusteringCatalog();
                public RankingCatalog Ranking { get; } = new RankingCatalog();
            }

            public sealed class DataOperationsCatalog
            {
                public struct TrainTestData { }
                public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.1, string samplingKeyColumnName = null, int? seed = null) => default;
                public IReadOnlyList<TrainTestData> CrossValidationSplit(IDataView data, int numberOfFolds = 5, string samplingKeyColumnName = null, int? seed = null) => null;
                public IDataView ShuffleRows(IDataView input, int? seed = null, int shufflePoolSize = 1000, bool shuffleSource = false) => null;
                public IDataView BootstrapSample(IDataView input, int? seed = null, bool complement = false) => null;
            }

            public sealed class BinaryClassificationCatalog
            {
                public IReadOnlyList<CrossValidationResult> CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumnName = "Label", string samplingKeyColumnName = null, int? seed = null) => null;
                public IReadOnlyList<CrossValidationResult> CrossValidateNonCalibrated(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumnName = "Label", string samplingKeyColumnName = null, int? seed = null) => null;
            }

            public sealed class MulticlassClassificationCatalog
            {
                public IReadOnlyList<CrossValidationResult> CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumnName = "Label", string samplingKeyColumnName = null, int? seed = null) => null;
            }

            public sealed class RegressionCatalog
            {
                public IReadOnlyList<CrossValidationResult> CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumnName = "Label", string samplingKeyColumnName = null, int? seed = null) => null;
            }

            public sealed class RankingCatalog
            {
                public IReadOnlyList<CrossValidationResult> CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumnName = "Label", string rowGroupColumnName = "GroupId", int? seed = null) => null;
            }

            public sealed class ClusteringCatalog
            {
                public IReadOnlyList<CrossValidationResult> CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumnName = null, string featuresColumnName = null, string samplingKeyColumnName = null, int? seed = null) => null;
            }

            public sealed class RecommendationCatalog
            {
                public IReadOnlyList<CrossValidationResult> CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumnName = "Label", string samplingKeyColumnName = null, int? seed = null) => null;
            }

            public static class RecommendationExtensions
            {
                public static RecommendationCatalog Recommendation(this MLContext env) => new RecommendationCatalog();
            }
        }

        namespace Microsoft.ML.Data
        {
            public sealed class TextLoader { }
        }
        """;

    public const string TorchSharp = """
        using System.Collections.Generic;

        namespace TorchSharp
        {
            public static partial class torch
            {
                public static Generator manual_seed(long seed) => null;
                public static long seed() => 0;
                public static Tensor randn(params long[] size) => null;

                public class Generator
                {
                    public Generator(ulong seed = 0) { }
                    public Generator manual_seed(long seed) => this;
                }

                public class Tensor
                {
                    public void backward() { }
                    public Tensor mean() => this;
                }

                public static partial class random
                {
                    public static Generator manual_seed(long seed) => null;
                }

                public static partial class optim
                {
                    public abstract partial class Optimizer
                    {
                        public virtual Tensor step() => null;
                        public void zero_grad() { }
                    }

                    public static Modules.Adam Adam(IEnumerable<Modules.Parameter> parameters, double lr = 0.001) => null;
                    public static Modules.SGD SGD(IEnumerable<Modules.Parameter> parameters, double lr = 0.01) => null;
                }

                public static partial class nn
                {
                    public abstract class Module
                    {
                        public IEnumerable<Modules.Parameter> parameters() => null;
                        public void train() { }
                    }

                    public static Module Linear(long inputSize, long outputSize) => null;
                }
            }

            namespace Modules
            {
                public class Parameter : torch.Tensor { }
                public class Adam : torch.optim.Optimizer { }
                public class SGD : torch.optim.Optimizer { }
            }
        }
        """;

    /// <summary>Sources compiled with the ML.NET and TorchSharp stubs referenced (<paramref name="resolves"/>),
    /// or with nothing but .NET (the CLI's situation; compiler errors are then expected and ignored).</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create<TAnalyzer>(bool resolves, params string[] sources)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.Net80 };
        foreach (var source in sources) test.TestState.Sources.Add(source);
        if (resolves) AddStubs(test.TestState);
        else test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test;
    }

    /// <summary>Adds the two stub projects and references them from the test project.</summary>
    public static void AddStubs(SolutionState state)
    {
        state.AdditionalProjects[MLNetProject].Sources.Add(MLNet);
        state.AdditionalProjects[TorchSharpProject].Sources.Add(TorchSharp);
        state.AdditionalProjectReferences.Add(MLNetProject);
        state.AdditionalProjectReferences.Add(TorchSharpProject);
    }

    /// <summary>Each case twice: references resolving (semantic model) and not (syntax fallback).</summary>
    public static TheoryData<string, bool> BothWays(params string[] cases)
    {
        var data = new TheoryData<string, bool>();
        foreach (var c in cases)
        {
            data.Add(c, true);
            data.Add(c, false);
        }
        return data;
    }
}
