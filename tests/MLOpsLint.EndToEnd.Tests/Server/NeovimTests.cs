using System.Diagnostics;
using System.Text.Json;

namespace MLOpsLint.EndToEnd.Tests.Server;

/// <summary>
/// mlops-lint server in a real editor: Neovim's built-in LSP client (Debian's neovim 0.7.2, headless, .ci/run installs
/// it), driven by tests/nvim/lsp_test.lua on a real git repository; the test reads what Neovim holds as diagnostics.
/// </summary>
[Collection("language server")]
public sealed class NeovimTests
{
    [Fact]
    public void Neovim_shows_the_findings_of_open_files_and_drops_them_when_the_user_fixes_the_line()
    {
        Assert.True(File.Exists("/usr/bin/nvim") || Which("nvim") != null, "neovim is not installed: apt-get install neovim (.ci/run does it)");
        using var repo = ServerRepos.MlProject();
        repo.Write("evaluate.py", "from sklearn.model_selection import train_test_split\nX_train, X_test = train_test_split(X, y, random_state=1)\n");
        repo.Commit("evaluate");
        string output = Path.Combine(repo.Root, "..", Guid.NewGuid().ToString("N") + ".json");
        var psi = new ProcessStartInfo("nvim") { WorkingDirectory = repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--clean", "-u", Path.Combine(LspClients.Root, "tests", "nvim", "lsp_test.lua") }) psi.ArgumentList.Add(a);
        psi.Environment["MLOPS_ROOT"] = repo.Root;
        psi.Environment["MLOPS_OUT"] = output;
        psi.Environment["MLOPS_LINT_SERVER"] = JsonSerializer.Serialize(new[] { "dotnet", LspClients.ServerDll, "server" });
        var (code, stdout, stderr) = LspClients.Run(psi, TimeSpan.FromMinutes(3));
        Assert.True(code == 0 && File.Exists(output), $"nvim failed ({code}): {stdout}{stderr}");
        var r = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
        File.Delete(output);
        Assert.Equal(0, r.GetProperty("errors").GetArrayLength());

        Assert.True(r.GetProperty("waited_train").GetBoolean(), "no diagnostics for train.py");
        var train = r.GetProperty("train").EnumerateArray().Single();
        Assert.Equal("MLO301", train.GetProperty("code").GetString());
        Assert.Equal("mlops-lint", train.GetProperty("source").GetString());
        Assert.Equal((2, 18, 2, 40), (train.GetProperty("lnum").GetInt32(), train.GetProperty("col").GetInt32(), train.GetProperty("end_lnum").GetInt32(), train.GetProperty("end_col").GetInt32()));
        Assert.Equal(2, train.GetProperty("severity").GetInt32()); // vim.diagnostic.severity.WARN
        Assert.Equal("https://github.com/mlops-lint/mlops-lint/blob/main/rules/MLO301.md", train.GetProperty("href").GetString());

        var reqs = r.GetProperty("requirements").EnumerateArray().ToArray();
        Assert.Equal(new[] { "'numpy' in requirements.txt has no version", "'pandas' in requirements.txt is not pinned to one version (>=2.0)" },
            reqs.Select(d => d.GetProperty("message").GetString()));

        Assert.True(r.GetProperty("waited_clean").GetBoolean(), "evaluate.py was never checked");
        Assert.Equal(0, r.GetProperty("clean").GetArrayLength());

        Assert.True(r.GetProperty("waited_fix").GetBoolean(), "the finding stayed after random_state was typed");
        Assert.Equal(0, r.GetProperty("train_after_edit").GetArrayLength());
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
