namespace MLOpsLint.Core.Tests.Support;

/// <summary>The repository root (the folder with Lint.sln), as <see cref="RepositoryRoot"/> finds it.</summary>
public static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;
}
