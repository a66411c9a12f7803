using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Findings;

/// <summary>
/// One problem found by a check. Checks fill in the rule, place and message; the engine applies the
/// effective severity from configuration and computes the fingerprint.
/// Secrets never appear whole in <see cref="Message"/> or <see cref="FingerprintContent"/>.
/// </summary>
public sealed record Finding
{
    public Finding(RuleDescriptor rule, string path, SourceSpan span, string message)
    {
        Rule = rule;
        Path = path;
        Span = span;
        Message = message;
        Severity = rule.DefaultSeverity;
    }

    public RuleDescriptor Rule { get; init; }

    public string RuleId => Rule.Id;

    /// <summary>Repository-relative path with '/' separators.</summary>
    public string Path { get; init; }

    public SourceSpan Span { get; init; }

    /// <summary>What is wrong, in one sentence, naming the thing found.</summary>
    public string Message { get; init; }

    public Severity Severity { get; init; }

    /// <summary>How to fix this instance; defaults to the rule's generic fix.</summary>
    public string? FixHint { get; init; }

    public string Fix => FixHint ?? Rule.Fix;

    /// <summary>Other places that belong to this finding (the other side of a mismatch).</summary>
    public IReadOnlyList<Location> Related { get; init; } = Array.Empty<Location>();

    /// <summary>
    /// The content that identifies this finding independently of its line number, for baselines and
    /// SARIF fingerprints (by default the trimmed source text of the span). Hashed before it is written.
    /// Checks that report secrets set this to a hash, never to the secret.
    /// </summary>
    public string? FingerprintContent { get; init; }

    /// <summary>
    /// The source line(s) that a <c># noqa</c> comment would be on, when they differ from the document's
    /// text at <see cref="Span"/> (a notebook cell line, for a finding mapped into .ipynb JSON).
    /// </summary>
    public string? SuppressionText { get; init; }

    /// <summary>"cell 4, line 2" and the like: where the finding is, in the user's terms, when the file
    /// position alone does not say it.</summary>
    public string? LocationHint { get; init; }

    /// <summary>True when the text under <see cref="Span"/> is a secret: reporters then mask it in code frames
    /// (all but a short prefix), and the fingerprint is computed from <see cref="FingerprintContent"/> only.</summary>
    public bool IsSensitive { get; init; }

    /// <summary>
    /// What the finding is about, by name, for tools that enrich it after the scan: for MLO210 the NuGet package
    /// (or dotnet tool) id, which <c>scan --online</c> looks up to write the exact version into <see cref="FixHint"/>.
    /// Not shown by reporters and not part of the fingerprint.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>The version (or range) written for <see cref="Subject"/>, properties resolved, when there is one: for
    /// MLO210, <c>scan --online</c> pins to the version restore picks for it today. Not shown, not fingerprinted.</summary>
    public string? SubjectVersion { get; init; }

    /// <summary>
    /// The whole secret a credential finding is about. Never shown and not fingerprinted: the CLI collects these over the
    /// whole scan (<see cref="Engine.LintResult.Secrets"/>) so that every output masks each one wherever it recurs, also
    /// where no detector recognises it (a token quoted by another rule's message, fix hint or code frame, a --diff line).
    /// </summary>
    public string? Secret { get; init; }

    /// <summary>A machine-applicable fix, where the rule has one.</summary>
    public TextEdit? Edit { get; init; }

    /// <summary>Set by the engine: a stable hash of rule, path and normalised content.</summary>
    public string Fingerprint { get; init; } = "";
}

/// <summary>Replace the text of <see cref="Span"/> with <see cref="NewText"/>.</summary>
public sealed record TextEdit(SourceSpan Span, string NewText, string Description);
