using System.Text.RegularExpressions;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>The README's <c>scan</c> options table lists every option <c>scan --help</c> shows, and nothing it does not.</summary>
public class UsageDocsTests
{
    [Fact]
    public void The_readme_options_table_lists_every_scan_option()
    {
        var help = CliRunner.InProcess("scan", "--help").Stdout;
        var options = Regex.Matches(help, @"^\s+(?:-\w, )?(--[a-z][a-z-]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value)
            .Where(o => o is not ("--help" or "--version")).Distinct().OrderBy(o => o, StringComparer.Ordinal).ToArray();
        Assert.Contains("--new-from-rev", options);
        Assert.Contains("--fix", options);

        string readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        int start = readme.IndexOf("`scan` options:", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no `scan` options table");
        string table = string.Join("\n", readme[start..].Split('\n').Skip(1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')));
        var documented = Regex.Matches(table, @"^\|(?:\\\||[^|])*", RegexOptions.Multiline) // the first cell; \| is a pipe inside it
            .SelectMany(cell => Regex.Matches(cell.Value, @"`[^`]*`").SelectMany(code => Regex.Matches(code.Value, @"--[a-z][a-z-]+").Select(m => m.Value)))
            .Distinct().OrderBy(o => o, StringComparer.Ordinal).ToArray();
        Assert.Equal(options, documented);
    }
}
