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
}
