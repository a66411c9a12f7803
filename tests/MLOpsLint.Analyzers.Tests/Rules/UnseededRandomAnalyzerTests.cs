using MLOpsLint.Analyzers.Rules;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>MLO308. "Resolves" = <c>using System;</c> is written, so <c>Random</c> binds to System.Random and the
/// semantic model decides; otherwise <c>Random</c> comes from implicit usings the compilation does not see
/// (the CLI's situation) and the syntax fallback decides.</summary>
public class UnseededRandomAnalyzerTests
{
    private static Task Verify(bool resolves, params string[] sources) =>
        SeedStubs.Create<UnseededRandomAnalyzer>(resolves, sources).RunAsync();

    private static string MLFile(string body, bool resolves, string library = "using Microsoft.ML;") => $$"""
        {{(resolves ? "using System;" : "")}}
        {{library}}

        class Training
        {
            void Run(int seed)
            {
        {{body}}
            }
        }
        """;

    public static TheoryData<string, bool> Unseeded => SeedStubs.BothWays(
        "var r = [|new Random()|];",
        "var r = [|new System.Random()|];",
        "var r = [|new global::System.Random()|];",
        "Random r = [|new()|];",
        "Random? r = [|new()|];",
        "var r = [|new Random|] { };",
        "var x = {|#0:Random.Shared|}.Next();");

    public static TheoryData<string, bool> Seeded => SeedStubs.BothWays(
        "var r = new Random(42);",
        "var r = new Random(seed);",
        "var r = new System.Random(Seed: 1);",
        "Random r = new(7);",
        "var list = new System.Collections.Generic.List<int>();",
        "var shared = nameof(Random.Shared);".Replace("nameof(Random.Shared)", "\"Random.Shared\""));

    [Theory]
    [MemberData(nameof(Unseeded))]
    public Task Fires_in_MLNet_code(string body, bool resolves)
    {
        var test = SeedStubs.Create<UnseededRandomAnalyzer>(resolves, MLFile(body, resolves));
        if (body.Contains("{|#0:"))
        {
            test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(UnseededRandomAnalyzer.Rule)
                .WithLocation(0).WithArguments(UnseededRandomAnalyzer.SharedMessage));
        }
        return test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Unseeded))]
    public Task Fires_in_TorchSharp_code(string body, bool resolves)
    {
        var test = SeedStubs.Create<UnseededRandomAnalyzer>(resolves, MLFile(body, resolves, "using static TorchSharp.torch;"));
        if (body.Contains("{|#0:"))
        {
            test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(UnseededRandomAnalyzer.Rule)
                .WithLocation(0).WithArguments(UnseededRandomAnalyzer.SharedMessage));
        }
        return test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Seeded))]
    public Task Stays_silent_when_seeded(string body, bool resolves) => Verify(resolves, MLFile(body, resolves));

    [Theory]
    [MemberData(nameof(Unseeded))]
    public Task Stays_silent_outside_ML_code(string body, bool resolves) =>
        Verify(resolves, MLFile(body.Replace("[|", "").Replace("|]", "").Replace("{|#0:", "").Replace("|}", ""), resolves, "using System.Linq;"));

    [Theory]
    [InlineData(true, "using TorchSharp;")]
    [InlineData(true, "using Microsoft.ML.Data;")]
    [InlineData(true, "using ML = Microsoft.ML;")]
    [InlineData(false, "using TorchSharp.Modules;")]
    [InlineData(false, "using static TorchSharp.torch.nn;")]
    public Task Any_using_of_the_libraries_makes_ML_code(bool resolves, string library) =>
        Verify(resolves, MLFile("var r = [|new Random()|];", resolves, library));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task A_name_written_out_makes_ML_code(bool resolves) => Verify(resolves, $$"""
        {{(resolves ? "using System;" : "")}}

        class Training
        {
            object Context() => new Microsoft.ML.MLContext(seed: 1);
            object Tensor() => TorchSharp.torch.randn(3);
            Random Rng() => [|new Random()|];
        }
        """);

    [Fact]
    public Task A_global_using_in_another_file_makes_ML_code() => Verify(true,
        """
        using System;

        class Training
        {
            Random Rng() => [|new()|];
        }
        """,
        "global using Microsoft.ML;");

    [Fact]
    public Task A_user_type_named_Random_is_not_System_Random() => Verify(true,
        """
        using Microsoft.ML;
        using MyApp;

        class Training
        {
            object A() => new Random();
            object B() => Random.Shared;
            object C() => [|new System.Random()|];
        }
        """,
        """
        namespace MyApp
        {
            public class Random { public static Random Shared { get; } = new Random(); }
        }
        """);

    [Fact]
    public Task Without_references_a_user_type_named_Random_turns_the_fallback_off() => Verify(false,
        """
        using Microsoft.ML;

        class Training
        {
            object A() => new Random();
            object B() => Random.Shared;
        }
        """,
        """
        namespace MyApp { public class Random { } }
        """);
}
