using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>Every MLO1xx descriptor has a check, and a page that agrees with it.</summary>
public class CommittedDataRulesTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var r in RuleCatalog.All.Where(r => r.Family == RuleFamily.CommittedData)) data.Add(r.Id);
        return data;
    }

    [Fact]
    public void The_family_has_its_nine_rules() =>
        Assert.Equal(new[] { "MLO101", "MLO102", "MLO103", "MLO104", "MLO105", "MLO106", "MLO107", "MLO108", "MLO109" },
            RuleCatalog.All.Where(r => r.Family == RuleFamily.CommittedData).Select(r => r.Id).ToArray());

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_a_check(string id) =>
        Assert.Contains(CheckRegistry.All, c => c.Rules.Any(r => r.Id == id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_page_agrees_with_the_catalog(string id)
    {
        var rule = RuleCatalog.Get(id);
        string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "rules", id + ".md"));
        Assert.StartsWith($"# {id}: {rule.Title}\n", page);
        Assert.Contains($"| Name | {rule.Name} |", page);
        Assert.Contains($"| Default severity | {rule.DefaultSeverity.ToName()} |", page);
        foreach (var heading in new[] { "## What it does", "## Why is this bad?", "## How to fix", "## Example", "## Use instead", "## Options", "## Suppression" })
        {
            Assert.Contains(heading, page);
        }
        foreach (var option in rule.Options)
        {
            Assert.Contains($"| `{option.Name}` | `{option.DefaultValue}` |", page);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "rules"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("rules/ not found above " + AppContext.BaseDirectory);
    }
}
