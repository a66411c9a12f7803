using System.Reflection;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Tests.Catalog;

/// <summary>The catalog's list of rules is written out (reflection cost every scan at start-up): it must hold every
/// descriptor field, each once, ordered by id.</summary>
public class RuleCatalogTests
{
    [Fact]
    public void All_lists_every_descriptor_field_by_id()
    {
        var fields = typeof(RuleCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RuleDescriptor))
            .Select(f => (RuleDescriptor)f.GetValue(null)!)
            .OrderBy(r => r.Id, StringComparer.Ordinal);
        Assert.Equal(fields, RuleCatalog.All);
    }

    [Fact]
    public void An_include_tests_default_agrees_with_the_scopes_the_rule_declares()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var option = rule.Options.FirstOrDefault(o => o.Name == "include-tests");
            if (option == null) continue;
            bool judgesTests = (rule.Scopes & Scope.FileScope.Test) != 0;
            Assert.True(judgesTests == (option.DefaultValue == "true"), $"{rule.Id}: include-tests defaults to {option.DefaultValue}, but its Scopes {(judgesTests ? "hold" : "leave out")} tests");
        }
    }
}
