using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Staged;

/// <summary>What <c>scan --staged</c> calls staged: the index's changes against HEAD (git's own
/// <c>git diff --cached --name-only</c>), read without looking at the work tree — a rename's new path, an added and a
/// modified file, every file before the first commit; not a submodule, not a change left unstaged, not a file the index
/// holds unchanged.</summary>
public class StagedPathsTests
{
    private static readonly string Pickle = "\u0080\u0004\u0095\u0010\u0000\u0000\u0000\u0000\u0000\u0000\u0000}\u0094\u008c\u0001w\u0094K\u0001s.";

    private static void WritePickle(TempRepo repo, string path) => repo.Write(path, System.Text.Encoding.Latin1.GetBytes(Pickle));

    private static (string[] Paths, int Files) Scan(TempRepo repo)
    {
        var r = CliRunner.InProcess("scan", repo.Root, "--staged", "--select", "MLO102", "--format", "json");
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        var paths = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        return (paths, root.GetProperty("summary").GetProperty("filesScanned").GetInt32());
    }

    private static string[] GitStaged(TempRepo repo) =>
        repo.Run("git", "diff", "--cached", "--name-only", "--no-renames", "--diff-filter=d", "--ignore-submodules").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .OrderBy(p => p, StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_staged_files_are_the_index_changes_against_head()
    {
        using var sub = TempRepo.Git();
        sub.Write("inner.py", "x = 1\n");
        sub.Commit("inner");
        using var repo = TempRepo.Git();
        WritePickle(repo, "models/old.pkl");
        WritePickle(repo, "models/kept.pkl");
        WritePickle(repo, "models/edited.pkl");
        repo.Write("README.md", "# x\n");
        repo.Commit("base");

        repo.Run("git", "mv", "models/old.pkl", "models/renamed.pkl");
        WritePickle(repo, "models/added.pkl");
        repo.Write("models/edited.pkl", Pickle + "more");
        repo.Run("git", "add", "models/added.pkl", "models/edited.pkl");
        repo.Run("git", "-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.Root, "vendor/sub");
        WritePickle(repo, "models/unstaged.pkl"); // untracked
        repo.Write("README.md", "# changed, not staged\n");

        var (paths, files) = Scan(repo);
        Assert.Equal(new[] { "models/added.pkl", "models/edited.pkl", "models/renamed.pkl" }, paths);
        // .gitmodules is staged with the submodule; the submodule itself is not a file of the scan
        Assert.Equal(new[] { ".gitmodules", "models/added.pkl", "models/edited.pkl", "models/renamed.pkl" }, GitStaged(repo));
        Assert.Equal(4, files);
    }

    [Fact]
    public void Before_the_first_commit_every_file_in_the_index_is_staged_and_a_head_to_a_missing_commit_is_an_error()
    {
        using var repo = TempRepo.Git();
        WritePickle(repo, "a.pkl");
        WritePickle(repo, "b.pkl");
        repo.Run("git", "add", "a.pkl", "b.pkl");
        Assert.Equal(new[] { "a.pkl", "b.pkl" }, Scan(repo).Paths);

        repo.Commit("base");
        File.WriteAllText(Path.Combine(repo.Root, ".git", "refs", "heads", "main"), new string('1', 40) + "\n");
        var r = CliRunner.InProcess("scan", repo.Root, "--staged", "--format", "json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("mlops-lint: error: ", r.Stderr);
    }

    [Fact]
    public void A_file_named_on_the_command_line_is_judged_whatever_its_size_as_pre_commit_all_files_names_every_file()
    {
        using var repo = TempRepo.Git();
        // a 300 KB pickle: over the size above which unchanged index files are left out of a staged scan's context
        repo.Write("models/big.pkl", System.Text.Encoding.Latin1.GetBytes(Pickle + new string('x', 300 * 1024)));
        WritePickle(repo, "models/small.pkl");
        repo.Write("README.md", "# x\n");
        repo.Commit("base");

        // `pre-commit run --all-files`: nothing is staged, every file is named
        string[] Named(params string[] files)
        {
            var args = new List<string> { "scan", "--staged", "--select", "MLO102", "--format", "json" };
            args.AddRange(files.Select(f => Path.Combine(repo.Root, f)));
            var r = CliRunner.InProcess(args.ToArray());
            Assert.True(r.ExitCode is 0 or 1, r.Stderr);
            return JsonDocument.Parse(r.Stdout).RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => f.GetProperty("path").GetString()!).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        }
        Assert.Equal(new[] { "models/big.pkl", "models/small.pkl" }, Named("models/big.pkl", "models/small.pkl", "README.md"));
        Assert.Equal(new[] { "models/big.pkl" }, Named("models/big.pkl", "README.md"));
        // look-alikes: the big file unnamed and unchanged is not judged, named or not staged
        Assert.Equal(new[] { "models/small.pkl" }, Named("models/small.pkl", "README.md"));
        Assert.Empty(Scan(repo).Paths);
    }
}
