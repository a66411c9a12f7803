namespace MLOpsLint.Core.Versioning.Pep440;

internal enum CutKind : byte
{
    NegativeInfinity,
    /// <summary>Just below the version: it and everything above lie above the cut.</summary>
    Before,
    /// <summary>Just above a version with a local label (such a version has no immediate successor).</summary>
    After,
    /// <summary>Above every version with the same epoch and release (trailing zeros ignored):
    /// pre, post, dev and local variants included. The lower bound of <c>&gt;1.0</c>.</summary>
    AfterRelease,
    PositiveInfinity,
}

/// <summary>
/// A cut in the total order of PEP 440 versions: the set of versions below it. Cuts are kept in a
/// canonical form (a cut with an immediate successor version is always <c>Before(successor)</c>),
/// so two cuts compare equal exactly when they split the versions the same way, and an interval
/// [lower, upper) holds some version exactly when <c>lower &lt; upper</c>.
/// </summary>
internal readonly struct VersionCut : IComparable<VersionCut>
{
    private VersionCut(CutKind kind, Pep440Version? version)
    {
        Kind = kind;
        Version = version;
    }

    public CutKind Kind { get; }

    public Pep440Version? Version { get; }

    public static VersionCut NegativeInfinity => new(CutKind.NegativeInfinity, null);

    public static VersionCut PositiveInfinity => new(CutKind.PositiveInfinity, null);

    /// <summary>Below <paramref name="version"/>. Below the smallest version (<c>0.dev0</c>) is −∞.</summary>
    public static VersionCut Before(Pep440Version version) =>
        IsMinimum(version) ? NegativeInfinity : new VersionCut(CutKind.Before, version);

    /// <summary>Just above <paramref name="version"/> (which is then below the cut).</summary>
    public static VersionCut After(Pep440Version version) =>
        version.HasLocal ? new VersionCut(CutKind.After, version) : Before(VersionSteps.Successor(version));

    /// <summary>Above every version sharing the epoch and release of <paramref name="version"/>.</summary>
    public static VersionCut AfterRelease(Pep440Version version) => new(CutKind.AfterRelease, version);

    /// <summary>Is <paramref name="version"/> below this cut?</summary>
    public bool IsAbove(Pep440Version version) => Kind switch
    {
        CutKind.NegativeInfinity => false,
        CutKind.PositiveInfinity => true,
        CutKind.Before => version.CompareTo(Version) < 0,
        CutKind.After => version.CompareTo(Version) <= 0,
        _ => Pep440Version.CompareEpochAndRelease(version, Version!) <= 0,
    };

    public int CompareTo(VersionCut other)
    {
        if (Kind == other.Kind && (Kind == CutKind.NegativeInfinity || Kind == CutKind.PositiveInfinity)) return 0;
        if (Kind == CutKind.NegativeInfinity || other.Kind == CutKind.PositiveInfinity) return -1;
        if (Kind == CutKind.PositiveInfinity || other.Kind == CutKind.NegativeInfinity) return 1;

        var a = Version!;
        var b = other.Version!;
        if (Kind == other.Kind)
        {
            return Kind == CutKind.AfterRelease
                ? Pep440Version.CompareEpochAndRelease(a, b)
                : Math.Sign(a.CompareTo(b));
        }
        if (Kind == CutKind.AfterRelease) return Pep440Version.CompareEpochAndRelease(b, a) > 0 ? -1 : 1;
        if (other.Kind == CutKind.AfterRelease) return Pep440Version.CompareEpochAndRelease(a, b) > 0 ? 1 : -1;
        // Before(a) against After(b): b lies below After(b), a lies above Before(a); never equal.
        if (Kind == CutKind.Before) return a.CompareTo(b) <= 0 ? -1 : 1;
        return b.CompareTo(a) <= 0 ? 1 : -1;
    }

    private static bool IsMinimum(Pep440Version v)
    {
        if (v.Epoch != 0 || v.PreKind != Pep440Version.NoPre || v.Post.HasValue || v.Dev != 0 || v.HasLocal) return false;
        foreach (var r in v.ReleaseArray)
        {
            if (r != 0) return false;
        }
        return true;
    }

    public override string ToString() => Kind switch
    {
        CutKind.NegativeInfinity => "-inf",
        CutKind.PositiveInfinity => "+inf",
        CutKind.Before => "before " + Version,
        CutKind.After => "after " + Version,
        _ => "after release " + Version!.BaseVersion,
    };
}
