using MLOpsLint.Core.Environments;

namespace MLOpsLint.Core.Checks.Mismatch;

internal static class MismatchSupport
{
    /// <summary>Configuration problems are reported once per scan, by the first MLO6xx check (PythonVersionCheck).</summary>
    public static void ReportProblems(EnvironmentModel model, CheckContext context)
    {
        foreach (var p in model.ConfigProblems)
        {
            context.Warn(context.Config.SourcePath ?? "pyproject.toml", p);
        }
    }
}
