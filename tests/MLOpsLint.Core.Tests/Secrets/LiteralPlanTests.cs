using System.Text;
using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Core.Tests.Secrets;

/// <summary>The scanner's one-pass keyword search (<see cref="LiteralFinder"/> with the windows and buckets of
/// <see cref="LiteralPlan"/>) must report exactly the places where a keyword occurs: every one, in every vector width,
/// and nothing else, however the plan mixes nibbles in a bucket.</summary>
public class LiteralPlanTests
{
    private static readonly string[] ScannerKeywords = TokenScanner.Keywords.Distinct(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(256)]
    [InlineData(128)]
    [InlineData(0)]
    public void The_planned_exact_case_search_reports_every_occurrence_of_every_scanner_keyword_and_nothing_else(int vectorWidth)
    {
        var literals = ScannerKeywords.Select(k => Encoding.ASCII.GetBytes(k)).ToArray();
        var (anchors, buckets) = LiteralPlan.For(literals, ignoreCase: false);
        var finder = new LiteralFinder(literals, buckets, ignoreCase: false, anchors);
        using var width = Width(vectorWidth);
        var rng = new Random(17);
        // the keywords' own characters, in both cases: near misses of every window, nibble mixes of every bucket
        string alphabet = new(ScannerKeywords.SelectMany(k => k).Concat("aZ09 \n").Distinct().ToArray());
        for (int n = 0; n < 200; n++)
        {
            var text = new StringBuilder();
            while (text.Length < rng.Next(0, 300))
            {
                text.Append(rng.Next(4) == 0
                    ? ScannerKeywords[rng.Next(ScannerKeywords.Length)]
                    : alphabet[rng.Next(alphabet.Length)].ToString());
            }
            Assert.Equal(Naive(text.ToString(), ScannerKeywords, ignoreCase: false), Reported(finder, text.ToString()));
        }
        // and each keyword alone at each offset of a block, across the 16-byte boundary and in the scalar tail
        foreach (string keyword in ScannerKeywords)
        {
            for (int at = 0; at < 40; at++)
            {
                string text = new string('.', at) + keyword + new string('.', 40 - at);
                Assert.Contains((Array.IndexOf(ScannerKeywords, keyword), at), Reported(finder, text));
                if (!keyword.Any(char.IsLetter)) continue;
                // a case change in the keyword is not it
                string changed = new string('.', at) + Flip(keyword) + new string('.', 40 - at);
                Assert.DoesNotContain((Array.IndexOf(ScannerKeywords, keyword), at), Reported(finder, changed));
            }
        }
    }

    [Theory]
    [InlineData(256)]
    [InlineData(0)]
    public void A_folded_search_with_a_two_byte_literal_reports_every_occurrence_in_any_case(int vectorWidth)
    {
        string[] words = { "pass", "pw", "token", "key", "ghp_", "github_pat_", "://", "-----begin ", "sk-", "eyj", "pinecone", "q~" };
        var literals = words.Select(w => Encoding.ASCII.GetBytes(w).Select(b => (byte)(b | 0x20)).ToArray()).ToArray();
        var (anchors, buckets) = LiteralPlan.For(literals, ignoreCase: true);
        var finder = new LiteralFinder(literals, buckets, ignoreCase: true, anchors);
        using var width = Width(vectorWidth);
        var rng = new Random(3);
        const string alphabet = "pastokeyghiub_:/-nEYJKPWqQ~ ";
        for (int n = 0; n < 1000; n++)
        {
            string text = new(Enumerable.Range(0, rng.Next(0, 200)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Naive(text, words, ignoreCase: true), Reported(finder, text));
        }
    }

    [Fact]
    public void Every_literal_gets_a_window_inside_it_and_a_bucket_and_the_plan_is_the_same_every_time()
    {
        var literals = ScannerKeywords.Select(k => Encoding.ASCII.GetBytes(k)).ToArray();
        var (anchors, buckets) = LiteralPlan.For(literals, ignoreCase: false);
        for (int i = 0; i < literals.Length; i++)
        {
            Assert.InRange(anchors[i], 0, literals[i].Length - 3);
            Assert.InRange(buckets[i], 0, LiteralFinder.Buckets - 1);
        }
        var again = LiteralPlan.For(literals, ignoreCase: false);
        Assert.Equal(anchors, again.Anchors);
        Assert.Equal(buckets, again.Buckets);
    }

    [Fact]
    public void Every_scanner_keyword_has_three_bytes_or_more()
    {
        // a two-byte keyword lets any third byte through the search's tables: "gh" stopped the one pass at every "gh",
        // "gi" and "gl" of ordinary text (2.6 million places in the standard library) before the keywords spelled
        // whole prefixes (ghp_, AKIA, 0Q~)
        Assert.DoesNotContain(ScannerKeywords, k => k.Length < 3);
    }

    private static List<(int Literal, int At)> Reported(LiteralFinder finder, string text)
    {
        var seen = new List<(int, int)>();
        Assert.False(finder.Any(Encoding.Latin1.GetBytes(text), (_, literal, at) =>
        {
            seen.Add((literal, at));
            return false;
        }));
        return seen.OrderBy(s => s.Item2).ThenBy(s => s.Item1).ToList();
    }

    private static List<(int Literal, int At)> Naive(string text, string[] words, bool ignoreCase)
    {
        var all = new List<(int, int)>();
        for (int at = 0; at < text.Length; at++)
        {
            for (int l = 0; l < words.Length; l++)
            {
                if (string.Compare(text, at, words[l], 0, words[l].Length, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0
                    && at + words[l].Length <= text.Length)
                {
                    all.Add((l, at));
                }
            }
        }
        return all;
    }

    private static string Flip(string keyword)
    {
        int i = keyword.IndexOf(keyword.First(char.IsLetter));
        char c = keyword[i];
        return keyword.Substring(0, i) + (char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)) + keyword.Substring(i + 1);
    }

    private static IDisposable Width(int bits)
    {
        LiteralFinder.VectorWidth = bits;
        return new Restore();
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => LiteralFinder.VectorWidth = 256;
    }
}
