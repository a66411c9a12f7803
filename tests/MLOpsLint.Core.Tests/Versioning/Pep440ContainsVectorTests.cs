using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Tests.Versioning;

/// <summary>specifier_contains.json: every "specifier contains version" case of pypa/packaging's
/// TestSpecifier / TestSpecifierSet, with its pre-release flags.</summary>
public class Pep440ContainsVectorTests
{
    public static TheoryData<int, string, string, string, bool?, bool?, string, bool> Cases()
    {
        var data = new TheoryData<int, string, string, string, bool?, bool?, string, bool>();
        int i = 0;
        foreach (var e in Pep440Vectors.Array("specifier_contains.json", "cases"))
        {
            data.Add(i++, e.GetProperty("api").GetString()!, e.GetProperty("specifier").GetString()!,
                e.GetProperty("version").GetString()!, e.NullableBool("spec_prereleases"),
                e.NullableBool("contains_prereleases"), e.GetProperty("from").GetString()!,
                e.GetProperty("expected").GetBoolean());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Specifier_contains_version(int index, string api, string specifier, string version,
        bool? specPrereleases, bool? containsPrereleases, string from, bool expected)
    {
        bool actual;
        if (api == "Specifier")
        {
            var spec = Pep440Specifier.Parse(specifier, specPrereleases);
            actual = spec.Contains(version, containsPrereleases);
            if (Pep440Version.TryParse(version, out var parsed) && spec.Operator != Pep440Operator.ArbitraryEqual)
                Assert.Equal(actual, spec.Contains(parsed, containsPrereleases));
        }
        else
        {
            var set = Pep440SpecifierSet.Parse(specifier, specPrereleases);
            actual = set.Contains(version, containsPrereleases);
            if (Pep440Version.TryParse(version, out var parsed) && !set.Specifiers.Any(s => s.Operator == Pep440Operator.ArbitraryEqual))
                Assert.Equal(actual, set.Contains(parsed, containsPrereleases));
        }
        Assert.True(expected == actual,
            $"cases[{index}] ({from}): {api}({specifier}, prereleases={Py(specPrereleases)}).contains({version}, prereleases={Py(containsPrereleases)}) " +
            $"gave {actual}, expected {expected}");
    }

    private static string Py(bool? b) => b is null ? "None" : b.Value ? "True" : "False";
}
