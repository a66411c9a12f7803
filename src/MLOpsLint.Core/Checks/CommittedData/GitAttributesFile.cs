using System.Text;
using System.Text.RegularExpressions;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// The <c>filter</c> attribute lines of one .gitattributes file, with git's pattern semantics: a pattern
/// without '/' matches the file name at any depth below the file's directory; a pattern with '/' is
/// anchored to that directory; <c>**</c> spans directories; later lines override earlier ones.
/// </summary>
public sealed class GitAttributesFile
{
    private GitAttributesFile(string directory, IReadOnlyList<Rule> rules)
    {
        Directory = directory;
        Rules = rules;
    }

    /// <summary>The directory the file applies to, "" for the root or "sub/dir/".</summary>
    public string Directory { get; }

    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>One line that sets (<c>filter=lfs</c>), changes (<c>filter=x</c>) or unsets
    /// (<c>-filter</c>, <c>!filter</c>) the filter attribute.</summary>
    public sealed record Rule(string Pattern, int Line, bool IsLfs, Regex Regex, bool MatchesBaseName);

    public static GitAttributesFile Get(SourceDocument document) => document.GetOrAdd(Parse);

    public static GitAttributesFile Parse(SourceDocument document)
    {
        string path = document.Path;
        int slash = path.LastIndexOf('/');
        string directory = slash < 0 ? "" : path.Substring(0, slash + 1);
        var rules = new List<Rule>();
        if (document.HasText)
        {
            var lines = document.Lines;
            for (int i = 1; i <= lines.LineCount; i++)
            {
                if (ParseLine(lines.GetLine(i), i) is { } rule) rules.Add(rule);
            }
        }
        return new GitAttributesFile(directory, rules);
    }

    /// <summary>The filter decision of the last matching line: true = lfs, false = something else or unset,
    /// null = no line of this file says anything about the path.</summary>
    public bool? FilterIsLfs(string path) => LastMatch(path)?.IsLfs;

    /// <summary>Line of the last line matching <paramref name="path"/>, or 0.</summary>
    public int LastMatchLine(string path) => LastMatch(path)?.Line ?? 0;

    private Rule? LastMatch(string path)
    {
        if (!path.StartsWith(Directory, StringComparison.Ordinal)) return null;
        string relative = path.Substring(Directory.Length);
        string baseName = relative.Substring(relative.LastIndexOf('/') + 1);
        for (int i = Rules.Count - 1; i >= 0; i--)
        {
            var r = Rules[i];
            if (GlobRegex.IsMatch(r.Regex, r.MatchesBaseName ? baseName : relative)) return r;
        }
        return null;
    }

    private static Rule? ParseLine(string line, int number)
    {
        string s = line.Trim();
        if (s.Length == 0 || s[0] == '#' || s.StartsWith("[attr]", StringComparison.Ordinal)) return null;
        string pattern;
        string rest;
        if (s[0] == '"')
        {
            int end = ClosingQuote(s);
            if (end < 0) return null;
            pattern = Unquote(s.Substring(1, end - 1));
            rest = s.Substring(end + 1);
        }
        else
        {
            int ws = s.IndexOfAny(new[] { ' ', '\t' });
            if (ws < 0) return null;
            pattern = s.Substring(0, ws);
            rest = s.Substring(ws + 1);
        }
        bool? lfs = null;
        foreach (var attr in rest.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (attr == "-filter" || attr == "!filter" || attr == "filter") lfs = false;
            else if (attr.StartsWith("filter=", StringComparison.Ordinal)) lfs = attr == "filter=lfs";
        }
        if (lfs is not bool isLfs) return null;
        // Negative patterns are forbidden in gitattributes; a trailing '/' never matches a file.
        if (pattern.Length == 0 || pattern[0] == '!' || pattern.EndsWith("/", StringComparison.Ordinal)) return null;
        bool baseNameOnly = pattern.IndexOf('/') < 0;
        string anchored = pattern.TrimStart('/');
        return new Rule(pattern, number, isLfs, GlobRegex.Create("^" + Translate(anchored) + "$"), baseNameOnly);
    }

    /// <summary>wildmatch with FNM_PATHNAME: '*' and '?' stay within a directory, '**' spans them.</summary>
    internal static string Translate(string glob)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*'
                && (i == 0 || glob[i - 1] == '/') && (i + 2 == glob.Length || glob[i + 2] == '/'))
            {
                if (i + 2 == glob.Length)
                {
                    sb.Append(".*"); // trailing "/**": everything inside
                    i++;
                }
                else
                {
                    sb.Append("(?:.*/)?"); // "**/": zero or more directories
                    i += 2;
                }
            }
            else if (c == '*')
            {
                while (i + 1 < glob.Length && glob[i + 1] == '*') i++;
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else if (c == '[' && i + 2 < glob.Length && glob.IndexOf(']', i + 2) is int close && close > i)
            {
                string body = glob.Substring(i + 1, close - i - 1);
                bool negate = body.StartsWith("!", StringComparison.Ordinal) || body.StartsWith("^", StringComparison.Ordinal);
                if (negate) body = body.Substring(1);
                sb.Append('[').Append(negate ? "^/" : "").Append(body.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                i = close;
            }
            else if (c == '\\' && i + 1 < glob.Length)
            {
                sb.Append(Regex.Escape(glob[++i].ToString()));
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }
        return sb.ToString();
    }

    private static int ClosingQuote(string s)
    {
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == '\\') i++;
            else if (s[i] == '"') return i;
        }
        return -1;
    }

    private static string Unquote(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                char n = s[++i];
                sb.Append(n switch { 'n' => '\n', 't' => '\t', _ => n });
            }
            else
            {
                sb.Append(s[i]);
            }
        }
        return sb.ToString();
    }
}
