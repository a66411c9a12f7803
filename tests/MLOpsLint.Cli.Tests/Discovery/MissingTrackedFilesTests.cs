using MLOpsLint.Cli.Discovery;
using MLOpsLint.Cli.Git;
using MLOpsLint.Cli.Tests.Support;
using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Cli.Tests.Discovery;

/// <summary>Issue 13: a tracked file missing from the work tree is never dropped without a word. A file a sparse checkout
/// leaves out is judged from its index blob; a deletion not yet staged, or a blob the clone lacks, is named as not scanned.
/// Real git repositories.</summary>
public class MissingTrackedFilesTests
{
    [Fact]
    public void A_tracked_file_deleted_from_the_work_tree_is_named_as_not_scanned()
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
        Assert.Equal("2 tracked files are not in the work tree and were not scanned: data/test.csv, data/train.csv (deleted, the deletion not staged)", d.Message);
        Assert.Equal(new[] { "data/test.csv", "data/train.csv" }, r.AbsentTracked.OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void A_sparse_checkout_s_left_out_files_are_judged_from_the_index_and_a_full_checkout_says_nothing()
    {
        // behaviour changed on purpose (issue 13, point 5): a file outside the sparse cone used to be named as not
        // scanned; its index blob is in the object store, so it is read from there, as scan --staged reads the index
        using var repo = TempRepo.Git();
        repo.Write("src/train.py", "x = 1\n");
        repo.Write("data/train.csv", "a,b\n1,2\n");
        repo.Commit();
        Assert.Empty(FileDiscovery.Discover(repo.Root, GlobSet.Empty).Diagnostics);

        repo.Run("git", "sparse-checkout", "set", "--no-cone", "/src/");
        Assert.False(File.Exists(Path.Combine(repo.Root, "data", "train.csv")));
        var r = FileDiscovery.Discover(repo.Root, GlobSet.Empty);
        Assert.Equal(new[] { "data/train.csv", "src/train.py" }, r.Files.Select(f => f.RelativePath).ToArray());
        var blob = r.Files[0].Blob;
        Assert.NotNull(blob);
        Assert.Equal(repo.Run("git", "rev-parse", ":data/train.csv").Trim(), blob!.Sha);
        Assert.Equal(8, blob.Size);
        Assert.Null(r.Files[1].Blob);
        Assert.Empty(r.AbsentTracked);
        Assert.Equal("1 tracked file outside the sparse checkout was judged from the index: data/train.csv", Assert.Single(r.Diagnostics).Message);

        var (docs, problems) = DocumentLoader.Load(r.Files, 1 << 20, lazy: true);
        Assert.Empty(problems);
        var csv = docs.Single(d => d.Path == "data/train.csv");
        Assert.Equal("a,b\n1,2\n", csv.Text);
        Assert.Equal(IndexBlobContent.Origin, csv.Origin);
        Assert.Null(docs.Single(d => d.Path == "src/train.py").Origin);
    }

    [Fact]
    public void Many_missing_files_are_listed_up_to_ten_for_each_reason()
    {
        var d = MissingTrackedFiles.NotScanned(Enumerable.Range(0, 12).Select(i => $"f{i:D2}.csv").ToArray(), new[] { "big.bin" });
        Assert.Equal("13 tracked files are not in the work tree and were not scanned: f00.csv, f01.csv, f02.csv, f03.csv, f04.csv, f05.csv, "
            + "f06.csv, f07.csv, f08.csv, f09.csv and 2 more (deleted, the deletion not staged); big.bin (blob not in the object store: "
            + "a partial clone, or a clone without it)", d.Message);
    }
}
