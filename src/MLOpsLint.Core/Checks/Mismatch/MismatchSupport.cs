using MLOpsLint.Core.Environments;

namespace MLOpsLint.Core.Checks.Mismatch;

internal static class MismatchSupport
{
    /// <summary>Where an MLO6xx finding can be (<see cref="IReportsOnlyOn"/>): on a fact, so in a file that may hold facts
    /// (<see cref="FactReader.MaySummarize"/>, by kind and name), or a configuration problem on a TOML file. A staged scan
    /// of Python modules alone runs none of these checks, and so reads no manifest, notebook or Dockerfile for them.</summary>
    public static bool MayReportOn(Documents.SourceDocument document) =>
        FactReader.MaySummarize(document) || document.Kind == Documents.DocumentKind.Toml;

    /// <summary>Configuration problems are reported once per scan, by the first MLO6xx check (PythonVersionCheck).</summary>
    public static void ReportProblems(EnvironmentModel model, CheckContext context)
    {
        foreach (var p in model.ConfigProblems)
        {
            context.Warn(context.Config.SourcePath ?? "pyproject.toml", p);
        }
    }
}
