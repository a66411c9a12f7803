using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Secrets;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Credentials;

/// <summary>The MLO4xx rules through the real engine, on fixtures whose secrets are generated at test time.</summary>
public class CredentialRulesTests
{
    private static readonly string[] Family = { "MLO401", "MLO402", "MLO403", "MLO404", "MLO405", "MLO406", "MLO407" };

    /// <summary>C# fixtures are stored as .cs.txt so the test project does not compile them.</summary>
    private static string Load(string name) => FakeSecrets.Fill(Fixture.Read("Credentials/" + name + (name.EndsWith(".cs", StringComparison.Ordinal) ? ".txt" : "")));

    [Theory]
    [InlineData("train.py")]
    [InlineData("config.yaml")]
    [InlineData("deploy.sh")]
    [InlineData("Settings.cs")]
    public void Fixture_fires_exactly_on_marked_lines(string name)
    {
        string text = Load(name);
        foreach (var id in Family) Fixture.AssertExpectations(name, text, id);
    }

    [Fact]
    public void Every_finding_is_sensitive_and_never_holds_the_secret()
    {
        foreach (var name in new[] { "train.py", "config.yaml", "deploy.sh", "Settings.cs", "notebook.ipynb", "Dockerfile" })
        {
            string text = Load(name);
            var findings = Fixture.Scan(name, text).Findings.Where(f => f.RuleId.StartsWith("MLO4", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(findings);
            foreach (var f in findings)
            {
                Assert.True(f.IsSensitive, f.Message);
                Assert.NotNull(f.FingerprintContent);
                foreach (var secret in Planted())
                {
                    Assert.DoesNotContain(secret, f.Message);
                    Assert.DoesNotContain(secret, f.FingerprintContent!);
                    Assert.DoesNotContain(secret, f.Fix);
                }
            }
        }
    }

    private static IEnumerable<string> Planted() => new[]
    {
        FakeSecrets.GitHub(), FakeSecrets.HuggingFace(), FakeSecrets.WandB(), FakeSecrets.OpenAIProject(), FakeSecrets.Anthropic(),
        FakeSecrets.AwsKeyId(), FakeSecrets.AwsSecret(), FakeSecrets.Npm(), FakeSecrets.PyPI(), FakeSecrets.Jwt(), FakeSecrets.StripeLive(),
        FakeSecrets.Databricks(), "Xk9!pQ2vLm", "hunter22x", "Qw7zXc9Vb2", "Xy7pQ2mN9v", "R8vTq2LmZx", "Qw7!zXc9Vb", "Pz4!kLm9Qw",
    };

    [Fact]
    public void Dockerfile_env_and_arg_values()
    {
        var findings = Fixture.Scan("Dockerfile", Load("Dockerfile")).Findings.Where(f => f.RuleId.StartsWith("MLO4", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { (4, "MLO401"), (5, "MLO401"), (6, "MLO401") }, findings.Select(f => (f.Span.StartLine, f.RuleId)));
    }

    [Fact]
    public void Notebook_source_outputs_and_magics()
    {
        string text = Load("notebook.ipynb");
        var findings = Fixture.Scan("notebook.ipynb", text).Findings;
        int Line(string needle) => text.Substring(0, text.IndexOf(needle, StringComparison.Ordinal)).Count(c => c == '\n') + 1;
        var secrets = findings.Where(f => f.RuleId.StartsWith("MLO4", StringComparison.Ordinal)).Select(f => (f.Span.StartLine, f.RuleId)).ToList();
        Assert.Contains((Line("logged in with"), "MLO406"), secrets);
        Assert.Contains((Line("db: postgresql"), "MLO406"), secrets);
        Assert.Contains((Line("HF_TOKEN = "), "MLO401"), secrets);
        Assert.Contains((Line("%env WANDB"), "MLO401"), secrets);
        Assert.Equal(4, secrets.Count); // the base64 image output is not read
        var output = findings.Single(f => f.RuleId == "MLO406" && f.Span.StartLine == Line("logged in with"));
        Assert.Equal("cell 1, output", output.LocationHint);
        var source = findings.Single(f => f.RuleId == "MLO401" && f.Span.StartLine == Line("HF_TOKEN = "));
        Assert.Equal("cell 1, line 2", source.LocationHint);
        Assert.Contains("HF_TOKEN", source.SuppressionText);
        Assert.Single(findings, f => f.RuleId == "MLO502");
    }

    [Fact]
    public void Notebook_cell_noqa_suppresses()
    {
        string text = Load("notebook.ipynb").Replace("# expect: MLO401", "# noqa: MLO401");
        var result = Fixture.Scan("notebook.ipynb", text);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MLO401" && f.LocationHint == "cell 1, line 2");
        Assert.True(result.Suppressed >= 1);
    }

    [Fact]
    public void Aws_key_id_alone_is_the_lower_confidence_rule()
    {
        var findings = Fixture.Scan("aws.py", $"KEY_ID = \"{FakeSecrets.AwsKeyId()}\"\n").Findings;
        Assert.Equal("MLO407", Assert.Single(findings).RuleId);
    }

    [Fact]
    public void Span_covers_every_secret_on_the_line()
    {
        string line = $"creds = (\"{FakeSecrets.AwsKeyId()}\", \"{FakeSecrets.AwsSecret()}\")\n";
        var findings = Fixture.Scan("aws.py", line).Findings.Where(f => f.RuleId == "MLO401").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.Equal(line.IndexOf("AKIA", StringComparison.Ordinal) + 1, f.Span.StartColumn);
            Assert.Equal(line.IndexOf(FakeSecrets.AwsSecret(), StringComparison.Ordinal) + 41, f.Span.EndColumn);
        });
    }

    [Fact]
    public void Lock_files_are_not_read()
    {
        string lockText = "\"integrity\": \"sha512-" + FakeSecrets.Base64Bytes(64, 3) + "\",\n\"token\": \"" + FakeSecrets.GitHub() + "\"\n";
        Assert.DoesNotContain(Fixture.Scan("package-lock.json", lockText).Findings, f => f.RuleId.StartsWith("MLO4", StringComparison.Ordinal));
    }

    [Fact]
    public void Fingerprint_survives_moving_the_line_and_changes_with_the_secret()
    {
        string a = $"TOKEN = \"{FakeSecrets.GitHub()}\"\n";
        string b = "\n\n# moved\n" + a;
        string c = $"TOKEN = \"{FakeSecrets.GitHub(seed: 50)}\"\n";
        string Fp(string t) => Fixture.Findings("x.py", t, "MLO401").Single().Fingerprint;
        Assert.Equal(Fp(a), Fp(b));
        Assert.NotEqual(Fp(a), Fp(c));
    }

    [Theory]
    [InlineData("def connect(host, password=\"Xk9!pQ2vLm\"):\n    pass\n", "password")]
    [InlineData("async def fetch(url, *, api_key: str = \"Zq8mW3nR7tY2pL5kJ9hGx4Vb\") -> dict:\n    ...\n", "api_key")]
    [InlineData("def login(\n    user: str,\n    db_password: Optional[str] = \"Qw7zXc9Vb2\",\n):\n    ...\n", "db_password")]
    public void A_parameter_default_under_a_credential_name_fires(string text, string name)
    {
        var finding = Assert.Single(Fixture.Findings("src/db.py", text, "MLO404"));
        Assert.Contains($"'{name}'", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("def connect(host, password=None):\n    pass\n")]
    [InlineData("def connect(host, password=\"\"):\n    pass\n")]
    [InlineData("def connect(host, password=os.environ[\"DB_PASSWORD\"]):\n    pass\n")]
    [InlineData("def fetch(token_url=\"https://auth.internal/oauth/token\", max_tokens=\"512\"):\n    pass\n")]
    [InlineData("def f(password_hint=\"Xk9!pQ2vLm\"):\n    pass\n")]
    [InlineData("def f(secret=f\"{prefix}-Xk9!pQ2vLm\"):\n    pass\n")]
    [InlineData("handler = lambda password=\"Xk9!pQ2vLm\": password\n")]
    [InlineData("def f(name=\"Xk9!pQ2vLm\", key=lambda k: k):\n    pass\n")]
    public void Parameter_defaults_that_are_not_secrets_do_not_fire(string text)
    {
        Assert.Empty(Fixture.Findings("src/db.py", text, "MLO404"));
    }

    [Fact]
    public void Min_entropy_and_ignore_names_options()
    {
        string text = $"api_token = \"{FakeSecrets.Random("abcdefghij0123", 20, 4)}\"\ndb_password = \"hunter22x\"\n";
        Assert.Equal(2, Fixture.Findings("x.py", text, "MLO404").Count);
        var strict = new LintConfig
        {
            RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["MLO404"] = new(new Dictionary<string, object> { ["min-entropy"] = "4.5", ["ignore-names"] = new List<object> { "DB_PASSWORD" } }),
            },
        };
        Assert.Empty(Fixture.Findings("x.py", text, "MLO404", strict));
    }
}
