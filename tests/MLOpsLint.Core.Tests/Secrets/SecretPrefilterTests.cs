using MLOpsLint.Core.Checks.Credentials;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Secrets;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Secrets;

/// <summary>
/// The prefilter that lets the credential rules skip parsing a Python file may only ever skip files in which the full
/// reader finds nothing: every snippet below is read both ways and must give the same secrets.
/// </summary>
public class SecretPrefilterTests
{
    private static readonly string Hf = FakeSecrets.HuggingFace();
    private static readonly string Token = FakeSecrets.Token32();

    /// <summary>Secrets in the shapes the Python reader knows, one per snippet.</summary>
    public static readonly TheoryData<string> Firing = new()
    {
        $"HF = \"{Hf}\"\n",
        $"x = 1  # pasted: {FakeSecrets.Npm()}\n",
        $"client = {{\"api key\": \"{Token}\"}}\n",
        $"self.cfg.api_key = \"{Token}\"\n",
        $"config[\"db/password\"] = \"Qw7zXc9Vb2\"\n",
        $"os.environ.setdefault(\"SERVICE_TOKEN\", \"{Token}\")\n",
        "conn = connect(host=\"db\", password=\"Qw7zXc9Vb2\")\n",
        $"wandb.login(key=\"{FakeSecrets.WandB()}\")\n",
        $"creds = {{\"kaggle_key\": \"{FakeSecrets.Kaggle()}\"}}\n",
        "dbPwd = 'Xk9!pQ2vLm'\n",
        "URL = \"postgresql://trainer:Xk9!pQ2vLm@db.internal:5432/features\"\n",
        $"KEY = \"\"\"{FakeSecrets.Pem()}\"\"\"\n",
        $"msg = f\"token {Hf} for {{user}}\"\n",
        $"if key_id and secret_key:\n    secret_key = \"{Token}\"\n",
    };

    /// <summary>Look-alikes the prefilter must turn away without parsing (the words are there, no secret name is).</summary>
    public static readonly TheoryData<string> Harmless = new()
    {
        "tokenizer = AutoTokenizer.from_pretrained(\"bert-base-uncased\")\n",
        "max_tokens = 512\nfor key in sorted(keys, key=lambda k: k):\n    print(key)\n",
        "import numpy as np\nVALUE = 3\ndef f(x):\n    return x * 0.5\n",
        "password_field = form.get(\"password_hint\")\n",
        "def passthrough(x):\n    return x\n",
    };

    [Theory]
    [MemberData(nameof(Firing))]
    public void Snippets_with_a_secret_pass_and_read_the_same(string text)
    {
        Assert.True(SecretPrefilter.MayHoldSecret(text));
        var full = Read(text, filtered: false);
        Assert.NotEmpty(full); // the snippet really holds a secret the reader finds
        Assert.Equal(full, Read(text, filtered: true));
    }

    [Theory]
    [MemberData(nameof(Harmless))]
    public void Harmless_look_alikes_are_turned_away(string text)
    {
        Assert.False(SecretPrefilter.MayHoldSecret(text));
        Assert.Empty(Read(text, filtered: false));
    }

    [Fact]
    public void The_credential_fixture_reads_the_same_line_by_line_and_whole()
    {
        string text = FakeSecrets.Fill(Fixture.Read("Credentials/train.py"));
        var snippets = text.Split('\n').Select(l => l + "\n").Append(text).ToList();
        int passed = 0, firing = 0;
        foreach (var s in snippets)
        {
            var full = Read(s, filtered: false);
            Assert.Equal(full, Read(s, filtered: true));
            if (SecretPrefilter.MayHoldSecret(s)) passed++;
            if (full.Count > 0) firing++;
        }
        Assert.True(firing >= 15, $"only {firing} lines fire");
        Assert.True(passed < snippets.Count, "the prefilter let every line through; it filters nothing");
    }

    [Fact]
    public void Every_python_file_of_the_test_data_and_samples_reads_the_same()
    {
        string root = RepoPaths.Root;
        var files = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.py", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.py", SearchOption.AllDirectories))
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count >= 20, $"found only {files.Count} Python files under {root}");
        foreach (var f in files)
        {
            string text = FakeSecrets.Fill(File.ReadAllText(f));
            Assert.Equal(Read(text, filtered: false), Read(text, filtered: true));
        }
    }

    [Fact]
    public void Notebooks_read_the_same_with_secrets_in_code_magics_and_outputs_and_without_any()
    {
        string fixture = FakeSecrets.Fill(Fixture.Read("Credentials/notebook.ipynb"));
        var notebooks = new[]
        {
            fixture,
            Notebook(new[] { "%env WANDB_API_KEY=" + FakeSecrets.WandB() }, Array.Empty<string>()),
            Notebook(new[] { "print(login())" }, new[] { "logged in with " + FakeSecrets.HuggingFace() }),
            Notebook(new[] { "cfg = {\"db_password\": \"Qw7zXc9Vb2\"}" }, Array.Empty<string>()),
            Notebook(new[] { "tokenizer = AutoTokenizer.from_pretrained(\"bert\")", "model.fit(X, y)" }, new[] { "epoch 1 loss 0.25" }),
        };
        foreach (var nb in notebooks)
        {
            Assert.Equal(Read(nb, filtered: false, "notebooks/explore.ipynb"), Read(nb, filtered: true, "notebooks/explore.ipynb"));
        }
        Assert.NotEmpty(Read(notebooks[1], filtered: true, "notebooks/explore.ipynb"));
        Assert.NotEmpty(Read(notebooks[2], filtered: true, "notebooks/explore.ipynb"));
        Assert.False(SecretPrefilter.MayHoldSecret(notebooks[4])); // the harmless notebook is not parsed at all
    }

    private static string Notebook(string[] source, string[] output)
    {
        string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);
        string src = string.Join(", ", source.Select(l => Json(l + "\n")));
        string outs = output.Length == 0 ? "" : "{\"name\": \"stdout\", \"output_type\": \"stream\", \"text\": [" + string.Join(", ", output.Select(l => Json(l + "\n"))) + "]}";
        return "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"source\": [" + src + "], \"outputs\": [" + outs + "]}], "
            + "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";
    }

    private static List<string> Read(string text, bool filtered, string path = "src/snippet.py")
    {
        var doc = new SourceDocument(path, System.Text.Encoding.UTF8.GetBytes(text), text.Length);
        var secrets = filtered ? DocumentSecrets.Of(doc) : DocumentSecrets.ComputeUnfiltered(doc, GenericValue.DefaultMinEntropy, null);
        return secrets.Secrets.Select(s => $"{s.Match.Type} {s.Span.StartLine}:{s.Span.StartColumn}-{s.Span.EndLine}:{s.Span.EndColumn}").ToList();
    }
}
