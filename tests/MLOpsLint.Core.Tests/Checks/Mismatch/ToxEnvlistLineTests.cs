namespace MLOpsLint.Core.Tests.Checks.Mismatch;

/// <summary>MLO601 on a tox envlist: one finding per line, however many environments its braces expand to (the ecosystem
/// run gave 32 for category_encoders' <c>py{37,38,39,310}-pandas{10,14}-sklearn{020,024,10,11}</c>).</summary>
public class ToxEnvlistLineTests
{
    private const string PyProject311 = "[project]\nname = \"enc\"\nversion = \"1.0\"\nrequires-python = \">=3.11\"\n";

    [Fact]
    public void An_expanded_envlist_line_is_one_finding_naming_each_python_once()
    {
        var f = Assert.Single(Repo.Run("MLO601",
            ("tox.ini", "[tox]\nenvlist = py{37,38,39,310}-pandas{10,14}-sklearn{020,024,10,11}\n"),
            ("pyproject.toml", PyProject311)));
        Assert.Equal(("tox.ini", 2), (f.Path, f.Span.StartLine));
        Assert.Contains("Pythons 3.7, 3.8, 3.9, 3.10 (tox envs py37, py38, py39, py310) are excluded by requires-python '>=3.11'", f.Message);
        Assert.Single(f.Related);
    }

    [Fact]
    public void Each_offending_line_keeps_its_own_finding()
    {
        var findings = Repo.Run("MLO601",
            ("tox.ini", "[tox]\nenvlist =\n    py{38,39}-django\n    py{311,312}-flask\n    py37\n"),
            ("pyproject.toml", PyProject311));
        Assert.Equal(new[] { 3, 5 }, findings.Select(f => f.Span.StartLine).OrderBy(l => l).ToArray());
        Assert.Contains("Pythons 3.8, 3.9", findings.Single(f => f.Span.StartLine == 3).Message);
        Assert.Contains("Python 3.7 (tox env py37) is excluded", findings.Single(f => f.Span.StartLine == 5).Message);
    }

    [Fact]
    public void An_expanded_envlist_inside_the_range_is_silent()
    {
        Assert.Empty(Repo.Run("MLO601",
            ("tox.ini", "[tox]\nenvlist = py{311,312,313}-pandas{10,14}-sklearn{020,024}\n"),
            ("pyproject.toml", PyProject311)));
    }
}
