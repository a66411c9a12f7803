using System.Text;
using MLOpsLint.Cli.Discovery;
using MLOpsLint.Core.Baseline;
using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Cli.Commands;

/// <summary><c>mlops-lint baseline</c>: accept today's findings, so only new ones fail from now on.</summary>
internal static class BaselineCommand
{
    public const string DefaultFileName = "mlops-lint-baseline.json";

    public static int Execute(ScanOptions options, string? outputPath, TextWriter stdout, TextWriter stderr)
    {
        ScanRunner.Outcome outcome;
        try
        {
            outcome = ScanRunner.Run(options, applyBaseline: false);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"mlops-lint: error: {e.Message}");
            return ExitCodes.CannotRun;
        }
        catch (ConfigException e)
        {
            stderr.WriteLine($"mlops-lint: error: configuration {e.Message}");
            return ExitCodes.CannotRun;
        }
        string path = outputPath ?? Path.Combine(outcome.Root, DefaultFileName);
        var baseline = BaselineFile.FromFindings(outcome.Result.Findings);
        try
        {
            File.WriteAllText(path, Core.Text.Redaction.Scrub(baseline.Serialize()), new UTF8Encoding(false)); // the one redaction step, as for every output
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"mlops-lint: error: cannot write {path}: {e.Message}");
            return ExitCodes.CannotRun;
        }
        stdout.WriteLine($"Wrote {baseline.Entries.Count} accepted findings to {path}.");
        stdout.WriteLine($"Commit it, then run 'mlops-lint scan --baseline {Path.GetFileName(path)}' to report only new findings.");
        return ExitCodes.Clean;
    }
}
