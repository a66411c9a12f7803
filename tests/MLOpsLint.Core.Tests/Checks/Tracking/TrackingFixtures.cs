using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Tracking;

/// <summary>Mini repositories for the MLO7xx rules: fixture files under Fixtures/Tracking, placed at the paths a real
/// repository would have them.</summary>
internal static class TrackingFixtures
{
    public static SourceDocument File(string fixture, string? path = null) =>
        SourceDocument.FromText(path ?? fixture, Fixture.Read("Tracking/" + fixture));

    public static SourceDocument Doc(string path, string text) => SourceDocument.FromText(path, text);
}
