using Microsoft.CodeAnalysis;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Analyzers.Infrastructure;

/// <summary>
/// Builds Roslyn descriptors from Core's <see cref="RuleCatalog"/>, the one source of truth for a rule's
/// id, title, severity, category and help page. Every analyzer gets its descriptor here, so a rule
/// without catalog metadata does not compile and the IDE, <c>dotnet build</c> and the CLI agree.
/// </summary>
public static class RuleDiagnostics
{
    /// <summary>The descriptor of <paramref name="rule"/>; the message is the rule's title unless the
    /// analyzer has a more specific format.</summary>
    public static DiagnosticDescriptor Descriptor(RuleDescriptor rule, string? messageFormat = null) =>
        new(
            id: rule.Id,
            title: rule.Title,
            messageFormat: messageFormat ?? rule.Title,
            category: rule.Family.Category(),
            defaultSeverity: ToDiagnosticSeverity(InBuild(rule.DefaultSeverity)),
            isEnabledByDefault: rule.DefaultSeverity != Severity.None,
            description: rule.Description,
            helpLinkUri: rule.HelpUri);

    /// <summary>
    /// The severity a rule has in <c>dotnet build</c> and the IDE: the catalog's, but never error. Adding an analyzer
    /// package must not turn a green build red (Roslyn's convention); the CLI keeps the catalog's errors, and a project
    /// asks for them with <c>MLOpsLintCredentialsAsErrors</c> (the package's build/MLOpsLint.Errors.globalconfig) or
    /// <c>dotnet_diagnostic.MLO403.severity = error</c> in .editorconfig.
    /// </summary>
    public static Severity InBuild(Severity severity) => severity == Severity.Error ? Severity.Warning : severity;

    public static DiagnosticSeverity ToDiagnosticSeverity(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Suggestion => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    /// <summary>The inverse of <see cref="ToDiagnosticSeverity"/> (the CLI maps diagnostics back to findings).</summary>
    public static Severity ToSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Severity.Error,
        DiagnosticSeverity.Warning => Severity.Warning,
        DiagnosticSeverity.Info => Severity.Suggestion,
        _ => Severity.None,
    };
}
