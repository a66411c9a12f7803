namespace MLOpsLint.Cli.Discovery;

/// <summary>A file to scan: its path relative to the repository root ('/' separators) and on disk.</summary>
internal sealed record DiscoveredFile(string RelativePath, string FullPath);

/// <summary>What discovery found: the root all paths are relative to, the files, and problems met on the way.</summary>
internal sealed record DiscoveryResult(
    string RootDirectory,
    bool IsGitRepository,
    IReadOnlyList<DiscoveredFile> Files,
    IReadOnlyList<Core.Findings.ScanDiagnostic> Diagnostics)
{
    /// <summary>Tracked files missing from the work tree (named in <see cref="Diagnostics"/>, not scanned).</summary>
    public IReadOnlyList<string> AbsentTracked { get; init; } = Array.Empty<string>();
}
