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

    /// <summary>One secret of every kind the token detectors know, each in a file of its own kind.</summary>
    public static readonly TheoryData<string, string> EveryDetector = new()
    {
        { "config/github.yaml", $"token: {FakeSecrets.GitHub()}\n" },
        { "config/github.yaml", $"other: {FakeSecrets.GitHub("gho_")}\n" },
        { "config/pat.txt", $"{FakeSecrets.GitHubFineGrained()}\n" },
        { "deploy.sh", $"export X={FakeSecrets.AwsKeyId()}\n" },
        { "deploy.sh", $"export X={FakeSecrets.AwsKeyId(prefix: "ASIA")}\n" },
        { "settings.ini", $"conn={FakeSecrets.AzureConnectionString()}\n" },
        { "notes.md", $"see {FakeSecrets.AzureSasUrl()}\n" },
        { "notes.md", $"{FakeSecrets.OpenAIProject()}\n" },
        { "notes.md", $"{FakeSecrets.Anthropic()}\n" },
        { "notes.md", $"{FakeSecrets.HuggingFace()}\n" },
        { "notes.md", $"{FakeSecrets.Databricks()}\n" },
        { "notes.md", $"{FakeSecrets.SlackBot()}\n" },
        { "notes.md", $"{FakeSecrets.SlackWebhook()}\n" },
        { "notes.md", $"{FakeSecrets.StripeLive()}\n" },
        { "notes.md", $"{FakeSecrets.Npm()}\n" },
        { "notes.md", $"{FakeSecrets.PyPI()}\n" },
        { "notes.md", $"{FakeSecrets.Jwt()}\n" },
        { "certs/server.txt", FakeSecrets.Pem() },
        { "notes.md", "curl -H \"Authorization: Bearer " + FakeSecrets.Token32() + "\"\n" },
        { "notes.md", "db: postgresql://trainer:Xk9!pQ2vLm@db.internal:5432/features\n" },
        { "notes.md", "Server=db;User Id=sa;Password=Xk9!pQ2vLm;\n" },
        { "notes.md", "Server=db;Uid=sa;Pwd=Xk9!pQ2vLm;\n" },
        { ".env", "DB_PWORD=Xk9!pQ2vLm\n" },
        { "src/train.py", "pword = \"Xk9!pQ2vLm\"\n" },
        { "src/train.py", "API_\u212AEY = \"" + FakeSecrets.Token32() + "\"\n" },
    };

    [Theory]
    [MemberData(nameof(EveryDetector))]
    public void Every_detector_s_secret_passes_the_byte_prefilter_and_reads_the_same(string path, string text)
    {
        Assert.True(SecretPrefilter.MayHoldSecret(System.Text.Encoding.UTF8.GetBytes(text)));
        var full = Read(text, filtered: false, path);
        Assert.NotEmpty(full);
        Assert.Equal(full, Read(text, filtered: true, path));
    }

    /// <summary>Text without a keyword or a credential-name fragment: the byte prefilter turns it away undecoded.</summary>
    public static readonly TheoryData<string> NoLiteral = new()
    {
        "import numpy as np\nVALUE = 3\ndef f(x):\n    return np.tanh(x) * 0.5  # weight decay, right through\n",
        "param_1: 0.25\nlearning_rate: 3e-4\nurl: https://github.com/org/repo/blob/main/README.md\n",
        "{\"cells\": [], \"metadata\": {\"kernelspec\": {\"name\": \"python3\"}}, \"nbformat\": 4}\n",
        "Mirror: https://pypi.org/simple?user=me#frag and mailto:ops@example.com\n",
        "naïve café — résumé, Straße\n",
    };

    [Theory]
    [MemberData(nameof(NoLiteral))]
    public void Text_without_a_keyword_or_a_name_fragment_is_turned_away_by_the_byte_prefilter(string text)
    {
        Assert.False(SecretPrefilter.MayHoldSecret(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void The_byte_prefilter_ignores_case_in_names_but_not_in_token_prefixes()
    {
        Assert.True(SecretPrefilter.MayHoldSecret(Bytes("DB_PASSWORD=x\n")));
        Assert.True(SecretPrefilter.MayHoldSecret(Bytes("ApiKey: x\n")));
        Assert.True(SecretPrefilter.MayHoldSecret(Bytes("Secret\n")));
        Assert.False(SecretPrefilter.MayHoldSecret(Bytes("akiaxxxxxxxxxxxxxxxx GHP_abc\n"))); // AKIA and ghp_ are case-sensitive prefixes
        Assert.True(SecretPrefilter.MayHoldSecret(Bytes("weight = AKIA\n")));
    }

    [Fact]
    public void UTF16_text_always_goes_to_the_readers()
    {
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes("x = 1\n")).ToArray();
        Assert.True(SecretPrefilter.MayHoldSecret(utf16));
    }

    [Fact]
    public void Every_token_detector_keyword_has_its_literals_in_the_byte_prefilter()
    {
        Assert.Equal(TokenScanner.Keywords.OrderBy(k => k, StringComparer.Ordinal), SecretPrefilter.KeywordLiterals.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (keyword, literals) in SecretPrefilter.KeywordLiterals)
        {
            // either the prefilter searches literals that contain the keyword (in any case for the folded ones: the
            // scanner spells a provider's name several ways, the prefilter folds them into one), or a name fragment covers
            // it: in the keyword itself, or because the keyword's formats need a credential word in the name
            bool covered = literals.Length > 0
                ? literals.All(l => l.Contains(keyword, SecretPrefilter.FoldedLiterals.Contains(l) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                : TokenScanner.KeywordsNeedingCredentialWord.Contains(keyword) || SecretNames.Fragments.Any(f => keyword.Contains(f, StringComparison.OrdinalIgnoreCase) || ("p" + keyword).Contains(f, StringComparison.OrdinalIgnoreCase) || ("b" + keyword).Contains(f, StringComparison.OrdinalIgnoreCase));
            Assert.True(covered, $"{keyword}: the byte prefilter would miss it");
        }
    }

    [Fact]
    public void Every_character_that_lower_cases_into_ascii_letters_is_a_literal_of_the_byte_prefilter()
    {
        var folding = Enumerable.Range(0x80, 0x10000 - 0x80).Select(c => (char)c)
            .Where(c => !char.IsSurrogate(c) && char.ToLowerInvariant(c) is >= 'a' and <= 'z')
            .Select(c => c.ToString()).ToList();
        Assert.NotEmpty(folding);
        Assert.Empty(folding.Except(SecretPrefilter.FoldsToAscii)); // İ folds to i only in some globalization modes: listed anyway
    }

    [Fact]
    public void Every_text_file_of_the_test_data_and_samples_reads_the_same_through_both_prefilters()
    {
        string root = RepoPaths.Root;
        var files = new[] { "tests", "samples" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && new FileInfo(f).Length < 2_000_000)
            .ToList();
        int secrets = 0, turnedAway = 0;
        foreach (var f in files)
        {
            var bytes = File.ReadAllBytes(f);
            string path = Path.GetRelativePath(root, f).Replace('\\', '/');
            if (TextDecoderLooksBinary(bytes)) continue;
            string text = FakeSecrets.Fill(System.Text.Encoding.UTF8.GetString(bytes));
            var full = Read(text, filtered: false, path);
            Assert.Equal(full, Read(text, filtered: true, path));
            if (full.Count > 0) secrets++;
            if (!SecretPrefilter.MayHoldSecret(System.Text.Encoding.UTF8.GetBytes(text))) turnedAway++;
        }
        Assert.True(secrets >= 10, $"only {secrets} files with secrets among {files.Count}");
        Assert.True(turnedAway >= 50, $"the byte prefilter turned away only {turnedAway} of {files.Count} files");
    }

    private static bool TextDecoderLooksBinary(byte[] bytes) => MLOpsLint.Core.Text.TextDecoder.LooksBinary(bytes);

    private static byte[] Bytes(string s) => System.Text.Encoding.UTF8.GetBytes(s);

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
