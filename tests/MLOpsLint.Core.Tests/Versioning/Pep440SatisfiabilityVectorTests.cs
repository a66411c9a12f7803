using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Tests.Versioning;

/// <summary>specifier_satisfiability.json: TestIsUnsatisfiable of pypa/packaging. The *_NO_PRE lists are
/// evaluated with prereleases=False.</summary>
public class Pep440SatisfiabilityVectorTests
{
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var list in new[] { "UNSATISFIABLE", "SATISFIABLE", "UNSATISFIABLE_NO_PRE", "SATISFIABLE_NO_PRE" })
        {
            var items = Pep440Vectors.Strings("specifier_satisfiability.json", list);
            for (int i = 0; i < items.Count; i++) data.Add(list, i, items[i]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Satisfiability(string list, int index, string specifier)
    {
        bool expected = !list.StartsWith("UN", StringComparison.Ordinal);
        bool? prereleases = list.EndsWith("_NO_PRE", StringComparison.Ordinal) ? false : null;

        var set = Pep440SpecifierSet.Parse(specifier, prereleases);
        Assert.True(expected == set.IsSatisfiable(),
            $"{list}[{index}] '{specifier}' (prereleases={prereleases}): IsSatisfiable gave {!expected}");

        // The same answer through the parameter instead of the set's override.
        Assert.Equal(expected, Pep440SpecifierSet.Parse(specifier).IsSatisfiable(prereleases));

        // Splitting the set in two and intersecting the halves gives the same answer.
        var parts = specifier.Split(',');
        if (parts.Length >= 2)
        {
            var left = Pep440SpecifierSet.Parse(string.Join(",", parts.Take(parts.Length / 2)));
            var right = Pep440SpecifierSet.Parse(string.Join(",", parts.Skip(parts.Length / 2)));
            Assert.True(expected == left.Intersects(right, prereleases),
                $"{list}[{index}] '{specifier}': Intersects of the halves gave {!expected}");
        }
    }
}
