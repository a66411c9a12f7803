using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Checks.Dependencies;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// MLO210 (a floating or open NuGet version) in the IDE and <c>dotnet build</c>, on the MSBuild files the build passes
/// as AdditionalFiles — the package's <c>build/MLOpsLint.Analyzers.targets</c> adds the project itself and the
/// <c>Directory.Packages.props</c>/<c>Directory.Build.props</c> it imports. Core's <see cref="NuGetVersionCheck"/>
/// decides, with Core's own version reader (NuGet.Versioning has no netstandard2.0 build; a test holds the two equal),
/// over every MSBuild AdditionalFile at once, so Central Package Management is judged as restore sees it; each file's
/// findings are reported on that file, worded as the CLI words them. The CLI does not run this analyzer: it reports
/// MLO210 through the same check over the whole repository.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloatingNuGetVersionAnalyzer : MLOpsAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = RuleDiagnostics.Descriptor(RuleCatalog.MLO210, "{0}");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    protected override void Register(AnalysisContext context) => context.RegisterAdditionalFileAction(Analyze);

    private static void Analyze(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!IsMSBuild(file.Path)) return;
        var documents = new List<SourceDocument>();
        SourceDocument? self = null;
        foreach (var other in context.Options.AdditionalFiles)
        {
            if (!IsMSBuild(other.Path) || other.GetText(context.CancellationToken) is not { } text) continue;
            var document = SourceDocument.FromText(other.Path, text.ToString());
            if (documents.Any(d => d.Path == document.Path)) continue; // listed twice
            documents.Add(document);
            if (string.Equals(other.Path, file.Path, StringComparison.Ordinal)) self = document;
        }
        if (self == null || file.GetText(context.CancellationToken) is not { } own) return;

        var check = new CheckContext(LintConfig.Default);
        new NuGetVersionCheck().Check(new RepositorySnapshot(documents), check);
        foreach (var finding in check.Findings)
        {
            if (finding.Path != self.Path) continue;
            var span = finding.Span;
            var lines = new LinePositionSpan(
                new LinePosition(Math.Max(0, span.StartLine - 1), Math.Max(0, span.StartColumn - 1)),
                new LinePosition(Math.Max(0, span.EndLine - 1), Math.Max(0, span.EndColumn - 1)));
            TextSpan textSpan;
            try
            {
                textSpan = own.Lines.GetTextSpan(lines);
            }
            catch (ArgumentOutOfRangeException)
            {
                textSpan = new TextSpan(0, 0); // the text changed under us: report at the top rather than not at all
            }
            context.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(file.Path, textSpan, lines), finding.Message));
        }
    }

    private static bool IsMSBuild(string path) =>
        DocumentClassifier.Classify(path.Replace('\\', '/')) == DocumentKind.MSBuild;
}
