using System.Text.RegularExpressions;

namespace MLOpsLint.Cli.Git;

/// <summary>
/// Who owns the scanned repository on GitHub, for MLO207/MLO208's first-party policy (an action of the repository's own
/// user or organisation is theirs to move, not a third party's): the owner in the <c>origin</c> remote's URL
/// (<c>https://github.com/iterative/example-get-started.git</c>, <c>git@github.com:iterative/x.git</c>), or, in a GitHub
/// Actions run whose workspace is the scanned checkout, <c>GITHUB_REPOSITORY</c>. Reads the repository's config file
/// only; never the network. Null when neither says.
/// </summary>
internal static class RepositoryOwner
{
    private static readonly Regex GitHubUrl = new(
        @"^(?:(?:https?|ssh|git)://(?:[^@/]+@)?(?<host>[^/:]+)(?::\d+)?/|[^@/]+@(?<host>[^:/]+):)(?<owner>[A-Za-z0-9][A-Za-z0-9-]*)/(?<name>[A-Za-z0-9._-]+?)(?:\.git)?/?$",
        RegexOptions.CultureInvariant);

    public static string? Of(string root) => Repository(root)?.Owner;

    /// <summary>The owner and name of the repository at <paramref name="root"/> on GitHub (as <see cref="Of"/> finds them).</summary>
    public static (string Owner, string Name)? Repository(string root)
    {
        if (FromRemote(root) is { } url && Parse(url) is { } fromRemote) return fromRemote;
        string? repository = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");
        string? workspace = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE");
        if (repository is { Length: > 0 } && workspace is { Length: > 0 } && SamePath(workspace, root))
        {
            int slash = repository.IndexOf('/');
            if (slash > 0) return (repository.Substring(0, slash), repository.Substring(slash + 1));
        }
        return null;
    }

    /// <summary>The owner in a GitHub remote URL (github.com or a GitHub Enterprise host named github.*); null otherwise.</summary>
    public static string? FromUrl(string url) => Parse(url)?.Owner;

    private static (string Owner, string Name)? Parse(string url)
    {
        var m = GitHubUrl.Match(url.Trim());
        if (!m.Success) return null;
        string host = m.Groups["host"].Value.ToLowerInvariant();
        return host == "github.com" || host == "www.github.com" || host.StartsWith("github.", StringComparison.Ordinal)
            ? (m.Groups["owner"].Value, m.Groups["name"].Value)
            : null;
    }

    /// <summary>The origin remote's URL in the repository's config file, or null.</summary>
    private static string? FromRemote(string root)
    {
        try
        {
            string? config = ConfigFile(root);
            if (config == null) return null;
            string? section = null;
            foreach (var raw in File.ReadLines(config))
            {
                string line = raw.Trim();
                if (line.StartsWith('['))
                {
                    section = line.Replace(" ", "").Replace("\t", "").ToLowerInvariant();
                    continue;
                }
                if (section != "[remote\"origin\"]") continue;
                int eq = line.IndexOf('=');
                if (eq > 0 && line.Substring(0, eq).Trim().Equals("url", StringComparison.OrdinalIgnoreCase)) return line.Substring(eq + 1).Trim().Trim('"');
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>The config file of the repository at <paramref name="root"/>: <c>.git/config</c>, or for a worktree or
    /// submodule (<c>.git</c> is a file naming the git directory) the common directory's.</summary>
    private static string? ConfigFile(string root)
    {
        string dotGit = Path.Combine(root, ".git");
        string? gitDir = Directory.Exists(dotGit) ? dotGit : null;
        if (gitDir == null && File.Exists(dotGit))
        {
            string first = File.ReadLines(dotGit).FirstOrDefault() ?? "";
            if (!first.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
            string target = first.Substring(7).Trim();
            gitDir = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(root, target));
        }
        if (gitDir == null) return null;
        string common = Path.Combine(gitDir, "commondir");
        if (File.Exists(common))
        {
            string c = File.ReadAllText(common).Trim();
            gitDir = Path.GetFullPath(Path.IsPathRooted(c) ? c : Path.Combine(gitDir, c));
        }
        string file = Path.Combine(gitDir, "config");
        return File.Exists(file) ? file : null;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd('/', '\\'), Path.GetFullPath(b).TrimEnd('/', '\\'),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
