using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>MLO204 and the project's own image: skorch's <c>examples/translation/Dockerfile</c> starts <c>FROM skorch:latest</c>,
/// the image built from the repository's own Dockerfile just before (judged false in the ecosystem run). An image named
/// like the project's package, with no registry and no namespace, is the project's; anything else is still a registry's.</summary>
public class OwnImageTests
{
    private static string PyProject(string name) => $"[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"{name}\"\nversion = \"1.0\"\n";

    private static string[] Images(string package, string from) =>
        Fixture.Scan(
                SourceDocument.FromText("pyproject.toml", PyProject(package)),
                SourceDocument.FromText("Dockerfile", "FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN pip install .\n"),
                SourceDocument.FromText("examples/translation/Dockerfile", from + "\nWORKDIR /app\n"))
            .Findings.Where(f => f.RuleId == "MLO204").Select(f => f.Path).ToArray();

    [Theory]
    [InlineData("skorch", "FROM skorch:latest")]
    [InlineData("skorch", "FROM skorch")]
    [InlineData("my_tool", "FROM my-tool:latest")]
    public void The_projects_own_image_is_silent(string package, string from) => Assert.Empty(Images(package, from));

    [Theory]
    [InlineData("other", "FROM skorch:latest")]
    [InlineData("skorch", "FROM skorch-dev/skorch:latest")]
    [InlineData("skorch", "FROM ghcr.io/skorch:latest")]
    [InlineData("python", "FROM python:latest")]
    [InlineData("redis", "FROM redis")]
    public void A_registry_image_is_still_reported(string package, string from) =>
        Assert.Equal(new[] { "examples/translation/Dockerfile" }, Images(package, from));
}
