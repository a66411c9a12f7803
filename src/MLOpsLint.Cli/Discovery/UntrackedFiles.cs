using System.IO.Enumeration;
using LibGit2Sharp;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Discovery;

/// <summary>
/// The untracked files of a work tree that git does not ignore, found by walking the directories and asking libgit2's
/// ignore rules (every .gitignore level, .git/info/exclude, core.excludesFile) only about paths the index does not hold.
/// Not <c>git_status_list_new</c>: besides the untracked files, status compares every tracked file with the index, and
/// when a file's stat data differs from what the index recorded (any copy of the repository: <c>cp -a</c>, a CI cache, a
/// restored backup — the inodes change) libgit2 hashes the file again, after looking up its attributes; a
/// <c>.gitattributes</c> pattern like <c>*a*a*a…*b</c> against a long name then takes libgit2's matcher minutes per
/// file. The scan needs none of that (tracked files come from the index), so nothing here reads a tracked file or its
/// attributes. What is listed is what status listed as new in the work directory: regular files only (libgit2 skips
/// FIFOs, sockets and devices), symbolic links not followed, no <c>.git</c> entry, an ignored directory not descended,
/// and a nested repository (an untracked folder with its own <c>.git</c>) left alone.
/// </summary>
internal static class UntrackedFiles
{
    /// <summary>The untracked, not ignored regular files under <paramref name="scope"/> ("" for the whole work tree), as
    /// paths relative to <paramref name="root"/>, in no particular order. <paramref name="tracked"/> holds the index's
    /// paths (compared as the repository compares names: <c>core.ignorecase</c>).</summary>
    public static List<string> Find(Repository repo, string root, string scope, ISet<string> tracked, List<ScanDiagnostic> diagnostics)
    {
        var found = new List<string>();
        string start = scope.Length == 0 ? root : Path.Combine(root, scope);
        if (!Directory.Exists(start))
        {
            // a single file asked for: listed when untracked and not ignored
            if (scope.Length > 0 && !tracked.Contains(scope) && File.Exists(start) && !IsLink(start)
                && FileType.NotRegular(start) == null && !Ignored(repo, scope))
            {
                found.Add(scope);
            }
            return found;
        }
        var pending = new Stack<string>();
        pending.Push(scope);
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        while (pending.Count > 0)
        {
            string dirRel = pending.Pop();
            string dir = dirRel.Length == 0 ? root : Path.Combine(root, dirRel);
            List<(string Name, bool IsDirectory, bool IsLink)> entries;
            try
            {
                entries = new FileSystemEnumerable<(string, bool, bool)>(dir,
                    (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                    options).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning, $"directory cannot be read: {e.Message}", dirRel.Length == 0 ? "." : dirRel));
                continue;
            }
            foreach (var (name, isDirectory, isLink) in entries)
            {
                // .git is never part of the work tree (libgit2's built-in ignore rule), at any level
                if (name == ".git") continue;
                string rel = dirRel.Length == 0 ? name : dirRel + "/" + name;
                if (isLink) continue; // symbolic links are never followed, and a link itself is not scanned
                if (isDirectory)
                {
                    string full = Path.Combine(dir, name);
                    if (Path.Exists(Path.Combine(full, ".git")) && Repository.IsValid(full)) continue; // a nested repository or submodule
                    if (Ignored(repo, rel + "/")) continue; // nothing untracked below an ignored folder is listed
                    pending.Push(rel);
                    continue;
                }
                if (tracked.Contains(rel)) continue;
                if (FileType.NotRegular(Path.Combine(dir, name)) != null) continue; // FIFOs, sockets, devices: status skips them too
                if (Ignored(repo, rel)) continue;
                found.Add(rel);
            }
        }
        return found;
    }

    private static bool Ignored(Repository repo, string rel) => repo.Ignore.IsPathIgnored(rel);

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget != null;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
