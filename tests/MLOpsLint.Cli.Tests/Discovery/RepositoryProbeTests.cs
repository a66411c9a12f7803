using MLOpsLint.Cli.Discovery;

namespace MLOpsLint.Cli.Tests.Discovery;

/// <summary>The probe may say "could be a repository" too often (libgit2 then decides), never too rarely.</summary>
public class RepositoryProbeTests
{
    [Fact]
    public void A_plain_folder_is_not_in_a_repository()
    {
        using var folder = TempRepo.Folder();
        folder.Write("src/train.py", "x = 1\n");
        Assert.False(RepositoryProbe.MayBeInRepository(Path.Combine(folder.Root, "src")));
    }

    [Fact]
    public void A_folder_of_a_work_tree_may_be()
    {
        using var repo = TempRepo.Git();
        repo.Write("src/train.py", "x = 1\n");
        Assert.True(RepositoryProbe.MayBeInRepository(Path.Combine(repo.Root, "src")));
    }

    [Fact]
    public void A_folder_of_a_bare_repository_may_be()
    {
        using var folder = TempRepo.Folder();
        folder.Run("git", "init", "-q", "--bare", "repo.git");
        Assert.True(RepositoryProbe.MayBeInRepository(Path.Combine(folder.Root, "repo.git", "objects")));
    }

    [Fact]
    public void A_path_through_a_symbolic_link_may_be()
    {
        using var repo = TempRepo.Git();
        repo.Write("src/train.py", "x = 1\n");
        using var elsewhere = TempRepo.Folder();
        string link = Path.Combine(elsewhere.Root, "src");
        Directory.CreateSymbolicLink(link, Path.Combine(repo.Root, "src"));
        Assert.True(RepositoryProbe.MayBeInRepository(link));
    }
}
