using MLOpsLint.Cli.CSharp;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Tests.CSharp;

/// <summary>MLO307–MLO309 through the CLI's <see cref="RoslynCheck"/>: in-memory .cs files compiled together
/// with no reference to ML.NET or TorchSharp, so every rule takes its syntax fallback.</summary>
public class SeedRulesCliTests
{
    private static IReadOnlyList<Finding> Findings(params (string Path, string Text)[] files)
    {
        var documents = files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray();
        var result = new Linter(new ICheck[] { new RoslynCheck() }).Run(new RepositorySnapshot(documents), LintConfig.Default);
        Assert.Empty(result.Diagnostics);
        return result.Findings.Where(f => RoslynCheck.AnalyzerRules.Contains(f.Rule)).ToList();
    }

    private static string[] Summary(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.RuleId} {f.Path}:{f.Span.StartLine}:{f.Span.StartColumn}").OrderBy(s => s, StringComparer.Ordinal).ToArray();

    private const string Training = """
        using Microsoft.ML;

        public class Training
        {
            private readonly MLContext ml = new MLContext();

            public void Run(IDataView data, IEstimator<ITransformer> estimator, MLContext given)
            {
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                var folds = ml.BinaryClassification.CrossValidate(data, estimator, numberOfFolds: 5, seed: 1);
                var other = given.Data.ShuffleRows(data);
                var rng = new Random();
                var fine = new Random(42);
            }
        }
        """;

    private const string Torch = """
        using TorchSharp;
        using static TorchSharp.torch;

        public class Trainer
        {
            public void Train(nn.Module model)
            {
                var optimizer = optim.Adam(model.parameters());
                for (int i = 0; i < 10; i++)
                {
                    optimizer.zero_grad();
                    var loss = torch.randn(1).mean();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        """;

    [Fact]
    public void Reports_the_three_rules_without_references()
    {
        var findings = Findings(("src/Training.cs", Training), ("src/Trainer.cs", Torch), ("README.md", "new Random()\n"));

        Assert.Equal(
            new[]
            {
                "MLO303 src/Training.cs:5:37",
                "MLO307 src/Training.cs:9:29",
                "MLO308 src/Training.cs:12:19",
                "MLO309 src/Trainer.cs:8:31",
            },
            Summary(findings));
        var mlo307 = Assert.Single(findings, f => f.RuleId == "MLO307");
        Assert.Equal(RuleCatalog.MLO307.Title, mlo307.Message);
        Assert.Equal(RuleCatalog.MLO307.Fix, mlo307.FixHint);
        Assert.Equal(Severity.Warning, mlo307.Severity);
        Assert.Equal(new SourceSpan(9, 29, 9, 68), mlo307.Span);
    }

    [Fact]
    public void A_seed_in_another_file_of_the_repository_silences_MLO309()
    {
        var findings = Findings(
            ("src/Trainer.cs", Torch),
            ("src/Program.cs", "using static TorchSharp.torch;\nrandom.manual_seed(42);\nnew Trainer().Train(null);\n"));

        Assert.DoesNotContain(findings, f => f.RuleId == "MLO309");
    }

    [Fact]
    public void Random_outside_ML_code_and_seeded_contexts_stay_silent()
    {
        var findings = Findings(
            ("src/Dice.cs", "public class Dice { public int Roll() => new Random().Next(6) + Random.Shared.Next(1); }\n"),
            ("src/Seeded.cs", """
                using Microsoft.ML;

                public class Seeded
                {
                    public object Split(IDataView data)
                    {
                        var ml = new MLContext(seed: 0);
                        return ml.Data.TrainTestSplit(data);
                    }
                }
                """));

        Assert.Empty(findings);
    }

    [Fact]
    public void Pragma_suppresses_MLO307_and_MLO308()
    {
        var findings = Findings(("Train.cs", """
            using Microsoft.ML;

            class Train
            {
                object A(IDataView data)
                {
            #pragma warning disable MLO303, MLO307, MLO308
                    var ml = new MLContext();
                    var r = new Random();
                    return ml.Data.ShuffleRows(data);
            #pragma warning restore MLO303, MLO307, MLO308
                }
            }
            """));

        Assert.Empty(findings);
    }
}
