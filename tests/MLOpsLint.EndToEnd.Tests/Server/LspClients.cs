using System.Diagnostics;
using System.Text.Json;

namespace MLOpsLint.EndToEnd.Tests.Server;

/// <summary>Runs the real LSP clients against <c>mlops-lint server</c> (this build's mlops-lint.dll): the Node client in
/// tests/lsp-client (npm ci by scripts/test.sh and .ci/run) and Neovim's built-in client.</summary>
public static class LspClients
{
    public static string Root { get; } = FindRoot();

    public static string NodeDir => Path.Combine(Root, "tests", "lsp-client");

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "mlops-lint.dll");

    /// <summary>Runs a scenario script of tests/lsp-client on a repository; returns what it printed (JSON).</summary>
    public static JsonElement Node(string script, string repository, params string[] args)
    {
        Assert.True(Directory.Exists(Path.Combine(NodeDir, "node_modules", "vscode-languageserver-protocol")),
            "the LSP test client is not installed: run 'bash scripts/test.sh' (it runs 'npm ci' in tests/lsp-client)");
        var psi = new ProcessStartInfo("node") { WorkingDirectory = NodeDir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(repository);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["MLOPS_LINT_SERVER"] = JsonSerializer.Serialize(new[] { "dotnet", ServerDll, "server" });
        var (code, stdout, stderr) = Run(psi, TimeSpan.FromMinutes(3));
        Assert.True(code == 0, $"{script} failed ({code}): {stderr}\n{stdout}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    internal static (int Code, string Stdout, string Stderr) Run(ProcessStartInfo psi, TimeSpan timeout)
    {
        psi.RedirectStandardInput = true;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{psi.FileName} {string.Join(' ', psi.ArgumentList)} did not finish within {timeout}: {o.Result}{e.Result}");
        }
        p.WaitForExit();
        return (p.ExitCode, o.Result, e.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lint.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Lint.sln not found");
    }
}
