// Shared by the CLI and end-to-end test projects (linked into both by tests/Directory.Build.props).
using System.Diagnostics;

namespace MLOpsLint.Tests.Shared;

/// <summary>A real git repository (or plain folder) in a temp directory, driven with the real git command.</summary>
public sealed class TempRepo : IDisposable
{
    private TempRepo(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static TempRepo Git()
    {
        var repo = Folder();
        repo.Run("git", "init", "-q", "-b", "main");
        repo.Run("git", "config", "user.email", "test@example.com");
        repo.Run("git", "config", "user.name", "Test");
        repo.Run("git", "config", "commit.gpgsign", "false");
        return repo;
    }

    public static TempRepo Folder()
    {
        string root = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new TempRepo(root);
    }

    public string Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relativePath, byte[] bytes)
    {
        string full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Commit(string message = "commit")
    {
        Run("git", "add", "-A");
        Run("git", "commit", "-q", "--allow-empty", "-m", message);
    }

    public string Run(string file, params string[] args) => RunIn(Root, file, args);

    public static string RunIn(string workingDirectory, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(" ", args)} failed ({p.ExitCode}): {stderr.Result}");
        }
        return stdout.Result;
    }

    public void Dispose()
    {
        try
        {
            foreach (var f in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(f, FileAttributes.Normal);
            }
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception)
        {
            // best effort: temp folders are cleaned by the OS too
        }
    }
}
