using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Server;

/// <summary>
/// Carries findings made on an earlier text of a file over to its current text while the repository checks catch up:
/// lines before the edited region keep their numbers, lines after it move by the lines the edit added or removed, and a
/// finding inside the edited region is dropped (it may no longer hold). One edit — what a keystroke or a paste makes — is
/// mapped exactly; several edits far apart count as one region from the first to the last.
/// </summary>
internal sealed class LineShift
{
    private readonly int prefix;      // lines equal at the start
    private readonly int beforeTail;  // first line (1-based) of the equal lines at the end, in the earlier text
    private readonly int delta;       // lines added (or removed, negative) by the edit

    private LineShift(int prefix, int beforeTail, int delta)
    {
        this.prefix = prefix;
        this.beforeTail = beforeTail;
        this.delta = delta;
    }

    public static LineShift Between(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        int p = 0;
        while (p < a.Length && p < b.Length && a[p] == b[p]) p++;
        int q = 0;
        while (q < a.Length - p && q < b.Length - p && a[a.Length - 1 - q] == b[b.Length - 1 - q]) q++;
        return new LineShift(p, a.Length - q + 1, b.Length - a.Length);
    }

    /// <summary>The line's number in the current text, or null when the edit touched it.</summary>
    public int? Map(int line) => line <= prefix ? line : line >= beforeTail ? line + delta : null;

    /// <summary>The finding at its place in the current text, or null when the edit touched it. Its machine-applicable fix
    /// moves with it, or is dropped when the edit touched the text it would change (the repository checks give it back).</summary>
    public Finding? Map(Finding f)
    {
        if (f.Span == SourceSpan.WholeFile) return f;
        if (Map(f.Span) is not { } span) return null;
        return f with { Span = span, Edit = f.Edit is { } e && Map(e.Span) is { } edit ? e with { Span = edit } : null };
    }

    private SourceSpan? Map(SourceSpan span) =>
        Map(span.StartLine) is int start && Map(span.EndLine) is int end ? span with { StartLine = start, EndLine = end } : null;
}
