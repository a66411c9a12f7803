using OmniSharp.Extensions.LanguageServer.Protocol;

namespace MLOpsLint.Cli.Server;

/// <summary>Editor URIs to the paths the engine uses: repository-relative with '/' inside the workspace root; the
/// absolute path for a file outside it (only its own document checks run).</summary>
internal sealed class PathMapper
{
    public Workspace? Workspace { get; set; }

    public string? PathOf(DocumentUri uri)
    {
        if (!string.Equals(uri.Scheme, "file", StringComparison.OrdinalIgnoreCase)) return null;
        string full = Path.GetFullPath(uri.GetFileSystemPath());
        return Workspace?.RelativePath(full) ?? full.Replace('\\', '/');
    }
}
