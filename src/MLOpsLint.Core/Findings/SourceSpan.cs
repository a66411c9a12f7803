namespace MLOpsLint.Core.Findings;

/// <summary>1-based line and column range; <see cref="EndColumn"/> is exclusive (one past the last character),
/// as in SARIF. A whole-file finding uses line 1, column 1 to 1.</summary>
public readonly record struct SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan WholeFile => new(1, 1, 1, 1);

    public static SourceSpan Line(int line) => new(line, 1, line, 1);

    public bool IsSingleLine => StartLine == EndLine;

    public override string ToString() => $"{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";
}
