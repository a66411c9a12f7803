using System.Text.RegularExpressions;

namespace MLOpsLint.Core.Parsing.MSBuild;

public enum NuGetVersionKind
{
    /// <summary>Not a version NuGet accepts (restore fails with its own error).</summary>
    Invalid,
    /// <summary><c>[1.2.3]</c>: exactly one version.</summary>
    Exact,
    /// <summary><c>1.2.3</c> or <c>[1.2.3,)</c>: at least this version; NuGet resolves the lowest that exists, so
    /// the result is reproducible as long as that version exists.</summary>
    Minimum,
    /// <summary><c>[1.0,2.0)</c>: an inclusive lower bound and an upper bound.</summary>
    Bounded,
    /// <summary><c>*</c>, <c>1.*</c>, <c>1.2.*-*</c>, <c>[1.*,2.0)</c>: NuGet takes the highest match, which changes as versions ship.</summary>
    Floating,
    /// <summary><c>(1.0,)</c>, <c>(1.0,2.0)</c>: the lowest version above 1.0 — whichever exists when you restore.</summary>
    ExclusiveLowerBound,
    /// <summary><c>(,2.0]</c>: no lower bound.</summary>
    NoLowerBound,
}

/// <summary>
/// NuGet version and version-range strings (<c>1.2.3</c>, <c>[1.0,2.0)</c>, <c>1.*</c>) classified for pinning, without
/// NuGet.Versioning (which has no netstandard2.0 build, so the analyzer assembly cannot carry it). The CLI's tests
/// hold this to agree with NuGet.Versioning's <c>VersionRange</c> on a broad set of inputs.
/// </summary>
public static class NuGetVersionText
{
    private static readonly Regex Version = new(
        @"^\d+(\.\d+){0,3}(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$",
        RegexOptions.CultureInvariant);

    private static readonly Regex FloatRelease = new(@"^(\*|\d+(\.\d+){0,3}\*|\d+(\.\d+){0,2}\.\*|\d+(\.\d+){0,3})$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPrerelease = new(@"^([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*\.?)?\*$", RegexOptions.CultureInvariant);

    /// <summary>True for the kinds the unpinned-NuGet rule reports.</summary>
    public static bool IsProblem(NuGetVersionKind kind) =>
        kind is NuGetVersionKind.Floating or NuGetVersionKind.ExclusiveLowerBound or NuGetVersionKind.NoLowerBound;

    public static NuGetVersionKind Classify(string? text)
    {
        if (text == null) return NuGetVersionKind.Invalid;
        string s = text.Trim();
        if (s.Length == 0) return NuGetVersionKind.Invalid;
        if (s[0] != '[' && s[0] != '(')
        {
            // NuGet quirk: "1*" (a star on a lone major) is read as the plain version 10, not a float.
            if (s.Length > 1 && s[s.Length - 1] == '*' && s.Substring(0, s.Length - 1).All(char.IsDigit)) return NuGetVersionKind.Minimum;
            if (s.IndexOf('*') >= 0) return IsFloat(s) ? NuGetVersionKind.Floating : NuGetVersionKind.Invalid;
            return IsVersion(s) ? NuGetVersionKind.Minimum : NuGetVersionKind.Invalid;
        }
        char last = s[s.Length - 1];
        if (s.Length < 3 || (last != ']' && last != ')')) return NuGetVersionKind.Invalid;
        bool minInclusive = s[0] == '[';
        bool maxInclusive = last == ']';
        string inner = s.Substring(1, s.Length - 2);
        int comma = inner.IndexOf(',');
        if (comma < 0)
        {
            string only = inner.Trim();
            return minInclusive && maxInclusive && IsVersion(only) ? NuGetVersionKind.Exact : NuGetVersionKind.Invalid;
        }
        if (inner.IndexOf(',', comma + 1) >= 0) return NuGetVersionKind.Invalid;
        string min = inner.Substring(0, comma).Trim();
        string max = inner.Substring(comma + 1).Trim();
        if (min.Length == 0 && max.Length == 0) return NuGetVersionKind.Invalid;
        bool minFloat = min.IndexOf('*') >= 0;
        if (minFloat ? !IsFloat(min) : min.Length > 0 && !IsVersion(min)) return NuGetVersionKind.Invalid;
        if (max.Length > 0 && !IsVersion(max)) return NuGetVersionKind.Invalid;
        if (min.Length > 0 && max.Length > 0)
        {
            // NuGet compares a floating minimum by the lowest version it can match (1.* → 1.0.0, 1.2.3-* → 1.2.3-<lowest>).
            int c = minFloat ? CompareFloatMin(min, max) : Compare(min, max);
            // Equal bounds: [v,v] is exact and NuGet also accepts (v,v); [v,v) and (v,v] are invalid.
            if (c > 0 || (c == 0 && minInclusive != maxInclusive)) return NuGetVersionKind.Invalid;
            if (c == 0 && minInclusive && !minFloat) return NuGetVersionKind.Exact;
        }
        if (minFloat) return NuGetVersionKind.Floating;
        if (min.Length == 0) return NuGetVersionKind.NoLowerBound;
        if (!minInclusive) return NuGetVersionKind.ExclusiveLowerBound;
        return max.Length == 0 ? NuGetVersionKind.Minimum : NuGetVersionKind.Bounded;
    }

    private static bool IsVersion(string s) => Version.IsMatch(s);

    private static bool IsFloat(string s)
    {
        if (s == "*" || s == "*-*") return true;
        int dash = s.IndexOf('-');
        string release = dash < 0 ? s : s.Substring(0, dash);
        string? pre = dash < 0 ? null : s.Substring(dash + 1);
        if (!FloatRelease.IsMatch(release)) return false;
        bool releaseFloats = release.EndsWith("*", StringComparison.Ordinal);
        if (pre == null) return releaseFloats;
        if (!FloatPrerelease.IsMatch(pre)) return false;
        return true;
    }

    private static int CompareFloatMin(string floatMin, string max)
    {
        if (floatMin == "*-*" || floatMin == "*") floatMin = floatMin == "*" ? "0" : "0-";
        int dash = floatMin.IndexOf('-');
        string release = (dash < 0 ? floatMin : floatMin.Substring(0, dash)).Replace(".*", "").Replace("*", "0");
        if (release.Length == 0) release = "0";
        if (dash < 0) return Compare(release, max);
        string pre = floatMin.Substring(dash + 1).TrimEnd('*').TrimEnd('.');
        int c = Compare(release, StripPre(max));
        if (c != 0) return c;
        if (pre.Length == 0) return -1; // the lowest pre-release sorts below everything
        return Compare(release + "-" + pre, max);
    }

    private static string StripPre(string v)
    {
        int cut = v.IndexOfAny(new[] { '-', '+' });
        return cut < 0 ? v : v.Substring(0, cut);
    }

    // Numeric comparison of release parts, then prerelease (a prerelease sorts before its release).
    private static int Compare(string a, string b)
    {
        static (long[] Release, string Pre) Split(string v)
        {
            int plus = v.IndexOf('+');
            if (plus >= 0) v = v.Substring(0, plus);
            int dash = v.IndexOf('-');
            string rel = dash < 0 ? v : v.Substring(0, dash);
            string pre = dash < 0 ? "" : v.Substring(dash + 1);
            var parts = rel.Split('.').Select(p => long.TryParse(p, out var n) ? n : 0).ToList();
            while (parts.Count < 4) parts.Add(0);
            return (parts.ToArray(), pre);
        }
        var (ra, pa) = Split(a);
        var (rb, pb) = Split(b);
        for (int i = 0; i < 4; i++)
        {
            int c = ra[i].CompareTo(rb[i]);
            if (c != 0) return c;
        }
        return ComparePrerelease(pa, pb);
    }

    /// <summary>NuGet's order of pre-release labels: a release ("") above its pre-releases; labels compared part by
    /// part, numeric parts numerically and below alphanumeric ones, case-insensitive.</summary>
    internal static int ComparePrerelease(string pa, string pb)
    {
        if (pa.Length == 0 && pb.Length == 0) return 0;
        if (pa.Length == 0) return 1;
        if (pb.Length == 0) return -1;
        var xa = pa.Split('.');
        var xb = pb.Split('.');
        for (int i = 0; i < Math.Min(xa.Length, xb.Length); i++)
        {
            bool na = long.TryParse(xa[i], out var ia), nb = long.TryParse(xb[i], out var ib);
            int c = na && nb ? ia.CompareTo(ib) : na ? -1 : nb ? 1 : string.Compare(xa[i], xb[i], StringComparison.OrdinalIgnoreCase);
            if (c != 0) return c;
        }
        return xa.Length.CompareTo(xb.Length);
    }
}
