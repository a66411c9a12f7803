using System.Text.RegularExpressions;

namespace MLOpsLint.Core.Suppression;

/// <summary>
/// <c># noqa</c> comments as flake8 and ruff read them: <c># noqa: MLO301</c>, <c># noqa: MLO301, MLO302</c>,
/// <c># noqa:MLO301 E501</c> (codes of other tools may be mixed in). A bare <c># noqa</c> silences MLO
/// rules only when the configuration says so.
/// </summary>
public static class Noqa
{
    private static readonly Regex Pattern = new(
        @"#\s*noqa(?::[\s]?(?<codes>[A-Za-z]+[0-9]+(?:[,\s]+[A-Za-z]+[0-9]+)*))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>True when <paramref name="line"/> carries a noqa that covers <paramref name="ruleId"/>.</summary>
    public static bool Suppresses(string line, string ruleId, bool honorBare)
    {
        if (line.IndexOf("noqa", StringComparison.OrdinalIgnoreCase) < 0) return false;
        foreach (Match m in Pattern.Matches(line))
        {
            var codes = m.Groups["codes"];
            if (!codes.Success)
            {
                if (honorBare) return true;
                continue;
            }
            foreach (var code in codes.Value.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (code.Equals(ruleId, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }
}
