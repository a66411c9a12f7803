namespace MLOpsLint.Cli.Discovery;

/// <summary>
/// Whether a directory could be inside a git repository, from the file system alone: loading libgit2 (managed and
/// native) costs a plain-directory scan more than the rest of its discovery. The answer errs towards "could be":
/// only when no directory from <c>path</c> up to the root has a <c>.git</c> entry or a <c>HEAD</c> file (the mark
/// of a bare repository or a git directory) is there certainly no repository for libgit2 to discover.
/// </summary>
internal static class RepositoryProbe
{
    public static bool MayBeInRepository(string path)
    {
        for (var dir = new DirectoryInfo(path); dir != null; dir = dir.Parent)
        {
            string d = dir.FullName;
            if (Path.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, "HEAD"))) return true;
        }
        return false;
    }
}
