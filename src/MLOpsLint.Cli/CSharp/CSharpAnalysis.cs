using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.CSharp;

/// <summary>
/// The Roslyn side of <see cref="RoslynCheck"/>: parse every C# document, build one compilation, run the
/// analyzers through <see cref="CompilationWithAnalyzers"/> (which applies <c>#pragma warning disable</c> and
/// <c>[SuppressMessage]</c>) and turn MLO diagnostics into findings.
/// </summary>
internal static class CSharpAnalysis
{
    private static readonly CSharpParseOptions ParseOptions =
        CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview).WithDocumentationMode(DocumentationMode.None);

    /// <summary>Every analyzer in MLOpsLint.Analyzers, found by reflection, but those of <see cref="CoveredByCoreChecks"/>.</summary>
    internal static ImmutableArray<DiagnosticAnalyzer> Analyzers => analyzers.Value;

    /// <summary>
    /// Analyzers the CLI does not run because a Core check already reports all their rules: running both would report
    /// each finding twice. HardcodedCredentialAnalyzer (MLO401–404/407 in the IDE and <c>dotnet build</c>) ↔
    /// CredentialCheck, which reads C# string literals through its own lexer; FloatingNuGetVersionAnalyzer (MLO210 on
    /// the project files passed as AdditionalFiles) ↔ NuGetVersionCheck over the repository's MSBuild files;
    /// RepositoryFilesAnalyzer (repository files passed as AdditionalFiles) runs Core's engine itself. A test keeps each
    /// entry's rules inside the Core checks'.
    /// </summary>
    internal static IReadOnlyList<Type> CoveredByCoreChecks { get; } = new[]
    {
        typeof(Analyzers.Rules.HardcodedCredentialAnalyzer), typeof(Analyzers.Rules.FloatingNuGetVersionAnalyzer),
        typeof(Analyzers.Rules.RepositoryFilesAnalyzer),
    };

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> analyzers = new(() =>
        typeof(MLOpsAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !CoveredByCoreChecks.Contains(t)
                && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false)
                    .Cast<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray());

    /// <summary>The running runtime's core library, so that <c>[SuppressMessage]</c>, <c>int?</c> and the
    /// like bind. Packages the scanned code uses (ML.NET…) are not resolved: the analyzers fall back to syntax.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> references = new(() =>
    {
        string coreLib = typeof(object).Assembly.Location;
        if (coreLib.Length == 0) return ImmutableArray<MetadataReference>.Empty; // single-file publish
        string dir = Path.GetDirectoryName(coreLib)!;
        return new[] { coreLib, Path.Combine(dir, "System.Runtime.dll") }
            .Where(File.Exists)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static void Run(IReadOnlyList<SourceDocument> documents, CheckContext context) =>
        Run(documents, context, Analyzers);

    internal static void Run(IReadOnlyList<SourceDocument> documents, CheckContext context, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var selected = analyzers
            .Where(a => a.SupportedDiagnostics.Any(d => RuleCatalog.TryGet(d.Id, out var rule) && context.IsEnabled(rule)))
            .ToImmutableArray();
        if (selected.IsEmpty) return;
        documents = WithoutTooDeep(documents, context);
        if (documents.Count == 0) return;

        var trees = documents
            .AsParallel().AsOrdered()
            .Select(d => CSharpSyntaxTree.ParseText(SourceText.From(d.Text), ParseOptions, d.Path))
            .ToList();
        var byTree = new Dictionary<SyntaxTree, SourceDocument>();
        for (int i = 0; i < trees.Count; i++) byTree[trees[i]] = documents[i];

        var compilation = CSharpCompilation.Create(
            "mlops-lint-scan",
            trees,
            references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // Analyzers that name their keywords are run only on the files that contain one: binding every method
        // of a large repository costs seconds, and most C# files of an ML repository never mention ML.NET.
        static IReadOnlyList<string> Keywords(DiagnosticAnalyzer a) => a is Analyzers.Infrastructure.MLOpsAnalyzer m ? m.TextKeywords : Array.Empty<string>();
        bool Mentions(DiagnosticAnalyzer a) => Keywords(a).Count == 0 || documents.Any(d => Keywords(a).Any(k => d.Text.Contains(k)));
        var active = selected.Where(Mentions).ToImmutableArray();
        if (active.IsEmpty) return;
        var withAnalyzers = compilation.WithAnalyzers(active, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));
        ImmutableArray<Diagnostic> diagnostics;
        if (active.Any(a => Keywords(a).Count == 0 || (a is Analyzers.Infrastructure.MLOpsAnalyzer m && m.ReportsAtCompilationEnd)))
        {
            var budget = TimeSpan.FromTicks(FileBudget.Ticks * Math.Max(2, documents.Count)); // the whole compilation: a budget per file
            using var cancel = new CancellationTokenSource(budget);
            try
            {
                diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancel.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                    $"C# analysis did not finish within its {budget.TotalSeconds:0} s budget; the {documents.Count} C# files were not checked by {RuleList(active)}"));
                return;
            }
        }
        else
        {
            var all = active.SelectMany(Keywords).Distinct(StringComparer.Ordinal).ToArray();
            var candidates = trees.Where((t, i) => all.Any(k => documents[i].Text.Contains(k))).ToArray();
            var found = new System.Collections.Concurrent.ConcurrentBag<Diagnostic>();
            Parallel.ForEach(candidates, tree =>
            {
                using var budget = new CancellationTokenSource(FileBudget);
                try
                {
                    var mine = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, budget.Token).GetAwaiter().GetResult();
                    var model = compilation.GetSemanticModel(tree);
                    mine = mine.AddRange(withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, budget.Token).GetAwaiter().GetResult());
                    foreach (var d in mine) found.Add(d);
                }
                catch (OperationCanceledException)
                {
                    context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                        $"C# analysis did not finish within its {FileBudget.TotalSeconds:0} s budget; skipped by {RuleList(active)}", byTree[tree].Path));
                }
            });
            diagnostics = found.Distinct().ToImmutableArray();
        }

        foreach (var diagnostic in diagnostics)
        {
            var document = diagnostic.Location.SourceTree is { } tree && byTree.TryGetValue(tree, out var d) ? d : null;
            if (document != null && RuleCatalog.TryGet(diagnostic.Id, out var rule))
            {
                context.Report(ToFinding(diagnostic, rule, document));
                continue;
            }
            // AD0001 (an analyzer threw) and the like: a problem of the scan, not of the repository.
            int? line = document == null ? null : diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
            context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                $"{diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}", document?.Path, line));
        }
    }

    /// <summary>How long the analyzers may spend on one file (a pathological file is skipped, not waited on). Wall-clock
    /// time on a shared machine, and the first file pays for loading Roslyn: generous, so that only a file that would take
    /// minutes (the 100,000-term expression of the hostile corpus) ever meets it.</summary>
    internal static readonly TimeSpan FileBudget = TimeSpan.FromSeconds(15);

    private static string RuleList(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        string.Join(", ", analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id.StartsWith("MLO", StringComparison.Ordinal)).Distinct().OrderBy(id => id, StringComparer.Ordinal));

    /// <summary>Documents nested deeper than Roslyn can take without overflowing the stack are reported and left out.</summary>
    private static IReadOnlyList<SourceDocument> WithoutTooDeep(IReadOnlyList<SourceDocument> documents, CheckContext context)
    {
        var kept = new List<SourceDocument>(documents.Count);
        foreach (var d in documents)
        {
            int line = CSharpNesting.LineTooDeep(d.Text);
            if (line == 0)
            {
                kept.Add(d);
                continue;
            }
            context.Report(new ScanDiagnostic(ScanDiagnosticLevel.Warning,
                $"C# nested more than {Core.Text.Nesting.MaxDepth} levels deep, or chaining more than {CSharpNesting.MaxOperators} operators in one expression; not analyzed by {RuleList(Analyzers)}", d.Path, line));
        }
        return kept;
    }

    /// <summary>Lines and columns are counted by the document's own <see cref="SourceDocument.Lines"/>, like
    /// every other finding (Roslyn also breaks lines at U+2028/U+2029/U+0085; editors and SARIF viewers do not).</summary>
    private static Finding ToFinding(Diagnostic diagnostic, RuleDescriptor rule, SourceDocument document)
    {
        var span = diagnostic.Location.SourceSpan;
        return new Finding(rule, document.Path, document.Lines.GetSpan(span.Start, span.End),
            diagnostic.GetMessage(CultureInfo.InvariantCulture))
        {
            FixHint = rule.Fix,
        };
    }
}
