using MLOpsLint.Cli.Server;

namespace MLOpsLint.Cli.Tests.Server;

/// <summary>The "# noqa" code action writes a comment the engine then honours, and never a second one.</summary>
public sealed class NoqaEditTests
{
    [Theory]
    [InlineData("x = f(a)", "x = f(a)  # noqa: MLO301")]
    [InlineData("x = f(a)   ", "x = f(a)  # noqa: MLO301")]
    [InlineData("x = f(a)  # noqa: E501", "x = f(a)  # noqa: E501, MLO301")]
    [InlineData("x = f(a)  # noqa:MLO302 why", "x = f(a)  # noqa:MLO302, MLO301 why")]
    [InlineData("x = f(a)  # type: ignore", "x = f(a)  # type: ignore  # noqa: MLO301")]
    public void The_edit_adds_the_rule_and_the_engine_honours_it(string line, string expected)
    {
        var (start, text) = FindingActions.NoqaEdit(line, "MLO301")!.Value;
        string result = line.Substring(0, start) + text;
        Assert.Equal(expected, result);
        Assert.True(MLOpsLint.Core.Suppression.Noqa.Suppresses(result, "MLO301", honorBare: false));
    }

    [Theory]
    [InlineData("x = f(a)  # noqa: MLO301")]
    [InlineData("x = f(a)  # noqa: E501, mlo301")]
    public void No_edit_when_the_line_already_suppresses_the_rule(string line) =>
        Assert.Null(FindingActions.NoqaEdit(line, "MLO301"));
}
