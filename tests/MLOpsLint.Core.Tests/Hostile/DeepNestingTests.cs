using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Tests.Hostile;

/// <summary>
/// Nesting a million levels deep, in every format a recursive parser reads: the whole engine (every check) runs over it
/// on an ordinary thread-pool thread. A stack overflow cannot be caught in .NET — it would end the test run — so these
/// pass only if no parser recurses on the nesting. Structured formats report the file as too deeply nested (with its
/// line); nesting just under the limit still parses and is judged.
/// </summary>
public class DeepNestingTests
{
    private const int Depth = 1_000_000;

    private static string Nest(string open, string close, int depth) =>
        string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));

    public static TheoryData<string, string, bool> Cases => new()
    {
        { ".github/workflows/ci.yml", "on: push\njobs: " + Nest("[", "]", Depth) + "\n", true },
        { ".github/workflows/map.yml", "on: push\njobs: " + Nest("{a: ", "}", Depth) + "\n", true },
        { "environment.yml", "name: x\ndependencies: " + Nest("[", "]", Depth) + "\n", true },
        { "dvc.yaml", "stages: " + Nest("[", "]", Depth) + "\n", true },
        { ".config/dotnet-tools.json", "{\"version\": 1, \"tools\": " + Nest("[", "]", Depth) + "}\n", true },
        // a global.json that cannot be read is ignored without a message (as a malformed one always was)
        { "global.json", "{\"sdk\": " + Nest("{\"a\":", "}", Depth) + "}\n", false },
        { "notebook.ipynb", "{\"cells\": " + Nest("[", "]", Depth) + ", \"nbformat\": 4}\n", true },
        { "pyproject.toml", "[project]\nname = \"x\"\ndependencies = " + Nest("[", "]", Depth) + "\n", true },
        { "tool/pyproject.toml", "[tool.x]\na = " + Nest("{b = ", "}", Depth) + "\n", true },
        { "Pipfile", "[packages]\nx = " + Nest("[", "]", Depth) + "\n", true },
        { "train.py", "import random\nx = " + Nest("(", ")", Depth) + "\nrandom.random()\n", false },
        { "lists.py", "import numpy as np\nnp.random.seed(" + Nest("[", "]", Depth) + ")\n", false },
        { "dicts.py", "x = " + Nest("{1: ", "}", Depth) + "\n", false },
        { "calls.py", "x = " + Nest("f(", ")", Depth) + "\n", false },
        { "requirements.txt", "numpy" + Nest("[", "]", Depth) + "\n", false },
        { "Dockerfile", "FROM python:3.11\nRUN echo " + Nest("$(", ")", Depth) + "\n", false },
        { "project.csproj", "<Project>" + Nest("<a>", "</a>", Depth) + "</Project>\n", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_million_levels_never_overflow_and_structured_files_say_they_were_skipped(string path, string text, bool reportsTooDeep)
    {
        var result = Fixture.Scan(SourceDocument.FromText(path, text));
        Assert.DoesNotContain(result.Diagnostics, d => d.Level == ScanDiagnosticLevel.Error); // no internal error
        if (reportsTooDeep)
        {
            var d = Assert.Single(result.Diagnostics, d => d.Message.Contains("levels deep", StringComparison.Ordinal));
            Assert.Equal(path, d.Path);
            Assert.NotNull(d.Line);
        }
    }

    [Fact]
    public void Nesting_under_the_limit_is_parsed_and_judged()
    {
        // 150 levels of flow sequences around a real step: still read, and the unpinned action still found
        string workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main\n    x: "
            + Nest("[", "]", 150) + "\n";
        var result = Fixture.Scan(SourceDocument.FromText(".github/workflows/ci.yml", workflow));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("levels deep", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.RuleId == "MLO207");

        // one level past the limit: refused, at the line where it passes
        Assert.Equal(2, Nesting.LineTooDeep("a: 1\nb: " + Nest("[", "]", Nesting.MaxDepth + 1), yaml: true));
        Assert.Equal(0, Nesting.LineTooDeep("b: " + Nest("[", "]", Nesting.MaxDepth - 2), yaml: true));
    }

    [Fact]
    public void TOML_past_Tomlyns_limit_is_a_message_not_an_internal_error()
    {
        // Tomlyn throws past 64 levels; the pre-scan stops first, in both manifest readers and the configuration reader
        string deep = "[project]\nname = \"x\"\ndependencies = [\"numpy\"]\n[tool.x]\na = " + Nest("[", "]", 70) + "\n";
        var result = Fixture.Scan(SourceDocument.FromText("pyproject.toml", deep), SourceDocument.FromText("requirements.txt", "numpy\n"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Level == ScanDiagnosticLevel.Error);
        Assert.Contains(result.Diagnostics, d => d.Path == "pyproject.toml" && d.Line == 5 && d.Message.Contains("64 levels deep", StringComparison.Ordinal));
        var ok = Fixture.Scan(SourceDocument.FromText("pyproject.toml", deep.Replace(Nest("[", "]", 70), Nest("[", "]", 60))));
        Assert.DoesNotContain(ok.Diagnostics, d => d.Message.Contains("levels deep", StringComparison.Ordinal));
        Assert.Throws<MLOpsLint.Core.Configuration.ConfigException>(() => MLOpsLint.Core.Configuration.ConfigParser.Parse("x = " + Nest("[", "]", 70), "mlops-lint.toml", false, new List<ScanDiagnostic>()));
    }
}
