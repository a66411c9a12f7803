using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary><c>scan --new-from-rev REV</c> and <c>--changed-lines-only</c> on real repositories with a base branch and a
/// feature branch: REV is read from git objects (nothing is checked out), findings are matched by content.</summary>
public class PullRequestModeTests
{
    private static string[] Findings(CliResult r) =>
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()} {f.GetProperty("ruleId").GetString()}")
            .OrderBy(s => s, StringComparer.Ordinal).ToArray();

    /// <summary>main: a consistent Python version, one unpinned requirement, a seeded script. The feature branch moves the
    /// old requirement down a line, adds an unpinned one, raises requires-python above the Docker image's Python (a
    /// mismatch whose reported line, in the Dockerfile, it does not touch) and deletes the seeding line (a new finding on
    /// a line it does not touch either).</summary>
    private static TempRepo FeatureBranch()
    {
        var repo = TempRepo.Git();
        repo.Write("Dockerfile", "FROM python:3.9-slim\nCOPY . .\nRUN pip install -r requirements.txt\n");
        repo.Write("pyproject.toml", "[project]\nname = \"churn\"\nrequires-python = \">=3.8\"\ndependencies = [\"numpy==1.26.4\"]\n");
        repo.Write("requirements.txt", "numpy\n");
        // the draws are written out, so they matter (MLO302 does not count random numbers a script only prints)
        repo.Write("train.py", "import numpy as np\nnp.random.seed(0)\nx = np.random.rand(3)\nnp.save(\"x.npy\", x)\n");
        repo.Commit("base");
        repo.Run("git", "checkout", "-q", "-b", "feature");
        repo.Write("requirements.txt", "# serving\nnumpy\npandas\n");
        repo.Write("pyproject.toml", "[project]\nname = \"churn\"\nrequires-python = \">=3.11\"\ndependencies = [\"numpy==1.26.4\"]\n");
        repo.Write("train.py", "import numpy as np\nx = np.random.rand(3)\nnp.save(\"x.npy\", x)\n");
        repo.Commit("feature");
        return repo;
    }

    [Fact]
    public void New_from_rev_reports_only_what_the_branch_adds_and_checks_nothing_out()
    {
        using var repo = FeatureBranch();
        Assert.Equal(new[] { "Dockerfile:1 MLO601", "requirements.txt:2 MLO201", "requirements.txt:3 MLO201", "train.py:2 MLO302" },
            Findings(CliRunner.InProcess("scan", repo.Root, "--format", "json")));

        var r = CliRunner.InProcess("scan", repo.Root, "--format", "json", "--new-from-rev", "main");
        Assert.Equal(1, r.ExitCode);
        // numpy moved from line 1 to 2 and is still the same finding; pandas is new
        Assert.Equal(new[] { "Dockerfile:1 MLO601", "requirements.txt:3 MLO201", "train.py:2 MLO302" }, Findings(r));
        Assert.Equal("", repo.Run("git", "status", "--porcelain"));
        Assert.Equal("feature", repo.Run("git", "rev-parse", "--abbrev-ref", "HEAD").Trim());

        // the working tree counts, not only commits: an uncommitted pin removes the new finding
        repo.Write("requirements.txt", "# serving\nnumpy\npandas==2.2.0\n");
        Assert.Equal(new[] { "Dockerfile:1 MLO601", "train.py:2 MLO302" },
            Findings(CliRunner.InProcess("scan", repo.Root, "--format", "json", "--new-from-rev", "main")));

        // against itself nothing is new
        repo.Write("requirements.txt", "# serving\nnumpy\npandas\n");
        var self = CliRunner.InProcess("scan", repo.Root, "--format", "json", "--new-from-rev", "feature", "--verbose");
        Assert.Equal(0, self.ExitCode);
        Assert.Empty(Findings(self));
        Assert.Contains("4 findings are already at feature", self.Stderr);
    }

    [Fact]
    public void Changed_lines_only_keeps_findings_on_added_lines_and_mismatches_the_change_makes()
    {
        using var repo = FeatureBranch();
        var r = CliRunner.InProcess("scan", repo.Root, "--format", "json", "--new-from-rev", "main", "--changed-lines-only", "--verbose");
        Assert.Equal(1, r.ExitCode);
        // the MLO302 line was not added (the seeding line was deleted); the mismatch is reported on the untouched Dockerfile
        Assert.Equal(new[] { "Dockerfile:1 MLO601", "requirements.txt:3 MLO201" }, Findings(r));
        Assert.Contains("1 new ones are on lines the change does not add", r.Stderr);

        // a new untracked file: every line is added
        repo.Write("serve/requirements.txt", "flask\n");
        Assert.Contains("serve/requirements.txt:1 MLO201",
            Findings(CliRunner.InProcess("scan", repo.Root, "--format", "json", "--new-from-rev", "main", "--changed-lines-only")));
    }

    [Theory]
    [InlineData("*a*a*a*a*b diff\n", true)]
    [InlineData("*.pt filter=lfs diff=lfs merge=lfs -text\n**/data/**/*.csv -diff\n", false)]
    public void Changed_lines_only_counts_changed_files_whole_when_the_attributes_hold_an_unbounded_pattern(string attributes, bool unbounded)
    {
        // libgit2 matches each file it hashes or diffs against every attribute pattern, in time exponential in the pattern's
        // wildcards: with such a pattern its diff is not asked, and a file that differs from REV counts as added throughout
        using var repo = FeatureBranch();
        repo.Write(".gitattributes", attributes);
        repo.Run("git", "add", ".gitattributes");
        var r = CliRunner.InProcess("scan", repo.Root, "--format", "json", "--new-from-rev", "main", "--changed-lines-only", "--verbose");
        Assert.Equal(1, r.ExitCode);
        if (unbounded)
        {
            // train.py changed (its seeding line deleted): the finding on its untouched line 2 is kept
            Assert.Equal(new[] { "Dockerfile:1 MLO601", "requirements.txt:3 MLO201", "train.py:2 MLO302" }, Findings(r));
            Assert.Contains("the repository's attributes hold the pattern *a*a*a*a*b", r.Stderr);
        }
        else
        {
            Assert.Equal(new[] { "Dockerfile:1 MLO601", "requirements.txt:3 MLO201" }, Findings(r));
            Assert.DoesNotContain("attributes hold", r.Stderr);
        }
    }

    [Fact]
    public void Staged_with_new_from_rev_compares_the_index()
    {
        using var repo = FeatureBranch();
        repo.Write("requirements.txt", "# serving\nnumpy\npandas\ntorch\n");
        repo.Run("git", "add", "requirements.txt");
        repo.Write("requirements.txt", "# serving\nnumpy\npandas\ntorch\nscipy\n"); // not staged
        var r = CliRunner.InProcess("scan", repo.Root, "--staged", "--format", "json", "--new-from-rev", "HEAD", "--changed-lines-only");
        Assert.Equal(new[] { "requirements.txt:4 MLO201" }, Findings(r));
    }

    [Theory]
    [InlineData("--new-from-rev", "no-such-branch", "'no-such-branch' is not a commit in this repository")]
    [InlineData("--changed-lines-only", null, "--changed-lines-only needs --new-from-rev REV")]
    public void Bad_revisions_and_combinations_exit_2(string flag, string? value, string message)
    {
        using var repo = FeatureBranch();
        var args = new List<string> { "scan", repo.Root, flag };
        if (value != null) args.Add(value);
        var r = CliRunner.InProcess(args.ToArray());
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Equal("", r.Stdout);
    }
}
