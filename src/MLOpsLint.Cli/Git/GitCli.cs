using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// The history walk through the git executable, when there is one: <c>git log --raw</c> compares each commit with
/// its first parent in git's own code (identical subtrees pruned by id); <see cref="CatFileBatch"/> streams the blob
/// contents. Same results as <see cref="HistoryWalker"/>, several times faster on long histories. Paths come
/// NUL-separated, so any file name parses.
/// </summary>
internal static class GitCli
{
    private static readonly Lazy<string?> Executable = new(Find);

    public static bool IsAvailable => Executable.Value != null && Environment.GetEnvironmentVariable("MLOPS_LINT_NO_GIT_CLI") == null;

    /// <summary>
    /// Walks every commit reachable from all refs (not from <paramref name="sinceSha"/>), oldest first, and calls
    /// <paramref name="found"/> with each blob the first time a commit adds it (on the walking thread, as git prints
    /// it, so the reads can start before the walk ends). Returns the number of commits.
    /// </summary>
    public static int Walk(string gitDir, string? sinceSha, ISet<string> seenBlobs, Func<string, bool> excluded, Action<HistoryBlob> found)
    {
        var args = new List<string>
        {
            "--git-dir", gitDir, "log", "--all", "--topo-order", "--reverse", "--raw", "-z", "--no-abbrev", "--no-renames",
            "--diff-merges=first-parent", "--no-color", "--format=C%x09%H%x09%at%x09%s",
        };
        if (sinceSha != null) args.Add("^" + sinceSha);
        args.Add("--");
        int commits = 0;
        using var p = Start(args, redirectInput: false);
        var stderr = p.StandardError.ReadToEndAsync();
        var reader = new NulReader(p.StandardOutput.BaseStream);
        CommitInfo? current = null;
        string? meta = null;
        while (reader.Next() is string token)
        {
            string t = token.TrimStart('\n');
            if (meta != null)
            {
                // the path that follows a raw record
                if (current != null && IsAddedFile(meta, out string sha) && !excluded(t) && seenBlobs.Add(sha))
                {
                    found(new HistoryBlob(sha, t, current));
                }
                meta = null;
            }
            else if (t.StartsWith(":", StringComparison.Ordinal))
            {
                meta = t;
            }
            else if (t.StartsWith("C\t", StringComparison.Ordinal))
            {
                var parts = t.Split(new[] { '\t' }, 4);
                long seconds = parts.Length > 2 && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
                current = new CommitInfo(parts[1], DateTimeOffset.FromUnixTimeSeconds(seconds), parts.Length > 3 ? parts[3] : "");
                commits++;
            }
        }
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            string err = stderr.Result.Trim();
            // a repository with no commits yet has nothing to walk
            if (err.Contains("does not have any commits") || err.Contains("bad default revision")) return 0;
            throw new Discovery.UsageException("git log failed: " + err);
        }
        return commits;
    }

    private static bool IsAddedFile(string meta, out string sha)
    {
        // ":<old mode> <new mode> <old sha> <new sha> <status>"
        sha = "";
        var f = meta.Substring(1).Split(' ');
        if (f.Length < 5) return false;
        if (f[4].Length == 0 || f[4][0] == 'D') return false;
        if (f[1] != "100644" && f[1] != "100755" && f[1] != "100664") return false; // not links, not submodules
        sha = f[3];
        return true;
    }

    internal static Process Start(IEnumerable<string> args, bool redirectInput)
    {
        var psi = new ProcessStartInfo(Executable.Value!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["LC_ALL"] = "C";
        return Process.Start(psi) ?? throw new IOException("cannot start git");
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            foreach (var name in OperatingSystem.IsWindows() ? new[] { "git.exe" } : new[] { "git" })
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Splits a byte stream on NUL into UTF-8 strings.</summary>
    private sealed class NulReader
    {
        private readonly Stream stream;
        private readonly byte[] buffer = new byte[1 << 16];
        private int pos;
        private int len;
        private readonly MemoryStream token = new();

        public NulReader(Stream stream)
        {
            this.stream = stream;
        }

        public string? Next()
        {
            token.SetLength(0);
            while (true)
            {
                if (pos == len)
                {
                    len = stream.Read(buffer, 0, buffer.Length);
                    pos = 0;
                    if (len == 0) return token.Length == 0 ? null : Decode();
                }
                int nul = Array.IndexOf(buffer, (byte)0, pos, len - pos);
                if (nul < 0)
                {
                    token.Write(buffer, pos, len - pos);
                    pos = len;
                    continue;
                }
                token.Write(buffer, pos, nul - pos);
                pos = nul + 1;
                return Decode();
            }
        }

        private string Decode() => Encoding.UTF8.GetString(token.GetBuffer(), 0, (int)token.Length);
    }
}
