using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Analyzers.Tests.Support;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>MLO303 when ML.NET does not resolve (the CLI compiles without references): syntax decides.</summary>
public class UnseededMLContextSyntaxFallbackTests
{
    private static Task Verify(params string[] sources) =>
        AnalyzerTests.WithoutMLNet<UnseededMLContextAnalyzer>(sources).RunAsync();

    // The seed cases run both ways in UnseededMLContextAnalyzerTests; here is what only the fallback decides.

    [Fact]
    public Task Another_namespace_written_out_is_not_MLNet() => Verify("""
        using Microsoft.ML;

        class Training
        {
            object Create() => new Other.MLContext();
        }
        """);

    [Fact]
    public Task Plain_MLContext_needs_using_Microsoft_ML() => Verify("""
        class Training
        {
            object Create() => new MLContext();
            object Qualified() => [|new Microsoft.ML.MLContext()|];
        }
        """);

    [Fact]
    public Task A_using_inside_the_namespace_counts() => Verify("""
        namespace MyApp
        {
            using Microsoft.ML;

            class Training
            {
                object Create() => [|new MLContext()|];
            }
        }
        """);

    [Fact]
    public Task A_global_using_in_another_file_counts() => Verify(
        """
        class Training
        {
            object Create() => [|new MLContext()|];
        }
        """,
        """
        global using Microsoft.ML;
        """);

    [Fact]
    public Task Aliased_and_static_usings_do_not_count() => Verify("""
        using ML = Microsoft.ML;
        using static Microsoft.ML;

        class Training
        {
            object Create() => new MLContext();
        }
        """);

    [Fact]
    public Task A_user_type_named_MLContext_anywhere_in_the_compilation_turns_the_fallback_off() => Verify(
        """
        using Microsoft.ML;

        class Training
        {
            object Create() => new MLContext();
            MLContext Typed() => new();
        }
        """,
        """
        namespace Other
        {
            public class MLContext { }
        }
        """);

    [Fact]
    public Task Target_typed_new_fires_when_the_declared_type_is_MLContext() => Verify("""
        using Microsoft.ML;

        class Training
        {
            private readonly MLContext field = [|new()|];
            private MLContext Property { get; } = [|new(seed: null)|];
            private readonly MLContext seeded = new(seed: 1);
            private readonly Unknown unrelated = new();

            void Run()
            {
                MLContext local = [|new()|];
                MLContext? nullable = [|new()|];
                MLContext positional = new(42);
            }
        }
        """);
}
