using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MLOpsLint.CodeFixes.Infrastructure;

/// <summary>
/// Base of every MLOps Lint fixer: each diagnostic's fix replaces one syntax node with another. A fixer says
/// which node and what replaces it (<see cref="Plan"/>); this class registers the action, and FixAll is batched.
/// </summary>
public abstract class NodeReplacementFixer : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Plan(node, diagnostic) is not { } fix) continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    fix.Title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(fix.Target, fix.Build()))),
                    equivalenceKey: fix.EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The node a diagnostic's fix replaces and how to build its replacement, or null when the diagnostic
    /// has no mechanical fix. <paramref name="node"/> is the innermost node at the diagnostic's span.</summary>
    protected abstract Replacement? Plan(SyntaxNode node, Diagnostic diagnostic);

    /// <summary>Replace <paramref name="Target"/> with what <paramref name="Build"/> returns (built only when applied).</summary>
    protected sealed record Replacement(string Title, SyntaxNode Target, Func<SyntaxNode> Build, string EquivalenceKey);
}
