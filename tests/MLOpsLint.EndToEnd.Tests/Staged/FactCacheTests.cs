using System.Text.Json;
using System.Text.RegularExpressions;
using MLOpsLint.Cli.Git.FactCache;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Staged;

/// <summary>
/// The facts cache of <c>scan --staged</c> (<c>.git/mlops-lint/</c>): a warm cache spares reading the unchanged files,
/// never changes a finding, and a cache file that is damaged, foreign, half written or cannot be written is no cache —
/// never an error and never a wrong finding. On real git repositories, with real processes for the concurrent hooks.
/// </summary>
public class FactCacheTests
{
    private static readonly string Pickle = "\u0080\u0004\u0095\u0010\u0000\u0000\u0000\u0000\u0000\u0000\u0000}\u0094\u008c\u0001w\u0094K\u0001s.";

    /// <summary>A repository whose staged files get findings from several families, some through other files: an
    /// unseeded split in a script whose seed helper sits in another module (MLO301 silenced by it), a committed model,
    /// an unpinned requirement; and unchanged modules, notebooks and data around them.</summary>
    private static TempRepo Repository()
    {
        var repo = TempRepo.Git();
        repo.Write("requirements.txt", "numpy==1.26.4\npandas==2.2.2\nscikit-learn==1.5.0\n");
        repo.Write("utils/__init__.py", "");
        repo.Write("utils/seeding.py", "import random\n\nimport numpy as np\n\n\ndef set_seed(seed):\n    random.seed(seed)\n    np.random.seed(seed)\n");
        for (int i = 0; i < 12; i++) repo.Write($"pkg/module_{i}.py", $"def f{i}(x):\n    return x + {i}\n");
        repo.Write("notebooks/explore.ipynb", NotebookJson.WithKernel(new { name = "python3", display_name = "Python 3", language = "python" },
            "import numpy as np\nx = np.random.rand(3)"));
        repo.Write("data/small.csv", "a,b\n1,2\n");
        repo.Write("models/old.pkl", System.Text.Encoding.Latin1.GetBytes(Pickle));
        repo.Write("train.py", "from sklearn.model_selection import train_test_split\n\nfrom utils.seeding import set_seed\n\n"
            + "set_seed(0)\na, b = train_test_split(list(range(10)))\n");
        repo.Write("split.py", "from sklearn.model_selection import train_test_split\n\na, b = train_test_split(list(range(10)))\n");
        repo.Commit("base");
        // staged: the two scripts changed, a new model, an unpinned requirement
        repo.Write("train.py", "from sklearn.model_selection import train_test_split\n\nfrom utils.seeding import set_seed\n\n"
            + "set_seed(0)\na, b = train_test_split(list(range(12)))\n");
        repo.Write("split.py", "from sklearn.model_selection import train_test_split\n\na, b = train_test_split(list(range(12)))\n");
        repo.Write("models/new.pkl", System.Text.Encoding.Latin1.GetBytes(Pickle + "x"));
        repo.Write("requirements.txt", "numpy==1.26.4\npandas==2.2.2\nscikit-learn==1.5.0\ntorch\n");
        repo.Run("git", "add", "-A");
        return repo;
    }

    private static string CacheDir(TempRepo repo) => Path.Combine(repo.Root, ".git", BlobFactCache.DirectoryName);

    private static string CacheFile(TempRepo repo) => Assert.Single(Directory.GetFiles(CacheDir(repo), "facts-*.bin"));

    private sealed record Staged(int ExitCode, string[] Findings, string Note, string Stderr);

    private static Staged Scan(TempRepo repo, params string[] extra)
    {
        var r = CliRunner.InProcess(new[] { "scan", repo.Root, "--staged", "--format", "json", "--verbose" }.Concat(extra).ToArray());
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        var findings = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).ToArray();
        string note = r.Stderr.Split('\n').FirstOrDefault(l => l.Contains("note: fact cache ", StringComparison.Ordinal)) ?? "";
        return new Staged(r.ExitCode, findings, note, r.Stderr);
    }

    /// <summary>"N unchanged files of the M in the index read".</summary>
    private static int FilesRead(Staged s) => int.Parse(Regex.Match(s.Note, @"; (\d+) unchanged files of the \d+ in the index read").Groups[1].Value);

    private static void AssertNoErrors(Staged s) =>
        Assert.DoesNotContain(s.Stderr.Split('\n'), l => l.StartsWith("mlops-lint: error", StringComparison.Ordinal) || l.Contains("internal error", StringComparison.Ordinal));

    [Fact]
    public void A_warm_cache_gives_the_same_findings_and_reads_only_what_the_staged_files_depend_on()
    {
        using var repo = Repository();
        var uncached = Scan(repo, "--no-cache");
        Assert.False(Directory.Exists(CacheDir(repo)));
        Assert.Equal("", uncached.Note);
        // worth comparing: findings of several families, one silenced through another module
        Assert.Contains(uncached.Findings, f => f.Contains("\"MLO301\"") && f.Contains("\"split.py\""));
        Assert.DoesNotContain(uncached.Findings, f => f.Contains("\"MLO301\"") && f.Contains("\"train.py\""));
        Assert.Contains(uncached.Findings, f => f.Contains("\"MLO102\"") && f.Contains("\"models/new.pkl\""));
        Assert.Contains(uncached.Findings, f => f.Contains("\"MLO201\"") && f.Contains("\"requirements.txt\""));

        var cold = Scan(repo);
        Assert.Contains("no file yet", cold.Note);
        Assert.Equal(uncached.Findings, cold.Findings);
        Assert.Equal(uncached.ExitCode, cold.ExitCode);
        CacheFile(repo);

        var warm = Scan(repo);
        Assert.Contains("entries read", warm.Note);
        Assert.Equal(uncached.Findings, warm.Findings);
        // the cold run read every unchanged file; the warm one only the seed helper the staged script imports (parsed for its
        // seed summary) and the manifests the staged requirements file is judged with
        Assert.True(FilesRead(warm) < FilesRead(cold) / 2, $"cold: {cold.Note}\nwarm: {warm.Note}");
        AssertNoErrors(warm);
    }

    [Fact]
    public void Entries_a_scan_does_not_use_are_written_back_as_they_were_read()
    {
        using var repo = Repository();
        var expected = Scan(repo, "--no-cache");
        Scan(repo);
        var warm = Scan(repo);
        Assert.Contains("entries read", warm.Note);

        // a scan that leaves the modules of pkg/ out (their entries unused) and has something new to write: a file committed
        // meanwhile (the other changes stay staged), whose facts no scan has made yet
        repo.Write("extra.py", "X = 1\n");
        repo.Run("git", "add", "extra.py");
        repo.Run("git", "commit", "-q", "-m", "extra", "--", "extra.py");
        var partial = Scan(repo, "--exclude", "pkg/**");
        Assert.DoesNotContain("nothing new to write", partial.Note);
        AssertNoErrors(partial);

        // the next full scan finds pkg/'s facts as the warm scan did: the file was whole, and their entries kept with their forms
        var after = Scan(repo);
        Assert.Contains("entries read", after.Note);
        // (extra.py at most is new to it; lost entries would be the twelve modules of pkg/ read again)
        Assert.True(FilesRead(after) <= FilesRead(warm) + 1, $"warm: {warm.Note}\nafter: {after.Note}");
        Assert.Equal(expected.Findings, after.Findings);
        AssertNoErrors(after);
    }

    [Fact]
    public void The_cache_is_off_with_the_option_and_with_the_configuration_and_does_not_outlive_its_settings()
    {
        using var repo = Repository();
        repo.Write("mlops-lint.toml", "cache = false\n");
        var off = Scan(repo);
        Assert.Equal("", off.Note);
        Assert.False(Directory.Exists(CacheDir(repo)));

        // the look-alike: cache on, and another setting that shapes the facts (the text size cap) makes another file
        repo.Write("mlops-lint.toml", "cache = true\n");
        var on = Scan(repo);
        Assert.Equal(off.Findings, on.Findings);
        string first = CacheFile(repo);
        repo.Write("mlops-lint.toml", "cache = true\nmax-file-size = \"5MB\"\n");
        var other = Scan(repo);
        Assert.Contains("no file yet", other.Note);
        Assert.Equal(off.Findings, other.Findings);
        Assert.Equal(2, Directory.GetFiles(CacheDir(repo), "facts-*.bin").Length);
        Assert.True(File.Exists(first));
    }

    public static TheoryData<string> Damages => new() { "flipped byte", "truncated", "empty", "garbage", "another key", "a directory" };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_or_foreign_cache_file_is_ignored_and_written_again(string damage)
    {
        using var repo = Repository();
        var expected = Scan(repo, "--no-cache");
        Scan(repo);
        string file = CacheFile(repo);
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "flipped byte":
                // in the middle of the entries: a form's bytes, a path or a size
                bytes[bytes.Length / 2] ^= 0x20;
                File.WriteAllBytes(file, bytes);
                break;
            case "truncated":
                File.WriteAllBytes(file, bytes.AsSpan(0, bytes.Length * 2 / 3).ToArray());
                break;
            case "empty":
                File.WriteAllBytes(file, Array.Empty<byte>());
                break;
            case "garbage":
                File.WriteAllBytes(file, System.Text.Encoding.UTF8.GetBytes("MLOFACT1 this is not a cache\n" + new string('x', 5000)));
                break;
            case "another key":
            {
                // a whole, valid file made under other settings, put where this build's file goes
                repo.Write("mlops-lint.toml", "max-file-size = \"5MB\"\n");
                Scan(repo);
                string otherFile = Directory.GetFiles(CacheDir(repo), "facts-*.bin").Single(f => f != file);
                File.Delete(Path.Combine(repo.Root, "mlops-lint.toml"));
                File.Copy(otherFile, file, overwrite: true);
                break;
            }
            case "a directory":
                File.Delete(file);
                Directory.CreateDirectory(file);
                break;
        }

        var damaged = Scan(repo);
        Assert.Equal(expected.Findings, damaged.Findings);
        Assert.Equal(expected.ExitCode, damaged.ExitCode);
        AssertNoErrors(damaged);
        if (damage == "a directory")
        {
            // nothing can be written there: no cache, and the scan went on
            Assert.Contains("not written", damaged.Note);
            return;
        }
        Assert.Contains("was ignored", damaged.Note);
        // written again whole: the next run reads it
        var after = Scan(repo);
        Assert.Contains("entries read", after.Note);
        Assert.Equal(expected.Findings, after.Findings);
    }

    [Fact]
    public void A_git_directory_where_the_cache_cannot_be_written_means_no_cache()
    {
        using var repo = Repository();
        var expected = Scan(repo, "--no-cache");
        // a file where the cache directory goes: nothing can be created under it (as with a read-only .git)
        File.WriteAllText(CacheDir(repo), "not a directory\n");
        var first = Scan(repo);
        var second = Scan(repo);
        Assert.Equal(expected.Findings, first.Findings);
        Assert.Equal(expected.Findings, second.Findings);
        Assert.Contains("not written", second.Note);
        Assert.DoesNotContain("entries read", second.Note);
        AssertNoErrors(second);
        Assert.Equal("not a directory\n", File.ReadAllText(CacheDir(repo)));
    }

    [Fact]
    public void Two_hooks_at_once_leave_a_whole_cache()
    {
        using var repo = Repository();
        var expected = Scan(repo, "--no-cache");
        for (int round = 0; round < 3; round++)
        {
            // each round stages other content, so both processes have new facts to write at the same time
            repo.Write($"pkg/round_{round}.py", $"def r{round}():\n    return {round}\n");
            repo.Run("git", "add", "-A");
            var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() => CliRunner.Process(null, "scan", repo.Root, "--staged", "--format", "json"))).ToArray();
            Task.WaitAll(runs);
            foreach (var r in runs)
            {
                Assert.True(r.Result.ExitCode is 0 or 1, r.Result.Stderr);
                var findings = JsonDocument.Parse(r.Result.Stdout).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).ToArray();
                Assert.Equal(expected.Findings, findings);
            }
            var after = Scan(repo);
            Assert.Contains("entries read", after.Note);
            Assert.Equal(expected.Findings, after.Findings);
            Assert.Empty(Directory.GetFiles(CacheDir(repo), "*.tmp"));
        }
    }

    [Fact]
    public void Writers_racing_on_one_cache_never_leave_a_file_a_reader_cannot_use()
    {
        using var repo = TempRepo.Git();
        string dir = CacheDir(repo);
        string key = BlobFactCache.KeyFor("race");
        using var stop = new CancellationTokenSource();
        int torn = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var c = BlobFactCache.Open(dir, key);
                if (c.Ignored != null) Interlocked.Increment(ref torn);
            }
        });
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (int i = 0; i < 25; i++)
            {
                var c = BlobFactCache.Open(dir, key);
                for (int e = 0; e < 200; e++) c.Use(Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(BitConverter.GetBytes(w * 100_000 + i * 1000 + e))), $"f{w}/{e}.py", () => e);
                Assert.Null(c.Save());
            }
        })).ToArray();
        Task.WaitAll(writers);
        stop.Cancel();
        reader.Wait();
        Assert.Equal(0, torn);
        var last = BlobFactCache.Open(dir, key);
        Assert.True(last.Loaded);
        Assert.Null(last.Ignored);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void Entries_of_blobs_no_scan_uses_any_more_are_dropped()
    {
        using var repo = TempRepo.Git();
        string dir = CacheDir(repo);
        string key = BlobFactCache.KeyFor("prune");
        string gone = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(new byte[] { 1 }));
        string kept = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(new byte[] { 2 }));
        var first = BlobFactCache.Open(dir, key);
        first.Use(gone, "old.py", () => 10);
        first.Use(kept, "kept.py", () => 20);
        Assert.Null(first.Save());
        for (int i = 0; i < BlobFactCache.KeptGenerations + 1; i++)
        {
            var c = BlobFactCache.Open(dir, key);
            Assert.True(c.Loaded);
            // a new blob each time, so that every scan writes
            c.Use(kept, "kept.py", () => 20);
            c.Use(Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(BitConverter.GetBytes(i))), "new.py", () => i);
            Assert.Null(c.Save());
        }
        var final = BlobFactCache.Open(dir, key);
        // the blob of old.py was used by no scan for KeptGenerations writes: gone (made anew); kept.py stays
        var used = final.Use(gone, "old.py", () => 99);
        Assert.Equal(99, used.Size);
        Assert.Equal(20, final.Use(kept, "kept.py", () => 99).Size);
    }

    [Fact]
    public void Worktrees_of_a_repository_share_its_cache()
    {
        using var repo = Repository();
        repo.Run("git", "commit", "-q", "-m", "staged");
        string tree = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", Guid.NewGuid().ToString("N"));
        repo.Run("git", "worktree", "add", "-q", tree, "-b", "other");
        try
        {
            File.WriteAllText(Path.Combine(tree, "split.py"), "from sklearn.model_selection import train_test_split\n\na, b = train_test_split([1, 2, 3])\n");
            TempRepo.RunIn(tree, "git", "add", "split.py");
            var r = CliRunner.InProcess("scan", tree, "--staged", "--format", "json", "--verbose");
            Assert.True(r.ExitCode is 0 or 1, r.Stderr);
            Assert.Contains("MLO301", r.Stdout);
            CacheFile(repo);
            Assert.False(Directory.Exists(Path.Combine(repo.Root, ".git", "worktrees", Path.GetFileName(tree), BlobFactCache.DirectoryName)));
        }
        finally
        {
            repo.Run("git", "worktree", "remove", "--force", tree);
        }
    }
}
