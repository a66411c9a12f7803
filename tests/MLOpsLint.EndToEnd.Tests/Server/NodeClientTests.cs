using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Server;

/// <summary>
/// mlops-lint server driven by a client built on vscode-languageserver-protocol / vscode-jsonrpc (the library under VS
/// Code's own language client), on real git repositories: notebook sync, code actions, configuration reload and
/// cross-file state. The scenario scripts in tests/lsp-client report what the client received; the assertions are here.
/// </summary>
[Collection("language server")]
public sealed class NodeClientTests
{
    [Fact]
    public void Notebook_cells_get_their_own_diagnostics_at_cell_positions_and_follow_edits_and_new_cells()
    {
        using var repo = ServerRepos.MlProject();
        // the notebook as saved: the same cells, and a 1.5 MB plot in cell 3's outputs (which LSP does not send)
        string png = Convert.ToBase64String(Enumerable.Range(0, 1_100_000).Select(i => (byte)(i * 31 % 251)).ToArray());
        var saved = new
        {
            cells = new object[]
            {
                new { cell_type = "code", execution_count = 1, metadata = new { }, outputs = Array.Empty<object>(), source = new[] { "import pandas as pd\n", "!pip install torch\n" } },
                new { cell_type = "markdown", metadata = new { }, source = new[] { "# Training\n", "The split below." } },
                new
                {
                    cell_type = "code", execution_count = 2, metadata = new { },
                    outputs = new object[] { new { output_type = "display_data", metadata = new { }, data = new Dictionary<string, string> { ["image/png"] = png, ["text/plain"] = "<Figure>" } } },
                    source = new[] { "from sklearn.model_selection import train_test_split\n", "X_train, X_test = train_test_split(X, y)\n" },
                },
            },
            metadata = new { },
            nbformat = 4,
            nbformat_minor = 5,
        };
        repo.Write("explore.ipynb", JsonSerializer.Serialize(saved, new JsonSerializerOptions { WriteIndented = true }));
        repo.Commit("notebook");
        var r = LspClients.Node("notebook.mjs", repo.Root);
        Assert.Equal("jupyter-notebook", r.GetProperty("capability").GetProperty("notebookSelector")[0].GetProperty("notebook").GetProperty("notebookType").GetString());
        string Cell(int n) => $"vscode-notebook-cell:{Path.Combine(repo.Root, "explore.ipynb")}#cell{n}";
        var opened = r.GetProperty("opened");

        // cell 1 line 2 (0-based 1): "!pip install torch" -> MLO212 on "torch", columns in the cell's own text
        var c1 = Single(opened.GetProperty(Cell(1)));
        Assert.Equal("MLO212", c1.GetProperty("code").GetString());
        AssertRange(c1, 1, 13, 1, 18);
        Assert.EndsWith("/rules/MLO212.md", c1.GetProperty("href").GetString());
        // the markdown cell says nothing, though its text mentions a split
        Assert.Equal(0, opened.GetProperty(Cell(2)).GetArrayLength());
        var c3 = opened.GetProperty(Cell(3)).EnumerateArray().ToArray();
        Assert.Equal(new[] { "MLO106", "MLO301" }, c3.Select(d => d.GetProperty("code").GetString()).OrderBy(c => c, StringComparer.Ordinal));
        AssertRange(c3.Single(d => d.GetProperty("code").GetString() == "MLO301"), 1, 18, 1, 40);
        // the saved outputs' finding is on the cell that has them, at its start
        AssertRange(c3.Single(d => d.GetProperty("code").GetString() == "MLO106"), 0, 0, 0, 0);

        // random_state added by an incremental change inside the cell: the seed finding goes; the cell keeps its outputs
        Assert.Equal(new[] { "MLO106" }, r.GetProperty("edited").EnumerateArray().Select(d => d.GetProperty("code").GetString()));

        // a cell inserted above: its own finding at its own position; cell 1's finding stays on cell 1
        var c0 = Single(r.GetProperty("inserted"));
        Assert.Equal("MLO501", c0.GetProperty("code").GetString());
        AssertRange(c0, 0, 18, 0, 44);
        var after = Single(r.GetProperty("firstAfterInsert"));
        Assert.Equal("MLO212", after.GetProperty("code").GetString());
        AssertRange(after, 1, 13, 1, 18);

        // closing the notebook clears its cells
        Assert.Equal(0, r.GetProperty("closed").GetArrayLength());
    }

    [Fact]
    public void Code_actions_offer_the_cli_fix_noqa_the_rule_page_and_a_pin_only_where_the_version_is_known()
    {
        using var repo = ServerRepos.MlProject();
        var r = LspClients.Node("code-actions.mjs", repo.Root, "train.py", "requirements.txt");

        var train = r.GetProperty("train.py");
        var split = Single(train.GetProperty("entries"));
        var actions = split.GetProperty("actions").EnumerateArray().ToArray();
        var fix = actions.Single(a => a.GetProperty("isPreferred").GetBoolean());
        Assert.Equal("MLO301: add random_state=42 to train_test_split(...)", fix.GetProperty("title").GetString());
        Assert.Equal(ServerRepos.Train.Replace("train_test_split(X, y)", "train_test_split(X, y, random_state=42)"), fix.GetProperty("result").GetString());
        var noqa = actions.Single(a => a.GetProperty("title").GetString()!.StartsWith("Suppress", StringComparison.Ordinal));
        Assert.Equal(ServerRepos.Train.Replace("train_test_split(X, y)\n", "train_test_split(X, y)  # noqa: MLO301\n"), noqa.GetProperty("result").GetString());
        var page = actions.Single(a => a.GetProperty("command").ValueKind == JsonValueKind.Object);
        Assert.Equal("mlops-lint.openRulePage", page.GetProperty("command").GetProperty("command").GetString());
        // the editor applied the fix: nothing left
        Assert.Equal(0, train.GetProperty("afterFix").GetArrayLength());
        // executing the command asked the editor to open the page in the browser
        var shown = Single(r.GetProperty("shown"));
        Assert.Equal("https://github.com/mlops-lint/mlops-lint/blob/main/rules/MLO301.md", shown.GetProperty("uri").GetString());
        Assert.True(shown.GetProperty("external").GetBoolean());

        var reqs = r.GetProperty("requirements.txt").GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(2, reqs.Length);
        // numpy is installed in .venv (1.26.4): a pin is offered and writes it
        var numpyPin = reqs[0].GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString()!.StartsWith("Pin", StringComparison.Ordinal));
        Assert.Equal("numpy==1.26.4\npandas>=2.0\n", numpyPin.GetProperty("result").GetString());
        // pandas is neither installed nor locked: no pin, only noqa and the page
        Assert.DoesNotContain(reqs[1].GetProperty("actions").EnumerateArray(), a => a.GetProperty("title").GetString()!.StartsWith("Pin", StringComparison.Ordinal));
        Assert.Equal("numpy\npandas>=2.0  # noqa: MLO201\n",
            reqs[1].GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString()!.StartsWith("Suppress", StringComparison.Ordinal)).GetProperty("result").GetString());
    }

    [Fact]
    public void A_finding_reads_the_same_in_the_editor_as_in_the_terminal()
    {
        using var repo = ServerRepos.MlProject();
        var r = LspClients.Node("code-actions.mjs", repo.Root, "train.py", "requirements.txt", "Dockerfile");
        var terminal = CliRunner.InProcess("scan", repo.Root, "-q", "--no-color").Stdout
            .Split('\n').Where(l => l.StartsWith("train.py:", StringComparison.Ordinal) || l.StartsWith("requirements.txt:", StringComparison.Ordinal) || l.StartsWith("Dockerfile:", StringComparison.Ordinal))
            .ToArray();
        var editor = new List<string>();
        foreach (var file in new[] { "train.py", "requirements.txt", "Dockerfile" })
        {
            foreach (var e in r.GetProperty(file).GetProperty("entries").EnumerateArray())
            {
                var start = e.GetProperty("range").GetProperty("start");
                string severity = e.GetProperty("severity").GetInt32() switch { 1 => "error", 2 => "warning", _ => "suggestion" };
                editor.Add($"{file}:{start.GetProperty("line").GetInt32() + 1}:{start.GetProperty("character").GetInt32() + 1}: {severity} {e.GetProperty("code").GetString()} {e.GetProperty("message").GetString()}");
            }
        }
        Assert.Equal(4, terminal.Length);
        Assert.Equal(terminal.OrderBy(x => x, StringComparer.Ordinal), editor.OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public void Configuration_files_and_cross_file_state_are_reloaded_when_files_change_on_disk()
    {
        using var repo = ServerRepos.MlProject();
        var r = LspClients.Node("config-reload.mjs", repo.Root);
        var steps = r.GetProperty("steps");
        var initial = steps.GetProperty("initial");
        Assert.Equal("MLO301", Single(initial.GetProperty("train")).GetProperty("code").GetString());
        // the mismatch in the Dockerfile points at the other side in pyproject.toml
        var mismatch = Single(initial.GetProperty("docker"));
        Assert.Equal("MLO601", mismatch.GetProperty("code").GetString());
        var related = Single(mismatch.GetProperty("related"));
        Assert.Equal(new Uri(Path.Combine(repo.Root, "pyproject.toml")).AbsoluteUri, related.GetProperty("uri").GetString());
        Assert.Equal(3, related.GetProperty("line").GetInt32());
        // committed data shows on the data file itself when it is open
        Assert.Equal("MLO101", Single(initial.GetProperty("data")).GetProperty("code").GetString());

        // mlops-lint.toml ignore = ["MLO301"]: gone; deleted again: back
        Assert.Equal(0, steps.GetProperty("ignored").GetArrayLength());
        Assert.Equal("MLO301", Single(steps.GetProperty("trainAgain")).GetProperty("code").GetString());
        // .editorconfig severity = error: the editor gets an Error (1), as the terminal would print "error"
        Assert.Equal(1, Single(steps.GetProperty("severity")).GetProperty("severity").GetInt32());
        // pyproject.toml (not open) changed on disk so that 3.9 is allowed: the Dockerfile's finding goes
        Assert.Equal(0, steps.GetProperty("fixedOtherSide").GetArrayLength());
        // a new LFS pattern for *.csv: the committed CSV is an LFS path stored as a blob (the disk state, not the editor's)
        Assert.Contains(steps.GetProperty("lfs").EnumerateArray(), d => d.GetProperty("code").GetString() == "MLO104");

        // the workspace scans reported $/progress begin ... end
        var kinds = r.GetProperty("progress").EnumerateArray().Select(k => k.GetString()).ToArray();
        Assert.Equal("begin", kinds[0]);
        Assert.Equal(kinds.Count(k => k == "begin"), kinds.Count(k => k == "end"));
    }

    [Fact]
    public void A_burst_of_keystrokes_is_checked_once_it_settles_and_the_last_version_wins()
    {
        using var repo = ServerRepos.MlProject();
        var r = LspClients.Node("debounce.mjs", repo.Root);
        int edits = r.GetProperty("edits").GetInt32();
        var published = r.GetProperty("publishedVersions").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.True(published.Length <= edits / 4, $"{published.Length} publications for {edits} keystrokes: {string.Join(",", published)}");
        Assert.Equal(edits + 1, published[^1]);
        Assert.Equal(edits + 1, r.GetProperty("lastPublished").GetInt32());
        Assert.Equal(new[] { "MLO301" }, r.GetProperty("final").EnumerateArray().Select(c => c.GetString()));
    }

    private static JsonElement Single(JsonElement array)
    {
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        Assert.True(array.GetArrayLength() == 1, "expected one element: " + array);
        return array[0];
    }

    private static void AssertRange(JsonElement d, int startLine, int startChar, int endLine, int endChar)
    {
        var range = d.GetProperty("range");
        Assert.Equal((startLine, startChar, endLine, endChar), (
            range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(),
            range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));
    }
}
