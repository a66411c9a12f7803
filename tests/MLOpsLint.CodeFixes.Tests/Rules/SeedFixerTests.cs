using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Analyzers.Tests.Rules;
using MLOpsLint.Analyzers.Tests.Support;
using MLOpsLint.CodeFixes.Rules;

namespace MLOpsLint.CodeFixes.Tests.Rules;

/// <summary>MLO307 (add <c>seed: 0</c>) and MLO308 (<c>new Random()</c> → <c>new Random(0)</c>), with the stubs
/// resolving and without.</summary>
public class SeedFixerTests
{
    private static CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier> Test<TAnalyzer, TFixer>(
        bool resolves, string source, string fixedSource)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFixer : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = source,
            FixedCode = fixedSource,
        };
        if (resolves) SeedStubs.AddStubs(test.TestState);
        else test.CompilerDiagnostics = CompilerDiagnostics.None;
        if (resolves) SeedStubs.AddStubs(test.FixedState);
        return test;
    }

    private static string Operation(string call) => $$"""
        using Microsoft.ML;

        class Training
        {
            void Run(IDataView data, IEstimator<ITransformer> estimator)
            {
                var ml = new MLContext();
                var result = {{call}};
            }
        }
        """;

    public static TheoryData<string, string, bool> OperationFixes()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var resolves in new[] { true, false })
        {
            data.Add("ml.Data.[|TrainTestSplit(data)|]", "ml.Data.TrainTestSplit(data, seed: 0)", resolves);
            data.Add("ml.Data.[|TrainTestSplit(data, testFraction: 0.2)|]", "ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 0)", resolves);
            data.Add("ml.Data.[|TrainTestSplit(data, 0.2, null, null)|]", "ml.Data.TrainTestSplit(data, 0.2, null, 0)", resolves);
            data.Add("ml.Data.[|ShuffleRows(data, seed: null)|]", "ml.Data.ShuffleRows(data, seed: 0)", resolves);
            data.Add("ml.Data.[|ShuffleRows(data, /* none */ null)|]", "ml.Data.ShuffleRows(data, /* none */ 0)", resolves);
            data.Add("ml.BinaryClassification.[|CrossValidate(data, estimator, numberOfFolds: 3)|]", "ml.BinaryClassification.CrossValidate(data, estimator, numberOfFolds: 3, seed: 0)", resolves);
            data.Add("ml.Recommendation().[|CrossValidate(data, estimator)|]", "ml.Recommendation().CrossValidate(data, estimator, seed: 0)", resolves);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OperationFixes))]
    public Task MLO307_adds_seed_zero(string call, string fixedCall, bool resolves) =>
        Test<UnseededMLNetOperationAnalyzer, UnseededMLNetOperationFixer>(resolves, Operation(call), Operation(fixedCall)).RunAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task MLO307_fix_all_in_every_document(bool resolves)
    {
        var test = Test<UnseededMLNetOperationAnalyzer, UnseededMLNetOperationFixer>(resolves,
            """
            using Microsoft.ML;

            class A
            {
                private readonly MLContext ml = new MLContext();

                void Run(IDataView data)
                {
                    ml.Data.[|ShuffleRows(data)|];
                    ml.Data.[|CrossValidationSplit(data, 5)|];
                    ml.Data.TrainTestSplit(data, seed: 3);
                }
            }
            """,
            """
            using Microsoft.ML;

            class A
            {
                private readonly MLContext ml = new MLContext();

                void Run(IDataView data)
                {
                    ml.Data.ShuffleRows(data, seed: 0);
                    ml.Data.CrossValidationSplit(data, 5, seed: 0);
                    ml.Data.TrainTestSplit(data, seed: 3);
                }
            }
            """);
        test.TestState.Sources.Add("""
            using Microsoft.ML;

            class B
            {
                void Run(IDataView data) => new MLContext().Data.[|BootstrapSample(data)|];
            }
            """);
        test.FixedState.Sources.Add("""
            using Microsoft.ML;

            class B
            {
                void Run(IDataView data) => new MLContext().Data.BootstrapSample(data, seed: 0);
            }
            """);
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        return test.RunAsync();
    }

    private static string RandomFile(string expression, bool resolves) => $$"""
        {{(resolves ? "using System;" : "")}}
        using Microsoft.ML;

        class Training
        {
            object Rng() => {{expression}};
            Random field = {{expression.Replace("new Random", "new").Replace("new System.Random", "new")}};
        }
        """;

    [Theory]
    [InlineData("[|new Random()|]", "new Random(0)", true)]
    [InlineData("[|new Random()|]", "new Random(0)", false)]
    [InlineData("[|new System.Random( )|]", "new System.Random(0)", true)]
    [InlineData("[|new Random(/* seed */)|]", "new Random(/* seed */0)", false)]
    public Task MLO308_seeds_with_zero(string expression, string fixedExpression, bool resolves) =>
        Test<UnseededRandomAnalyzer, UnseededRandomFixer>(resolves, RandomFile(expression, resolves), RandomFile(fixedExpression, resolves)).RunAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task MLO308_fix_all_and_no_fix_for_Random_Shared(bool resolves)
    {
        string usingSystem = resolves ? "using System;" : "";
        var test = Test<UnseededRandomAnalyzer, UnseededRandomFixer>(resolves,
            $$"""
            {{usingSystem}}
            using TorchSharp;

            class Training
            {
                Random a = [|new Random()|];
                Random b = [|new()|];
                Random c = new(5);
                object d = [|new Random|] { };
                int e = {|#0:Random.Shared|}.Next();
            }
            """,
            $$"""
            {{usingSystem}}
            using TorchSharp;

            class Training
            {
                Random a = new Random(0);
                Random b = new(0);
                Random c = new(5);
                object d = new Random(0) { };
                int e = {|#0:Random.Shared|}.Next();
            }
            """);
        var shared = new DiagnosticResult(UnseededRandomAnalyzer.Rule).WithLocation(0).WithArguments(UnseededRandomAnalyzer.SharedMessage);
        test.ExpectedDiagnostics.Add(shared);
        test.FixedState.ExpectedDiagnostics.Add(shared);
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        return test.RunAsync();
    }
}
