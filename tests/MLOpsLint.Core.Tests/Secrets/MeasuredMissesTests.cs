using System.Text;
using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Core.Tests.Secrets;

/// <summary>
/// Issue 14 points 2 and 3: the misses and false positives measured against gitleaks' samples, each with the
/// look-alike that must stay silent.
/// </summary>
public class MeasuredMissesTests
{
    private static string B64(string s) => Convert.ToBase64String(Encoding.ASCII.GetBytes(s));

    /// <summary>A 32-hex ending whose entropy is below 3.5 bits (about one random ending in five).</summary>
    private static string LowEntropyHex()
    {
        for (int seed = 1; ; seed++)
        {
            string h = FakeSecrets.Hex(32, seed);
            double e = Entropy.Shannon(h);
            if (e is >= 3.0 and < 3.5 && !Entropy.IsSequential(h, 0, 32)) return h;
        }
    }

    public static TheoryData<string, string> Fires() => new()
    {
        { "slack user token, low-entropy hex ending", "xoxp-41684372915-1320496754-45609968301-" + LowEntropyHex() },
        { "legacy slack bot token", "xoxb-12473869524-" + FakeSecrets.Mixed(Checksums.Base62Alphabet, 24, 3) },
        { "slack refresh token", "xoxe-1-" + FakeSecrets.Mixed(Checksums.Base62Alphabet, 146, 4) },
        { "slack configuration token", "xoxe.xoxp-1-" + FakeSecrets.Mixed(Checksums.Base62Alphabet, 164, 5) },
        { "pypi token with a hex body", "pypi-AgEIcHlwaS5vcmc" + FakeSecrets.Hex(64, 6) },
    };

    [Theory]
    [MemberData(nameof(Fires))]
    public void Measured_provider_misses_are_found(string what, string token)
    {
        var m = TokenScanner.Scan($"token = \"{token}\"\n");
        Assert.True(m.Count == 1 && m[0].Category == SecretCategory.Provider && m[0].Length == token.Length, what);
    }

    [Theory]
    [InlineData("xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d")] // ids far shorter than Slack's
    [InlineData("xoxb-12345-abcd234abcd234abcd234abcd")]
    [InlineData("xoxb-123456789012-1234567890123-GkwFDQoHqzXDVsC6GzqYUypD")] // counting-up ids: a placeholder
    [InlineData("xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere")]
    [InlineData("pypi-AgEIcHlwaS5vcmc0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Slack_and_pypi_look_alikes_stay_silent(string token)
    {
        Assert.Empty(TokenScanner.Scan($"token = \"{token}\"\n"));
    }

    [Theory]
    [InlineData("password2")]
    [InlineData("access_token1")]
    [InlineData("creds")]
    [InlineData("credentials")]
    [InlineData("auth")]
    [InlineData("user_auth")]
    [InlineData("DB_PASSWORD_2")]
    public void Credential_names_with_digits_and_short_forms_are_names(string name)
    {
        Assert.NotEqual(SecretNames.NameKind.None, SecretNames.Classify(name));
    }

    [Theory]
    [InlineData("author")]
    [InlineData("auth_url")]
    [InlineData("auth_type")]
    [InlineData("credit_card_type")]
    [InlineData("csrf_token")]
    [InlineData("csrf-token")]
    [InlineData("csrfToken")]
    [InlineData("xsrf_token")]
    [InlineData("token_count2")]
    public void Look_alike_names_are_not(string name)
    {
        Assert.Equal(SecretNames.NameKind.None, SecretNames.Classify(name));
    }

    [Fact]
    public void Fat_arrow_pairs_are_read()
    {
        var found = SecretSearch.Find("$config = [\n  'db_password' => 'Xk9!pQ2vLm',\n  'db_host' => 'db.internal',\n];\n");
        var m = Assert.Single(found);
        Assert.Equal("db_password", m.Name);
    }

    public static TheoryData<string, string> RequestCredentials() => new()
    {
        { "basic auth header", "curl -H \"Authorization: Basic " + B64("trainer:Xk9!pQ2vLm8") + "\" https://api.internal/v1" },
        { "token scheme", "Authorization: Token " + FakeSecrets.Token32(11) },
        { "python dict, token scheme", "headers = {\"Authorization\": \"Token " + FakeSecrets.Token32(12) + "\"}" },
        { "x-api-key header", "curl -H 'X-Api-Key: " + FakeSecrets.Token32(13) + "' https://api.internal" },
        { "gitlab private-token header", "curl --header \"PRIVATE-TOKEN: " + FakeSecrets.Token32(14) + "\" https://gitlab.internal/api/v4/projects" },
        { "curl -u", "curl -u trainer:Qz8vW3rNp6Lk https://registry.internal/v2/" },
        { "curl --user=", "curl -s --user='svc:Mv7Rq2Xz9Lp4' https://registry.internal/v2/" },
    };

    [Theory]
    [MemberData(nameof(RequestCredentials))]
    public void Credentials_in_http_headers_and_curl_are_found(string what, string line)
    {
        Assert.True(TokenScanner.Scan(line + "\n").Count == 1, what);
    }

    [Theory]
    [InlineData("curl -H \"Authorization: Basic dXNlcjpwYXNzd29yZA==\" https://api.example.com")] // user:password
    [InlineData("curl -H \"Authorization: Basic $CREDS\" https://api.internal")]
    [InlineData("headers = {\"Authorization\": f\"Token {token}\"}")]
    [InlineData("Authorization: Token <your-token>")]
    [InlineData("curl -H \"X-Api-Key: $API_KEY\" https://api.internal")]
    [InlineData("curl -H 'X-Api-Key: YOUR_API_KEY' https://api.internal")]
    [InlineData("curl -H 'X-Request-Id: 4f9c2a7e1b3d' https://api.internal")]
    [InlineData("curl -u \"$USER:$PASSWORD\" https://registry.internal")]
    [InlineData("curl -u trainer https://registry.internal")]
    [InlineData("curl -o out.json https://host/a:b")]
    [InlineData("python train.py -u trainer:Qz8vW3rNp6Lk")] // not a curl command
    [InlineData("See the Authorization section of the docs: Basic and Bearer schemes are supported")]
    public void Header_and_curl_look_alikes_stay_silent(string line)
    {
        Assert.Empty(TokenScanner.Scan(line + "\n"));
    }

    [Theory]
    [InlineData("https://ml.internal/form?csrf-token=Zq8mW3nR7tY2pL5kJ9hG&next=/")]
    [InlineData("<meta name=\"csrf-token\" content=\"Zq8mW3nR7tY2pL5kJ9hG4xV\">")]
    public void Csrf_tokens_are_not_credentials(string text)
    {
        Assert.Empty(SecretSearch.Find(text + "\n"));
    }

    [Theory]
    [InlineData("api_token = \"12345678901234567890123456789012\"")]
    [InlineData("api_key: abcdef0123456789abcdef0123456789")]
    [InlineData("SECRET_KEY=0123456789abcdefghijklmnopqrstuv")]
    public void Counting_up_placeholders_are_not_secrets(string line)
    {
        Assert.Empty(SecretSearch.Find(line + "\n"));
    }
}
