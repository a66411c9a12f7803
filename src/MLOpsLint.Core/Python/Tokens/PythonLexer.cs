using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Python.Tokens;

/// <summary>
/// The lexer behind <see cref="PythonTokenizer"/>. Line by line like CPython's <c>tokenize</c>: indentation is
/// measured at the start of each statement line (tabs to multiples of 8, form feed resets), blank and
/// comment-only lines give NL, brackets make line breaks NL, a backslash before a line break joins lines.
/// Multi-line tokens (triple-quoted strings, strings continued with a backslash) move the current line forward.
/// Lines end at \n, \r\n or a lone \r.
/// </summary>
internal sealed partial class PythonLexer
{
    private readonly string text;
    private readonly int start;
    private readonly int end;
    private readonly bool compat;
    private readonly TokenBuffer tokens;
    private readonly List<PyLexError> errors;

    private int lnum;
    private int lineStart;
    private int lineEnd;   // offset of the line break (or end)
    private int lineNext;  // offset of the next line's start

    private int parenlev;
    private bool continued;
    private int[] indents = new int[16];
    private int indentCount = 1;

    public PythonLexer(string text, int start, int end, int firstLine, FStringMode mode, TokenBuffer tokens, List<PyLexError> errors)
    {
        this.text = text;
        this.start = start;
        this.end = end;
        compat = mode == FStringMode.SingleToken;
        this.tokens = tokens;
        this.errors = errors;
        lnum = firstLine - 1;
    }

    public void Run()
    {
        int pos = start;
        if (pos < end && text[pos] == '\uFEFF')
        {
            pos++;
        }
        bool whitespaceBreak = false;
        bool sawLine = false;
        while (true)
        {
            if (pos >= end)
            {
                // the read that finds no more lines (unless a multi-line token already stepped onto it)
                if (!sawLine || lineStart < end)
                {
                    lnum++;
                }
                break;
            }
            lnum++;
            sawLine = true;
            SetLine(pos);
            if (parenlev == 0 && !continued && fcount == 0)
            {
                int column = 0;
                int p = pos;
                while (p < lineEnd)
                {
                    char c = text[p];
                    if (c == ' ') column++;
                    else if (c == '\t') column = (column / 8 + 1) * 8;
                    else if (c == '\f') column = 0;
                    else break;
                    p++;
                }
                if (p == lineNext)
                {
                    whitespaceBreak = true;
                    break;
                }
                char first = text[p];
                if (first == '#' || first == '\r' || first == '\n' || p == lineEnd)
                {
                    if (first == '#')
                    {
                        Emit(PyTokenKind.Comment, p, lineEnd);
                        p = lineEnd;
                    }
                    Emit(PyTokenKind.NL, p, lineNext);
                    pos = lineNext;
                    continue;
                }
                if (column > indents[indentCount - 1])
                {
                    if (indentCount == indents.Length) Array.Resize(ref indents, indents.Length * 2);
                    indents[indentCount++] = column;
                    Emit(PyTokenKind.Indent, pos, p);
                }
                while (column < indents[indentCount - 1])
                {
                    indentCount--;
                    Emit(PyTokenKind.Dedent, p, p);
                    if (column > indents[indentCount - 1])
                    {
                        Error(p, p, "unindent does not match any outer indentation level");
                        indents[indentCount++] = column;
                        break;
                    }
                }
                pos = p;
            }
            else
            {
                continued = false;
            }
            ScanRest(pos);
            pos = lineNext;
        }
        Finish(whitespaceBreak);
    }

    private void Finish(bool whitespaceBreak)
    {
        if (fcount > 0)
        {
            Error(end, end, "unterminated f-string at end of file");
            fcount = 0;
        }
        if (parenlev > 0)
        {
            Error(end, end, "end of file inside brackets");
        }
        else if (continued)
        {
            Error(end, end, "end of file after a line continuation");
        }
        if (!whitespaceBreak && lineNext > lineStart && lineEnd == lineNext && !IsCommentLine(lineStart, lineEnd))
        {
            // the last line has no line break: an implicit NEWLINE, as tokenize reports it
            int col = lineEnd - lineStart;
            tokens.Add(new PyToken(PyTokenKind.Newline, end, end, lnum - 1, col, lnum - 1, col + 1));
        }
        int markerLine = lnum;
        for (int i = 1; i < indentCount; i++)
        {
            tokens.Add(new PyToken(PyTokenKind.Dedent, end, end, markerLine, 0, markerLine, 0));
        }
        tokens.Add(new PyToken(PyTokenKind.EndMarker, end, end, markerLine, 0, markerLine, 0));
    }

    private bool IsCommentLine(int from, int to)
    {
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        return from < to && text[from] == '#';
    }

    /// <summary>Makes the line starting at <paramref name="pos"/> current.</summary>
    private void SetLine(int pos)
    {
        lineStart = pos;
        int i = text.AsSpan(pos, end - pos).IndexOfAny('\n', '\r');
        if (i < 0)
        {
            lineEnd = lineNext = end;
            return;
        }
        lineEnd = pos + i;
        lineNext = text[lineEnd] == '\r' && lineEnd + 1 < end && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
    }

    /// <summary>Steps over the line break at <paramref name="i"/> inside a multi-line token; returns the next line's start.</summary>
    private int CrossLineBreak(int i)
    {
        int next = text[i] == '\r' && i + 1 < end && text[i + 1] == '\n' ? i + 2 : i + 1;
        lnum++;
        lineStart = next;
        return next;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Emit(PyTokenKind kind, int s, int e) => tokens.AddOnLine(kind, s, e, lnum, lineStart);

    /// <summary>Emits a token that began at (<paramref name="line"/>, <paramref name="col"/>) and ends on the current line.</summary>
    private void EmitFrom(PyTokenKind kind, int s, int e, int line, int col) =>
        tokens.Add(new PyToken(kind, s, e, line, col, lnum, e - lineStart));

    private void Error(int s, int e, string message) =>
        errors.Add(new PyLexError(s, e, lnum, s - lineStart, message));

    /// <summary>Reads tokens from <paramref name="pos"/> to the end of the current line (which may move forward).</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private void ScanRest(int pos)
    {
        while (pos < lineNext)
        {
            if (fcount > 0 && fstack[fcount - 1].Kind != FrameKind.Expression)
            {
                pos = ScanFStringText(pos);
                continue;
            }
            int wsStart = pos;
            while (pos < lineEnd)
            {
                char w = text[pos];
                if (w != ' ' && w != '\t' && w != '\f') break;
                pos++;
            }
            if (pos >= lineNext)
            {
                return;
            }
            char c = text[pos];
            if (c == '\n' || c == '\r')
            {
                Emit(parenlev > 0 ? PyTokenKind.NL : PyTokenKind.Newline, pos, lineNext);
                return;
            }
            if (c == '#')
            {
                Emit(PyTokenKind.Comment, pos, lineEnd);
                pos = lineEnd;
                continue;
            }
            int next;
            if (c == '\\')
            {
                if (pos + 1 == lineEnd && lineEnd < lineNext)
                {
                    continued = true;
                    return;
                }
                next = -1;
            }
            else if (CharClass.IsAsciiDigit(c) || (c == '.' && pos + 1 < end && CharClass.IsAsciiDigit(text[pos + 1])))
            {
                next = ScanNumber(pos);
                Emit(PyTokenKind.Number, pos, next);
            }
            else if (c == '\'' || c == '"')
            {
                next = ScanString(pos, pos);
            }
            else if (c < 0x80 ? CharClass.IsAsciiWord(c) : CharClass.WordCharLength(text, pos, end, !compat) > 0)
            {
                next = ScanWord(pos);
            }
            else
            {
                next = ScanOperator(pos);
            }
            if (next < 0)
            {
                // nothing matches: one character becomes an error token (tokenize reports the first
                // character where its pattern failed, which may be whitespace before the culprit)
                int bad = compat ? wsStart : pos;
                int len = char.IsHighSurrogate(text[bad]) && bad + 1 < end && char.IsLowSurrogate(text[bad + 1]) ? 2 : 1;
                Emit(PyTokenKind.ErrorToken, bad, bad + len);
                if (!compat || !IsSpace(text[bad]))
                {
                    Error(bad, bad + len, $"unexpected character '{text.Substring(bad, len)}'");
                }
                next = bad + len;
            }
            pos = next;
        }
    }

    private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\f';

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private int ScanWord(int pos)
    {
        int i = pos;
        while (i < end)
        {
            char c = text[i];
            if (c < 0x80)
            {
                if (!CharClass.IsAsciiWord(c)) break;
                i++;
                continue;
            }
            int len = CharClass.WordCharLength(text, i, end, !compat);
            if (len == 0) break;
            i += len;
        }
        if (i - pos <= 2 && i < end && (text[i] == '\'' || text[i] == '"') && CharClass.IsStringPrefix(text, pos, i - pos))
        {
            int s = ScanString(pos, i);
            if (s >= 0)
            {
                return s;
            }
        }
        if (compat && !CharClass.IsIdentifierStart(text, pos))
        {
            Emit(PyTokenKind.Op, pos, i); // tokenize's quirk: a \w run that is not an identifier is reported as OP
        }
        else
        {
            Emit(PyTokenKind.Name, pos, i);
        }
        return i;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private int ScanOperator(int pos)
    {
        char c = text[pos];
        char n = pos + 1 < end ? text[pos + 1] : '\0';
        char n2 = pos + 2 < end ? text[pos + 2] : '\0';
        int len;
        switch (c)
        {
            case '(':
            case '[':
            case '{':
                parenlev++;
                len = 1;
                break;
            case ')':
            case ']':
                parenlev--;
                len = 1;
                break;
            case '}':
                if (fcount > 0 && fstack[fcount - 1].Kind == FrameKind.Expression && parenlev == fstack[fcount - 1].BaseDepth)
                {
                    Emit(PyTokenKind.Op, pos, pos + 1);
                    parenlev--;
                    fcount--;
                    return pos + 1;
                }
                parenlev--;
                len = 1;
                break;
            case ':':
                if (fcount > 0 && fstack[fcount - 1].Kind == FrameKind.Expression && parenlev == fstack[fcount - 1].BaseDepth)
                {
                    Emit(PyTokenKind.Op, pos, pos + 1);
                    fstack[fcount - 1].Kind = FrameKind.FormatSpec;
                    return pos + 1;
                }
                len = n == '=' ? 2 : 1;
                break;
            case ',':
            case ';':
            case '~':
                len = 1;
                break;
            case '.':
                len = n == '.' && n2 == '.' ? 3 : 1;
                break;
            case '-':
                len = n == '=' || n == '>' ? 2 : 1;
                break;
            case '*':
            case '/':
            case '<':
            case '>':
                if (n == c)
                {
                    len = n2 == '=' ? 3 : 2;
                }
                else
                {
                    len = n == '=' ? 2 : 1;
                }
                break;
            case '+':
            case '%':
            case '&':
            case '|':
            case '^':
            case '@':
            case '=':
                len = n == '=' ? 2 : 1;
                break;
            case '!':
                if (n == '=')
                {
                    len = 2;
                }
                else if (!compat)
                {
                    len = 1; // Python 3.12: '!' is an operator (f-string conversions)
                }
                else
                {
                    return -1;
                }
                break;
            default:
                return -1;
        }
        Emit(PyTokenKind.Op, pos, pos + len);
        return pos + len;
    }
}
