using System.Text.RegularExpressions;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Docs;

/// <summary>The catalog, the rule pages and the README's rule table must agree: docs cannot drift.</summary>
public class RuleDocsTests
{
    private static readonly string RulesDir = Path.Combine(RepoPaths.Root, "rules");

    private static readonly string[] RequiredSections =
    {
        "## What it does", "## Why is this bad?", "## How to fix", "## Example", "## Options", "## Suppression",
    };

    [Fact]
    public void Every_rule_has_a_page_with_its_title_and_sections()
    {
        var problems = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            string path = Path.Combine(RepoPaths.Root, rule.DocPath);
            if (!File.Exists(path))
            {
                problems.Add($"{rule.Id}: no page at {rule.DocPath}");
                continue;
            }
            string text = File.ReadAllText(path);
            string firstLine = text.Split('\n')[0].TrimEnd('\r');
            if (firstLine != $"# {rule.Id}: {rule.Title}") problems.Add($"{rule.Id}: first line is '{firstLine}', expected '# {rule.Id}: {rule.Title}'");
            foreach (var s in RequiredSections)
            {
                if (!text.Contains("\n" + s)) problems.Add($"{rule.Id}: page has no '{s}' section");
            }
            if (!text.Contains($"| Default severity | {rule.DefaultSeverity.ToName()} |")) problems.Add($"{rule.Id}: page does not say '| Default severity | {rule.DefaultSeverity.ToName()} |'");
            if (!text.Contains($"| Name | {rule.Name} |")) problems.Add($"{rule.Id}: page does not say '| Name | {rule.Name} |'");
            // the scopes a rule judges are the catalog's (RuleDescriptor.Scopes), never written by hand
            string scopes = $"| Scopes | {Core.Scope.FileScopes.Describe(rule.Scopes)} |";
            if (!text.Contains(scopes)) problems.Add($"{rule.Id}: page does not say '{scopes}'");
            foreach (var o in rule.Options)
            {
                if (!text.Contains(o.Name)) problems.Add($"{rule.Id}: option '{o.Name}' is not documented");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_page_has_a_rule()
    {
        var orphans = Directory.GetFiles(RulesDir, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => Regex.IsMatch(n!, "^MLO[0-9]{3}$") && !RuleCatalog.TryGet(n!, out _))
            .ToArray();
        Assert.True(orphans.Length == 0, "pages without a rule in the catalog: " + string.Join(", ", orphans));
        var strays = Directory.GetFiles(RulesDir, "*.md").Select(Path.GetFileName)
            .Where(n => n != "README.md" && !Regex.IsMatch(n!, "^MLO[0-9]{3}\\.md$")).ToArray();
        Assert.True(strays.Length == 0, "files in rules/ that are not rule pages: " + string.Join(", ", strays));
    }

    [Fact]
    public void Readme_rule_table_matches_the_catalog()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        string expected = RuleTable.Render();
        var m = Regex.Match(readme, "<!-- rules:begin -->\r?\n(.*?)<!-- rules:end -->", RegexOptions.Singleline);
        Assert.True(m.Success, "README.md has no <!-- rules:begin --> … <!-- rules:end --> block");
        Assert.True(m.Groups[1].Value.Replace("\r\n", "\n") == expected,
            "README's rule table differs from the catalog. Replace the block with:\n" + expected);
    }

    [Fact]
    public void Names_follow_the_convention()
    {
        foreach (var r in RuleCatalog.All)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r.Name);
            Assert.False(r.Name.StartsWith("avoid-") || r.Name.StartsWith("use-") || r.Name.StartsWith("do-not-"),
                $"{r.Id}: name the bad pattern, not the advice ('{r.Name}')");
            Assert.EndsWith("rules/" + r.Id + ".md", r.HelpUri);
        }
    }
}
