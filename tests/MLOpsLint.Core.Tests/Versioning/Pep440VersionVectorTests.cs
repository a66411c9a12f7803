using System.Text.Json;
using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Tests.Versioning;

/// <summary>versions.json: tests/test_version.py of pypa/packaging.</summary>
public class Pep440VersionVectorTests
{
    private const string File = "versions.json";

    public static TheoryData<int, string> ValidOrdered()
    {
        var data = new TheoryData<int, string>();
        var list = Pep440Vectors.Strings(File, "valid_ordered");
        for (int i = 0; i < list.Count; i++) data.Add(i, list[i]);
        return data;
    }

    public static TheoryData<int, string> Invalid()
    {
        var data = new TheoryData<int, string>();
        var list = Pep440Vectors.Strings(File, "invalid");
        for (int i = 0; i < list.Count; i++) data.Add(i, list[i]);
        return data;
    }

    public static TheoryData<int, string, string> Normalized()
    {
        var data = new TheoryData<int, string, string>();
        int i = 0;
        foreach (var e in Pep440Vectors.Array(File, "normalized"))
            data.Add(i++, e.GetProperty("version").GetString()!, e.GetProperty("normalized").GetString()!);
        return data;
    }

    public static TheoryData<string> AttributeKeys()
    {
        var data = new TheoryData<string>();
        foreach (var p in Pep440Vectors.Load(File).GetProperty("attributes").EnumerateObject()) data.Add(p.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidOrdered))]
    public void Valid_version_parses(int index, string text)
    {
        Assert.True(Pep440Version.TryParse(text, out var v), $"valid_ordered[{index}] {Pep440Vectors.Show(text)} rejected");
        Assert.True(Pep440Version.TryParse(v!.ToString(), out var again), $"normalised form {v} of valid_ordered[{index}] rejected");
        Assert.Equal(v, again);
        Assert.Equal(v.ToString(), again!.ToString());
        Assert.Equal(v.GetHashCode(), again.GetHashCode());
    }

    [Theory]
    [MemberData(nameof(ValidOrdered))]
    public void Valid_version_sorts_after_its_predecessor(int index, string text)
    {
        if (index == 0) return;
        var previous = Pep440Version.Parse(Pep440Vectors.Strings(File, "valid_ordered")[index - 1]);
        var current = Pep440Version.Parse(text);
        Assert.True(previous < current, $"valid_ordered[{index - 1}] {previous} should sort before [{index}] {current}");
    }

    /// <summary>packaging's test_comparison_true/false over every pair: reports every pair that disagrees.</summary>
    [Fact]
    public void Every_pair_of_ordered_versions_compares_by_position()
    {
        var list = Pep440Vectors.Strings(File, "valid_ordered").Select(Pep440Version.Parse).ToArray();
        var mismatches = new List<string>();
        for (int i = 0; i < list.Length; i++)
        {
            for (int j = 0; j < list.Length; j++)
            {
                int expected = i.CompareTo(j);
                int actual = Math.Sign(list[i].CompareTo(list[j]));
                bool eq = list[i] == list[j], lt = list[i] < list[j], ge = list[i] >= list[j];
                if (actual != expected || eq != (i == j) || lt != (i < j) || ge != (i >= j))
                    mismatches.Add($"[{i}] {list[i]} vs [{j}] {list[j]}: got {actual}, expected {expected}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_version_is_rejected(int index, string text)
    {
        Assert.False(Pep440Version.TryParse(text, out var v), $"invalid[{index}] {Pep440Vectors.Show(text)} parsed as {v}");
        Assert.Throws<FormatException>(() => Pep440Version.Parse(text));
    }

    [Theory]
    [MemberData(nameof(Normalized))]
    public void Version_normalises(int index, string text, string expected)
    {
        Assert.True(Pep440Version.TryParse(text, out var v), $"normalized[{index}] {Pep440Vectors.Show(text)} rejected");
        Assert.Equal(expected, v!.ToString());
        Assert.Equal(Pep440Version.Parse(expected), v);
    }

    [Theory]
    [MemberData(nameof(AttributeKeys))]
    public void Version_attributes(string text)
    {
        var expected = Pep440Vectors.Load(File).GetProperty("attributes").GetProperty(text);
        var v = Pep440Version.Parse(text);
        foreach (var p in expected.EnumerateObject())
        {
            var value = p.Value;
            switch (p.Name)
            {
                case "public": Assert.Equal(value.GetString(), v.Public); break;
                case "base_version": Assert.Equal(value.GetString(), v.BaseVersion); break;
                case "epoch": Assert.Equal(value.GetInt64(), v.Epoch); break;
                case "release": Assert.Equal(value.EnumerateArray().Select(x => x.GetInt64()), v.Release); break;
                case "local": Assert.Equal(value.ValueKind == JsonValueKind.Null ? null : value.GetString(), v.Local); break;
                case "pre":
                    if (value.ValueKind == JsonValueKind.Null) { Assert.Null(v.PreLabel); Assert.Null(v.PreNumber); }
                    else { Assert.Equal(value[0].GetString(), v.PreLabel); Assert.Equal(value[1].GetInt64(), v.PreNumber); }
                    break;
                case "dev": Assert.Equal(value.ValueKind == JsonValueKind.Null ? null : value.GetInt64(), v.Dev); break;
                case "post": Assert.Equal(value.ValueKind == JsonValueKind.Null ? null : value.GetInt64(), v.Post); break;
                case "is_prerelease": Assert.Equal(value.GetBoolean(), v.IsPrerelease); break;
                case "is_devrelease": Assert.Equal(value.GetBoolean(), v.IsDevrelease); break;
                case "is_postrelease": Assert.Equal(value.GetBoolean(), v.IsPostrelease); break;
                case "str": Assert.Equal(value.GetString(), v.ToString()); break;
                default: Assert.Fail($"attributes[{text}]: unknown attribute '{p.Name}' in the vector file"); break;
            }
        }
    }
}
