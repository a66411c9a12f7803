using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// MLO309: the compilation trains with TorchSharp — creates an optimizer from <c>torch.optim</c>, calls an
/// optimizer's (or scheduler's) <c>step()</c>, or a tensor's <c>backward()</c> — and never calls
/// <c>torch.random.manual_seed(…)</c> / <c>torch.manual_seed(…)</c> anywhere. Decided per compilation (a
/// seed in <c>Program.cs</c> covers the training loop in <c>Trainer.cs</c>), so the diagnostics are reported at
/// compilation end: one per file, on its first training call. The CLI compiles a repository's .cs files
/// into one compilation, so there a seed anywhere in the repository counts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededTorchSharpTrainingAnalyzer : MLOpsAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = CompilationEnd(RuleDiagnostics.Descriptor(RuleCatalog.MLO309));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private const string SeedMethod = "manual_seed";

    /// <inheritdoc />
    public override IReadOnlyList<string> TextKeywords { get; } = new[] { "TorchSharp" };

    /// <inheritdoc />
    public override bool ReportsAtCompilationEnd => true;

    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var state = new State(new SeedSyntax.LibraryScope(start.Compilation, mlNet: false, torchSharp: true));
            start.RegisterSyntaxNodeAction(c => Analyze(c, state), SyntaxKind.InvocationExpression);
            start.RegisterCompilationEndAction(end =>
            {
                if (state.Seeded) return;
                foreach (var first in state.FirstTrainingCall.OrderBy(p => p.Key.FilePath, StringComparer.Ordinal))
                {
                    end.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(first.Key, first.Value)));
                }
            });
        });
    }

    private sealed class State
    {
        private int seeded;

        public State(SeedSyntax.LibraryScope scope) => Scope = scope;

        public SeedSyntax.LibraryScope Scope { get; }

        public bool Seeded => Volatile.Read(ref seeded) != 0;

        public void MarkSeeded() => Volatile.Write(ref seeded, 1);

        /// <summary>Per file, the span of its earliest training call.</summary>
        public ConcurrentDictionary<SyntaxTree, TextSpan> FirstTrainingCall { get; } = new();

        public void AddTrainingCall(SyntaxTree tree, TextSpan span) =>
            FirstTrainingCall.AddOrUpdate(tree, span, (_, old) => span.Start < old.Start ? span : old);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, State state)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var (receiver, nameNode) = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) => (access.Expression, access.Name),
            SimpleNameSyntax simple => ((ExpressionSyntax?)null, simple),
            _ => (null, (SimpleNameSyntax?)null),
        };
        if (nameNode == null) return;
        string name = nameNode.Identifier.ValueText;
        bool isSeedName = name == SeedMethod;
        if (!isSeedName && state.Seeded) return; // nothing left to learn from training calls

        var symbol = context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol as IMethodSymbol;
        if (isSeedName)
        {
            if (symbol != null ? IsGlobalSeed(symbol) : IsGlobalSeedByName(receiver)) state.MarkSeeded();
            return;
        }

        bool training = symbol != null
            ? IsTrainingCall(symbol)
            : IsTrainingCallByName(receiver, name)
                && (receiver == null || context.SemanticModel.GetTypeInfo(receiver, context.CancellationToken).Type is null or { TypeKind: TypeKind.Error })
                && state.Scope.Covers(invocation.SyntaxTree, context.CancellationToken);
        if (training)
        {
            state.AddTrainingCall(invocation.SyntaxTree, TextSpan.FromBounds(nameNode.SpanStart, invocation.Span.End));
        }
    }

    /// <summary><c>TorchSharp.torch.manual_seed</c> or <c>TorchSharp.torch.random.manual_seed</c> (not a
    /// <c>Generator</c>'s own <c>manual_seed</c>, which seeds only that generator).</summary>
    private static bool IsGlobalSeed(IMethodSymbol method) =>
        method.IsStatic && method.ContainingType is { } type && IsTorchSharp(type)
        && (type.Name == "torch" && type.ContainingType == null
            || type.Name == "random" && type.ContainingType is { Name: "torch", ContainingType: null });

    /// <summary>Without references: <c>manual_seed(…)</c> under <c>using static TorchSharp.torch</c>, or on
    /// <c>torch</c>, <c>random</c>, <c>torch.random</c>, <c>TorchSharp.torch(.random)</c>.</summary>
    private static bool IsGlobalSeedByName(ExpressionSyntax? receiver) =>
        receiver == null
        || SeedSyntax.DottedName(receiver) is "torch" or "random" or "torch.random" or "TorchSharp.torch" or "TorchSharp.torch.random";

    /// <summary>An optimizer's or scheduler's <c>step</c>, a tensor's <c>backward</c>, or any member of
    /// <c>torch.optim</c> (creating an optimizer).</summary>
    private static bool IsTrainingCall(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type == null || !IsTorchSharp(type)) return false;
        if (method.Name is "step" or "backward") return true;
        for (var t = type; t != null; t = t.ContainingType)
        {
            if (t.Name == "optim" && t.ContainingType is { Name: "torch" }) return true;
        }
        return false;
    }

    /// <summary>Without references (and only in files that use TorchSharp): <c>x.step(…)</c>, <c>x.backward(…)</c>,
    /// <c>optim.X(…)</c> / <c>torch.optim.X(…)</c>.</summary>
    private static bool IsTrainingCallByName(ExpressionSyntax? receiver, string name) =>
        receiver != null
        && (name is "step" or "backward"
            || SeedSyntax.DottedName(receiver) is { } dotted && (dotted == "optim" || dotted.EndsWith(".optim", StringComparison.Ordinal)));

    private static bool IsTorchSharp(ITypeSymbol type) => SeedSyntax.IsInNamespace(type, SeedSyntax.TorchSharpNamespace);

    /// <summary>The catalog's descriptor with the <c>CompilationEnd</c> tag its compilation-end reporting requires.</summary>
    private static DiagnosticDescriptor CompilationEnd(DiagnosticDescriptor d) => new(
        d.Id, d.Title, d.MessageFormat, d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description, d.HelpLinkUri,
        WellKnownDiagnosticTags.CompilationEnd);
}
