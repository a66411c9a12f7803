namespace MLOpsLint.Core.Python.Tokens;

/// <summary>f-strings as Python 3.12 reads them (PEP 701): FSTRING_START, literal FSTRING_MIDDLE parts, replacement
/// fields tokenized as ordinary code (with '!' conversions and ':' format specs), FSTRING_END.</summary>
internal sealed partial class PythonLexer
{
    private enum FrameKind : byte
    {
        /// <summary>Inside the f-string's literal text.</summary>
        Literal,
        /// <summary>Inside a replacement field's expression.</summary>
        Expression,
        /// <summary>Inside a replacement field's format spec.</summary>
        FormatSpec,
    }

    private struct Frame
    {
        public FrameKind Kind;
        public char Quote;
        public bool Triple;
        public bool Raw;
        /// <summary>For a field: the bracket depth inside its '{'. For a string: the depth before it.</summary>
        public int BaseDepth;
    }

    private Frame[] fstack = new Frame[4];
    private int fcount;

    private void Push(Frame frame)
    {
        if (fcount == fstack.Length) Array.Resize(ref fstack, fcount * 2);
        fstack[fcount++] = frame;
    }

    private int StartFString(int ps, int q, char quote, bool triple)
    {
        bool raw = false;
        for (int k = ps; k < q; k++)
        {
            if ((text[k] | 0x20) == 'r') raw = true;
        }
        int after = q + (triple ? 3 : 1);
        Emit(PyTokenKind.FStringStart, ps, after);
        Push(new Frame { Kind = FrameKind.Literal, Quote = quote, Triple = triple, Raw = raw, BaseDepth = parenlev });
        return after;
    }

    /// <summary>Reads literal text of the innermost f-string (or format spec) from <paramref name="pos"/>, up to a
    /// replacement field, the end of the field, or the closing quote.</summary>
    private int ScanFStringText(int pos)
    {
        int top = fcount - 1;
        bool spec = fstack[top].Kind == FrameKind.FormatSpec;
        int si = top;
        while (fstack[si].Kind != FrameKind.Literal) si--;
        var str = fstack[si];
        int startLine = lnum, startCol = pos - lineStart;
        bool crossed = false;
        int i = pos;
        while (i < end)
        {
            char c = text[i];
            if (c == str.Quote && (!str.Triple || (i + 2 < end && text[i + 1] == c && text[i + 2] == c)))
            {
                Middle(pos, i, startLine, startCol, crossed);
                if (spec)
                {
                    Error(i, i, "f-string: expecting '}'");
                }
                int close = i + (str.Triple ? 3 : 1);
                Emit(PyTokenKind.FStringEnd, i, close);
                parenlev = str.BaseDepth;
                fcount = si;
                return close;
            }
            if (c == '\\')
            {
                if (!str.Raw && i + 2 < end && text[i + 1] == 'N' && text[i + 2] == '{')
                {
                    int close = text.IndexOf('}', i + 3);
                    int eol = text.AsSpan(i, end - i).IndexOfAny('\n', '\r');
                    if (close > 0 && (eol < 0 || close < i + eol))
                    {
                        i = close + 1;
                        continue;
                    }
                }
                i++;
                if (i < end && (text[i] == '\n' || text[i] == '\r'))
                {
                    i = CrossLineBreak(i);
                    crossed = true;
                }
                else
                {
                    i++;
                }
                continue;
            }
            if (c == '{')
            {
                if (!spec && i + 1 < end && text[i + 1] == '{')
                {
                    i += 2;
                    continue;
                }
                Middle(pos, i, startLine, startCol, crossed);
                Emit(PyTokenKind.Op, i, i + 1);
                parenlev++;
                Push(new Frame { Kind = FrameKind.Expression, BaseDepth = parenlev });
                return i + 1;
            }
            if (c == '}')
            {
                if (!spec)
                {
                    if (i + 1 < end && text[i + 1] == '}')
                    {
                        i += 2;
                        continue;
                    }
                    Error(i, i + 1, "f-string: single '}' is not allowed");
                    i++;
                    continue;
                }
                Middle(pos, i, startLine, startCol, crossed);
                Emit(PyTokenKind.Op, i, i + 1);
                parenlev--;
                fcount--;
                return i + 1;
            }
            if (c == '\n' || c == '\r')
            {
                if (str.Triple)
                {
                    i = CrossLineBreak(i);
                    crossed = true;
                    continue;
                }
                // unterminated single-quoted f-string: give up on it at the end of the line
                Middle(pos, i, startLine, startCol, crossed);
                Error(i, i, "unterminated f-string literal");
                parenlev = str.BaseDepth;
                fcount = si;
                return i;
            }
            i++;
        }
        Middle(pos, end, startLine, startCol, crossed);
        Error(end, end, "unterminated f-string literal");
        parenlev = str.BaseDepth;
        fcount = si;
        return end;
    }

    private void Middle(int s, int e, int startLine, int startCol, bool crossed)
    {
        if (crossed)
        {
            SetLine(lineStart);
        }
        if (e > s)
        {
            EmitFrom(PyTokenKind.FStringMiddle, s, e, startLine, startCol);
        }
    }
}
