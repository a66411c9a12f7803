using MLOpsLint.Cli.Discovery;

namespace MLOpsLint.Cli.Commands;

/// <summary>
/// What <c>scan PATH...</c> names. One directory (or nothing: the current one) is scanned whole, as always. File names
/// — what pre-commit passes to a hook — or several paths mean: scan the repository around them, so that checks that
/// look across files see it whole, and report only findings in those files (or under those folders).
/// </summary>
internal sealed record ScanTargets(string Directory, IReadOnlyList<string>? Only)
{
    public static ScanTargets Resolve(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) return new ScanTargets(".", null);
        if (paths.Count == 1 && System.IO.Directory.Exists(paths[0])) return new ScanTargets(paths[0], null);
        var full = new List<string>(paths.Count);
        foreach (var p in paths)
        {
            string f = Path.GetFullPath(p);
            if (!File.Exists(f) && !System.IO.Directory.Exists(f)) throw new UsageException($"{p} does not exist");
            full.Add(f);
        }
        string common = CommonDirectory(full);
        return new ScanTargets(WorkTreeAround(common) ?? common, full);
    }

    /// <summary>The repository-relative paths (with '/') of <see cref="Only"/>, once the scan knows its root.</summary>
    public IReadOnlyList<string>? RelativeTo(string root) => Only?.Select(p =>
    {
        string rel = Path.GetRelativePath(root, p).Replace('\\', '/');
        return rel == "." ? "" : rel;
    }).ToArray();

    /// <summary>True when <paramref name="path"/> (repository-relative) is one of <paramref name="only"/> or below one.</summary>
    public static bool Includes(IReadOnlyList<string> only, string path) =>
        only.Any(o => o.Length == 0 || path == o || path.StartsWith(o + "/", StringComparison.Ordinal));

    private static string CommonDirectory(IReadOnlyList<string> full)
    {
        string Dir(string f) => System.IO.Directory.Exists(f) ? f : Path.GetDirectoryName(f)!;
        string common = Dir(full[0]);
        foreach (var f in full.Skip(1))
        {
            string d = Dir(f);
            while (!(d == common || d.StartsWith(common.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                && Path.GetDirectoryName(common) is string parent)
            {
                common = parent;
            }
        }
        return common;
    }

    /// <summary>The git work tree holding <paramref name="dir"/> (the nearest folder with a <c>.git</c> entry), if any.</summary>
    private static string? WorkTreeAround(string dir)
    {
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
        {
            if (Path.Exists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        }
        return null;
    }
}
