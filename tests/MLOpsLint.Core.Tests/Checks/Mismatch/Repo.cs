using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Core.Tests.Checks.Mismatch;

/// <summary>Mini repositories for the MLO6xx tests: files in memory, the real engine, findings of one rule.</summary>
internal static class Repo
{
    public static LintResult Scan(LintConfig config, params (string Path, string Text)[] files) =>
        new Linter().Run(new RepositorySnapshot(files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray()), config, maxParallelism: 1);

    public static IReadOnlyList<Finding> Run(string rule, params (string Path, string Text)[] files) =>
        Run(LintConfig.Default, rule, files);

    public static IReadOnlyList<Finding> Run(LintConfig config, string rule, params (string Path, string Text)[] files) =>
        Scan(config, files).Findings.Where(f => f.RuleId == rule).ToArray();

    /// <summary>A configuration with <c>[tool.mlops-lint.environments]</c> (and anything else) from TOML text.</summary>
    public static LintConfig Config(string toml)
    {
        var warnings = new List<ScanDiagnostic>();
        var config = ConfigParser.Parse(toml, "mlops-lint.toml", isPyProject: false, warnings);
        Assert.NotNull(config);
        return config!;
    }
}
