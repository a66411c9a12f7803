using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>Real-looking files with <c>expect: MLO2xx</c> on the lines that must fire; every other line stays silent.</summary>
public class FixtureTests
{
    [Theory]
    [InlineData("requirements.txt", "requirements.txt", "MLO201")]
    [InlineData("requirements.txt", "requirements.txt", "MLO211")]
    [InlineData("environment.yml", "environment.yml", "MLO201")]
    [InlineData("ci.yml", ".github/workflows/ci.yml", "MLO207")]
    [InlineData("ci.yml", ".github/workflows/ci.yml", "MLO208")]
    [InlineData("ci.yml", ".github/workflows/ci.yml", "MLO209")]
    [InlineData("ci.yml", ".github/workflows/ci.yml", "MLO205")]
    [InlineData("setup.sh", "scripts/setup.sh", "MLO205")]
    [InlineData("setup.sh", "scripts/setup.sh", "MLO206")]
    [InlineData("Trainer.csproj.xml", "src/Trainer/Trainer.csproj", "MLO210")]
    public void Single_file_fixture(string fixture, string path, string rule)
    {
        Fixture.AssertExpectations(path, Fixture.Read("Dependencies/" + fixture), rule);
    }

    [Theory]
    [InlineData("MLO204")]
    [InlineData("MLO205")]
    [InlineData("MLO206")]
    [InlineData("MLO211")]
    public void Dockerfile_fixture_with_its_build_context(string rule)
    {
        string text = Fixture.Read("Dependencies/Dockerfile");
        var result = Fixture.Scan(
            SourceDocument.FromText("Dockerfile", text),
            SourceDocument.FromText("serving-requirements.txt", Fixture.Read("Dependencies/serving-requirements.txt")));
        var actual = result.Findings.Where(f => f.RuleId == rule && f.Path == "Dockerfile").Select(f => f.Span.StartLine).Distinct().OrderBy(l => l).ToArray();
        var expected = Fixture.ExpectedLines(text, rule).ToArray();
        Assert.True(expected.SequenceEqual(actual),
            $"{rule}: expected [{string.Join(", ", expected)}], fired on [{string.Join(", ", actual)}]\n"
            + string.Join("\n", result.Findings.Where(f => f.RuleId == rule).Select(f => $"  {f.Span.StartLine}:{f.Span.StartColumn} {f.Message}")));
    }
}
