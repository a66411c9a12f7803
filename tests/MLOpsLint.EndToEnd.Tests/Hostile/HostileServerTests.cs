using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Server;

namespace MLOpsLint.EndToEnd.Tests.Hostile;

/// <summary>
/// The language server over the hostile corpus (<see cref="HostileCorpus"/>), through the repository's real LSP client
/// (tests/lsp-client/hostile.mjs): the workspace scan of the whole corpus, then hostile files opened as an editor opens
/// them. Asserted: every opened file gets its diagnostics (the client waits for each; a hang fails the script), the
/// files too deeply nested to parse are named in the server's log, no internal error, no planted secret in any
/// diagnostic, log message or stderr line, the server shuts down when asked, and a second session publishes the same.
/// </summary>
[Collection("language server")]
public sealed class HostileServerTests
{
    private static readonly string[] Opened =
    {
        "train.py", "requirements.txt", "Dockerfile", "Dockerfile.deep", "src/deep_parens.py", "src/deep_lists.py", "long/line.py",
        "regex/quotes.py", "regex/prefixes.py", "enc/invalid_utf8.py", "enc/utf16le.py", "notebooks/deep.ipynb", "notebooks/eda.ipynb",
        ".github/workflows/deep.yml", ".github/workflows/bomb.yml", "conda/environment.yml", "cs/DeepParens.cs", "cs/LongBinary.cs",
        "deep/pyproject.toml", "junk/train.py", "odd/ünïcödé ファイル.py",
    };

    [Fact]
    public void Hostile_files_opened_in_the_editor_get_diagnostics_or_a_named_skip_and_leak_nothing()
    {
        string root = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "hostile-server-" + Guid.NewGuid().ToString("N"));
        HostileCorpus.CreateRepository(root, HostileScale.Test with { ManyFiles = 100 });
        try
        {
            var first = LspClients.Node("hostile.mjs", root, Opened);
            var second = LspClients.Node("hostile.mjs", root, Opened);

            Assert.True(first.GetProperty("settled").GetBoolean(), "the server never finished its repository checks");
            Assert.Equal(0, first.GetProperty("exitCode").GetInt32());
            var opened = first.GetProperty("opened");
            foreach (var f in Opened) Assert.True(opened.TryGetProperty(f, out _), $"{f} got no diagnostics");

            var diagnostics = first.GetProperty("diagnostics");
            string[] Codes(string file) => diagnostics.GetProperty(file).EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToArray();
            Assert.Contains("MLO401", Codes("train.py"));
            Assert.Contains("MLO211", Codes("requirements.txt")); // its message quotes a VCS URL that holds a token
            Assert.Contains("MLO205", Codes("Dockerfile.deep"));

            string logs = string.Join("\n", first.GetProperty("logs").EnumerateArray().Select(l => l.GetString()));
            foreach (var skipped in new[] { ".github/workflows/deep.yml: warning: ", "notebooks/deep.ipynb: warning: " })
            {
                Assert.Contains(skipped, logs);
            }
            string all = first.GetRawText();
            Assert.DoesNotContain("internal error", all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("bug in mlops-lint", all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Stack overflow", all, StringComparison.Ordinal);
            HostileRepositoryTests.AssertNoSecret("language server", all);

            // the same files, the same diagnostics
            Assert.Equal(diagnostics.GetRawText(), second.GetProperty("diagnostics").GetRawText());
        }
        finally
        {
            HostileCorpus.Unlock(root);
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception)
            {
                // best effort
            }
        }
    }
}
