using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Tests.Versioning;

/// <summary>specifiers_syntax.json: TestSpecifier's syntax tests of pypa/packaging.</summary>
public class Pep440SpecifierSyntaxVectorTests
{
    private const string File = "specifiers_syntax.json";

    private static TheoryData<int, string> Indexed(string property)
    {
        var data = new TheoryData<int, string>();
        var list = Pep440Vectors.Strings(File, property);
        for (int i = 0; i < list.Count; i++) data.Add(i, list[i]);
        return data;
    }

    public static TheoryData<int, string> Valid() => Indexed("valid");
    public static TheoryData<int, string> Legacy() => Indexed("legacy_specifiers");
    public static TheoryData<int, string> Invalid() => Indexed("invalid");
    public static TheoryData<int, string> NormalizedAccepted() => Indexed("normalized_accepted");

    public static TheoryData<int, string, string> StrAndRepr()
    {
        var data = new TheoryData<int, string, string>();
        int i = 0;
        foreach (var e in Pep440Vectors.Array(File, "str_and_repr"))
            data.Add(i++, e.GetProperty("specifier").GetString()!, e.GetProperty("expected").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_specifier_parses(int index, string text)
    {
        Assert.True(Pep440Specifier.TryParse(text, out var spec), $"valid[{index}] {text} rejected");
        Assert.Equal(text, spec!.ToString());
        Assert.True(Pep440SpecifierSet.TryParse(text, out _));
    }

    /// <summary>Upstream uses these in SpecifierSet tests; they are valid PEP 440 specifiers that
    /// packaging (every version) parses, despite the file's note.</summary>
    [Theory]
    [MemberData(nameof(Legacy))]
    public void Legacy_specifier_list_parses_as_packaging_does(int index, string text)
    {
        Assert.True(Pep440Specifier.TryParse(text, out _), $"legacy_specifiers[{index}] {text} rejected");
        Assert.True(Pep440SpecifierSet.TryParse(text, out _));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_specifier_is_rejected(int index, string text)
    {
        Assert.False(Pep440Specifier.TryParse(text, out var spec), $"invalid[{index}] {Pep440Vectors.Show(text)} parsed as {spec}");
        Assert.False(Pep440SpecifierSet.TryParse(text, out _), $"invalid[{index}] {Pep440Vectors.Show(text)} parsed as a set");
        Assert.Throws<FormatException>(() => Pep440Specifier.Parse(text));
    }

    /// <summary>test_specifiers_normalized: every operator (only == and != with a local label) accepts the spelling.</summary>
    [Theory]
    [MemberData(nameof(NormalizedAccepted))]
    public void Non_canonical_spelling_is_accepted_with_every_operator(int index, string version)
    {
        var ops = version.Contains('+') ? new[] { "==", "!=" } : new[] { "~=", "==", "!=", "<=", ">=", "<", ">" };
        foreach (var op in ops)
            Assert.True(Pep440Specifier.TryParse(op + version, out _), $"normalized_accepted[{index}] {op}{Pep440Vectors.Show(version)} rejected");
    }

    [Theory]
    [MemberData(nameof(StrAndRepr))]
    public void Specifier_prints_without_spaces(int index, string text, string expected)
    {
        Assert.Equal(expected, Pep440Specifier.Parse(text).ToString());
    }
}
