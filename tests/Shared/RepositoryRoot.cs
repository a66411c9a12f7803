// Shared by every test project (linked by tests/Directory.Build.props).
namespace MLOpsLint.Tests.Shared;

public static class RepositoryRoot
{
    /// <summary>The checkout's root: the first folder above the test binaries that holds Lint.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Lint.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Lint.sln not found above " + AppContext.BaseDirectory);
    }
}
