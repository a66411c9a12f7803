using System.Text;
using MLOpsLint.Core.Secrets;

// Shared by the Core, CLI, analyzer and code-fix test projects (linked by tests/Directory.Build.props).
namespace MLOpsLint.Tests.Shared;

/// <summary>
/// Secrets in each provider's real format, generated at test time (checksums computed here), so the repository holds
/// no live-looking credential for push protection to block. Seeded: the same values on every run.
/// </summary>
public static class FakeSecrets
{
    private const string Base62 = Checksums.Base62Alphabet;
    private const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string Base64UrlChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Random(string alphabet, int length, int seed)
    {
        var r = new Random(seed);
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.Append(alphabet[r.Next(alphabet.Length)]);
        return sb.ToString();
    }

    /// <summary>A random string with at least one lower-case, upper-case letter and digit.</summary>
    public static string Mixed(string alphabet, int length, int seed)
    {
        for (int s = seed; ; s += 1000)
        {
            string v = Random(alphabet, length, s);
            if (v.Any(char.IsLower) && v.Any(char.IsUpper) && v.Any(char.IsDigit)) return v;
        }
    }

    /// <summary>GitHub classic token: prefix + 30 base62 + base62 CRC32 of those 30.</summary>
    public static string GitHub(string prefix = "ghp_", int seed = 1)
    {
        string body = Mixed(Base62, 30, seed);
        return prefix + body + Checksums.Base62(Checksums.Crc32(body));
    }

    /// <summary>The same token with its last checksum digit changed.</summary>
    public static string GitHubBadChecksum(int seed = 1)
    {
        string t = GitHub(seed: seed);
        return t.Substring(0, t.Length - 1) + (t[t.Length - 1] == 'A' ? 'B' : 'A');
    }

    public static string GitHubFineGrained(int seed = 2) => "github_pat_" + Mixed(Base62, 22, seed) + "_" + Mixed(Base62, 59, seed + 1);

    public static string Npm(int seed = 3)
    {
        string body = Mixed(Base62, 30, seed);
        return "npm_" + body + Checksums.Base62(Checksums.Crc32(body));
    }

    public static string AwsKeyId(int seed = 4, string prefix = "AKIA") => prefix + Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, seed);

    public static string AwsSecret(int seed = 5) => Mixed(Base64Chars, 40, seed);

    public static string Base64Bytes(int bytes, int seed)
    {
        var r = new Random(seed);
        var b = new byte[bytes];
        r.NextBytes(b);
        return Convert.ToBase64String(b);
    }

    public static string AzureConnectionString(int seed = 6) =>
        $"DefaultEndpointsProtocol=https;AccountName=mlstore;AccountKey={Base64Bytes(64, seed)};EndpointSuffix=core.windows.net";

    public static string AzureSasUrl(int seed = 7) =>
        "https://mlstore.blob.core.windows.net/data?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig="
        + Uri.EscapeDataString(Base64Bytes(32, seed));

    public static string OpenAILegacy(int seed = 8) => "sk-" + Mixed(Base62, 20, seed) + "T3BlbkFJ" + Mixed(Base62, 20, seed + 1);

    public static string OpenAIProject(int seed = 9) => "sk-proj-" + Mixed(Base64UrlChars, 74, seed) + "T3BlbkFJ" + Mixed(Base64UrlChars, 74, seed + 1);

    public static string Anthropic(int seed = 10) => "sk-ant-api03-" + Mixed(Base64UrlChars, 93, seed) + "AA";

    public static string HuggingFace(int seed = 11)
    {
        for (int s = seed; ; s += 1000)
        {
            string v = Random(Letters, 34, s);
            if (v.Any(char.IsUpper) && v.Any(char.IsLower)) return "hf_" + v;
        }
    }

    public static string Hex(int length, int seed) => Random("0123456789abcdef", length, seed);

    public static string WandB(int seed = 12) => Hex(40, seed);

    public static string Kaggle(int seed = 13) => Hex(32, seed);

    public static string Databricks(int seed = 14) => "dapi" + Hex(32, seed);

    public static string SlackBot(int seed = 15) => "xoxb-" + Random("0123456789", 11, seed) + "-" + Random("0123456789", 13, seed + 1) + "-" + Mixed(Base62, 24, seed + 2);

    public static string SlackWebhook(int seed = 16) =>
        "https://hooks.slack.com/services/T" + Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8, seed) + "/B" + Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10, seed + 1) + "/" + Mixed(Base62, 24, seed + 2);

    public static string StripeLive(int seed = 17) => "sk_" + "live_" + Mixed(Base62, 32, seed);

    public static string PyPI(int seed = 18) => "pypi-AgEIcHlwaS5vcmc" + Mixed(Base64UrlChars, 150, seed);

    public static string Jwt(int seed = 19, string alg = "HS256") =>
        B64Url($"{{\"alg\":\"{alg}\",\"typ\":\"JWT\"}}") + "." + B64Url("{\"sub\":\"1234567890\",\"name\":\"ml pipeline\",\"iat\":1516239022}") + "." + Mixed(Base64UrlChars, 43, seed);

    public static string B64Url(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Pem(string label = "RSA PRIVATE KEY", int seed = 20, string newline = "\n")
    {
        var sb = new StringBuilder();
        sb.Append("-----BEGIN ").Append(label).Append("-----").Append(newline);
        string body = Base64Bytes(600, seed);
        for (int i = 0; i < body.Length; i += 64) sb.Append(body, i, Math.Min(64, body.Length - i)).Append(newline);
        sb.Append("-----END ").Append(label).Append("-----");
        return sb.ToString();
    }

    /// <summary>A service-account JSON as the Google Cloud console downloads it (the key's newlines escaped).</summary>
    public static string ServiceAccountJson(int seed = 21) =>
        "{\n  \"type\": \"service_account\",\n  \"project_id\": \"ml-project\",\n  \"private_key_id\": \"" + Hex(40, seed) + "\",\n"
        + "  \"private_key\": \"" + Pem("PRIVATE KEY", seed, "\\n") + "\\n\",\n"
        + "  \"client_email\": \"trainer@ml-project.iam.gserviceaccount.com\",\n  \"client_id\": \"123456789012345678901\"\n}\n";

    /// <summary>A random-looking value with no provider prefix (MLO404 under a secret name).</summary>
    public static string Token32(int seed = 77) => Mixed(Base62, 32, seed);

    /// <summary>A random-looking password.</summary>
    public static string Password(int seed = 78) => Mixed(Base62, 12, seed) + "!#";

    /// <summary>Replaces <c>@@NAME@@</c> markers of a fixture with generated secrets.</summary>
    public static string Fill(string template) => template
        .Replace("@@GITHUB@@", GitHub())
        .Replace("@@GITHUB_BAD@@", GitHubBadChecksum())
        .Replace("@@GITHUB_FINE@@", GitHubFineGrained())
        .Replace("@@NPM@@", Npm())
        .Replace("@@AWS_ID@@", AwsKeyId())
        .Replace("@@AWS_ID2@@", AwsKeyId(seed: 40))
        .Replace("@@AWS_SECRET@@", AwsSecret())
        .Replace("@@AZURE_CS@@", AzureConnectionString())
        .Replace("@@AZURE_SAS@@", AzureSasUrl())
        .Replace("@@OPENAI@@", OpenAILegacy())
        .Replace("@@OPENAI_PROJ@@", OpenAIProject())
        .Replace("@@ANTHROPIC@@", Anthropic())
        .Replace("@@HF@@", HuggingFace())
        .Replace("@@WANDB@@", WandB())
        .Replace("@@KAGGLE@@", Kaggle())
        .Replace("@@DATABRICKS@@", Databricks())
        .Replace("@@SLACK@@", SlackBot())
        .Replace("@@SLACK_HOOK@@", SlackWebhook())
        .Replace("@@STRIPE@@", StripeLive())
        .Replace("@@PYPI@@", PyPI())
        .Replace("@@JWT@@", Jwt())
        .Replace("@@JWT_NONE@@", Jwt(alg: "none"))
        .Replace("@@PEM_ESCAPED@@", Pem(newline: "\\n"))
        .Replace("@@HEX40@@", Hex(40, 99))
        .Replace("@@TOKEN32@@", Mixed(Base62, 32, 77));
}
