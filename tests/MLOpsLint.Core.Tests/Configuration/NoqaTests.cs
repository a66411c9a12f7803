using MLOpsLint.Core.Suppression;

namespace MLOpsLint.Core.Tests.Configuration;

public class NoqaTests
{
    [Theory]
    [InlineData("x = f()  # noqa: MLO301", "MLO301", true)]
    [InlineData("x = f()  # noqa: MLO302, MLO301", "MLO301", true)]
    [InlineData("x = f()  # noqa:MLO301", "MLO301", true)]
    [InlineData("x = f()  # NOQA: mlo301", "MLO301", true)]
    [InlineData("x = f()  # noqa: E501 MLO301", "MLO301", true)]
    [InlineData("x = f()  # noqa: MLO302", "MLO301", false)]
    [InlineData("x = f()  # noqa: MLO3010", "MLO301", false)]
    [InlineData("x = f()  # noqa", "MLO301", false)] // bare noqa belongs to other linters unless configured
    [InlineData("x = f()", "MLO301", false)]
    public void Reads_codes(string line, string rule, bool expected)
    {
        Assert.Equal(expected, Noqa.Suppresses(line, rule, honorBare: false));
    }

    [Fact]
    public void Bare_noqa_when_configured()
    {
        Assert.True(Noqa.Suppresses("x = f()  # noqa", "MLO301", honorBare: true));
        Assert.False(Noqa.Suppresses("x = f()  # noqa: E501", "MLO301", honorBare: true));
    }
}
