using System.Globalization;
using System.Runtime.CompilerServices;

namespace MLOpsLint.Core.Python.Tokens;

/// <summary>Character classes of Python's lexical grammar.</summary>
internal static class CharClass
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHexDigit(char c) => (uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiWord(char c) => (uint)((c | 0x20) - 'a') <= 25 || (uint)(c - '0') <= 9 || c == '_';

    /// <summary>
    /// Length (1 or 2 UTF-16 units) of the word character at <paramref name="i"/>, or 0. A word character is what
    /// <c>\w</c> matches in Python's <c>re</c> (letters, numbers, '_'), plus, when <paramref name="xid"/>, the
    /// combining marks and connector punctuation that identifiers may continue with (PEP 3131).
    /// </summary>
    public static int WordCharLength(string text, int i, int end, bool xid)
    {
        char c = text[i];
        if (c < 0x80)
        {
            return IsAsciiWord(c) ? 1 : 0;
        }
        int len = 1;
        UnicodeCategory cat;
        if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
        {
            cat = CharUnicodeInfo.GetUnicodeCategory(text, i);
            len = 2;
        }
        else
        {
            cat = CharUnicodeInfo.GetUnicodeCategory(c);
        }
        switch (cat)
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return len;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.ConnectorPunctuation:
                return xid ? len : 0;
            default:
                return 0;
        }
    }

    /// <summary>True when the character at <paramref name="i"/> may start an identifier (letter, letter number, '_').</summary>
    public static bool IsIdentifierStart(string text, int i)
    {
        char c = text[i];
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 25 || c == '_';
        }
        var cat = char.IsHighSurrogate(c) && i + 1 < text.Length ? CharUnicodeInfo.GetUnicodeCategory(text, i) : CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
    }

    /// <summary>True for a string prefix Python 3 accepts: r, b, u, f, br, rb, fr, rf in any case.</summary>
    public static bool IsStringPrefix(string text, int start, int length)
    {
        if (length == 1)
        {
            char c = (char)(text[start] | 0x20);
            return c is 'r' or 'b' or 'u' or 'f';
        }
        if (length == 2)
        {
            char a = (char)(text[start] | 0x20), b = (char)(text[start + 1] | 0x20);
            return (a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f'));
        }
        return length == 0;
    }
}
