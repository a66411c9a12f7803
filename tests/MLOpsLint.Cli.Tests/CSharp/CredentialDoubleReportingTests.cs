using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Cli.CSharp;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Checks.Credentials;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Tests.CSharp;

/// <summary>HardcodedCredentialAnalyzer reports MLO401/MLO403/MLO404 in the IDE; the CLI reports them on .cs files
/// through Core's CredentialCheck only, so a planted secret is one finding, not two.</summary>
public class CredentialDoubleReportingTests
{
    private static readonly string Hf = FakeSecrets.HuggingFace();
    private static readonly string Token = FakeSecrets.Token32();

    private static readonly string Source = $$"""
        using System;

        public class Settings
        {
            public string HfToken = "{{Hf}}";
            private string apiKey = "{{Token}}";
            public string Db = "postgresql://trainer:Xk9vQ2mLp7Rt@db.internal:5432/ml";
        }
        """;

    private static readonly RuleDescriptor[] CredentialRules = { RuleCatalog.MLO401, RuleCatalog.MLO403, RuleCatalog.MLO404 };

    [Fact]
    public void A_planted_secret_in_a_cs_file_is_one_finding()
    {
        var snapshot = new RepositorySnapshot(new[] { SourceDocument.FromText("src/Settings.cs", Source) });
        var result = new Linter(new ICheck[] { new RoslynCheck() }).Run(snapshot, LintConfig.Default);

        var findings = result.Findings.Where(f => CredentialRules.Contains(f.Rule)).ToList();
        Assert.Equal(
            new[] { "MLO401 5", "MLO403 7", "MLO404 6" },
            findings.Select(f => $"{f.RuleId} {f.Span.StartLine}").OrderBy(s => s, StringComparer.Ordinal).ToArray());
        Assert.All(findings, f => Assert.True(f.IsSensitive)); // CredentialCheck's findings, not the analyzer's
    }

    [Fact]
    public void The_analyzer_would_report_the_same_secrets()
    {
        var context = new CheckContext(LintConfig.Default);
        var document = SourceDocument.FromText("src/Settings.cs", Source);

        CSharpAnalysis.Run(new[] { document }, context, ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer()));

        Assert.Equal(new[] { "MLO401 5", "MLO403 7", "MLO404 6" },
            context.Findings.Select(f => $"{f.RuleId} {f.Span.StartLine}").OrderBy(s => s, StringComparer.Ordinal).ToArray());
        Assert.All(context.Findings, f => Assert.DoesNotContain(Hf, f.Message));
    }

    [Fact]
    public void The_CLI_skips_only_analyzers_whose_rules_a_Core_check_covers()
    {
        Assert.DoesNotContain(CSharpAnalysis.Analyzers, a => a is HardcodedCredentialAnalyzer or FloatingNuGetVersionAnalyzer
            or MLOpsLint.Analyzers.Rules.RepositoryFilesAnalyzer);
        var covered = MLOpsLint.Core.Checks.CheckRegistry.All.SelectMany(c => c.Rules).Select(r => r.Id).ToHashSet();
        foreach (var type in CSharpAnalysis.CoveredByCoreChecks)
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.Contains(d.Id, covered));
        }
    }
}
