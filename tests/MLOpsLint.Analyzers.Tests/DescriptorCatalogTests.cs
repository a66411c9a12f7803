using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.Analyzers.Tests.Support;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Analyzers.Tests;

/// <summary>Every analyzer's descriptors agree with Core's rule catalog and have a page in rules/.</summary>
public class DescriptorCatalogTests
{
    public static TheoryData<string> Analyzers()
    {
        var data = new TheoryData<string>();
        foreach (var type in AnalyzerTypes()) data.Add(type.Name);
        return data;
    }

    private static IEnumerable<Type> AnalyzerTypes() =>
        typeof(MLOpsAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static DiagnosticAnalyzer Create(string name) =>
        (DiagnosticAnalyzer)Activator.CreateInstance(AnalyzerTypes().Single(t => t.Name == name))!;

    [Fact]
    public void The_assembly_has_analyzers() => Assert.NotEmpty(AnalyzerTypes());

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Analyzer_is_a_CSharp_MLOpsAnalyzer(string name)
    {
        var type = AnalyzerTypes().Single(t => t.Name == name);
        Assert.True(typeof(MLOpsAnalyzer).IsAssignableFrom(type), $"{name} must derive from {nameof(MLOpsAnalyzer)}");
        var attribute = Assert.Single(type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Cast<DiagnosticAnalyzerAttribute>());
        Assert.Equal(new[] { LanguageNames.CSharp }, attribute.Languages);
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Descriptors_match_the_catalog(string name)
    {
        var descriptors = Create(name).SupportedDiagnostics;
        Assert.NotEmpty(descriptors);
        foreach (var d in descriptors)
        {
            Assert.True(RuleCatalog.TryGet(d.Id, out var rule), $"{d.Id} is not in the rule catalog");
            Assert.Equal(rule.Title, d.Title.ToString());
            Assert.Equal(rule.Description, d.Description.ToString());
            Assert.Equal(rule.Family.Category(), d.Category);
            // changed (issue 17): an error in the catalog is a warning in a build, so adding the package never fails one
            Assert.Equal(rule.DefaultSeverity == Severity.Error ? DiagnosticSeverity.Warning : Expected(rule.DefaultSeverity), d.DefaultSeverity);
            Assert.Equal(rule.DefaultSeverity != Severity.None, d.IsEnabledByDefault);
            Assert.Equal(RuleDescriptor.HelpBaseUri + rule.Id + ".md", d.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "rules", rule.Id + ".md")), $"rules/{rule.Id}.md is missing");
        }
    }

    [Fact]
    public void Each_rule_has_one_analyzer_at_most()
    {
        var ids = AnalyzerTypes().SelectMany(t => Create(t.Name).SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }

    [Theory]
    [InlineData(Severity.Error, DiagnosticSeverity.Error)]
    [InlineData(Severity.Warning, DiagnosticSeverity.Warning)]
    [InlineData(Severity.Suggestion, DiagnosticSeverity.Info)]
    [InlineData(Severity.None, DiagnosticSeverity.Hidden)]
    public void Severities_map_both_ways(Severity severity, DiagnosticSeverity diagnosticSeverity)
    {
        Assert.Equal(diagnosticSeverity, RuleDiagnostics.ToDiagnosticSeverity(severity));
        Assert.Equal(severity, RuleDiagnostics.ToSeverity(diagnosticSeverity));
    }

    // Spelled out rather than calling RuleDiagnostics, so the test states the mapping independently.
    private static DiagnosticSeverity Expected(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Suggestion => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
