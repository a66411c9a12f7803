using LibGit2Sharp;
using MLOpsLint.Cli.Discovery;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// Whether the repository's attribute files (<c>.gitattributes</c> at any level of the index, <c>.git/info/attributes</c>)
/// hold a pattern that libgit2 cannot match in bounded time. libgit2 looks up a file's attributes whenever it hashes a
/// work-tree file or makes a patch, and its glob matcher backtracks over every way the wildcards can split a name: a
/// pattern of k wildcards against a name of n characters costs about n^k steps (<c>*a*a*a…*b</c>, 30 groups, against a
/// 36-character name did not finish in minutes). Patterns real repositories use have one to three (<c>*.pt</c>,
/// <c>data/**/*.csv</c>); one with more is taken as hostile, and the git operations that would match it are not run.
/// </summary>
internal static class AttributePatterns
{
    /// <summary>The most wildcards (runs of <c>*</c>) a pattern may have before it counts as unbounded.</summary>
    public const int MaxWildcards = 3;

    /// <summary>The first pattern with more than <see cref="MaxWildcards"/> wildcards, or null.</summary>
    public static string? Unbounded(Repository repo, string root)
    {
        var files = new List<string> { Path.Combine(repo.Info.Path, "info", "attributes") };
        foreach (var entry in repo.Index)
        {
            if (entry.Path == ".gitattributes" || entry.Path.EndsWith("/.gitattributes", StringComparison.Ordinal)) files.Add(Path.Combine(root, entry.Path));
        }
        foreach (string file in files)
        {
            string text;
            try
            {
                // a FIFO or a device would block or never end: only regular files of a sane size are read
                if (!File.Exists(file) || FileType.NotRegular(file) != null || new FileInfo(file).Length > FileType.MaxSettingsFileSize) continue;
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (string line in text.Split('\n'))
            {
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#') continue;
                int end = trimmed.IndexOfAny(new[] { ' ', '\t' });
                string pattern = end < 0 ? trimmed : trimmed.Substring(0, end);
                if (Wildcards(pattern) > MaxWildcards) return pattern;
            }
        }
        return null;
    }

    /// <summary>The runs of <c>*</c> in <paramref name="pattern"/> (<c>**</c> is one).</summary>
    internal static int Wildcards(string pattern)
    {
        int runs = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && (i == 0 || pattern[i - 1] != '*')) runs++;
        }
        return runs;
    }
}
