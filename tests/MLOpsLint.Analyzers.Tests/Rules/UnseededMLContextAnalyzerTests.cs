using Microsoft.CodeAnalysis.Testing;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Analyzers.Tests.Support;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>MLO303 with ML.NET referenced: the semantic model decides.</summary>
public class UnseededMLContextAnalyzerTests
{
    private static Task Verify(params string[] sources) =>
        AnalyzerTests.WithMLNet<UnseededMLContextAnalyzer>(sources).RunAsync();

    [Theory]
    [InlineData("new MLContext()")]
    [InlineData("new MLContext( )")]
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
            MLContext Create(int seed, int? maybeSeed) => [|{{creation}}|];
        }
        """);

    [Theory]
    [InlineData("new MLContext(42)")]
    [InlineData("new MLContext(seed: 1)")]
    [InlineData("new MLContext(seed)")]
    [InlineData("new MLContext(seed: seed)")]
    [InlineData("new MLContext(maybeSeed)")]
    [InlineData("new MLContext(maybeSeed ?? 7)")]
    [InlineData("new MLContext(default(int))")]
    [InlineData("new MLContext(seed: (int?)3)")]
    public Task Stays_silent_when_a_seed_is_given(string creation) => Verify($$"""
        using Microsoft.ML;

        class Training
        {
            MLContext Create(int seed, int? maybeSeed) => {{creation}};
        }
        """);

    [Fact]
    public Task Fires_without_using_when_the_name_is_qualified() => Verify("""
        class Training
        {
            object Create() => [|new Microsoft.ML.MLContext()|];
        }
        """);

    [Fact]
    public Task Reports_the_creation_without_its_object_initializer() => Verify("""
        using Microsoft.ML;

        class Training
        {
            MLContext Create() => [|new MLContext|] { GpuDeviceId = 0 };
            MLContext Seeded() => new MLContext(seed: 1) { GpuDeviceId = 0 };
        }
        """);

    [Fact]
    public Task Target_typed_new_fires_when_its_type_is_MLContext_and_no_seed_is_given() => Verify("""
        using System.Collections.Generic;
        using Microsoft.ML;

        class Training
        {
            private readonly MLContext field = [|new()|];
            private MLContext Property { get; } = [|new(seed: null)|];
            private readonly MLContext seeded = new(seed: 1);
            private readonly List<int> unrelated = new();
            private readonly System.Random random = new();

            void Run()
            {
                MLContext local = [|new()|];
                MLContext positional = new(42);
            }
        }
        """);

    [Fact]
    public Task A_user_type_also_named_MLContext_is_not_MLNet() => Verify(
        """
        namespace MyApp
        {
            using Microsoft.ML;

            class Training
            {
                object Create() => new MLContext();
                object Real() => [|new Microsoft.ML.MLContext()|];
            }
        }
        """,
        """
        namespace MyApp
        {
            public class MLContext { }
        }
        """);

    [Fact]
    public Task A_user_type_named_MLContext_in_another_namespace_is_not_MLNet() => Verify(
        """
        using Other;

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
    public Task Pragma_disables_the_rule()
    {
        var test = AnalyzerTests.WithMLNet<UnseededMLContextAnalyzer>("""
        using Microsoft.ML;

        class Training
        {
        #pragma warning disable MLO303
            MLContext Create() => new MLContext();
        #pragma warning restore MLO303
            MLContext After() => [|new MLContext()|];
        }
        """);
        // The framework's own check wraps the whole file in `#pragma warning disable`; this test has
        // its own `restore`, so that check does not apply.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task SuppressMessage_disables_the_rule() => Verify("""
        using System.Diagnostics.CodeAnalysis;
        using Microsoft.ML;

        class Training
        {
            [SuppressMessage("MLOps.MissingSeeds", "MLO303:MLContext created without a seed", Justification = "exploration")]
            MLContext Create() => new MLContext();

            MLContext Other() => [|new MLContext()|];
        }
        """);

    [Fact]
    public Task Generated_code_is_not_analyzed() => Verify("""
        // <auto-generated/>
        using Microsoft.ML;

        class Generated
        {
            MLContext Create() => new MLContext();
        }
        """);
}
