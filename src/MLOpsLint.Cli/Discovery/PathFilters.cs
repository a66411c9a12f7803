namespace MLOpsLint.Cli.Discovery;

/// <summary>Directories never worth scanning when walking a plain directory (git repositories use .gitignore).</summary>
internal static class PathFilters
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", ".venv", "venv", ".env", "node_modules", "__pycache__", ".mypy_cache",
        ".pytest_cache", ".ruff_cache", ".tox", ".nox", ".ipynb_checkpoints", ".eggs", ".idea", ".vs",
        ".gradle", "site-packages", ".dvc", ".cache", ".terraform",
    };

    /// <summary>True for a directory name that a walk skips: VCS metadata, virtualenvs, caches, dependencies.</summary>
    public static bool IsSkippedDirectory(string name, string fullPath)
    {
        if (SkippedDirectories.Contains(name)) return true;
        if (name.EndsWith(".egg-info", StringComparison.Ordinal)) return true;
        // any virtualenv, whatever its name
        return File.Exists(Path.Combine(fullPath, "pyvenv.cfg"));
    }
}
