namespace MLOpsLint.Core.Documents;

/// <summary>Repository-relative paths ('/' separators).</summary>
public static class RepoPath
{
    /// <summary>Joins <paramref name="relative"/> to <paramref name="directory"/>, resolving <c>.</c> and <c>..</c>;
    /// null when the result would leave the repository.</summary>
    public static string? Join(string directory, string relative)
    {
        var parts = new List<string>(directory.Length == 0 ? Array.Empty<string>() : directory.Split('/'));
        foreach (var p in relative.Replace('\\', '/').Split('/'))
        {
            if (p.Length == 0 || p == ".") continue;
            if (p == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(p);
        }
        return string.Join("/", parts);
    }
}
