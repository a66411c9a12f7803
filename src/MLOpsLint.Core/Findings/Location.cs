namespace MLOpsLint.Core.Findings;

/// <summary>A place in the repository: repository-relative path with '/', and a span.</summary>
public sealed record Location(string Path, SourceSpan Span)
{
    /// <summary>Optional description of what is at this place (used for related locations: "the other side").</summary>
    public string? Message { get; init; }
}
