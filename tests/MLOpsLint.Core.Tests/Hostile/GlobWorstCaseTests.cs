using MLOpsLint.Core.Checks.CommittedData;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Tests.Hostile;

/// <summary>
/// Globs that make a backtracking matcher try every split: 30 "*a" groups then "*b", against a name of 36 a's (12 groups
/// took 111 s before). Every glob reader — configuration (exclude, per-file-ignores, environments), .editorconfig
/// sections, .gitattributes and dvc.yaml templates — answers at once, and still answers right: the same shape that can
/// match does.
/// </summary>
public class GlobWorstCaseTests
{
    private static readonly string Victim = new string('a', 36) + ".txt";
    private static readonly string Bomb = string.Concat(Enumerable.Repeat("*a", 30)) + "*b";
    private static readonly string Matching = string.Concat(Enumerable.Repeat("*a", 30)) + "*.txt";

    [Fact]
    public void Configuration_globs()
    {
        Assert.False(new Glob(Bomb).IsMatch(Victim));
        Assert.False(new Glob("dir/" + Bomb).IsMatch("dir/" + Victim));
        Assert.True(new Glob(Matching).IsMatch("deep/er/" + Victim));
        Assert.False(new Glob(Matching).IsMatch(new string('a', 29) + ".txt")); // 30 a's needed
        var set = new GlobSet(new[] { Bomb, string.Concat(Enumerable.Repeat("**/a", 30)), string.Concat(Enumerable.Repeat("{a,b}", 30)) });
        Assert.False(set.IsMatch(Victim));
        Assert.False(set.IsMatch(string.Join("/", Enumerable.Repeat("a", 29)) + "/b"));
        Assert.True(set.IsMatch(string.Join("/", Enumerable.Repeat("a", 30))));
    }

    [Fact]
    public void EditorConfig_sections()
    {
        string root = Path.Combine(Path.GetTempPath(), "repo");
        var file = EditorConfigFile.Parse(root, $"root = true\n[{Bomb}]\ndotnet_diagnostic.MLO201.severity = none\n[{Matching}]\ndotnet_diagnostic.MLO301.severity = error\n");
        var set = new EditorConfigSet(new[] { file });
        Assert.Null(set.SeverityFor(Path.Combine(root, Victim), RuleCatalog.MLO201));
        Assert.Equal(Severity.Error, set.SeverityFor(Path.Combine(root, Victim), RuleCatalog.MLO301));
    }

    [Fact]
    public void GitAttributes_patterns()
    {
        var attributes = GitAttributesFile.Get(SourceDocument.FromText(".gitattributes", $"{Bomb} filter=lfs diff=lfs merge=lfs -text\n{Matching} filter=lfs\n"));
        Assert.Equal(2, attributes.LastMatchLine(Victim));
        Assert.Equal(0, attributes.LastMatchLine(new string('a', 29) + ".txt"));
    }

    [Fact]
    public void Dvc_templates()
    {
        string outs = string.Concat(Enumerable.Repeat("${x}a", 30)) + "${y}b";
        var dvc = DvcFile.Get(SourceDocument.FromText("dvc.yaml", $"stages:\n  train:\n    cmd: python train.py\n    outs:\n      - \"{outs}\"\n      - \"${{z}}.csv\"\n"));
        Assert.Null(dvc.Error);
        Assert.False(dvc.Outputs[0].Covers(new string('a', 70)));
        Assert.True(dvc.Outputs[1].Covers("data.csv"));
    }
}
