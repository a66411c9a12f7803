using System.Text.RegularExpressions;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Core.Tests.Support;

/// <summary>
/// Runs the real engine (all checks, configuration, noqa, fingerprints) over in-memory documents, and
/// checks fixture expectations written beside the lines, as sonar-dotnet does:
/// a line that must fire carries <c>expect: MLO301</c> (several ids comma-separated) in a comment;
/// every other line must stay silent for the rule under test.
/// </summary>
public static class Fixture
{
    private static readonly Regex Expect = new(@"expect:\s*(?<ids>MLO\d{3}(?:\s*,\s*MLO\d{3})*)", RegexOptions.Compiled);

    public static LintResult Scan(params SourceDocument[] documents) => Scan(LintConfig.Default, documents);

    public static LintResult Scan(LintConfig config, params SourceDocument[] documents) =>
        new Linter().Run(new RepositorySnapshot(documents), config, maxParallelism: 1);

    public static LintResult Scan(string path, string text, LintConfig? config = null) =>
        Scan(config ?? LintConfig.Default, SourceDocument.FromText(path, text));

    public static IReadOnlyList<Finding> Findings(string path, string text, string ruleId, LintConfig? config = null) =>
        Scan(path, text, config).Findings.Where(f => f.RuleId == ruleId).ToArray();

    /// <summary>Lines (1-based) of <paramref name="text"/> whose expectation names <paramref name="ruleId"/>.</summary>
    public static IReadOnlyList<int> ExpectedLines(string text, string ruleId)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Expect.Match(lines[i]);
            if (m.Success && m.Groups["ids"].Value.Split(',').Any(id => id.Trim() == ruleId)) result.Add(i + 1);
        }
        return result;
    }

    /// <summary>Asserts that <paramref name="ruleId"/> fires on exactly the lines marked <c>expect: ruleId</c>.</summary>
    public static IReadOnlyList<Finding> AssertExpectations(string path, string text, string ruleId, LintConfig? config = null)
    {
        var findings = Findings(path, text, ruleId, config);
        var actual = findings.Select(f => f.Span.StartLine).Distinct().OrderBy(l => l).ToArray();
        var expected = ExpectedLines(text, ruleId).ToArray();
        Assert.True(expected.SequenceEqual(actual),
            $"{ruleId} in {path}: expected on lines [{string.Join(", ", expected)}], fired on [{string.Join(", ", actual)}]\n"
            + string.Join("\n", findings.Select(f => $"  {f.Span.StartLine}:{f.Span.StartColumn} {f.Message}")));
        return findings;
    }

    /// <summary>Reads a fixture file committed under tests/MLOpsLint.Core.Tests/Fixtures.</summary>
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));
}
