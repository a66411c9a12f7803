namespace MLOpsLint.Core.Configuration;

/// <summary>A configuration that cannot be used: the scan stops with exit code 2 and this message.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string path, int? line, string message)
        : base(line is int l ? $"{path}:{l}: {message}" : $"{path}: {message}")
    {
        Path = path;
        Line = line;
    }

    public string Path { get; }

    public int? Line { get; }
}
