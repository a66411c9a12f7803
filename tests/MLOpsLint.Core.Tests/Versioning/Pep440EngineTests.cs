using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Tests.Versioning;

/// <summary>Behaviour the rules rely on beyond the upstream vectors: pins, intersection of two sets,
/// and a brute-force cross-check of the interval arithmetic.</summary>
public class Pep440EngineTests
{
    [Theory]
    [InlineData("==1.2.3", true)]
    [InlineData("== 1.2.3 ", true)]
    [InlineData("==1.2.3+cu121", true)]
    [InlineData("===1.2.3", true)]
    [InlineData(">=1.0,==1.2.3", true)]
    [InlineData("==1.2.*", false)]
    [InlineData(">=1.2.3", false)]
    [InlineData("~=1.2.3", false)]
    [InlineData(">=1.2.3,<=1.2.3", false)]
    [InlineData("", false)]
    public void Exact_pin(string text, bool expected)
    {
        var set = Pep440SpecifierSet.Parse(text);
        Assert.Equal(expected, set.IsExactPin);
        Assert.Equal(expected, set.ExactPin is not null);
    }

    [Theory]
    [InlineData(">=1.0", "<2.0", true)]
    [InlineData(">=2.0", "<2.0", false)]
    [InlineData("==1.4.*", "~=1.4.2", true)]
    [InlineData("==1.3.*", "~=1.4.2", false)]
    [InlineData("==2.1.0", ">=2.0,<3", true)]
    [InlineData("==2.1.0", "!=2.1.0", false)]
    [InlineData("==2.1.0+cu121", "==2.1.0", true)]
    [InlineData("==2.1.0+cu121", "==2.1.0+cu118", false)]
    [InlineData(">=1.0,<1.0.1", "", true)]
    [InlineData(">1.0", "<1.0.0.0.1", true)]
    public void Intersects(string left, string right, bool expected)
    {
        var a = Pep440SpecifierSet.Parse(left);
        var b = Pep440SpecifierSet.Parse(right);
        Assert.Equal(expected, a.Intersects(b));
        Assert.Equal(expected, b.Intersects(a));
        Assert.Equal(expected, a.Intersect(b).IsSatisfiable());
    }

    [Fact]
    public void Intersects_with_opposite_overrides_counts_only_final_releases()
    {
        var pre = Pep440SpecifierSet.Parse(">=1.0a1,<1.0", prereleases: true);
        var final = Pep440SpecifierSet.Parse(">=0.5", prereleases: false);
        Assert.False(pre.Intersects(final));
        Assert.Throws<ArgumentException>(() => pre.Intersect(final));
    }

    [Fact]
    public void Numbers_beyond_long_are_rejected_not_thrown()
    {
        Assert.False(Pep440Version.TryParse("1.99999999999999999999", out _));
        Assert.True(Pep440Version.TryParse("1.0+99999999999999999999999", out var big));
        Assert.True(big! > Pep440Version.Parse("1.0+9999999999999999999999"));
        Assert.Equal("1.0+1", Pep440Version.Parse("1.0+0001").ToString());
    }

    [Fact]
    public void Specifier_equality_ignores_trailing_zeros_except_for_compatible()
    {
        Assert.Equal(Pep440Specifier.Parse("==1.2.3"), Pep440Specifier.Parse("== 1.2.3.0"));
        Assert.NotEqual(Pep440Specifier.Parse("~=1.0"), Pep440Specifier.Parse("~=1.0.0"));
        Assert.Equal(Pep440SpecifierSet.Parse(">=1.0,!=1.5"), Pep440SpecifierSet.Parse("!=1.5.0, >=1"));
        Assert.Equal("!=1.5,<2", Pep440SpecifierSet.Parse("<2,!=1.5").ToString());
    }

    [Fact]
    public void Version_properties()
    {
        var v = Pep440Version.Parse("V2!1.2.3RC4.post5.DEV6+Ubuntu-1");
        Assert.Equal("2!1.2.3rc4.post5.dev6+ubuntu.1", v.ToString());
        Assert.Equal((1L, 2L, 3L), (v.Major, v.Minor, v.Micro));
        Assert.Equal("2!1.2.3", v.BaseVersion);
        Assert.Equal("2!1.2.3rc4.post5.dev6", v.Public);
        Assert.True(v.IsPrerelease && v.IsPostrelease && v.IsDevrelease && v.HasLocal);
        Assert.Equal(Pep440Version.Parse("1.0"), Pep440Version.Parse("1.0.0.0"));
        Assert.Equal(Pep440Version.Parse("1.0").GetHashCode(), Pep440Version.Parse("1.0.0.0").GetHashCode());
    }

    /// <summary>Any version the clauses all admit proves satisfiability, and an unsatisfiable verdict
    /// must leave every version of a dense sample outside. Reports every disagreement.</summary>
    [Fact]
    public void Interval_arithmetic_agrees_with_brute_force()
    {
        var universe = Universe().ToArray();
        var clauses = Clauses().ToArray();
        var parsed = clauses.ToDictionary(c => c, c => Pep440Specifier.Parse(c));
        var random = new Random(440);
        var mismatches = new List<string>();
        for (int n = 0; n < 800 && mismatches.Count < 20; n++)
        {
            var chosen = Enumerable.Range(0, random.Next(1, 4)).Select(_ => clauses[random.Next(clauses.Length)]).ToArray();
            var set = Pep440SpecifierSet.Parse(string.Join(",", chosen));
            foreach (var pre in new bool?[] { null, false })
            {
                bool satisfiable = set.IsSatisfiable(pre);
                var witness = universe.FirstOrDefault(v =>
                    (pre != false || !v.IsPrerelease) && chosen.All(c => parsed[c].Contains(v, prereleases: true)));
                if (witness is not null && !satisfiable)
                    mismatches.Add($"'{set}' (prereleases={pre}) judged unsatisfiable, but admits {witness}");
                if (pre == false) continue;
                foreach (var v in universe)
                {
                    bool one = set.Contains(v, prereleases: true);
                    bool each = chosen.All(c => parsed[c].Contains(v, prereleases: true));
                    if (one != each) mismatches.Add($"'{set}' contains {v}: set says {one}, clauses say {each}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Distinct()));
    }

    private static IEnumerable<Pep440Version> Universe()
    {
        foreach (var release in new[] { "0", "0.9", "1", "1.0.0.1", "1.0.1", "1.1", "1.4.2", "1.5", "2", "2.0.1", "3", "1!1.0" })
        foreach (var pre in new[] { "", "a1", "b2", "rc1" })
        foreach (var post in new[] { "", ".post0", ".post1" })
        foreach (var dev in new[] { "", ".dev0", ".dev1" })
        foreach (var local in new[] { "", "+abc", "+1" })
            yield return Pep440Version.Parse(release + pre + post + dev + local);
    }

    private static IEnumerable<string> Clauses()
    {
        foreach (var op in new[] { "==", "!=", ">=", "<=", ">", "<", "~=" })
        foreach (var v in new[] { "1.0", "1.0a1", "1.0.post0", "1.0.dev0", "1.0.post1.dev1", "1.4.2", "2.0", "1.0b2.post0" })
            yield return op + v;
        yield return "==1.*";
        yield return "!=1.*";
        yield return "==1.0.*";
        yield return "!=1.0.*";
        yield return "==1.0+abc";
        yield return "!=1.0+abc";
        yield return "==1!1.0";
    }
}
