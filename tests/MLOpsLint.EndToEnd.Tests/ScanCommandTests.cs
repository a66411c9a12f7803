using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>The CLI on real git repositories made in temp folders.</summary>
public class ScanCommandTests
{
    private const string UnseededTrainer = """
        using Microsoft.ML;

        public static class Trainer
        {
            public static MLContext Create() => new MLContext();
        }
        """;

    private static TempRepo RepoWithFinding()
    {
        var repo = TempRepo.Git();
        repo.Write("trainer/Trainer.cs", UnseededTrainer);
        repo.Write("README.md", "# demo\n");
        repo.Commit();
        return repo;
    }

    [Fact]
    public void Text_report_shows_place_caret_fix_and_rule_page_and_exits_1()
    {
        using var repo = RepoWithFinding();
        var r = CliRunner.InProcess("scan", repo.Root);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("trainer/Trainer.cs:5:41: warning MLO303", r.Stdout);
        Assert.Contains("new MLContext()", r.Stdout);
        Assert.Contains("^^^^^^^^^^^^^^^", r.Stdout);
        Assert.Contains("= fix:", r.Stdout);
        Assert.Contains("rules/MLO303.md", r.Stdout);
        Assert.Contains("Found 1 finding (1 warning) in 1 file of 2 scanned.", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Fail_level_select_and_ignore_change_the_exit_code()
    {
        using var repo = RepoWithFinding();
        Assert.Equal(0, CliRunner.InProcess("scan", repo.Root, "--fail-level", "error").ExitCode);
        Assert.Equal(0, CliRunner.InProcess("scan", repo.Root, "--ignore", "MLO3").ExitCode);
        Assert.Equal(1, CliRunner.InProcess("scan", repo.Root, "--select", "MLO303").ExitCode);
        Assert.Equal(0, CliRunner.InProcess("scan", repo.Root, "--exclude", "trainer/**").ExitCode);
    }

    [Fact]
    public void One_run_writes_several_formats()
    {
        using var repo = RepoWithFinding();
        string sarif = Path.Combine(repo.Root, "out", "r.sarif");
        string json = Path.Combine(repo.Root, "out", "r.json");
        var r = CliRunner.InProcess("scan", repo.Root, "--sarif", sarif, "--json", json, "--quiet");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("trainer/Trainer.cs:5:41: warning MLO303", r.Stdout);
        using var s = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("MLO303", s.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
        using var j = JsonDocument.Parse(File.ReadAllText(json));
        var f = j.RootElement.GetProperty("findings")[0];
        Assert.Equal("trainer/Trainer.cs", f.GetProperty("path").GetString());
        Assert.Equal(5, f.GetProperty("startLine").GetInt32());
        Assert.Equal(1, j.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void Output_is_deterministic()
    {
        using var repo = RepoWithFinding();
        for (int i = 0; i < 5; i++) repo.Write($"svc{i}/Trainer{i}.cs", UnseededTrainer);
        var a = CliRunner.InProcess("scan", repo.Root, "--format", "json");
        var b = CliRunner.InProcess("scan", repo.Root, "--format", "json");
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.Equal(6, JsonDocument.Parse(a.Stdout).RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Configuration_is_found_walking_up_and_a_malformed_one_stops_the_scan()
    {
        using var repo = RepoWithFinding();
        repo.Write("pyproject.toml", "[project]\nname = \"demo\"\n\n[tool.mlops-lint]\nignore = [\"MLO303\"]\n");
        Assert.Equal(0, CliRunner.InProcess("scan", Path.Combine(repo.Root, "trainer")).ExitCode);

        repo.Write("pyproject.toml", "[tool.mlops-lint]\nignore = [\"MLO303\"\nfail-level = \"error\"\n");
        var bad = CliRunner.InProcess("scan", repo.Root);
        Assert.Equal(2, bad.ExitCode);
        Assert.Matches(@"pyproject\.toml:\d+: invalid TOML", bad.Stderr);
        Assert.Equal("", bad.Stdout);
    }

    /// <summary>Changed from a warning (issue 17): an unknown rule id is treated as on the command line, exit 2 with the
    /// same words, because a mistyped select ran nothing and passed.</summary>
    [Fact]
    public void Unknown_rule_is_the_same_error_in_configuration_and_on_the_command_line()
    {
        using var repo = RepoWithFinding();
        var cli = CliRunner.InProcess("scan", repo.Root, "--format", "json", "--select", "MLO999");
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("mlops-lint: error: 'MLO999' matches no rule; give rule ids like MLO301", cli.Stderr);
        Assert.Equal("", cli.Stdout);

        repo.Write("mlops-lint.toml", "fail-level = \"warning\"\nselect = [\"MLO999\"]\n");
        var file = CliRunner.InProcess("scan", repo.Root, "--format", "json");
        Assert.Equal(2, file.ExitCode);
        Assert.Contains("mlops-lint.toml:2: 'MLO999' matches no rule; give rule ids like MLO301", file.Stderr);
        Assert.Equal("", file.Stdout);

        repo.Write("mlops-lint.toml", "select = [\"MLO3\"]\n"); // the look-alike: a real family
        Assert.Equal(1, CliRunner.InProcess("scan", repo.Root, "--format", "json").ExitCode);
    }

    [Fact]
    public void Since_without_history_is_a_usage_error()
    {
        using var repo = RepoWithFinding();
        var r = CliRunner.InProcess("scan", repo.Root, "--since", "HEAD");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--since REV limits a history scan; give --history with it", r.Stderr);
        Assert.Equal("", r.Stdout);
        Assert.Equal(0, CliRunner.InProcess("scan", repo.Root, "--history", "--since", "HEAD").ExitCode);
    }

    [Fact]
    public void Editorconfig_sets_severity_per_path()
    {
        using var repo = RepoWithFinding();
        repo.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.MLO303.severity = error\n[legacy/**]\ndotnet_diagnostic.MLO303.severity = none\n");
        repo.Write("legacy/Old.cs", UnseededTrainer);
        var r = CliRunner.InProcess("scan", repo.Root, "--fail-level", "error", "--quiet");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("trainer/Trainer.cs:5:41: error MLO303", r.Stdout);
        Assert.DoesNotContain("legacy/Old.cs", r.Stdout);
    }

    [Fact]
    public void Baseline_accepts_todays_findings_and_still_reports_new_ones()
    {
        using var repo = RepoWithFinding();
        var b = CliRunner.InProcess("baseline", repo.Root);
        Assert.Equal(0, b.ExitCode);
        string file = Path.Combine(repo.Root, "mlops-lint-baseline.json");
        Assert.Contains("\"rule\": \"MLO303\"", File.ReadAllText(file));

        var clean = CliRunner.InProcess("scan", repo.Root, "--baseline", file);
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("1 in the baseline", clean.Stdout);

        // move the code: still accepted; add a second unseeded context: reported
        repo.Write("trainer/Trainer.cs", "// moved down\n\n" + UnseededTrainer.Replace("=> new MLContext();", "=> new MLContext();\n    public static MLContext Other() => new MLContext();"));
        var again = CliRunner.InProcess("scan", repo.Root, "--baseline", file, "--quiet");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Found 1 finding", again.Stdout);
        Assert.Contains("1 in the baseline", again.Stdout);

        var broken = Path.Combine(repo.Root, "broken.json");
        File.WriteAllText(broken, "{ nope");
        Assert.Equal(2, CliRunner.InProcess("scan", repo.Root, "--baseline", broken).ExitCode);
    }

    [Theory]
    [InlineData("scan", "/definitely/not/here")]
    [InlineData("scan", "--format", "xml", ".")]
    [InlineData("scan", "--select", "MLO9")]
    [InlineData("scan", "--no-such-flag")]
    [InlineData("frobnicate")]
    public void Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var r = CliRunner.InProcess(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    /// <summary>Changed (issue 17): a file used to be a usage error; file names are what pre-commit passes, so they now
    /// scan the repository around them and report only those files.</summary>
    [Fact]
    public void File_names_report_only_those_files_of_the_repository_around_them()
    {
        using var repo = RepoWithFinding();
        repo.Write("other/Other.cs", UnseededTrainer);
        var one = CliRunner.InProcess("scan", Path.Combine(repo.Root, "trainer", "Trainer.cs"), "--quiet");
        Assert.Equal(1, one.ExitCode);
        Assert.Contains("trainer/Trainer.cs:5:41: warning MLO303", one.Stdout);
        Assert.DoesNotContain("other/Other.cs", one.Stdout);

        var clean = CliRunner.InProcess("scan", Path.Combine(repo.Root, "README.md"), "--quiet");
        Assert.Equal(0, clean.ExitCode);

        var both = CliRunner.InProcess("scan", Path.Combine(repo.Root, "README.md"), Path.Combine(repo.Root, "other"), "--quiet");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("other/Other.cs:5:41: warning MLO303", both.Stdout);
        Assert.DoesNotContain("trainer/Trainer.cs", both.Stdout);

        var missing = CliRunner.InProcess("scan", Path.Combine(repo.Root, "gone.py"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("gone.py does not exist", missing.Stderr);
    }
}
