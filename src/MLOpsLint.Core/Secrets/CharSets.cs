namespace MLOpsLint.Core.Secrets;

/// <summary>ASCII character classes used by the detectors (lookup tables: no regex on the hot path).</summary>
internal static class CharSets
{
    public static readonly bool[] Alnum = Make(c => IsAsciiLetter(c) || IsDigit(c));
    /// <summary>Characters that may appear in a URL scheme ("postgresql+psycopg2", "mongodb+srv").</summary>
    public static readonly bool[] Scheme = Make(c => IsAsciiLetter(c) || IsDigit(c) || c == '+' || c == '.' || c == '-');
    public static readonly bool[] Word = Make(c => IsAsciiLetter(c) || IsDigit(c) || c == '_');
    /// <summary>Characters of base64url tokens: letters, digits, '-', '_'.</summary>
    public static readonly bool[] Base64Url = Make(c => IsAsciiLetter(c) || IsDigit(c) || c == '-' || c == '_');
    public static readonly bool[] Base64 = Make(c => IsAsciiLetter(c) || IsDigit(c) || c == '+' || c == '/');
    /// <summary>RFC 6750's b64token, the characters of a bearer token (without the trailing '=' padding).</summary>
    public static readonly bool[] BearerToken = Make(c => IsAsciiLetter(c) || IsDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/');
    public static readonly bool[] Letters = Make(IsAsciiLetter);
    public static readonly bool[] LowerHex = Make(c => IsDigit(c) || (c >= 'a' && c <= 'f'));
    public static readonly bool[] Hex = Make(c => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    public static readonly bool[] UpperBase32 = Make(c => (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'));
    public static readonly bool[] UpperAlnum = Make(c => (c >= 'A' && c <= 'Z') || IsDigit(c));
    /// <summary>Characters of a variable, key or header name around a provider keyword: <c>COHERE_API_KEY</c>, <c>cohere.Client</c>, <c>x-api-key</c>.</summary>
    public static readonly bool[] NameChars = Make(c => IsAsciiLetter(c) || IsDigit(c) || c is '_' or '.' or '-');
    /// <summary>base64url and dots: tokens made of dot-separated base64url parts (Discord, SendGrid).</summary>
    public static readonly bool[] TokenDot = Make(c => IsAsciiLetter(c) || IsDigit(c) || c is '-' or '_' or '.');
    /// <summary>Lower-case hex and dashes: UUID-shaped keys.</summary>
    public static readonly bool[] HexDash = Make(c => IsDigit(c) || (c >= 'a' && c <= 'f') || c == '-');
    /// <summary>Characters of a Microsoft Entra ID client secret (<c>[A-Za-z0-9_~.-]</c>).</summary>
    public static readonly bool[] EntraSecret = Make(c => IsAsciiLetter(c) || IsDigit(c) || c is '_' or '~' or '.' or '-');
    /// <summary>Characters of a Sentry organization token: base64 with padding, then '_' and the secret.</summary>
    public static readonly bool[] Base64Underscore = Make(c => IsAsciiLetter(c) || IsDigit(c) || c is '+' or '/' or '=' or '_');
    /// <summary>base36 as GitLab writes it: digits and lower-case letters.</summary>
    public static readonly bool[] LowerAlnum = Make(c => IsDigit(c) || (c >= 'a' && c <= 'z'));

    public static bool In(this bool[] set, char c) => c < 128 && set[c];

    public static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>End of the run of <paramref name="set"/> characters starting at <paramref name="i"/> (bounded by <paramref name="end"/>).</summary>
    public static int RunEnd(string text, int i, int end, bool[] set)
    {
#if NET8_0_OR_GREATER
        if (i >= end) return i;
        if (Vectorized.TryGetValue(set, out var values))
        {
            int k = text.AsSpan(i, end - i).IndexOfAnyExcept(values);
            return k < 0 ? end : i + k;
        }
#endif
        while (i < end && set.In(text[i])) i++;
        return i;
    }

#if NET8_0_OR_GREATER
    /// <summary>The same sets as <see cref="System.Buffers.SearchValues{T}"/>: long runs (tokens, keys) are skipped with SIMD.</summary>
    private static readonly Dictionary<bool[], System.Buffers.SearchValues<char>> Vectorized = new[] { Alnum, Word, Base64Url, Base64, Letters, LowerHex, Hex, UpperBase32, UpperAlnum, Scheme, TokenDot, HexDash, EntraSecret, Base64Underscore }
        .ToDictionary<bool[], bool[], System.Buffers.SearchValues<char>>(s => s, s => System.Buffers.SearchValues.Create(Enumerable.Range(0, 128).Where(c => s[c]).Select(c => (char)c).ToArray()), ReferenceEqualityComparer.Instance);
#endif

    /// <summary>Start of the run of <paramref name="set"/> characters ending just before <paramref name="i"/>.</summary>
    public static int RunStart(string text, int i, int start, bool[] set)
    {
        while (i > start && set.In(text[i - 1])) i--;
        return i;
    }

    private static bool[] Make(Func<char, bool> f)
    {
        var t = new bool[128];
        for (char c = (char)0; c < 128; c++) t[c] = f(c);
        return t;
    }
}
