using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary><c>scan --staged</c> and <c>scan --history</c> on real repositories, and the edge repositories.</summary>
public class GitModesTests
{
    // pickle.dumps({'w': [1, 2, 3]}, protocol=4): a real pickle stream
    private static readonly byte[] Pickle = Convert.FromHexString("80049512000000000000007d948c0177945d94284b014b024b0365732e");

    private static JsonElement[] Findings(CliResult r) =>
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToArray();

    [Fact]
    public void History_reports_a_model_deleted_long_ago_once_with_the_commit_that_added_it()
    {
        using var repo = TempRepo.Git();
        repo.Write("models/model.pkl", Pickle);
        repo.Write("train.py", "x = 1\n");
        repo.Commit("add the model");
        repo.Write("models/copy.pkl", Pickle); // the same blob under another path
        repo.Commit("copy it");
        repo.Run("git", "rm", "-q", "models/model.pkl", "models/copy.pkl");
        repo.Commit("remove the models");
        string added = repo.Run("git", "rev-list", "--max-parents=0", "HEAD").Trim();

        Assert.Equal(0, CliRunner.InProcess("scan", repo.Root, "--select", "MLO102").ExitCode); // the working tree is clean
        var r = CliRunner.InProcess("scan", repo.Root, "--history", "--select", "MLO102", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        var f = Assert.Single(Findings(r));
        Assert.Equal("models/model.pkl", f.GetProperty("path").GetString());
        Assert.Contains("added in commit " + added.Substring(0, 8), f.GetProperty("locationHint").GetString());
        var h = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("history");
        Assert.Equal(3, h.GetProperty("commits").GetInt32());
        Assert.Equal(1, h.GetProperty("flaggedBlobs").GetInt32());
        Assert.Equal(Pickle.Length, h.GetProperty("removableBytes").GetInt64());
    }

    [Fact]
    public void The_git_and_libgit2_history_walks_agree()
    {
        using var repo = TempRepo.Git();
        repo.Write("a/model.pkl", Pickle);
        repo.Write("dir with space/ünï.pkl", Pickle.Concat(new byte[] { 1 }).ToArray());
        repo.Commit("first");
        repo.Run("git", "checkout", "-q", "-b", "side");
        repo.Write("side/branch.pkl", Pickle.Concat(new byte[] { 2 }).ToArray());
        repo.Commit("on a branch");
        repo.Run("git", "checkout", "-q", "main");
        repo.Write("b.py", "x = 1\n");
        repo.Commit("main moves on");
        repo.Run("git", "merge", "-q", "--no-ff", "-m", "merge side", "side");
        repo.Run("git", "rm", "-q", "a/model.pkl");
        repo.Commit("remove");

        var viaGit = CliRunner.InProcess("scan", repo.Root, "--history", "--select", "MLO1", "--format", "json");
        string viaLibgit2;
        Environment.SetEnvironmentVariable("MLOPS_LINT_NO_GIT_CLI", "1");
        try
        {
            viaLibgit2 = CliRunner.InProcess("scan", repo.Root, "--history", "--select", "MLO1", "--format", "json").Stdout;
        }
        finally
        {
            Environment.SetEnvironmentVariable("MLOPS_LINT_NO_GIT_CLI", null);
        }
        Assert.Equal(viaGit.Stdout, viaLibgit2);
        var paths = Findings(viaGit).Select(f => f.GetProperty("path").GetString()).Distinct().ToArray();
        Assert.Equal(new[] { "a/model.pkl", "dir with space/ünï.pkl", "side/branch.pkl" }, paths);
    }

    [Fact]
    public void History_finds_credentials_in_old_versions_once_on_the_blob_that_introduced_them()
    {
        using var repo = TempRepo.Git();
        string first = FakeSecrets.HuggingFace(), second = FakeSecrets.GitHub();
        repo.Write("src/config.py", $"import os\nHF_TOKEN = \"{first}\"\n");
        repo.Commit("add config");
        repo.Write("src/config.py", $"import os\nHF_TOKEN = \"{first}\"\nGH = \"{second}\"\n"); // the first token stays: not reported again
        repo.Commit("another token");
        repo.Write("src/config.py", "import os\nHF_TOKEN = os.environ[\"HF_TOKEN\"]\n");
        repo.Commit("read it from the environment");

        Assert.Equal(0, CliRunner.InProcess("scan", repo.Root, "--select", "MLO4").ExitCode); // the tree is clean now
        var r = CliRunner.InProcess("scan", repo.Root, "--history", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        var found = Findings(r).Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("startLine").GetInt32(),
            f.GetProperty("locationHint").GetString()!.Contains("\"add config\"") ? "add config" : "another token")).ToArray();
        Assert.Equal(new[] { ("MLO401", "src/config.py", 2, "add config"), ("MLO401", "src/config.py", 3, "another token") }, found);
        Assert.DoesNotContain(first, r.Stdout);
        Assert.DoesNotContain(second, r.Stdout);

        // the text report frames each finding with the line of its own version, masked
        var text = CliRunner.InProcess("scan", repo.Root, "--history", "--no-color");
        Assert.Contains("HF_TOKEN = \"" + first.Substring(0, 4), text.Stdout);
        Assert.Contains("GH = \"" + second.Substring(0, 4), text.Stdout);
        Assert.Single(text.Stdout.Split('\n'), l => l.Contains("HF_TOKEN = \"", StringComparison.Ordinal) && l.Contains(" | ", StringComparison.Ordinal));
        Assert.DoesNotContain(first, text.Stdout);
        Assert.DoesNotContain(second, text.Stdout);
    }

    [Fact]
    public void History_runs_only_the_rules_whose_harm_stays_in_history()
    {
        using var repo = TempRepo.Git();
        repo.Write("requirements.txt", "torch\nscikit-learn\n");
        repo.Write("train.py", "from sklearn.model_selection import train_test_split\nX_tr, X_te = train_test_split(X)\nopen('/home/alice/data.csv')\n");
        repo.Write("model.pkl", Pickle);
        repo.Commit("everything at once");
        var working = CliRunner.InProcess("scan", repo.Root, "--format", "json");
        var families = Findings(working).Select(f => f.GetProperty("ruleId").GetString()!.Substring(0, 4)).Distinct().OrderBy(x => x).ToArray();
        Assert.Equal(new[] { "MLO1", "MLO2", "MLO3", "MLO5" }, families);

        var history = CliRunner.InProcess("scan", repo.Root, "--history", "--format", "json");
        Assert.All(Findings(history), f => Assert.StartsWith("MLO1", f.GetProperty("ruleId").GetString()));
        Assert.NotEmpty(Findings(history));

        var none = CliRunner.InProcess("scan", repo.Root, "--history", "--select", "MLO3");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("MLO1", none.Stderr);
        Assert.Contains("MLO4", none.Stderr);
    }

    [Fact]
    public void History_reports_a_blob_at_a_path_that_is_not_excluded_and_survives_a_missing_blob()
    {
        using var repo = TempRepo.Git();
        repo.Write("vendor/model.pkl", Pickle);
        repo.Commit("vendored first");
        repo.Write("models/model.pkl", Pickle); // the same blob, later, where it is not excluded
        repo.Write("lost.pkl", Pickle.Concat(new byte[] { 9 }).ToArray());
        repo.Commit("then copied");
        var r = CliRunner.InProcess("scan", repo.Root, "--history", "--select", "MLO102", "--exclude", "vendor/**", "--format", "json");
        Assert.Equal(new[] { "lost.pkl", "models/model.pkl" }, Findings(r).Select(f => f.GetProperty("path").GetString()).OrderBy(p => p).ToArray());

        // a damaged object store: the blob of lost.pkl is gone; the walk goes on and says what it could not check
        string sha = repo.Run("git", "rev-parse", "HEAD:lost.pkl").Trim();
        File.Delete(Path.Combine(repo.Root, ".git", "objects", sha.Substring(0, 2), sha.Substring(2)));
        foreach (var noCli in new[] { false, true })
        {
            Environment.SetEnvironmentVariable("MLOPS_LINT_NO_GIT_CLI", noCli ? "1" : null);
            try
            {
                var damaged = CliRunner.InProcess("scan", repo.Root, "--history", "--select", "MLO102", "--format", "json");
                Assert.Equal("vendor/model.pkl", Assert.Single(Findings(damaged)).GetProperty("path").GetString()); // one blob, its first path
                Assert.Contains("1 blob(s) reachable from history are not in the object store", damaged.Stderr);
            }
            finally
            {
                Environment.SetEnvironmentVariable("MLOPS_LINT_NO_GIT_CLI", null);
            }
        }
    }

    [Fact]
    public void History_since_a_revision_skips_what_came_before()
    {
        using var repo = TempRepo.Git();
        repo.Write("old.pkl", Pickle);
        repo.Commit("old");
        repo.Run("git", "tag", "v1");
        repo.Write("new.pkl", Pickle.Concat(new byte[] { 0 }).ToArray());
        repo.Commit("new");
        var r = CliRunner.InProcess("scan", repo.Root, "--history", "--since", "v1", "--select", "MLO102", "--format", "json");
        Assert.Equal("new.pkl", Assert.Single(Findings(r)).GetProperty("path").GetString());
        var bad = CliRunner.InProcess("scan", repo.Root, "--history", "--since", "no-such-ref");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("no-such-ref", bad.Stderr);
    }

    [Fact]
    public void Staged_judges_the_staged_version_and_reports_only_staged_paths()
    {
        using var repo = TempRepo.Git();
        repo.Write("committed.pkl", Pickle);
        repo.Write("readme.md", "# x\n");
        repo.Commit("base");
        repo.Write("staged.pkl", Pickle);
        repo.Run("git", "add", "staged.pkl");
        repo.Write("staged.pkl", "now only text in the work tree\n"); // partially staged: the index still holds the pickle
        repo.Write("readme.md", "# changed\n");
        repo.Run("git", "add", "readme.md");
        repo.Write("readme.md", Pickle); // unstaged change to a pickle: not what will be committed
        repo.Write("untracked.pkl", Pickle);

        var r = CliRunner.InProcess("scan", repo.Root, "--staged", "--select", "MLO102", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(new[] { "staged.pkl" }, Findings(r).Select(f => f.GetProperty("path").GetString()));
    }

    [Fact]
    public void Lfs_path_committed_as_a_blob_is_caught_and_a_pointer_is_not()
    {
        using var repo = TempRepo.Git();
        repo.Write(".gitattributes", "*.safetensors filter=lfs diff=lfs merge=lfs -text\n");
        repo.Write("real.safetensors", new byte[] { 0x10, 0, 0, 0, 0, 0, 0, 0 }.Concat("{\"a\":{}}        "u8.ToArray()).ToArray());
        // an LFS pointer, as git stores it when git-lfs is installed (git-lfs need not be installed to read it)
        repo.Write("pointer.safetensors", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
        repo.Run("git", "-c", "filter.lfs.clean=cat", "-c", "filter.lfs.smudge=cat", "-c", "filter.lfs.process=", "-c", "filter.lfs.required=false", "add", "-A");
        repo.Run("git", "-c", "filter.lfs.required=false", "commit", "-q", "-m", "weights");
        foreach (var args in new[] { new[] { "scan", repo.Root }, new[] { "scan", repo.Root, "--history" } })
        {
            var r = CliRunner.InProcess(args.Concat(new[] { "--select", "MLO1", "--format", "json" }).ToArray());
            var paths = Findings(r).Select(f => f.GetProperty("ruleId").GetString() + " " + f.GetProperty("path").GetString()).ToArray();
            Assert.Equal(new[] { "MLO104 real.safetensors" }, paths);
        }
    }

    [Fact]
    public void Edge_repositories_behave()
    {
        // no commits yet: history is empty, staged and working tree work
        using (var empty = TempRepo.Git())
        {
            empty.Write("a.pkl", Pickle);
            var h = CliRunner.InProcess("scan", empty.Root, "--history", "--format", "json");
            Assert.Equal(0, h.ExitCode);
            Assert.Empty(Findings(h));
            Assert.Equal(1, CliRunner.InProcess("scan", empty.Root, "--select", "MLO102").ExitCode);
            empty.Run("git", "add", "a.pkl");
            Assert.Equal(1, CliRunner.InProcess("scan", empty.Root, "--staged", "--select", "MLO102").ExitCode);
        }

        using var repo = TempRepo.Git();
        repo.Write("m.pkl", Pickle);
        repo.Commit("one");
        repo.Write("b.py", "x = 2\n");
        repo.Commit("two");

        // detached HEAD
        repo.Run("git", "checkout", "-q", "--detach", "HEAD~1");
        Assert.Equal(1, CliRunner.InProcess("scan", repo.Root, "--history", "--select", "MLO102").ExitCode);
        repo.Run("git", "checkout", "-q", "main");

        // a worktree (its .git is a file)
        string wt = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "wt-" + Guid.NewGuid().ToString("N"));
        repo.Run("git", "worktree", "add", "-q", wt, "-b", "side");
        Assert.Equal(1, CliRunner.InProcess("scan", wt, "--select", "MLO102").ExitCode);
        Assert.Equal(1, CliRunner.InProcess("scan", wt, "--history", "--select", "MLO102").ExitCode);

        // a shallow clone: history is what the clone has
        string shallow = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "shallow-" + Guid.NewGuid().ToString("N"));
        TempRepo.RunIn(Path.GetTempPath(), "git", "clone", "-q", "--depth", "1", "file://" + repo.Root, shallow);
        var s = CliRunner.InProcess("scan", shallow, "--history", "--format", "json");
        Assert.Equal(1, JsonDocument.Parse(s.Stdout).RootElement.GetProperty("history").GetProperty("commits").GetInt32());

        // a bare repository: history works, the working tree is a clear error
        string bare = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "bare-" + Guid.NewGuid().ToString("N") + ".git");
        TempRepo.RunIn(Path.GetTempPath(), "git", "clone", "-q", "--bare", repo.Root, bare);
        Assert.Equal(1, CliRunner.InProcess("scan", bare, "--history", "--select", "MLO102").ExitCode);
        var wtScan = CliRunner.InProcess("scan", bare);
        Assert.Equal(2, wtScan.ExitCode);
        Assert.Contains("bare", wtScan.Stderr);
        Assert.Equal(2, CliRunner.InProcess("scan", bare, "--staged").ExitCode);

        // not a repository: the working tree is walked; git modes say why they cannot run
        using var plain = TempRepo.Folder();
        plain.Write("m.pkl", Pickle);
        Assert.Equal(1, CliRunner.InProcess("scan", plain.Root, "--select", "MLO102").ExitCode);
        var notGit = CliRunner.InProcess("scan", plain.Root, "--history");
        Assert.Equal(2, notGit.ExitCode);
        Assert.Contains("not inside one", notGit.Stderr);

        foreach (var d in new[] { wt, shallow, bare })
        {
            try { Directory.Delete(d, true); } catch (IOException) { }
        }
    }

    [Fact]
    public void Submodules_are_not_descended_in_any_mode()
    {
        using var sub = TempRepo.Git();
        sub.Write("inner.pkl", Pickle);
        sub.Commit("inner");
        using var repo = TempRepo.Git();
        repo.Write("a.py", "x = 1\n");
        repo.Run("git", "-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.Root, "vendor/sub");
        repo.Commit("with submodule");
        foreach (var mode in new[] { Array.Empty<string>(), new[] { "--history" } })
        {
            var r = CliRunner.InProcess(new[] { "scan", repo.Root, "--select", "MLO1", "--format", "json" }.Concat(mode).ToArray());
            Assert.Empty(Findings(r));
        }
    }
}
