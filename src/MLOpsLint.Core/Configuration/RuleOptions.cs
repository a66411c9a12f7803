using System.Globalization;
using Tomlyn.Model;

namespace MLOpsLint.Core.Configuration;

/// <summary>The options a user set for one rule (<c>[tool.mlops-lint.rules.MLO101]</c>), with typed getters
/// that fall back to the caller's default.</summary>
public sealed class RuleOptions
{
    private readonly IReadOnlyDictionary<string, object> values;

    public RuleOptions(IReadOnlyDictionary<string, object>? values = null)
    {
        this.values = values ?? new Dictionary<string, object>();
    }

    public static RuleOptions Empty { get; } = new();

    public bool Has(string name) => values.ContainsKey(name);

    public string GetString(string name, string fallback) =>
        values.TryGetValue(name, out var v) && v is string s ? s : fallback;

    public long GetInt(string name, long fallback) => values.TryGetValue(name, out var v) switch
    {
        true when v is long l => l,
        true when v is double d => (long)d,
        true when v is string s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => fallback,
    };

    public bool GetBool(string name, bool fallback) =>
        values.TryGetValue(name, out var v) && v is bool b ? b : fallback;

    public IReadOnlyList<string> GetStringList(string name, IReadOnlyList<string> fallback)
    {
        if (!values.TryGetValue(name, out var v)) return fallback;
        if (v is string s) return new[] { s };
        if (v is TomlArray a) return a.OfType<string>().ToArray();
        if (v is IEnumerable<object> e) return e.OfType<string>().ToArray();
        return fallback;
    }

    /// <summary>A table of string values (<c>policies = { "actions/*" = "ref-pin" }</c>) as key/value pairs in the order
    /// written; empty when unset or not a table (values that are not strings are left out).</summary>
    public IReadOnlyList<(string Key, string Value)> GetStringMap(string name)
    {
        if (!values.TryGetValue(name, out var v)) return Array.Empty<(string, string)>();
        if (v is IEnumerable<KeyValuePair<string, object>> table)
        {
            return table.Where(kv => kv.Value is string).Select(kv => (kv.Key, (string)kv.Value)).ToArray();
        }
        return Array.Empty<(string, string)>();
    }

    /// <summary>A size such as <c>500KB</c>, <c>10 MiB</c>, <c>1.5MB</c> or a plain byte count.</summary>
    public long GetSize(string name, long fallback)
    {
        if (!values.TryGetValue(name, out var v)) return fallback;
        if (v is long l) return l;
        return v is string s && Sizes.TryParse(s, out var bytes) ? bytes : fallback;
    }
}

public static class Sizes
{
    /// <summary>Parses 500, 500B, 500KB, 2MB, 1.5 GiB (KB = 1000, KiB = 1024; K/M/G alone = 1024-based, as du).</summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        string s = text.Trim().ToUpperInvariant().Replace(" ", "");
        int i = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
        if (i == 0 || !double.TryParse(s.Substring(0, i), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return false;
        double mult = s.Substring(i) switch
        {
            "" or "B" => 1,
            "KB" => 1000, "MB" => 1000_000, "GB" => 1000_000_000,
            "K" or "KIB" => 1024, "M" or "MIB" => 1024 * 1024, "G" or "GIB" => 1024d * 1024 * 1024,
            _ => -1,
        };
        if (mult < 0) return false;
        bytes = (long)(n * mult);
        return true;
    }

    /// <summary>Human-readable size: 746 B, 12.3 KB, 4.5 MB (decimal units, as git and GitHub show them).</summary>
    public static string Format(long bytes)
    {
        if (bytes < 1000) return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        double v = bytes;
        string[] units = { "KB", "MB", "GB", "TB" };
        int u = -1;
        while (v >= 1000 && u < units.Length - 1)
        {
            v /= 1000;
            u++;
        }
        return v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + units[u];
    }
}
