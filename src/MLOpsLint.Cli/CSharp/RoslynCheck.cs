using System.Runtime.CompilerServices;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.CSharp;

/// <summary>
/// Runs the C# analyzers of MLOpsLint.Analyzers — the very ones the NuGet package runs in the IDE and
/// <c>dotnet build</c> — on the <c>.cs</c> files of a scan, compiled together without a restore or build.
/// This class touches no Roslyn type: Roslyn is loaded only when the scan has C# files.
/// </summary>
public sealed class RoslynCheck : IRepositoryCheck, IReportsOnlyOn
{
    /// <summary>The rules the analyzers report. Kept as a list (not discovered from the analyzers) so that
    /// asking for it does not load Roslyn; a test keeps it equal to the analyzers' descriptors.</summary>
    public static IReadOnlyList<RuleDescriptor> AnalyzerRules { get; } = new[] { RuleCatalog.MLO303, RuleCatalog.MLO307, RuleCatalog.MLO308, RuleCatalog.MLO309 };

    public IReadOnlyList<RuleDescriptor> Rules => AnalyzerRules;

    /// <summary>The analyzers report on the C# files they compile, nowhere else.</summary>
    public bool MayReportOn(SourceDocument document) => document.Kind == DocumentKind.CSharp;

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var documents = repository.OfKind(DocumentKind.CSharp).Where(d => d.HasText).ToList();
        if (documents.Count == 0) return;
        // a staged scan with no C# file staged: nothing of this check could be reported (its findings are on C# files),
        // so Roslyn is not loaded at all; with one staged, every C# file is compiled as in a full scan (the analyzers
        // bind across files: a type declared elsewhere, a seed set in another class)
        if (context.Reported is { } reported && !documents.Any(d => reported(d.Path))) return;
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            // no Roslyn in a Native AOT process (it compiles against reference assemblies an AOT executable lacks, and
            // finds its analyzers by reflection): the C# files are named as not analysed, never silently passed
            context.Report(new Core.Findings.ScanDiagnostic(Core.Findings.ScanDiagnosticLevel.Warning,
                $"{documents.Count} C# file(s) not analysed (MLO303, MLO307, MLO308, MLO309): the C# analyzers need Roslyn, and {NativeAotLimits.UseJitBuild}"));
            return;
        }
        Analyze(documents, context);
    }

    // Not inlined, so compiling Check does not load the Roslyn assemblies CSharpAnalysis refers to.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Analyze(IReadOnlyList<SourceDocument> documents, CheckContext context) =>
        CSharpAnalysis.Run(documents, context);
}
