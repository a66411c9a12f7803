using System.Text.RegularExpressions;

namespace MLOpsLint.Core.Environments;

/// <summary>
/// The version NuGet restores for a PackageReference, and NuGet's SemVer ordering — in Core, without NuGet.Versioning
/// (the analyzer assembly cannot carry it). NuGet resolves the lowest version a range admits, so <c>1.2.3</c>,
/// <c>[1.2.3]</c> and <c>[1.2.3,2.0)</c> all restore 1.2.3; floating and open-below ranges have no fixed answer.
/// </summary>
public static class NuGetVersions
{
    private static readonly Regex Version = new(@"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant);

    /// <summary>The version restore picks (as written), or null when it depends on the feed (floating, exclusive or no lower bound).</summary>
    public static string? Resolved(string? text)
    {
        if (text == null) return null;
        string s = text.Trim();
        if (s.Length == 0 || s.Contains("*") || s.Contains("$(")) return null;
        if (s[0] == '[')
        {
            string inner = s.Substring(1, s.Length - 1).TrimEnd(']', ')');
            string min = inner.Split(',')[0].Trim();
            return min.Length > 0 && Version.IsMatch(min) ? min : null;
        }
        if (s[0] == '(') return null;
        return Version.IsMatch(s) ? s : null;
    }

    /// <summary>NuGet's ordering: four numeric parts (missing = 0), a release above its pre-releases, pre-release labels
    /// compared part by part (numeric parts numerically, below alphanumeric ones), case-insensitive; metadata ignored.</summary>
    public static int Compare(string a, string b)
    {
        var ma = Version.Match(a.Trim());
        var mb = Version.Match(b.Trim());
        if (!ma.Success || !mb.Success) return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        for (int i = 1; i <= 4; i++)
        {
            long x = ma.Groups[i].Success ? long.Parse(ma.Groups[i].Value) : 0;
            long y = mb.Groups[i].Success ? long.Parse(mb.Groups[i].Value) : 0;
            if (x != y) return x.CompareTo(y);
        }
        return Parsing.MSBuild.NuGetVersionText.ComparePrerelease(ma.Groups[5].Value, mb.Groups[5].Value);
    }
}
