using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Scope;

/// <summary>
/// The GitHub owners under which a repository's own metadata and changelog name it: <c>github.com/OWNER/NAME</c>, NAME
/// being the repository's own name, in the root's <c>setup.py</c>, <c>setup.cfg</c>, <c>pyproject.toml</c>, changelog
/// (<c>CHANGELOG</c>, <c>CHANGES</c>, <c>HISTORY</c>, <c>NEWS</c>) or a package's <c>__about__.py</c>. A repository
/// transferred between organisations (lightning-bolts: PyTorchLightning, then Lightning-AI, now Lightning-Universe) keeps
/// its former owners' links there, and a fork its upstream's; those owners are the project's own people. A README is
/// not read: it links forks, demos and Colab copies of the same name (<c>ak9250/taming-transformers</c>).
/// </summary>
public static class SelfLinks
{
    private static readonly string[] RootFiles = { "setup.py", "setup.cfg", "pyproject.toml" };

    private static readonly string[] ChangelogStems = { "changelog", "changes", "history", "news" };

    /// <summary>Whether a file is one whose GitHub links name the project itself.</summary>
    public static bool Describes(string path)
    {
        string name = DocumentClassifier.FileName(path);
        if (name.Equals("__about__.py", StringComparison.Ordinal)) return true;
        if (path.Contains('/')) return false;
        if (RootFiles.Contains(name, StringComparer.OrdinalIgnoreCase)) return true;
        int dot = name.IndexOf('.');
        string stem = (dot < 0 ? name : name.Substring(0, dot)).ToLowerInvariant();
        return ChangelogStems.Contains(stem);
    }

    /// <summary>The owners other than <paramref name="owner"/> under which <paramref name="documents"/> name the repository
    /// <paramref name="name"/> (case-insensitive).</summary>
    public static IReadOnlyCollection<string> OtherOwners(IEnumerable<SourceDocument> documents, string name, string? owner)
    {
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (name.Length == 0) return found;
        var link = new Regex(@"github\.com[/:](?<owner>[A-Za-z0-9][A-Za-z0-9-]{0,38})/" + Regex.Escape(name) + @"(?:\.git)?(?![A-Za-z0-9_.-]?[A-Za-z0-9_-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        foreach (var doc in documents)
        {
            if (!Describes(doc.Path) || !doc.HasText || doc.Text.IndexOf("github.com", StringComparison.OrdinalIgnoreCase) < 0) continue;
            foreach (Match m in link.Matches(doc.Text)) found.Add(m.Groups["owner"].Value);
        }
        if (owner != null) found.Remove(owner);
        return found;
    }
}
