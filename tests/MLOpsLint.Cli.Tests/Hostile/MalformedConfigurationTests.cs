using MLOpsLint.Cli.Tests.Support;

namespace MLOpsLint.Cli.Tests.Hostile;

/// <summary>
/// A configuration that is malformed — invalid TOML, junk bytes, nesting past Tomlyn's limit, a setting or a rule option
/// of the wrong type (a rule option of the wrong type used to be ignored without a word: <c>min-entropy = "high"</c> ran
/// with 3.0), <c>[tool] mlops-lint = 5</c>, a size of zero (every file skipped: a scan that judges nothing and passes) —
/// is one message naming the file (and line) and exit 2, never an internal error and never a silent default. The
/// look-alikes: every option written with its documented type is accepted, and <c>min-entropy = 4.5</c> (a TOML float,
/// which the check used to read as a string and so ignore) now takes effect.
/// </summary>
public class MalformedConfigurationTests
{
    private static (int Exit, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = MLOpsLint.Cli.Program.Run(args, stdout, stderr, false, false);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static TempRepo Repo(string configName, string config)
    {
        var repo = TempRepo.Git();
        repo.Write("requirements.txt", "numpy\n");
        repo.Write("settings.py", "api_token = \"k8Tz2mQp9Lx4Vb7N\"\n");
        repo.Write(configName, config);
        repo.Commit("config");
        return repo;
    }

    [Theory]
    [InlineData("mlops-lint.toml", "null", ":1: invalid TOML")]
    [InlineData("mlops-lint.toml", "select = [\"MLO2\"\n", "invalid TOML")]
    [InlineData("mlops-lint.toml", "select = 5", ":1: 'select' must be a list of strings")]
    [InlineData("mlops-lint.toml", "select = [1, 2]", ":1: 'select' must be a list of strings")]
    [InlineData("mlops-lint.toml", "per-file-ignores = { \"*.py\" = 5 }", "'*.py' must be a list of rule ids")]
    [InlineData("mlops-lint.toml", "fail-level = \"none\"", ":1: 'fail-level' must be one of suggestion, warning, error")]
    [InlineData("mlops-lint.toml", "max-file-size = 0", ":1: 'max-file-size' must be a size above zero")]
    [InlineData("mlops-lint.toml", "max-file-size = -1", ":1: 'max-file-size' must be a size above zero")]
    [InlineData("mlops-lint.toml", "max-file-size = \"1e400MB\"", ":1: 'max-file-size' must be a size")]
    [InlineData("mlops-lint.toml", "[severity]\nMLO201 = 5", ":2: 'MLO201' must be one of none, suggestion, warning, error")]
    [InlineData("mlops-lint.toml", "[rules]\nMLO201 = 5", ":2: 'MLO201' must be a table of options")]
    [InlineData("mlops-lint.toml", "[rules.MLO404]\nmin-entropy = \"high\"", ":2: MLO404's option 'min-entropy' must be a number like 3.0")]
    [InlineData("mlops-lint.toml", "[rules.MLO404]\nignore-names = 5", ":2: MLO404's option 'ignore-names' must be a list of strings")]
    [InlineData("mlops-lint.toml", "[rules.MLO101]\nmax-size = -5", ":2: MLO101's option 'max-size' must be a size like \"500KB\"")]
    [InlineData("mlops-lint.toml", "[rules.MLO101]\nmax-size = \"big\"", ":2: MLO101's option 'max-size' must be a size like \"500KB\"")]
    [InlineData("mlops-lint.toml", "[rules.MLO208]\npolicies = { \"actions/*\" = 5 }", ":2: MLO208's option 'policies' must be a table of strings")]
    [InlineData("mlops-lint.toml", "[rules.MLO301]\nfix-seed-value = true", ":2: MLO301's option 'fix-seed-value' must be a number like 42")]
    [InlineData("mlops-lint.toml", "[rules.MLO206]\npackages = [\"all\"]", ":2: MLO206's option 'packages' must be a string like \"numeric\"")]
    [InlineData("mlops-lint.toml", "[rules.MLO306]\nrequire-deterministic-algorithms = \"yes\"", ":2: MLO306's option 'require-deterministic-algorithms' must be true or false")]
    [InlineData("mlops-lint.toml", "scopes = { test = [1] }", "'test' must be a list of path globs")]
    [InlineData("mlops-lint.toml", "repository-kind = 5", ":1: 'repository-kind' must be one of")]
    [InlineData("mlops-lint.toml", "[tool]\nmlops-lint = 5", ":2: 'mlops-lint' must be a table ([tool.mlops-lint])")]
    [InlineData("pyproject.toml", "[tool]\nmlops-lint = [\"MLO2\"]", ":2: 'mlops-lint' must be a table ([tool.mlops-lint])")]
    [InlineData("pyproject.toml", "[tool.mlops-lint]\nselect = [\"MLO2\"]\n[tool.mlops-lint.rules.MLO404]\nmin-entropy = [1]", ":4: MLO404's option 'min-entropy' must be a number like 3.0")]
    public void A_malformed_configuration_is_a_message_naming_the_file_and_exit_2(string name, string config, string expected)
    {
        using var repo = Repo(name, config);
        var r = Cli("scan", repo.Root);
        Assert.Equal(2, r.Exit);
        Assert.Contains($"mlops-lint: error: configuration {Path.Combine(repo.Root, name)}", r.Stderr);
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Junk_bytes_invalid_utf8_and_deep_nesting_are_messages_naming_the_file()
    {
        var junk = new byte[4096];
        new Random(23).NextBytes(junk);
        foreach (var bytes in new[]
        {
            junk,
            new byte[] { 0x73, 0x65, 0x6c, 0x65, 0x63, 0x74, 0x20, 0x3d, 0x20, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x0a }, // select = "<invalid UTF-8>"
            System.Text.Encoding.ASCII.GetBytes("x = " + new string('[', 1_000_000)),
            System.Text.Encoding.ASCII.GetBytes("x = " + string.Concat(Enumerable.Repeat("{a=", 100_000))),
        })
        {
            using var repo = Repo("mlops-lint.toml", "");
            File.WriteAllBytes(Path.Combine(repo.Root, "mlops-lint.toml"), bytes);
            var r = Cli("scan", repo.Root);
            Assert.Equal(2, r.Exit);
            Assert.Contains($"mlops-lint: error: configuration {Path.Combine(repo.Root, "mlops-lint.toml")}", r.Stderr);
            Assert.DoesNotContain("internal error", r.Stderr);
        }
    }

    [Fact]
    public void Every_option_written_with_its_documented_type_is_accepted()
    {
        // each rule option at its documented default, as the rule pages show it: the configuration reader accepts all
        var text = new System.Text.StringBuilder();
        foreach (var rule in Core.Rules.RuleCatalog.All.Where(r => r.Options.Count > 0))
        {
            text.Append("[rules.").Append(rule.Id).Append("]\n");
            foreach (var o in rule.Options) text.Append(o.Name).Append(" = ").Append(o.DefaultValue).Append('\n');
        }
        using var repo = Repo("mlops-lint.toml", text.ToString());
        var r = Cli("scan", repo.Root);
        Assert.Equal(1, r.Exit);
        Assert.DoesNotContain("error", r.Stderr);
        Assert.DoesNotContain("warning", r.Stderr);

        // and the other spellings the getters take: a byte count for a size, an integer for a float, one string for a list
        using var other = Repo("mlops-lint.toml", "[rules.MLO101]\nmax-size = 1000000\n[rules.MLO404]\nmin-entropy = 4\nignore-names = \"DB_PASSWORD\"\n");
        var o2 = Cli("scan", other.Root);
        Assert.Equal(1, o2.Exit);
        Assert.Equal("", o2.Stderr);
    }

    [Fact]
    public void A_float_min_entropy_takes_effect()
    {
        // k8Tz2mQp9Lx4Vb7N: 16 distinct characters, 4.0 bits each; reported at the default 3.0, not at 4.5
        using var byDefault = Repo("mlops-lint.toml", "");
        Assert.Contains("MLO404", Cli("scan", byDefault.Root, "--format", "json").Stdout);
        using var raised = Repo("mlops-lint.toml", "[rules.MLO404]\nmin-entropy = 4.5\n");
        var r = Cli("scan", raised.Root, "--format", "json");
        Assert.Equal("", r.Stderr);
        Assert.DoesNotContain("MLO404", r.Stdout);
        Assert.Contains("MLO201", r.Stdout); // the scan ran
        using var asString = Repo("mlops-lint.toml", "[rules.MLO404]\nmin-entropy = \"4.5\"\n");
        Assert.DoesNotContain("MLO404", Cli("scan", asString.Root, "--format", "json").Stdout);
    }
}
