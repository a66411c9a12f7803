using System.Globalization;
using MLOpsLint.Core.Rules;
using Tomlyn.Model;

namespace MLOpsLint.Core.Configuration;

/// <summary>
/// What a rule option accepts, read from its documented TOML default (<see cref="RuleOption.DefaultValue"/>): a size
/// (<c>"500KB"</c>: a size string or a byte count), a number (<c>42</c>, <c>3.0</c>), true/false, a string, a list of
/// strings (<c>[]</c>; one string is a list of one) or a table of strings (<c>{ … }</c>). The typed getters of
/// <see cref="RuleOptions"/> fall back to the default on anything else, so a value of the wrong type would be ignored
/// without a word; the configuration reader rejects it instead, as it does a wrongly typed setting.
/// </summary>
internal static class RuleOptionTypes
{
    /// <summary>Null when <paramref name="value"/> fits <paramref name="option"/>; otherwise what it must be.</summary>
    public static string? Mismatch(RuleOption option, object value)
    {
        string d = option.DefaultValue.Trim();
        if (d.Length >= 2 && d[0] == '"')
        {
            string inner = d.Substring(1, d.Length - 2);
            if (char.IsDigit(inner.FirstOrDefault()) && Sizes.TryParse(inner, out _))
            {
                return value switch
                {
                    long l when l >= 0 => null,
                    string s when Sizes.TryParse(s, out _) => null,
                    _ => $"a size like {d}",
                };
            }
            return value is string ? null : $"a string like {d}";
        }
        if (d is "true" or "false") return value is bool ? null : "true or false";
        if (d.StartsWith("[", StringComparison.Ordinal))
        {
            return value is string || (value is TomlArray a && a.All(x => x is string)) ? null : "a list of strings";
        }
        if (d.StartsWith("{", StringComparison.Ordinal))
        {
            return value is TomlTable t && t.Values.All(x => x is string) ? null : "a table of strings";
        }
        if (double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            bool number = value is long || (value is double x && !double.IsNaN(x) && !double.IsInfinity(x))
                || (value is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && !double.IsNaN(p) && !double.IsInfinity(p));
            return number ? null : $"a number like {d}";
        }
        return null; // a default this reader does not know how to type: accept what the check's getter makes of it
    }
}
