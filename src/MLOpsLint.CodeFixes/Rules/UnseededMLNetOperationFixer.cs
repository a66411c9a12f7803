using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Core.Rules;

using MLOpsLint.CodeFixes.Infrastructure;

namespace MLOpsLint.CodeFixes.Rules;

/// <summary>MLO307: <c>ml.Data.TrainTestSplit(data)</c> → <c>ml.Data.TrainTestSplit(data, seed: 0)</c>; an
/// explicit null seed (named or positional) becomes <c>0</c> where it stands.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededMLNetOperationFixer))]
[Shared]
public sealed class UnseededMLNetOperationFixer : NodeReplacementFixer
{
    private const string Title = "Add seed: 0";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.MLO307.Id);

    protected override Replacement? Plan(SyntaxNode node, Diagnostic diagnostic)
    {
        if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation) return null;
        int? index = diagnostic.Properties.TryGetValue(UnseededMLNetOperationAnalyzer.SeedArgumentIndex, out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : null;
        return new Replacement(Title, invocation, () => WithSeed(invocation, index), nameof(UnseededMLNetOperationFixer));
    }

    internal static InvocationExpressionSyntax WithSeed(InvocationExpressionSyntax invocation, int? existingIndex)
    {
        var list = invocation.ArgumentList;
        var zero = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0));
        if (existingIndex is int index && index >= 0 && index < list.Arguments.Count)
        {
            var existing = list.Arguments[index];
            return invocation.ReplaceNode(existing, existing.WithExpression(zero.WithTriviaFrom(existing.Expression)));
        }

        var seedArgument = SyntaxFactory.ParseArgumentList("(" + MLNetSeedApis.SeedParameter + ": 0)").Arguments[0];
        var arguments = list.Arguments.Count == 0
            ? list.Arguments.Add(seedArgument)
            : SyntaxFactory.SeparatedList<ArgumentSyntax>(list.Arguments.GetWithSeparators()
                .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))
                .Add(seedArgument));
        return invocation.WithArgumentList(list.WithArguments(arguments));
    }
}
