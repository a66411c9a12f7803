using System.Diagnostics.CodeAnalysis;

namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>
/// A comma-separated set of PEP 440 specifiers (<c>&gt;=1.0,!=1.3.*,&lt;2</c>), all of which must hold;
/// the empty set admits every version. Parsed and evaluated as pypa/packaging's <c>SpecifierSet</c>,
/// plus what the lint rules need: <see cref="IsExactPin"/>, <see cref="IsSatisfiable"/> and
/// <see cref="Intersects"/> (exact interval arithmetic over the version order). Immutable.
/// </summary>
public sealed class Pep440SpecifierSet : IEquatable<Pep440SpecifierSet>
{
    private readonly Pep440Specifier[] _specifiers;
    private VersionInterval[]? _intervals;

    /// <summary>Combines specifiers as given (no parsing).</summary>
    public Pep440SpecifierSet(IEnumerable<Pep440Specifier> specifiers, bool? prereleases = null)
    {
        _specifiers = specifiers.ToArray();
        Prereleases = prereleases;
        HasArbitrary = _specifiers.Any(s => s.Operator == Pep440Operator.ArbitraryEqual);
    }

    /// <summary>The empty set: admits every version.</summary>
    public static Pep440SpecifierSet Empty { get; } = new(Array.Empty<Pep440Specifier>());

    /// <summary>The clauses, in the order written.</summary>
    public IReadOnlyList<Pep440Specifier> Specifiers => _specifiers;

    /// <summary>Explicit pre-release override given when parsing; null for PEP 440's default.</summary>
    public bool? Prereleases { get; }

    /// <summary>packaging's <c>prereleases</c>: the override if any; else true when some clause
    /// mentions a pre-release; else null (undecided: pre-releases only when nothing else matches).</summary>
    public bool? EffectivePrereleases =>
        Prereleases ?? (_specifiers.Any(s => s.Prereleases ?? s.ImpliesPrereleases) ? true : null);

    /// <summary>True when some clause is an exact pin (<c>==1.2.3</c>, <c>==1.2.3+local</c> or <c>===x</c>).</summary>
    public bool IsExactPin => ExactPin is not null;

    /// <summary>The first exact-pin clause, or null.</summary>
    public Pep440Specifier? ExactPin => _specifiers.FirstOrDefault(s => s.IsExactPin);

    internal bool HasArbitrary { get; }

    /// <summary>Parses a comma-separated set (empty items are ignored); never throws.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Pep440SpecifierSet? set) =>
        TryParse(text, prereleases: null, out set);

    /// <summary>Parses a comma-separated set with an explicit pre-release override; never throws.</summary>
    public static bool TryParse(string? text, bool? prereleases, [NotNullWhen(true)] out Pep440SpecifierSet? set)
    {
        set = null;
        if (text is null) return false;
        if (prereleases is null) return Pep440SetMemo.TryGet(text, out set);
        return TryParseNew(text, prereleases, out set);
    }

    /// <summary>Parses <paramref name="text"/> into a new set (no memo).</summary>
    internal static bool TryParseNew(string text, bool? prereleases, [NotNullWhen(true)] out Pep440SpecifierSet? set)
    {
        set = null;
        var specs = new List<Pep440Specifier>(2);
        foreach (var part in text.Split(','))
        {
            PythonText.Trim(part, out int start, out int end);
            if (start == end) continue;
            if (!Pep440Specifier.TryParse(part, out var spec)) return false;
            specs.Add(spec);
        }
        set = new Pep440SpecifierSet(specs, prereleases);
        return true;
    }

    /// <summary>Parses a set or throws <see cref="FormatException"/>.</summary>
    public static Pep440SpecifierSet Parse(string text, bool? prereleases = null) =>
        TryParse(text, prereleases, out var set) ? set : throw new FormatException($"Invalid PEP 440 specifier set: '{text}'");

    /// <summary>Does every clause admit <paramref name="version"/>? <paramref name="prereleases"/>: null follows
    /// the set (override, or a clause mentioning a pre-release; a lone pre-release is still admitted, as
    /// packaging does); false rejects pre-releases; true admits them.</summary>
    public bool Contains(string version, bool? prereleases = null) =>
        ContainsCandidate(VersionCandidate.From(version), prereleases);

    /// <inheritdoc cref="Contains(string, bool?)"/>
    public bool Contains(Pep440Version version, bool? prereleases = null) =>
        ContainsCandidate(VersionCandidate.From(version), prereleases);

    private bool ContainsCandidate(VersionCandidate candidate, bool? prereleases)
    {
        var policy = prereleases ?? EffectivePrereleases;
        if (!PrereleasePolicy.Admits(candidate, policy)) return false;
        if (_specifiers.Length == 0) return true;
        if (HasArbitrary) return _specifiers.All(s => s.ContainsCandidate(candidate, prereleases: true));
        return candidate.Version is { } v && VersionIntervals.Contains(Intervals, v);
    }

    /// <summary>The items the set admits, in order; pre-release policy as in
    /// <see cref="Pep440Specifier.Filter(IEnumerable{string}, bool?)"/>. The empty set keeps unparsable strings.</summary>
    public IEnumerable<string> Filter(IEnumerable<string> versions, bool? prereleases = null) =>
        FilterCore(versions.Select(v => (v, VersionCandidate.From(v))), prereleases);

    /// <inheritdoc cref="Filter(IEnumerable{string}, bool?)"/>
    public IEnumerable<Pep440Version> Filter(IEnumerable<Pep440Version> versions, bool? prereleases = null) =>
        FilterCore(versions.Select(v => (v, VersionCandidate.From(v))), prereleases);

    /// <summary>Filters arbitrary items by the version text <paramref name="key"/> gives.</summary>
    public IEnumerable<T> Filter<T>(IEnumerable<T> items, Func<T, string> key, bool? prereleases = null) =>
        FilterCore(items.Select(item => (item, VersionCandidate.From(key(item)))), prereleases);

    private IEnumerable<T> FilterCore<T>(IEnumerable<(T Item, VersionCandidate Candidate)> items, bool? prereleases)
    {
        var policy = prereleases ?? EffectivePrereleases;
        if (_specifiers.Length == 0) return PrereleasePolicy.Apply(items, policy);
        if (HasArbitrary)
        {
            var matches = items.Where(m => _specifiers.All(s => s.ContainsCandidate(m.Candidate, prereleases: true)));
            return PrereleasePolicy.Apply(matches, policy);
        }
        return PrereleasePolicy.FilterByIntervals(Intervals, items, policy);
    }

    /// <summary>Can any version satisfy every clause? With <paramref name="prereleases"/> (or the set's
    /// override) false, only final releases count. Exact, by interval arithmetic: <c>&gt;=1.0,&lt;1.0</c>,
    /// <c>==1.*,!=1.*</c>, <c>&gt;1.0,&lt;1.0.post0</c> and <c>===a,===b</c> are all unsatisfiable.</summary>
    public bool IsSatisfiable(bool? prereleases = null)
    {
        if (_specifiers.Length == 0) return true;
        var intervals = Intervals;
        if (intervals.Length == 0) return false;
        var policy = prereleases ?? Prereleases;
        if (HasArbitrary && !ArbitraryIsSatisfiable(policy)) return false;
        return policy != false || VersionIntervals.ContainsFinal(intervals);
    }

    /// <summary>Is there a version both sets admit? Only final releases count when
    /// <paramref name="prereleases"/> is false, or (when it is null) either set's override is false.</summary>
    public bool Intersects(Pep440SpecifierSet other, bool? prereleases = null)
    {
        var policy = prereleases
            ?? (Prereleases == false || other.Prereleases == false ? false
                : Prereleases == true || other.Prereleases == true ? true : (bool?)null);
        return new Pep440SpecifierSet(_specifiers.Concat(other._specifiers), policy).IsSatisfiable();
    }

    /// <summary>A set of the clauses of both (packaging's <c>&amp;</c>). Throws <see cref="ArgumentException"/>
    /// when the two carry opposite pre-release overrides, as packaging does.</summary>
    public Pep440SpecifierSet Intersect(Pep440SpecifierSet other)
    {
        bool? prereleases;
        if (Prereleases is null || Prereleases == other.Prereleases) prereleases = other.Prereleases;
        else if (other.Prereleases is null) prereleases = Prereleases;
        else throw new ArgumentException("Cannot combine specifier sets with true and false pre-release overrides.", nameof(other));
        return new Pep440SpecifierSet(_specifiers.Concat(other._specifiers), prereleases);
    }

    // === compares strings, so its only candidate is its own text; every clause must admit that.
    private bool ArbitraryIsSatisfiable(bool? prereleases)
    {
        var arbitrary = _specifiers.Where(s => s.Operator == Pep440Operator.ArbitraryEqual).ToArray();
        var text = arbitrary[0].VersionText;
        if (arbitrary.Any(s => !string.Equals(s.VersionText.ToLowerInvariant(), text.ToLowerInvariant(), StringComparison.Ordinal)))
            return false;
        var candidate = VersionCandidate.From(text);
        if (prereleases == false && candidate.IsPrerelease) return false;
        var standard = _specifiers.Where(s => s.Operator != Pep440Operator.ArbitraryEqual).ToArray();
        if (standard.Length == 0) return true;
        return candidate.Version is not null && standard.All(s => s.ContainsCandidate(candidate, prereleases: null));
    }

    /// <summary>The versions every clause admits, pre-release policy aside.</summary>
    internal VersionInterval[] Intervals => _intervals ??= BuildIntervals();

    private VersionInterval[] BuildIntervals()
    {
        var result = VersionIntervals.Full;
        foreach (var s in _specifiers)
        {
            result = VersionIntervals.Intersect(result, s.Intervals);
            if (result.Length == 0) break;
        }
        return result;
    }

    /// <summary>Clauses sorted and de-duplicated, comma-joined, as packaging prints a set.</summary>
    public override string ToString() =>
        string.Join(",", _specifiers.Distinct().Select(s => s.ToString()).OrderBy(s => s, StringComparer.Ordinal));

    /// <summary>Same clauses (as a set, by meaning), ignoring the pre-release override.</summary>
    public bool Equals(Pep440SpecifierSet? other) =>
        other is not null && new HashSet<Pep440Specifier>(_specifiers).SetEquals(other._specifiers);

    public override bool Equals(object? obj) => obj is Pep440SpecifierSet other && Equals(other);

    public override int GetHashCode()
    {
        int h = 0;
        foreach (var s in _specifiers.Distinct()) h ^= s.GetHashCode();
        return h;
    }
}
