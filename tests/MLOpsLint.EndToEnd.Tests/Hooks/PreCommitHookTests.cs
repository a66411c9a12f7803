using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Hooks;

/// <summary>
/// The hook in .pre-commit-hooks.yaml, installed and run by the real pre-commit client (Debian's 3.0.4; .ci/run
/// installs it): `language: dotnet` packs this repository and installs the one tool package it yields. A scratch ML
/// repository stages a pickled model and an unpinned requirement: the hook blocks the commit and says why; once both
/// are fixed the commit goes through.
/// </summary>
public class PreCommitHookTests
{
    private static readonly string PickledModel = "\u0080\u0004\u0095\u0010\u0000\u0000\u0000\u0000\u0000\u0000\u0000}\u0094\u008c\u0001w\u0094K\u0001s.";

    [Fact]
    public async Task Try_repo_and_an_installed_hook_block_a_staged_model_and_an_unpinned_requirement_and_pass_a_clean_commit()
    {
        using var work = TempRepo.Folder();
        string hookRepo = CheckoutSnapshot.Commit(work.Root);
        string rev = TempRepo.RunIn(hookRepo, "git", "rev-parse", "HEAD").Trim();

        using var ml = Scratch();
        var env = Environment(work.Root, "home-try");

        // 1. try-repo, as the README tells a user to try the hook before adding it
        var tryRepo = Task.Run(() => ExternalTool.Run("pre-commit", ml.Root, env, "try-repo", hookRepo, "mlops-lint", "--ref", rev, "--color", "never"));

        // 2. the hook installed from a .pre-commit-config.yaml, run by git commit itself
        using var committed = Scratch();
        committed.Write(".pre-commit-config.yaml", $"repos:\n  - repo: {hookRepo}\n    rev: {rev}\n    hooks:\n      - id: mlops-lint\n");
        committed.Run("git", "add", ".pre-commit-config.yaml");
        var installEnv = Environment(work.Root, "home-installed");
        Assert.Equal(0, ExternalTool.Run("pre-commit", committed.Root, installEnv, "install").ExitCode);
        var blocked = await Task.Run(() => ExternalTool.Run("git", committed.Root, installEnv, "commit", "-m", "add a model"));
        var tried = await tryRepo;

        foreach (var (name, result) in new[] { ("try-repo", tried), ("git commit", blocked) })
        {
            string output = result.Stdout + result.Stderr;
            Assert.True(result.ExitCode != 0, $"{name} should have failed:\n{output}");
            Assert.Contains("mlops-lint", output);
            Assert.Contains("Failed", output);
            Assert.Contains("requirements.txt:1:1: warning MLO201", output);
            Assert.Contains("models/classifier.pkl", output);
            Assert.Contains("MLO102", output);
            Assert.Contains("= fix:", output); // readable: the text report with its fix lines, not JSON
            Assert.DoesNotContain("\u001b[1;33m", output); // our report is plain (the text report shows warnings in bold yellow)
            Assert.DoesNotContain("train.py:", output); // the clean file staged beside them
            Assert.DoesNotContain("pandas", output); // the pinned requirement on the next line
        }
        Assert.Equal("0", committed.Run("git", "rev-list", "--all", "--count").Trim()); // nothing was committed

        committed.Run("git", "rm", "-q", "--cached", "models/classifier.pkl");
        File.Delete(Path.Combine(committed.Root, "models", "classifier.pkl"));
        committed.Write("requirements.txt", "numpy==1.26.4\npandas==2.2.0\n");
        committed.Run("git", "add", "-A");
        var clean = ExternalTool.Run("git", committed.Root, installEnv, "commit", "-m", "pinned, no model");
        Assert.True(clean.ExitCode == 0, clean.Stdout + clean.Stderr);
        Assert.Matches(@"mlops-lint\.+Passed", clean.Stdout + clean.Stderr);
    }

    /// <summary>A scratch ML repository with no commit yet and four staged files.</summary>
    private static TempRepo Scratch()
    {
        var ml = TempRepo.Git();
        ml.Write("README.md", "# churn model\n");
        ml.Write("requirements.txt", "numpy\npandas==2.2.0\n");
        ml.Write("models/classifier.pkl", System.Text.Encoding.Latin1.GetBytes(PickledModel));
        ml.Write("train.py", "import pandas as pd\n\ndf = pd.read_csv('data/churn.csv')\nprint(df.shape)\n");
        ml.Run("git", "add", "README.md", "requirements.txt", "models/classifier.pkl", "train.py");
        return ml;
    }

    private static Dictionary<string, string?> Environment(string temp, string home) => new()
    {
        ["PRE_COMMIT_HOME"] = Path.Combine(temp, home),
        ["PRE_COMMIT_COLOR"] = "never",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["NO_COLOR"] = "1",
    };
}
