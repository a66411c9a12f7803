using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Cli.Git.FactCache;

/// <summary>What of the configuration may shape the facts kept for a file (<see cref="BlobFactCache.KeyFor"/>): the
/// configuration file's bytes (rule options such as extra data extensions, the environments section) and the text size
/// cap. Other settings (selection, severities, exclusions, .editorconfig) decide what is reported, not what a file holds.</summary>
internal static class FactCacheSettings
{
    public static string Of(LintConfig config)
    {
        string file = "";
        if (config.SourcePath is { } path)
        {
            try
            {
                file = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // read a moment ago by the configuration loader: a file that cannot be read now gets a key of its own
                file = "unreadable " + Guid.NewGuid().ToString("N");
            }
        }
        return $"config {file} max-text {config.MaxTextFileSize}";
    }
}
