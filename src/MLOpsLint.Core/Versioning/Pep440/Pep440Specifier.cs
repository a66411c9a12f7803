using System.Diagnostics.CodeAnalysis;

namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>
/// One PEP 440 version specifier clause (<c>&gt;=1.2</c>, <c>==1.*</c>, <c>~=2.0</c>, <c>===foo</c>),
/// parsed and evaluated as pypa/packaging's <c>Specifier</c>: the same accepted syntax, the same
/// <see cref="Contains(string, bool?)"/> and <see cref="Filter(IEnumerable{string}, bool?)"/> results.
/// Immutable.
/// </summary>
public sealed class Pep440Specifier : IEquatable<Pep440Specifier>
{
    private VersionInterval[]? _intervals;

    private Pep440Specifier(Pep440Operator op, string versionText, Pep440Version? version, bool isWildcard, bool? prereleases)
    {
        Operator = op;
        VersionText = versionText;
        Version = version;
        IsWildcard = isWildcard;
        Prereleases = prereleases;
    }

    /// <summary>The operator.</summary>
    public Pep440Operator Operator { get; }

    /// <summary>The version as written, white space trimmed (<c>1.0.*</c> keeps its wildcard).</summary>
    public string VersionText { get; }

    /// <summary>The parsed version; for a wildcard the prefix before <c>.*</c>; null for an
    /// <c>===</c> string that is not a PEP 440 version.</summary>
    public Pep440Version? Version { get; }

    /// <summary>True for <c>==V.*</c> and <c>!=V.*</c>.</summary>
    public bool IsWildcard { get; }

    /// <summary>Explicit pre-release override given when parsing; null for PEP 440's default.</summary>
    public bool? Prereleases { get; }

    /// <summary>Whether the specifier itself mentions a pre-release, so pre-releases are admitted by
    /// default (packaging's <c>prereleases</c> property when no override is set): never for
    /// <c>!=</c> or <c>==V.*</c>.</summary>
    public bool ImpliesPrereleases =>
        Operator != Pep440Operator.NotEqual && !(Operator == Pep440Operator.Equal && IsWildcard)
        && Version is { IsPrerelease: true };

    /// <summary>An exact pin: <c>==</c> without a wildcard, or <c>===</c>.</summary>
    public bool IsExactPin => Operator == Pep440Operator.ArbitraryEqual || (Operator == Pep440Operator.Equal && !IsWildcard);

    /// <summary>Parses a specifier; never throws. Rejects what packaging rejects.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Pep440Specifier? specifier) =>
        TryParse(text, prereleases: null, out specifier);

    /// <summary>Parses a specifier with an explicit pre-release override; never throws.</summary>
    public static bool TryParse(string? text, bool? prereleases, [NotNullWhen(true)] out Pep440Specifier? specifier)
    {
        specifier = null;
        if (text is null) return false;
        PythonText.Trim(text, out int start, out int end);
        int opLength = Pep440OperatorText.Read(text, start, end, out var op);
        if (opLength == 0) return false;
        int i = start + opLength;
        while (i < end && PythonText.IsWhiteSpace(text[i])) i++;
        string versionText = text.Substring(i, end - i);

        if (op == Pep440Operator.ArbitraryEqual)
        {
            foreach (char c in versionText)
            {
                if (c == ';' || c == ')' || PythonText.IsWhiteSpace(c)) return false;
            }
            Pep440Version.TryParse(versionText, out var arbitrary);
            specifier = new Pep440Specifier(op, versionText, arbitrary, isWildcard: false, prereleases);
            return true;
        }

        bool wildcard = (op == Pep440Operator.Equal || op == Pep440Operator.NotEqual)
                        && end - i >= 2 && text[end - 1] == '*' && text[end - 2] == '.';
        if (wildcard)
        {
            if (!IsPlainRelease(text, i, end - 2)) return false;
            if (!Pep440VersionParser.TryParse(text, i, end - 2, out var prefix)) return false;
            specifier = new Pep440Specifier(op, versionText, prefix, isWildcard: true, prereleases);
            return true;
        }

        if (!Pep440VersionParser.TryParse(text, i, end, out var version)) return false;
        if (version.HasLocal && op != Pep440Operator.Equal && op != Pep440Operator.NotEqual) return false;
        if (op == Pep440Operator.Compatible && version.Release.Count < 2) return false;
        specifier = new Pep440Specifier(op, versionText, version, isWildcard: false, prereleases);
        return true;
    }

    /// <summary>Parses a specifier or throws <see cref="FormatException"/>.</summary>
    public static Pep440Specifier Parse(string text, bool? prereleases = null) =>
        TryParse(text, prereleases, out var s) ? s : throw new FormatException($"Invalid PEP 440 specifier: '{text}'");

    /// <summary>This specifier with another pre-release override.</summary>
    public Pep440Specifier WithPrereleases(bool? prereleases) =>
        prereleases == Prereleases ? this : new Pep440Specifier(Operator, VersionText, Version, IsWildcard, prereleases);

    /// <summary>Does the specifier admit <paramref name="version"/>? Unparsable versions only match <c>===</c>.
    /// <paramref name="prereleases"/>: null follows the specifier (its override, or whether it mentions a
    /// pre-release; a lone pre-release is then still admitted, as packaging does); false rejects
    /// pre-releases; true admits them.</summary>
    public bool Contains(string version, bool? prereleases = null) =>
        ContainsCandidate(VersionCandidate.From(version), prereleases);

    /// <inheritdoc cref="Contains(string, bool?)"/>
    public bool Contains(Pep440Version version, bool? prereleases = null) =>
        ContainsCandidate(VersionCandidate.From(version), prereleases);

    internal bool ContainsCandidate(VersionCandidate candidate, bool? prereleases)
    {
        var policy = EffectivePrereleases(prereleases);
        if (Operator == Pep440Operator.ArbitraryEqual)
            return MatchesArbitrary(candidate.Text) && PrereleasePolicy.Admits(candidate, policy);
        if (candidate.Version is null) return false;
        return PrereleasePolicy.Admits(candidate, policy) && VersionIntervals.Contains(Intervals, candidate.Version);
    }

    /// <summary>The items of <paramref name="versions"/> the specifier admits, in order. With
    /// <paramref name="prereleases"/> null and no override, pre-releases come out only when no final
    /// release matches (PEP 440). Unparsable strings only ever match <c>===</c>.</summary>
    public IEnumerable<string> Filter(IEnumerable<string> versions, bool? prereleases = null) =>
        FilterCore(versions.Select(v => (v, VersionCandidate.From(v))), prereleases);

    /// <inheritdoc cref="Filter(IEnumerable{string}, bool?)"/>
    public IEnumerable<Pep440Version> Filter(IEnumerable<Pep440Version> versions, bool? prereleases = null) =>
        FilterCore(versions.Select(v => (v, VersionCandidate.From(v))), prereleases);

    /// <summary>Filters arbitrary items by the version text <paramref name="key"/> gives.</summary>
    public IEnumerable<T> Filter<T>(IEnumerable<T> items, Func<T, string> key, bool? prereleases = null) =>
        FilterCore(items.Select(item => (item, VersionCandidate.From(key(item)))), prereleases);

    internal IEnumerable<T> FilterCore<T>(IEnumerable<(T Item, VersionCandidate Candidate)> items, bool? prereleases)
    {
        var policy = EffectivePrereleases(prereleases);
        if (Operator == Pep440Operator.ArbitraryEqual)
            return PrereleasePolicy.Apply(items.Where(m => MatchesArbitrary(m.Candidate.Text)), policy);
        return PrereleasePolicy.FilterByIntervals(Intervals, items, policy);
    }

    private bool? EffectivePrereleases(bool? prereleases) =>
        prereleases ?? Prereleases ?? (ImpliesPrereleases ? true : null);

    private bool MatchesArbitrary(string text) =>
        string.Equals(text.ToLowerInvariant(), VersionText.ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>The versions this specifier admits, ignoring the pre-release policy
    /// (<c>===</c> is modelled as every version; its string test is applied separately).</summary>
    internal VersionInterval[] Intervals => _intervals ??= BuildIntervals();

    private VersionInterval[] BuildIntervals()
    {
        if (Operator == Pep440Operator.ArbitraryEqual) return VersionIntervals.Full;
        var v = Version!;
        var neg = VersionCut.NegativeInfinity;
        var pos = VersionCut.PositiveInfinity;
        if (IsWildcard)
        {
            var match = VersionIntervals.Of(new VersionInterval(
                VersionCut.Before(VersionSteps.ReleaseDev0(v.Epoch, v.ReleaseArray)),
                VersionCut.Before(VersionSteps.NextPrefixDev0(v.Epoch, v.ReleaseArray))));
            return Operator == Pep440Operator.Equal ? match : VersionIntervals.Complement(match);
        }
        switch (Operator)
        {
            case Pep440Operator.GreaterThanOrEqual:
                return VersionIntervals.Of(new VersionInterval(VersionCut.Before(v), pos));
            case Pep440Operator.LessThanOrEqual:
                return VersionIntervals.Of(new VersionInterval(neg, VersionCut.After(v)));
            case Pep440Operator.GreaterThan:
                return VersionIntervals.Of(new VersionInterval(VersionSteps.AfterPostReleases(v), pos));
            case Pep440Operator.LessThan:
                // <V does not admit pre-releases of V, unless V is itself a pre-release.
                return VersionIntervals.Of(new VersionInterval(neg, VersionCut.Before(v.IsPrerelease ? v : VersionSteps.Dev0(v))));
            case Pep440Operator.Compatible:
                var prefix = new long[v.ReleaseArray.Length - 1];
                Array.Copy(v.ReleaseArray, prefix, prefix.Length);
                return VersionIntervals.Of(new VersionInterval(
                    VersionCut.Before(v), VersionCut.Before(VersionSteps.NextPrefixDev0(v.Epoch, prefix))));
            default:
                // ==V admits V's local versions unless V has a local label itself; != is the complement.
                var equal = VersionIntervals.Of(new VersionInterval(VersionCut.Before(v), VersionCut.After(v)));
                return Operator == Pep440Operator.Equal ? equal : VersionIntervals.Complement(equal);
        }
    }

    // v?(N!)?N(.N)* exactly: what may precede ".*".
    private static bool IsPlainRelease(string text, int i, int end)
    {
        if (i < end && (text[i] == 'v' || text[i] == 'V')) i++;
        bool sawDigit = false, sawBang = false;
        for (; i < end; i++)
        {
            char c = text[i];
            if (PythonText.IsDigit(c)) { sawDigit = true; continue; }
            if (!sawDigit) return false;
            if (c == '!' && !sawBang) sawBang = true;
            else if (c != '.') return false;
            sawDigit = false;
        }
        return sawDigit;
    }

    /// <summary>Operator and version as written (<c>&lt; 2</c> gives <c>&lt;2</c>).</summary>
    public override string ToString() => Operator.ToText() + VersionText;

    /// <summary>Equality of meaning, ignoring the pre-release override: <c>==1.2.3</c> equals <c>== 1.2.3.0</c>.</summary>
    public bool Equals(Pep440Specifier? other)
    {
        if (other is null || Operator != other.Operator || IsWildcard != other.IsWildcard) return false;
        if (Operator == Pep440Operator.ArbitraryEqual || IsWildcard) return VersionText == other.VersionText;
        // ~= keeps trailing zeros (~=1.0 differs from ~=1.0.0); other operators ignore them.
        return Operator == Pep440Operator.Compatible
            ? Version!.ToString() == other.Version!.ToString()
            : Version!.Equals(other.Version);
    }

    public override bool Equals(object? obj) => obj is Pep440Specifier other && Equals(other);

    public override int GetHashCode() =>
        Operator == Pep440Operator.ArbitraryEqual || IsWildcard
            ? HashCode.Combine(Operator, IsWildcard, StringComparer.Ordinal.GetHashCode(VersionText))
            : HashCode.Combine(Operator, Operator == Pep440Operator.Compatible ? Version!.ToString().GetHashCode() : Version!.GetHashCode());
}
