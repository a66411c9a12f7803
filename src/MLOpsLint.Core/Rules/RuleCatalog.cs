namespace MLOpsLint.Core.Rules;

/// <summary>
/// Every rule that ships. Each family declares its descriptors in its own file under
/// <c>Rules/Catalog/</c> as <c>public static readonly RuleDescriptor MLOxxx</c> fields of this partial
/// class, and <see cref="Collect"/> lists them. Adding a rule = one field here and its entry in that list, one check,
/// one page in <c>rules/</c>, tests. A rule listed here must work: tests tie every descriptor to a check, and hold the
/// list equal to the fields.
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

    /// <summary>What the command line and the configuration both say about a selector that matches no rule (either
    /// stops the scan: a mistyped <c>--select</c> would otherwise run nothing and pass).</summary>
    public static string NoMatchMessage(string selector) =>
        $"'{selector}' matches no rule; give rule ids like MLO301 or families like MLO3 (see 'mlops-lint rules')";

    /// <summary>Written out rather than read from the fields by reflection, which cost every scan that reads its
    /// configuration several milliseconds of start-up.</summary>
    private static IReadOnlyList<RuleDescriptor> Collect()
    {
        var rules = new[]
        {
            MLO101, MLO102, MLO103, MLO104, MLO105, MLO106, MLO107, MLO108, MLO109,
            MLO201, MLO202, MLO203, MLO204, MLO205, MLO206, MLO207, MLO208, MLO209, MLO210, MLO211, MLO212, MLO213, MLO214,
            MLO301, MLO302, MLO303, MLO304, MLO305, MLO306, MLO307, MLO308, MLO309,
            MLO401, MLO402, MLO403, MLO404, MLO405, MLO406, MLO407,
            MLO501, MLO502, MLO503,
            MLO601, MLO602, MLO603, MLO604, MLO605, MLO606, MLO607, MLO608,
            MLO701, MLO702, MLO703,
        };
        Array.Sort(rules, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (int i = 1; i < rules.Length; i++)
        {
            if (rules[i].Id == rules[i - 1].Id) throw new InvalidOperationException($"Rule id {rules[i].Id} is declared twice");
        }
        return rules;
    }
}
