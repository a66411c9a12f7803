using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>MLO206 and Python from the distribution: the interpreter and its packaging tools (python3-dev, python3.5-dev,
/// python3-pip, python3-setuptools; the ecosystem run judged all four such results false) change nothing a model computes
/// beyond the minor version MLO601 compares; Python libraries from the distribution (python3-numpy) do.</summary>
public class PythonSystemPackageTests
{
    private const string Base = "FROM ubuntu:22.04@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";

    [Theory]
    [InlineData("python3-dev python3-pip")]
    [InlineData("python3.5-dev python3-setuptools")]
    [InlineData("python3 python3-venv python3.11 python3.11-venv python-is-python3")]
    [InlineData("python3-pip:amd64 py3-pip")]
    public void The_interpreter_and_packaging_tools_are_silent(string packages)
    {
        Assert.Empty(Fixture.Findings("Dockerfile", Base + "RUN apt-get update && apt-get install -y " + packages + "\n", "MLO206"));
    }

    [Fact]
    public void Python_libraries_from_the_distribution_still_change_results()
    {
        var f = Assert.Single(Fixture.Findings("Dockerfile", Base + "RUN apt-get update && apt-get install -y python3-dev python3-numpy python3-scipy python3-pip\n", "MLO206"));
        Assert.Contains("2 system packages", f.Message);
        Assert.Contains("'python3-numpy', 'python3-scipy'", f.Message);
        Assert.DoesNotContain("python3-dev", f.Message);
    }
}
