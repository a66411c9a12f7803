namespace MLOpsLint.Core.Rules;

/// <summary>
/// Everything a rule is, apart from its logic: the one source of truth for its id, name, title,
/// severity, family, options and help page. Roslyn descriptors, SARIF rule metadata, the README
/// table and the rule pages are all derived from (and tested against) these.
/// </summary>
public sealed class RuleDescriptor
{
    public const string HelpBaseUri = "https://github.com/mlops-lint/mlops-lint/blob/main/rules/";

    public RuleDescriptor(
        string id,
        string name,
        string title,
        Severity defaultSeverity,
        string description,
        string fix,
        IReadOnlyList<RuleOption>? options = null)
    {
        if (id.Length != 6 || !id.StartsWith("MLO", StringComparison.Ordinal) || !id.Substring(3).All(char.IsDigit))
        {
            throw new ArgumentException($"Rule id must look like MLO123, got '{id}'", nameof(id));
        }
        Id = id;
        Name = name;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Description = description;
        Fix = fix;
        Options = options ?? Array.Empty<RuleOption>();
        Family = RuleFamilies.FromId(id);
    }

    /// <summary>MLO followed by three digits; the hundreds digit is the family.</summary>
    public string Id { get; }

    /// <summary>kebab-case name of the bad pattern, e.g. <c>unseeded-mlcontext</c> (SARIF <c>name</c>).</summary>
    public string Name { get; }

    /// <summary>One-line title (SARIF <c>shortDescription</c>).</summary>
    public string Title { get; }

    public Severity DefaultSeverity { get; }

    /// <summary>Why it matters, one paragraph (SARIF <c>fullDescription</c>).</summary>
    public string Description { get; }

    /// <summary>How to fix it, one sentence; shown under every finding.</summary>
    public string Fix { get; }

    public IReadOnlyList<RuleOption> Options { get; }

    public RuleFamily Family { get; }

    /// <summary>
    /// The scopes this rule judges (<see cref="Scope.FileScope"/>): the engine drops its findings in files of any other
    /// scope, so a check never decides on its own what a test or an example is. A rule with an <c>include-tests</c>
    /// option gets <see cref="Scope.FileScope.Test"/> added or removed by it (see <see cref="Configuration.LintConfig.ScopesOf"/>);
    /// the default here must agree with that option's default. Rule pages say it (RuleDocsTests).
    /// </summary>
    public Scope.FileScope Scopes { get; init; } = Scope.FileScope.All;

    /// <summary>Repository-relative path of the rule's page.</summary>
    public string DocPath => "rules/" + Id + ".md";

    public string HelpUri => HelpBaseUri + Id + ".md";

    public override string ToString() => Id + " " + Name;
}
