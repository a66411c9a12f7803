using System.Diagnostics;

namespace MLOpsLint.EndToEnd.Tests.Support;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs mlops-lint: in process through Program.Run (fast), or as the real executable (exit codes,
/// environment variables, what reaches stdout and stderr).</summary>
public static class CliRunner
{
    public static CliResult InProcess(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = MLOpsLint.Cli.Program.Run(args, o, e, stdoutIsTerminal: false, stderrIsTerminal: false);
        return new CliResult(code, o.ToString(), e.ToString());
    }

    public static CliResult Process(IReadOnlyDictionary<string, string?>? env, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "mlops-lint.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in new[] { "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "NO_COLOR", "GITHUB_ACTIONS" }) psi.Environment.Remove(key);
        if (env != null)
        {
            foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
        }
        using var p = System.Diagnostics.Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new CliResult(p.ExitCode, o.Result, e.Result);
    }
}
