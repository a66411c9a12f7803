using LibGit2Sharp;
using MLOpsLint.Cli.Discovery;

namespace MLOpsLint.Cli.Git;

/// <summary>Opens the repository around a path, with clear errors for what cannot be scanned.</summary>
internal static class GitRepository
{
    /// <summary>Opens the repository that contains <paramref name="path"/>; throws UsageException when there is none.</summary>
    public static Repository Open(string path, string mode, bool allowBare)
    {
        string? gitDir;
        try
        {
            gitDir = RepositoryDiscovery.Find(path);
        }
        catch (Exception)
        {
            gitDir = null;
        }
        if (gitDir == null)
        {
            throw new UsageException($"{mode} needs a git repository, and {path} is not inside one");
        }
        Repository repo;
        try
        {
            repo = new Repository(gitDir);
        }
        catch (Exception e)
        {
            throw new UsageException($"the git repository at {gitDir} cannot be opened: {e.Message}");
        }
        if (repo.Info.IsBare && !allowBare)
        {
            repo.Dispose();
            throw new UsageException($"{path} is a bare git repository (it has no working tree or index to scan); use --history, or clone it first");
        }
        return repo;
    }

    /// <summary>The repository root for a path, read with LibGit2Sharp (for configuration lookups before a history walk
    /// without the git executable; with it, <see cref="GitCliRepository.Locate"/> answers).</summary>
    public static string TopLevel(string path)
    {
        using var repo = Open(path, "--history", allowBare: true);
        return Root(repo);
    }

    /// <summary>The root all reported paths are relative to: the work tree, or the git directory of a bare repository.</summary>
    public static string Root(Repository repo) =>
        Path.GetFullPath(repo.Info.WorkingDirectory ?? repo.Info.Path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
}
