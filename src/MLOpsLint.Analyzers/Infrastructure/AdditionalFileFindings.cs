using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MLOpsLint.Analyzers.Infrastructure;

/// <summary>Core findings on an AdditionalFile, reported as diagnostics at their lines and columns (the analyzers that
/// bridge Core's checks to MSBuild files and repository files share this).</summary>
internal static class AdditionalFileFindings
{
    public static void Report(AdditionalFileAnalysisContext context, ILookup<string, Core.Findings.Finding> findings, Func<string, DiagnosticDescriptor?> descriptor)
    {
        var file = context.AdditionalFile;
        if (!findings.Contains(file.Path) || file.GetText(context.CancellationToken) is not { } own) return;
        foreach (var finding in findings[file.Path])
        {
            if (descriptor(finding.RuleId) is not { } rule) continue;
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
            context.ReportDiagnostic(Diagnostic.Create(rule, Location.Create(file.Path, textSpan, lines), finding.Message));
        }
    }
}
