namespace MLOpsLint.Core.Rules;

/// <summary>The five mistakes (plus version mismatch, and the module's other two: untracked experiments and data). The hundreds digit of a rule id is its family, always.</summary>
public enum RuleFamily
{
    CommittedData = 1,
    UnpinnedDependencies = 2,
    MissingSeeds = 3,
    HardcodedCredentials = 4,
    HardcodedPaths = 5,
    VersionMismatch = 6,
    UntrackedExperiments = 7,
}

public static class RuleFamilies
{
    public static readonly IReadOnlyList<RuleFamily> All = new[]
    {
        RuleFamily.CommittedData, RuleFamily.UnpinnedDependencies, RuleFamily.MissingSeeds,
        RuleFamily.HardcodedCredentials, RuleFamily.HardcodedPaths, RuleFamily.VersionMismatch,
        RuleFamily.UntrackedExperiments,
    };

    /// <summary>The family prefix used by <c>--select MLO2</c>: "MLO" plus the hundreds digit.</summary>
    public static string Prefix(this RuleFamily family) => "MLO" + (int)family;

    /// <summary>Short kebab-case tag used in SARIF <c>properties.tags</c> and summaries.</summary>
    public static string Tag(this RuleFamily family) => family switch
    {
        RuleFamily.CommittedData => "committed-data",
        RuleFamily.UnpinnedDependencies => "unpinned-dependencies",
        RuleFamily.MissingSeeds => "missing-seeds",
        RuleFamily.HardcodedCredentials => "hardcoded-credentials",
        RuleFamily.HardcodedPaths => "hardcoded-paths",
        RuleFamily.VersionMismatch => "version-mismatch",
        RuleFamily.UntrackedExperiments => "untracked-experiments",
        _ => "other",
    };

    public static string Title(this RuleFamily family) => family switch
    {
        RuleFamily.CommittedData => "Data and models committed to git",
        RuleFamily.UnpinnedDependencies => "Unpinned dependencies",
        RuleFamily.MissingSeeds => "Missing random seeds",
        RuleFamily.HardcodedCredentials => "Hardcoded credentials",
        RuleFamily.HardcodedPaths => "Hardcoded paths",
        RuleFamily.VersionMismatch => "Dev-prod version mismatch",
        RuleFamily.UntrackedExperiments => "Untracked experiments and data",
        _ => "Other",
    };

    public static RuleFamily FromId(string ruleId)
    {
        if (ruleId.Length >= 4 && ruleId.StartsWith("MLO", StringComparison.Ordinal) && char.IsDigit(ruleId[3]))
        {
            return (RuleFamily)(ruleId[3] - '0');
        }
        throw new ArgumentException($"Not an MLOps Lint rule id: '{ruleId}'", nameof(ruleId));
    }
}

public static class RuleFamilyCategories
{
    /// <summary>The Roslyn diagnostic category of a family's rules, used by
    /// <c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c>.</summary>
    public static string Category(this RuleFamily family) => "MLOps." + family.ToString();
}
