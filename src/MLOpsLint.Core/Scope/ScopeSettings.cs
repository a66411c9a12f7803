using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Core.Scope;

/// <summary>
/// What users tell the scope model in configuration: <c>repository-kind = "library"</c> and
/// <c>[tool.mlops-lint.scopes] examples = ["demos/**"]</c>. Paths given here win over everything the model reads.
/// </summary>
public sealed class ScopeSettings
{
    public static ScopeSettings Empty { get; } = new(null, Array.Empty<(FileScope, Glob)>());

    public ScopeSettings(RepositoryKind? repositoryKind, IReadOnlyList<(FileScope Scope, Glob Glob)> paths)
    {
        RepositoryKind = repositoryKind;
        Paths = paths;
    }

    /// <summary>The repository kind the user set, or null to decide it from the files.</summary>
    public RepositoryKind? RepositoryKind { get; }

    /// <summary>Path globs per scope, in the order written; the first that matches decides.</summary>
    public IReadOnlyList<(FileScope Scope, Glob Glob)> Paths { get; }

    public bool IsEmpty => RepositoryKind == null && Paths.Count == 0;

    /// <summary>The configured scope of a path, or null.</summary>
    public (FileScope Scope, string Pattern)? Match(string path)
    {
        foreach (var (scope, glob) in Paths)
        {
            if (glob.IsMatch(path)) return (scope, glob.Pattern);
        }
        return null;
    }
}
