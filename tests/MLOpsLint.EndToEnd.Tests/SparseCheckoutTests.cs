using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>Issue 13, point 5: a tracked file missing from the work tree is judged from its index blob or named as skipped,
/// never silently dropped. Real repositories: a sparse checkout (judged from the index, under the tracked path), a file
/// deleted in the work tree and a partial clone (named as not scanned, on stderr, in JSON and in SARIF).</summary>
public class SparseCheckoutTests
{
    // pickle.dumps({'w': [1, 2, 3]}, protocol=4): a real pickle stream
    private static readonly byte[] Pickle = Convert.FromHexString("80049512000000000000007d948c0177945d94284b014b024b0365732e");

    private static readonly string Token = FakeSecrets.HuggingFace();

    /// <summary>A training script in src/, a committed model and a token outside it, and their harmless look-alikes (a
    /// README beside the model, a settings module that reads the token from the environment).</summary>
    private static TempRepo Repository()
    {
        var repo = TempRepo.Git();
        repo.Write("src/train.py", "import os\n\nEPOCHS = 3\n");
        repo.Write("models/model.pkl", Pickle);
        repo.Write("models/README.md", "# Models\n\nTrained weights live in the model registry.\n");
        repo.Write("config/settings.py", $"HF_TOKEN = \"{Token}\"\n");
        repo.Write("config/env.py", "import os\n\nHF_TOKEN = os.environ[\"HF_TOKEN\"]\n");
        repo.Commit();
        return repo;
    }

    private static (string Rule, string Path)[] Findings(CliResult r) =>
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("path").GetString()!))
            .Where(f => f.Item1 is "MLO102" or "MLO401").OrderBy(f => f.Item2, StringComparer.Ordinal).ToArray();

    private static string[] JsonDiagnostics(CliResult r) =>
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()!).ToArray();

    private static string[] SarifNotifications(CliResult r) =>
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")
            .EnumerateArray().Select(n => n.GetProperty("message").GetProperty("text").GetString()!).ToArray();

    [Fact]
    public void A_model_and_a_token_outside_the_sparse_cone_are_reported_under_their_tracked_paths()
    {
        using var repo = Repository();
        var full = CliRunner.InProcess("scan", repo.Root, "--format", "json");
        Assert.Equal(new[] { ("MLO401", "config/settings.py"), ("MLO102", "models/model.pkl") }, Findings(full));

        repo.Run("git", "sparse-checkout", "set", "src");
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "models")));
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "config")));
        var sparse = CliRunner.InProcess("scan", repo.Root, "--format", "json");
        Assert.Equal(1, sparse.ExitCode);
        // the same findings as the full checkout; the look-alikes beside them stay silent there too
        Assert.Equal(Findings(full), Findings(sparse));
        Assert.Equal(new[] { "4 tracked files outside the sparse checkout were judged from the index: config/env.py, config/settings.py, models/README.md, models/model.pkl" },
            JsonDiagnostics(sparse));
        // the secret is still redacted, and the code frame comes from the blob
        Assert.DoesNotContain(Token, sparse.Stdout);
        var text = CliRunner.InProcess("scan", repo.Root, "--no-color");
        Assert.Contains("config/settings.py:1:13: error MLO401", text.Stdout);
        Assert.Contains("  1 | HF_TOKEN = \"hf_", text.Stdout);

        // --fix never writes a file the sparse checkout keeps out
        repo.Run("git", "sparse-checkout", "disable");
        repo.Write("scripts/split.py", "from sklearn.model_selection import train_test_split\n\nparts = train_test_split(X, y)\n");
        repo.Commit("split");
        repo.Run("git", "sparse-checkout", "set", "src");
        Assert.False(File.Exists(Path.Combine(repo.Root, "scripts", "split.py")));
        var fix = CliRunner.InProcess("scan", repo.Root, "--fix", "--select", "MLO301");
        Assert.False(File.Exists(Path.Combine(repo.Root, "scripts", "split.py")));
        Assert.Contains("not fixed: scripts/split.py: not in the work tree (outside the sparse checkout): judged from the index, not written", fix.Stderr);
        Assert.Contains("scripts/split.py:3", fix.Stdout);
    }

    [Fact]
    public void A_file_deleted_in_the_work_tree_is_named_and_not_judged_on_stderr_in_json_and_in_sarif()
    {
        using var repo = Repository();
        File.Delete(Path.Combine(repo.Root, "config", "settings.py"));
        const string named = "1 tracked file is not in the work tree and was not scanned: config/settings.py (deleted, the deletion not staged)";

        var text = CliRunner.InProcess("scan", repo.Root);
        Assert.Contains("mlops-lint: warning: " + named, text.Stderr);
        var json = CliRunner.InProcess("scan", repo.Root, "--format", "json");
        Assert.Equal(new[] { ("MLO102", "models/model.pkl") }, Findings(json));
        Assert.Equal(new[] { named }, JsonDiagnostics(json));
        var sarif = CliRunner.InProcess("scan", repo.Root, "--format", "sarif");
        Assert.Equal(new[] { named + "." }, SarifNotifications(sarif));
    }

    [Fact]
    public void A_partial_clone_names_the_files_whose_blobs_it_lacks_and_fetches_nothing()
    {
        using var origin = Repository();
        origin.Run("git", "config", "uploadpack.allowFilter", "true");
        using var clone = TempRepo.Folder();
        TempRepo.RunIn(clone.Root, "git", "clone", "-q", "--filter=blob:none", "--no-checkout", new Uri(origin.Root).AbsoluteUri, ".");
        clone.Run("git", "sparse-checkout", "set", "src");
        clone.Run("git", "checkout", "-q", "main");
        Assert.True(File.Exists(Path.Combine(clone.Root, "src", "train.py")));
        string objectsBefore = clone.Run("git", "count-objects", "-v");

        var json = CliRunner.InProcess("scan", clone.Root, "--format", "json");
        const string named = "4 tracked files are not in the work tree and were not scanned: config/env.py, config/settings.py, models/README.md, "
            + "models/model.pkl (blob not in the object store: a partial clone, or a clone without them)";
        Assert.Empty(Findings(json));
        Assert.Equal(new[] { named }, JsonDiagnostics(json));
        Assert.Contains("mlops-lint: warning: " + named, CliRunner.InProcess("scan", clone.Root).Stderr);
        Assert.Equal(new[] { named + "." }, SarifNotifications(CliRunner.InProcess("scan", clone.Root, "--format", "sarif")));
        // nothing was fetched from the promisor remote
        Assert.Equal(objectsBefore, clone.Run("git", "count-objects", "-v"));
    }
}
