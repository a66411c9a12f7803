namespace MLOpsLint.Core.Secrets;

/// <summary>Shape tests for candidate secret values: Shannon entropy, character classes, hashes and identifiers.</summary>
public static class Entropy
{
    /// <summary>Shannon entropy in bits per character of <c>text[start..end)</c>.</summary>
    public static double Shannon(string text, int start, int end)
    {
        int n = end - start;
        if (n <= 0) return 0;
        Span<int> counts = stackalloc int[128];
        Dictionary<char, int>? other = null;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c < 128) counts[c]++;
            else
            {
                other ??= new Dictionary<char, int>();
                other.TryGetValue(c, out int k);
                other[c] = k + 1;
            }
        }
        double h = 0;
        foreach (int k in counts)
        {
            if (k == 0) continue;
            double p = (double)k / n;
            h -= p * Math.Log(p, 2);
        }
        if (other != null)
        {
            foreach (int k in other.Values)
            {
                double p = (double)k / n;
                h -= p * Math.Log(p, 2);
            }
        }
        return h;
    }

    public static double Shannon(string text) => Shannon(text, 0, text.Length);

    /// <summary>How many of lower-case, upper-case, digit and other characters occur.</summary>
    public static int CharacterClasses(string s)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (char c in s)
        {
            if (c >= 'a' && c <= 'z') lower = true;
            else if (c >= 'A' && c <= 'Z') upper = true;
            else if (c >= '0' && c <= '9') digit = true;
            else other = true;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    public static bool IsHex(string s) => s.Length > 0 && s.All(c => CharSets.Hex.In(c));

    /// <summary>8-4-4-4-12 hex digits.</summary>
    public static bool IsUuid(string s)
    {
        if (s.Length != 36) return false;
        for (int i = 0; i < 36; i++)
        {
            bool dash = i is 8 or 13 or 18 or 23;
            if (dash ? s[i] != '-' : !CharSets.Hex.In(s[i])) return false;
        }
        return true;
    }

    /// <summary>The same character (or a short unit) repeated: <c>xxxxxxxx</c>, <c>abcabcabc</c>, <c>00000000</c>.</summary>
    public static bool IsRepetitive(string s, int start, int end)
    {
        int n = end - start;
        if (n == 0) return true;
        for (int unit = 1; unit <= 4 && unit < n; unit++)
        {
            bool same = true;
            for (int i = start + unit; i < end && same; i++) same = s[i] == s[i - unit];
            if (same) return true;
        }
        return false;
    }

    /// <summary>Runs of ascending or descending letters/digits make up most of the value: one run of half its length
    /// (<c>abcdefgh…</c>, <c>123456…</c>), or runs of four or more covering half of it (<c>abcdef0123456789abcdef…</c>,
    /// the hex placeholder of documentation).</summary>
    public static bool IsSequential(string s, int start, int end)
    {
        int n = end - start;
        if (n < 6) return false;
        int longest = 1, run = 1, direction = 0, covered = 0;
        for (int i = start + 1; i < end; i++)
        {
            int d = s[i] - s[i - 1];
            if ((d == 1 || d == -1) && (run == 1 || d == direction))
            {
                direction = d;
                run++;
            }
            else
            {
                if (run >= 4) covered += run;
                run = 1;
                direction = 0;
                if (d == 1 || d == -1)
                {
                    direction = d;
                    run = 2;
                }
            }
            if (run > longest) longest = run;
        }
        if (run >= 4) covered += run;
        return longest * 2 >= n || covered * 2 >= n;
    }
}
