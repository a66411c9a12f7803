using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Scope;
using MLOpsLint.Tests.Shared;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>
/// The engine asks a Python module's content for its scope (which parses it) only when a selected rule judges some of
/// the scopes content decides and not others. A history scan's committed-data and credential rules judge every scope,
/// so a history of 25,000 Python blobs parses none to ask; the hardcoded-path rules leave tests out, so they do ask.
/// </summary>
public class ContentScopeOnDemandTests
{
    private const string Helper = "import numpy as np\n\n\ndef scale(x):\n    return np.asarray(x) * 2\n";

    private static (LintResult Result, ScopeModel Scopes) Scan(params string[] select)
    {
        var documents = new[]
        {
            SourceDocument.FromText("pkg/util.py", Helper),
            SourceDocument.FromText("pkg/keys.py", $"TOKEN = \"{FakeSecrets.HuggingFace()}\"\n"),
            SourceDocument.FromText("tests/test_util.py", "from pkg.util import scale\n\n\ndef test_scale():\n    assert scale(1) == 2\n"),
        };
        var config = new LintConfig { Select = select };
        var scopes = ScopeModel.For(documents, config.Scopes);
        var result = new Linter().Run(new RepositorySnapshot(documents), config, maxParallelism: 1, scopes: scopes);
        return (result, scopes);
    }

    private static string[] Decided(ScopeModel scopes) => scopes.Verdicts.Select(kv => kv.Key).ToArray();

    [Fact]
    public void Rules_that_judge_every_scope_parse_no_module_to_place_it()
    {
        var (result, scopes) = Scan("MLO1", "MLO4");
        // the credential in pkg/keys.py is reported (and its scope asked, to judge the finding); the helper module is not parsed
        Assert.Contains(result.Findings, f => f.RuleId == "MLO401" && f.Path == "pkg/keys.py");
        Assert.DoesNotContain("pkg/util.py", Decided(scopes));
        // a path decides the test without reading it
        Assert.Equal(FileScope.Test, scopes.Verdicts.Single(kv => kv.Key == "tests/test_util.py").Value.Scope);
    }

    [Fact]
    public void A_rule_that_leaves_tests_out_asks_the_content()
    {
        var (_, scopes) = Scan("MLO5");
        var verdict = scopes.Verdicts.Single(kv => kv.Key == "pkg/util.py").Value;
        Assert.Equal(FileScope.Library, verdict.Scope);
        Assert.Equal("a module with no entry point", verdict.Reason);
    }

    [Fact]
    public void The_findings_are_those_of_a_scan_that_places_every_module()
    {
        // the same credential scan, once with the path rules also selected (every module placed by its content)
        var alone = Scan("MLO4").Result.Findings.Select(f => (f.RuleId, f.Path, f.Span.StartLine));
        var placed = Scan("MLO4", "MLO5").Result.Findings.Where(f => f.RuleId.StartsWith("MLO4", StringComparison.Ordinal))
            .Select(f => (f.RuleId, f.Path, f.Span.StartLine));
        Assert.Equal(placed, alone);
        Assert.NotEmpty(alone);
    }
}
