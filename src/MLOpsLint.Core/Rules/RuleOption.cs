namespace MLOpsLint.Core.Rules;

/// <summary>A documented, configurable option of a rule (set under <c>[tool.mlops-lint.rules.MLOxxx]</c>).</summary>
public sealed class RuleOption
{
    public RuleOption(string name, string defaultValue, string description)
    {
        Name = name;
        DefaultValue = defaultValue;
        Description = description;
    }

    /// <summary>kebab-case name, as written in the TOML configuration.</summary>
    public string Name { get; }

    /// <summary>The default, written as it would be in TOML (e.g. <c>"500KB"</c>, <c>42</c>, <c>["tests/**"]</c>).</summary>
    public string DefaultValue { get; }

    public string Description { get; }
}
