using System.Diagnostics;

namespace MLOpsLint.EndToEnd.Tests.Support;

/// <summary>Runs a real client (pre-commit, git, bash…) and keeps its exit code and output, failing or not.</summary>
public static class ExternalTool
{
    public static CliResult Run(string file, string workingDirectory, IReadOnlyDictionary<string, string?>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var key in new[] { "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITHUB_ACTIONS", "GITHUB_OUTPUT" }) psi.Environment.Remove(key);
        if (env != null)
        {
            foreach (var kv in env)
            {
                if (kv.Value == null) psi.Environment.Remove(kv.Key);
                else psi.Environment[kv.Key] = kv.Value;
            }
        }
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{file} is not installed here ({e.Message}); .ci/run installs what the tests need", e);
        }
        using (p)
        {
            var o = p.StandardOutput.ReadToEndAsync();
            var e = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return new CliResult(p.ExitCode, o.Result, e.Result);
        }
    }
}
