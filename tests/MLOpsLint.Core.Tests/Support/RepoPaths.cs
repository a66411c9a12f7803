namespace MLOpsLint.Core.Tests.Support;

/// <summary>Locates the repository root (the folder with Lint.sln) from the test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lint.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Lint.sln not found above " + AppContext.BaseDirectory);
    }
}
