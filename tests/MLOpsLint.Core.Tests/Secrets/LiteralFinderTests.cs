using System.Text;
using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Core.Tests.Secrets;

/// <summary>The vectorised literal search must answer exactly what a naive search answers, wherever the literal
/// sits: at the start, across a 16-byte block boundary, in the last bytes the vector loop leaves to the scalar one.</summary>
public class LiteralFinderTests
{
    private static readonly string[] Literals = { "pass", "pwd", "token", "key", "ghp_", "github_pat_", "://", "-----begin ", "sk-", "eyj" };

    private static readonly LiteralFinder Finder = new(
        Literals.Select(l => Encoding.ASCII.GetBytes(l).Select(b => (byte)(b | 0x20)).ToArray()).ToArray(),
        Literals.Select((_, i) => i % LiteralFinder.Buckets).ToArray());

    private static bool Naive(string text) =>
        Literals.Any(l => new string(text.Select(c => (char)(c | 0x20)).ToArray()).Contains(new string(l.Select(c => (char)(c | 0x20)).ToArray()), StringComparison.Ordinal));

    [Theory]
    [InlineData(256)]
    [InlineData(128)]
    [InlineData(0)]
    public void Every_literal_is_found_at_every_offset_in_any_case_and_nothing_else_is(int vectorWidth)
    {
        using var width = Width(vectorWidth);
        var rng = new Random(11);
        const string filler = "abcdefghijlmnoqruvwxz0123456789 .,;()[]{}=+*\n\t";
        for (int length = 0; length <= 80; length++)
        {
            string baseText = new(Enumerable.Range(0, length).Select(_ => filler[rng.Next(filler.Length)]).ToArray());
            Assert.Equal(Naive(baseText), Any(baseText));
            foreach (string literal in Literals)
            {
                for (int at = 0; at + literal.Length <= length; at++)
                {
                    string planted = baseText.Substring(0, at) + Case(literal, rng) + baseText.Substring(at + literal.Length);
                    Assert.True(Any(planted), $"'{literal}' at {at} of {length}");
                    // one byte short of the literal is not a match (unless the filler made another)
                    string cut = baseText.Substring(0, at) + literal.Substring(0, literal.Length - 1) + "#" + baseText.Substring(at + literal.Length);
                    Assert.Equal(Naive(cut), Any(cut));
                }
            }
        }
    }

    [Theory]
    [InlineData(256)]
    [InlineData(128)]
    [InlineData(0)]
    public void Random_text_agrees_with_the_naive_search(int vectorWidth)
    {
        using var width = Width(vectorWidth);
        var rng = new Random(5);
        const string alphabet = "pastokeyghiub_:/-nEYJKPW ";
        for (int n = 0; n < 3000; n++)
        {
            string text = new(Enumerable.Range(0, rng.Next(0, 200)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Naive(text), Any(text));
        }
    }

    [Fact]
    public void The_acceptor_sees_every_folded_match_and_can_reject_it()
    {
        var seen = new List<(int Literal, int At)>();
        bool found = Finder.Any(Encoding.ASCII.GetBytes("x TOKEN y Key z"), (text, literal, at) =>
        {
            seen.Add((literal, at));
            return false;
        });
        Assert.False(found);
        Assert.Equal(new[] { (Array.IndexOf(Literals, "token"), 2), (Array.IndexOf(Literals, "key"), 10) }, seen.OrderBy(s => s.At));
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

    private static bool Any(string text) => Finder.Any(Encoding.ASCII.GetBytes(text), (_, _, _) => true);

    private static string Case(string s, Random rng) => new(s.Select(c => rng.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray());
}
