using System.Diagnostics;

// Shared by the CLI and end-to-end test projects (linked into both by tests/Directory.Build.props).
namespace MLOpsLint.Tests.Shared;

/// <summary>The real npm clients installed in tests/node by scripts/test.sh (and .ci/run).</summary>
public static class NodeClients
{
    public static string Dir { get; } = Path.Combine(RepositoryRoot.Path, "tests", "node");

    public static string SarifMultitool => Path.Combine(Dir, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");

    public static void EnsureInstalled(string package)
    {
        string path = Path.Combine(Dir, "node_modules", package);
        Assert.True(Directory.Exists(path) || File.Exists(path),
            $"{package} is not installed: run 'bash scripts/test.sh' (it runs 'npm ci' in tests/node), or 'cd tests/node && npm ci'");
    }

    /// <summary>Runs node on a script (ES module) in tests/node, feeding stdin; returns stdout.</summary>
    public static string Node(string script, string stdin)
    {
        string file = Path.Combine(Dir, $"tmp-{Guid.NewGuid():N}.mjs");
        File.WriteAllText(file, script);
        try
        {
            var (code, stdout, stderr) = Exec("node", Dir, stdin, file);
            Assert.True(code == 0, $"node failed ({code}): {stderr}");
            return stdout;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static (int Code, string Stdout, string Stderr) Exec(string file, string workingDirectory, string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = stdin != null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (stdin != null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, o.Result, e.Result);
    }
}
