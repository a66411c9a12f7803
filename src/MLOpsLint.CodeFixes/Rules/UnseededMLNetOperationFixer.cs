using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.CodeFixes.Rules;

/// <summary>MLO307: <c>ml.Data.TrainTestSplit(data)</c> → <c>ml.Data.TrainTestSplit(data, seed: 0)</c>; an
/// explicit null seed (named or positional) becomes <c>0</c> where it stands.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededMLNetOperationFixer))]
[Shared]
public sealed class UnseededMLNetOperationFixer : CodeFixProvider
{
    private const string Title = "Add seed: 0";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.MLO307.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation == null) continue;
            int? index = diagnostic.Properties.TryGetValue(UnseededMLNetOperationAnalyzer.SeedArgumentIndex, out var text)
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : null;
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, WithSeed(invocation, index)))),
                    equivalenceKey: nameof(UnseededMLNetOperationFixer)),
                diagnostic);
        }
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
