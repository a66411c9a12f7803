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
