using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Analyzers.Tests.Support;
using MLOpsLint.CodeFixes.Rules;

namespace MLOpsLint.CodeFixes.Tests.Rules;

public class UnseededMLContextFixerTests
{
    private static CSharpCodeFixTest<UnseededMLContextAnalyzer, UnseededMLContextFixer, DefaultVerifier> Test(
        string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<UnseededMLContextAnalyzer, UnseededMLContextFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.AdditionalProjects[TestReferences.MLNetProject].Sources.Add(TestReferences.MLNetStub);
        test.TestState.AdditionalProjectReferences.Add(TestReferences.MLNetProject);
        return test;
    }

    private static Task Verify(string source, string fixedSource) => Test(source, fixedSource).RunAsync();

    [Theory]
    [InlineData("new MLContext()", "new MLContext(seed: 0)")]
    [InlineData("new MLContext(seed: null)", "new MLContext(seed: 0)")]
    [InlineData("new MLContext(seed:null)", "new MLContext(seed:0)")]
    [InlineData("new MLContext(null)", "new MLContext(seed: 0)")]
    [InlineData("new MLContext(default)", "new MLContext(seed: 0)")]
    [InlineData("new MLContext(seed: (int?)null)", "new MLContext(seed: 0)")]
    [InlineData("new Microsoft.ML.MLContext()", "new Microsoft.ML.MLContext(seed: 0)")]
    public Task Adds_seed_zero(string creation, string fixedCreation) => Verify(
        $$"""
        using Microsoft.ML;

        class Training
        {
            MLContext Create() => [|{{creation}}|];
        }
        """,
        $$"""
        using Microsoft.ML;

        class Training
        {
            MLContext Create() => {{fixedCreation}};
        }
        """);

    [Fact]
    public Task Target_typed_new_gets_the_seed_too() => Verify(
        """
        using Microsoft.ML;

        class Training
        {
            private readonly MLContext ml = [|new()|];
        }
        """,
        """
        using Microsoft.ML;

        class Training
        {
            private readonly MLContext ml = new(seed: 0);
        }
        """);

    [Fact]
    public Task The_argument_list_goes_before_an_object_initializer() => Verify(
        """
        using Microsoft.ML;

        class Training
        {
            MLContext Create() => [|new MLContext|] { GpuDeviceId = 0 };
        }
        """,
        """
        using Microsoft.ML;

        class Training
        {
            MLContext Create() => new MLContext(seed: 0) { GpuDeviceId = 0 };
        }
        """);

    [Fact]
    public Task Comments_and_line_breaks_are_kept() => Verify(
        """
        using Microsoft.ML;

        class Training
        {
            MLContext Create() =>
                [|new MLContext( // context for training
                    seed: null /* was random */)|]; // keep
            MLContext Empty() => [|new MLContext(/* none */)|];
        }
        """,
        """
        using Microsoft.ML;

        class Training
        {
            MLContext Create() =>
                new MLContext( // context for training
                    seed: 0 /* was random */); // keep
            MLContext Empty() => new MLContext(/* none */seed: 0);
        }
        """);

    [Fact]
    public Task Fix_all_seeds_every_context_in_every_document()
    {
        var test = Test(
            """
            using Microsoft.ML;

            class Training
            {
                MLContext A() => [|new MLContext()|];
                MLContext B() => [|new MLContext(seed: null)|];
                MLContext C() => new MLContext(seed: 7);
            }
            """,
            """
            using Microsoft.ML;

            class Training
            {
                MLContext A() => new MLContext(seed: 0);
                MLContext B() => new MLContext(seed: 0);
                MLContext C() => new MLContext(seed: 7);
            }
            """);
        test.TestState.Sources.Add("""
            using Microsoft.ML;

            class Evaluation
            {
                MLContext ml = [|new()|];
            }
            """);
        test.FixedState.Sources.Add("""
            using Microsoft.ML;

            class Evaluation
            {
                MLContext ml = new(seed: 0);
            }
            """);
        test.NumberOfFixAllIterations = 1; // project and solution scope: everything at once
        test.NumberOfFixAllInDocumentIterations = 2; // one pass per document
        return test.RunAsync();
    }

    [Fact]
    public Task Works_when_MLNet_does_not_resolve()
    {
        var test = new CSharpCodeFixTest<UnseededMLContextAnalyzer, UnseededMLContextFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net80,
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = """
                using Microsoft.ML;

                class Training
                {
                    MLContext Create() => [|new MLContext(seed: null)|];
                }
                """,
            FixedCode = """
                using Microsoft.ML;

                class Training
                {
                    MLContext Create() => new MLContext(seed: 0);
                }
                """,
        };
        return test.RunAsync();
    }
}
