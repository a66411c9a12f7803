using MLOpsLint.Cli.CSharp;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;

namespace MLOpsLint.Cli.Tests.CSharp;

/// <summary>The CLI analyzes only files that contain an analyzer's keywords, but compiles every file: what
/// another file declares (a global using, a user type) still counts.</summary>
public class KeywordPrefilterTests
{
    private static string[] Run(params (string Path, string Text)[] files) =>
        new Linter(new ICheck[] { new RoslynCheck() })
            .Run(new RepositorySnapshot(files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray()), LintConfig.Default)
            .Findings.Where(f => f.RuleId.StartsWith("MLO30", StringComparison.Ordinal))
            .Select(f => $"{f.RuleId} {f.Path}:{f.Span.StartLine}")
            .ToArray();

    [Fact]
    public void A_global_using_in_a_file_without_keywords_still_applies()
    {
        var findings = Run(
            ("GlobalUsings.cs", "global using Microsoft.ML;\n"),
            ("Train.cs", "class T { object C() => new MLContext(); }\n"),
            ("Other.cs", "class O { int F(int x) => x + 1; }\n"));
        Assert.Equal(new[] { "MLO303 Train.cs:1" }, findings);
    }

    [Fact]
    public void A_user_type_declared_in_a_file_without_keywords_still_silences_the_fallback()
    {
        var findings = Run(
            ("Types.cs", "namespace My { public sealed class MLContext { } }\n"),
            ("Train.cs", "using Microsoft.ML;\nusing My;\nclass T { object C() => new MLContext(); }\n"));
        Assert.Empty(findings);
    }

    [Fact]
    public void A_compilation_end_rule_runs_when_its_keyword_appears_and_only_then()
    {
        const string training = "using TorchSharp;\nusing static TorchSharp.torch;\nclass T { void Fit(optim.Optimizer o, Tensor loss) { loss.backward(); o.step(); } }\n";
        Assert.Contains(Run(("Train.cs", training)), f => f.StartsWith("MLO309", StringComparison.Ordinal));
        Assert.Empty(Run(("Plain.cs", "class P { void Fit(dynamic o, dynamic loss) { loss.backward(); o.step(); } }\n")));
    }
}
