using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MLOpsLint.Core.Rules;

using MLOpsLint.CodeFixes.Infrastructure;

namespace MLOpsLint.CodeFixes.Rules;

/// <summary>MLO308: <c>new Random()</c> → <c>new Random(0)</c> (positional: <c>Random(int Seed)</c>'s parameter
/// is capitalised, and <c>0</c> reads the same in every version). <c>Random.Shared</c> has no mechanical fix: an
/// instance is not thread-safe, so the caller must decide where it lives.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededRandomFixer))]
[Shared]
public sealed class UnseededRandomFixer : NodeReplacementFixer
{
    private const string Title = "Seed the Random with 0";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.MLO308.Id);

    protected override Replacement? Plan(SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation
            || !diagnostic.Location.SourceSpan.Contains(creation.SpanStart))
        {
            return null; // Random.Shared
        }
        return new Replacement(Title, creation, () => WithSeed(creation), nameof(UnseededRandomFixer));
    }

    internal static BaseObjectCreationExpressionSyntax WithSeed(BaseObjectCreationExpressionSyntax creation)
    {
        var zero = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)));
        if (creation.ArgumentList is { } list) return creation.WithArgumentList(list.WithArguments(list.Arguments.Add(zero)));

        // `new Random { … }`: the argument list goes between the type and the initializer.
        var explicitCreation = (ObjectCreationExpressionSyntax)creation;
        var type = explicitCreation.Type;
        var newList = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(zero)).WithTrailingTrivia(type.GetTrailingTrivia());
        return explicitCreation.WithType(type.WithoutTrailingTrivia()).WithArgumentList(newList);
    }
}
