using Microsoft.CodeAnalysis;
using MLOpsLint.Analyzers.Rules;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>MLO307, each case with ML.NET resolving (semantic model) and without (syntax fallback, as in the CLI).</summary>
public class UnseededMLNetOperationAnalyzerTests
{
    private static Task Verify(bool resolves, params string[] sources) =>
        SeedStubs.Create<UnseededMLNetOperationAnalyzer>(resolves, sources).RunAsync();

    private static string InMethod(string body) => $$"""
        using System;
        using Microsoft.ML;

        class Training
        {
            void Run(IDataView data, IEstimator<ITransformer> estimator, int seed, int? maybeSeed, MLContext given, Func<MLContext> factory)
            {
        {{body}}
            }
        }
        """;

    public static TheoryData<string, bool> Unseeded => SeedStubs.BothWays(
        "var ml = new MLContext(); ml.Data.[|TrainTestSplit(data)|];",
        "var ml = new MLContext(); ml.Data.[|TrainTestSplit(data, testFraction: 0.2)|];",
        "var ml = new MLContext(); ml.Data.[|TrainTestSplit(data, 0.2, null, null)|];",
        "var ml = new MLContext(); ml.Data.[|TrainTestSplit(data, seed: null)|];",
        "var ml = new MLContext(seed: null); ml.Data.[|CrossValidationSplit(data, 5)|];",
        "MLContext ml = new(); ml.Data.[|ShuffleRows(data)|];",
        "var ml = new Microsoft.ML.MLContext(); ml.Data.[|BootstrapSample(data)|];",
        "new MLContext().Data.[|ShuffleRows(data)|];",
        "(new MLContext()).Data.[|ShuffleRows(data, seed: default)|];",
        "var ml = new MLContext(); ml.BinaryClassification.[|CrossValidate(data, estimator)|];",
        "var ml = new MLContext(); ml.BinaryClassification.[|CrossValidateNonCalibrated(data, estimator, numberOfFolds: 3)|];",
        "var ml = new MLContext(); ml.MulticlassClassification.[|CrossValidate(data, estimator, 5)|];",
        "var ml = new MLContext(); ml.Regression.[|CrossValidate(data, estimator, 5, \"Label\", null)|];",
        "var ml = new MLContext(); ml.Ranking.[|CrossValidate(data, estimator)|];",
        "var ml = new MLContext(); ml.Clustering.[|CrossValidate(data, estimator, 5, null, null, \"Key\")|];",
        "var ml = new MLContext(); ml.Recommendation().[|CrossValidate(data, estimator)|];",
        "var ml = new MLContext(); ml = new MLContext(null); ml.Data.[|TrainTestSplit(data)|];");

    public static TheoryData<string, bool> SeededOrUnknown => SeedStubs.BothWays(
        // The operation is seeded: positionally, by name, with a variable.
        "var ml = new MLContext(); ml.Data.TrainTestSplit(data, 0.2, null, 42);",
        "var ml = new MLContext(); ml.Data.TrainTestSplit(data, seed: 1);",
        "var ml = new MLContext(); ml.Data.TrainTestSplit(data, seed: seed);",
        "var ml = new MLContext(); ml.Data.TrainTestSplit(data, seed: maybeSeed);",
        "var ml = new MLContext(); ml.Data.ShuffleRows(data, 7);",
        "var ml = new MLContext(); ml.Data.ShuffleRows(data, seed);",
        "var ml = new MLContext(); ml.Clustering.CrossValidate(data, estimator, 5, null, null, null, 3);",
        "var ml = new MLContext(); ml.Recommendation().CrossValidate(data, estimator, seed: 3);",
        // The context is seeded.
        "var ml = new MLContext(seed: 1); ml.Data.TrainTestSplit(data);",
        "var ml = new MLContext(1); ml.BinaryClassification.CrossValidate(data, estimator);",
        "var ml = new MLContext(seed); ml.Data.ShuffleRows(data);",
        "MLContext ml = new(seed: 3); ml.Data.ShuffleRows(data);",
        "new MLContext(seed: 2).Data.ShuffleRows(data);",
        "var ml = new MLContext(); ml = new MLContext(seed: 5); ml.Data.TrainTestSplit(data);",
        // The context comes from somewhere the rule does not follow.
        "given.Data.TrainTestSplit(data);",
        "var ml = factory(); ml.Data.TrainTestSplit(data);",
        "var ml = given; ml.Data.TrainTestSplit(data);",
        "MLContext ml; ml = factory(); ml.Data.TrainTestSplit(data);",
        "var catalog = new MLContext().Data; catalog.TrainTestSplit(data);",
        // Not an operation that takes a seed.
        "var ml = new MLContext(); ml.Data.ToString();");

    [Theory]
    [MemberData(nameof(Unseeded))]
    public Task Fires_when_neither_the_operation_nor_its_context_is_seeded(string body, bool resolves) =>
        Verify(resolves, InMethod(body));

    [Theory]
    [MemberData(nameof(SeededOrUnknown))]
    public Task Stays_silent_when_a_seed_is_given_or_the_context_is_not_known_to_be_unseeded(string body, bool resolves) =>
        Verify(resolves, InMethod(body));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Fields_and_properties_of_the_same_class(bool resolves) => Verify(resolves, """
        using Microsoft.ML;

        class Unseeded
        {
            private readonly MLContext initialised = new MLContext();
            private readonly MLContext inConstructor;
            private MLContext Property { get; } = new();
            private MLContext Computed => new MLContext();

            public Unseeded() { inConstructor = new MLContext(seed: null); }

            void Run(IDataView data)
            {
                initialised.Data.[|TrainTestSplit(data)|];
                this.inConstructor.Data.[|ShuffleRows(data)|];
                Property.Data.[|CrossValidationSplit(data)|];
                Computed.Data.[|BootstrapSample(data)|];
            }
        }

        class Seeded
        {
            private readonly MLContext inConstructor;
            private readonly MLContext initialised = new MLContext(seed: 0);
            private readonly MLContext assignedLater = new MLContext();
            private readonly MLContext never;

            public Seeded(int seed)
            {
                inConstructor = new MLContext(seed: seed);
                assignedLater = new MLContext(1);
            }

            void Run(IDataView data, MLContext initialised)
            {
                inConstructor.Data.TrainTestSplit(data);
                this.initialised.Data.TrainTestSplit(data);
                initialised.Data.TrainTestSplit(data); // the parameter, not the field
                assignedLater.Data.TrainTestSplit(data);
                never.Data.TrainTestSplit(data);
            }
        }
        """);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Top_level_statements(bool resolves)
    {
        var test = SeedStubs.Create<UnseededMLNetOperationAnalyzer>(resolves, """
        using Microsoft.ML;

        var ml = new MLContext();
        IDataView data = null!;
        var split = ml.Data.[|TrainTestSplit(data, testFraction: 0.2)|];
        var seeded = new MLContext(seed: 0);
        var other = seeded.Data.TrainTestSplit(data, testFraction: 0.2);
        """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task A_local_shadows_the_field(bool resolves) => Verify(resolves, """
        using Microsoft.ML;

        class Training
        {
            private readonly MLContext ml = new MLContext(seed: 1);

            void Run(IDataView data)
            {
                var ml = new MLContext();
                ml.Data.[|TrainTestSplit(data)|];
            }

            void Other(IDataView data) => ml.Data.TrainTestSplit(data);
        }
        """);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task A_context_passed_by_ref_or_out_is_not_followed(bool resolves) => Verify(resolves, """
        using Microsoft.ML;

        class Training
        {
            static void Replace(ref MLContext ml) => ml = new MLContext(seed: 1);

            void Run(IDataView data)
            {
                var ml = new MLContext();
                Replace(ref ml);
                ml.Data.TrainTestSplit(data);
            }
        }
        """);

    [Fact]
    public Task User_types_with_the_same_member_names_are_not_MLNet_with_references() => Verify(true, """
        using Microsoft.ML;

        namespace MyApp
        {
            class MyData
            {
                public object TrainTestSplit(object data, double testFraction = 0.1, int? seed = null) => data;
                public object ShuffleRows(object data, int? seed = null) => data;
            }

            class MyContext
            {
                public MyData Data { get; } = new MyData();
            }

            class Training
            {
                void Run(IDataView data)
                {
                    var mine = new MyContext();
                    mine.Data.TrainTestSplit(data);
                    mine.Data.ShuffleRows(data);
                }
            }
        }
        """);

    [Fact]
    public Task User_types_with_the_same_member_names_are_not_MLNet_without_references() => Verify(false, """
        using Microsoft.ML;

        namespace MyApp
        {
            class Training
            {
                void Run(IDataView data)
                {
                    var mine = new MyContext();
                    mine.Data.TrainTestSplit(data);
                    Unknown typed = new();
                    typed.Data.ShuffleRows(data);
                }
            }
        }
        """);

    [Fact]
    public Task Without_references_a_user_type_named_MLContext_turns_the_fallback_off() => Verify(false,
        """
        using Microsoft.ML;

        class Training
        {
            void Run(IDataView data)
            {
                var ml = new MLContext();
                ml.Data.TrainTestSplit(data);
            }
        }
        """,
        """
        namespace Other { public class MLContext { } }
        """);

    [Fact]
    public Task Without_references_MLContext_needs_using_Microsoft_ML() => Verify(false, """
        class Training
        {
            void Run(object data)
            {
                var ml = new MLContext();
                ml.Data.TrainTestSplit(data);
                var qualified = new Microsoft.ML.MLContext();
                qualified.Data.[|TrainTestSplit(data)|];
            }
        }
        """);
}
