namespace MLOpsLint.Cli.Discovery;

/// <summary>
/// Whether a directory could be inside a git repository, from the file system alone: loading libgit2 (managed and
/// native) costs a plain-directory scan more than the rest of its discovery. The answer errs towards "could be":
/// only when no directory from <c>path</c> up to the root has a <c>.git</c> entry or a <c>HEAD</c> file (the mark
/// of a bare repository or a git directory) is there certainly no repository for libgit2 to discover. A symbolic
/// link on the way also answers "could be": libgit2 walks up from the resolved path, whose parents are others.
/// </summary>
internal static class RepositoryProbe
{
    public static bool MayBeInRepository(string path)
    {
        try
        {
            for (var dir = new DirectoryInfo(path); dir != null; dir = dir.Parent)
            {
                string d = dir.FullName;
                if (dir.LinkTarget != null || Path.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, "HEAD"))) return true;
            }
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // the file system would not say: libgit2 decides, as it always did
        }
    }
}
