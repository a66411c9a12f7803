using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>The engine drops a rule's findings in files whose scope the rule does not judge (its catalog Scopes), so
/// checks do not decide on their own what a test or an example is.</summary>
public class RuleScopeTests
{
    private const string HubLoad = """
        from transformers import AutoModel

        model = AutoModel.from_pretrained("bert-base-uncased")
        """;

    private const string HomePath = "DATA = \"/home/alice/data/train.csv\"\n";

    private static IEnumerable<string> PathsWith(string rule, LintConfig config, params (string Path, string Text)[] files) =>
        Fixture.Scan(config, files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray())
            .Findings.Where(f => f.RuleId == rule).Select(f => f.Path).Distinct();

    [Fact]
    public void A_rule_reports_only_in_the_scopes_it_judges()
    {
        var paths = PathsWith("MLO213", LintConfig.Default,
            ("train.py", HubLoad), ("src/textkit/encoder.py", HubLoad), ("explore.ipynb", Notebook(HubLoad)),
            ("tests/test_encoder.py", HubLoad), ("examples/classify/test_pipeline.py", HubLoad), ("docs/quicktour.py", HubLoad),
            ("benchmarks/latency.py", HubLoad), ("src/textkit/testing.py", "import pytest\n" + HubLoad));
        Assert.Equal(new[] { "explore.ipynb", "src/textkit/encoder.py", "train.py" }, paths.OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Include_tests_adds_tests_to_a_rules_scopes_and_takes_them_away()
    {
        var files = new[] { ("tests/test_io.py", HomePath), ("examples/test_io.py", HomePath), ("load.py", HomePath) };
        Assert.Equal(new[] { "examples/test_io.py", "load.py" }, PathsWith("MLO501", LintConfig.Default, files).OrderBy(p => p, StringComparer.Ordinal));
        var withTests = new LintConfig
        {
            RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["MLO501"] = new(new Dictionary<string, object> { ["include-tests"] = true }),
            },
        };
        Assert.Equal(3, PathsWith("MLO501", withTests, files).Count());
    }

    [Fact]
    public void Path_scopes_from_configuration_apply_to_every_rule()
    {
        var config = new LintConfig
        {
            Scopes = new Core.Scope.ScopeSettings(null, new[] { (Core.Scope.FileScope.Example, new Glob("playground/**")) }),
        };
        Assert.Equal(new[] { "train.py" }, PathsWith("MLO213", config, ("playground/try_bert.py", HubLoad), ("train.py", HubLoad)));
        Assert.Equal(2, PathsWith("MLO213", LintConfig.Default, ("playground/try_bert.py", HubLoad), ("train.py", HubLoad)).Count());
    }

    private static string Notebook(string code) =>
        "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null, \"source\": "
        + System.Text.Json.JsonSerializer.Serialize(code.Split('\n').Select(l => l + "\n").ToArray())
        + "}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
}
