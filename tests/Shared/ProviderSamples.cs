using System.Text;
using MLOpsLint.Core.Secrets;

// Shared by the Core, CLI, analyzer and code-fix test projects (linked by tests/Directory.Build.props).
namespace MLOpsLint.Tests.Shared;

/// <summary>One provider's credential format, as the benchmark generator builds it.</summary>
/// <param name="Name">Row name in the table.</param>
/// <param name="Title">The <see cref="SecretType.Title"/> its findings name.</param>
/// <param name="Variable">The environment variable it is usually stored under (keyword-anchored formats need the provider's name there).</param>
/// <param name="Valid">A correctly formed credential for a seed, built from the documented format (checksums computed).</param>
/// <param name="Decoys">Near misses for a seed: wrong checksum, wrong length, placeholder, documentation example.</param>
/// <param name="YamlOnly">The format lives in a whole YAML document (a Kubernetes Secret): placed only there.</param>
public sealed record ProviderFormat(string Name, string Title, string Variable, Func<int, string> Valid, Func<int, IEnumerable<(string Kind, string Value)>> Decoys, bool YamlOnly = false);

/// <summary>
/// The held-out benchmark's generator: for every provider MLO401 knows, valid credentials built from the provider's
/// documented format (seeded: the same values on every run; nothing live is committed) and near-miss decoys, and the
/// file kinds an ML repository has to put them in.
/// </summary>
public static class ProviderSamples
{
    private const string B62 = Checksums.Base62Alphabet;
    private const string B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string B64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string HexChars = "0123456789abcdef";
    private const string Digits = "0123456789";

    private static string M(string alphabet, int n, int seed) => FakeSecrets.Mixed(alphabet, n, seed);

    private static string R(string alphabet, int n, int seed) => FakeSecrets.Random(alphabet, n, seed);

    private static string Hex(int n, int seed)
    {
        for (int s = seed; ; s += 1000)
        {
            string v = R(HexChars, n, s);
            if (v.Any(char.IsLetter) && v.Any(char.IsDigit)) return v;
        }
    }

    /// <summary>Digits with a non-zero lead, no run of five ascending: an id, not a placeholder.</summary>
    private static string Id(int n, int seed)
    {
        for (int s = seed; ; s += 1000)
        {
            string v = R(Digits, n, s);
            if (v[0] != '0' && !Entropy.IsSequential(v, 0, v.Length) && !Entropy.IsRepetitive(v, 0, v.Length)) return v;
        }
    }

    private static string Uuid(int seed)
    {
        string h = Hex(32, seed);
        return $"{h.Substring(0, 8)}-{h.Substring(8, 4)}-4{h.Substring(13, 3)}-a{h.Substring(17, 3)}-{h.Substring(20, 12)}";
    }

    private static string Base64(string s) => Convert.ToBase64String(Encoding.ASCII.GetBytes(s));

    private static string Base64Url(string s) => FakeSecrets.B64Url(s);

    /// <summary>The documentation-style "random" body: hex or letters counting up, as docs print them.</summary>
    private static string Doc(string alphabet, int n)
    {
        var sb = new StringBuilder();
        while (sb.Length < n) sb.Append(alphabet);
        return sb.ToString(0, n);
    }

    private const string DocAlnum = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static (string, string)[] Std(string prefix, string body, string docBody, string? placeholder = null) => new[]
    {
        ("wrong length", prefix + body.Substring(0, body.Length - 1)),
        ("placeholder", placeholder ?? prefix + new string('x', body.Length)),
        ("documentation example", prefix + docBody),
    };

    private static string GitLabRoutable(int seed)
    {
        string payload = Base64Url(R(B62, 16, seed) + "o:1a2b\nu:3c4d");
        string head = "glpat-" + payload + ".01." + ToBase36((uint)payload.Length, 2);
        return head + ToBase36(Checksums.Crc32(head), 7);
    }

    private static string ToBase36(uint v, int width)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var sb = new StringBuilder();
        do { sb.Insert(0, digits[(int)(v % 36)]); v /= 36; } while (v > 0);
        return sb.ToString().PadLeft(width, '0');
    }

    private static string GrafanaServiceAccount(int seed)
    {
        string key = "glsa_" + M(B62, 32, seed);
        uint crc = Checksums.Crc32(key);
        return key + "_" + $"{crc & 0xFF:x2}{(crc >> 8) & 0xFF:x2}{(crc >> 16) & 0xFF:x2}{crc >> 24:x2}";
    }

    private static string Neptune(string apiKey) =>
        Base64("{\"api_address\":\"https://app.neptune.ai\",\"api_url\":\"https://app.neptune.ai\",\"api_key\":\"" + apiKey + "\"}");

    private static string Bedrock(int seed) => "ABSK" + Base64("BedrockAPIKey-" + M(B62, 4, seed) + "-at-" + Id(12, seed) + ":" + M(B64, 60, seed + 1));

    private static string Discord(int seed) => Base64Url(Id(18, seed)) + "." + M(B64Url, 6, seed + 1) + "." + M(B64Url, 38, seed + 2);

    private static string Cask(int seed) =>
        M(B62, 52, seed) + "JQQJ99" + R(B62, 1, seed + 1) + "ACDEFGHIJKL"[seed % 11] + M(B62, 16, seed + 2) + "AZQ"[seed % 3] + M(B62, 7, seed + 3);

    private static string KubernetesSecret(string value, bool base64) => KubernetesSecretManifest(value, base64 && !value.StartsWith("{{", StringComparison.Ordinal));

    private static string KubernetesSecretManifest(string value, bool base64) =>
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: training-credentials\n  namespace: ml\ntype: Opaque\n"
        + (base64 ? "data:\n  username: " + Base64("trainer") + "\n  HF_TOKEN: " + Base64(value) + "\n"
                  : "stringData:\n  username: trainer\n  db-password: \"" + value + "\"\n");

    public static IReadOnlyList<ProviderFormat> All { get; } = new ProviderFormat[]
    {
        // ---- formats MLO401 knew before issue 14 (one row each, so the table covers the whole rule) ----
        new("GitHub", SecretType.GitHubToken.Title, "GITHUB_TOKEN", s => FakeSecrets.GitHub(seed: s),
            s => new[] { ("wrong checksum", FakeSecrets.GitHubBadChecksum(s)), ("wrong length", FakeSecrets.GitHub(seed: s).Substring(0, 39)), ("placeholder", "ghp_" + new string('x', 36)), ("documentation example", "ghp_" + Doc(DocAlnum, 36)) }),
        new("npm", SecretType.Npm.Title, "NPM_TOKEN", s => FakeSecrets.Npm(s),
            s => { string t = FakeSecrets.Npm(s); return new[] { ("wrong checksum", t.Substring(0, t.Length - 1) + (t[^1] == 'A' ? 'B' : 'A')), ("wrong length", t.Substring(0, 39)), ("placeholder", "npm_" + new string('x', 36)) }; }),
        new("OpenAI", SecretType.OpenAI.Title, "OPENAI_API_KEY", s => FakeSecrets.OpenAIProject(s), s => new[] { ("placeholder", "sk-proj-" + new string('x', 150)), ("documentation example", "sk-...") }),
        new("Anthropic", SecretType.Anthropic.Title, "ANTHROPIC_API_KEY", s => FakeSecrets.Anthropic(s), s => new[] { ("wrong length", FakeSecrets.Anthropic(s).Substring(0, 100)), ("placeholder", "sk-ant-api03-" + new string('x', 93) + "AA") }),
        new("Hugging Face", SecretType.HuggingFace.Title, "HF_TOKEN", s => FakeSecrets.HuggingFace(s), s => new[] { ("wrong length", FakeSecrets.HuggingFace(s).Substring(0, 30)), ("placeholder", "hf_" + new string('x', 34)), ("documentation example", "hf_...") }),
        new("Databricks", SecretType.Databricks.Title, "DATABRICKS_TOKEN", s => "dapi" + Hex(32, s), s => Std("dapi", Hex(32, s), Doc("0123456789abcdef", 32))),
        new("Stripe", SecretType.Stripe.Title, "STRIPE_API_KEY", s => FakeSecrets.StripeLive(s), s => new[] { ("test-mode key", "sk_" + "test_" + M(B62, 32, s)), ("placeholder", "sk_" + "live_" + new string('x', 32)) }),
        new("PyPI (base64url body)", SecretType.PyPI.Title, "PYPI_API_TOKEN", s => FakeSecrets.PyPI(s), s => new[] { ("placeholder", "pypi-AgEIcHlwaS5vcmc" + new string('x', 80)), ("wrong location", "pypi-AgEIcHlwaS5jb20" + M(B64Url, 100, s)) }),
        new("PyPI (hex body)", SecretType.PyPI.Title, "PYPI_API_TOKEN", s => "pypi-AgEIcHlwaS5vcmc" + Hex(64, s), s => new[] { ("wrong length", "pypi-AgEIcHlwaS5vcmc" + Hex(40, s)), ("documentation example", "pypi-AgEIcHlwaS5vcmc" + Doc("0123456789abcdef", 64)) }),
        new("Slack bot", SecretType.SlackToken.Title, "SLACK_BOT_TOKEN", s => "xoxb-" + Id(12, s) + "-" + Id(13, s + 1) + "-" + M(B62, 24, s + 2),
            s => new[] { ("short ids", "xoxb-1234-5678-" + M(B62, 24, s)), ("sequential ids", "xoxb-123456789012-1234567890123-" + M(B62, 24, s)), ("placeholder", "xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx") }),
        new("Slack legacy bot", SecretType.SlackToken.Title, "SLACK_BOT_TOKEN", s => "xoxb-" + Id(11, s) + "-" + M(B62, 24, s + 1),
            s => new[] { ("wrong length", "xoxb-" + Id(11, s) + "-" + M(B62, 12, s + 1)), ("short id", "xoxb-12345-" + M(B62, 24, s)) }),
        new("Slack user (hex ending)", SecretType.SlackToken.Title, "SLACK_USER_TOKEN", s => "xoxp-" + Id(11, s) + "-" + Id(12, s + 1) + "-" + Id(12, s + 2) + "-" + Hex(32, s + 3),
            s => new[] { ("short ids", "xoxp-1234-1234-1234-" + Hex(32, s)), ("placeholder", "xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX") }),
        new("Slack app", SecretType.SlackToken.Title, "SLACK_APP_TOKEN", s => "xapp-1-A" + R("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10, s) + "-" + Id(13, s + 1) + "-" + Hex(64, s + 2),
            s => new[] { ("wrong length", "xapp-1-A" + R("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10, s) + "-" + Id(13, s + 1) + "-" + Hex(60, s + 2)), ("placeholder", "xapp-1-AXXXXXXXXXX-0000000000000-" + new string('x', 64)) }),
        new("Slack refresh", SecretType.SlackToken.Title, "SLACK_REFRESH_TOKEN", s => "xoxe-1-" + M(B62, 146, s), s => new[] { ("wrong length", "xoxe-1-" + M(B62, 100, s)), ("placeholder", "xoxe-1-" + new string('x', 146)) }),
        new("Slack configuration", SecretType.SlackToken.Title, "SLACK_CONFIG_TOKEN", s => "xoxe.xoxp-1-" + M(B62, 164, s), s => new[] { ("wrong length", "xoxe.xoxp-1-" + M(B62, 120, s)), ("documentation example", "xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere") }),
        // ---- issue 14 ----
        new("Google API key (Gemini)", SecretType.GoogleApiKey.Title, "GOOGLE_API_KEY", s => "AIza" + M(B64Url, 35, s), s => Std("AIza", M(B64Url, 35, s), "Sy" + Doc(DocAlnum, 33))),
        new("Google OAuth client secret", SecretType.GoogleOAuthSecret.Title, "GOOGLE_CLIENT_SECRET", s => "GOCSPX-" + M(B64Url, 28, s), s => Std("GOCSPX-", M(B64Url, 28, s), Doc(DocAlnum, 28), "GOCSPX-your-client-secret-here")),
        new("Microsoft Entra ID client secret", SecretType.AzureAdClientSecret.Title, "AZURE_CLIENT_SECRET", s => R(B62, 3, s) + "8Q~" + M(B62 + "_~.-", 34, s + 1),
            s => new[] { ("wrong length", R(B62, 3, s) + "8Q~" + M(B62, 20, s + 1)), ("placeholder", "xxx8Q~" + new string('x', 34)), ("documentation example", "abc8Q~" + Doc(DocAlnum, 34)) }),
        new("Azure AI services key (84)", SecretType.AzureAIKey.Title, "AZURE_OPENAI_API_KEY", Cask,
            s => new[] { ("wrong signature", Cask(s).Replace("JQQJ9", "JQQJ8")), ("wrong length", Cask(s).Substring(0, 80)), ("placeholder", new string('x', 52) + "JQQJ99xA" + new string('x', 24)) }),
        new("Azure OpenAI key (32 hex, named)", SecretType.AzureAIKey.Title, "AZURE_OPENAI_API_KEY", s => Hex(32, s), s => Std("", Hex(32, s), Doc("abcdef0123456789", 32), "00000000000000000000000000000000")),
        new("Amazon Bedrock (long-term)", SecretType.BedrockKey.Title, "AWS_BEARER_TOKEN_BEDROCK", Bedrock,
            s => new[] { ("documentation example", "ABSKQmVkcm9ja0FQSUtleS1EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXM="), ("wrong structure", "ABSK" + Base64("SomethingElse-" + M(B64, 100, s))), ("wrong length", Bedrock(s).Substring(0, 60)) }),
        new("Amazon Bedrock (short-term)", SecretType.BedrockKey.Title, "AWS_BEARER_TOKEN_BEDROCK", s => "bedrock-api-key-" + Base64("bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA" + R("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, s) + "&X-Amz-Signature=" + Hex(64, s)),
            s => new[] { ("prefix only", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"), ("wrong host", "bedrock-api-key-" + Base64("example.com/?Action=Call&X-Amz-Signature=" + Hex(64, s) + Hex(40, s + 1))) }),
        new("Cohere", SecretType.Cohere.Title, "COHERE_API_KEY", s => M(B62, 40, s), s => Std("", M(B62, 40, s), Doc(DocAlnum, 40), "your-cohere-api-key")),
        new("Perplexity", SecretType.Perplexity.Title, "PERPLEXITY_API_KEY", s => "pplx-" + M(B62, 48, s), s => Std("pplx-", M(B62, 48, s), Doc(DocAlnum, 48))),
        new("Replicate", SecretType.Replicate.Title, "REPLICATE_API_TOKEN", s => "r8_" + M(B62, 37, s), s => Std("r8_", M(B62, 37, s), Doc(DocAlnum, 37))),
        new("Groq", SecretType.Groq.Title, "GROQ_API_KEY", s => "gsk_" + M(B62, 52, s), s => Std("gsk_", M(B62, 52, s), Doc(DocAlnum, 52))),
        new("Mistral", SecretType.Mistral.Title, "MISTRAL_API_KEY", s => M(B62, 32, s), s => Std("", M(B62, 32, s), Doc(DocAlnum, 32), "YOUR_MISTRAL_API_KEY")),
        new("Together", SecretType.Together.Title, "TOGETHER_API_KEY", s => "tgp_v1_" + M(B64Url, 43, s), s => Std("tgp_v1_", M(B64Url, 43, s), Doc(DocAlnum, 43))),
        new("DeepSeek", SecretType.DeepSeek.Title, "DEEPSEEK_API_KEY", s => "sk-" + Hex(32, s), s => Std("sk-", Hex(32, s), Doc("0123456789abcdef", 32))),
        new("OpenRouter", SecretType.OpenRouter.Title, "OPENROUTER_API_KEY", s => "sk-or-v1-" + Hex(64, s), s => Std("sk-or-v1-", Hex(64, s), Doc("0123456789abcdef", 64))),
        new("Fireworks", SecretType.Fireworks.Title, "FIREWORKS_API_KEY", s => "fw_" + M(B62, 40, s), s => new[] { ("wrong length", M(B62, 16, s)), ("placeholder", "your_fireworks_api_key_here"), ("documentation example", "<API_KEY>") }),
        new("LangSmith", SecretType.LangSmith.Title, "LANGSMITH_API_KEY", s => "lsv2_pt_" + Hex(32, s) + "_" + Hex(10, s + 1),
            s => new[] { ("wrong length", "lsv2_pt_" + Hex(31, s) + "_" + Hex(10, s + 1)), ("placeholder", "lsv2_pt_" + new string('x', 32) + "_" + new string('x', 10)), ("documentation example", "lsv2_pt_" + Doc("0123456789abcdef", 32) + "_0123456789") }),
        new("Langfuse", SecretType.Langfuse.Title, "LANGFUSE_SECRET_KEY", s => "sk-lf-" + Uuid(s),
            s => new[] { ("public key", "pk-lf-" + Uuid(s)), ("wrong length", "sk-lf-" + Uuid(s).Substring(0, 30)), ("documentation example", "sk-lf-12345678-1234-1234-1234-123456789012") }),
        new("Pinecone", SecretType.Pinecone.Title, "PINECONE_API_KEY", s => "pcsk_" + M(B62, 6, s) + "_" + M(B62, 63, s + 1),
            s => new[] { ("wrong length", "pcsk_" + M(B62, 6, s) + "_" + M(B62, 50, s + 1)), ("placeholder", "pcsk_xxxxxx_" + new string('x', 63)) }),
        new("neptune.ai", SecretType.Neptune.Title, "NEPTUNE_API_TOKEN", s => Neptune(Uuid(s)),
            s => new[] { ("documentation example (the public anonymous token)", "eyJhcGlfYWRkcmVzcyI6Imh0dHBzOi8vYXBwLm5lcHR1bmUuYWkiLCJhcGlfdXJsIjoiaHR0cHM6Ly9hcHAubmVwdHVuZS5haSIsImFwaV9rZXkiOiJiNzA2YmM4Zi03NmY5LTRjMmUtOTM5ZC00YmEwMzZmOTMyZTQifQo="), ("wrong structure", Base64("{\"api_address\":\"https://app.neptune.ai\",\"note\":\"" + Hex(40, s) + "\"}")) }),
        new("Comet", SecretType.Comet.Title, "COMET_API_KEY", s => M(B62, 25, s), s => Std("", M(B62, 25, s), Doc(DocAlnum, 25), "YOUR-COMET-API-KEY")),
        new("ElevenLabs", SecretType.ElevenLabs.Title, "ELEVENLABS_API_KEY", s => "sk_" + Hex(48, s), s => Std("sk_", Hex(48, s), Doc("0123456789abcdef", 48))),
        new("Roboflow", SecretType.Roboflow.Title, "ROBOFLOW_API_KEY", s => M(B62, 20, s), s => Std("", M(B62, 20, s), Doc(DocAlnum, 20), "Your API KEY")),
        new("Docker Hub", SecretType.DockerHub.Title, "DOCKERHUB_TOKEN", s => "dckr_pat_" + M(B64Url, 27, s), s => Std("dckr_pat_", M(B64Url, 27, s), Doc(DocAlnum, 27))),
        new("GitLab (routable)", SecretType.GitLab.Title, "GITLAB_TOKEN", GitLabRoutable,
            s => { string t = GitLabRoutable(s); return new[] { ("wrong checksum", t.Substring(0, t.Length - 1) + (t[^1] == 'a' ? 'b' : 'a')), ("wrong length", t.Substring(0, t.Length - 2)) }; }),
        new("GitLab (legacy)", SecretType.GitLab.Title, "GITLAB_TOKEN", s => "glpat-" + M(B64Url, 20, s), s => Std("glpat-", M(B64Url, 20, s), Doc(DocAlnum, 20), "glpat-XXXXXXXXXXX-XXXXXXXX")),
        new("JFrog API key", SecretType.JFrog.Title, "JFROG_API_KEY", s => "AKCp" + M(B62, 69, s), s => Std("AKCp", M(B62, 69, s), Doc(DocAlnum, 69))),
        new("JFrog reference token", SecretType.JFrog.Title, "JFROG_ACCESS_TOKEN", s => Base64("reftkn:01:" + Id(10, s) + ":" + M(B62, 27, s)).Substring(0, 64),
            s => new[] { ("wrong structure", Base64("refxxx:01:" + Id(10, s) + ":" + M(B62, 27, s)).Substring(0, 64)), ("wrong length", Base64("reftkn:01:" + Id(10, s) + ":" + M(B62, 27, s)).Substring(0, 50)) }),
        new("HashiCorp Vault", SecretType.Vault.Title, "VAULT_TOKEN", s => "hvs." + M(B64Url, 95, s), s => Std("hvs.", M(B64Url, 95, s), Doc(DocAlnum, 95)).Select(d => d.Item1 == "wrong length" ? (d.Item1, "hvs." + M(B64Url, 24, s)) : d)),
        new("Terraform Cloud", SecretType.TerraformCloud.Title, "TF_API_TOKEN", s => M(B62, 14, s) + ".atlasv1." + M(B64Url, 67, s + 1),
            s => new[] { ("wrong length", M(B62, 14, s) + ".atlasv1." + M(B64Url, 40, s + 1)), ("placeholder", "xxxxxxxxxxxxxx.atlasv1." + new string('x', 67)) }),
        new("Kubernetes Secret (data)", SecretType.KubernetesSecret.Title, "", s => M(B62, 30, s),
            s => new[] { ("placeholder", "changeme"), ("template", "{{ .Values.hfToken | b64enc }}") }, YamlOnly: true),
        new("Kubernetes Secret (stringData)", SecretType.KubernetesSecret.Title, "", s => M(B62, 10, s) + "!#",
            s => new[] { ("placeholder", "<password>"), ("template", "${DB_PASSWORD}") }, YamlOnly: true),
        new("Grafana service account", SecretType.Grafana.Title, "GRAFANA_TOKEN", GrafanaServiceAccount,
            s => { string t = GrafanaServiceAccount(s); return new[] { ("wrong checksum", t.Substring(0, t.Length - 1) + (t[^1] == 'a' ? 'b' : 'a')), ("placeholder", "glsa_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA") }; }),
        new("Grafana Cloud", SecretType.Grafana.Title, "GRAFANA_CLOUD_TOKEN", s => "glc_" + Base64("{\"o\":\"" + Id(6, s) + "\",\"n\":\"ml-metrics\",\"k\":\"" + M(B62, 24, s) + "\",\"m\":{\"r\":\"prod-eu-west-2\"}}"),
            s => new[] { ("placeholder", "glc_111111111111111111111111111111111111111111="), ("wrong structure", "glc_" + M(B62, 40, s)) }),
        new("Sentry user token", SecretType.Sentry.Title, "SENTRY_AUTH_TOKEN", s => "sntryu_" + Hex(64, s), s => Std("sntryu_", Hex(64, s), Doc("0123456789abcdef", 64))),
        new("Sentry org token", SecretType.Sentry.Title, "SENTRY_AUTH_TOKEN", s => "sntrys_" + Base64("{\"iat\":1718000000.1,\"url\":\"https://sentry.io\",\"region_url\":\"https://us.sentry.io\",\"org\":\"ml-team\"}") + "_" + M(B64, 43, s),
            s => new[] { ("wrong structure", "sntrys_" + Base64("{\"hello\":\"world\",\"x\":\"" + Hex(30, s) + "\"}") + "_" + M(B64, 43, s)), ("wrong length", "sntrys_" + Base64("{\"iat\":1718000000.1,\"org\":\"ml\"}") + "_" + M(B64, 20, s)) }),
        new("Twilio", SecretType.Twilio.Title, "TWILIO_AUTH_TOKEN", s => Hex(32, s), s => Std("", Hex(32, s), Doc("0123456789abcdef", 32), "your_auth_token")),
        new("SendGrid", SecretType.SendGrid.Title, "SENDGRID_API_KEY", s => "SG." + M(B64Url, 22, s) + "." + M(B64Url, 43, s + 1),
            s => new[] { ("wrong length", "SG." + M(B64Url, 22, s) + "." + M(B64Url, 40, s + 1)), ("placeholder", "SG.xxxxxxxxxxxxxxxxxxxxxx." + new string('x', 43)) }),
        new("Telegram bot", SecretType.Telegram.Title, "TELEGRAM_BOT_TOKEN", s => Id(10, s) + ":AA" + M(B64Url, 33, s + 1),
            s => new[] { ("documentation example", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"), ("wrong length", Id(10, s) + ":AA" + M(B64Url, 20, s + 1)), ("sequential id", "1234567890:AA" + M(B64Url, 33, s + 1)) }),
        new("Discord bot", SecretType.Discord.Title, "DISCORD_BOT_TOKEN", Discord,
            s => new[] { ("wrong structure (id part not a number)", Base64Url(M(B62, 18, s)) + "." + M(B64Url, 6, s + 1) + "." + M(B64Url, 38, s + 2)), ("wrong length", Base64Url(Id(18, s)) + "." + M(B64Url, 6, s + 1) + "." + M(B64Url, 10, s + 2)) }),
    };

    /// <summary>JSON written as Jupyter and json.dumps write it: quotes escaped as <c>\"</c>, not <c>\u0022</c>.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions JupyterJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file kinds of an ML repository the benchmark places each sample in.</summary>
    public static readonly string[] Kinds = { "python", "notebook source", "notebook output", "yaml", ".env", "json", "Dockerfile", "shell", "C#" };

    /// <summary>A file of kind <paramref name="kind"/> (its path and text) holding <paramref name="value"/> under <paramref name="variable"/>.</summary>
    public static (string Path, string Text) Place(string kind, string variable, string value, string stem)
    {
        string lower = variable.ToLowerInvariant();
        string pascal = string.Concat(variable.ToLowerInvariant().Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1)));
        string J(string s) => System.Text.Json.JsonSerializer.Serialize(s, JupyterJson);
        return kind switch
        {
            "python" => ($"src/{stem}.py", $"import os\n\n{variable} = \"{value}\"\nclient = make_client({variable})\n"),
            "notebook source" => ($"notebooks/{stem}.ipynb", Notebook(new[] { "import os\n", $"os.environ[\"{variable}\"] = \"{value}\"\n" }, null)),
            "notebook output" => ($"notebooks/{stem}_out.ipynb", Notebook(new[] { "!cat .env\n" }, $"{variable}={value}\n")),
            "yaml" => ($"configs/{stem}.yaml", $"training:\n  epochs: 3\nservice:\n  {lower}: \"{value}\"\n"),
            ".env" => ($"env/{stem}/.env", $"DEBUG=0\n{variable}={value}\n"),
            "json" => ($"configs/{stem}.json", "{\n  \"epochs\": 3,\n  " + J(lower) + ": " + J(value) + "\n}\n"),
            "Dockerfile" => ($"docker/{stem}/Dockerfile", $"FROM python:3.11.9-slim\nENV {variable}={value}\nCMD [\"python\", \"serve.py\"]\n"),
            "shell" => ($"scripts/{stem}.sh", $"#!/usr/bin/env bash\nset -euo pipefail\nexport {variable}=\"{value}\"\npython train.py\n"),
            "C#" => ($"dotnet/{stem}.cs", $"namespace Ml;\n\npublic static class Settings\n{{\n    public const string {pascal} = \"{value}\";\n}}\n"),
            _ => throw new ArgumentException(kind),
        };

        static string Notebook(string[] source, string? output)
        {
            string Js(string s) => System.Text.Json.JsonSerializer.Serialize(s, JupyterJson);
            string outs = output == null ? "" : "{\"name\": \"stdout\", \"output_type\": \"stream\", \"text\": [" + Js(output) + "]}";
            return "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"source\": [" + string.Join(", ", source.Select(Js))
                + "], \"outputs\": [" + outs + "]}], \"metadata\": {\"kernelspec\": {\"name\": \"python3\", \"display_name\": \"Python 3\", \"language\": \"python\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";
        }
    }

    /// <summary>A Kubernetes Secret manifest holding <paramref name="value"/> (base64 under <c>data:</c> or plain under <c>stringData:</c>).</summary>
    public static (string Path, string Text) PlaceKubernetes(string value, bool base64, string stem) => ($"k8s/{stem}.yaml", KubernetesSecret(value, base64));
}
