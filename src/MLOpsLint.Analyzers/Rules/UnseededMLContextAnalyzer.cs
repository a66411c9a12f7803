using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// MLO303: <c>new MLContext()</c> without a seed. Uses the semantic model when the type resolves
/// (<c>Microsoft.ML.MLContext</c>, parameter <c>int? seed = null</c>); when it does not (no reference to
/// ML.NET, as in the CLI), falls back to syntax: the type is written <c>Microsoft.ML.MLContext</c>, or
/// <c>MLContext</c> under <c>using Microsoft.ML;</c>, and the compilation declares no MLContext of its own.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededMLContextAnalyzer : MLOpsAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDiagnostics.Descriptor(RuleCatalog.MLO303);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override IReadOnlyList<string> TextKeywords { get; } = new[] { "MLContext" };

    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var fallback = new SyntaxFallback(start.Compilation);
            start.RegisterSyntaxNodeAction(
                c => Analyze(c, fallback),
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, SyntaxFallback fallback)
    {
        var creation = (BaseObjectCreationExpressionSyntax)context.Node;
        if (creation is ObjectCreationExpressionSyntax explicitCreation && !EndsWithMLContext(explicitCreation.Type))
        {
            return; // cheap prefilter: most `new` expressions are not MLContext
        }

        var type = context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type;
        bool unseeded = type is { TypeKind: not TypeKind.Error }
            ? IsMLNetType(type) && LacksSeed(creation, context.SemanticModel, context.CancellationToken)
            : fallback.IsMLNetMLContext(creation) && MLContextSyntax.LacksSeed(creation);
        if (unseeded)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Rule, Location.Create(creation.SyntaxTree, MLContextSyntax.ReportedSpan(creation))));
        }
    }

    private static bool EndsWithMLContext(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText == MLContextSyntax.TypeName,
        QualifiedNameSyntax qualified => EndsWithMLContext(qualified.Right),
        AliasQualifiedNameSyntax alias => EndsWithMLContext(alias.Name),
        _ => false,
    };

    private static bool IsMLNetType(ITypeSymbol type) =>
        type.Name == MLContextSyntax.TypeName
        && type.ContainingType == null
        && type.ContainingNamespace?.ToDisplayString() == MLContextSyntax.Namespace;

    /// <summary>Semantic check: no argument gives the <c>seed</c> parameter a non-null value.</summary>
    private static bool LacksSeed(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation { Constructor: not null } operation)
        {
            return MLContextSyntax.LacksSeed(creation); // overload resolution failed: judge what is written
        }
        foreach (var argument in operation.Arguments)
        {
            if (argument.Parameter?.Name == MLContextSyntax.SeedParameter)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue || IsNull(argument.Value);
            }
        }
        return true; // a constructor without a seed parameter cannot be seeded
    }

    private static bool IsNull(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }
        if (value.ConstantValue.HasValue) return value.ConstantValue.Value is null;
        return value is IDefaultValueOperation { Type: { } t } && (t.IsReferenceType
            || t.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);
    }

    /// <summary>What the syntax fallback needs to know about the whole compilation, computed once and
    /// only when a file actually needs the fallback.</summary>
    private sealed class SyntaxFallback
    {
        private readonly Lazy<bool> declaresOwnMLContext;
        private readonly Lazy<bool> hasGlobalUsing;

        public SyntaxFallback(Compilation compilation)
        {
            declaresOwnMLContext = new Lazy<bool>(() => compilation
                .GetSymbolsWithName(MLContextSyntax.TypeName, SymbolFilter.Type)
                .Any(s => s is ITypeSymbol t && !IsMLNetType(t)));
            hasGlobalUsing = new Lazy<bool>(() => compilation.SyntaxTrees
                .Any(t => MLContextSyntax.HasGlobalUsing(t.GetRoot(), MLContextSyntax.Namespace)));
        }

        public bool IsMLNetMLContext(BaseObjectCreationExpressionSyntax creation) =>
            MLContextSyntax.WrittenType(creation) is { } written
            && MLContextSyntax.NamesMLContext(written, hasGlobalUsing.Value)
            && !declaresOwnMLContext.Value;
    }
}
