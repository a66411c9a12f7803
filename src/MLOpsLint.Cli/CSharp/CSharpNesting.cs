namespace MLOpsLint.Cli.CSharp;

/// <summary>
/// How deeply a C# file nests, counted before Roslyn sees it. Roslyn's parser and binder recurse on nesting, and a stack
/// overflow kills the process with no report (10,000 nested generics or 100,000 nested parentheses did), so a file past
/// <see cref="Core.Text.Nesting.MaxDepth"/> is left out of the compilation and reported as skipped. Counted: brackets,
/// generic angle brackets within a statement, and the constructs that nest without brackets within one statement
/// (<c>if</c>/<c>else</c>/<c>while</c>/<c>for</c>/<c>foreach</c>/<c>lock</c>/<c>using</c> bodies, lambda arrows, the
/// conditional operator, prefix <c>!</c>/<c>~</c>). Comments and strings are skipped roughly; the count errs on the
/// side of too deep, which no hand-written file comes near.
/// </summary>
internal static class CSharpNesting
{
    private static readonly string[] Keywords = { "if", "else", "while", "for", "foreach", "lock", "using", "fixed", "await" };

    /// <summary>Binary operators and member accesses one statement may chain: Roslyn builds them as a left-deep tree that
    /// its syntax walkers recurse into (a 100,000-term sum overflowed the stack in the analyzer driver's walker).</summary>
    public const int MaxOperators = 2_000;

    /// <summary>The 1-based line where nesting passes <paramref name="limit"/> (or a statement chains more than
    /// <see cref="MaxOperators"/> operators), or 0.</summary>
    public static int LineTooDeep(string text, int limit = Core.Text.Nesting.MaxDepth)
    {
        int brackets = 0, angles = 0, chain = 0, operators = 0, line = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '/' when next == '/':
                    while (i < text.Length && text[i] != '\n') i++;
                    i--;
                    break;
                case '/' when next == '*':
                    int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    int stop = end < 0 ? text.Length : end + 2;
                    for (int j = i; j < stop; j++) if (text[j] == '\n') line++;
                    i = stop - 1;
                    break;
                case '"':
                    // a regular, verbatim or raw string: up to the next quote on the line (escapes aside), which is enough here
                    for (i++; i < text.Length && text[i] != '"' && text[i] != '\n'; i++) if (text[i] == '\\') i++;
                    if (i < text.Length && text[i] == '\n') line++;
                    break;
                case '(':
                case '[':
                case '{':
                    brackets++;
                    if (c == '{') angles = chain = operators = 0;
                    if (brackets > limit) return line;
                    break;
                case ')':
                case ']':
                case '}':
                    if (brackets > 0) brackets--;
                    if (c == '}') angles = chain = operators = 0;
                    break;
                case ';':
                    angles = chain = operators = 0;
                    break;
                case '<' when next != '<' && next != '=':
                    if (++angles > limit) return line;
                    break;
                case '>' when next != '=':
                    if (angles > 0) angles--;
                    break;
                case '=' when next == '>':
                case '?' when next != '.' && next != '?' && next != '[':
                case '!' when next != '=':
                case '~':
                    if (++chain > limit) return line;
                    break;
                case '+':
                case '-':
                case '*':
                case '/':
                case '%':
                case '&':
                case '|':
                case '^':
                case '.':
                    if (++operators > MaxOperators) return line;
                    break;
                case ',':
                    operators = 0; // a comma separates expressions (arguments, elements): no chain spans one
                    break;
                default:
                    if (char.IsLetter(c) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] != '_'))
                    {
                        foreach (var k in Keywords)
                        {
                            if (string.CompareOrdinal(text, i, k, 0, k.Length) == 0
                                && (i + k.Length == text.Length || !char.IsLetterOrDigit(text[i + k.Length]) && text[i + k.Length] != '_'))
                            {
                                if (++chain > limit) return line;
                                break;
                            }
                        }
                    }
                    break;
            }
        }
        return 0;
    }
}
