using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>
/// MLO207/MLO208 and the repository's own owner: an action or reusable workflow of the owner of the scanned repository
/// (which the CLI passes in as data, from the origin remote) is first-party and may use a tag, as GitHub's own may
/// (iterative/example-get-started using iterative/setup-dvc@v1 was judged false). And one finding per reference and
/// file: docker/login-action@v4 in four jobs is one fix.
/// </summary>
public class FirstPartyActionTests
{
    private const string Workflow = """
        name: cml
        on: [push]
        jobs:
          check:
            uses: iterative/shared/.github/workflows/check.yml@v0.15.0
          train:
            runs-on: ubuntu-latest
            steps:
              - uses: iterative/setup-cml@v2
              - uses: iterative/setup-dvc@main
              - uses: iterative-fan/setup-dvc@v1
              - uses: someone/iterative@v1
        """;

    private static IReadOnlyList<Finding> Pins(LintConfig config, string workflow) =>
        Fixture.Scan(config, SourceDocument.FromText(".github/workflows/cml.yaml", workflow)).Findings
            .Where(f => f.RuleId is "MLO207" or "MLO208").ToArray();

    private static string[] Results(LintConfig config, string workflow = Workflow) =>
        Pins(config, workflow).Select(f => $"{f.RuleId} {f.Span.StartLine}").ToArray();

    [Fact]
    public void The_repository_owners_own_actions_may_use_a_tag_but_not_a_branch()
    {
        // owner's tag pins pass (job-level reusable workflow and step action); its branch ref is still MLO207;
        // an owner whose name merely starts with the same word, and an action named like the owner, are third parties
        Assert.Equal(new[] { "MLO207 10", "MLO208 11", "MLO208 12" }, Results(LintConfig.Default.WithRepositoryOwner("iterative")));
        Assert.Equal(new[] { "MLO208 5", "MLO208 9", "MLO207 10", "MLO208 11", "MLO208 12" }, Results(LintConfig.Default.WithRepositoryOwner("other-org")));
        Assert.Equal(new[] { "MLO208 5", "MLO208 9", "MLO207 10", "MLO208 11", "MLO208 12" }, Results(LintConfig.Default));
    }

    [Fact]
    public void The_owner_is_matched_without_case_and_a_users_policy_for_it_wins()
    {
        Assert.Equal(new[] { "MLO207 10", "MLO208 11", "MLO208 12" }, Results(LintConfig.Default.WithRepositoryOwner("Iterative")));
        var strict = new LintConfig
        {
            RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["MLO208"] = new(new Dictionary<string, object> { ["policies"] = new Dictionary<string, object> { ["iterative/*"] = "hash-pin" } }),
            },
        }.WithRepositoryOwner("iterative");
        Assert.Equal(new[] { "MLO208 5", "MLO208 9", "MLO207 10", "MLO208 11", "MLO208 12" }, Results(strict));
    }

    private const string FourJobs = """
        name: images
        on: [push]
        jobs:
          cpu:
            runs-on: ubuntu-latest
            steps:
              - uses: docker/login-action@v4
              - uses: docker/build-push-action@v7
          gpu:
            runs-on: ubuntu-latest
            steps:
              - uses: docker/login-action@v4
              - uses: docker/build-push-action@v7
          deepspeed:
            runs-on: ubuntu-latest
            steps:
              - uses: docker/login-action@v4
              - uses: docker/login-action@v3
        """;

    [Fact]
    public void The_same_reference_used_in_several_jobs_is_one_finding_naming_the_other_lines()
    {
        var pins = Pins(LintConfig.Default, FourJobs);
        Assert.Equal(new[] { "MLO208 7", "MLO208 8", "MLO208 18" }, pins.Select(f => $"{f.RuleId} {f.Span.StartLine}").ToArray());
        var login = pins[0];
        Assert.EndsWith("(also on lines 12, 17)", login.Message);
        Assert.Equal(new[] { 12, 17 }, login.Related.Select(r => r.Span.StartLine).ToArray());
        Assert.Contains("at all 3 uses in this file", login.Fix);
        var build = pins[1];
        Assert.EndsWith("(also on line 13)", build.Message);
        // a different tag of the same action is another reference, with its own finding
        Assert.Empty(pins[2].Related);
        Assert.DoesNotContain("also on", pins[2].Message);
    }
}
