using System.IO.Compression;
using System.Text;

namespace MLOpsLint.EndToEnd.Tests.Hostile;

/// <summary>
/// How big the generated corpus is. The end-to-end tests use <see cref="Test"/>: every class at a size that still does
/// what the class is for (nesting of 100,000 overflows any recursive parser's stack — the issue's crashes were at that
/// depth — and the parsers' own depth limits are tested at 1,000,000 in Core's DeepNestingTests), so that a dozen scans
/// of it stay a small part of the suite. bench/hostile.sh builds <see cref="Ci"/> (the size the tests used before) or
/// <see cref="Full"/> (50,000 files, a 100 MB single line) and measures them.
/// </summary>
/// <param name="Repeats">How often the regex worst cases repeat their unit (100,000 → files of 1–3 MB each).</param>
public sealed record HostileScale(int ManyFiles, int LongLineBytes, int Depth, int ContinuationLines, int Repeats = 100_000)
{
    public static readonly HostileScale Test = new(300, 1_000_000, 100_000, 5_000, 20_000);
    public static readonly HostileScale Ci = new(2_000, 4_000_000, 1_000_000, 20_000);
    public static readonly HostileScale Full = new(50_000, 100_000_000, 1_000_000, 100_000);

    public static HostileScale Named(string name) => name switch
    {
        "test" => Test,
        "ci" => Ci,
        "full" => Full,
        _ => throw new ArgumentException($"unknown scale '{name}' (test, ci, full)"),
    };
}

/// <summary>
/// Builds a repository a hostile user (or an unlucky one) could push: secrets where other rules quote them, nesting
/// deep enough to overflow any recursive parser, glob worst cases, binary junk under text names, broken encodings,
/// huge single lines, YAML anchor bombs, include cycles, symlink loops and links out of the repository, FIFOs,
/// sockets, device links, zip bombs named as models, regex worst cases, odd file names and many files. The
/// secrets it plants are generated (FakeSecrets) and listed in <see cref="Secrets"/>, for the leak assertions.
/// </summary>
public static class HostileCorpus
{
    /// <summary>Nesting that a recursive descent parser cannot survive, per format.</summary>
    public static IReadOnlyList<string> Secrets => new[]
    {
        FakeSecrets.GitHub(), FakeSecrets.HuggingFace(), FakeSecrets.Npm(), FakeSecrets.AwsKeyId(), FakeSecrets.AwsSecret(),
        FakeSecrets.OpenAILegacy(), FakeSecrets.OpenAIProject(), FakeSecrets.Anthropic(), FakeSecrets.StripeLive(),
        FakeSecrets.Databricks(), FakeSecrets.SlackBot(), FakeSecrets.PyPI(), FakeSecrets.Jwt(), FakeSecrets.GitHubFineGrained(),
        FakeSecrets.Base64Bytes(64, 6), UrlPassword,
    };

    /// <summary>A password that only the URL's userinfo says is one.</summary>
    public const string UrlPassword = "Zq7vR2mXk9Lp";

    /// <summary>The name every glob worst case is matched against: 36 a's and no b.</summary>
    public static readonly string GlobVictim = new string('a', 36) + ".txt";

    /// <summary>A pattern of <paramref name="groups"/> "*a" groups that ends in a b: it never matches the victim, and
    /// a backtracking matcher tries every split.</summary>
    public static string GlobBomb(int groups) => string.Concat(Enumerable.Repeat("*a", groups)) + "*b";

    public static void Build(string root, HostileScale scale)
    {
        var w = new Writer(root);
        string gh = FakeSecrets.GitHub(), hf = FakeSecrets.HuggingFace(), npm = FakeSecrets.Npm();
        string aws = FakeSecrets.AwsKeyId(), awsSecret = FakeSecrets.AwsSecret(), openai = FakeSecrets.OpenAILegacy();
        string proj = FakeSecrets.OpenAIProject(), anth = FakeSecrets.Anthropic(), stripe = FakeSecrets.StripeLive();
        string dbx = FakeSecrets.Databricks(), slack = FakeSecrets.SlackBot(), pypi = FakeSecrets.PyPI(), jwt = FakeSecrets.Jwt();
        string fine = FakeSecrets.GitHubFineGrained(), azure = FakeSecrets.Base64Bytes(64, 6);
        int depth = scale.Depth, r = scale.Repeats;

        // 1. secrets where other rules quote them (messages, fix hints, code frames, diff context)
        w.Text("requirements.txt",
            $"numpy\ngit+https://{hf}@github.com/org/repo.git\nprivate-lib @ git+https://deploy:{UrlPassword}@gitlab.example.com/ml/lib.git\n"
            + $"torch  # ghp token for the mirror: {gh}\n--index-url https://__token__:{pypi}@pypi.example.com/simple\nscipy>=1.0\n");
        w.Text("serving/requirements.txt", $"flask\nmodel-lib @ https://{npm}@files.example.com/model-lib-1.0.tar.gz\n");
        w.Text("Dockerfile",
            $"FROM python\nENV HF_TOKEN={hf}\nRUN pip install git+https://{gh}@github.com/org/private.git requests\n"
            + $"RUN apt-get install -y curl && curl -H 'Authorization: Bearer {openai}' https://api.example.com\nCOPY . /home/alice/app\n");
        w.Text(".github/workflows/ci.yml",
            $"on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main # {gh}\n"
            + $"      - uses: actions/setup-python@v5\n      - run: pip install torch  # {anth}\n        env:\n          STRIPE: {stripe}\n");
        w.Text("train.py",
            "import numpy as np\nimport random\nfrom sklearn.model_selection import train_test_split\n"
            + $"TOKEN = \"{gh}\"; DATA = \"/home/alice/data/{hf}.csv\"\n"
            + $"X_train, X_test = train_test_split(X, \"{openai}\")\n"
            + $"model = AutoModel.from_pretrained(\"org/model\", token=\"{hf}\")\n"
            + $"np.random.shuffle(x)  # {proj}\nrandom.random()  # {dbx}\n"
            + $"DB = \"postgresql://ml:{UrlPassword}@db.internal/ml\"; OUT = \"/content/drive/MyDrive/{slack}\"\n");
        w.Text("notebooks/eda.ipynb",
            "{\"cells\":[{\"cell_type\":\"code\",\"execution_count\":1,\"metadata\":{},\"source\":[\"!pip install torch\\n\","
            + $"\"# {gh}\\n\",\"df = pd.read_csv('/home/bob/{aws}.csv')\"],"
            + $"\"outputs\":[{{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":[\"{jwt}\\n\",\"{fine}\\n\"]}}]}}],"
            + "\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
        w.Text("pyproject.toml",
            $"[project]\nname = \"hostile\"\nrequires-python = \">=3.8\"\ndependencies = [\"pandas\", \"lib @ git+https://{fine}@github.com/o/r.git\"]\n"
            + $"[tool.secrets]\naws = \"{aws}\"\naws_secret = \"{awsSecret}\"\n");
        w.Text("trainer/Trainer.cs",
            $"using Microsoft.ML;\nclass Trainer {{\n  const string Key = \"{stripe}\";\n  MLContext C() => new MLContext(); // {gh}\n"
            + $"  string Path = @\"C:\\Users\\alice\\data\"; const string Conn = \"DefaultEndpointsProtocol=https;AccountName=ml;AccountKey={azure};EndpointSuffix=core.windows.net\";\n}}\n");
        w.Text("trainer/Trainer.csproj",
            $"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Microsoft.ML\" Version=\"*\" /><!-- {npm} --></ItemGroup></Project>\n");
        w.Text("config/storage.yaml", $"connection: \"DefaultEndpointsProtocol=https;AccountName=ml;AccountKey={azure};EndpointSuffix=core.windows.net\"\npath: /home/carol/{stripe}\n");
        w.Text("environment.yml", $"name: env\ndependencies:\n  - python\n  - pip:\n    - git+https://{hf}@huggingface.co/org/x\n");
        w.Text(".env", $"OPENAI_API_KEY={openai}\n");
        w.Text("src/seeds.py", $"import torch\n# {anth}\nloader = DataLoader(ds, shuffle=True)\naws_access_key_id = \"{aws}\"\naws_secret_access_key = \"{awsSecret}\"  # {gh}\ntorch.manual_seed\n");

        // 2. nesting deep enough to overflow a recursive parser
        w.Text(".github/workflows/deep.yml", "on: push\njobs: " + Nest("[", "]", depth) + "\n");
        w.Text(".github/workflows/deep-map.yml", "on: push\njobs: " + Nest("{a: ", "}", depth) + "\n");
        w.Text("conda/environment.yml", "name: deep\ndependencies: " + Nest("[", "]", depth) + "\n");
        w.Text(".config/dotnet-tools.json", "{\"version\": 1, \"tools\": " + Nest("[", "]", depth) + "}\n");
        w.Text("data/deep.json", Nest("{\"a\":", "}", depth) + "\n");
        w.Text("notebooks/deep.ipynb", "{\"cells\": " + Nest("[", "]", depth) + ", \"nbformat\": 4}\n");
        w.Text("deep/pyproject.toml", "[project]\nname = \"deep\"\ndependencies = " + Nest("[", "]", depth) + "\n");
        w.Text("deep2/pyproject.toml", "[project]\nname = \"deep\"\n[tool.x]\na = " + Nest("{b = ", "}", 200) + "\n");
        w.Text("deep3/mlops-lint.toml", "x = " + Nest("[", "]", 100) + "\n");
        w.Text("deep/Pipfile", "[packages]\nx = " + Nest("[", "]", depth) + "\n");
        w.Text("src/deep_parens.py", "x = " + Nest("(", ")", depth) + "\n");
        w.Text("src/deep_lists.py", "import random\nrandom.seed(" + Nest("[", "]", depth) + ")\n");
        w.Text("src/deep_blocks.py", string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', i) + "if x:\n")) + new string(' ', 2_000) + "pass\n");
        w.Text("src/deep_fstring.py", "x = " + string.Concat(Enumerable.Repeat("f'{", 2_000)) + "1" + string.Concat(Enumerable.Repeat("}'", 2_000)) + "\n");
        w.Text("cs/DeepParens.cs", "using Microsoft.ML;\nclass P { MLContext c = new MLContext(); int F() => " + Nest("(", ")", Math.Min(depth, 100_000)) + "; }\n");
        w.Text("cs/DeepGenerics.cs", "class G { " + Nest("System.Collections.Generic.List<", ">", 10_000) + " f; }\n");
        w.Text("cs/DeepBlocks.cs", "class B { void F() " + Nest("{", "}", 10_000) + " }\n");
        w.Text("cs/LongBinary.cs", "using Microsoft.ML;\nclass L { MLContext c = new MLContext(); int F(int a) => a" + string.Concat(Enumerable.Repeat(" + a", r)) + "; }\n");
        w.Text("cs/DeepLambdas.cs", "class D { System.Func<int,int> f = " + string.Concat(Enumerable.Repeat("x => ", 10_000)) + "1; }\n");
        w.Text("cs/DeepIfs.cs", "class I { void F(bool b) { " + string.Concat(Enumerable.Repeat("if (b) ", 20_000)) + "return; } }\n");
        w.Text("Dockerfile.deep", "FROM python:3.11@sha256:" + new string('a', 64) + "\nRUN pip install \\\n" + string.Concat(Enumerable.Range(0, scale.ContinuationLines).Select(i => $"  pkg{i}==1.0 \\\n")) + "  scipy\n");

        // 3. glob worst cases: .gitattributes, .editorconfig, dvc.yaml, configuration and --exclude (the test passes one)
        w.Text(GlobVictim, "victim\n");
        w.Text("globs/" + GlobVictim, "victim\n");
        w.Text(".editorconfig", $"root = true\n[{GlobBomb(30)}]\ndotnet_diagnostic.MLO201.severity = none\n[{{{string.Join(",", Enumerable.Repeat("{a,b}", 30))}}}]\nindent_size = 2\n");
        w.Text("dvc.yaml", $"stages:\n  train:\n    cmd: python train.py\n    outs:\n      - \"{GlobBomb(30)}\"\n      - \"" + string.Concat(Enumerable.Repeat("${x}a", 30)) + "${y}b\"\n      - \"" + string.Concat(Enumerable.Repeat("**/", 30)) + "x\"\n");
        w.Text("mlops-lint.toml", $"exclude = [\"{GlobBomb(30)}\", \"{string.Concat(Enumerable.Repeat("**/a", 30))}\"]\n[per-file-ignores]\n\"{GlobBomb(30)}\" = [\"MLO2\"]\n");

        // 4. binary junk and broken encodings under text names
        var rnd = new Random(1919);
        w.Bytes("junk/requirements.txt", RandomBytes(rnd, 200_000));
        w.Bytes("junk/train.py", RandomBytes(rnd, 200_000));
        w.Bytes("junk/Dockerfile", RandomBytes(rnd, 50_000));
        w.Bytes("junk/pyproject.toml", RandomBytes(rnd, 50_000));
        w.Bytes("junk/notebook.ipynb", RandomBytes(rnd, 50_000));
        w.Bytes("junk/Junk.cs", RandomBytes(rnd, 50_000));
        w.Bytes("junk/workflow.yml", RandomBytes(rnd, 50_000));
        w.Bytes("enc/invalid_utf8.py", Encoding.UTF8.GetBytes("x = '").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80 }).Concat(Encoding.UTF8.GetBytes($"'\nTOKEN = \"{gh}\"\n")).ToArray());
        w.Bytes("enc/utf16le.py", new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes($"HF = \"{hf}\"\npath = '/home/alice/x'\n")).ToArray());
        w.Bytes("enc/utf16be_requirements.txt", new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes("numpy\npandas\n")).ToArray());
        w.Bytes("enc/utf16_nobom.py", Encoding.Unicode.GetBytes("import random\nrandom.random()\n"));
        w.Bytes("enc/lone_surrogate.py", Encoding.Unicode.GetBytes("x = '").Concat(new byte[] { 0x00, 0xD8, 0x41, 0x00 }).ToArray());
        w.Text("enc/nul.py", "x = 1\0\0\0\ny = '/home/alice'\n");
        w.Text("enc/bom.toml", "\uFEFF[project]\nname = \"x\"\ndependencies = [\"numpy\"]\n");
        w.Text("enc/cr_only.py", "import random\rrandom.random()\r");

        // 5. huge single lines (below the default size cap, so they are read) and regex worst cases
        w.Text("long/line.py", "x = '" + new string('A', scale.LongLineBytes) + "'\n");
        w.Text("long/requirements.txt", "numpy" + new string(' ', scale.LongLineBytes / 2) + "#\n");
        w.Text("regex/base64.py", "k = '" + string.Concat(Enumerable.Repeat("aB3+/", 4 * r)) + "'\n");
        w.Text("regex/prefixes.py", string.Concat(Enumerable.Repeat("ghp_sk-hf_AKIAxoxb-npm_dapi", r)) + "\n");
        w.Text("regex/urls.py", "u = '" + string.Concat(Enumerable.Repeat("https://a:b@", r)) + "'\n");
        w.Text("regex/pem.txt", string.Concat(Enumerable.Repeat("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n", r / 2)));
        w.Text("regex/assignments.env", string.Concat(Enumerable.Repeat("password=password=password=", r)) + "\n");
        w.Text("regex/paths.py", "p = '" + string.Concat(Enumerable.Repeat("/home/", 2 * r)) + "'\n");
        w.Text("regex/quotes.py", string.Concat(Enumerable.Repeat("\"\"\"'''", 2 * r)) + "\n");
        w.Text("regex/escapes.cs", "class E { string s = \"" + string.Concat(Enumerable.Repeat("\\u0041", 2 * r)) + "\"; }\n");
        w.Text("regex/version.txt", "numpy==" + string.Concat(Enumerable.Repeat("1.", 2 * r)) + "0\n");

        // 6. YAML anchor bombs and include cycles
        var bomb = new StringBuilder("on: push\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) bomb.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        bomb.Append("jobs: *a11\n");
        w.Text(".github/workflows/bomb.yml", bomb.ToString());
        w.Text("conda/bomb/environment.yml", bomb.ToString().Replace("on: push\n", "name: bomb\n").Replace("jobs: *a11", "dependencies: *a11"));
        w.Text("cycle/requirements.txt", "-r requirements-dev.txt\n-r requirements.txt\n-c constraints.txt\nnumpy\n");
        w.Text("cycle/requirements-dev.txt", "-r requirements.txt\n-r ../cycle/./requirements-dev.txt\npytest\n");
        w.Text("cycle/constraints.txt", "-c constraints.txt\n-r requirements.txt\n");
        w.Text("cycle/requirements-escape.txt", "-r ../../../../../../../../etc/passwd\n-r /dev/zero\n-r /proc/self/fd/0\n");

        // 7. zip bombs and broken archives named as models
        w.Bytes("models/bomb.pt", ZipBomb(200_000_000));
        w.Bytes("models/many.keras", ManyEntries(20_000));
        w.Bytes("models/truncated.pt", ZipBomb(1_000_000).Take(3_000).ToArray());
        w.Bytes("models/nested.npz", Zip(("inner.zip", ZipBomb(50_000_000))));
        w.Bytes("models/fake.safetensors", BitConverter.GetBytes(long.MaxValue).Concat(Encoding.UTF8.GetBytes("{\"a\":")).ToArray());
        w.Bytes("models/huge_header.safetensors", BitConverter.GetBytes(100_000_000L).Concat(Encoding.UTF8.GetBytes(Nest("{\"a\":", "}", 10_000))).ToArray());
        w.Bytes("models/model.pkl", new byte[] { 0x80, 0x04, 0x95 }.Concat(RandomBytes(rnd, 1000)).ToArray());
        w.Bytes("models/model.onnx", Enumerable.Repeat((byte)0x0A, 100_000).ToArray());

        // 8. odd file names
        w.Text("odd/-rf.py", "import random\nrandom.random()\n");
        w.Text("odd/with space and 'quote\".py", "x = '/home/alice/y'\n");
        w.Text("odd/ünïcödé ファイル.py", "x = '/Users/bob/z'\n");
        w.Text("odd/%s%n%x:*?.txt", "x\n");
        w.Text("odd/back\\slash.py", "x = 1\n");
        w.Text("odd/new\nline.py", "x = '/home/alice/z'\n");
        w.Text("odd/tab\tname.py", "x = 1\n");
        w.Text("odd/" + new string('n', 240) + ".py", "x = 1\n");
        w.Text("odd/.hidden.py", "x = '/home/alice/h'\n");
        w.Text("odd/requirements.txt.", "numpy\n");
        w.Text("odd/::error title=x::.py", "x = 1\n");
        w.Text("odd/<script>.py", "x = 1\n");
        w.Text("empty/requirements.txt", "");
        w.Text("empty/pyproject.toml", "");
        w.Text("empty/notebook.ipynb", "");
        w.Text("empty/Dockerfile", "");
        w.Text("empty/.github/workflows/empty.yml", "");

        // 9. malformed manifests and configuration
        w.Text("bad/pyproject.toml", "[project\nname = = \"x\"\n[project]\n[project]\ndependencies = \"not a list\"\n");
        w.Text("bad2/pyproject.toml", "[project]\nname = \"x\"\ndependencies = [1, 2, {a = 3}]\noptional-dependencies = [\"x\"]\n[tool.poetry.dependencies]\npython = 3\n");
        w.Text("bad3/pyproject.toml", "[tool.poetry]\nname = 1\n[tool.poetry.dependencies]\nnumpy = { version = 5, extras = 7 }\n[tool.poetry.group.dev]\ndependencies = 3\n");
        w.Text("bad/setup.cfg", "[options]\ninstall_requires =\n    numpy\n    [broken\n");
        w.Text("bad/Pipfile", "[packages]\nnumpy = {version = [1]}\n[requires]\npython_version = {}\n");
        w.Text("bad/environment.yml", "name: [\ndependencies:\n  - {{{\n");
        w.Text("bad/global.json", "{\"sdk\": {\"version\": {\"x\": [1]}}}\n");
        w.Text("bad/Bad.csproj", "<Project><ItemGroup><PackageReference Include=\"A\" Version=\"[1.0,\" /><PackageReference Version=\"*\" /></ItemGroup><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n");
        w.Text("bad/Directory.Packages.props", "<Project><ItemGroup><PackageVersion Include=\"A\" Version=\"$(A)\" /></ItemGroup><PropertyGroup><A>$(A)</A></PropertyGroup></Project>\n");
        w.Text("bad/.github/workflows/bad.yml", "on: [push\njobs:\n  x:\n    steps:\n      - uses:\n      - uses: [a]\n      - uses: {b: c}\n      - uses: @@@\n");
        w.Text("bad/dvc.yaml", "stages: [1, 2, {outs: 3}]\n");
        w.Text("bad/dvc.lock", "\t: : :\n");
        w.Text("bad/notebook.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": 42, \"outputs\": \"x\"}], \"nbformat\": \"4\"}\n");
        w.Text("bad/truncated.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import random\\n\", \"random.rand");
        w.Text("bad/Dockerfile", "FROM\nFROM --platform=\nRUN \\\nARG x=${x:-${x:-${x}}}\nFROM ${x}\nCOPY --from= . .\n");
        w.Text("bad/broken.py", "def f(:\n  x = [\n\"unterminated\n'''\n");
        w.Text("bad/.python-version", "not a version\n");
        w.Text("bad/requirements.txt", "numpy===\n-r\n-e\n--hash\n@ @ @\nx[ ; python_version <\n==1.0\n-r nonexistent.txt\n");
        w.Text("bad/.gitattributes", "[attr]x -text\n\"unterminated filter=lfs\n!neg filter=lfs\n*.pt filter\n");
        w.Text("bad/.editorconfig", "[*\ndotnet_diagnostic.MLO201.severity\n[{]\n[[[]]]\n");

        // 10. many files
        for (int i = 0; i < scale.ManyFiles; i++)
        {
            w.Text($"many/d{i / 500:D3}/f{i:D5}.py", i % 97 == 0 ? "import random\nrandom.random()\n" : "x = 1\n");
        }
    }

    /// <summary>Builds the corpus as a git repository: an empty commit tagged <c>base</c>, then everything committed with old timestamps (so neither git nor
    /// libgit2 re-reads a file to learn whether it changed), then the .gitattributes worst case committed on its own —
    /// git's own wildmatch is exponential on it too (12 "*a" groups against the victim: minutes of CPU in
    /// <c>git check-attr</c>), so git must never have to match it against the victim — then the untracked special
    /// files.</summary>
    public static IReadOnlyList<string> CreateRepository(string root, HostileScale scale)
    {
        Directory.CreateDirectory(root);
        Build(root, scale);
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, old);
        Git(root, "init", "-q", "-b", "main");
        // an empty first commit, tagged: --new-from-rev base finds every file of the corpus new and every line added
        Git(root, "commit", "-q", "--allow-empty", "-m", "base");
        Git(root, "tag", "base");
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "hostile corpus");
        File.WriteAllText(Path.Combine(root, ".gitattributes"), $"{GlobBomb(30)} filter=lfs diff=lfs merge=lfs -text\n*.pt filter=lfs diff=lfs merge=lfs -text\n");
        Git(root, "add", ".gitattributes");
        Git(root, "commit", "-q", "-m", "attributes");
        // a tracked file replaced by a FIFO in the work tree: git lists it, so the scan must refuse to open it
        File.Delete(Path.Combine(root, "serving", "requirements.txt"));
        TempRepo.RunIn(root, "mkfifo", "serving/requirements.txt");
        return AddSpecialFiles(root).Append("serving/requirements.txt").ToArray();
    }

    private static void Git(string root, params string[] args) =>
        TempRepo.RunIn(root, "git", new[] { "-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null" }.Concat(args).ToArray());

    /// <summary>The parts git cannot hold: symlink loops, links out of the repository, FIFOs, sockets, device links,
    /// an unreadable file. Added after the commit, so they are untracked files of the working tree.</summary>
    public static IReadOnlyList<string> AddSpecialFiles(string root)
    {
        var made = new List<string>();
        void Link(string rel, string target)
        {
            string full = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.CreateSymbolicLink(full, target);
            made.Add(rel);
        }
        Link("links/loop_a", "loop_b");
        Link("links/loop_b", "loop_a");
        Link("links/self", "self");
        Link("links/parent", "..");
        Link("links/passwd.txt", "/etc/passwd");
        Link("links/zero_requirements.txt", "/dev/zero");
        Link("links/pyproject.toml", "/dev/zero");
        Link("links/outside", "/");
        Link("links/dangling.py", "does/not/exist.py");
        foreach (string fifo in new[] { "special/fifo.py", "special/requirements.txt", "special/pyproject.toml", "special/.editorconfig", "special/Dockerfile" })
        {
            Directory.CreateDirectory(Path.Combine(root, Path.GetDirectoryName(fifo)!));
            TempRepo.RunIn(root, "mkfifo", fifo);
            made.Add(fifo);
        }
        // a socket left behind by a process that has ended (.NET removes its own socket files on close; Python does not)
        TempRepo.RunIn(root, "python3", "-c", "import socket; socket.socket(socket.AF_UNIX).bind('special/socket.py')");
        made.Add("special/socket.py");
        string unreadable = Path.Combine(root, "special", "unreadable.py");
        File.WriteAllText(unreadable, "x = '/home/alice/secret'\n");
        File.SetUnixFileMode(unreadable, UnixFileMode.None);
        made.Add("special/unreadable.py");
        Directory.CreateDirectory(Path.Combine(root, "special", "locked"));
        File.WriteAllText(Path.Combine(root, "special", "locked", "a.py"), "x = 1\n");
        File.SetUnixFileMode(Path.Combine(root, "special", "locked"), UnixFileMode.None);
        return made;
    }

    /// <summary>Undoes what stops a temp folder from being deleted (a directory without permissions).</summary>
    public static void Unlock(string root)
    {
        string locked = Path.Combine(root, "special", "locked");
        if (Directory.Exists(locked)) File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static string Nest(string open, string close, int depth)
    {
        var sb = new StringBuilder((open.Length + close.Length) * depth + 1);
        for (int i = 0; i < depth; i++) sb.Append(open);
        sb.Append('1');
        for (int i = 0; i < depth; i++) sb.Append(close);
        return sb.ToString();
    }

    private static byte[] RandomBytes(Random rnd, int n)
    {
        var b = new byte[n];
        rnd.NextBytes(b);
        return b;
    }

    private static byte[] ZipBomb(long zeros)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            var e = zip.CreateEntry("archive/data.pkl", CompressionLevel.Fastest);
            using var s = e.Open();
            var block = new byte[1 << 20];
            for (long done = 0; done < zeros; done += block.Length) s.Write(block, 0, (int)Math.Min(block.Length, zeros - done));
        }
        return ms.ToArray();
    }

    private static byte[] ManyEntries(int n)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            for (int i = 0; i < n; i++) zip.CreateEntry($"variables/{i}.bin", CompressionLevel.NoCompression);
        }
        return ms.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                s.Write(data);
            }
        }
        return ms.ToArray();
    }

    private sealed class Writer
    {
        private readonly string root;

        public Writer(string root) => this.root = root;

        public void Text(string rel, string text) => Bytes(rel, new UTF8Encoding(false).GetBytes(text));

        public void Bytes(string rel, byte[] bytes)
        {
            string full = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }
}
