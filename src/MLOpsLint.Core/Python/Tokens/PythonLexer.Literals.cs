namespace MLOpsLint.Core.Python.Tokens;

/// <summary>Numbers and (non-f-mode) strings.</summary>
internal sealed partial class PythonLexer
{
    private bool DigitAt(int i) => i < end && CharClass.IsAsciiDigit(text[i]);

    /// <summary><c>[0-9](?:_?[0-9])*</c> from <paramref name="i"/>: its end, or -1.</summary>
    private int Digits(int i)
    {
        if (!DigitAt(i)) return -1;
        i++;
        while (true)
        {
            if (DigitAt(i)) i++;
            else if (i < end && text[i] == '_' && DigitAt(i + 1)) i += 2;
            else return i;
        }
    }

    private int Exponent(int i)
    {
        if (i >= end || (text[i] | 0x20) != 'e') return -1;
        int j = i + 1;
        if (j < end && (text[j] == '+' || text[j] == '-')) j++;
        return Digits(j);
    }

    private int FloatNumber(int p)
    {
        int d = Digits(p);
        int i = -1;
        if (d > 0 && d < end && text[d] == '.')
        {
            i = d + 1;
            int d2 = Digits(i);
            if (d2 > 0) i = d2;
        }
        else if (d < 0 && text[p] == '.')
        {
            i = Digits(p + 1);
        }
        if (i > 0)
        {
            int e = Exponent(i);
            return e > 0 ? e : i;
        }
        return d > 0 ? Exponent(d) : -1;
    }

    private int PrefixedInt(int p, char letter, Func<char, bool> isDigit)
    {
        if (p + 1 >= end || (text[p + 1] | 0x20) != letter) return -1;
        int i = p + 2;
        while (true)
        {
            if (i < end && isDigit(text[i])) i++;
            else if (i + 1 < end && text[i] == '_' && isDigit(text[i + 1])) i += 2;
            else break;
        }
        return i > p + 2 ? i : -1;
    }

    private static readonly Func<char, bool> IsHex = CharClass.IsHexDigit;
    private static readonly Func<char, bool> IsOct = c => (uint)(c - '0') <= 7;
    private static readonly Func<char, bool> IsBin = c => c == '0' || c == '1';

    /// <summary>A number as tokenize's pattern reads it (first matching alternative: imaginary, float, int).</summary>
    private int ScanNumber(int p)
    {
        int d = Digits(p);
        if (d > 0 && d < end && (text[d] | 0x20) == 'j') return d + 1;
        int f = FloatNumber(p);
        if (f > 0) return f < end && (text[f] | 0x20) == 'j' ? f + 1 : f;
        if (text[p] == '0')
        {
            int x = PrefixedInt(p, 'x', IsHex);
            if (x < 0) x = PrefixedInt(p, 'b', IsBin);
            if (x < 0) x = PrefixedInt(p, 'o', IsOct);
            if (x > 0) return x;
            int i = p + 1;
            while (true)
            {
                if (i < end && text[i] == '0') i++;
                else if (i + 1 < end && text[i] == '_' && text[i + 1] == '0') i += 2;
                else return i;
            }
        }
        return d;
    }

    /// <summary>
    /// A string literal whose prefix starts at <paramref name="ps"/> and quote is at <paramref name="q"/>. Emits it
    /// and returns the offset after it. In <see cref="FStringMode.SingleToken"/> mode an unterminated one-line string
    /// returns -1 (tokenize then reads the prefix as a name and the quote as an error token).
    /// </summary>
    private int ScanString(int ps, int q)
    {
        char quote = text[q];
        bool triple = q + 2 < end && text[q + 1] == quote && text[q + 2] == quote;
        if (!compat)
        {
            for (int k = ps; k < q; k++)
            {
                if ((text[k] | 0x20) == 'f')
                {
                    return StartFString(ps, q, quote, triple);
                }
            }
        }
        int startLine = lnum, startCol = ps - lineStart;
        int i = q + (triple ? 3 : 1);
        bool crossed = false;
        var stops = (quote == '"' ? DoubleQuoteStops : SingleQuoteStops).AsSpan();
        while (i < end)
        {
            // skip to the next character that matters (vectorized)
            int skip = text.AsSpan(i, end - i).IndexOfAny(stops);
            if (skip < 0)
            {
                i = end;
                break;
            }
            i += skip;
            char c = text[i];
            if (c == quote)
            {
                if (!triple)
                {
                    return EndString(PyTokenKind.String, ps, i + 1, startLine, startCol, crossed);
                }
                if (i + 2 < end && text[i + 1] == quote && text[i + 2] == quote)
                {
                    return EndString(PyTokenKind.String, ps, i + 3, startLine, startCol, crossed);
                }
                i++;
            }
            else if (c == '\\')
            {
                if (i + 1 >= end)
                {
                    i++;
                    break;
                }
                char n = text[i + 1];
                if (n == '\n' || n == '\r')
                {
                    i = CrossLineBreak(i + 1);
                    crossed = true;
                }
                else
                {
                    i += 2;
                }
            }
            else if (c == '\n' || c == '\r')
            {
                if (triple)
                {
                    i = CrossLineBreak(i);
                    crossed = true;
                    continue;
                }
                if (!crossed)
                {
                    if (compat) return -1;
                    Error(ps, i, "unterminated string literal");
                    Emit(PyTokenKind.ErrorToken, ps, i);
                    return i;
                }
                // a backslash-continued string that does not go on: the whole of it, to the end of this line
                SetLine(lineStart);
                Error(ps, lineNext, "unterminated string literal");
                EmitFrom(PyTokenKind.ErrorToken, ps, lineNext, startLine, startCol);
                return lineNext;
            }
            else
            {
                i++;
            }
        }
        // end of text inside the string
        if (!crossed && compat && !triple) return -1;
        SetLine(lineStart);
        errors.Add(new PyLexError(ps, end, startLine, startCol, triple ? "unterminated triple-quoted string literal" : "unterminated string literal"));
        EmitFrom(PyTokenKind.ErrorToken, ps, end, startLine, startCol);
        return end;
    }

    private const string DoubleQuoteStops = "\"\\\n\r";
    private const string SingleQuoteStops = "'\\\n\r";

    private int EndString(PyTokenKind kind, int s, int e, int startLine, int startCol, bool crossed)
    {
        if (crossed)
        {
            SetLine(lineStart);
        }
        EmitFrom(kind, s, e, startLine, startCol);
        return e;
    }
}
