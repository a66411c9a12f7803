using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>
/// MLO208 and a repository transferred between organisations: lightning-bolts moved from Lightning-AI to
/// Lightning-Universe, and its CI still uses its old organisation's reusable workflows on a release tag
/// (<c>Lightning-AI/utilities/.github/workflows/check-schema.yml@v0.11.4</c>, judged false three times in the ecosystem
/// run). The project's own metadata and changelog name it under its former owner (<c>github.com/Lightning-AI/lightning-bolts</c>),
/// so that owner's actions are the project's own. A README's link to a fork of the same name, a link to another
/// repository of that owner, and a repository whose name merely starts the same, change nothing.
/// </summary>
public class FormerOwnerActionTests
{
    private const string Workflow = """
        name: checks
        on: [push]
        jobs:
          schema:
            uses: Lightning-AI/utilities/.github/workflows/check-schema.yml@v0.11.4
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: ak9250/setup@v1
              - uses: codecov/codecov-action@v4
        """;

    private static string[] Reported(string owner, params (string Path, string Text)[] files)
    {
        var docs = files.Select(f => SourceDocument.FromText(f.Path, f.Text)).Append(SourceDocument.FromText(".github/workflows/checks.yml", Workflow)).ToArray();
        return Fixture.Scan(LintConfig.Default.WithRepositoryOwner(owner, "lightning-bolts"), docs).Findings
            .Where(f => f.RuleId == "MLO208").Select(f => f.Message.Split('\'')[1]).ToArray();
    }

    private static readonly string[] All = { "Lightning-AI/utilities/.github/workflows/check-schema.yml", "ak9250/setup", "codecov/codecov-action" };

    [Theory]
    [InlineData("CHANGELOG.md", "- Fixed the VAE ([#1234](https://github.com/Lightning-AI/lightning-bolts/pull/1234))\n")]
    [InlineData("src/pl_bolts/__about__.py", "__homepage__ = \"https://github.com/Lightning-AI/lightning-bolts\"\n")]
    [InlineData("setup.py", "setup(name=\"lightning-bolts\", url=\"https://github.com/lightning-ai/lightning-bolts.git\")\n")]
    [InlineData("pyproject.toml", "[project]\nname = \"lightning-bolts\"\n[project.urls]\nSource = \"https://github.com/Lightning-AI/lightning-bolts\"\n")]
    public void A_former_owner_named_by_the_projects_metadata_is_first_party(string path, string text) =>
        Assert.Equal(new[] { "ak9250/setup", "codecov/codecov-action" }, Reported("Lightning-Universe", (path, text)));

    [Fact]
    public void Links_elsewhere_or_to_other_repositories_change_nothing()
    {
        // no link at all
        Assert.Equal(All, Reported("Lightning-Universe"));
        // a README links forks and demo copies of the same name
        Assert.Equal(All, Reported("Lightning-Universe", ("README.md", "Colab: https://github.com/ak9250/lightning-bolts/ and https://github.com/Lightning-AI/lightning-bolts\n")));
        // the changelog names the old owner's other repositories, or a repository whose name only starts the same
        Assert.Equal(All, Reported("Lightning-Universe", ("CHANGELOG.md", "see https://github.com/Lightning-AI/lightning/pull/1 and https://github.com/Lightning-AI/lightning-bolts-extra\n")));
        // a changelog below the root is some component's, not the project's
        Assert.Equal(All, Reported("Lightning-Universe", ("docs/CHANGELOG.md", "https://github.com/Lightning-AI/lightning-bolts/pull/1\n")));
    }

    [Fact]
    public void A_users_policy_for_the_former_owner_wins()
    {
        var strict = new LintConfig
        {
            RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["MLO208"] = new(new Dictionary<string, object> { ["policies"] = new Dictionary<string, object> { ["Lightning-AI/*"] = "hash-pin" } }),
            },
        }.WithRepositoryOwner("Lightning-Universe", "lightning-bolts");
        var found = Fixture.Scan(strict, SourceDocument.FromText("CHANGELOG.md", "https://github.com/Lightning-AI/lightning-bolts/pull/1\n"),
                SourceDocument.FromText(".github/workflows/checks.yml", Workflow))
            .Findings.Where(f => f.RuleId == "MLO208").Select(f => f.Message.Split('\'')[1]).ToArray();
        Assert.Equal(All, found);
    }
}
