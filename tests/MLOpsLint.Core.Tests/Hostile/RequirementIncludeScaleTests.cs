using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Hostile;

/// <summary>
/// requirements-dev.txt includes requirements.txt with <c>-r</c>, 50,000 unpinned lines each. Asking "is this name
/// pinned by another file of the install?" once per line over every line of every file was quadratic (16,000 lines:
/// 62 s; 32,000: not done in 300 s); it is now linear, so this runs in about a second. A quadratic regression would
/// not fail an assertion here: it would make the test run for an hour, which the CI's time limit catches.
/// </summary>
public class RequirementIncludeScaleTests
{
    [Fact]
    public void Fifty_thousand_lines_on_each_side_of_an_include()
    {
        const int n = 50_000;
        string main = string.Concat(Enumerable.Range(0, n).Select(i => $"pkg{i}\n"));
        // the dev file pins the first hundred of them again (a constraint on the install), and adds its own unpinned lines
        string dev = "-r requirements.txt\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"pkg{i}==1.0\n"))
            + string.Concat(Enumerable.Range(0, n).Select(i => $"dev{i}\n"));
        var result = Fixture.Scan(SourceDocument.FromText("requirements.txt", main), SourceDocument.FromText("requirements-dev.txt", dev));
        var unpinned = result.Findings.Where(f => f.RuleId == "MLO201").ToArray();
        // every line of both files but the hundred the including file pins
        Assert.Equal(2 * n - 100, unpinned.Length);
        Assert.DoesNotContain(unpinned, f => f.Path == "requirements.txt" && f.Span.StartLine <= 100);
        Assert.Contains(unpinned, f => f.Path == "requirements.txt" && f.Span.StartLine == 101);
    }
}
