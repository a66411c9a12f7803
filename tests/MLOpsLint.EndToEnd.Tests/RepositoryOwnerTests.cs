using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>
/// MLO208's first-party owner, learned by the CLI from the origin remote of a real git repository (a clone of
/// github.com/iterative/example-get-started uses iterative/setup-dvc@v1: the action's owner is the repository's). The
/// same workflow in a clone of another owner's repository, or without a remote, is judged as before.
/// </summary>
public class RepositoryOwnerTests
{
    private const string Workflow = """
        name: cml
        on: [push]
        jobs:
          train:
            runs-on: ubuntu-latest
            steps:
              - uses: iterative/setup-dvc@v1
              - uses: thollander/actions-comment-pull-request@v2
        """;

    private static string[] Pinned(string root)
    {
        var r = CliRunner.InProcess("scan", root, "--select", "MLO208", "--format", "json");
        return JsonDocument.Parse(r.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("message").GetString()!.Split('\'')[1]).ToArray();
    }

    private static TempRepo Clone(string? origin)
    {
        var repo = TempRepo.Git();
        repo.Write(".github/workflows/cml.yaml", Workflow);
        repo.Commit();
        if (origin != null) repo.Run("git", "remote", "add", "origin", origin);
        return repo;
    }

    [Theory]
    [InlineData("https://github.com/iterative/example-get-started.git")]
    [InlineData("git@github.com:iterative/example-get-started.git")]
    [InlineData("ssh://git@github.com/Iterative/example-get-started")]
    public void The_owners_own_action_on_a_tag_is_first_party(string origin)
    {
        using var repo = Clone(origin);
        Assert.Equal(new[] { "thollander/actions-comment-pull-request" }, Pinned(repo.Root));
    }

    [Theory]
    [InlineData("https://github.com/someone/example-get-started.git")]
    [InlineData("https://gitlab.com/iterative/example-get-started.git")]
    [InlineData(null)]
    public void Another_owner_another_host_or_no_remote_leaves_both(string? origin)
    {
        using var repo = Clone(origin);
        Assert.Equal(new[] { "iterative/setup-dvc", "thollander/actions-comment-pull-request" }, Pinned(repo.Root));
    }

    /// <summary>The repository's name comes from the same remote: a transferred repository whose changelog names it under its
    /// former owner (github.com/Lightning-AI/lightning-bolts) treats that owner's actions as its own; under another name
    /// the same changelog is about another repository.</summary>
    [Theory]
    [InlineData("https://github.com/Lightning-Universe/lightning-bolts.git", new[] { "thollander/actions-comment-pull-request" })]
    [InlineData("https://github.com/Lightning-Universe/other-name.git", new[] { "Lightning-AI/utilities", "thollander/actions-comment-pull-request" })]
    public void A_former_owner_named_in_the_changelog_is_first_party(string origin, string[] expected)
    {
        using var repo = TempRepo.Git();
        repo.Write(".github/workflows/cml.yaml", Workflow.Replace("iterative/setup-dvc@v1", "Lightning-AI/utilities@v0.11.4"));
        repo.Write("CHANGELOG.md", "- Fixed ([#1](https://github.com/Lightning-AI/lightning-bolts/pull/1))\n");
        repo.Commit();
        repo.Run("git", "remote", "add", "origin", origin);
        Assert.Equal(expected, Pinned(repo.Root));
    }
}
