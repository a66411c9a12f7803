using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.CodeFixes.Rules;

/// <summary>MLO308: <c>new Random()</c> → <c>new Random(0)</c> (positional: <c>Random(int Seed)</c>'s parameter
/// is capitalised, and <c>0</c> reads the same in every version). <c>Random.Shared</c> has no mechanical fix: an
/// instance is not thread-safe, so the caller must decide where it lives.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededRandomFixer))]
[Shared]
public sealed class UnseededRandomFixer : CodeFixProvider
{
    private const string Title = "Seed the Random with 0";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.MLO308.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation
                || !diagnostic.Location.SourceSpan.Contains(creation.SpanStart))
            {
                continue; // Random.Shared
            }
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, WithSeed(creation)))),
                    equivalenceKey: nameof(UnseededRandomFixer)),
                diagnostic);
        }
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
