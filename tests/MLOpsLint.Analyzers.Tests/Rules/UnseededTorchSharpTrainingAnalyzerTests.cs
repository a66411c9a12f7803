using MLOpsLint.Analyzers.Rules;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>MLO309, each case with TorchSharp resolving (semantic model) and without (syntax fallback, as in the CLI).</summary>
public class UnseededTorchSharpTrainingAnalyzerTests
{
    private static Task Verify(bool resolves, params string[] sources) =>
        SeedStubs.Create<UnseededTorchSharpTrainingAnalyzer>(resolves, sources).RunAsync();

    private const string Trainer = """
        using TorchSharp;
        using static TorchSharp.torch;

        class Trainer
        {
            public void Train(nn.Module model, int epochs)
            {
                var optimizer = torch.optim.{|#0:Adam(model.parameters(), 0.001)|};
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    optimizer.zero_grad();
                    var loss = model.parameters() is null ? torch.randn(1) : torch.randn(1).mean();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    private static Task VerifyTrainer(bool resolves, string? otherFile, bool fires)
    {
        var test = SeedStubs.Create<UnseededTorchSharpTrainingAnalyzer>(resolves, Trainer);
        if (otherFile != null) test.TestState.Sources.Add(otherFile);
        if (fires) test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(UnseededTorchSharpTrainingAnalyzer.Rule).WithLocation(0));
        return test.RunAsync();
    }

    private static string Program(string statement) => $$"""
        using TorchSharp;
        using static TorchSharp.torch;

        static class Program
        {
            static void Main(int seed)
            {
                {{statement}}
                new Trainer().Train(null, 3);
            }
        }
        """;

    public static TheoryData<string, bool> Seeds => SeedStubs.BothWays(
        "torch.random.manual_seed(42);",
        "torch.manual_seed(seed);",
        "random.manual_seed(0);",
        "manual_seed(1);",
        "TorchSharp.torch.random.manual_seed(7);");

    public static TheoryData<string, bool> NotSeeds => SeedStubs.BothWays(
        "var unrelated = seed + 1;",
        "torch.seed();");

    [Theory]
    [MemberData(nameof(Seeds))]
    public Task A_seed_anywhere_in_the_compilation_silences_the_rule(string seedCall, bool resolves) =>
        VerifyTrainer(resolves, Program(seedCall), fires: false);

    [Theory]
    [MemberData(nameof(NotSeeds))]
    public Task Fires_on_the_first_training_call_when_nothing_seeds(string statement, bool resolves) =>
        VerifyTrainer(resolves, Program(statement), fires: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Fires_without_a_second_file(bool resolves) => VerifyTrainer(resolves, null, fires: true);

    [Fact]
    public Task Seeding_a_Generator_does_not_seed_the_global_generator() =>
        VerifyTrainer(true, Program("var g = new torch.Generator().manual_seed(42);"), fires: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Each_file_gets_its_first_training_call(bool resolves) => Verify(resolves,
        """
        using TorchSharp;

        class A
        {
            void Step(torch.optim.Optimizer optimizer, torch.Tensor loss)
            {
                loss.[|backward()|];
                optimizer.step();
            }
        }
        """,
        """
        using static TorchSharp.torch;

        class B
        {
            void Step(optim.Optimizer optimizer) => optimizer.[|step()|];
        }
        """);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Inference_only_code_is_not_training(bool resolves) => Verify(resolves, """
        using TorchSharp;
        using static TorchSharp.torch;

        class Inference
        {
            Tensor Predict(nn.Module model) { model.train(); return torch.randn(1, 3).mean(); }
        }
        """);

    [Fact]
    public Task Look_alikes_outside_TorchSharp_files_are_not_training_without_references() => Verify(false, """
        class Simulation
        {
            void Run(World world, Tensor loss)
            {
                world.step();
                loss.backward();
                optim.Adam(null);
            }
        }
        """);

    [Fact]
    public Task User_types_with_step_and_backward_are_not_TorchSharp_with_references() => Verify(true, """
        using TorchSharp;

        class World { public void step() { } public void backward() { } }

        class Simulation
        {
            void Run(World world) { world.step(); world.backward(); }
        }
        """);
}
