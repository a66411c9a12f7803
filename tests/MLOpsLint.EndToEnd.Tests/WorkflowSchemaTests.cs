using System.Text.RegularExpressions;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>The release workflow and action.yml validate against GitHub's workflow and action schemas (SchemaStore's, as
/// @action-validator/cli from npm ships them), and every action they use is pinned to a commit.</summary>
public class WorkflowSchemaTests
{
    private static string Validator => Path.Combine(NodeClients.Dir, "node_modules", ".bin", "action-validator");

    [Theory]
    [InlineData(".github/workflows/release.yml")]
    [InlineData("action.yml")]
    public void Validates_against_the_schema_and_pins_actions_by_commit(string file)
    {
        NodeClients.EnsureInstalled("@action-validator/cli");
        string path = Path.Combine(RepositoryRoot.Path, file);
        var r = ExternalTool.Run(Validator, RepositoryRoot.Path, null, path);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var uses = Regex.Matches(File.ReadAllText(path), @"^\s*(?:-\s*)?uses:\s*(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Matches("^[a-z0-9-]+/[a-z0-9-]+(/[a-z0-9-]+)?@[0-9a-f]{40}$", u));
    }

    /// <summary>The look-alike: the validator does reject a workflow with a misspelt key.</summary>
    [Fact]
    public void The_validator_rejects_a_broken_workflow()
    {
        NodeClients.EnsureInstalled("@action-validator/cli");
        using var temp = TempRepo.Folder();
        string broken = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "workflows", "release.yml")).Replace("    steps:", "    step:");
        string path = temp.Write("release.yml", broken);
        Assert.NotEqual(0, ExternalTool.Run(Validator, temp.Root, null, path).ExitCode);
    }

    [Fact]
    public void The_release_workflow_tests_packs_publishes_and_moves_the_major_tag_in_that_order()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "workflows", "release.yml"));
        Assert.Matches(@"tags: \[""v\[0-9\]\+\.\[0-9\]\+\.\[0-9\]\+""\]", text);
        Assert.Contains("needs: test", text);
        Assert.Contains("needs: pack", text);
        Assert.Contains("needs: [pack, publish]", text);
        Assert.Contains("-p:Version=\"$VERSION\"", text);
        Assert.Contains("git push -f origin \"refs/tags/$major\"", text);
    }
}
