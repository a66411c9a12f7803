using System.Reflection;

namespace MLOpsLint.Cli;

internal static class VersionInfo
{
    public static string Version { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(VersionInfo).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    public const string InformationUri = "https://github.com/mlops-lint/mlops-lint";
}
