using System.Text;
using System.Text.RegularExpressions;
using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Core.Tests.Configuration;

/// <summary>
/// The glob automaton answers as the regex it replaces (the non-backtracking engine on the same source), on globs and
/// paths drawn from the characters that mean something to either: wildcards, sets, braces, regex metacharacters, '\n'
/// (which '.' does not match and '$' may precede), non-ASCII.
/// </summary>
public class GlobAutomatonTests
{
    private static readonly string[] GlobParts =
    {
        "a", "b", "ab", ".", "/", "*", "**", "**/", "?", "[ab]", "[!a]", "[^b]", "[a-c]", "[-a]", "[a-]", "[b-a]", "[]a]", "[a-c-e]",
        "{a,b}", "{a,*b}", "{,a}", "{", "}", ",", "\\*", "\\", "-", " ", "\n", "é", "[", "]", "$", "^", "(", ")", "+", "|", "#",
        "{1..3}", "x/", "./",
    };

    private static readonly string[] PathParts = { "a", "b", "c", "ab", "/", ".", "-", "\n", "é", " ", "*", "[", "]", "{", "x", "1", "$", "#" };

    [Fact]
    public void Answers_as_the_regex_on_random_globs_and_paths()
    {
        var random = new Random(1234);
        int compared = 0, automata = 0, patterns = 0;
        for (int g = 0; g < 3000; g++)
        {
            string glob = Draw(random, GlobParts, random.Next(1, 7));
            string source = Glob.RegexSource(glob);
            Regex regex;
            try
            {
                regex = new Regex(source, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (ArgumentException)
            {
                Assert.Null(GlobAutomaton.TryCreate(source)); // what the regex rejects, the automaton leaves to it
                continue;
            }
            patterns++;
            var automaton = GlobAutomaton.TryCreate(source);
            if (automaton == null) continue;
            automata++;
            for (int i = 0; i < 40; i++)
            {
                string path = Draw(random, PathParts, random.Next(0, 8));
                // paths the glob is likely to match: the glob's own literal text, with and without a prefix and a suffix
                if (i % 4 == 0) path = glob.Replace("*", "ab").Replace("?", "a") + (i % 8 == 0 ? "/x" : "");
                if (i % 12 == 0) path += "\n";
                Assert.True(regex.IsMatch(path) == automaton.IsMatch(path), $"glob {Show(glob)} (regex {Show(source)}) on {Show(path)}: regex says {regex.IsMatch(path)}");
                compared++;
            }
        }
        // the comparison is worth something only if most globs take the automaton
        Assert.True(automata > patterns * 7 / 10, $"{automata} of {patterns} globs became automata");
        Assert.True(compared > 50_000);
    }

    [Theory]
    [InlineData("^a$", "a\n", true)] // '$' before a final newline
    [InlineData("^a$", "a\n\n", false)]
    [InlineData("^a\\n$", "a\n", true)]
    [InlineData("^(?:.*/)?x(?:/.*)?$", "a\nb/x", false)] // '.' is not '\n'
    [InlineData("^(?:.*/)?x(?:/.*)?$", "a/b/x/c\n", true)]
    [InlineData("^[^/]*$", "a\nb", true)] // a set may match '\n'
    [InlineData("^(?:a|b)*c$", "ababc", true)]
    [InlineData("^(?:a|b)*c$", "abxc", false)]
    [InlineData("^(?:)$", "", true)]
    [InlineData("^[a-c]$", "d", false)]
    public void Regex_corners(string source, string input, bool expected)
    {
        var automaton = GlobAutomaton.TryCreate(source);
        Assert.NotNull(automaton);
        Assert.Equal(expected, automaton!.IsMatch(input));
        Assert.Equal(expected, new Regex(source, RegexOptions.CultureInvariant).IsMatch(input));
    }

    [Theory]
    [InlineData("^a+$")] // quantifiers a glob never writes
    [InlineData("^a{2}$")]
    [InlineData("^a*?$")]
    [InlineData("^(a)$")] // a capture (numeric ranges)
    [InlineData("^\\d$")] // a class escape
    [InlineData("^[a-z-[aeiou]]$")] // set subtraction
    [InlineData("^a\\$")] // an escaped '$' is no end anchor
    [InlineData("a$")] // not anchored
    public void Leaves_other_regexes_to_the_regex(string source)
    {
        Assert.Null(GlobAutomaton.TryCreate(source));
    }

    [Theory]
    [InlineData("test")]
    [InlineData("__fixtures__")]
    [InlineData("samples/**")]
    [InlineData("tests/**/Fixtures/**")]
    [InlineData("*.ipynb")]
    [InlineData("data/*.{csv,parquet}")]
    [InlineData("[!_]*.py")]
    [InlineData("model_v?.pkl")]
    public void Common_globs_take_the_automaton(string pattern)
    {
        Assert.True(new Glob(pattern).IsAutomaton);
    }

    [Theory]
    [InlineData("file{1..3}.txt", "file7.txt", true)] // a numeric range is any number here (editorconfig checks the range)
    [InlineData("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "aab", false)] // over 63 positions
    public void Numeric_ranges_and_long_globs_keep_the_regex(string pattern, string path, bool expected)
    {
        var glob = new Glob(pattern);
        Assert.False(glob.IsAutomaton);
        Assert.Equal(expected, glob.IsMatch(path));
    }

    [Fact]
    public void Escapes_as_Regex_Escape_does()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            var sb = new StringBuilder();
            Glob.AppendEscaped(sb, (char)c);
            Assert.True(Regex.Escape(((char)c).ToString()) == sb.ToString(), $"U+{c:X4}: {sb}");
        }
    }

    private static string Draw(Random random, string[] parts, int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++) sb.Append(parts[random.Next(parts.Length)]);
        return sb.ToString();
    }

    private static string Show(string s) => "\"" + s.Replace("\n", "\\n") + "\"";
}
