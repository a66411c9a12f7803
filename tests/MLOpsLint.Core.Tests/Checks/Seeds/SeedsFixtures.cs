using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Seeds;

/// <summary>Runs the real engine over several documents (a repository) and checks every document's
/// <c>expect: MLO3xx</c> markers.</summary>
internal static class SeedsFixtures
{
    public static SourceDocument Doc(string path, string text) => SourceDocument.FromText(path, text);

    public static SourceDocument File(string fixture, string? path = null) =>
        SourceDocument.FromText(path ?? fixture, Fixture.Read("Seeds/" + fixture));

    public static LintResult Run(params SourceDocument[] docs) => Fixture.Scan(docs);

    public static LintResult Run(LintConfig config, params SourceDocument[] docs) => Fixture.Scan(config, docs);

    public static IReadOnlyList<Finding> Of(string ruleId, params SourceDocument[] docs) =>
        Run(docs).Findings.Where(f => f.RuleId == ruleId).ToArray();

    public static IReadOnlyList<Finding> Of(string ruleId, LintConfig config, params SourceDocument[] docs) =>
        Run(config, docs).Findings.Where(f => f.RuleId == ruleId).ToArray();

    /// <summary>Every document's expectations for <paramref name="ruleId"/> hold when they are scanned together.</summary>
    public static IReadOnlyList<Finding> AssertExpectations(string ruleId, params SourceDocument[] docs) =>
        AssertExpectations(ruleId, LintConfig.Default, docs);

    public static IReadOnlyList<Finding> AssertExpectations(string ruleId, LintConfig config, params SourceDocument[] docs)
    {
        var findings = Of(ruleId, config, docs);
        foreach (var d in docs)
        {
            var actual = findings.Where(f => f.Path == d.Path).Select(f => f.Span.StartLine).Distinct().OrderBy(l => l).ToArray();
            var expected = Fixture.ExpectedLines(d.Text, ruleId).ToArray();
            Assert.True(expected.SequenceEqual(actual),
                $"{ruleId} in {d.Path}: expected on lines [{string.Join(", ", expected)}], fired on [{string.Join(", ", actual)}]\n"
                + string.Join("\n", findings.Where(f => f.Path == d.Path).Select(f => $"  {f.Span.StartLine}:{f.Span.StartColumn} {f.Message}")));
        }
        return findings;
    }

    public static LintConfig WithOptions(string ruleId, params (string Name, object Value)[] options) => new()
    {
        RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
        {
            [ruleId] = new RuleOptions(options.ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal)),
        },
    };
}
