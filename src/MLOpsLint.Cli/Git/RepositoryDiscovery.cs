using System.Runtime.CompilerServices;
using LibGit2Sharp;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// The repository around a path (what <c>Repository.Discover</c> answers), in the JIT build and in the Native AOT one.
/// In a Native AOT process libgit2's <c>git_repository_discover</c> answers nothing through LibGit2Sharp 0.32: its
/// result comes back in a <c>GitBuf</c> class passed by value, which the JIT pins (so libgit2's write is seen) and the
/// AOT marshaller copies in only, so <c>Discover</c> returns null for every repository. The AOT build walks up itself
/// instead and asks libgit2 at each level that has a <c>.git</c> entry or a <c>HEAD</c> file whether a repository opens
/// there (<c>Repository.IsValid</c>, libgit2's own test without searching): the work tree root (or the bare
/// repository) it returns opens as the git directory does. Unlike libgit2 it walks the path's own parents (libgit2
/// first resolves symbolic links) and does not stop at a file-system boundary.
/// </summary>
internal static class RepositoryDiscovery
{
    /// <summary>The git directory (JIT) or repository root (AOT) of the repository containing <paramref name="path"/>;
    /// null when there is none. Throws what libgit2 throws for a repository it cannot read.</summary>
    public static string? Find(string path) =>
        RuntimeFeature.IsDynamicCodeSupported ? Repository.Discover(path) : WalkUp(path);

    private static string? WalkUp(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(path)); dir != null; dir = dir.Parent)
        {
            string d = dir.FullName;
            if ((Path.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, "HEAD"))) && Repository.IsValid(d)) return d;
        }
        return null;
    }
}
