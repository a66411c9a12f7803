using System.Text.Json;
using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Tests.Versioning;

/// <summary>specifier_filter.json: Spec(specifier, prereleases).filter(input, prereleases) of pypa/packaging.</summary>
public class Pep440FilterVectorTests
{
    private const string File = "specifier_filter.json";

    public static TheoryData<int, string, string> Cases()
    {
        var data = new TheoryData<int, string, string>();
        int i = 0;
        foreach (var e in Pep440Vectors.Array(File, "cases"))
            data.Add(i++, e.GetProperty("api").GetString()!, e.GetProperty("specifier").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter_keeps_exactly_the_expected_items(int index, string api, string specifier)
    {
        var e = Pep440Vectors.Array(File, "cases").ElementAt(index);
        bool? specPrereleases = e.NullableBool("specifier_prereleases");
        bool? prereleases = e.NullableBool("prereleases");
        var input = e.GetProperty("input").EnumerateArray().Select(Item).ToArray();
        var expected = e.GetProperty("expected").EnumerateArray().Select(Item).ToArray();

        // Items are strings or parsed versions (packaging's Version objects), as in the upstream test.
        static string Key(object o) => o is Pep440Version v ? v.ToString() : (string)o;
        IEnumerable<object> actual = api == "Specifier"
            ? Pep440Specifier.Parse(specifier, specPrereleases).Filter(input, Key, prereleases)
            : Pep440SpecifierSet.Parse(specifier, specPrereleases).Filter(input, Key, prereleases);

        var got = actual.Select(Show).ToArray();
        var want = expected.Select(Show).ToArray();
        Assert.True(want.SequenceEqual(got),
            $"cases[{index}]: {api}({specifier}, prereleases={specPrereleases}).filter([{string.Join(", ", input.Select(Show))}], " +
            $"prereleases={prereleases}) gave [{string.Join(", ", got)}], expected [{string.Join(", ", want)}]");

        // The typed overloads agree when every item is a version.
        if (input.All(o => o is Pep440Version || Pep440Version.TryParse((string)o, out _)))
        {
            var versions = input.Select(o => o as Pep440Version ?? Pep440Version.Parse((string)o)).ToArray();
            var typed = api == "Specifier"
                ? Pep440Specifier.Parse(specifier, specPrereleases).Filter(versions, prereleases)
                : Pep440SpecifierSet.Parse(specifier, specPrereleases).Filter(versions, prereleases);
            if (!specifier.Contains("==="))
                Assert.Equal(expected.Select(o => Key(o)).Select(Pep440Version.Parse), typed);
        }
    }

    private static object Item(JsonElement e) =>
        e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : Pep440Version.Parse(e.GetProperty("args")[0].GetString()!);

    private static string Show(object o) => o is Pep440Version v ? $"Version('{v}')" : $"'{o}'";
}
