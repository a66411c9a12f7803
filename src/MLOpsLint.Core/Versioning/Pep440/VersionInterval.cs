namespace MLOpsLint.Core.Versioning.Pep440;

/// <summary>The versions between two cuts: at or above <see cref="Lower"/> and below <see cref="Upper"/>.</summary>
internal readonly struct VersionInterval
{
    public VersionInterval(VersionCut lower, VersionCut upper)
    {
        Lower = lower;
        Upper = upper;
    }

    public VersionCut Lower { get; }

    public VersionCut Upper { get; }

    /// <summary>Exact: cuts are canonical, so the interval holds a version iff Lower &lt; Upper.</summary>
    public bool IsEmpty => Lower.CompareTo(Upper) >= 0;

    public bool Contains(Pep440Version version) => !Lower.IsAbove(version) && Upper.IsAbove(version);

    /// <summary>Does the interval hold a final (non-pre-release) version?</summary>
    public bool ContainsFinal()
    {
        if (IsEmpty) return false;
        switch (Lower.Kind)
        {
            case CutKind.NegativeInfinity:
                return Upper.IsAbove(Pep440Version.Zero);
            case CutKind.AfterRelease:
                // Just above lies 1.0.0…0.1 (final) with as many zeros as needed to stay below Upper.
                return true;
            case CutKind.After when !Lower.Version!.IsPrerelease:
                // Just above V+local lie V+local.x… (final), as close to it as needed.
                return true;
            default:
                return Upper.IsAbove(VersionSteps.LowestFinalAtOrAbove(Lower.Version!));
        }
    }

    public override string ToString() => $"[{Lower}, {Upper})";
}

/// <summary>Operations on sorted, disjoint, non-empty interval lists (the version sets of specifiers).</summary>
internal static class VersionIntervals
{
    public static readonly VersionInterval[] Full = { new(VersionCut.NegativeInfinity, VersionCut.PositiveInfinity) };

    public static readonly VersionInterval[] Empty = Array.Empty<VersionInterval>();

    /// <summary>Builds a list from up to two intervals, dropping empty ones.</summary>
    public static VersionInterval[] Of(params VersionInterval[] intervals) => intervals.Where(r => !r.IsEmpty).ToArray();

    public static VersionInterval[] Intersect(VersionInterval[] left, VersionInterval[] right)
    {
        var result = new List<VersionInterval>(Math.Max(left.Length, right.Length));
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            var lower = Max(left[i].Lower, right[j].Lower);
            var upper = Min(left[i].Upper, right[j].Upper);
            var piece = new VersionInterval(lower, upper);
            if (!piece.IsEmpty) result.Add(piece);
            if (left[i].Upper.CompareTo(right[j].Upper) < 0) i++;
            else j++;
        }
        return result.ToArray();
    }

    /// <summary>Every version not in <paramref name="intervals"/>.</summary>
    public static VersionInterval[] Complement(VersionInterval[] intervals)
    {
        var result = new List<VersionInterval>(intervals.Length + 1);
        var cursor = VersionCut.NegativeInfinity;
        foreach (var r in intervals)
        {
            var gap = new VersionInterval(cursor, r.Lower);
            if (!gap.IsEmpty) result.Add(gap);
            cursor = r.Upper;
        }
        var tail = new VersionInterval(cursor, VersionCut.PositiveInfinity);
        if (!tail.IsEmpty) result.Add(tail);
        return result.ToArray();
    }

    public static bool Contains(VersionInterval[] intervals, Pep440Version version)
    {
        foreach (var r in intervals)
        {
            if (r.Contains(version)) return true;
        }
        return false;
    }

    public static bool ContainsFinal(VersionInterval[] intervals) => intervals.Any(r => r.ContainsFinal());

    private static VersionCut Max(VersionCut a, VersionCut b) => a.CompareTo(b) >= 0 ? a : b;

    private static VersionCut Min(VersionCut a, VersionCut b) => a.CompareTo(b) <= 0 ? a : b;
}
