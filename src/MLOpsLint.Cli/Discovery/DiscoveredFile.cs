namespace MLOpsLint.Cli.Discovery;

/// <summary>A file to scan: its path relative to the repository root ('/' separators) and on disk.</summary>
internal sealed record DiscoveredFile(string RelativePath, string FullPath)
{
    /// <summary>Set for a tracked file a sparse checkout leaves out of the work tree: its content is its index blob.</summary>
    public IndexBlob? Blob { get; init; }
}

/// <summary>The index blob of a file that is not in the work tree (<see cref="Git.IndexBlobContent"/>).</summary>
internal sealed record IndexBlob(Git.IndexBlobStore Store, string Sha, long Size);

/// <summary>What discovery found: the root all paths are relative to, the files, and problems met on the way.</summary>
internal sealed record DiscoveryResult(
    string RootDirectory,
    bool IsGitRepository,
    IReadOnlyList<DiscoveredFile> Files,
    IReadOnlyList<Core.Findings.ScanDiagnostic> Diagnostics)
{
    /// <summary>Tracked files missing from the work tree and not judged (named in <see cref="Diagnostics"/>): deleted, or
    /// their blob is not in the object store. Files a sparse checkout leaves out are judged from their index blob instead
    /// (<see cref="DiscoveredFile.Blob"/>).</summary>
    public IReadOnlyList<string> AbsentTracked { get; init; } = Array.Empty<string>();
}
