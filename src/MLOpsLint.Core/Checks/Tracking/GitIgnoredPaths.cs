using System.Text.RegularExpressions;
using MLOpsLint.Core.Checks.CommittedData;
using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// The repository's <c>.gitignore</c> files, read as far as MLO702 needs: is a data path kept out of git on purpose?
/// A pattern matches the path or one of its folders (<c>data/</c>, <c>*.csv</c>, <c>/raw</c>, <c>data/**</c>), relative
/// to its file's folder; a pattern without a slash matches a name at any depth. A negation (<c>!data/sample.csv</c>)
/// that matches keeps the path in git. Only the scan's .gitignore files are read (not <c>.git/info/exclude</c> or a
/// global excludes file: those are one person's, not the project's).
/// </summary>
internal sealed class GitIgnoredPaths
{
    private readonly List<(string Directory, Regex Regex, bool Negated, bool Anchored, bool DirectoryOnly)> patterns = new();

    public GitIgnoredPaths(RepositorySnapshot repository)
    {
        foreach (var d in repository.Documents)
        {
            if (d.FileName != ".gitignore" || !d.HasText || d.Size > 1_000_000) continue;
            string dir = d.Path.Length > ".gitignore".Length ? d.Path.Substring(0, d.Path.Length - ".gitignore".Length) : "";
            foreach (var raw in d.Text.Split('\n'))
            {
                string line = raw.TrimEnd('\r').TrimEnd();
                if (line.Length == 0 || line[0] == '#') continue;
                bool negated = line[0] == '!';
                if (negated) line = line.Substring(1);
                bool directoryOnly = line.EndsWith("/", StringComparison.Ordinal);
                string p = line.TrimEnd('/');
                if (p.Length == 0) continue;
                bool anchored = p.IndexOf('/') >= 0;
                p = p.TrimStart('/');
                if (p.Length == 0 || p.Length > 500) continue;
                patterns.Add((dir, GlobRegex.Create("^" + GitAttributesFile.Translate(p) + "$"), negated, anchored, directoryOnly));
            }
        }
    }

    public bool IsEmpty => patterns.Count == 0;

    /// <summary>Whether git ignores the repository path <paramref name="path"/> (a file; its folders are checked too).</summary>
    public bool Ignores(string path)
    {
        bool ignored = false;
        foreach (var (dir, regex, negated, anchored, directoryOnly) in patterns)
        {
            if (!path.StartsWith(dir, StringComparison.Ordinal)) continue;
            string rel = path.Substring(dir.Length);
            var segments = rel.Split('/');
            bool match = false;
            for (int i = 0; i < segments.Length && !match; i++)
            {
                bool isFile = i == segments.Length - 1;
                if (directoryOnly && isFile) continue;
                string candidate = anchored ? string.Join("/", segments, 0, i + 1) : segments[i];
                match = GlobRegex.IsMatch(regex, candidate);
            }
            if (match) ignored = !negated;
        }
        return ignored;
    }
}
