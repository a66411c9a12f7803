using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>The real executable: exit codes, environment, and what reaches stdout vs stderr.</summary>
public class ProcessTests
{
    private static TempRepo Repo()
    {
        var repo = TempRepo.Git();
        repo.Write("src/Trainer.cs", "using Microsoft.ML;\nclass T { MLContext C() => new MLContext(); }\n");
        repo.Write("notebooks/broken.ipynb", "{ \"cells\": [ ");
        repo.Write("mlops-lint.toml", "unknown-key = 1\n");
        repo.Commit();
        return repo;
    }

    [Fact]
    public void Stdout_holds_only_the_report_and_no_colour_when_redirected()
    {
        using var repo = Repo();
        var r = CliRunner.Process(null, "scan", repo.Root, "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.Contains("unknown setting 'unknown-key'", r.Stderr);
        var text = CliRunner.Process(null, "scan", repo.Root);
        Assert.DoesNotContain("\u001b[", text.Stdout);
        Assert.DoesNotContain("\u001b[", text.Stderr); // no progress line when stderr is not a terminal
    }

    [Fact]
    public void GitHub_format_writes_annotations_and_the_job_summary()
    {
        using var repo = Repo();
        string summary = Path.Combine(repo.Root, "summary.md");
        File.WriteAllText(summary, "previous step\n");
        var r = CliRunner.Process(new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_WORKSPACE"] = repo.Root },
            "scan", repo.Root, "--format", "github");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("::warning title=MLO303%3A MLContext created without a seed,file=src/Trainer.cs,line=2,endLine=2,col=", r.Stdout);
        Assert.Contains("::warning title=mlops-lint scan problem,file=mlops-lint.toml", r.Stdout);
        string md = File.ReadAllText(summary);
        Assert.StartsWith("previous step\n## MLOps Lint: 1 finding", md); // appended, not overwritten
        Assert.Contains("| Missing random seeds (MLO3xx) | 0 | 1 | 0 |", md);
    }

    [Fact]
    public void Version_and_help_explain_themselves()
    {
        var v = CliRunner.Process(null, "--version");
        Assert.Equal(0, v.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", v.Stdout);
        var h = CliRunner.Process(null, "scan", "--help");
        Assert.Equal(0, h.ExitCode);
        Assert.Contains("--fail-level", h.Stdout);
        Assert.Contains("Exit codes", h.Stdout);
    }
}
