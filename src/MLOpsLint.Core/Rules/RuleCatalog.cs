using System.Reflection;

namespace MLOpsLint.Core.Rules;

/// <summary>
/// Every rule that ships. Each family declares its descriptors in its own file under
/// <c>Rules/Catalog/</c> as <c>public static readonly RuleDescriptor MLOxxx</c> fields of this partial
/// class; <see cref="All"/> collects them. Adding a rule = one field here, one check, one page in
/// <c>rules/</c>, tests. A rule listed here must work: tests tie every descriptor to a check.
/// </summary>
public static partial class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<RuleDescriptor>> all = new(Collect);
    private static readonly Lazy<Dictionary<string, RuleDescriptor>> byId =
        new(() => All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>All rules, ordered by id.</summary>
    public static IReadOnlyList<RuleDescriptor> All => all.Value;

    public static bool TryGet(string id, out RuleDescriptor rule) => byId.Value.TryGetValue(id, out rule!);

    public static RuleDescriptor Get(string id) =>
        TryGet(id, out var rule) ? rule : throw new KeyNotFoundException($"Unknown rule id '{id}'");

    /// <summary>
    /// Resolves a selector as used by <c>--select</c>/<c>--ignore</c> and the configuration: a full id
    /// (<c>MLO301</c>), a family (<c>MLO3</c>), a prefix (<c>MLO30</c>) or <c>ALL</c>.
    /// Returns false when nothing matches, so callers can warn about typos.
    /// </summary>
    public static bool TryMatchSelector(string selector, out IReadOnlyList<RuleDescriptor> rules)
    {
        var s = selector.Trim().ToUpperInvariant();
        if (s == "ALL")
        {
            rules = All;
            return true;
        }
        rules = All.Where(r => r.Id.StartsWith(s, StringComparison.Ordinal)).ToArray();
        return rules.Count > 0 && s.StartsWith("MLO", StringComparison.Ordinal);
    }

    private static IReadOnlyList<RuleDescriptor> Collect()
    {
        var rules = typeof(RuleCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RuleDescriptor))
            .Select(f => (RuleDescriptor)f.GetValue(null)!)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();
        var duplicate = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
        {
            throw new InvalidOperationException($"Rule id {duplicate.Key} is declared twice");
        }
        return rules;
    }
}
