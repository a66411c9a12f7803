using Microsoft.CodeAnalysis.Testing;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Analyzers.Tests.Support;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>MLO303 when ML.NET does not resolve (the CLI compiles without references): syntax decides.</summary>
public class UnseededMLContextSyntaxFallbackTests
{
    private static Task Verify(params string[] sources) =>
        AnalyzerTests.WithoutMLNet<UnseededMLContextAnalyzer>(sources).RunAsync();

    [Theory]
    [InlineData("new MLContext()")]
    [InlineData("new MLContext(seed: null)")]
    [InlineData("new MLContext(null)")]
    [InlineData("new MLContext(default)")]
    [InlineData("new MLContext(default(int?))")]
    [InlineData("new MLContext((int?)null)")]
    [InlineData("new Microsoft.ML.MLContext()")]
    [InlineData("new global::Microsoft.ML.MLContext()")]
    public Task Fires_when_no_seed_is_given(string creation) => Verify($$"""
        using Microsoft.ML;

        class Training
        {
            MLContext Create(int seed) => [|{{creation}}|];
        }
        """);

    [Theory]
    [InlineData("new MLContext(42)")]
    [InlineData("new MLContext(seed: 1)")]
    [InlineData("new MLContext(seed)")]
    [InlineData("new MLContext(seed: seed)")]
    [InlineData("new MLContext(default(int))")]
    [InlineData("new Other.MLContext()")]
    public Task Stays_silent_when_a_seed_is_given_or_the_type_is_another(string creation) => Verify($$"""
        using Microsoft.ML;

        class Training
        {
            object Create(int seed) => {{creation}};
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

    [Fact]
    public Task Pragma_disables_the_rule()
    {
        var test = AnalyzerTests.WithoutMLNet<UnseededMLContextAnalyzer>("""
        using Microsoft.ML;

        class Training
        {
        #pragma warning disable MLO303
            object Create() => new MLContext();
        #pragma warning restore MLO303
            object After() => [|new MLContext()|];
        }
        """);
        // The framework's own check wraps the whole file in `#pragma warning disable`; this test has
        // its own `restore`, so that check does not apply.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        return test.RunAsync();
    }
}
