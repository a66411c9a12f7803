using System.Text.Json;
using MLOpsLint.Cli.Reporting;
using MLOpsLint.Cli.Tests.Support;

namespace MLOpsLint.Cli.Tests.Reporting;

/// <summary>Our workflow commands must be byte-for-byte what @actions/core prints for the same annotation.</summary>
public class WorkflowCommandTests
{
    private static readonly (string Command, string Message, string? Title, string? File, int? Line, int? EndLine, int? Col, int? EndCol)[] Cases =
    {
        ("error", "bad\nline 100%", "T: x", "a,b:c.py", 3, null, null, null),
        ("warning", "carriage\r\nreturn, colon: comma", "MLO301: sklearn call without random_state", "src/train,v2.py", 12, 12, 5, 30),
        ("notice", "50% of 100%%", "MLO5: paths", "dir:with:colons/x.ipynb", 1, 4, null, null),
        ("warning", "unicode é ✓ and `code`", "title, with comma", "notebooks/ünïcode.ipynb", 7, 7, 1, 2),
        ("error", "trailing newline\n", null, "a.py", 1, null, null, null),
        ("warning", "%0A literal escapes are escaped again %25", "%3A", "%2C.py", 2, 2, 3, 4),
    };

    [Fact]
    public void Escaping_matches_the_actions_toolkit()
    {
        NodeClients.EnsureInstalled("@actions/core");
        var input = JsonSerializer.Serialize(Cases.Select(c => new
        {
            command = c.Command,
            message = c.Message,
            props = new Dictionary<string, object?>
            {
                ["title"] = c.Title, ["file"] = c.File, ["startLine"] = c.Line, ["endLine"] = c.EndLine,
                ["startColumn"] = c.Col, ["endColumn"] = c.EndCol,
            }.Where(kv => kv.Value != null).ToDictionary(kv => kv.Key, kv => kv.Value),
        }));
        const string script = """
            import * as core from '@actions/core';
            import { readFileSync } from 'node:fs';
            const cases = JSON.parse(readFileSync(0, 'utf8'));
            for (const c of cases) core[c.command](c.message, c.props);
            """;
        var expected = NodeClients.Node(script, input).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        var actual = Cases.Select(c => WorkflowCommands.Annotation(c.Command, c.Message, c.Title, c.File, c.Line, c.EndLine, c.Col, c.EndCol)).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public void Columns_only_for_single_line_findings()
    {
        var one = Reports.Finding("a.py", 3, 5, 9, "m");
        Assert.Contains(",col=5,endColumn=9::", GitHubReporter.Format(one));
        var multi = one with { Span = new Core.Findings.SourceSpan(3, 5, 6, 2) };
        var text = GitHubReporter.Format(multi);
        Assert.Contains("line=3,endLine=6::", text);
        Assert.DoesNotContain("col=", text);
    }

    [Fact]
    public void Most_severe_first_and_not_shown_counted()
    {
        var findings = Enumerable.Range(1, 25).Select(i => Reports.Finding("a.py", i, 1, 2, "w" + i))
            .Concat(Enumerable.Range(1, 12).Select(i => Reports.Finding("b.py", i, 1, 2, "e" + i, Core.Rules.Severity.Error)))
            .ToArray();
        var lines = Reports.Render(new GitHubReporter(), Reports.Make(findings)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.Take(12), l => Assert.StartsWith("::error ", l));
        Assert.All(lines.Skip(12), l => Assert.StartsWith("::warning ", l));
        Assert.Equal(37 - 20, GitHubReporter.NotShown(findings));
    }

    /// <summary>A credential warning among twenty path warnings that sort before it: it comes first, so it is within the
    /// 10 warnings GitHub shows; committed data comes next. The look-alike order (by path alone) put it 21st.</summary>
    [Fact]
    public void Within_a_severity_credentials_come_first()
    {
        var paths = Enumerable.Range(1, 20).Select(i => Reports.Finding("a.py", i, 1, 2, "path " + i) with { Rule = Core.Rules.RuleCatalog.MLO501 });
        var model = Reports.Finding("models/m.pkl", 1, 1, 2, "model") with { Rule = Core.Rules.RuleCatalog.MLO102 };
        var key = Reports.Finding("z/settings.py", 9, 1, 2, "key") with { Rule = Core.Rules.RuleCatalog.MLO404 };
        var error = Reports.Finding("b.py", 1, 1, 2, "err", Core.Rules.Severity.Error) with { Rule = Core.Rules.RuleCatalog.MLO403 };
        var ordered = GitHubReporter.Ordered(paths.Append(model).Append(key).Append(error).Reverse()).ToArray();
        Assert.Equal(new[] { "MLO403", "MLO404", "MLO102", "MLO501" }, ordered.Select(f => f.RuleId).Take(4));
        var lines = Reports.Render(new GitHubReporter(), Reports.Make(ordered)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("file=z/settings.py", lines[1]);
        Assert.Equal(new[] { 1, 2, 3 }, ordered.Skip(3).Take(3).Select(f => f.Span.StartLine)); // then path and line order
    }

    [Fact]
    public void Per_job_limit_caps_what_is_shown()
    {
        var many = Enumerable.Range(1, 100).Select(i => Reports.Finding("a.py", i, 1, 2, "x")).ToList();
        Assert.Equal(90, GitHubReporter.NotShown(many)); // only 10 warnings shown
    }
}
