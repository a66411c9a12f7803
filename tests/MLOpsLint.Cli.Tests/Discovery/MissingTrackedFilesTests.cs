using MLOpsLint.Cli.Discovery;
using MLOpsLint.Cli.Tests.Support;
using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Cli.Tests.Discovery;

/// <summary>Issue 13: a tracked file missing from the work tree (a sparse or partial checkout, a blob the clone lacks, a
/// deletion not yet staged) is named as not scanned, never dropped without a word. Real git repositories.</summary>
public class MissingTrackedFilesTests
{
    [Fact]
    public void A_tracked_file_missing_from_the_work_tree_is_named_as_not_scanned()
    {
        using var repo = TempRepo.Git();
        repo.Write("train.py", "x = 1\n");
        repo.Write("data/train.csv", "a,b\n1,2\n");
        repo.Write("data/test.csv", "a,b\n3,4\n");
        repo.Commit();
        File.Delete(Path.Combine(repo.Root, "data", "train.csv"));
        File.Delete(Path.Combine(repo.Root, "data", "test.csv"));

        var r = FileDiscovery.Discover(repo.Root, GlobSet.Empty);
        Assert.Equal(new[] { "train.py" }, r.Files.Select(f => f.RelativePath).ToArray());
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("2 tracked files are not in the work tree (deleted, or a sparse or partial checkout) and were not scanned: data/test.csv, data/train.csv", d.Message);
    }

    [Fact]
    public void A_sparse_checkout_names_what_it_left_out_and_a_full_checkout_says_nothing()
    {
        using var repo = TempRepo.Git();
        repo.Write("src/train.py", "x = 1\n");
        repo.Write("data/train.csv", "a,b\n1,2\n");
        repo.Commit();
        Assert.Empty(FileDiscovery.Discover(repo.Root, GlobSet.Empty).Diagnostics);

        repo.Run("git", "sparse-checkout", "set", "--no-cone", "/src/");
        Assert.False(File.Exists(Path.Combine(repo.Root, "data", "train.csv")));
        var r = FileDiscovery.Discover(repo.Root, GlobSet.Empty);
        Assert.Equal(new[] { "src/train.py" }, r.Files.Select(f => f.RelativePath).ToArray());
        Assert.Contains("not scanned: data/train.csv", Assert.Single(r.Diagnostics).Message);
    }

    [Fact]
    public void Many_missing_files_are_listed_up_to_ten()
    {
        var d = FileDiscovery.MissingFromWorkTree(Enumerable.Range(0, 12).Select(i => $"f{i:D2}.csv").ToArray());
        Assert.EndsWith("f00.csv, f01.csv, f02.csv, f03.csv, f04.csv, f05.csv, f06.csv, f07.csv, f08.csv, f09.csv and 2 more", d.Message);
    }
}
