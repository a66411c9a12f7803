using LibGit2Sharp;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Discovery;

/// <summary>
/// Finds the files to scan. In a git work tree: the tracked files plus untracked files that are not
/// ignored (.gitignore at every level, .git/info/exclude, core.excludesFile — libgit2 applies them all);
/// submodules are not descended and symlinks are not followed. Outside git: a directory walk that
/// skips VCS folders, virtualenvs, node_modules and caches, and does not follow symlinks.
/// </summary>
internal static class FileDiscovery
{
    public static DiscoveryResult Discover(string scanPath, GlobSet exclude)
    {
        string full = Path.GetFullPath(scanPath);
        return RepositoryProbe.MayBeInRepository(full) ? DiscoverInRepository(full, exclude) : Walk(full, exclude);
    }

    private static DiscoveryResult DiscoverInRepository(string full, GlobSet exclude)
    {
        string? gitDir = null;
        try
        {
            gitDir = Git.RepositoryDiscovery.Find(full);
        }
        catch (Exception)
        {
            // not a repository, or libgit2 cannot read it: fall back to the walk
        }
        if (gitDir != null)
        {
            DiscoveryResult? fromGit;
            try
            {
                fromGit = TryDiscoverGit(gitDir, full, exclude);
            }
            catch (LibGit2SharpException e)
            {
                // a truncated or empty index, a HEAD holding garbage: every file below the path is scanned instead
                var walked = Walk(full, exclude);
                // a sparse index (git sparse-checkout set --sparse-index) is an index extension libgit2 refuses: the files
                // outside the sparse checkout are then in no list this scan can read
                string sparse = e.Message.Contains("'sdir'", StringComparison.Ordinal)
                    ? "; it has a sparse index, so the tracked files outside the sparse checkout were not scanned (`git sparse-checkout set --no-sparse-index` lets them be judged from the index)"
                    : "";
                return walked with
                {
                    Diagnostics = walked.Diagnostics.Prepend(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                        $"the git repository at {gitDir} cannot be read ({e.Message}); scanned the directory without git (ignored files included){sparse}")).ToArray(),
                };
            }
            if (fromGit != null) return fromGit;
        }
        return Walk(full, exclude);
    }

    private static DiscoveryResult? TryDiscoverGit(string gitDir, string scanPath, GlobSet exclude)
    {
        var diagnostics = new List<ScanDiagnostic>();
        Repository repo;
        try
        {
            repo = new Repository(gitDir);
        }
        catch (Exception e)
        {
            diagnostics.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                $"git repository at {gitDir} cannot be opened ({e.Message}); scanning the directory without git"));
            var walked = Walk(scanPath, exclude);
            return walked with { Diagnostics = diagnostics.Concat(walked.Diagnostics).ToArray() };
        }
        using (repo)
        {
            if (repo.Info.IsBare)
            {
                throw new UsageException($"{scanPath} is a bare git repository (it has no working tree to scan); clone it first");
            }
            string root = Path.GetFullPath(repo.Info.WorkingDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            string scope = Slashes(Path.GetRelativePath(root, scanPath));
            if (scope == ".") scope = "";
            if (scope.Length > 0 && IsIgnoredDirectory(repo, scope))
            {
                // the folder asked for is ignored by the repository around it (a virtualenv, pyenv's versions/):
                // the user wants it scanned all the same, as a plain directory
                var walked = Walk(scanPath, exclude);
                return walked with
                {
                    Diagnostics = walked.Diagnostics.Append(new ScanDiagnostic(ScanDiagnosticLevel.Note,
                        $"{scope} is ignored by the git repository at {root}; scanned as a plain directory")).ToArray(),
                };
            }
            bool InScope(string rel) => scope.Length == 0 || rel == scope || rel.StartsWith(scope + "/", StringComparison.Ordinal);

            var files = new List<DiscoveredFile>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            // every index path, compared as the repository compares names: what the untracked walk leaves out
            var tracked = new HashSet<string>(IgnoresCase(repo) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            var missing = new List<(string Path, IndexEntry Entry)>();
            foreach (var entry in repo.Index)
            {
                string rel = Slashes(entry.Path);
                tracked.Add(rel);
                if (entry.Mode == Mode.GitLink || entry.Mode == Mode.SymbolicLink) continue;
                if (!InScope(rel) || exclude.IsMatch(rel) || !seen.Add(rel)) continue;
                string fullPath = Path.Combine(root, rel);
                if (IsSymlink(fullPath)) continue;
                if (!File.Exists(fullPath))
                {
                    // left out by a sparse checkout (judged from its index blob below), deleted and not yet staged, or never
                    // written (a partial clone, a blob the clone lacks): never dropped silently
                    missing.Add((rel, entry));
                    continue;
                }
                files.Add(new DiscoveredFile(rel, fullPath));
            }

            // the untracked files, without libgit2's status: it would compare (and, in a copied repository, hash) every
            // tracked file too, matching each one against the .gitattributes patterns (UntrackedFiles)
            try
            {
                foreach (string rel in UntrackedFiles.Find(repo, root, scope, tracked, diagnostics))
                {
                    if (!InScope(rel) || exclude.IsMatch(rel) || !seen.Add(rel)) continue;
                    files.Add(new DiscoveredFile(rel, Path.Combine(root, rel)));
                }
            }
            catch (LibGit2SharpException e)
            {
                diagnostics.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                    $"git could not list untracked files ({e.Message}); only tracked files were scanned"));
            }
            var absent = new List<string>();
            if (missing.Count > 0)
            {
                var outside = MissingTrackedFiles.Sort(repo, missing, root, files);
                absent.AddRange(outside.Deleted.Concat(outside.WithoutBlob));
                diagnostics.AddRange(outside.Diagnostics());
            }
            files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
            return new DiscoveryResult(root, true, files, diagnostics) { AbsentTracked = absent };
        }
    }

    private static DiscoveryResult Walk(string root, GlobSet exclude)
    {
        root = root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (File.Exists(root))
        {
            // a single file: its directory is the root
            string dir = Path.GetDirectoryName(root) ?? ".";
            string name = Path.GetFileName(root);
            return new DiscoveryResult(dir, false, new[] { new DiscoveredFile(name, root) }, Array.Empty<ScanDiagnostic>());
        }
        var files = new List<DiscoveredFile>();
        var diagnostics = new List<ScanDiagnostic>();
        var stack = new Stack<string>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            string dir = stack.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning, $"directory cannot be read: {e.Message}", Rel(root, dir)));
                continue;
            }
            foreach (var e in entries)
            {
                if (e.LinkTarget != null) continue; // symlinks are never followed
                string rel = Rel(root, e.FullName);
                if (e is DirectoryInfo d)
                {
                    if (PathFilters.IsSkippedDirectory(d.Name, d.FullName) || exclude.IsMatch(rel)) continue;
                    stack.Push(d.FullName);
                }
                else if (!exclude.IsMatch(rel))
                {
                    files.Add(new DiscoveredFile(rel, e.FullName));
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new DiscoveryResult(root, false, files, diagnostics);
    }

    private static bool IsIgnoredDirectory(Repository repo, string scope)
    {
        try
        {
            return repo.Ignore.IsPathIgnored(scope + "/") || repo.Ignore.IsPathIgnored(scope);
        }
        catch (LibGit2SharpException)
        {
            return false;
        }
    }

    private static bool IgnoresCase(Repository repo)
    {
        try
        {
            return repo.Config.Get<bool>("core.ignorecase")?.Value ?? false;
        }
        catch (LibGit2SharpException)
        {
            return false;
        }
    }

    private static string Rel(string root, string path) => Slashes(Path.GetRelativePath(root, path));

    /// <summary>A path with '/' separators. Only where '\\' is the separator (Windows) is it turned into '/': on Linux and
    /// macOS a backslash is a character of a file name (odd/back\\slash.py), and turning it into '/' named a file that
    /// does not exist, so the real one was never read.</summary>
    internal static string Slashes(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    private static bool IsSymlink(string path)
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

/// <summary>The scan cannot run as asked: exit code 2 with this message.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message)
    {
    }
}
