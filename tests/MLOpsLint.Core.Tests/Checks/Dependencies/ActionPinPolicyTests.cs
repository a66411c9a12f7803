using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>MLO207/MLO208 per-owner pin policies (zizmor's unpinned-uses policies): GitHub's own actions may use a tag by
/// default, everything else needs a commit SHA, and users change it per owner.</summary>
public class ActionPinPolicyTests
{
    private const string Workflow = """
        name: ci
        on: [push]
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-python@v5.1.0
              - uses: github/codeql-action/analyze@v3
              - uses: actions/cache@main
              - uses: peaceiris/actions-gh-pages@v3
              - uses: my-org/deploy-action@v2
              - uses: my-org/setup@main
              - uses: docker://alpine:3.19
        """;

    private static string[] Results(LintConfig config) =>
        Fixture.Scan(config, SourceDocument.FromText(".github/workflows/ci.yml", Workflow)).Findings
            .Where(f => f.RuleId is "MLO207" or "MLO208")
            .Select(f => $"{f.RuleId} {f.Span.StartLine}").ToArray();

    private static LintConfig Policies(params (string Pattern, string Policy)[] policies) => new()
    {
        RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
        {
            ["MLO208"] = new(new Dictionary<string, object>
            {
                ["policies"] = policies.ToDictionary(p => p.Pattern, p => (object)p.Policy),
            }),
        },
    };

    [Fact]
    public void By_default_GitHubs_own_actions_may_use_a_tag_and_others_need_a_sha()
    {
        // tags of actions/* and github/* pass; a branch of actions/* is still MLO207; third parties and images need a SHA/digest
        Assert.Equal(new[] { "MLO207 10", "MLO208 11", "MLO208 12", "MLO207 13", "MLO208 14" }, Results(LintConfig.Default));
    }

    [Fact]
    public void Hash_pin_for_GitHubs_own_actions_restores_zizmor_1_20_and_scorecard()
    {
        var strict = Policies(("actions/*", "hash-pin"), ("github/*", "hash-pin"));
        Assert.Equal(new[] { "MLO208 7", "MLO208 8", "MLO208 9", "MLO207 10", "MLO208 11", "MLO208 12", "MLO207 13", "MLO208 14" }, Results(strict));
    }

    [Fact]
    public void The_most_specific_pattern_wins_and_any_silences_both_rules()
    {
        var config = Policies(("my-org/*", "any"), ("peaceiris/actions-gh-pages", "ref-pin"), ("actions/*", "hash-pin"), ("actions/checkout", "ref-pin"));
        Assert.Equal(new[] { "MLO208 8", "MLO207 10", "MLO208 14" }, Results(config));
    }

    [Fact]
    public void A_policy_that_is_not_one_is_named_and_the_default_applies()
    {
        var result = Fixture.Scan(Policies(("actions/*", "pinned"), ("*/*", "any")), SourceDocument.FromText(".github/workflows/ci.yml", Workflow));
        Assert.Contains(result.Diagnostics, d => d.Level == ScanDiagnosticLevel.Warning && d.Message.Contains("'pinned' for \"actions/*\" is not a policy"));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("\"*/*\" is not a pattern"));
        Assert.Equal(5, result.Findings.Count(f => f.RuleId is "MLO207" or "MLO208"));
    }
}
