using System.Diagnostics;

namespace MLOpsLint.Core.Tests.Python;

/// <summary>Runs the machine's python3, when there is one.</summary>
internal static class PythonProcess
{
    /// <summary>Starts python3 with arguments and UTF-8 output; null when python3 cannot be started.</summary>
    public static Process? Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        try
        {
            return Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Runs a one-liner and returns its trimmed output, or null when python3 is absent or fails.</summary>
    public static string? Eval(string code)
    {
        using var p = Start("-c", code);
        if (p == null) return null;
        string output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output.Trim() : null;
    }
}
