namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>Character classes exactly as Python's <c>str</c> methods and <c>re</c> see them.</summary>
internal static class PythonText
{
    /// <summary>Python's <c>str.isspace()</c> / regex <c>\s</c>: .NET white space plus the four
    /// information separators U+001C..U+001F, which Python also counts.</summary>
    public static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || (c >= '\u001c' && c <= '\u001f');

    /// <summary>ASCII digit only (Python's <c>[0-9]</c>; not other Unicode decimal digits).</summary>
    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>ASCII letter or digit, case-insensitive (PEP 440's <c>[a-z0-9]</c> with IGNORECASE,
    /// deliberately without the four non-ASCII letters Python's Unicode case folding would let in).</summary>
    public static bool IsAsciiAlphanumeric(char c) =>
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    /// <summary>PEP 440 separators <c>.</c>, <c>_</c> and <c>-</c>.</summary>
    public static bool IsSeparator(char c) => c == '.' || c == '_' || c == '-';

    public static char ToLowerAscii(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;

    /// <summary>Trims Python white space from both ends; returns the bounds.</summary>
    public static void Trim(string text, out int start, out int end)
    {
        start = 0;
        end = text.Length;
        while (start < end && IsWhiteSpace(text[start])) start++;
        while (end > start && IsWhiteSpace(text[end - 1])) end--;
    }

    /// <summary>Does <paramref name="text"/> hold <paramref name="word"/> (lower-case ASCII) at
    /// <paramref name="index"/>, ignoring ASCII case, before <paramref name="end"/>?</summary>
    public static bool MatchesWordAt(string text, int index, int end, string word)
    {
        if (end - index < word.Length) return false;
        for (int k = 0; k < word.Length; k++)
        {
            if (ToLowerAscii(text[index + k]) != word[k]) return false;
        }
        return true;
    }

    /// <summary>Reads a run of ASCII digits as a non-negative <see cref="long"/>.
    /// False when there is no digit at <paramref name="index"/> or the value overflows.</summary>
    public static bool TryReadNumber(string text, ref int index, int end, out long value)
    {
        value = 0;
        int i = index;
        if (i >= end || !IsDigit(text[i])) return false;
        while (i < end && IsDigit(text[i]))
        {
            int digit = text[i] - '0';
            if (value > (long.MaxValue - digit) / 10) return false;
            value = value * 10 + digit;
            i++;
        }
        index = i;
        return true;
    }
}
