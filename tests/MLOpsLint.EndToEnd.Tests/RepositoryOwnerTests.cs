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
}
