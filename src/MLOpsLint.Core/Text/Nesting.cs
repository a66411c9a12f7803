namespace MLOpsLint.Core.Text;

/// <summary>
/// A cheap pre-scan of nesting depth, run before text reaches a recursive parser (YamlDotNet's representation model,
/// Tomlyn, the structure walkers). .NET cannot catch a stack overflow: the process dies with no report, so a file
/// nested deeper than <see cref="MaxDepth"/> is never handed to such a parser; the caller reports it as too deeply
/// nested and the scan goes on. The count is conservative: brackets inside strings and comments count too (a real
/// file is nowhere near the limit), and for YAML each line's indentation and block indicators (<c>- </c>,
/// <c>: </c>, <c>? </c>) count as the levels they open.
/// </summary>
public static class Nesting
{
    /// <summary>CPython's own parser stops at 200 nested parentheses ("too many nested parentheses"); no configuration
    /// file a person writes comes near it.</summary>
    public const int MaxDepth = 200;

    /// <summary>Tomlyn's model refuses more than 64 levels (it throws); the pre-scan stops before it.</summary>
    public const int MaxTomlDepth = 64;

    /// <summary>The 1-based line where the nesting passes <paramref name="limit"/>, or 0 when it never does.</summary>
    public static int LineTooDeep(string text, int limit = MaxDepth, bool yaml = false)
    {
        int depth = 0, line = 1, lineStart = 0;
        int lineDepth = yaml ? LineDepth(text, 0) : 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '(':
                case '[':
                case '{':
                    depth++;
                    if (depth + lineDepth > limit) return line;
                    break;
                case ')':
                case ']':
                case '}':
                    if (depth > 0) depth--;
                    break;
                case '\n':
                    line++;
                    lineStart = i + 1;
                    if (yaml)
                    {
                        lineDepth = LineDepth(text, lineStart);
                        if (depth + lineDepth > limit) return line;
                    }
                    break;
            }
        }
        return yaml && depth + lineDepth > limit ? line : 0;
    }

    /// <summary>The 1-based line where XML element nesting passes <paramref name="limit"/>, or 0 (<c>&lt;a&gt;</c> opens,
    /// <c>&lt;/a&gt;</c> and <c>/&gt;</c> close; comments and CDATA are not told apart, which errs on the side of too deep).</summary>
    public static int LineTooDeepXml(string text, int limit = MaxDepth)
    {
        int depth = 0, line = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') line++;
            else if (c == '<' && i + 1 < text.Length)
            {
                char n = text[i + 1];
                if (n == '/') depth = Math.Max(0, depth - 1);
                else if (char.IsLetter(n) || n == '_')
                {
                    if (++depth > limit) return line;
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '>') depth = Math.Max(0, depth - 1);
        }
        return 0;
    }

    /// <summary>The message for a file refused by <see cref="LineTooDeep"/>.</summary>
    public static string Message(int limit = MaxDepth) => $"nested more than {limit} levels deep; not parsed (checks that read its structure skipped it)";

    /// <summary>YAML levels a line opens by itself: half its indentation plus its block indicators.</summary>
    private static int LineDepth(string text, int start)
    {
        int i = start, indent = 0, indicators = 0;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            indent++;
            i++;
        }
        for (; i < text.Length && text[i] != '\n'; i++)
        {
            char c = text[i];
            if ((c == '-' || c == ':' || c == '?') && (i + 1 == text.Length || text[i + 1] == ' ' || text[i + 1] == '\n')) indicators++;
        }
        return indent / 2 + indicators;
    }
}
