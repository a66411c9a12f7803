using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// MLO308: <c>new Random()</c> (also <c>new System.Random()</c>, target-typed <c>Random r = new();</c>) and
/// <c>Random.Shared</c> in a file that uses ML.NET or TorchSharp. <c>System.Random</c> is identified by the
/// semantic model when it resolves (the CLI references the core library, so it usually does); when it does not
/// — <c>Random</c> from implicit usings, whose generated global usings the CLI does not see — by the name
/// <c>Random</c>/<c>System.Random</c>, as long as the compilation declares no <c>Random</c> type of its own.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededRandomAnalyzer : MLOpsAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDiagnostics.Descriptor(RuleCatalog.MLO308, "{0}");

    public const string SharedMessage = "Random.Shared cannot be seeded; use new Random(seed) in ML code";

    private const string TypeName = "Random";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override IReadOnlyList<string> TextKeywords { get; } = new[] { "Random" };

    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var scope = new SeedSyntax.LibraryScope(start.Compilation, mlNet: true, torchSharp: true);
            var declaresOwnRandom = new Lazy<bool>(() => start.Compilation
                .GetSymbolsWithName(TypeName, SymbolFilter.Type)
                .Any(s => s is ITypeSymbol t && !IsSystemRandom(t)));
            start.RegisterSyntaxNodeAction(
                c => AnalyzeCreation(c, scope, declaresOwnRandom),
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeShared(c, scope, declaresOwnRandom), SyntaxKind.SimpleMemberAccessExpression);
        });
    }

    private static void AnalyzeCreation(SyntaxNodeAnalysisContext context, SeedSyntax.LibraryScope scope, Lazy<bool> declaresOwnRandom)
    {
        var creation = (BaseObjectCreationExpressionSyntax)context.Node;
        if (creation.ArgumentList is { Arguments.Count: > 0 }) return; // Random(int Seed) is the only other constructor
        if (creation is ObjectCreationExpressionSyntax explicitCreation && !EndsWithRandom(explicitCreation.Type)) return;

        var type = context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type;
        bool isRandom = type is { TypeKind: not TypeKind.Error }
            ? IsSystemRandom(type)
            : MLContextSyntax.WrittenType(creation) is { } written && NamesRandom(written) && !declaresOwnRandom.Value;
        if (!isRandom || !scope.Covers(creation.SyntaxTree, context.CancellationToken)) return;

        context.ReportDiagnostic(Diagnostic.Create(
            Rule, Location.Create(creation.SyntaxTree, MLContextSyntax.ReportedSpan(creation)), RuleCatalog.MLO308.Title));
    }

    private static void AnalyzeShared(SyntaxNodeAnalysisContext context, SeedSyntax.LibraryScope scope, Lazy<bool> declaresOwnRandom)
    {
        var access = (MemberAccessExpressionSyntax)context.Node;
        if (access.Name.Identifier.ValueText != "Shared" || !NamesRandom(access.Expression)) return;

        var model = context.SemanticModel;
        bool isShared = model.GetSymbolInfo(access, context.CancellationToken).Symbol is { } symbol
            ? symbol is IPropertySymbol { IsStatic: true } property && IsSystemRandom(property.ContainingType)
            : model.GetTypeInfo(access.Expression, context.CancellationToken).Type is null or { TypeKind: TypeKind.Error }
                && !declaresOwnRandom.Value;
        if (!isShared || !scope.Covers(access.SyntaxTree, context.CancellationToken)) return;

        context.ReportDiagnostic(Diagnostic.Create(Rule, access.GetLocation(), SharedMessage));
    }

    private static bool EndsWithRandom(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText == TypeName,
        QualifiedNameSyntax qualified => EndsWithRandom(qualified.Right),
        AliasQualifiedNameSyntax alias => EndsWithRandom(alias.Name),
        _ => false,
    };

    /// <summary><c>Random</c> or <c>System.Random</c> (<c>global::</c> too), as a type or an expression.</summary>
    private static bool NamesRandom(SyntaxNode node) =>
        SeedSyntax.DottedName(node is NullableTypeSyntax nullable ? nullable.ElementType : node) is "Random" or "System.Random";

    internal static bool IsSystemRandom(ITypeSymbol type) =>
        type is { Name: TypeName, ContainingType: null, TypeKind: not TypeKind.Error }
        && type.ContainingNamespace?.ToDisplayString() == "System";
}
