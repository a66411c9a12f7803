using MLOpsLint.Cli.Reporting;
using MLOpsLint.Cli.Tests.Support;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Tests.Reporting;

public class TextReporterTests
{
    private static string Render(Finding f, string text, bool quiet = false) =>
        Reports.Render(new TextReporter(new Ansi(false), quiet), Reports.Make(new[] { f }, new[] { SourceDocument.FromText(f.Path, text) }));

    [Fact]
    public void Shows_file_line_caret_fix_and_rule_page()
    {
        var f = Reports.Finding("src/Train.cs", 2, 15, 28, "MLContext is created without a seed");
        string output = Render(f, "class T {\n    var ctx = new MLContext();\n}\n");
        var lines = output.Split('\n');
        Assert.Equal("src/Train.cs", lines[0]);
        Assert.Equal("src/Train.cs:2:15: warning MLO303 MLContext is created without a seed", lines[1]);
        int src = Array.FindIndex(lines, l => l.Contains("| " + "    var ctx"));
        Assert.True(src > 0, output);
        int bar = lines[src].IndexOf('|');
        Assert.Equal(bar + 2 + 14, lines[src + 1].IndexOf('^')); // caret under column 15
        Assert.Equal(13, lines[src + 1].Count(c => c == '^'));
        Assert.Contains("= fix: Pass a fixed seed: new MLContext(seed: 0).", output);
        Assert.Contains("rules/MLO303.md", output);
        Assert.Contains("Found 1 finding (1 warning) in 1 file of 1 scanned.", output);
        Assert.Contains("MLO303      1  unseeded-mlcontext", output);
    }

    [Fact]
    public void Tabs_keep_the_caret_aligned()
    {
        var f = Reports.Finding("a.py", 1, 3, 6, "m");
        string output = Render(f, "\t\tBAD = 1\n");
        var lines = output.Split('\n');
        int src = Array.FindIndex(lines, l => l.EndsWith("\t\tBAD = 1"));
        Assert.Contains("|" + " \t\t^^^", lines[src + 1]);
    }

    [Fact]
    public void Secrets_are_masked_in_the_code_frame()
    {
        const string token = "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH";
        var f = Reports.Finding("a.py", 1, 9, 9 + token.Length, "Hugging Face token") with { IsSensitive = true };
        string output = Render(f, $"TOKEN = {token}\n");
        Assert.DoesNotContain(token, output);
        Assert.Contains("hf_a", output);
    }

    [Fact]
    public void Another_rules_frame_on_a_line_with_a_secret_masks_it_too()
    {
        const string token = "ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
        string line = $"--extra-index-url https://user:{token}@pypi.example.org/simple numpy";
        int at = line.IndexOf(token, StringComparison.Ordinal) + 1;
        var secret = Reports.Finding("requirements.txt", 1, at, at + token.Length, "token in URL") with { IsSensitive = true };
        int np = line.IndexOf("numpy", StringComparison.Ordinal) + 1;
        var other = Reports.Finding("requirements.txt", 1, np, np + 5, "numpy has no version");
        string output = Reports.Render(new TextReporter(new Ansi(false), false),
            Reports.Make(new[] { secret, other }, new[] { SourceDocument.FromText("requirements.txt", line + "\n") }));
        Assert.DoesNotContain(token.Substring(4), output);
        var lines = output.Split('\n');
        int frame = Array.FindLastIndex(lines, l => l.Contains("numpy", StringComparison.Ordinal) && l.Contains("| --extra", StringComparison.Ordinal));
        Assert.Equal(lines[frame].IndexOf("numpy", StringComparison.Ordinal), lines[frame + 1].IndexOf('^')); // caret still under numpy
    }

    [Fact]
    public void Very_long_lines_show_a_window_around_the_span()
    {
        string line = new string('a', 5000) + "BAD" + new string('b', 5000);
        var f = Reports.Finding("n.ipynb", 1, 5001, 5004, "m");
        string output = Render(f, line + "\n");
        Assert.All(output.Split('\n'), l => Assert.True(l.Length < 400, $"line of {l.Length} chars"));
        var lines = output.Split('\n');
        int src = Array.FindIndex(lines, l => l.Contains("BAD"));
        Assert.Equal(lines[src].IndexOf("BAD", StringComparison.Ordinal), lines[src + 1].IndexOf('^'));
    }

    [Fact]
    public void Quiet_is_one_line_per_finding()
    {
        var f = Reports.Finding("a.py", 1, 1, 4, "m");
        string output = Render(f, "BAD\n", quiet: true);
        Assert.DoesNotContain("^", output);
        Assert.Contains("a.py:1:1: warning MLO303 m", output);
    }

    [Fact]
    public void Colour_only_when_allowed()
    {
        Assert.False(Ansi.ShouldColor(noColorFlag: true, outputRedirected: false));
        Assert.False(Ansi.ShouldColor(noColorFlag: false, outputRedirected: true));
        var f = Reports.Finding("a.py", 1, 1, 4, "m");
        string colored = Reports.Render(new TextReporter(new Ansi(true), false), Reports.Make(new[] { f }, new[] { SourceDocument.FromText("a.py", "BAD\n") }));
        Assert.Contains("\u001b[", colored);
        Assert.DoesNotContain("\u001b[", Render(f, "BAD\n"));
    }
}
