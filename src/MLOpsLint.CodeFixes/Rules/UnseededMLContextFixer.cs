using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.CodeFixes.Rules;

/// <summary>MLO303: <c>new MLContext()</c> → <c>new MLContext(seed: 0)</c>; a null seed becomes <c>seed: 0</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededMLContextFixer))]
[Shared]
public sealed class UnseededMLContextFixer : CodeFixProvider
{
    private const string Title = "Add seed: 0";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.MLO303.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var creation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
            if (creation == null) continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, WithSeed(creation)))),
                    equivalenceKey: nameof(UnseededMLContextFixer)),
                diagnostic);
        }
    }

    /// <summary>The creation with <c>seed: 0</c>, keeping every comment, space and line break around it.</summary>
    internal static BaseObjectCreationExpressionSyntax WithSeed(BaseObjectCreationExpressionSyntax creation)
    {
        var seedArgument = SeedZero();
        var existing = MLContextSyntax.SeedArgument(creation.ArgumentList);
        if (existing != null)
        {
            var replacement = existing.NameColon != null
                ? existing.WithExpression(seedArgument.Expression.WithTriviaFrom(existing.Expression))
                : seedArgument.WithTriviaFrom(existing);
            return creation.ReplaceNode(existing, replacement);
        }

        if (creation.ArgumentList is { } list)
        {
            var arguments = list.Arguments.Count == 0
                ? list.Arguments.Add(seedArgument)
                : SyntaxFactory.SeparatedList<ArgumentSyntax>(list.Arguments.GetWithSeparators()
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))
                    .Add(seedArgument));
            return creation.WithArgumentList(list.WithArguments(arguments));
        }

        // `new MLContext { … }`: the argument list goes between the type and the initializer.
        var explicitCreation = (ObjectCreationExpressionSyntax)creation;
        var type = explicitCreation.Type;
        var newList = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(seedArgument))
            .WithTrailingTrivia(type.GetTrailingTrivia());
        return explicitCreation.WithType(type.WithoutTrailingTrivia()).WithArgumentList(newList);
    }

    private static ArgumentSyntax SeedZero() =>
        SyntaxFactory.ParseArgumentList("(" + MLContextSyntax.SeedParameter + ": 0)").Arguments[0];
}
