using System.Text;

namespace MLOpsLint.Cli.Git;

/// <summary>Where a repository is, as the git executable sees it.</summary>
/// <param name="GitDir">The git directory (of this worktree, for a linked worktree).</param>
/// <param name="Root">What reported paths are relative to: the work tree, or the git directory of a bare repository.</param>
internal sealed record GitLocation(string GitDir, string Root, bool IsBare);

/// <summary>An entry of a tree listing (<c>git ls-tree -r</c>): a blob or a symbolic link, with its path.</summary>
internal sealed record GitTreeEntry(string Mode, string Sha, string Path);

/// <summary>
/// The repository facts a history scan needs, from short git commands: where the repository is, what a revision
/// names, which files a commit has. With these the scan needs no LibGit2Sharp (whose native library costs more to
/// load than the commands cost to run); null answers send the caller back to LibGit2Sharp.
/// </summary>
internal static class GitCliRepository
{
    /// <summary>The repository around <paramref name="path"/>, or null when git does not give a plain answer (not a
    /// repository, a path inside .git, a repository git refuses to read).</summary>
    public static GitLocation? Locate(string path)
    {
        var (code, output) = Run(new[] { "-C", path, "rev-parse", "--is-bare-repository", "--absolute-git-dir", "--show-toplevel" });
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length >= 2 && lines[0] == "true")
        {
            string gitDir = Normalise(lines[1]);
            return new GitLocation(gitDir, gitDir, true);
        }
        if (code != 0 || lines.Length < 3 || lines[0] != "false") return null;
        return new GitLocation(Normalise(lines[1]), Normalise(lines[2]), false);
    }

    /// <summary>The commit <paramref name="revision"/> names (a sha, branch, tag, <c>HEAD~3</c>), or null.</summary>
    public static string? ResolveCommit(string gitDir, string revision)
    {
        if (revision.StartsWith("-", StringComparison.Ordinal)) return null; // never an option
        var (code, output) = Run(new[] { "--git-dir", gitDir, "rev-parse", "--verify", "--quiet", revision + "^{commit}" });
        string sha = output.Trim();
        return code == 0 && sha.Length >= 40 ? sha : null;
    }

    /// <summary>Every file of <paramref name="treeish"/>'s tree, recursively; empty when it has none (no commits yet).</summary>
    public static IReadOnlyList<GitTreeEntry> ListFiles(string gitDir, string treeish)
    {
        var (code, output) = Run(new[] { "--git-dir", gitDir, "ls-tree", "-r", "-z", "--full-tree", treeish });
        var entries = new List<GitTreeEntry>();
        if (code != 0) return entries;
        foreach (var record in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> SP <type> SP <sha> TAB <path>"
            int tab = record.IndexOf('\t');
            if (tab < 0) continue;
            var head = record.Substring(0, tab).Split(' ');
            if (head.Length != 3 || head[1] != "blob") continue; // submodules are commits
            entries.Add(new GitTreeEntry(head[0], head[2], record.Substring(tab + 1)));
        }
        return entries;
    }

    /// <summary>The content of a blob, or null when it cannot be read.</summary>
    public static byte[]? ReadBlob(string gitDir, string sha)
    {
        var (code, output) = RunBytes(new[] { "--git-dir", gitDir, "cat-file", "blob", sha });
        return code == 0 ? output : null;
    }

    private static (int Code, string Output) Run(IEnumerable<string> args)
    {
        var (code, output) = RunBytes(args);
        return (code, new UTF8Encoding(false).GetString(output));
    }

    private static (int Code, byte[] Output) RunBytes(IEnumerable<string> args)
    {
        using var p = GitCli.Start(args, redirectInput: false);
        var stderr = p.StandardError.ReadToEndAsync();
        using var buffer = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(buffer);
        p.WaitForExit();
        _ = stderr.Result;
        return (p.ExitCode, buffer.ToArray());
    }

    private static string Normalise(string path) =>
        System.IO.Path.GetFullPath(path.Trim()).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
}
