using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks;

/// <summary>
/// A repository check whose findings are only ever on documents it can name from their path and kind (the C# analyzers:
/// <c>.cs</c> files). When only some files are reported (<c>scan --staged</c>, file names from pre-commit) and none of them
/// is such a document, the engine does not run it: everything it would find is dropped anyway, and compiling every C# file
/// of a repository to report on three staged Python files is most of a pre-commit run's time.
/// </summary>
public interface IReportsOnlyOn
{
    /// <summary>True when the check may report a finding on <paramref name="document"/>.</summary>
    bool MayReportOn(SourceDocument document);
}
