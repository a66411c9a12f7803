using MLOpsLint.Core.Versioning;
using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Tests.Versioning;

public class PythonVersionTests
{
    [Theory]
    [InlineData("3.11", "3.11", true, null, null)]
    [InlineData("3.11.9", "3.11.9", false, null, null)]
    [InlineData(" 3.11.9\n", "3.11.9", false, null, null)]
    [InlineData("3.11-slim-bookworm", "3.11", true, null, "slim-bookworm")]
    [InlineData("3.11.9-slim", "3.11.9", false, null, "slim")]
    [InlineData("3.12-alpine3.19", "3.12", true, null, "alpine3.19")]
    [InlineData("3-slim", "3", true, null, "slim")]
    [InlineData("python3.10", "3.10", true, null, null)]
    [InlineData("Python3", "3", true, null, null)]
    [InlineData("cpython-3.12", "3.12", true, "cpython", null)]
    [InlineData("cpython@3.12.1", "3.12.1", false, "cpython", null)]
    [InlineData("cpython-3.12.1-linux-x86_64-gnu", "3.12.1", false, "cpython", "linux-x86_64-gnu")]
    [InlineData("pypy3.9", "3.9", true, "pypy", null)]
    [InlineData("py3.11", "3.11", true, null, null)]
    [InlineData("py311", "3.11", true, null, null)]
    [InlineData("cp39", "3.9", true, "cpython", null)]
    [InlineData("3.x", "3", true, null, null)]
    [InlineData("3.X", "3", true, null, null)]
    [InlineData("3", "3", true, null, null)]
    [InlineData("3.11.x", "3.11", true, null, null)]
    [InlineData("3.13.0rc1", "3.13.0rc1", false, null, null)]
    [InlineData("3.14.0rc2-slim", "3.14.0rc2", false, null, "slim")]
    [InlineData("3.13.0a4", "3.13.0a4", false, null, null)]
    public void Reads_python_versions(string text, string expected, bool isRange, string? implementation, string? variant)
    {
        Assert.True(PythonVersion.TryParse(text, out var v), $"'{text}' rejected");
        Assert.Equal(expected, v!.ToString());
        Assert.Equal(isRange, v.IsRange);
        Assert.Equal(implementation, v.Implementation);
        Assert.Equal(variant, v.Variant);
    }

    [Fact]
    public void Reads_free_threaded_builds()
    {
        Assert.True(PythonVersion.Parse("3.13t").FreeThreaded);
        Assert.True(PythonVersion.Parse("python3.13t").FreeThreaded);
        Assert.Equal("3.13", PythonVersion.Parse("3.13t").ToString());
        Assert.False(PythonVersion.Parse("3.13").FreeThreaded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("slim")]
    [InlineData("system")]
    [InlineData("python")]
    [InlineData("3.11.9.1")]
    [InlineData("3.11abc")]
    [InlineData("3.")]
    [InlineData(".11")]
    [InlineData(null)]
    public void Rejects_text_without_a_version(string? text)
    {
        Assert.False(PythonVersion.TryParse(text, out _));
    }

    [Theory]
    // A line (X.Y) stands for all its patch releases: admitted when one of them is.
    [InlineData("3.11", ">=3.11", true)]
    [InlineData("3.12", ">=3.11", true)]
    [InlineData("3.8", ">=3.11", false)]
    [InlineData("3.10", ">=3.11", false)]
    [InlineData("3.11", ">=3.11.4", true)]
    [InlineData("3.11", ">3.11", true)]
    [InlineData("3.11", "<3.11", false)]
    [InlineData("3.11", "<=3.11", true)]
    [InlineData("3.11", ">=3.9,<3.12", true)]
    [InlineData("3.12", ">=3.9,<3.12", false)]
    [InlineData("3.11", "~=3.10", true)]
    [InlineData("3.11", "==3.10.*", false)]
    [InlineData("3.11", "!=3.11.*", false)]
    [InlineData("3.11", "", true)]
    // Exact releases are checked as pip checks Requires-Python.
    [InlineData("3.11.9", ">=3.11", true)]
    [InlineData("3.11.2", ">=3.11.4", false)]
    [InlineData("3.11.2", "!=3.11.2", false)]
    [InlineData("3.13.0rc1", ">=3.13", false)]
    [InlineData("3.13.0rc1", ">=3.12", true)]
    // Ranges of a major version.
    [InlineData("3.x", ">=3.11", true)]
    [InlineData("3", "<3", false)]
    [InlineData("2", ">=3.8", false)]
    public void Admission_by_requires_python(string python, string requiresPython, bool expected)
    {
        var v = PythonVersion.Parse(python);
        Assert.Equal(expected, v.IsAdmittedBy(Pep440SpecifierSet.Parse(requiresPython)));
    }

    [Theory]
    [InlineData("3.11", ">=3.11", true)]
    [InlineData("3.11", ">=3.11.4", false)]
    [InlineData("3.11", "!=3.11.2", false)]
    [InlineData("3.11", ">=3.9,<3.13", true)]
    [InlineData("3.11", "<3.11.5", false)]
    [InlineData("3.11", "~=3.11.0", true)]
    [InlineData("3.11", "==3.11.*", true)]
    [InlineData("3.11", "<3.12", true)]
    [InlineData("3.x", ">=3.8", false)]
    [InlineData("3.11.4", ">=3.11.4", true)]
    public void Full_admission_covers_every_patch_release(string python, string requiresPython, bool expected)
    {
        var v = PythonVersion.Parse(python);
        Assert.Equal(expected, v.IsFullyAdmittedBy(Pep440SpecifierSet.Parse(requiresPython)));
    }

    [Fact]
    public void Range_converts_to_a_wildcard_specifier()
    {
        Assert.Equal("==3.11.*", PythonVersion.Parse("3.11-slim").ToSpecifierSet().ToString());
        Assert.Equal("==3.*", PythonVersion.Parse("3.x").ToSpecifierSet().ToString());
        Assert.Equal("==3.11.9", PythonVersion.Parse("3.11.9").ToSpecifierSet().ToString());
        Assert.Null(PythonVersion.Parse("3.11").ToPep440Version());
        Assert.Equal(Pep440Version.Parse("3.11.9"), PythonVersion.Parse("python3.11.9").ToPep440Version());
    }
}
