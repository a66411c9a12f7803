using MLOpsLint.Cli.Git;
using MLOpsLint.Tests.Shared;

namespace MLOpsLint.Cli.Tests.Git;

/// <summary>The history scan reads blobs through several cat-file processes; whatever their number, every blob comes
/// back once, with its own bytes, in the order the walk sent it.</summary>
public class CatFilePoolTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Blobs_come_back_in_the_order_sent_with_their_own_content(int processes)
    {
        using var repo = TempRepo.Git();
        for (int i = 0; i < 300; i++) repo.Write($"f{i:D3}.txt", $"file {i}\n" + new string('x', i * 7));
        repo.Commit();
        var blobs = repo.Run("git", "ls-tree", "-r", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (Sha: l.Split(' ', '\t')[2], Path: l.Split('\t')[1])).ToList();
        var commit = new CommitInfo(new string('0', 40), DateTimeOffset.UnixEpoch, "test");
        var missing = new string('e', 40);

        var results = new List<(string Path, string? Text)>();
        using (var pool = new CatFilePool(Path.Combine(repo.Root, ".git"), processes, 1_000_000, 16))
        {
            var walker = Task.Run(() =>
            {
                // chunks of uneven sizes, with an object the store does not have in the middle
                var all = blobs.Select(b => new HistoryBlob(b.Sha, b.Path, commit)).ToList();
                all.Insert(150, new HistoryBlob(missing, "gone.txt", commit));
                for (int at = 0, size = 1; at < all.Count; at += size, size = size % 37 + 5) pool.Send(all.Skip(at).Take(size).ToList());
                pool.Complete();
            });
            foreach (var (blob, content) in pool.Results()) results.Add((blob.Path, content == null ? null : System.Text.Encoding.UTF8.GetString(content.Bytes)));
            await walker;
        }

        var expected = blobs.Select(b => b.Path).ToList();
        expected.Insert(150, "gone.txt");
        Assert.Equal(expected, results.Select(r => r.Path));
        Assert.Null(results[150].Text);
        foreach (var (path, text) in results.Where(r => r.Path != "gone.txt"))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(repo.Root, path)), text);
        }
    }

    [Fact]
    public async Task A_reader_that_stops_early_releases_the_walk_and_the_processes()
    {
        using var repo = TempRepo.Git();
        for (int i = 0; i < 50; i++) repo.Write($"f{i}.txt", new string('y', 20_000) + i);
        repo.Commit();
        var shas = repo.Run("git", "ls-tree", "-r", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', '\t')[2]).ToList();
        var commit = new CommitInfo(new string('0', 40), DateTimeOffset.UnixEpoch, "test");
        Task walker;
        using (var pool = new CatFilePool(Path.Combine(repo.Root, ".git"), 2, 1_000_000, 16))
        {
            // far more chunks than the queues hold: the walker blocks until the pool is disposed
            walker = Task.Run(() =>
            {
                try
                {
                    for (int round = 0; round < 200; round++) pool.Send(shas.Select(s => new HistoryBlob(s, "f.txt", commit)).ToList());
                }
                finally
                {
                    pool.Complete();
                }
            });
            Assert.Equal(3, pool.Results().Take(3).Count());
        }
        Assert.True(await Task.WhenAny(walker, Task.Delay(TimeSpan.FromSeconds(20))) == walker, "the walker is still blocked");
        Assert.IsAssignableFrom<OperationCanceledException>(walker.Exception?.InnerException); // its next hand-off was refused
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(4, 3)]
    [InlineData(8, 4)]
    [InlineData(64, 4)]
    public void The_number_of_processes_follows_the_cores(int cores, int processes) =>
        Assert.Equal(processes, CatFilePool.ProcessesFor(cores));
}
