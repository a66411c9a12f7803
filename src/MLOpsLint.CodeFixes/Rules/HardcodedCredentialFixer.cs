using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Core.Rules;

using MLOpsLint.CodeFixes.Infrastructure;

namespace MLOpsLint.CodeFixes.Rules;

/// <summary>MLO401/MLO404: the literal → <c>Environment.GetEnvironmentVariable("NAME") ?? throw new
/// InvalidOperationException("Set NAME")</c>, NAME from the name the value was stored under (or the provider's usual
/// variable). Offered only when the secret is the literal's whole value and the literal is not in a place that needs a
/// constant (<c>const</c>, attribute arguments, parameter defaults, <c>case</c> labels). Fixing the code does not
/// un-leak the value: it must still be revoked.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedCredentialFixer))]
[Shared]
public sealed class HardcodedCredentialFixer : NodeReplacementFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.MLO401.Id, RuleCatalog.MLO404.Id);

    protected override Replacement? Plan(SyntaxNode node, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(HardcodedCredentialAnalyzer.WholeLiteralProperty)
            || !diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.VariableProperty, out var variable) || variable == null)
        {
            return null;
        }
        if (node.FirstAncestorOrSelf<ExpressionSyntax>(e => e is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax) is not { } literal
            || NeedsConstant(literal))
        {
            return null;
        }
        return new Replacement($"Read it from the environment variable {variable}", literal,
            () => FromEnvironment(literal, variable), nameof(HardcodedCredentialFixer) + variable);
    }

    private static bool NeedsConstant(SyntaxNode literal)
    {
        foreach (var ancestor in literal.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax:
                case ParameterSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                    return true;
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }
        return false;
    }

    internal static ExpressionSyntax FromEnvironment(ExpressionSyntax literal, string variable)
    {
        var read = SyntaxFactory.ParseExpression(
            $"global::System.Environment.GetEnvironmentVariable(\"{variable}\") ?? throw new global::System.InvalidOperationException(\"Set {variable}\")");
        // Every name simplifiable: `Environment` where `System` is imported (global usings too), else `System.Environment`.
        read = read.ReplaceNodes(read.DescendantNodes().OfType<NameSyntax>().Concat<SyntaxNode>(read.DescendantNodes().OfType<MemberAccessExpressionSyntax>()),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        ExpressionSyntax replacement = literal.Parent is EqualsValueClauseSyntax or ArgumentSyntax or ArrowExpressionClauseSyntax
            or ReturnStatementSyntax or AttributeArgumentSyntax
            || literal.Parent is AssignmentExpressionSyntax { Right: var right } && right == literal
                ? read
                : SyntaxFactory.ParenthesizedExpression(read);
        return replacement.WithTriviaFrom(literal).WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
