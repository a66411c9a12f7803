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
}
