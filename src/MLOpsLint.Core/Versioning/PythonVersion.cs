using System.Diagnostics.CodeAnalysis;
using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Versioning;

/// <summary>
/// A Python interpreter version as written in the places the dev/prod mismatch rules compare:
/// <c>3.11</c>, <c>3.11.9</c>, Docker tags (<c>3.11-slim-bookworm</c>), executables and tool spellings
/// (<c>python3.10</c>, <c>cpython-3.12</c>, <c>cpython@3.12</c>, <c>pypy3.9</c>, <c>py311</c>, <c>cp311</c>),
/// CI ranges (<c>3.x</c>, <c>3</c>), pre-releases (<c>3.13.0rc1</c>) and free-threaded builds (<c>3.13t</c>).
/// A version without a micro number stands for every release of that line: <c>3.11</c> is <c>3.11.*</c>.
/// Immutable.
/// </summary>
public sealed class PythonVersion : IEquatable<PythonVersion>
{
    private static readonly string[] Prefixes = { "cpython", "python", "pypy", "cp", "py" };

    private PythonVersion(int major, int? minor, int? micro, string? preRelease, string? implementation, bool freeThreaded, string? variant)
    {
        Major = major;
        Minor = minor;
        Micro = micro;
        PreRelease = preRelease;
        Implementation = implementation;
        FreeThreaded = freeThreaded;
        Variant = variant;
    }

    /// <summary>Major version (3 in <c>3.11.9</c>).</summary>
    public int Major { get; }

    /// <summary>Minor version; null for a major-only range (<c>3</c>, <c>3.x</c>).</summary>
    public int? Minor { get; }

    /// <summary>Micro (patch) version; null when the text names a whole line (<c>3.11</c>).</summary>
    public int? Micro { get; }

    /// <summary>Normalised PEP 440 pre-release suffix (<c>a4</c>, <c>b1</c>, <c>rc1</c>), or null.</summary>
    public string? PreRelease { get; }

    /// <summary><c>cpython</c> or <c>pypy</c> when the text names the implementation, else null.</summary>
    public string? Implementation { get; }

    /// <summary>True for a free-threaded build (<c>3.13t</c>).</summary>
    public bool FreeThreaded { get; }

    /// <summary>What followed the version (a Docker tag variant such as <c>slim-bookworm</c>), or null.</summary>
    public string? Variant { get; }

    /// <summary>True when the text stands for several releases (<c>3</c>, <c>3.x</c>, <c>3.11</c>).</summary>
    public bool IsRange => Micro is null;

    /// <summary>Reads a Python version; never throws. Rejects text with no version
    /// (<c>latest</c>, <c>slim</c>, <c>system</c>) or with more than three release numbers.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PythonVersion? version)
    {
        version = null;
        if (text is null) return false;
        var s = text.Trim().ToLowerInvariant();
        int i = 0;
        string? implementation = null;
        foreach (var prefix in Prefixes)
        {
            if (!s.StartsWith(prefix, StringComparison.Ordinal)) continue;
            i = prefix.Length;
            implementation = prefix == "pypy" ? "pypy" : prefix == "cpython" ? "cpython" : null;
            if (i < s.Length && (s[i] == '-' || s[i] == '@' || s[i] == '_')) i++;
            // Compact tags: py311, cp39, py3.
            if ((prefix == "py" || prefix == "cp") && IsCompact(s, i, out int cMajor, out int? cMinor))
            {
                version = new PythonVersion(cMajor, cMinor, null, null, prefix == "cp" ? "cpython" : null, false, null);
                return true;
            }
            break;
        }

        if (!ReadInt(s, ref i, out int major)) return false;
        int? minor = null, micro = null;
        bool wildcard = false;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (i < s.Length && (s[i] == 'x' || s[i] == '*')) { i++; wildcard = true; }
            else if (ReadInt(s, ref i, out int m)) minor = m;
            else return false;
        }
        if (minor is not null && i < s.Length && s[i] == '.')
        {
            i++;
            if (i < s.Length && (s[i] == 'x' || s[i] == '*')) { i++; wildcard = true; }
            else if (ReadInt(s, ref i, out int p)) micro = p;
            else return false;
        }
        if (!wildcard && i < s.Length && s[i] == '.') return false; // 3.11.9.1

        string? pre = null;
        if (micro is not null) pre = ReadPreRelease(s, ref i);

        bool freeThreaded = false;
        if (!wildcard && minor is not null && i < s.Length && s[i] == 't' && (i + 1 == s.Length || IsVariantSeparator(s[i + 1])))
        {
            freeThreaded = true;
            i++;
        }

        string? variant = null;
        if (i < s.Length)
        {
            if (!IsVariantSeparator(s[i])) return false;
            variant = s.Substring(i + 1);
            if (variant.Length == 0) variant = null;
        }
        version = new PythonVersion(major, minor, micro, pre, implementation, freeThreaded, variant);
        return true;
    }

    /// <summary>Reads a Python version or throws <see cref="FormatException"/>.</summary>
    public static PythonVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"Not a Python version: '{text}'");

    /// <summary>The versions this text stands for, as a specifier set:
    /// <c>==3.11.*</c>, <c>==3.*</c>, or <c>==3.11.9</c> for an exact release.</summary>
    public Pep440SpecifierSet ToSpecifierSet() => Pep440SpecifierSet.Parse(
        Minor is null ? $"=={Major}.*" : Micro is null ? $"=={Major}.{Minor}.*" : $"=={ToString()}");

    /// <summary>The exact release as a PEP 440 version; null for a range.</summary>
    public Pep440Version? ToPep440Version() => IsRange ? null : Pep440Version.Parse(ToString());

    /// <summary>
    /// Does <paramref name="requiresPython"/> (a <c>requires-python</c>-style set) admit this Python?
    /// An exact release is checked as pip checks <c>Requires-Python</c> (pre-releases admitted);
    /// a range is admitted when at least one final release in it is (<c>3.11</c> is admitted by
    /// <c>&gt;=3.11.4</c> and by <c>&gt;3.11</c>, not by <c>&lt;3.11</c> or <c>&gt;=3.12</c>).
    /// </summary>
    public bool IsAdmittedBy(Pep440SpecifierSet requiresPython)
    {
        if (!IsRange) return requiresPython.Contains(ToPep440Version()!, prereleases: true);
        return requiresPython.Intersects(ToSpecifierSet(), prereleases: false);
    }

    /// <summary>
    /// Does <paramref name="requiresPython"/> admit every final release this text stands for?
    /// <c>3.11</c> is fully admitted by <c>&gt;=3.11</c> but not by <c>&gt;=3.11.4</c> or <c>!=3.11.2</c>.
    /// For an exact release this is <see cref="IsAdmittedBy"/>.
    /// </summary>
    public bool IsFullyAdmittedBy(Pep440SpecifierSet requiresPython)
    {
        if (!IsRange) return IsAdmittedBy(requiresPython);
        if (requiresPython.HasArbitrary) return false;
        var outside = VersionIntervals.Complement(requiresPython.Intervals);
        var missed = VersionIntervals.Intersect(outside, ToSpecifierSet().Intervals);
        return !VersionIntervals.ContainsFinal(missed);
    }

    /// <summary><c>3</c>, <c>3.11</c>, <c>3.11.9</c> or <c>3.13.0rc1</c> (implementation, build flag and variant left out).</summary>
    public override string ToString() =>
        Minor is null ? $"{Major}" : Micro is null ? $"{Major}.{Minor}" : $"{Major}.{Minor}.{Micro}{PreRelease}";

    public bool Equals(PythonVersion? other) =>
        other is not null && Major == other.Major && Minor == other.Minor && Micro == other.Micro
        && PreRelease == other.PreRelease && Implementation == other.Implementation
        && FreeThreaded == other.FreeThreaded && Variant == other.Variant;

    public override bool Equals(object? obj) => obj is PythonVersion other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Micro, PreRelease, Implementation, FreeThreaded, Variant);

    private static bool IsVariantSeparator(char c) => c == '-' || c == '_' || c == '+' || c == ' ' || c == '/';

    private static bool ReadInt(string s, ref int i, out int value)
    {
        value = 0;
        int start = i;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9')
        {
            if (i - start >= 6) return false;
            value = value * 10 + (s[i] - '0');
            i++;
        }
        return i > start;
    }

    // py311 → 3.11, py3 → 3, cp39 → 3.9: digits to the end, first digit is the major version.
    private static bool IsCompact(string s, int i, out int major, out int? minor)
    {
        major = 0;
        minor = null;
        if (i >= s.Length || i + 4 < s.Length) return false;
        for (int k = i; k < s.Length; k++)
        {
            if (s[k] < '0' || s[k] > '9') return false;
        }
        major = s[i] - '0';
        if (s.Length > i + 1) minor = int.Parse(s.Substring(i + 1), System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    // a4, b1, rc1, c1 (PEP 440 spellings as CPython uses them), directly after the micro number.
    private static string? ReadPreRelease(string s, ref int i)
    {
        foreach (var (word, label) in new[] { ("rc", "rc"), ("a", "a"), ("b", "b"), ("c", "rc") })
        {
            if (string.CompareOrdinal(s, i, word, 0, word.Length) != 0) continue;
            int j = i + word.Length;
            if (!ReadInt(s, ref j, out int n)) return null;
            i = j;
            return label + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return null;
    }
}
