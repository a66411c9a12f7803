using System.Diagnostics.CodeAnalysis;

namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>
/// Hand-written equivalent of packaging's <c>VERSION_PATTERN</c> (matched case-insensitively with
/// surrounding white space allowed): no regex, no exceptions, one pass.
/// </summary>
internal static class Pep440VersionParser
{
    // Alternation order of the regex matters: longer spellings are tried first.
    private static readonly string[] PreWords = { "alpha", "a", "beta", "b", "preview", "pre", "c", "rc" };
    private static readonly byte[] PreKinds =
    {
        Pep440Version.PreAlpha, Pep440Version.PreAlpha, Pep440Version.PreBeta, Pep440Version.PreBeta,
        Pep440Version.PreCandidate, Pep440Version.PreCandidate, Pep440Version.PreCandidate, Pep440Version.PreCandidate,
    };
    private static readonly string[] PostWords = { "post", "rev", "r" };

    public static bool TryParse(string? text, [NotNullWhen(true)] out Pep440Version? version)
    {
        version = null;
        if (text is null) return false;
        PythonText.Trim(text, out int i, out int end);
        return TryParse(text, i, end, out version);
    }

    /// <summary>Parses exactly <c>text[start..end)</c> (already trimmed).</summary>
    public static bool TryParse(string text, int start, int end, [NotNullWhen(true)] out Pep440Version? version)
    {
        version = null;
        int i = start;
        if (i < end && (text[i] == 'v' || text[i] == 'V')) i++;

        if (!PythonText.TryReadNumber(text, ref i, end, out long first)) return false;
        long epoch = 0;
        if (i < end && text[i] == '!')
        {
            epoch = first;
            i++;
            if (!PythonText.TryReadNumber(text, ref i, end, out first)) return false;
        }

        var release = new long[4];
        int count = 0;
        release[count++] = first;
        while (i + 1 < end && text[i] == '.' && PythonText.IsDigit(text[i + 1]))
        {
            i++;
            if (!PythonText.TryReadNumber(text, ref i, end, out long part)) return false;
            if (count == release.Length) Array.Resize(ref release, count * 2);
            release[count++] = part;
        }
        if (count != release.Length) Array.Resize(ref release, count);

        if (!TryReadPre(text, ref i, end, out byte preKind, out long preNumber)) return false;
        if (!TryReadPost(text, ref i, end, out long? post)) return false;
        if (!TryReadLabelled(text, ref i, end, "dev", out long? dev)) return false;

        LocalSegment[]? local = null;
        if (i < end && text[i] == '+')
        {
            i++;
            if (!TryReadLocal(text, i, end, out local)) return false;
            i = end;
        }
        if (i != end) return false;

        version = new Pep440Version(epoch, release, preKind, preNumber, post, dev, local);
        return true;
    }

    /// <summary><c>[._-]?(alpha|a|beta|b|preview|pre|c|rc)[._-]?[0-9]*</c>, all optional. False only on overflow.</summary>
    private static bool TryReadPre(string text, ref int i, int end, out byte kind, out long number)
    {
        kind = Pep440Version.NoPre;
        number = 0;
        int j = i;
        if (j < end && PythonText.IsSeparator(text[j])) j++;
        for (int w = 0; w < PreWords.Length; w++)
        {
            if (!PythonText.MatchesWordAt(text, j, end, PreWords[w])) continue;
            j += PreWords[w].Length;
            if (!TryReadOptionalNumber(text, ref j, end, out number)) return false;
            kind = PreKinds[w];
            i = j;
            return true;
        }
        return true;
    }

    /// <summary><c>-N</c> (implicit post release) or <c>[._-]?(post|rev|r)[._-]?[0-9]*</c>, optional.</summary>
    private static bool TryReadPost(string text, ref int i, int end, out long? post)
    {
        post = null;
        if (i + 1 < end && text[i] == '-' && PythonText.IsDigit(text[i + 1]))
        {
            int j = i + 1;
            if (!PythonText.TryReadNumber(text, ref j, end, out long n)) return false;
            post = n;
            i = j;
            return true;
        }
        int k = i;
        if (k < end && PythonText.IsSeparator(text[k])) k++;
        foreach (var word in PostWords)
        {
            if (!PythonText.MatchesWordAt(text, k, end, word)) continue;
            k += word.Length;
            if (!TryReadOptionalNumber(text, ref k, end, out long n)) return false;
            post = n;
            i = k;
            return true;
        }
        return true;
    }

    /// <summary><c>[._-]?word[._-]?[0-9]*</c>, optional.</summary>
    private static bool TryReadLabelled(string text, ref int i, int end, string word, out long? value)
    {
        value = null;
        int j = i;
        if (j < end && PythonText.IsSeparator(text[j])) j++;
        if (!PythonText.MatchesWordAt(text, j, end, word)) return true;
        j += word.Length;
        if (!TryReadOptionalNumber(text, ref j, end, out long n)) return false;
        value = n;
        i = j;
        return true;
    }

    /// <summary><c>[._-]?[0-9]*</c> after a label; a missing number is 0. False only on overflow.</summary>
    private static bool TryReadOptionalNumber(string text, ref int j, int end, out long number)
    {
        number = 0;
        if (j < end && PythonText.IsSeparator(text[j])) j++;
        if (j < end && PythonText.IsDigit(text[j])) return PythonText.TryReadNumber(text, ref j, end, out number);
        return true;
    }

    /// <summary><c>[a-z0-9]+([._-][a-z0-9]+)*</c> up to <paramref name="end"/>.</summary>
    internal static bool TryReadLocal(string text, int i, int end, out LocalSegment[]? local)
    {
        local = null;
        var segments = new List<LocalSegment>(2);
        while (true)
        {
            int s = i;
            bool numeric = true;
            while (i < end && PythonText.IsAsciiAlphanumeric(text[i]))
            {
                if (!PythonText.IsDigit(text[i])) numeric = false;
                i++;
            }
            if (i == s) return false;
            segments.Add(MakeSegment(text, s, i, numeric));
            if (i == end) break;
            if (!PythonText.IsSeparator(text[i])) return false;
            i++;
        }
        local = segments.ToArray();
        return true;
    }

    private static LocalSegment MakeSegment(string text, int start, int end, bool numeric)
    {
        if (numeric)
        {
            while (start < end - 1 && text[start] == '0') start++;
            return new LocalSegment(text.Substring(start, end - start), isNumeric: true);
        }
        var chars = new char[end - start];
        for (int k = 0; k < chars.Length; k++) chars[k] = PythonText.ToLowerAscii(text[start + k]);
        return new LocalSegment(new string(chars), isNumeric: false);
    }
}
