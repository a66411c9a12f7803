using MLOpsLint.Cli.Server;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Tests.Server;

/// <summary>Findings of an earlier text carried to the current one while the repository checks catch up.</summary>
public sealed class LineShiftTests
{
    private const string Text = "a\nb\nc\nd\ne\n";

    [Theory]
    [InlineData("x\na\nb\nc\nd\ne\n", new[] { 2, 3, 4, 5, 6 })]       // a line inserted at the top
    [InlineData("a\nb\nc\nd\ne\nf\n", new[] { 1, 2, 3, 4, 5 })]        // one appended
    [InlineData("a\nc\nd\ne\n", new[] { 1, -1, 2, 3, 4 })]             // b deleted
    [InlineData("a\nB\nc\nd\ne\n", new[] { 1, -1, 3, 4, 5 })]          // b changed
    [InlineData("a\nb\nb2\nb3\nc\nd\ne\n", new[] { 1, 2, 5, 6, 7 })]   // two lines pasted after b
    [InlineData("a\nb\nc\nd\ne\n", new[] { 1, 2, 3, 4, 5 })]           // nothing changed
    [InlineData("A\nb\nc\nd\nE\n", new[] { -1, -1, -1, -1, -1 })]      // edits far apart: one region between them
    public void Lines_before_an_edit_stay_lines_after_it_move_and_lines_in_it_go(string after, int[] expected)
    {
        var shift = LineShift.Between(Text, after);
        Assert.Equal(expected, Enumerable.Range(1, 5).Select(l => shift.Map(l) ?? -1).ToArray());
    }

    [Fact]
    public void A_finding_and_its_fix_move_together_and_a_whole_file_finding_stays()
    {
        var shift = LineShift.Between(Text, "x\ny\n" + Text);
        var f = new Finding(RuleCatalog.MLO301, "t.py", new SourceSpan(3, 2, 4, 1), "m") { Edit = new TextEdit(new SourceSpan(3, 5, 3, 5), ", random_state=42", "seed it") };
        var moved = shift.Map(f)!;
        Assert.Equal(new SourceSpan(5, 2, 6, 1), moved.Span);
        Assert.Equal(new SourceSpan(5, 5, 5, 5), moved.Edit!.Span);
        var whole = new Finding(RuleCatalog.MLO101, "t.py", SourceSpan.WholeFile, "w");
        Assert.Same(whole, shift.Map(whole));
        Assert.Null(LineShift.Between(Text, "a\nb\nC\nd\ne\n").Map(f)); // its line edited
    }
}
