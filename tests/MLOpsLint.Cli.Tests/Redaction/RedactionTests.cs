using System.Text;
using MLOpsLint.Cli.Tests.Support;
using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Cli.Tests.Redaction;

/// <summary>
/// Plants real-format secrets (generated here, checksums computed, nothing live committed) in a git repository, runs
/// every output of the CLI in-process — text, json, sarif, github annotations, the job summary, the --json/--sarif
/// files and the baseline file — and searches each output for each secret and for the part of it after the redacted
/// prefix. Secrets are never printed whole; fingerprints are hashes.
/// </summary>
public class RedactionTests
{
    private static string Rand(string alphabet, int n, int seed)
    {
        var r = new Random(seed);
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.Append(alphabet[r.Next(alphabet.Length)]);
        return sb.ToString();
    }

    private const string B62 = Checksums.Base62Alphabet;

    private static string Crc(string prefix, int seed)
    {
        string body = Rand(B62, 30, seed);
        return prefix + body + Checksums.Base62(Checksums.Crc32(body));
    }

    private static string B64(int bytes, int seed)
    {
        var b = new byte[bytes];
        new Random(seed).NextBytes(b);
        return Convert.ToBase64String(b);
    }

    private static string B64Url(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static readonly string GitHub = Crc("ghp_", 1);
    private static readonly string Npm = Crc("npm_", 2);
    private static readonly string HuggingFace = "hf_" + Rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34, 3);
    private static readonly string AwsId = "AKIA" + Rand("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 4);
    private static readonly string AwsSecret = "aB3" + Rand(B62 + "+/", 37, 5);
    private static readonly string OpenAI = "sk-" + Rand(B62, 20, 6) + "T3BlbkFJ" + Rand(B62, 20, 7);
    private static readonly string Anthropic = "sk-ant-api03-" + Rand(B62 + "-_", 93, 8) + "AA";
    private static readonly string AzureKey = B64(64, 9);
    private static readonly string Stripe = "sk_" + "live_" + Rand(B62, 32, 10);
    private static readonly string Databricks = "dapi" + Rand("0123456789abcdef", 32, 11);
    private static readonly string Jwt = B64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + B64Url("{\"sub\":\"svc\",\"iat\":1516239022}") + "." + Rand(B62 + "-_", 43, 12);
    private static readonly string WandB = Rand("0123456789abcdef", 40, 13);
    private static readonly string PyPI = "pypi-AgEIcHlwaS5vcmc" + Rand(B62 + "-_", 120, 14);
    private static readonly string DbPassword = "Xk9!pQ2vLm";
    private static readonly string Password = "hunter22xQ";
    private static readonly string PemBody = B64(600, 15);

    /// <summary>One credential of every provider format of the benchmark generator (issue 14's providers included).</summary>
    private static readonly (ProviderFormat Format, string Value)[] Providers = ProviderSamples.All
        .Select((p, i) => (p, p.Valid(7000 + i))).ToArray();

    private static IEnumerable<string> Secrets => new[]
    {
        GitHub, Npm, HuggingFace, AwsId, AwsSecret, OpenAI, Anthropic, AzureKey, Stripe, Databricks, Jwt, WandB, PyPI,
        DbPassword, Password, PemBody.Substring(100, 64), "Qz8vW3rNp6Lk", FakeSecrets.Token32(91),
        Convert.ToBase64String(Encoding.ASCII.GetBytes("svc:Mv7Rq2Xz9Lp4")), "Mv7Rq2Xz9Lp4",
    }.Concat(Providers.Select(p => p.Value));

    private static TempRepo Plant()
    {
        var repo = TempRepo.Git();
        repo.Write("train.py",
            $"import os\nGITHUB_TOKEN = \"{GitHub}\"\nHF_TOKEN = \"{HuggingFace}\"\n"
            + $"creds = (\"{AwsId}\", \"{AwsSecret}\")\nclient = OpenAI(api_key=\"{OpenAI}\")\n"
            + $"ANTHROPIC = \"{Anthropic}\"\nDB = \"postgresql://ml:{DbPassword}@db.internal/ml\"\ndb_password = \"{Password}\"\n"
            + $"wandb.login(key=\"{WandB}\")\nDATA = \"s3://bucket/x\" if False else \"/home/alice/data.csv\"; TOKEN2 = \"{Npm}\"\n");
        repo.Write("config.yaml", $"storage:\n  connection: \"DefaultEndpointsProtocol=https;AccountName=ml;AccountKey={AzureKey};EndpointSuffix=core.windows.net\"\n  password: {Password}\n");
        repo.Write(".env", $"NPM_TOKEN={Npm}\nPYPI_TOKEN={PyPI}\n");
        repo.Write("Settings.cs", $"class Settings {{ const string Stripe = \"{Stripe}\"; const string Dbx = @\"{Databricks}\"; }}\n");
        repo.Write("deploy/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + string.Join("\n", Enumerable.Range(0, PemBody.Length / 64).Select(i => PemBody.Substring(i * 64, 64))) + "\n-----END OPENSSH PRIVATE KEY-----\n");
        repo.Write("notebook.ipynb",
            "{\"cells\":[{\"cell_type\":\"code\",\"execution_count\":1,\"metadata\":{},\"source\":[\"print(token)\"],"
            + $"\"outputs\":[{{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":[\"{Jwt}\\n\", \"{HuggingFace} and {GitHub}\\n\"]}}]}}],"
            + "\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
        var providers = new StringBuilder("import os\n");
        for (int i = 0; i < Providers.Length; i++)
        {
            var (format, value) = Providers[i];
            if (format.YamlOnly)
            {
                var (path, text) = ProviderSamples.PlaceKubernetes(value, format.Name.Contains("(data)", StringComparison.Ordinal), $"secret{i}");
                repo.Write(path, text);
            }
            else
            {
                providers.Append(format.Variable).Append(" = \"").Append(value).Append("\"\n");
            }
        }
        repo.Write("providers.py", providers.ToString());
        repo.Write("scripts/call.sh", "curl -u trainer:Qz8vW3rNp6Lk -H \"X-Api-Key: " + FakeSecrets.Token32(91) + "\" -H \"Authorization: Basic "
            + Convert.ToBase64String(Encoding.ASCII.GetBytes("svc:Mv7Rq2Xz9Lp4")) + "\" https://api.internal/v1/predict\n");
        repo.Commit("plant secrets");
        return repo;
    }

    private static (int Exit, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = MLOpsLint.Cli.Program.Run(args, stdout, stderr, false, false);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static void AssertNoSecret(string where, string output)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"{where} contains a whole secret ({secret.Substring(0, 4)}…)");
            // the redacted form keeps at most 4 characters: nothing after them may appear either
            string tail = secret.Substring(4);
            Assert.False(tail.Length >= 6 && output.Contains(tail, StringComparison.Ordinal), $"{where} contains the hidden part of a secret ({secret.Substring(0, 4)}…)");
        }
    }

    [Fact]
    public void No_output_format_and_no_baseline_contains_a_secret()
    {
        using var repo = Plant();
        string summary = Path.Combine(repo.Root, "..", Guid.NewGuid().ToString("N") + "-summary.md");
        string sarifFile = Path.Combine(repo.Root, "..", Guid.NewGuid().ToString("N") + ".sarif");
        string jsonFile = Path.Combine(repo.Root, "..", Guid.NewGuid().ToString("N") + ".json");
        string baselineFile = Path.Combine(repo.Root, "..", Guid.NewGuid().ToString("N") + "-baseline.json");
        try
        {
            var outputs = new List<(string Where, string Text)>();
            foreach (var format in new[] { "text", "json", "sarif" })
            {
                var r = Cli("scan", repo.Root, "--format", format);
                Assert.Equal(1, r.Exit);
                outputs.Add(($"--format {format} stdout", r.Stdout));
                outputs.Add(($"--format {format} stderr", r.Stderr));
            }
            var verbose = Cli("scan", repo.Root, "--verbose", "--sarif", sarifFile, "--json", jsonFile);
            outputs.Add(("--verbose stdout", verbose.Stdout));
            outputs.Add(("--verbose stderr", verbose.Stderr));
            outputs.Add(("--sarif file", File.ReadAllText(sarifFile)));
            outputs.Add(("--json file", File.ReadAllText(jsonFile)));

            string? previous = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
            try
            {
                Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
                var gh = Cli("scan", repo.Root, "--format", "github");
                outputs.Add(("--format github stdout", gh.Stdout));
                outputs.Add(("--format github stderr", gh.Stderr));
            }
            finally
            {
                Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", previous);
            }
            outputs.Add(("job summary", File.ReadAllText(summary)));

            var b = Cli("baseline", repo.Root, "--output", baselineFile);
            Assert.Equal(0, b.Exit);
            outputs.Add(("baseline stdout", b.Stdout));
            outputs.Add(("baseline file", File.ReadAllText(baselineFile)));
            var afterBaseline = Cli("scan", repo.Root, "--baseline", baselineFile, "--format", "json");
            outputs.Add(("scan --baseline", afterBaseline.Stdout));

            // the scan did find them (a silent scan would pass trivially)
            string json = outputs.Single(o => o.Where == "--format json stdout").Text;
            foreach (var id in new[] { "MLO401", "MLO403", "MLO404", "MLO405", "MLO406", "MLO501" }) Assert.Contains($"\"{id}\"", json);
            Assert.Contains("ghp_****", outputs.Single(o => o.Where == "--format text stdout").Text);
            // every provider is named in every format that carries messages (terminal, JSON, SARIF, PR annotations)
            foreach (var where in new[] { "--format text stdout", "--format json stdout", "--format sarif stdout", "--format github stdout" })
            {
                string report = outputs.Single(o => o.Where == where).Text;
                foreach (var (format, _) in Providers)
                {
                    Assert.True(report.Contains(format.Title, StringComparison.OrdinalIgnoreCase), $"{where} does not name {format.Name} ({format.Title})");
                }
                foreach (var title in new[] { "HTTP basic-auth credentials", "curl --user option" })
                {
                    Assert.True(report.Contains(title, StringComparison.OrdinalIgnoreCase), $"{where} does not report the {title}");
                }
            }

            foreach (var (where, text) in outputs) AssertNoSecret(where, text);
        }
        finally
        {
            foreach (var f in new[] { summary, sarifFile, jsonFile, baselineFile })
            {
                if (File.Exists(f)) File.Delete(f);
            }
        }
    }
}
