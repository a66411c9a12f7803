using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MLOpsLint.Analyzers.Infrastructure;

/// <summary>
/// Base of every MLOps Lint analyzer: runs concurrently and skips generated code, so rules hold only
/// their logic (the Roslynator pattern).
/// </summary>
public abstract class MLOpsAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        Register(context);
    }

    /// <summary>Registers the rule's actions.</summary>
    protected abstract void Register(AnalysisContext context);

    /// <summary>
    /// Strings one of which a file must contain for this analyzer to report anything in it (a cheap prefilter,
    /// as secret scanners use). The CLI, which scans whole repositories, analyzes only the files that contain
    /// one (every file still takes part in the compilation, so semantics are unchanged). Empty means any file
    /// may be reported.
    /// </summary>
    public virtual IReadOnlyList<string> TextKeywords => Array.Empty<string>();

    /// <summary>
    /// True when the analyzer reports from compilation-end actions (it needs the whole compilation analyzed).
    /// With <see cref="TextKeywords"/>, the CLI then skips it when no file contains a keyword, and otherwise runs
    /// the whole-compilation pass.
    /// </summary>
    public virtual bool ReportsAtCompilationEnd => false;
}
