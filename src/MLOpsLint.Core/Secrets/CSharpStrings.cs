using System.Text;

namespace MLOpsLint.Core.Secrets;

/// <summary>A stretch of literal text inside a C# string: its offsets in the source and its decoded value.
/// <see cref="IsVerbatimMapped"/> is true when the value is the source text itself (no escapes), so offsets
/// inside the value map one to one onto the source.</summary>
public readonly record struct CSharpStringPart(int Start, int End, string Value)
{
    public bool IsVerbatimMapped => End - Start == Value.Length;
}

/// <summary>One C# string literal: regular <c>"…"</c>, verbatim <c>@"…"</c>, raw <c>"""…"""</c>, interpolated
/// <c>$"…{x}…"</c> (any combination, <c>u8</c> suffix included). <see cref="Parts"/> are its literal stretches
/// (an interpolated string's holes are left out).</summary>
public sealed record CSharpString(int Start, int End, bool IsInterpolated, bool IsVerbatim, bool IsRaw, IReadOnlyList<CSharpStringPart> Parts)
{
    public string Value => Parts.Count == 1 ? Parts[0].Value : string.Concat(Parts.Select(p => p.Value));
}

/// <summary>
/// A lightweight C# lexer that finds string literals and skips everything else correctly: <c>//</c> and
/// <c>/* */</c> comments, char literals (<c>'"'</c>, <c>'\''</c>), preprocessor lines, and the holes of
/// interpolated strings (which may hold strings of their own, found too). It never throws; an unterminated
/// literal ends at the end of its line (or of the file, for verbatim and raw strings).
/// </summary>
public static class CSharpStrings
{
    public static List<CSharpString> Lex(string text)
    {
        var result = new List<CSharpString>();
        var lexer = new Lexer(text, result);
        lexer.Run(0, text.Length, topLevel: true);
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    private sealed class Lexer
    {
        private readonly string t;
        private readonly List<CSharpString> output;
        private int depth;

        public Lexer(string text, List<CSharpString> output)
        {
            t = text;
            this.output = output;
        }

        /// <summary>Lexes code from <paramref name="i"/>; inside a hole (not top level) stops at the '}' that closes it.</summary>
        public int Run(int i, int end, bool topLevel)
        {
            int depth = 0;
            bool lineStart = true;
            while (i < end)
            {
                char c = t[i];
                if (c == '\n')
                {
                    lineStart = true;
                    i++;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\r')
                {
                    i++;
                    continue;
                }
                if (lineStart && c == '#' && topLevel)
                {
                    while (i < end && t[i] != '\n') i++;
                    continue;
                }
                lineStart = false;
                if (c == '/' && i + 1 < end && t[i + 1] == '/')
                {
                    while (i < end && t[i] != '\n') i++;
                    continue;
                }
                if (c == '/' && i + 1 < end && t[i + 1] == '*')
                {
                    int close = t.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = close < 0 || close >= end ? end : close + 2;
                    continue;
                }
                if (c == '\'')
                {
                    i = SkipChar(i, end);
                    continue;
                }
                if (!topLevel)
                {
                    if (c == '{' ) depth++;
                    else if (c == '}')
                    {
                        if (depth == 0) return i;
                        depth--;
                    }
                }
                if (c == '"' || ((c == '@' || c == '$') && IsStringPrefix(i, end)))
                {
                    i = LexString(i, end);
                    continue;
                }
                i++;
            }
            return i;
        }

        private bool IsStringPrefix(int i, int end)
        {
            int k = i;
            while (k < end && (t[k] == '@' || t[k] == '$') && k - i < 12) k++;
            return k < end && t[k] == '"' && k > i && (i == 0 || !(char.IsLetterOrDigit(t[i - 1]) || t[i - 1] == '_'));
        }

        private int SkipChar(int i, int end)
        {
            // 'x', '\x', '\u0041', '\''; a lone apostrophe (bad code) just moves on
            int k = i + 1;
            if (k < end && t[k] == '\\') k += 2;
            else k++;
            int limit = Math.Min(end, i + 12);
            while (k < limit && t[k] != '\'' && t[k] != '\n') k++;
            return k < end && t[k] == '\'' ? k + 1 : i + 1;
        }

        private int LexString(int start, int end)
        {
            int i = start;
            int dollars = 0;
            bool verbatim = false;
            while (i < end && (t[i] == '@' || t[i] == '$'))
            {
                if (t[i] == '$') dollars++;
                else verbatim = true;
                i++;
            }
            int quotes = 0;
            while (i + quotes < end && t[i + quotes] == '"') quotes++;
            bool interpolated = dollars > 0;
            if (quotes >= 3) return LexRaw(start, i, quotes, dollars, end);
            i++; // opening quote
            var parts = new List<CSharpStringPart>();
            var sb = new StringBuilder();
            int partStart = i;
            bool escaped = false;
            while (i < end)
            {
                char c = t[i];
                if (verbatim)
                {
                    if (c == '"')
                    {
                        if (i + 1 < end && t[i + 1] == '"')
                        {
                            sb.Append('"');
                            escaped = true;
                            i += 2;
                            continue;
                        }
                        break;
                    }
                }
                else
                {
                    if (c == '"' || c == '\n') break;
                    if (c == '\\' && i + 1 < end)
                    {
                        i = Escape(i, end, sb);
                        escaped = true;
                        continue;
                    }
                }
                if (interpolated && c == '{')
                {
                    if (i + 1 < end && t[i + 1] == '{')
                    {
                        sb.Append('{');
                        escaped = true;
                        i += 2;
                        continue;
                    }
                    Flush(parts, partStart, i, sb, ref escaped);
                    if (++depth > 32)
                    {
                        // pathological nesting: skip the hole without reading strings inside it
                        int holeClose = t.IndexOf('}', i + 1);
                        i = holeClose < 0 || holeClose >= end ? end : holeClose;
                    }
                    else
                    {
                        i = Run(i + 1, end, topLevel: false);
                    }
                    depth--;
                    if (i < end) i++; // closing brace
                    partStart = i;
                    continue;
                }
                if (interpolated && c == '}' && i + 1 < end && t[i + 1] == '}')
                {
                    sb.Append('}');
                    escaped = true;
                    i += 2;
                    continue;
                }
                sb.Append(c);
                i++;
            }
            Flush(parts, partStart, i, sb, ref escaped);
            int close = i < end && t[i] == '"' ? i + 1 : i;
            if (close + 1 < end && t[close] == 'u' && t[close + 1] == '8') close += 2;
            output.Add(new CSharpString(start, close, interpolated, verbatim, false, parts));
            return close;
        }

        private int LexRaw(int start, int i, int quotes, int dollars, int end)
        {
            string delimiter = new('"', quotes);
            int contentStart = i + quotes;
            int close = t.IndexOf(delimiter, contentStart, StringComparison.Ordinal);
            int contentEnd = close < 0 || close >= end ? end : close;
            var parts = new List<CSharpStringPart>();
            if (dollars == 0)
            {
                parts.Add(new CSharpStringPart(contentStart, contentEnd, t.Substring(contentStart, contentEnd - contentStart)));
            }
            else
            {
                // holes open with `dollars` braces; fewer braces are content
                int partStart = contentStart;
                int k = contentStart;
                while (k < contentEnd)
                {
                    if (t[k] == '{')
                    {
                        int run = 0;
                        while (k + run < contentEnd && t[k + run] == '{') run++;
                        if (run >= dollars)
                        {
                            int holeStart = k + run - dollars;
                            if (holeStart > partStart) parts.Add(new CSharpStringPart(partStart, holeStart, t.Substring(partStart, holeStart - partStart)));
                            int holeEnd = t.IndexOf(new string('}', dollars), k + run, StringComparison.Ordinal);
                            k = holeEnd < 0 || holeEnd > contentEnd ? contentEnd : holeEnd + dollars;
                            partStart = k;
                            continue;
                        }
                        k += run;
                        continue;
                    }
                    k++;
                }
                if (contentEnd > partStart) parts.Add(new CSharpStringPart(partStart, contentEnd, t.Substring(partStart, contentEnd - partStart)));
            }
            int endPos = close < 0 || close >= end ? end : close + quotes;
            while (endPos < end && t[endPos] == '"') endPos++;
            if (endPos + 1 < end && t[endPos] == 'u' && t[endPos + 1] == '8') endPos += 2;
            output.Add(new CSharpString(start, endPos, dollars > 0, false, true, parts));
            return endPos;
        }

        private void Flush(List<CSharpStringPart> parts, int start, int end, StringBuilder sb, ref bool escaped)
        {
            if (end > start || sb.Length > 0) parts.Add(new CSharpStringPart(start, end, sb.ToString()));
            sb.Clear();
            escaped = false;
        }

        private int Escape(int i, int end, StringBuilder sb)
        {
            char e = t[i + 1];
            switch (e)
            {
                case 'n': sb.Append('\n'); return i + 2;
                case 't': sb.Append('\t'); return i + 2;
                case 'r': sb.Append('\r'); return i + 2;
                case '0': sb.Append('\0'); return i + 2;
                case 'a': sb.Append('\a'); return i + 2;
                case 'b': sb.Append('\b'); return i + 2;
                case 'f': sb.Append('\f'); return i + 2;
                case 'v': sb.Append('\v'); return i + 2;
                case 'e': sb.Append('\u001b'); return i + 2;
                case 'u':
                case 'x':
                case 'U':
                {
                    int max = e == 'u' ? 4 : e == 'U' ? 8 : 4;
                    int k = i + 2;
                    int v = 0;
                    while (k < end && k < i + 2 + max && CharSets.Hex.In(t[k]))
                    {
                        v = v * 16 + Convert.ToInt32(t[k].ToString(), 16);
                        k++;
                    }
                    if (k == i + 2) { sb.Append(e); return i + 2; }
                    if (v > 0xFFFF && v <= 0x10FFFF) sb.Append(char.ConvertFromUtf32(v));
                    else sb.Append((char)Math.Min(v, 0xFFFF));
                    return k;
                }
                default: sb.Append(e); return i + 2;
            }
        }
    }
}
