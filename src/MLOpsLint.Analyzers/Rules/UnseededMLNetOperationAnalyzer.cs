using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// MLO307: <c>ml.Data.TrainTestSplit(…)</c>, <c>ml.Data.ShuffleRows(…)</c>, <c>ml.Data.CrossValidationSplit(…)</c>,
/// <c>ml.Data.BootstrapSample(…)</c>, <c>ml.BinaryClassification.CrossValidate(…)</c>… without a seed, where
/// <c>ml</c> provably comes from <c>new MLContext()</c> without a seed (a local of the same method, a field or
/// property of the same class, or the creation itself). Unknown origins (parameters, factories) stay silent.
/// The operation is identified by the semantic model when ML.NET resolves, by the receiver chain's names
/// (<see cref="MLNetSeedApis"/>) when it does not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededMLNetOperationAnalyzer : MLOpsAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDiagnostics.Descriptor(RuleCatalog.MLO307);

    /// <summary>Diagnostic property: the index in the argument list of an explicit null seed (for the fix).</summary>
    public const string SeedArgumentIndex = "SeedArgumentIndex";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override IReadOnlyList<string> TextKeywords { get; } = new[] { "TrainTestSplit", "CrossValidat", "ShuffleRows", "BootstrapSample" };

    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var fallback = new SyntaxFallback(start.Compilation);
            start.RegisterSyntaxNodeAction(c => Analyze(c, fallback), SyntaxKind.InvocationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, SyntaxFallback fallback)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (invocation.Expression is not MemberAccessExpressionSyntax access
            || !access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            || !MLNetSeedApis.MethodNames.Contains(access.Name.Identifier.ValueText)
            || !TrySplitCatalog(access.Expression, out var mlContext, out var contextMember))
        {
            return;
        }

        var model = context.SemanticModel;
        var cancellationToken = context.CancellationToken;
        ArgumentSyntax? seedArgument;
        ContextOrigins origins;
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
        {
            if (MLNetSeedApis.BySymbol(method) == null || !IsMLContext(model.GetTypeInfo(mlContext, cancellationToken).Type)) return;
            if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation) return;
            var seed = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == MLNetSeedApis.SeedParameter);
            if (seed == null || (seed.ArgumentKind != ArgumentKind.DefaultValue && !IsNull(seed.Value))) return;
            seedArgument = seed.ArgumentKind == ArgumentKind.DefaultValue ? null : seed.Syntax as ArgumentSyntax;
            origins = new ContextOrigins(model, fallback: null);
        }
        else
        {
            // ML.NET does not resolve (the CLI): judge the names. If the receiver resolves to some other type, the
            // call is not ML.NET's, whatever its name.
            if (model.GetTypeInfo(mlContext, cancellationToken).Type is { TypeKind: not TypeKind.Error }) return;
            var operation = MLNetSeedApis.ByContextMember(contextMember, access.Name.Identifier.ValueText);
            if (operation == null || fallback.DeclaresOwnMLContext) return;
            seedArgument = MLNetSeedApis.SeedArgument(invocation.ArgumentList, operation.SeedIndex);
            if (seedArgument != null && !MLContextSyntax.IsNoSeed(seedArgument.Expression)) return;
            origins = new ContextOrigins(model, fallback);
        }

        if (origins.Of(mlContext, cancellationToken) != Origin.Unseeded) return;

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (seedArgument != null)
        {
            properties = properties.Add(SeedArgumentIndex,
                invocation.ArgumentList.Arguments.IndexOf(seedArgument).ToString(CultureInfo.InvariantCulture));
        }
        var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End);
        context.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(invocation.SyntaxTree, span), properties));
    }

    /// <summary><c>E.Data</c>, <c>E.BinaryClassification</c>… or <c>E.Recommendation()</c> → E and the member's name.</summary>
    private static bool TrySplitCatalog(ExpressionSyntax catalog, out ExpressionSyntax mlContext, out string contextMember)
    {
        switch (catalog)
        {
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } property
                when property.Name is IdentifierNameSyntax:
                mlContext = property.Expression;
                contextMember = property.Name.Identifier.ValueText;
                return true;
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax extension }
                when extension.IsKind(SyntaxKind.SimpleMemberAccessExpression) && extension.Name is IdentifierNameSyntax:
                mlContext = extension.Expression;
                contextMember = extension.Name.Identifier.ValueText;
                return true;
            default:
                mlContext = catalog;
                contextMember = "";
                return false;
        }
    }

    internal static bool IsMLContext(ITypeSymbol? type) =>
        type is { Name: MLContextSyntax.TypeName, ContainingType: null, TypeKind: not TypeKind.Error }
        && type.ContainingNamespace?.ToDisplayString() == MLContextSyntax.Namespace;

    private static bool IsNull(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (value.ConstantValue.HasValue) return value.ConstantValue.Value is null;
        return value is IDefaultValueOperation { Type: { } t }
            && (t.IsReferenceType || t.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);
    }

    internal enum Origin { Unknown, Seeded, Unseeded }

    /// <summary>Where an MLContext expression comes from. With the semantic model (<c>fallback == null</c>) the
    /// variable is the symbol the name binds to; without it, the nearest parameter, local, field or property
    /// of that name, whose declared type must read <c>MLContext</c>.</summary>
    internal sealed class ContextOrigins
    {
        private readonly SemanticModel model;
        private readonly SyntaxFallback? fallback;

        public ContextOrigins(SemanticModel model, SyntaxFallback? fallback)
        {
            this.model = model;
            this.fallback = fallback;
        }

        public Origin Of(ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            while (expression is ParenthesizedExpressionSyntax p) expression = p.Expression;
            switch (expression)
            {
                case BaseObjectCreationExpressionSyntax creation:
                    return Judge(new[] { creation }, cancellationToken);
                case IdentifierNameSyntax name:
                    return OfName(name, viaThis: false, cancellationToken);
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name }:
                    return OfName(name, viaThis: true, cancellationToken);
                default:
                    return Origin.Unknown;
            }
        }

        private Origin OfName(IdentifierNameSyntax name, bool viaThis, CancellationToken cancellationToken)
        {
            if (fallback == null)
            {
                var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
                return symbol switch
                {
                    ILocalSymbol local when local.DeclaringSyntaxReferences.Length == 1
                        && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax declarator =>
                        Judge(Definitions(declarator, LocalScope(declarator), symbol, cancellationToken), cancellationToken),
                    IFieldSymbol or IPropertySymbol when !symbol.DeclaringSyntaxReferences.IsEmpty =>
                        Judge(MemberDefinitions(symbol, cancellationToken), cancellationToken),
                    _ => Origin.Unknown,
                };
            }

            string text = name.Identifier.ValueText;
            if (!viaThis)
            {
                foreach (var ancestor in name.Ancestors())
                {
                    if (DeclaresParameter(ancestor, text)) return Origin.Unknown;
                    if (ancestor is MemberDeclarationSyntax and not GlobalStatementSyntax || ancestor is CompilationUnitSyntax)
                    {
                        var local = ancestor.DescendantNodes()
                            .OfType<VariableDeclaratorSyntax>()
                            .FirstOrDefault(d => d.Identifier.ValueText == text && d.Parent?.Parent is LocalDeclarationStatementSyntax
                                && d.SpanStart < name.SpanStart);
                        if (local != null)
                        {
                            var declaration = (VariableDeclarationSyntax)local.Parent!;
                            if (!DeclaresMLContext(declaration.Type, local.Initializer?.Value)) return Origin.Unknown;
                            return Judge(Definitions(local, ancestor, symbol: null, cancellationToken), cancellationToken);
                        }
                        break;
                    }
                }
            }

            var type = name.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type == null) return Origin.Unknown;
            foreach (var member in type.Members)
            {
                switch (member)
                {
                    case FieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Identifier.ValueText != text) continue;
                            if (!DeclaresMLContext(field.Declaration.Type, variable.Initializer?.Value)) return Origin.Unknown;
                            return Judge(FieldDefinitions(variable.Initializer?.Value, text, new[] { type }, null, cancellationToken), cancellationToken);
                        }
                        break;
                    case PropertyDeclarationSyntax property when property.Identifier.ValueText == text:
                        if (!DeclaresMLContext(property.Type, property.Initializer?.Value)) return Origin.Unknown;
                        return Judge(PropertyDefinitions(property, new[] { type }, null, cancellationToken), cancellationToken);
                }
            }
            return Origin.Unknown;
        }

        private bool DeclaresMLContext(TypeSyntax type, ExpressionSyntax? initializer) =>
            type.IsVar
                ? initializer is ObjectCreationExpressionSyntax { Type: var created } && fallback!.NamesMLContext(created)
                : fallback!.NamesMLContext(type);

        private static bool DeclaresParameter(SyntaxNode node, string name)
        {
            var parameters = node switch
            {
                BaseMethodDeclarationSyntax m => m.ParameterList.Parameters,
                LocalFunctionStatementSyntax f => f.ParameterList.Parameters,
                ParenthesizedLambdaExpressionSyntax l => l.ParameterList.Parameters,
                AnonymousMethodExpressionSyntax a when a.ParameterList != null => a.ParameterList.Parameters,
                SimpleLambdaExpressionSyntax s => SyntaxFactory.SingletonSeparatedList(s.Parameter),
                TypeDeclarationSyntax t when t.ParameterList != null => t.ParameterList.Parameters, // primary constructor
                _ => default,
            };
            return parameters.Any(p => p.Identifier.ValueText == name);
        }

        /// <summary>The member (or, for top-level statements, the file) a local's assignments are searched in.</summary>
        private static SyntaxNode LocalScope(SyntaxNode declarator) =>
            declarator.Ancestors().First(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax || a is CompilationUnitSyntax);

        /// <summary>A local's initializer and every value assigned to it in its scope; null when it is passed
        /// by <c>ref</c>/<c>out</c> (then anything may be stored in it).</summary>
        private List<ExpressionSyntax>? Definitions(VariableDeclaratorSyntax declarator, SyntaxNode scope, ISymbol? symbol, CancellationToken cancellationToken)
        {
            var definitions = new List<ExpressionSyntax>();
            if (declarator.Initializer != null) definitions.Add(declarator.Initializer.Value);
            return AddAssignments(definitions, new[] { scope }, declarator.Identifier.ValueText, symbol, allowThis: false, cancellationToken);
        }

        private List<ExpressionSyntax>? MemberDefinitions(ISymbol symbol, CancellationToken cancellationToken)
        {
            var types = symbol.ContainingType.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).ToArray();
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax(cancellationToken))
                {
                    case VariableDeclaratorSyntax variable:
                        return FieldDefinitions(variable.Initializer?.Value, symbol.Name, types, symbol, cancellationToken);
                    case PropertyDeclarationSyntax property:
                        return PropertyDefinitions(property, types, symbol, cancellationToken);
                }
            }
            return null;
        }

        private List<ExpressionSyntax>? FieldDefinitions(ExpressionSyntax? initializer, string name, IEnumerable<SyntaxNode> types, ISymbol? symbol, CancellationToken cancellationToken)
        {
            var definitions = new List<ExpressionSyntax>();
            if (initializer != null) definitions.Add(initializer);
            return AddAssignments(definitions, types, name, symbol, allowThis: true, cancellationToken);
        }

        private List<ExpressionSyntax>? PropertyDefinitions(PropertyDeclarationSyntax property, IEnumerable<SyntaxNode> types, ISymbol? symbol, CancellationToken cancellationToken)
        {
            var definitions = new List<ExpressionSyntax>();
            if (property.ExpressionBody != null) return new List<ExpressionSyntax> { property.ExpressionBody.Expression };
            // A getter with a body computes the value: its origin is not followed.
            if (property.AccessorList?.Accessors.Any(a => a.Body != null || a.ExpressionBody != null) == true) return null;
            if (property.Initializer != null) definitions.Add(property.Initializer.Value);
            return AddAssignments(definitions, types, property.Identifier.ValueText, symbol, allowThis: true, cancellationToken);
        }

        private List<ExpressionSyntax>? AddAssignments(
            List<ExpressionSyntax> definitions, IEnumerable<SyntaxNode> scopes, string name, ISymbol? symbol, bool allowThis, CancellationToken cancellationToken)
        {
            foreach (var scope in scopes)
            {
                foreach (var node in scope.DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment when Targets(assignment.Left, name, symbol, allowThis, cancellationToken):
                            if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)) return null; // ??= and the like
                            definitions.Add(assignment.Right);
                            break;
                        case ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None } argument
                            when Targets(argument.Expression, name, symbol, allowThis, cancellationToken):
                            return null;
                    }
                }
            }
            return definitions;
        }

        private bool Targets(ExpressionSyntax target, string name, ISymbol? symbol, bool allowThis, CancellationToken cancellationToken)
        {
            var simple = target switch
            {
                IdentifierNameSyntax identifier => identifier,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } when allowThis => identifier,
                _ => null,
            };
            if (simple == null || simple.Identifier.ValueText != name) return false;
            // Same name; with the semantic model (and in this model's tree) it must also be the same variable.
            return symbol == null || simple.SyntaxTree != model.SyntaxTree
                || SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(simple, cancellationToken).Symbol, symbol);
        }

        private Origin Judge(IReadOnlyList<ExpressionSyntax>? definitions, CancellationToken cancellationToken)
        {
            if (definitions == null || definitions.Count == 0) return Origin.Unknown;
            foreach (var definition in definitions)
            {
                var value = definition;
                while (value is ParenthesizedExpressionSyntax p) value = p.Expression;
                if (value is not BaseObjectCreationExpressionSyntax creation) return Origin.Unknown;
                if (!IsMLContextCreation(creation, cancellationToken)) return Origin.Unknown;
                if (!MLContextSyntax.LacksSeed(creation)) return Origin.Seeded;
            }
            return Origin.Unseeded;
        }

        private bool IsMLContextCreation(BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            if (fallback == null)
            {
                return creation.SyntaxTree != model.SyntaxTree
                    || IsMLContext(model.GetTypeInfo(creation, cancellationToken).Type);
            }
            // Without references: `new MLContext(…)` written out, or a target-typed `new()` into a variable whose
            // declared type has already been checked.
            return creation is ImplicitObjectCreationExpressionSyntax
                || (creation is ObjectCreationExpressionSyntax { Type: var type } && fallback.NamesMLContext(type));
        }
    }

    /// <summary>What the syntax fallback needs to know about the whole compilation, computed once and only
    /// when a file needs it.</summary>
    internal sealed class SyntaxFallback
    {
        private readonly Lazy<bool> declaresOwnMLContext;
        private readonly Lazy<bool> hasGlobalUsing;

        public SyntaxFallback(Compilation compilation)
        {
            declaresOwnMLContext = new Lazy<bool>(() => compilation
                .GetSymbolsWithName(MLContextSyntax.TypeName, SymbolFilter.Type)
                .Any(s => s is ITypeSymbol t && !IsMLContext(t)));
            hasGlobalUsing = new Lazy<bool>(() => compilation.SyntaxTrees
                .Any(t => MLContextSyntax.HasGlobalUsing(t.GetRoot(), MLContextSyntax.Namespace)));
        }

        public bool DeclaresOwnMLContext => declaresOwnMLContext.Value;

        public bool NamesMLContext(TypeSyntax type) => MLContextSyntax.NamesMLContext(type, hasGlobalUsing.Value);
    }
}
