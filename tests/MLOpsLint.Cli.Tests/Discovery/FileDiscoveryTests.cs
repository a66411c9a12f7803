using MLOpsLint.Cli.Discovery;
using MLOpsLint.Cli.Tests.Support;
using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Cli.Tests.Discovery;

public class FileDiscoveryTests
{
    private static string[] Paths(DiscoveryResult r) => r.Files.Select(f => f.RelativePath).ToArray();

    [Fact]
    public void Git_tracked_plus_untracked_not_ignored_at_every_level()
    {
        using var repo = TempRepo.Git();
        repo.Write(".gitignore", "*.log\nbuild/\n");
        repo.Write("src/train.py", "x = 1\n");
        repo.Write("src/.gitignore", "secret_local.py\n");
        repo.Write("src/secret_local.py", "k = 1\n");
        repo.Write("app.log", "log\n");
        repo.Write("build/out.py", "x\n");
        repo.Commit();
        repo.Write("notes/new.md", "untracked but not ignored\n");
        repo.Write("scratch.tmp", "excluded by info/exclude\n");
        File.AppendAllText(Path.Combine(repo.Root, ".git", "info", "exclude"), "*.tmp\n");
        string globalIgnore = repo.Write("../global-ignore-" + Guid.NewGuid().ToString("N"), "*.cache\n");
        repo.Run("git", "config", "core.excludesFile", globalIgnore);
        repo.Write("x.cache", "excluded by core.excludesFile\n");

        var r = FileDiscovery.Discover(repo.Root, GlobSet.Empty);
        Assert.True(r.IsGitRepository);
        Assert.Equal(new[] { ".gitignore", "notes/new.md", "src/.gitignore", "src/train.py" }, Paths(r));
        File.Delete(globalIgnore);
    }

    [Fact]
    public void Tracked_files_are_scanned_even_when_a_later_gitignore_matches_them()
    {
        using var repo = TempRepo.Git();
        repo.Write("model.pkl", "x");
        repo.Commit();
        repo.Write(".gitignore", "*.pkl\n");
        Assert.Contains("model.pkl", Paths(FileDiscovery.Discover(repo.Root, GlobSet.Empty)));
    }

    [Fact]
    public void Scanning_a_subfolder_reports_paths_from_the_repository_root()
    {
        using var repo = TempRepo.Git();
        repo.Write("a/x.py", "1");
        repo.Write("b/y.py", "2");
        repo.Commit();
        repo.Write("a/new.py", "3");
        var r = FileDiscovery.Discover(Path.Combine(repo.Root, "a"), GlobSet.Empty);
        Assert.Equal(new[] { "a/new.py", "a/x.py" }, Paths(r));
        Assert.Equal(Path.GetFullPath(repo.Root).TrimEnd('/'), r.RootDirectory);
    }

    [Fact]
    public void Symlinks_are_not_followed_out_of_the_repository_and_submodules_not_descended()
    {
        using var outside = TempRepo.Folder();
        outside.Write("outside.py", "secret = 1\n");
        using var sub = TempRepo.Git();
        sub.Write("inner.py", "1");
        sub.Commit();
        using var repo = TempRepo.Git();
        repo.Write("main.py", "1");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "link.py"), Path.Combine(outside.Root, "outside.py"));
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "linkdir"), outside.Root);
        repo.Run("git", "-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.Root, "vendor/sub");
        repo.Commit();
        var paths = Paths(FileDiscovery.Discover(repo.Root, GlobSet.Empty));
        Assert.Contains("main.py", paths);
        Assert.Contains(".gitmodules", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("link", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.StartsWith("vendor/sub", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_directory_walk_skips_vcs_virtualenvs_and_caches()
    {
        using var dir = TempRepo.Folder();
        dir.Write("train.py", "1");
        dir.Write("node_modules/x/index.js", "1");
        dir.Write("__pycache__/a.pyc", "1");
        dir.Write("myenv/pyvenv.cfg", "home = /usr\n");
        dir.Write("myenv/lib/site.py", "1");
        dir.Write(".venv/lib/x.py", "1");
        dir.Write("notebooks/.ipynb_checkpoints/a-checkpoint.ipynb", "{}");
        dir.Write("notebooks/a.ipynb", "{}");
        var r = FileDiscovery.Discover(dir.Root, GlobSet.Empty);
        Assert.False(r.IsGitRepository);
        Assert.Equal(new[] { "notebooks/a.ipynb", "train.py" }, Paths(r));
    }

    [Fact]
    public void Exclude_globs_apply_in_both_modes()
    {
        using var dir = TempRepo.Folder();
        dir.Write("samples/demo/a.py", "1");
        dir.Write("src/b.py", "1");
        Assert.Equal(new[] { "src/b.py" }, Paths(FileDiscovery.Discover(dir.Root, new GlobSet(new[] { "samples/**" }))));
    }

    [Fact]
    public void A_repository_with_no_commits_lists_untracked_files()
    {
        using var repo = TempRepo.Git();
        repo.Write("a.py", "1");
        Assert.Equal(new[] { "a.py" }, Paths(FileDiscovery.Discover(repo.Root, GlobSet.Empty)));
    }

    [Fact]
    public void A_bare_repository_is_a_clear_error()
    {
        using var dir = TempRepo.Folder();
        TempRepo.RunIn(dir.Root, "git", "init", "-q", "--bare", "r.git");
        var e = Assert.Throws<UsageException>(() => FileDiscovery.Discover(Path.Combine(dir.Root, "r.git"), GlobSet.Empty));
        Assert.Contains("bare", e.Message);
    }

    [Fact]
    public void Files_that_cannot_be_read_become_scan_warnings_and_the_rest_is_read()
    {
        using var dir = TempRepo.Folder();
        string ok = dir.Write("ok.py", "1");
        string gone = dir.Write("gone.py", "1");
        File.Delete(gone); // deleted between discovery and reading, as happens during a long scan
        string isDir = Path.Combine(dir.Root, "adir");
        Directory.CreateDirectory(isDir); // a path that is not a file
        var (docs, diags) = DocumentLoader.Load(new[]
        {
            new DiscoveredFile("gone.py", gone), new DiscoveredFile("ok.py", ok), new DiscoveredFile("adir", isDir),
        }, 1000);
        Assert.Equal("ok.py", Assert.Single(docs).Path);
        Assert.Equal(2, diags.Count);
        Assert.All(diags, d => Assert.Contains("cannot be read", d.Message));
        Assert.Contains(diags, d => d.Path == "gone.py");
    }

    [Fact]
    public void Over_cap_files_keep_only_their_head()
    {
        using var dir = TempRepo.Folder();
        var bytes = new byte[200_000];
        bytes[0] = 0x93;
        string f = dir.Write("big.npy", bytes);
        var (docs, diags) = DocumentLoader.Load(new[] { new DiscoveredFile("big.npy", f) }, 100_000);
        var d = Assert.Single(docs);
        Assert.False(d.IsComplete);
        Assert.Equal(200_000, d.Size);
        Assert.Equal(DocumentLoader.HeadBytes, d.Content.Length);
        Assert.Contains("max-file-size", Assert.Single(diags).Message);
    }
}
