namespace MLOpsLint.Core.Rules;

// MLO3xx — missing random seeds.
public static partial class RuleCatalog
{
    public static readonly RuleDescriptor MLO303 = new(
        "MLO303",
        "unseeded-mlcontext",
        "MLContext created without a seed",
        Severity.Warning,
        "new MLContext() without a seed makes ML.NET pick a random one: shuffling, train/test splits, "
        + "cross-validation folds and the trainers' own initialisation differ on every run, so a model "
        + "cannot be trained twice the same way.",
        "Pass a fixed seed: new MLContext(seed: 0).");
}
