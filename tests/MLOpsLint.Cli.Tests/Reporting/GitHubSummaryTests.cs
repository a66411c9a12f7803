using System.Text;
using MLOpsLint.Cli.Reporting;
using MLOpsLint.Cli.Tests.Support;

namespace MLOpsLint.Cli.Tests.Reporting;

public class GitHubSummaryTests
{
    [Fact]
    public void Counts_families_links_rules_and_says_what_was_not_annotated()
    {
        var findings = Enumerable.Range(1, 15).Select(i => Reports.Finding("src/a|b.py", i, 1, 2, "pipe | in message")).ToArray();
        string md = GitHubSummary.Build(Reports.Make(findings));
        Assert.Contains("## MLOps Lint: 15 findings (0 errors, 15 warnings, 0 suggestions)", md);
        Assert.Contains("| Missing random seeds (MLO3xx) | 0 | 15 | 0 |", md);
        Assert.Contains("**5 of 15 findings are not shown as annotations**", md);
        Assert.Contains("[MLO303](https://github.com/mlops-lint/mlops-lint/blob/main/rules/MLO303.md)", md);
        Assert.Contains("pipe \\| in message", md); // table cells escaped
    }

    [Fact]
    public void Stays_under_the_step_limit_and_counts_the_rest()
    {
        string longMessage = new('x', 2000);
        var findings = Enumerable.Range(1, 2000).Select(i => Reports.Finding($"f{i}.py", 1, 1, 2, longMessage)).ToArray();
        string md = GitHubSummary.Build(Reports.Make(findings));
        Assert.True(Encoding.UTF8.GetByteCount(md) < GitHubSummary.MaxBytes, $"{Encoding.UTF8.GetByteCount(md)} bytes");
        Assert.Matches(@"… and \d+ more findings", md);
    }

    [Fact]
    public void No_findings_says_so()
    {
        Assert.StartsWith("## MLOps Lint: no findings", GitHubSummary.Build(Reports.Make(Array.Empty<Core.Findings.Finding>())));
    }
}
