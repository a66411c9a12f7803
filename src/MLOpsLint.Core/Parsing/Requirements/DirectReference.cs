using System.Text.RegularExpressions;

namespace MLOpsLint.Core.Parsing.Requirements;

public enum DirectReferenceKind
{
    /// <summary><c>git+https://…</c>, <c>hg+…</c>, <c>svn+…</c>, <c>bzr+…</c>.</summary>
    Vcs,
    /// <summary>An http(s)/ftp URL of an archive or wheel.</summary>
    Archive,
    /// <summary>A local path or <c>file:</c> URL: the repository's own code, not a dependency to pin.</summary>
    Local,
}

/// <summary>A direct reference (PEP 440 "direct references", pip's URL requirements) and whether it is
/// immutable: a VCS URL at a full commit id, or an archive with a <c>#sha256=</c> (sha384/sha512) fragment.</summary>
public sealed class DirectReference
{
    private static readonly Regex FullCommit = new("^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$", RegexOptions.CultureInvariant);
    private static readonly Regex HashFragment = new(@"(?:^|&)(sha256|sha384|sha512)=[0-9a-fA-F]{32,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex CommitInPath = new(@"/(?:archive|tarball|zipball|commit|-/archive)/(?:refs/[^/]+/)?[0-9a-fA-F]{40}(?:[./]|$)", RegexOptions.CultureInvariant);

    private DirectReference(string url, DirectReferenceKind kind)
    {
        Url = url;
        Kind = kind;
    }

    public string Url { get; }

    public DirectReferenceKind Kind { get; }

    /// <summary>VCS: the revision after <c>@</c> (branch, tag or commit), or null when none is given.</summary>
    public string? Revision { get; private set; }

    /// <summary>The <c>#egg=name</c> fragment, if any.</summary>
    public string? EggName { get; private set; }

    /// <summary>Archive: a <c>#sha256=</c>-style fragment is present.</summary>
    public bool HasHashFragment { get; private set; }

    /// <summary>True when the reference cannot change: a VCS URL at a full commit id, an archive with a hash
    /// fragment or at a commit-addressed path (…/archive/&lt;40-hex&gt;.tar.gz), or a local path.</summary>
    public bool IsImmutable => Kind switch
    {
        DirectReferenceKind.Vcs => Revision != null && FullCommit.IsMatch(Revision),
        DirectReferenceKind.Archive => HasHashFragment || CommitInPath.IsMatch(Url),
        _ => true,
    };

    public static bool IsFullCommit(string revision) => FullCommit.IsMatch(revision);

    /// <summary>True for text that pip reads as a URL or path rather than a PEP 508 name.</summary>
    public static bool LooksLikeReference(string text)
    {
        if (text.Length == 0) return false;
        string lower = text.ToLowerInvariant();
        if (lower.StartsWith("git+", StringComparison.Ordinal) || lower.StartsWith("hg+", StringComparison.Ordinal)
            || lower.StartsWith("svn+", StringComparison.Ordinal) || lower.StartsWith("bzr+", StringComparison.Ordinal)
            || lower.StartsWith("http://", StringComparison.Ordinal) || lower.StartsWith("https://", StringComparison.Ordinal)
            || lower.StartsWith("ftp://", StringComparison.Ordinal) || lower.StartsWith("file:", StringComparison.Ordinal))
        {
            return true;
        }
        if (text[0] == '.' || text[0] == '/' || text[0] == '~' || text[0] == '$') return true;
        if (text.Length > 2 && char.IsLetter(text[0]) && text[1] == ':' && (text[2] == '\\' || text[2] == '/')) return true;
        if (text.IndexOf('@') < 0 && (text.Contains("/") || text.Contains("\\"))) return true;
        return lower.EndsWith(".whl", StringComparison.Ordinal) || lower.EndsWith(".tar.gz", StringComparison.Ordinal)
            || lower.EndsWith(".zip", StringComparison.Ordinal) || lower.EndsWith(".tar.bz2", StringComparison.Ordinal);
    }

    public static DirectReference Parse(string url)
    {
        string lower = url.ToLowerInvariant();
        DirectReferenceKind kind;
        if (lower.StartsWith("git+", StringComparison.Ordinal) || lower.StartsWith("hg+", StringComparison.Ordinal)
            || lower.StartsWith("svn+", StringComparison.Ordinal) || lower.StartsWith("bzr+", StringComparison.Ordinal))
        {
            kind = DirectReferenceKind.Vcs;
        }
        else if (lower.StartsWith("http://", StringComparison.Ordinal) || lower.StartsWith("https://", StringComparison.Ordinal)
                 || lower.StartsWith("ftp://", StringComparison.Ordinal))
        {
            kind = DirectReferenceKind.Archive;
        }
        else
        {
            kind = DirectReferenceKind.Local;
        }
        var r = new DirectReference(url, kind);
        string main = url;
        int hash = url.IndexOf('#');
        if (hash >= 0)
        {
            string fragment = url.Substring(hash + 1);
            main = url.Substring(0, hash);
            foreach (var part in fragment.Split('&'))
            {
                if (part.StartsWith("egg=", StringComparison.OrdinalIgnoreCase)) r.EggName = part.Substring(4);
            }
            r.HasHashFragment = HashFragment.IsMatch(fragment);
        }
        if (kind == DirectReferenceKind.Vcs)
        {
            // The revision is after the last '@' of the path (not the user@host part).
            int scheme = main.IndexOf("://", StringComparison.Ordinal);
            int pathStart = scheme < 0 ? 0 : main.IndexOf('/', scheme + 3);
            if (pathStart < 0) pathStart = main.Length;
            int at = main.LastIndexOf('@');
            if (at > pathStart) r.Revision = main.Substring(at + 1);
        }
        return r;
    }
}
