using Microsoft.CodeAnalysis.Diagnostics;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>A rule that ships works: every rule in the catalog is reported by a check or an analyzer, and
/// no check or analyzer reports a rule the catalog does not have.</summary>
public class RuleImplementationTests
{
    [Fact]
    public void Every_catalog_rule_has_an_implementation()
    {
        var fromChecks = CheckRegistry.All.Concat(MLOpsLint.Cli.Commands.ScanRunner.CliChecks).SelectMany(c => c.Rules).Select(r => r.Id);
        var analyzerAssembly = AppDomain.CurrentDomain.Load("MLOpsLint.Analyzers");
        var fromAnalyzers = analyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => d.Id);
        var implemented = new HashSet<string>(fromChecks.Concat(fromAnalyzers));
        var missing = RuleCatalog.All.Where(r => !implemented.Contains(r.Id)).Select(r => r.Id).ToArray();
        Assert.True(missing.Length == 0, "rules in the catalog with no check or analyzer: " + string.Join(", ", missing));
        var unknown = implemented.Where(id => !RuleCatalog.TryGet(id, out _)).ToArray();
        Assert.True(unknown.Length == 0, "ids reported but not in the catalog: " + string.Join(", ", unknown));
    }
}
