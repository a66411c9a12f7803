using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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

    protected override void Register(AnalysisContext context) => context.RegisterCompilationStartAction(start =>
    {
        // the MSBuild files are judged together once per compilation, then each file gets its own findings
        var findings = new Lazy<ILookup<string, Core.Findings.Finding>>(() => Judge(start.Options.AdditionalFiles, start.CancellationToken));
        start.RegisterAdditionalFileAction(file => AdditionalFileFindings.Report(file, findings.Value, id => id == Rule.Id ? Rule : null));
    });

    private static ILookup<string, Core.Findings.Finding> Judge(ImmutableArray<AdditionalText> files, CancellationToken cancellation)
    {
        var documents = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!IsMSBuild(file.Path) || documents.ContainsKey(file.Path) || file.GetText(cancellation) is not { } text) continue;
            documents.Add(file.Path, SourceDocument.FromText(file.Path, text.ToString()));
        }
        var check = new CheckContext(LintConfig.Default);
        if (documents.Count > 0) new NuGetVersionCheck().Check(new RepositorySnapshot(documents.Values.ToList()), check);
        // a finding's path is its document's (separators made '/'): back to the file's own path
        var byDocument = documents.ToDictionary(kv => kv.Value.Path, kv => kv.Key, StringComparer.Ordinal);
        return check.Findings.Where(f => byDocument.ContainsKey(f.Path)).ToLookup(f => byDocument[f.Path], StringComparer.Ordinal);
    }

    private static bool IsMSBuild(string path) =>
        DocumentClassifier.Classify(path.Replace('\\', '/')) == DocumentKind.MSBuild;
}
