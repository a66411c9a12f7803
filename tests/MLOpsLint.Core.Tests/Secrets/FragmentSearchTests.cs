using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Core.Tests.Secrets;

/// <summary>The name-fragment search (one vectorised pass) answers as the position-by-position test did, and the
/// key/value reader reads exactly the lines a line-by-line test picks: fragments in mixed case, letters outside ASCII
/// that fold to s, i or k in some comparisons (ſ, ı, the Kelvin sign), lines that end in \r\n or not at all.</summary>
public class FragmentSearchTests
{
    private const string Alphabet = "passwordtokenkeysecretcredsauthbearerPWDKEYTOKENAUTH_-=: \"'xyz\n\r\t\u017F\u0131\u212A\u0130é";

    [Fact]
    public void The_fragment_search_finds_the_first_fragment_in_ascii_case_as_a_position_by_position_test_does()
    {
        var rng = new Random(23);
        for (int n = 0; n < 3000; n++)
        {
            string text = RandomText(rng, 120);
            int start = rng.Next(0, text.Length + 1);
            int end = rng.Next(start, text.Length + 1);
            Assert.Equal(NaiveIndex(text, start, end), SecretNames.IndexOfFragment(text, start, end));
            Assert.Equal(NaiveIndex(text, start, end) >= 0, SecretNames.MayBeSecretName(text, start, end));
        }
        // the letters the vectorised search folds and the ASCII test does not
        Assert.False(SecretNames.MayBeSecretName("pa\u017F\u017F = x", 0, 8));
        Assert.False(SecretNames.MayBeSecretName("credent\u0131al", 0, 10));
        Assert.False(SecretNames.MayBeSecretName("\u212Aey", 0, 3));
        Assert.True(SecretNames.MayBeSecretName("x_PaSs", 0, 6));
    }

    [Fact]
    public void The_key_value_reader_reads_the_lines_with_a_fragment_as_the_line_by_line_reader_did()
    {
        var rng = new Random(29);
        for (int n = 0; n < 2000; n++)
        {
            var lines = Enumerable.Range(0, rng.Next(0, 8)).Select(_ => RandomLine(rng));
            string text = string.Concat(lines.Select(l => l + (rng.Next(3) == 0 ? "\r\n" : "\n")));
            if (rng.Next(2) == 0 && text.Length > 0) text = text.Substring(0, text.Length - 1); // no final newline, or a lone \r
            var read = new List<KeyValue>();
            KeyValueScanner.Scan(text, read);
            Assert.Equal(LineByLine(text), read);
        }
    }

    private static string RandomLine(Random rng)
    {
        string[] shapes = { "password = \"S3cr3t-v4lue!\"", "api_key: 8f3k29dk3l2m4n5b6v7c", "export TOKEN=abc123def456ghi789", "name = value", "x", "", "  # token: zzz", "\"auth\": \"Zm9vOmJhcg==\"" };
        return rng.Next(2) == 0 ? shapes[rng.Next(shapes.Length)] : RandomText(rng, 40).Replace("\n", "");
    }

    /// <summary>Characters of the alphabet, and now and then a fragment in mixed case, whole or with one letter
    /// swapped for a character outside ASCII that folds to it in some case-insensitive comparisons.</summary>
    private static string RandomText(Random rng, int max)
    {
        var sb = new System.Text.StringBuilder();
        int length = rng.Next(0, max);
        while (sb.Length < length)
        {
            if (rng.Next(8) > 0)
            {
                sb.Append(Alphabet[rng.Next(Alphabet.Length)]);
                continue;
            }
            var f = SecretNames.Fragments[rng.Next(SecretNames.Fragments.Length)].Select(c => rng.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray();
            int k = rng.Next(f.Length);
            if (rng.Next(3) == 0) f[k] = (f[k] | 0x20) switch { 's' => '\u017F', 'i' => '\u0131', 'k' => '\u212A', _ => f[k] };
            sb.Append(f);
        }
        return sb.ToString();
    }

    private static int NaiveIndex(string text, int start, int end)
    {
        for (int i = start; i + 3 <= end; i++)
        {
            foreach (string f in SecretNames.Fragments)
            {
                if (i + f.Length <= end && Enumerable.Range(0, f.Length).All(k => (char)(text[i + k] | 0x20) == f[k])) return i;
            }
        }
        return -1;
    }

    private static List<KeyValue> LineByLine(string text)
    {
        var results = new List<KeyValue>();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            int contentEnd = lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (NaiveIndex(text, lineStart, contentEnd) >= 0) KeyValueScanner.ScanLine(text, lineStart, contentEnd, results, false);
            lineStart = lineEnd + 1;
        }
        return results;
    }
}
