using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// Syntax facts shared by MLO307–MLO309: dotted names, and whether a file is "ML code" (it uses ML.NET or
/// TorchSharp). Everything here works without references, so the CLI's no-reference compilation gets the
/// same answers as the IDE.
/// </summary>
internal static class SeedSyntax
{
    public const string MLNetNamespace = "Microsoft.ML";
    public const string TorchSharpNamespace = "TorchSharp";

    /// <summary><c>global::Microsoft . ML</c>, <c>a.b.c</c> (member access too) → <c>Microsoft.ML</c>, <c>a.b.c</c>;
    /// null for anything but plain (non-generic) names.</summary>
    public static string? DottedName(SyntaxNode? node) => node switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        AliasQualifiedNameSyntax a when a.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword) => DottedName(a.Name),
        QualifiedNameSyntax q when DottedName(q.Left) is { } left && DottedName(q.Right) is { } right => left + "." + right,
        MemberAccessExpressionSyntax m when m.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            && DottedName(m.Expression) is { } left && DottedName(m.Name) is { } right => left + "." + right,
        ParenthesizedExpressionSyntax p => DottedName(p.Expression),
        _ => null,
    };

    /// <summary><c>Microsoft.ML</c> is in <c>Microsoft.ML</c>, so is <c>Microsoft.ML.Data</c>; <c>Microsoft.MLX</c> is not.</summary>
    public static bool IsInNamespace(string dotted, string @namespace) =>
        dotted == @namespace || dotted.StartsWith(@namespace + ".", StringComparison.Ordinal);

    /// <summary>Whether a symbol's namespace is <paramref name="namespace"/> or one below it.</summary>
    public static bool IsInNamespace(ISymbol symbol, string @namespace) =>
        symbol.ContainingNamespace is { IsGlobalNamespace: false } ns && IsInNamespace(ns.ToDisplayString(), @namespace);

    /// <summary>True when the file mentions one of the libraries: a <c>using</c> (plain, static, alias or
    /// global) of it or of a namespace below it, or a name written out from it (<c>Microsoft.ML.MLContext</c>,
    /// <c>TorchSharp.torch.randn</c>). Syntax only, so the answer does not depend on references.</summary>
    public static bool MentionsLibrary(SyntaxNode root, bool mlNet, bool torchSharp)
    {
        foreach (var node in root.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier) continue;
            string text = identifier.Identifier.ValueText;
            if (torchSharp && text == TorchSharpNamespace && IsLeftmost(identifier)) return true;
            if (mlNet && text == "ML" && IsMicrosoftML(identifier)) return true;
        }
        return false;
    }

    /// <summary><c>ML</c> as the right-hand side of <c>Microsoft.ML</c> (or <c>global::Microsoft.ML</c>).</summary>
    private static bool IsMicrosoftML(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        QualifiedNameSyntax q => q.Right == identifier && DottedName(q.Left) == "Microsoft",
        MemberAccessExpressionSyntax m => m.Name == identifier && DottedName(m.Expression) == "Microsoft",
        _ => false,
    };

    /// <summary>Not the right-hand side of a qualified name or member access (<c>x.TorchSharp</c>).</summary>
    private static bool IsLeftmost(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        QualifiedNameSyntax q => q.Left == identifier,
        AliasQualifiedNameSyntax a => a.Name == identifier,
        MemberAccessExpressionSyntax m => m.Expression == identifier,
        _ => true,
    };

    /// <summary>A <c>global using</c> (plain, static or alias) of one of the libraries in any file.</summary>
    public static bool HasGlobalUsingOf(Compilation compilation, bool mlNet, bool torchSharp) =>
        compilation.SyntaxTrees.Any(t => t.GetRoot() is CompilationUnitSyntax unit && unit.Usings.Any(u =>
            u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)
            && DottedName(u.Name) is { } name
            && ((mlNet && IsInNamespace(name, MLNetNamespace)) || (torchSharp && IsInNamespace(name, TorchSharpNamespace)))));

    /// <summary>Per-tree cache of <see cref="MentionsLibrary"/> plus the compilation's global usings:
    /// "is this file ML code?". One per compilation.</summary>
    public sealed class LibraryScope
    {
        private readonly bool mlNet;
        private readonly bool torchSharp;
        private readonly Lazy<bool> global;
        private readonly ConcurrentDictionary<SyntaxTree, bool> perTree = new();

        public LibraryScope(Compilation compilation, bool mlNet, bool torchSharp)
        {
            this.mlNet = mlNet;
            this.torchSharp = torchSharp;
            global = new Lazy<bool>(() => HasGlobalUsingOf(compilation, mlNet, torchSharp));
        }

        public bool Covers(SyntaxTree tree, CancellationToken cancellationToken) =>
            global.Value || perTree.GetOrAdd(tree, t => MentionsLibrary(t.GetRoot(cancellationToken), mlNet, torchSharp));
    }
}
