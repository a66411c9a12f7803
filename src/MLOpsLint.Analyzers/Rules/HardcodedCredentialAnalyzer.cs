using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Secrets;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// MLO401 (a provider's credential), MLO402 (a private key), MLO403 (a password in a URL or connection string), MLO404
/// (a random-looking value assigned to a secret-named variable, field, property, parameter or named argument) and
/// MLO407 (an AWS access key id without its secret) in C# string literals,
/// for the IDE and <c>dotnet build</c>. Detection is Core's: <see cref="TokenScanner"/> on each literal's text
/// (checksums, placeholders and documented examples included) and <see cref="NamedSecret"/> on the name the literal
/// is assigned to, which the syntax tree gives here. Messages show <see cref="Redaction.Redact"/> only.
/// The CLI does not run this analyzer: Core's CredentialCheck already reports these rules on <c>.cs</c> files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedCredentialAnalyzer : MLOpsAnalyzer
{
    public static readonly DiagnosticDescriptor ProviderRule = RuleDiagnostics.Descriptor(RuleCatalog.MLO401, "{0}");
    public static readonly DiagnosticDescriptor UrlRule = RuleDiagnostics.Descriptor(RuleCatalog.MLO403, "{0}");
    public static readonly DiagnosticDescriptor NamedRule = RuleDiagnostics.Descriptor(RuleCatalog.MLO404, "{0}");
    public static readonly DiagnosticDescriptor PrivateKeyRule = RuleDiagnostics.Descriptor(RuleCatalog.MLO402, "{0}");
    public static readonly DiagnosticDescriptor KeyIdRule = RuleDiagnostics.Descriptor(RuleCatalog.MLO407, "{0}");

    /// <summary>Diagnostic property: the environment variable the code fix reads the value from.</summary>
    public const string VariableProperty = "Variable";

    /// <summary>Diagnostic property, present when the secret is the literal's whole value (replacing the literal keeps the meaning).</summary>
    public const string WholeLiteralProperty = "WholeLiteral";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(ProviderRule, UrlRule, NamedRule, PrivateKeyRule, KeyIdRule);

    protected override void Register(AnalysisContext context) => context.RegisterSyntaxTreeAction(AnalyzeTree);

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        string? text = null;
        foreach (var node in root.DescendantNodes())
        {
            switch (node.Kind())
            {
                case SyntaxKind.StringLiteralExpression:
                case SyntaxKind.Utf8StringLiteralExpression:
                    text ??= context.Tree.GetText(context.CancellationToken).ToString();
                    AnalyzeLiteral(context, text, (LiteralExpressionSyntax)node);
                    break;
                case SyntaxKind.InterpolatedStringExpression:
                    text ??= context.Tree.GetText(context.CancellationToken).ToString();
                    AnalyzeInterpolated(context, text, (InterpolatedStringExpressionSyntax)node);
                    break;
            }
        }
    }

    private static void AnalyzeLiteral(SyntaxTreeAnalysisContext context, string text, LiteralExpressionSyntax literal)
    {
        var token = literal.Token;
        string value = token.ValueText;
        if (value.Length < 3) return;
        string? name = AssignedName(literal);
        if (ContentSpan(token, value) is { } content)
        {
            Scan(context, text, content.Start, content.End, name, literal, null);
        }
        else
        {
            // Escapes or raw-string indentation: the value is scanned on its own and each secret located at the whole literal.
            Scan(context, value, 0, value.Length, name, literal, literal.Span);
        }
    }

    private static void AnalyzeInterpolated(SyntaxTreeAnalysisContext context, string text, InterpolatedStringExpressionSyntax interpolated)
    {
        // Only the literal stretches are scanned, and only a string without holes counts as a value under its name.
        bool holes = false;
        foreach (var part in interpolated.Contents) holes |= part is InterpolationSyntax;
        string? name = holes ? null : AssignedName(interpolated);
        foreach (var part in interpolated.Contents)
        {
            if (part is not InterpolatedStringTextSyntax stretch) continue;
            var token = stretch.TextToken;
            string value = token.ValueText;
            if (value.Length < 3) continue;
            string? stretchName = holes || interpolated.Contents.Count != 1 ? null : name;
            if (token.Text == value) Scan(context, text, token.SpanStart, token.Span.End, stretchName, interpolated, null);
            else Scan(context, value, 0, value.Length, stretchName, interpolated, stretch.Span);
        }
    }

    /// <summary>Scans <c>scanned[start..end)</c> (the file text, or a decoded value when <paramref name="at"/> is set) with
    /// Core's detectors, and reports what survives <see cref="TokenScanner.Resolve"/>: at the match in the file, or at
    /// <paramref name="at"/>.</summary>
    private static void Scan(SyntaxTreeAnalysisContext context, string scanned, int start, int end, string? name,
        ExpressionSyntax literal, TextSpan? at)
    {
        var matches = new List<SecretMatch>();
        TokenScanner.Scan(scanned, start, end, matches);
        if (name != null && NamedSecret.Evaluate(name, scanned.Substring(start, end - start), start, end) is { } named) matches.Add(named);
        if (matches.Count == 0) return;
        foreach (var m in TokenScanner.Resolve(matches))
        {
            var descriptor = m.Category switch
            {
                SecretCategory.Provider => ProviderRule,
                SecretCategory.Url => UrlRule,
                SecretCategory.PrivateKey => PrivateKeyRule,
                SecretCategory.KeyIdOnly => KeyIdRule,
                _ => NamedRule,
            };
            string secret = scanned.Substring(m.Start, m.Length);
            var span = at ?? TextSpan.FromBounds(m.Start, m.End);
            // The fix replaces the literal: offered only when the secret is all of it.
            bool whole = literal is LiteralExpressionSyntax l && secret.Trim() == l.Token.ValueText.Trim()
                || literal is InterpolatedStringExpressionSyntax { Contents.Count: 1 } i && i.Contents[0] is InterpolatedStringTextSyntax t
                    && secret.Trim() == t.TextToken.ValueText.Trim();

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[VariableProperty] = VariableName(name ?? m.Name, m);
            if (whole) properties[WholeLiteralProperty] = "true";
            context.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(context.Tree, span), properties.ToImmutable(),
                SecretMessages.For(m, name ?? m.Name, secret)));
        }
    }

    /// <summary>Where the characters of <paramref name="value"/> stand in the source when they are the source text
    /// itself (<c>"…"</c> without escapes, <c>@"…"</c> without doubled quotes, a one-line raw string); otherwise null.</summary>
    private static TextSpan? ContentSpan(SyntaxToken token, string value)
    {
        string source = token.Text;
        int prefix = 0;
        while (prefix < source.Length && (source[prefix] == '@' || source[prefix] == '"')) prefix++;
        if (prefix + value.Length > source.Length || string.CompareOrdinal(source, prefix, value, 0, value.Length) != 0) return null;
        return new TextSpan(token.SpanStart + prefix, value.Length);
    }

    /// <summary>The name a literal is stored under: <c>string apiKey = "…"</c>, <c>ApiKey { get; } = "…"</c>,
    /// <c>x.Password = "…"</c>, <c>["password"] = "…"</c>, <c>token: "…"</c>, <c>Secret => "…"</c>, a parameter's default.</summary>
    internal static string? AssignedName(ExpressionSyntax literal)
    {
        SyntaxNode node = literal;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax) node = node.Parent;
        switch (node.Parent)
        {
            case EqualsValueClauseSyntax equals:
                return equals.Parent switch
                {
                    VariableDeclaratorSyntax v => v.Identifier.ValueText,
                    PropertyDeclarationSyntax p => p.Identifier.ValueText,
                    ParameterSyntax p => p.Identifier.ValueText,
                    _ => null,
                };
            case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression):
                return assignment.Right == node ? TargetName(assignment.Left) : null;
            case ArgumentSyntax { NameColon: { } nameColon }:
                return nameColon.Name.Identifier.ValueText;
            case AttributeArgumentSyntax argument:
                return argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
            case ArrowExpressionClauseSyntax arrow:
                return arrow.Parent switch
                {
                    PropertyDeclarationSyntax p => p.Identifier.ValueText,
                    AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax p } => p.Identifier.ValueText,
                    _ => null,
                };
            case NameColonSyntax:
                return null;
            default:
                return null;
        }
    }

    private static string? TargetName(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        ElementAccessExpressionSyntax element => KeyOf(element.ArgumentList),
        ImplicitElementAccessSyntax element => KeyOf(element.ArgumentList),
        _ => null,
    };

    private static string? KeyOf(BracketedArgumentListSyntax list) =>
        list.Arguments.Count == 1 && list.Arguments[0].Expression is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression)
            ? key.Token.ValueText
            : null;

    /// <summary>The environment variable to read the value from: the name it was stored under in UPPER_SNAKE_CASE
    /// (<c>openAiKey</c> → <c>OPEN_AI_KEY</c>), else the provider's usual variable (<c>HF_TOKEN</c>, <c>GITHUB_TOKEN</c>…).</summary>
    internal static string VariableName(string? name, SecretMatch match)
    {
        if (name != null)
        {
            string joined = string.Join("_", SecretNames.Words(name)).ToUpperInvariant();
            if (joined.Length > 0 && !char.IsDigit(joined[0])) return joined;
        }
        return match.Type.EnvironmentVariable;
    }
}
