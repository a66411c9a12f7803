using System.Text.RegularExpressions;
using MLOpsLint.Core.Versioning;
using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Environments;

/// <summary>Conversions from the version spellings of Poetry, conda and wheels to PEP 440 specifier sets.</summary>
public static class VersionText
{
    private static readonly Regex LocalLabel = new(@"\+[0-9A-Za-z.]+", RegexOptions.CultureInvariant);

    /// <summary>A PEP 440 specifier set with local version labels removed (<c>==2.1.0+cu121</c> → <c>==2.1.0</c>).</summary>
    public static Pep440SpecifierSet WithoutLocal(Pep440SpecifierSet set)
    {
        if (!set.Specifiers.Any(s => s.Version?.HasLocal == true)) return set;
        string text = string.Join(",", set.Specifiers.Select(s => s.ToString()).Select(s => LocalLabel.Replace(s, "")));
        return Pep440SpecifierSet.TryParse(text, out var stripped) ? stripped : set;
    }

    /// <summary>The local label of an exact pin (<c>cu121</c>), or null.</summary>
    public static string? LocalOf(Pep440SpecifierSet set) => set.ExactPin?.Version?.Local;

    /// <summary>
    /// A Poetry or Pipfile constraint as PEP 440: <c>^1.2</c> → <c>&gt;=1.2,&lt;2.0</c>, <c>~1.2</c> → <c>&gt;=1.2,&lt;1.3</c>,
    /// a bare <c>1.2.3</c> → <c>==1.2.3</c>, <c>*</c> → any. Null for unions (<c>||</c>) and what cannot be read.
    /// </summary>
    public static Pep440SpecifierSet? FromPoetry(string? constraint)
    {
        if (constraint == null) return null;
        string c = constraint.Trim();
        if (c.Length == 0 || c == "*") return Pep440SpecifierSet.Empty;
        if (c.Contains("||") || c.Contains("|")) return null;
        var parts = new List<string>();
        foreach (var raw in Regex.Split(c, @"\s*,\s*|\s+(?=[<>=!~^])"))
        {
            string p = raw.Trim();
            if (p.Length == 0) continue;
            if (p.StartsWith("^", StringComparison.Ordinal))
            {
                var rel = Release(p.Substring(1));
                if (rel == null) return null;
                int first = rel.FindIndex(n => n != 0);
                if (first < 0) first = rel.Count - 1;
                var upper = rel.Take(first + 1).ToList();
                upper[first]++;
                parts.Add(">=" + p.Substring(1).Trim());
                parts.Add("<" + string.Join(".", upper));
            }
            else if (p.StartsWith("~", StringComparison.Ordinal) && !p.StartsWith("~=", StringComparison.Ordinal))
            {
                var rel = Release(p.Substring(1));
                if (rel == null) return null;
                var upper = rel.Count == 1 ? new List<long> { rel[0] + 1 } : new List<long> { rel[0], rel[1] + 1 };
                parts.Add(">=" + p.Substring(1).Trim());
                parts.Add("<" + string.Join(".", upper));
            }
            else if (char.IsDigit(p[0]))
            {
                parts.Add("==" + p);
            }
            else if (p.StartsWith("=", StringComparison.Ordinal) && !p.StartsWith("==", StringComparison.Ordinal))
            {
                parts.Add("=" + p);
            }
            else
            {
                parts.Add(p);
            }
        }
        return Pep440SpecifierSet.TryParse(string.Join(",", parts), out var set) ? set : null;
    }

    /// <summary>A conda version constraint (<c>=1.26</c> is the 1.26 series, <c>==1.26.4</c>, <c>&gt;=1.2,&lt;2</c>,
    /// <c>1.26.*</c>) as PEP 440; null for what PEP 440 cannot express (<c>|</c>).</summary>
    public static Pep440SpecifierSet? FromConda(string? version)
    {
        if (version == null) return null;
        string v = version.Trim();
        if (v.Length == 0 || v == "*") return Pep440SpecifierSet.Empty;
        if (v.Contains("|")) return null;
        var parts = new List<string>();
        foreach (var raw in v.Split(','))
        {
            string p = raw.Trim();
            if (p.Length == 0) continue;
            if (p.StartsWith("==", StringComparison.Ordinal) || p.StartsWith(">", StringComparison.Ordinal)
                || p.StartsWith("<", StringComparison.Ordinal) || p.StartsWith("!=", StringComparison.Ordinal)
                || p.StartsWith("~=", StringComparison.Ordinal))
            {
                parts.Add(p);
            }
            else
            {
                // "=1.26" and "1.26*" / "1.26.*" are series; a bare "1.26.4" is exact.
                string bare = p.TrimStart('=').TrimEnd('*').TrimEnd('.');
                if (bare.Length == 0) continue;
                bool series = p.StartsWith("=", StringComparison.Ordinal) || p.EndsWith("*", StringComparison.Ordinal);
                parts.Add(series ? "==" + bare + ".*" : "==" + bare);
            }
        }
        if (parts.Count == 0) return Pep440SpecifierSet.Empty;
        return Pep440SpecifierSet.TryParse(string.Join(",", parts), out var set) ? set : null;
    }

    /// <summary>A Python version or constraint as CI tools and conda write it (<c>3.11</c>, <c>=3.10</c>, <c>&gt;=3.9</c>).</summary>
    public static (Pep440SpecifierSet Admitted, PythonVersion? Version)? PythonFrom(string text)
    {
        string t = text.Trim().Trim('"', '\'');
        if (PythonVersion.TryParse(t, out var v) && v.Variant is null or "dev") return (v.ToSpecifierSet(), v);
        var set = FromConda(t);
        return set == null || set.Specifiers.Count == 0 ? null : (set, null);
    }

    private static List<long>? Release(string text)
    {
        var list = new List<long>();
        foreach (var p in text.Trim().Split('.'))
        {
            if (p == "*" || p == "x") break;
            if (!long.TryParse(p, out var n)) return null;
            list.Add(n);
        }
        return list.Count == 0 ? null : list;
    }
}
