using System.Diagnostics.CodeAnalysis;

namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>
/// The specifier sets parsed lately on this thread, by their text: a repository writes few distinct constraints
/// (<c>==1.0</c>, <c>&gt;=2</c>) many times over (every package of a long <c>pip install</c>, every line of a lock file),
/// and a set is immutable, so one parse serves them all. Each set was a dozen objects (its clauses, versions and
/// release arrays); a Dockerfile installing 100,000 packages parsed 200,000 of them. Bounded: past
/// <see cref="Capacity"/> texts the memo starts over, so a file of distinct constraints costs what it did.
/// Per thread, so no lock.
/// </summary>
internal static class Pep440SetMemo
{
    public const int Capacity = 1024;

    /// <summary>Longer texts are parsed each time (not kept alive by the memo).</summary>
    public const int MaxTextLength = 200;

    [ThreadStatic] private static Dictionary<string, Pep440SpecifierSet?>? memo;

    /// <summary><see cref="Pep440SpecifierSet.TryParse(string?, out Pep440SpecifierSet?)"/> of <paramref name="text"/>
    /// (no pre-release override), from the memo when it was parsed before on this thread.</summary>
    public static bool TryGet(string text, [NotNullWhen(true)] out Pep440SpecifierSet? set)
    {
        if (text.Length > MaxTextLength) return Pep440SpecifierSet.TryParseNew(text, prereleases: null, out set);
        var m = memo ??= new Dictionary<string, Pep440SpecifierSet?>(StringComparer.Ordinal);
        if (m.TryGetValue(text, out set)) return set != null;
        Pep440SpecifierSet.TryParseNew(text, prereleases: null, out set);
        if (m.Count >= Capacity) m.Clear();
        m[text] = set;
        return set != null;
    }
}
