using System.Text;

namespace MLOpsLint.Core.Python.Structure;

/// <summary>Decodes Python string literal bodies: escape sequences, raw strings, bytes, f-string fields.</summary>
public static class StringDecoder
{
    /// <summary>Decodes the body of a literal (the text between the quotes).</summary>
    public static string DecodeBody(string body, bool raw, bool bytes) => Decode(body, 0, body.Length, raw, bytes, fstring: false);

    internal static string DecodeLiteral(PyStringLiteral literal, out IReadOnlyList<PyStringPart>? parts)
    {
        string text = literal.Module.Text;
        int s = literal.BodyStart, e = literal.BodyEnd;
        if (!literal.IsFString)
        {
            parts = null; // one part, made when PyStringLiteral.Parts is read
            return Decode(text, s, e, literal.IsRaw, literal.IsBytes, fstring: false);
        }
        var list = new List<PyStringPart>();
        var sb = new StringBuilder(e - s);
        int litStart = s;
        int i = s;
        while (i < e)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < e)
            {
                i += 2;
                continue;
            }
            if ((c == '{' || c == '}') && i + 1 < e && text[i + 1] == c)
            {
                i += 2;
                continue;
            }
            if (c == '{')
            {
                AddPart(text, litStart, i, literal.IsRaw, list, sb);
                int close = FieldEnd(text, i, e);
                sb.Append(text, i, close - i);
                i = litStart = close;
                continue;
            }
            i++;
        }
        AddPart(text, litStart, e, literal.IsRaw, list, sb);
        parts = list;
        return sb.ToString();
    }

    private static void AddPart(string text, int s, int e, bool raw, List<PyStringPart> parts, StringBuilder sb)
    {
        if (e <= s) return;
        string v = Decode(text, s, e, raw, bytes: false, fstring: true);
        parts.Add(new PyStringPart(s, e, v));
        sb.Append(v);
    }

    /// <summary>End (after the closing '}') of the replacement field opening at <paramref name="open"/>.</summary>
    private static int FieldEnd(string text, int open, int end)
    {
        int depth = 0;
        int i = open;
        while (i < end)
        {
            char c = text[i];
            if (c == '{' || c == '[' || c == '(') depth++;
            else if (c == '}' || c == ']' || c == ')')
            {
                depth--;
                if (depth == 0) return i + 1;
            }
            else if (c == '\'' || c == '"')
            {
                int q = text.IndexOf(c, i + 1);
                if (q < 0 || q >= end) return end;
                i = q;
            }
            i++;
        }
        return end;
    }

    private static string Decode(string text, int s, int e, bool raw, bool bytes, bool fstring)
    {
        int firstSpecial = -1;
        for (int k = s; k < e; k++)
        {
            char c = text[k];
            if (c == '\\' || c == '\r' || (fstring && (c == '{' || c == '}')))
            {
                firstSpecial = k;
                break;
            }
        }
        if (firstSpecial < 0) return text.Substring(s, e - s);
        var sb = new StringBuilder(e - s);
        sb.Append(text, s, firstSpecial - s);
        int i = firstSpecial;
        while (i < e)
        {
            char c = text[i];
            if (fstring && (c == '{' || c == '}') && i + 1 < e && text[i + 1] == c)
            {
                sb.Append(c);
                i += 2;
                continue;
            }
            if (c == '\r')
            {
                // Python reads \r\n and \r in source as \n
                sb.Append('\n');
                i += i + 1 < e && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            if (c != '\\' || i + 1 >= e)
            {
                sb.Append(c);
                i++;
                continue;
            }
            char n = text[i + 1];
            if (raw)
            {
                sb.Append(c).Append(n == '\r' ? '\n' : n);
                i += n == '\r' && i + 2 < e && text[i + 2] == '\n' ? 3 : 2;
                continue;
            }
            i += 2;
            switch (n)
            {
                case '\n': break;
                case '\r': if (i < e && text[i] == '\n') i++; break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case 'x':
                    if (TryHex(text, i, e, 2, out int x)) { sb.Append((char)x); i += 2; }
                    else sb.Append('\\').Append('x');
                    break;
                case 'u' when !bytes:
                    if (TryHex(text, i, e, 4, out int u)) { sb.Append((char)u); i += 4; }
                    else sb.Append('\\').Append('u');
                    break;
                case 'U' when !bytes:
                    if (TryHex(text, i, e, 8, out int cp) && cp <= 0x10FFFF) { AppendCodePoint(sb, cp); i += 8; }
                    else sb.Append('\\').Append('U');
                    break;
                case 'N' when !bytes:
                    // \N{NAME}: kept as written (no Unicode name table here)
                    sb.Append('\\').Append('N');
                    break;
                default:
                    if (n >= '0' && n <= '7')
                    {
                        int v = n - '0';
                        int k = 0;
                        while (k < 2 && i < e && text[i] >= '0' && text[i] <= '7')
                        {
                            v = v * 8 + (text[i] - '0');
                            i++;
                            k++;
                        }
                        sb.Append((char)(bytes ? v & 0xFF : v));
                    }
                    else
                    {
                        sb.Append('\\').Append(n); // unknown escapes stay as written
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool TryHex(string text, int i, int e, int count, out int value)
    {
        value = 0;
        if (i + count > e) return false;
        for (int k = 0; k < count; k++)
        {
            char c = text[i + k];
            int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
            if (d < 0) return false;
            value = value * 16 + d;
        }
        return true;
    }

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp < 0x10000)
        {
            sb.Append((char)cp);
        }
        else
        {
            cp -= 0x10000;
            sb.Append((char)(0xD800 + (cp >> 10))).Append((char)(0xDC00 + (cp & 0x3FF)));
        }
    }
}
