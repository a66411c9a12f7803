namespace MLOpsLint.Core.Scope;

/// <summary>What one file is, and why (for <c>scan --verbose</c>): <c>test (path under tests/, imports pytest)</c>.</summary>
public sealed record ScopeVerdict(FileScope Scope, string Reason)
{
    public override string ToString() => $"{FileScopes.Name(Scope)} ({Reason})";
}
