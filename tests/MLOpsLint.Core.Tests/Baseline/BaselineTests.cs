using MLOpsLint.Core.Baseline;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Baseline;

public class BaselineTests
{
    private static LintResult Run(BaselineFile? baseline, params SourceDocument[] docs) =>
        new Linter(new ICheck[] { new FakeCheck(Rules.RuleCatalog.MLO303) }).Run(new RepositorySnapshot(docs), LintConfig.Default, baseline);

    [Fact]
    public void Moving_code_does_not_resurrect_a_baselined_finding()
    {
        var before = Run(null, SourceDocument.FromText("train.py", "a = 1\nctx = BAD\n"));
        var baseline = BaselineFile.FromFindings(before.Findings);
        var after = Run(baseline, SourceDocument.FromText("train.py", "# new header\n\n\na = 1\nctx   =   BAD\n"));
        Assert.Empty(after.Findings);
        Assert.Equal(1, after.Baselined);
    }

    [Fact]
    public void A_new_identical_finding_is_not_hidden_by_the_old_one()
    {
        var before = Run(null, SourceDocument.FromText("train.py", "ctx = BAD\n"));
        var baseline = BaselineFile.FromFindings(before.Findings);
        var after = Run(baseline, SourceDocument.FromText("train.py", "ctx = BAD\nctx = BAD\n"));
        Assert.Single(after.Findings);
        Assert.Equal(1, after.Baselined);
    }

    [Fact]
    public void A_different_finding_on_a_baselined_line_is_reported()
    {
        var linter = new Linter(new ICheck[] { new FakeCheck(Rules.RuleCatalog.MLO303), new FakeCheck(Rules.RuleCatalog.MLO303, "WORSE") });
        var before = linter.Run(new RepositorySnapshot(new[] { SourceDocument.FromText("train.py", "x = BAD\n") }), LintConfig.Default);
        var baseline = BaselineFile.FromFindings(before.Findings);
        var after = linter.Run(new RepositorySnapshot(new[] { SourceDocument.FromText("train.py", "x = BAD + WORSE\n") }), LintConfig.Default, baseline);
        Assert.Equal("WORSE found", Assert.Single(after.Findings).Message);
        Assert.Equal(1, after.Baselined);
    }

    [Fact]
    public void File_is_sorted_has_no_timestamp_and_round_trips()
    {
        var r = Run(null, SourceDocument.FromText("b.py", "BAD\n"), SourceDocument.FromText("a.py", "BAD\nBAD\n"));
        var text = BaselineFile.FromFindings(r.Findings).Serialize();
        Assert.DoesNotContain("20", text.Split('\n')[0]); // no dates in the header line
        Assert.DoesNotContain("time", text, StringComparison.OrdinalIgnoreCase);
        var lines = text.Split('\n').Where(l => l.Contains("\"rule\"")).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.Equal(lines.OrderBy(l => l, StringComparer.Ordinal), lines);
        var parsed = BaselineFile.Parse(text);
        Assert.Equal(text, parsed.Serialize());
        Assert.All(r.Findings, f => Assert.True(parsed.Contains(f)));
    }

    [Fact]
    public void Malformed_baseline_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => BaselineFile.Parse("{ not json"));
        Assert.Throws<FormatException>(() => BaselineFile.Parse("{\"findings\": [{\"rule\": \"MLO303\"}]}"));
    }
}
