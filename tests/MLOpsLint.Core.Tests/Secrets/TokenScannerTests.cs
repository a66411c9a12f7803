using MLOpsLint.Core.Secrets;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Secrets;

public class TokenScannerTests
{
    private static SecretMatch Single(string text)
    {
        var matches = TokenScanner.Scan(text);
        Assert.True(matches.Count == 1, $"expected one match in {text.Length} chars, got {matches.Count}: {string.Join(", ", matches.Select(m => m.Type.Id))}");
        return matches[0];
    }

    public static TheoryData<string, string, string> Positives() => new()
    {
        { "github classic", FakeSecrets.GitHub(), "github-token" },
        { "github oauth", FakeSecrets.GitHub("gho_", 30), "github-token" },
        { "github app user", FakeSecrets.GitHub("ghu_", 31), "github-token" },
        { "github app server", FakeSecrets.GitHub("ghs_", 32), "github-token" },
        { "github refresh", FakeSecrets.GitHub("ghr_", 33), "github-token" },
        { "github fine-grained", FakeSecrets.GitHubFineGrained(), "github-fine-grained-pat" },
        { "npm", FakeSecrets.Npm(), "npm-token" },
        { "openai legacy", FakeSecrets.OpenAILegacy(), "openai-api-key" },
        { "openai project", FakeSecrets.OpenAIProject(), "openai-api-key" },
        { "anthropic", FakeSecrets.Anthropic(), "anthropic-api-key" },
        { "hugging face", FakeSecrets.HuggingFace(), "huggingface-token" },
        { "databricks", FakeSecrets.Databricks(), "databricks-token" },
        { "slack bot", FakeSecrets.SlackBot(), "slack-token" },
        { "slack webhook", FakeSecrets.SlackWebhook(), "slack-webhook" },
        { "stripe live", FakeSecrets.StripeLive(), "stripe-live-key" },
        { "pypi", FakeSecrets.PyPI(), "pypi-token" },
        { "jwt", FakeSecrets.Jwt(), "jwt" },
        { "pem rsa", FakeSecrets.Pem(), "private-key" },
        { "pem pkcs8", FakeSecrets.Pem("PRIVATE KEY"), "private-key" },
        { "pem openssh", FakeSecrets.Pem("OPENSSH PRIVATE KEY"), "private-key" },
        { "pem ec escaped newlines", FakeSecrets.Pem("EC PRIVATE KEY", newline: "\\n"), "private-key" },
        { "azure storage key", FakeSecrets.AzureConnectionString(), "azure-storage-key" },
        { "azure sas", FakeSecrets.AzureSasUrl(), "azure-sas" },
        { "aws key id alone", FakeSecrets.AwsKeyId(), "aws-access-key-id" },
        { "postgres url", "postgresql://trainer:Xk9!pQ2vLm@db.internal:5432/features", "url-password" },
        { "mongodb+srv url", "mongodb+srv://ml:Tz8vQw3rNp@cluster0.abcde.mongodb.net/db", "url-password" },
        { "redis url without user", "redis://:R3d1sPa55w0rdZ@cache.internal:6379/0", "url-password" },
        { "docker registry with a password", "docker://ci:Xk9!pQ2vLm@registry.internal/team/image:1.2", "url-password" },
        { "ado.net", "Server=tcp:sql.internal,1433;Database=ml;User Id=sa;Password=Qw7!zXc9Vb;Encrypt=True;", "connection-string-password" },
        { "url query token", "https://api.internal/v1/predict?api_key=Zq8mW3nR7tY2pL5kJ9hG&x=1", "url-token" },
        { "bearer header", "Authorization: Bearer " + FakeSecrets.Token32(), "bearer-token" },
        { "bearer lower-case, base64 padding", "bearer " + FakeSecrets.Base64Bytes(30, 5), "bearer-token" },
    };

    [Theory]
    [InlineData("headers = {\"Authorization\": f\"Bearer {token}\"}")]
    [InlineData("auth = \"Bearer \" + token")]
    [InlineData("curl -H \"Authorization: Bearer $HF_TOKEN\" https://api.example.com")]
    [InlineData("Authorization: Bearer YOUR_ACCESS_TOKEN_HERE")]
    [InlineData("Authorization: Bearer xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("Authorization: Bearer abc123")]
    [InlineData("The server expects a Bearer token_from_the_identity_provider in the header")]
    [InlineData("class TokenBearer authenticationscheme")]
    public void Bearer_templates_and_placeholders_are_not_tokens(string text)
    {
        Assert.DoesNotContain(TokenScanner.Scan(text), m => m.Type == SecretType.BearerToken);
    }

    [Fact]
    public void A_provider_token_after_bearer_is_reported_as_the_provider_token()
    {
        var m = Single("headers = {\"Authorization\": \"Bearer " + FakeSecrets.HuggingFace() + "\"}");
        Assert.Equal("huggingface-token", m.Type.Id);
    }

    [Theory]
    [MemberData(nameof(Positives))]
    public void Detects_each_format(string what, string secret, string type)
    {
        var m = Single($"value = \"{secret}\"\n");
        Assert.True(type == m.Type.Id, what + ": " + m.Type.Id);
    }

    [Fact]
    public void Aws_key_id_with_secret_nearby_is_a_pair()
    {
        string text = $"aws_access_key_id = {FakeSecrets.AwsKeyId()}\nregion = eu-west-1\naws_secret_access_key = {FakeSecrets.AwsSecret()}\n";
        var matches = TokenScanner.Scan(text);
        Assert.Equal(new[] { "aws-access-key", "aws-secret-key" }, matches.Select(m => m.Type.Id));
        Assert.All(matches, m => Assert.Equal(SecretCategory.Provider, m.Category));
    }

    [Fact]
    public void Aws_secret_more_than_five_lines_away_leaves_the_id_alone()
    {
        string text = $"key = {FakeSecrets.AwsKeyId()}\n" + string.Concat(Enumerable.Repeat("x = 1\n", 8)) + $"secret = {FakeSecrets.AwsSecret()}\n";
        Assert.Equal("aws-access-key-id", Single(text).Type.Id);
    }

    [Fact]
    public void Gcp_service_account_key_is_a_provider_credential()
    {
        var matches = TokenScanner.Scan(FakeSecrets.ServiceAccountJson());
        Assert.Equal("gcp-service-account", Assert.Single(matches).Type.Id);
    }

    [Fact]
    public void A_token_in_a_url_is_reported_once_as_the_token()
    {
        var m = Single($"https://oauth2:{FakeSecrets.GitHub()}@github.com/org/repo.git");
        Assert.Equal("github-token", m.Type.Id);
    }

    public static TheoryData<string, string> LookAlikes() => new()
    {
        { "github bad checksum", FakeSecrets.GitHubBadChecksum() },
        { "github too short", FakeSecrets.GitHub().Substring(0, 30) },
        { "github inside a word", "xghp_" + FakeSecrets.GitHub().Substring(4) },
        { "npm bad checksum", FakeSecrets.Npm().Substring(0, 39) + "0" },
        { "aws documented example id", "AKIAIOSFODNN7EXAMPLE" },
        { "aws documented example pair", "AKIAIOSFODNN7EXAMPLE\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        { "commit sha", "fix: see 3f2b8c9d0e1a4b5c6d7e8f9a0b1c2d3e4f5a6b7c" },
        { "uuid", "run_id = 3f2b8c9d-0e1a-4b5c-6d7e-8f9a0b1c2d3e" },
        { "hf placeholder", "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" },
        { "hf word", "hf_hub_download" },
        { "sk- without marker", "sk-" + FakeSecrets.Random("abcdef0123456789", 32, 1) },
        { "sk in a word", "task-" + FakeSecrets.OpenAILegacy().Substring(3) },
        { "stripe test key", "sk_" + "test_" + FakeSecrets.Random(Checksums.Base62Alphabet, 32, 3) },
        { "slack docs webhook", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" },
        { "jwt alg none", FakeSecrets.Jwt(alg: "none") },
        { "two base64 parts", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0" },
        { "pem elided", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----" },
        { "pem public key", FakeSecrets.Pem("PUBLIC KEY") },
        { "certificate", FakeSecrets.Pem("CERTIFICATE") },
        { "azurite dev key", "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" },
        { "url placeholder password", "postgresql://user:password@localhost/db" },
        { "url template password", "postgresql://{user}:{password}@{host}/db" },
        { "url env password", "postgresql://app:${DB_PASSWORD}@db/app" },
        { "url masked password", "redis://:****@cache:6379" },
        { "url documentation host", "http://evil:Thing1234@example.com/" },
        { "url no password", "https://user@github.com/org/repo" },
        { "docker image pinned to a digest", "- uses: docker://alpine:3.19@sha256:" + FakeSecrets.Hex(64, 9) },
        { "docker image digest placeholder", "- uses: docker://alpine:3.19@sha256:<digest>" },
        { "plain url", "https://huggingface.co/bert-base-uncased/resolve/main/config.json" },
        { "ado template", "Server=db;User Id=sa;Password={0};" },
        { "integrity hash", "sha512-" + FakeSecrets.Base64Bytes(64, 5) },
        { "base64 image", "data:image/png;base64," + FakeSecrets.Base64Bytes(3000, 6) },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Ignores_look_alikes(string what, string text)
    {
        var matches = TokenScanner.Scan(text);
        Assert.True(matches.Count == 0, $"{what}: {string.Join(", ", matches.Select(m => m.Type.Id))}");
    }

    [Fact]
    public void Checksums_match_zlib()
    {
        Assert.Equal(0xCBF43926u, Checksums.Crc32("123456789"));
        Assert.Equal("000000", Checksums.Base62(0));
        Assert.Equal("00000z", Checksums.Base62(61));
        Assert.Equal("4gfFC3", Checksums.Base62(uint.MaxValue));
        string token = FakeSecrets.GitHub();
        Assert.True(Checksums.HasValidBase62Crc(token, 4, 36));
        Assert.False(Checksums.HasValidBase62Crc(FakeSecrets.GitHubBadChecksum(), 4, 36));
    }

    /// <summary>Inputs that make a careless scanner backtrack or rescan, by name, built at any length.</summary>
    private static readonly Dictionary<string, Func<int, string>> AdversarialInputs = new()
    {
        ["a"] = n => new string('a', n),
        ["A"] = n => new string('A', n),
        ["0"] = n => new string('0', n),
        ["-"] = n => new string('-', n),
        ["="] = n => new string('=', n),
        ["ghp_"] = n => Repeat("ghp_", n),
        ["://"] = n => Repeat("://", n),
        ["a:b@"] = n => Repeat("a:b@", n),
        ["BEGIN PRIVATE KEY"] = n => Repeat("-----BEGIN PRIVATE KEY-----", n),
        ["BEGIN RSA then A"] = n => "-----BEGIN RSA PRIVATE KEY-----" + new string('A', n),
        ["eyJ."] = n => Repeat("eyJ.", n),
        ["sk-"] = n => Repeat("sk-", n),
        ["password="] = n => Repeat("password=", n),
        ["pwd=x;"] = n => Repeat("pwd=x;", n),
        ["sig= then sv=se="] = n => Repeat("sig=", n) + "sv=se=",
        ["AKIA"] = n => Repeat("AKIA" + new string('B', 16) + " ", n),
        ["x:// then @"] = n => "x://" + new string('@', n),
        ["AccountKey="] = n => Repeat("AccountKey=", n),
        ["xoxb-1-"] = n => Repeat("xoxb-1-", n),
        ["slack hooks"] = n => Repeat("hooks.slack.com/services/T", n),
    };

    private static string Repeat(string unit, int n) => string.Concat(Enumerable.Repeat(unit, n / unit.Length));

    public static TheoryData<string> Adversarial() => new(AdversarialInputs.Keys);

    private static void ScanEverything(string text)
    {
        TokenScanner.Scan(text);
        var pairs = new List<KeyValue>();
        KeyValueScanner.Scan(text, pairs, shellWords: true);
        CSharpStrings.Lex(text);
        MLOpsLint.Core.Paths.HardcodedPathFinder.Find(text);
    }

    /// <summary>
    /// Every scanner that reads raw text (tokens, key/value pairs, C# strings, paths) grows linearly on input built to
    /// make it backtrack: 8 times the input may cost at most 24 times the CPU time (quadratic work would cost 64 times).
    /// Measured as CPU time of this thread, not wall time (see <see cref="Growth"/>): it was a 2 s wall-clock bound on
    /// 100,000 characters, which failed under load (2.3–15 s) without anything being wrong.
    /// </summary>
    [Theory]
    [MemberData(nameof(Adversarial))]
    public void Adversarial_input_grows_linearly(string name)
    {
        var make = AdversarialInputs[name];
        string small = make(12_500), large = make(100_000);
        Growth.AssertNearLinear(() => ScanEverything(small), () => ScanEverything(large), 8, name);
    }
}
