namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// The names by which a call may reach a repository helper that does something (seeds, records, trains): the names of
/// the functions (and classes) that may, and the names an import binds to one of them (<c>from .utils import set_seed as
/// seed_all</c> binds <c>seed_all</c>). <see cref="SeedIndex"/> and <see cref="Tracking.TrackingIndex"/> resolve a call
/// across files only when the last name of what it calls is one of these: a call resolves to functions named by the last
/// name of its resolved callee, or through imports binding that name, so a call whose last name is not here reaches
/// only helpers that do nothing, and resolving it cannot change a verdict. Most calls of a repository are such calls.
/// </summary>
internal sealed class HelperNames
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public int Count => names.Count;

    public bool Contains(string name) => names.Contains(name);

    /// <summary>Adds a name; true when it was new.</summary>
    public bool Add(string name) => names.Add(name);

    /// <summary>The last dotted name of <paramref name="qualifiedName"/> (<c>set_seed</c> of <c>utils.set_seed</c>) is here.</summary>
    public bool MayName(string qualifiedName)
    {
        if (names.Count == 0) return false;
        int dot = qualifiedName.LastIndexOf('.');
        if (dot < 0) return names.Contains(qualifiedName);
#if NET9_0_OR_GREATER
        return names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(qualifiedName.AsSpan(dot + 1));
#else
        return names.Contains(qualifiedName.Substring(dot + 1));
#endif
    }

    /// <summary>Adds the name each of <paramref name="imports"/> binds when what it imports is named here (one step of
    /// the closure over re-exports and aliases); true when a name was added.</summary>
    public bool AddAliases(IReadOnlyList<SeedImport> imports)
    {
        bool added = false;
        for (int i = 0; i < imports.Count; i++)
        {
            var imp = imports[i];
            if (imp.BoundName is { } bound && !names.Contains(bound) && MayName(imp.QualifiedName)) added |= names.Add(bound);
        }
        return added;
    }
}
