using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// Syntax facts about <c>new MLContext(...)</c>, shared by the analyzer's syntax fallback and the code fix,
/// so both agree on which argument is the seed.
/// </summary>
internal static class MLContextSyntax
{
    public const string TypeName = "MLContext";
    public const string Namespace = "Microsoft.ML";
    public const string SeedParameter = "seed";

    /// <summary>The argument that passes the seed: <c>seed: x</c>, or else the first positional argument
    /// (<c>MLContext(int? seed = null)</c> has no other parameter). Null when there is none.</summary>
    public static ArgumentSyntax? SeedArgument(ArgumentListSyntax? arguments)
    {
        if (arguments == null || arguments.Arguments.Count == 0) return null;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == SeedParameter) return argument;
        }
        var first = arguments.Arguments[0];
        return first.NameColon == null ? first : null;
    }

    /// <summary>True for what leaves the seed unset: <c>null</c>, <c>default</c>, <c>default(int?)</c>,
    /// <c>(int?)null</c>, in parentheses or not.</summary>
    public static bool IsNoSeed(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p:
                    expression = p.Expression;
                    continue;
                case CastExpressionSyntax c:
                    expression = c.Expression;
                    continue;
                case LiteralExpressionSyntax l:
                    return l.IsKind(SyntaxKind.NullLiteralExpression) || l.IsKind(SyntaxKind.DefaultLiteralExpression);
                case DefaultExpressionSyntax d:
                    return d.Type is NullableTypeSyntax
                        || (d.Type is GenericNameSyntax g && g.Identifier.ValueText == "Nullable")
                        || (d.Type is QualifiedNameSyntax { Right: GenericNameSyntax q } && q.Identifier.ValueText == "Nullable");
                default:
                    return false;
            }
        }
    }

    /// <summary>True when the syntax alone says no seed is given (no seed argument, or a null one).</summary>
    public static bool LacksSeed(BaseObjectCreationExpressionSyntax creation)
    {
        var seed = SeedArgument(creation.ArgumentList);
        return seed == null || IsNoSeed(seed.Expression);
    }

    /// <summary>Where a finding goes: <c>new MLContext(...)</c> without any object initializer.</summary>
    public static TextSpan ReportedSpan(BaseObjectCreationExpressionSyntax creation)
    {
        int end = creation.ArgumentList?.Span.End
            ?? (creation as ObjectCreationExpressionSyntax)?.Type.Span.End
            ?? creation.Span.End;
        return TextSpan.FromBounds(creation.SpanStart, end);
    }

    /// <summary>The type as written: <c>new T()</c>'s T, or for a target-typed <c>new()</c> the declared
    /// type of the variable, field or property it initialises. Null when the syntax does not say.</summary>
    public static TypeSyntax? WrittenType(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation is ObjectCreationExpressionSyntax explicitCreation) return explicitCreation.Type;
        if (creation.Parent is not EqualsValueClauseSyntax equals) return null;
        return equals.Parent switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
            PropertyDeclarationSyntax property => property.Type,
            _ => null,
        };
    }

    /// <summary>Whether a written type names ML.NET's MLContext: <c>Microsoft.ML.MLContext</c> (or
    /// <c>global::</c>…) anywhere, or plain <c>MLContext</c> where <c>using Microsoft.ML;</c> is in scope.</summary>
    public static bool NamesMLContext(TypeSyntax type, bool globalUsingMicrosoftML)
    {
        switch (type)
        {
            case NullableTypeSyntax nullable:
                return NamesMLContext(nullable.ElementType, globalUsingMicrosoftML);
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.ValueText == TypeName
                    && (globalUsingMicrosoftML || HasUsingInScope(type, Namespace));
            case QualifiedNameSyntax or AliasQualifiedNameSyntax:
                return DottedName(type) == Namespace + "." + TypeName;
            default:
                return false;
        }
    }

    /// <summary>True when the tree has <c>global using Microsoft.ML;</c>.</summary>
    public static bool HasGlobalUsing(SyntaxNode root, string @namespace) =>
        root is CompilationUnitSyntax unit
        && unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && IsPlainUsingOf(u, @namespace));

    private static bool HasUsingInScope(SyntaxNode node, string @namespace)
    {
        foreach (var ancestor in node.Ancestors())
        {
            var usings = ancestor switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            if (usings.Any(u => IsPlainUsingOf(u, @namespace))) return true;
        }
        return false;
    }

    private static bool IsPlainUsingOf(UsingDirectiveSyntax directive, string @namespace) =>
        directive.Alias == null
        && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword)
        && directive.Name is { } name
        && DottedName(name) == @namespace;

    /// <summary><c>global::Microsoft . ML</c> → <c>Microsoft.ML</c>; null for anything but plain names.</summary>
    private static string? DottedName(SyntaxNode name) => name switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        AliasQualifiedNameSyntax a when a.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword) => DottedName(a.Name),
        QualifiedNameSyntax q when DottedName(q.Left) is { } left && DottedName(q.Right) is { } right => left + "." + right,
        _ => null,
    };
}
