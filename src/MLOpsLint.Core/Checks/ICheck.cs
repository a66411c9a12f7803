using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks;

/// <summary>A check: logic for one or more rules. It never prints, never touches git, never reads the disk.</summary>
public interface ICheck
{
    /// <summary>The rules this check reports. The engine skips the check when all of them are disabled.</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }
}

/// <summary>A check that looks at one document at a time. Must be thread-safe (documents run in parallel).</summary>
public interface IDocumentCheck : ICheck
{
    /// <summary>Cheap test on path/kind/size, before any text is decoded.</summary>
    bool AppliesTo(SourceDocument document);

    void Check(SourceDocument document, CheckContext context);
}

/// <summary>A check that needs several documents at once (lock files beside manifests, environments across
/// Dockerfiles and CI, a project-local seed helper in another module).</summary>
public interface IRepositoryCheck : ICheck
{
    void Check(RepositorySnapshot repository, CheckContext context);
}

/// <summary>A repository check that can report the findings of a few files alone — exactly the findings its full run
/// reports on them — for much less than a full run: the language server runs it on the file being edited, so that file's
/// cross-file findings (an unseeded split whose seed helper lives in another module) arrive with its own, before the full
/// pass over the repository.</summary>
public interface IFileScopedRepositoryCheck : IRepositoryCheck
{
    /// <summary>Reports the findings on <paramref name="paths"/> only (repository-relative, '/').</summary>
    void Check(RepositorySnapshot repository, ICollection<string> paths, CheckContext context);
}
