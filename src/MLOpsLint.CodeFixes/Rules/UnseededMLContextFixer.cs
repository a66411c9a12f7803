using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Core.Rules;

using MLOpsLint.CodeFixes.Infrastructure;

namespace MLOpsLint.CodeFixes.Rules;

/// <summary>MLO303: <c>new MLContext()</c> → <c>new MLContext(seed: 0)</c>; a null seed becomes <c>seed: 0</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededMLContextFixer))]
[Shared]
public sealed class UnseededMLContextFixer : NodeReplacementFixer
{
    private const string Title = "Add seed: 0";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.MLO303.Id);

    protected override Replacement? Plan(SyntaxNode node, Diagnostic diagnostic) =>
        node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation
            ? new Replacement(Title, creation, () => WithSeed(creation), nameof(UnseededMLContextFixer))
            : null;

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
