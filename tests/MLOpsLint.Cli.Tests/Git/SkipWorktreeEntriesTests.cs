using MLOpsLint.Cli.Git;
using MLOpsLint.Cli.Tests.Support;

namespace MLOpsLint.Cli.Tests.Git;

/// <summary>The skip-worktree bits read from real index files (versions 2, 3 and 4, as git writes them), checked against
/// <c>git ls-files -t</c> ("S" marks skip-worktree).</summary>
public class SkipWorktreeEntriesTests
{
    private static TempRepo Sparse()
    {
        var repo = TempRepo.Git();
        repo.Write("src/train.py", "x = 1\n");
        repo.Write("src/models/net.py", "y = 2\n");
        repo.Write("data/raw/a-long-name-to-share-a-prefix-with.csv", "a\n1\n");
        repo.Write("data/raw/a-long-name-to-share-a-prefix-with-another.csv", "a\n2\n");
        repo.Write("models/ünïcode.pkl", "x");
        repo.Commit();
        repo.Run("git", "sparse-checkout", "set", "src");
        return repo;
    }

    private static string[] GitSays(TempRepo repo) =>
        repo.Run("git", "-c", "core.quotepath=false", "ls-files", "-t").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("S ", StringComparison.Ordinal)).Select(l => l.Substring(2)).OrderBy(p => p, StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("3")]
    [InlineData("4")]
    public void The_skip_worktree_entries_are_those_git_lists(string version)
    {
        using var repo = Sparse();
        repo.Run("git", "update-index", "--index-version", version);
        var read = SkipWorktreeEntries.Read(Path.Combine(repo.Root, ".git", "index"));
        Assert.NotNull(read);
        Assert.Equal(new[]
        {
            "data/raw/a-long-name-to-share-a-prefix-with-another.csv", "data/raw/a-long-name-to-share-a-prefix-with.csv", "models/ünïcode.pkl",
        }, read!.OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(GitSays(repo), read!.OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void A_full_checkout_has_none_and_a_file_that_is_no_index_gives_null()
    {
        using var repo = TempRepo.Git();
        repo.Write("src/train.py", "x = 1\n");
        repo.Commit();
        Assert.Empty(SkipWorktreeEntries.Read(Path.Combine(repo.Root, ".git", "index"))!);
        Assert.Null(SkipWorktreeEntries.Read(Path.Combine(repo.Root, ".git", "HEAD")));
        Assert.Null(SkipWorktreeEntries.Read(Path.Combine(repo.Root, ".git", "no-such-index")));
        // a truncated index: null, never an exception
        using var sparse = Sparse();
        var bytes = File.ReadAllBytes(Path.Combine(sparse.Root, ".git", "index"));
        Assert.Null(SkipWorktreeEntries.Parse(bytes.AsSpan(0, 100)));
    }
}
