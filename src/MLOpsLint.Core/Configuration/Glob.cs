using System.Text;
using System.Text.RegularExpressions;

namespace MLOpsLint.Core.Configuration;

/// <summary>
/// A path glob, as users write them in <c>exclude</c>, <c>per-file-ignores</c> and .editorconfig sections:
/// <c>*</c> (within a segment), <c>**</c> (any number of segments), <c>?</c>, <c>[abc]</c>/<c>[!abc]</c>,
/// <c>{a,b}</c> and (editorconfig) <c>{1..3}</c>. A pattern without '/' matches a file or directory name at
/// any depth (like .gitignore); a pattern with '/' is anchored at the root. A pattern that matches a
/// directory matches everything below it.
/// </summary>
public sealed class Glob
{
    /// <summary>Matchers by regex source: the same patterns are built again for every batch of a history scan and every
    /// check that reads its options, and building a matcher costs far more than matching with it.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, GlobMatcher> Compiled = new(StringComparer.Ordinal);

    private readonly GlobMatcher matcher;

    public Glob(string pattern)
    {
        Pattern = pattern;
        // a position automaton where the regex allows (every glob but a numeric range or a very long one), else the
        // regex: building the regex engine is most of an empty scan's start-up (GlobAutomaton)
        matcher = Compiled.GetOrAdd(RegexSource(pattern), GlobMatcher.Create);
    }

    /// <summary>The regex a glob means (anchored, a directory match covering what is below it).</summary>
    internal static string RegexSource(string pattern)
    {
        string p = pattern.Replace('\\', '/').Trim();
        bool anchored = p.TrimEnd('/').Contains('/');
        p = p.TrimStart('/');
        if (p.StartsWith("./", StringComparison.Ordinal)) p = p.Substring(2);
        p = p.TrimEnd('/');
        var sb = new StringBuilder("^");
        if (!anchored)
        {
            sb.Append("(?:.*/)?");
        }
        sb.Append(Translate(p, out _));
        sb.Append("(?:/.*)?$");
        return sb.ToString();
    }

    public string Pattern { get; }

    /// <summary>True when the position automaton matches this glob (not the regex).</summary>
    internal bool IsAutomaton => matcher.IsAutomaton;

    public bool IsMatch(string relativePath) => matcher.IsMatch(relativePath.Replace('\\', '/'));

    /// <summary>Translates glob syntax to a regex fragment. <paramref name="numericRanges"/> collects {n..m}
    /// ranges, which a regex cannot check numerically (editorconfig only).</summary>
    internal static string Translate(string glob, out List<(int Min, int Max)> numericRanges)
    {
        numericRanges = new List<(int, int)>();
        var sb = new StringBuilder();
        int braceDepth = 0;
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        i++;
                        if (i + 1 < glob.Length && glob[i + 1] == '/')
                        {
                            i++;
                            sb.Append("(?:.*/)?");
                        }
                        else
                        {
                            sb.Append(".*");
                        }
                    }
                    else
                    {
                        sb.Append("[^/]*");
                    }
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                {
                    int close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }
                    string body = glob.Substring(i + 1, close - i - 1);
                    bool negate = body.StartsWith("!", StringComparison.Ordinal) || body.StartsWith("^", StringComparison.Ordinal);
                    if (negate) body = body.Substring(1);
                    sb.Append(negate ? "[^/" : "[").Append(body.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                    i = close;
                    break;
                }
                case '{':
                {
                    int close = glob.IndexOf('}', i + 1);
                    if (close > 0)
                    {
                        var m = Regex.Match(glob.Substring(i + 1, close - i - 1), @"^\s*([+-]?\d+)\.\.([+-]?\d+)\s*$");
                        if (m.Success)
                        {
                            int a = int.Parse(m.Groups[1].Value), b = int.Parse(m.Groups[2].Value);
                            numericRanges.Add((Math.Min(a, b), Math.Max(a, b)));
                            sb.Append("([+-]?\\d+)");
                            i = close;
                            break;
                        }
                    }
                    braceDepth++;
                    sb.Append("(?:");
                    break;
                }
                case '}':
                    if (braceDepth > 0)
                    {
                        braceDepth--;
                        sb.Append(')');
                    }
                    else
                    {
                        sb.Append("\\}");
                    }
                    break;
                case ',':
                    sb.Append(braceDepth > 0 ? "|" : ",");
                    break;
                case '\\':
                    if (i + 1 < glob.Length)
                    {
                        i++;
                        AppendEscaped(sb, glob[i]);
                    }
                    break;
                default:
                    AppendEscaped(sb, c);
                    break;
            }
        }
        for (; braceDepth > 0; braceDepth--) sb.Append(')');
        return sb.ToString();
    }

    /// <summary>What <see cref="Regex.Escape"/> writes for one character (a test holds the two equal for every UTF-16 code
    /// unit), without loading the regex library for it.</summary>
    internal static void AppendEscaped(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '\t': sb.Append("\\t"); break;
            case '\n': sb.Append("\\n"); break;
            case '\f': sb.Append("\\f"); break;
            case '\r': sb.Append("\\r"); break;
            case ' ' or '#' or '$' or '(' or ')' or '*' or '+' or '.' or '?' or '[' or '\\' or '^' or '{' or '|':
                sb.Append('\\').Append(c);
                break;
            default:
                sb.Append(c);
                break;
        }
    }

    public override string ToString() => Pattern;
}

/// <summary>A set of globs; matches when any does.</summary>
public sealed class GlobSet
{
    private readonly Glob[] globs;

    public GlobSet(IEnumerable<string> patterns)
    {
        globs = patterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new Glob(p)).ToArray();
    }

    public static GlobSet Empty { get; } = new(Array.Empty<string>());

    public bool IsEmpty => globs.Length == 0;

    public bool IsMatch(string path)
    {
        foreach (var g in globs)
        {
            if (g.IsMatch(path)) return true;
        }
        return false;
    }
}
