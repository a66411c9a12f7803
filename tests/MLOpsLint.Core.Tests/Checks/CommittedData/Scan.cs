using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>Builds documents the way the CLI does and runs the real engine over them.</summary>
internal static class Scan
{
    public static SourceDocument Doc(string path, byte[] bytes, string? origin = null) =>
        new(path, bytes, bytes.Length, isComplete: true, origin: origin);

    public static SourceDocument TextDoc(string path, string text, string? origin = null) => Doc(path, Samples.Utf8(text), origin);

    /// <summary>Only the first <paramref name="headLength"/> bytes, as the CLI reads a file over its size cap.</summary>
    public static SourceDocument Head(string path, byte[] bytes, int headLength) =>
        new(path, bytes.AsMemory(0, Math.Min(headLength, bytes.Length)), bytes.Length, isComplete: false);

    public static LintResult Run(params SourceDocument[] documents) => Fixture.Scan(documents);

    public static LintResult Run(LintConfig config, params SourceDocument[] documents) => Fixture.Scan(config, documents);

    public static IReadOnlyList<Finding> Of(string ruleId, params SourceDocument[] documents) =>
        Run(documents).Findings.Where(f => f.RuleId == ruleId).ToArray();

    public static IReadOnlyList<Finding> Family(params SourceDocument[] documents) =>
        Run(documents).Findings.Where(f => f.RuleId.StartsWith("MLO1", StringComparison.Ordinal)).ToArray();

    public static IReadOnlyList<Finding> Family(LintConfig config, params SourceDocument[] documents) =>
        Run(config, documents).Findings.Where(f => f.RuleId.StartsWith("MLO1", StringComparison.Ordinal)).ToArray();

    public static string[] Ids(IEnumerable<Finding> findings) => findings.Select(f => f.RuleId).OrderBy(x => x, StringComparer.Ordinal).ToArray();

    /// <summary>A configuration with options for one rule, as [tool.mlops-lint.rules.MLOxxx] would give.</summary>
    public static LintConfig WithOptions(string ruleId, params (string Name, object Value)[] options) => new()
    {
        RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
        {
            [ruleId] = new RuleOptions(options.ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal)),
        },
    };
}
