using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Tests.Versioning;

/// <summary>The memo of parsed specifier sets (<see cref="Pep440SpecifierSet.TryParse(string?, out Pep440SpecifierSet?)"/>):
/// a text parsed again gives the set a fresh parse gives, an override is never served from it, and a text that does not
/// parse stays unparsed.</summary>
public class Pep440SetMemoTests
{
    [Theory]
    [InlineData("==1.0")]
    [InlineData(">=1.0a1,<2")]
    [InlineData("~=1.4.2")]
    [InlineData("==2.1.0+cu121")]
    [InlineData("")]
    public void A_text_parsed_again_gives_the_set_a_fresh_parse_gives(string text)
    {
        Assert.True(Pep440SpecifierSet.TryParse(text, out var first));
        Assert.True(Pep440SpecifierSet.TryParse(text, out var again));
        Assert.True(Pep440SpecifierSet.TryParseNew(text, null, out var fresh));
        Assert.Same(first, again);
        Assert.Equal(fresh, again);
        Assert.Equal(fresh.ToString(), again.ToString());
        Assert.Equal(fresh.IsExactPin, again.IsExactPin);
        Assert.Equal(fresh.EffectivePrereleases, again.EffectivePrereleases);
    }

    [Fact]
    public void A_pre_release_override_is_parsed_on_its_own()
    {
        Assert.True(Pep440SpecifierSet.TryParse(">=1.0a1", out var plain));
        Assert.True(Pep440SpecifierSet.TryParse(">=1.0a1", prereleases: false, out var final));
        Assert.NotSame(plain, final);
        Assert.Null(plain.Prereleases);
        Assert.False(final.Prereleases);
        Assert.True(plain.Contains("1.0b2"));
        Assert.False(final.Contains("1.0b2"));
        // and the override did not leak back into the memo
        Assert.True(Pep440SpecifierSet.TryParse(">=1.0a1", out var plainAgain));
        Assert.Null(plainAgain.Prereleases);
    }

    [Theory]
    [InlineData("==")]
    [InlineData(">=1.0,<<2")]
    [InlineData("==1.0;")]
    public void A_text_that_does_not_parse_fails_every_time(string text)
    {
        Assert.False(Pep440SpecifierSet.TryParse(text, out var first));
        Assert.Null(first);
        Assert.False(Pep440SpecifierSet.TryParse(text, out var again));
        Assert.Null(again);
    }

    [Fact]
    public void Past_its_capacity_the_memo_starts_over_and_still_parses_right()
    {
        for (int i = 0; i < Pep440SetMemo.Capacity * 2 + 7; i++)
        {
            string text = $"=={i}.{i % 7}";
            Assert.True(Pep440SpecifierSet.TryParse(text, out var set));
            Assert.True(set.Contains($"{i}.{i % 7}"));
            Assert.False(set.Contains($"{i}.{i % 7 + 1}"));
        }
    }

    [Fact]
    public void A_long_text_is_parsed_without_the_memo()
    {
        string text = string.Join(",", Enumerable.Range(0, 40).Select(i => $"!=1.{i}"));
        Assert.True(text.Length > Pep440SetMemo.MaxTextLength);
        Assert.True(Pep440SpecifierSet.TryParse(text, out var first));
        Assert.True(Pep440SpecifierSet.TryParse(text, out var again));
        Assert.NotSame(first, again);
        Assert.Equal(first, again);
        Assert.False(again.Contains("1.39"));
        Assert.True(again.Contains("1.40"));
    }
}
