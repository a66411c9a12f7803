using Microsoft.CodeAnalysis.Testing;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Analyzers.Tests.Support;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>MLO303 with ML.NET referenced (the semantic model decides), and the cases shared with the syntax fallback.</summary>
public class UnseededMLContextAnalyzerTests
{
    private static Task Verify(params string[] sources) =>
        AnalyzerTests.WithMLNet<UnseededMLContextAnalyzer>(sources).RunAsync();

    /// <summary>Each case runs twice: with ML.NET resolving (semantic model) and without (syntax fallback).</summary>
    private static TheoryData<string, bool> BothWays(params string[] creations)
    {
        var data = new TheoryData<string, bool>();
        foreach (var creation in creations)
        {
            data.Add(creation, true);
            data.Add(creation, false);
        }
        return data;
    }

    public static TheoryData<string, bool> Unseeded => BothWays(
        "new MLContext()",
        "new MLContext( )",
        "new MLContext(seed: null)",
        "new MLContext(null)",
        "new MLContext(default)",
        "new MLContext(default(int?))",
        "new MLContext((int?)null)",
        "new Microsoft.ML.MLContext()",
        "new global::Microsoft.ML.MLContext()");

    public static TheoryData<string, bool> Seeded => BothWays(
        "new MLContext(42)",
        "new MLContext(seed: 1)",
        "new MLContext(seed)",
        "new MLContext(seed: seed)",
        "new MLContext(maybeSeed)",
        "new MLContext(maybeSeed ?? 7)",
        "new MLContext(default(int))",
        "new MLContext(seed: (int?)3)");

    [Theory]
    [MemberData(nameof(Unseeded))]
    public Task Fires_when_no_seed_is_given(string creation, bool mlNetResolves) => AnalyzerTests
        .Create<UnseededMLContextAnalyzer>(mlNetResolves, $$"""
            using Microsoft.ML;

            class Training
            {
                MLContext Create(int seed, int? maybeSeed) => [|{{creation}}|];
            }
            """)
        .RunAsync();

    [Theory]
    [MemberData(nameof(Seeded))]
    public Task Stays_silent_when_a_seed_is_given(string creation, bool mlNetResolves) => AnalyzerTests
        .Create<UnseededMLContextAnalyzer>(mlNetResolves, $$"""
            using Microsoft.ML;

            class Training
            {
                MLContext Create(int seed, int? maybeSeed) => {{creation}};
            }
            """)
        .RunAsync();

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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Pragma_disables_the_rule(bool mlNetResolves)
    {
        var test = AnalyzerTests.Create<UnseededMLContextAnalyzer>(mlNetResolves, """
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
