using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Cli.Fix;

/// <summary>The fixes for one file: the edits that apply, the ones that do not (and why), and the new text.</summary>
internal sealed record FilePlan(
    string Path,
    string OriginalText,
    string NewText,
    IReadOnlyList<Finding> Applied,
    IReadOnlyList<(Finding Finding, string Reason)> Skipped,
    string? Refused)
{
    public bool Changes => Refused == null && Applied.Count > 0 && NewText != OriginalText;
}

/// <summary>
/// Applies the findings' <see cref="TextEdit"/>s to a document's text: spans (document coordinates, 1-based,
/// UTF-16 columns; for a notebook, positions in the .ipynb JSON) become offsets, overlapping edits are skipped,
/// and the result is checked: a Python file or notebook must not gain parse errors, a notebook must stay a
/// readable notebook (valid JSON). A file that fails the check is not changed at all.
/// </summary>
internal static class FixPlanner
{
    public static FilePlan Plan(SourceDocument document, IEnumerable<Finding> findings)
    {
        string text = document.Text;
        var skipped = new List<(Finding, string)>();
        if (document.Origin == Git.IndexBlobContent.Origin)
        {
            // judged from its index blob: writing a fix would put a file into the work tree the sparse checkout keeps out
            const string outside = "not in the work tree (outside the sparse checkout): judged from the index, not written";
            return new FilePlan(document.Path, text, text, Array.Empty<Finding>(), findings.Select(f => (f, outside)).ToArray(), outside);
        }
        if (!document.HasText)
        {
            return new FilePlan(document.Path, text, text, Array.Empty<Finding>(), findings.Select(f => (f, "not a text file")).ToArray(), "not a text file");
        }
        if (document.Encoding is not (TextEncodingKind.Utf8 or TextEncodingKind.Utf8Bom))
        {
            return new FilePlan(document.Path, text, text, Array.Empty<Finding>(), findings.Select(f => (f, "not UTF-8")).ToArray(),
                "not UTF-8 (" + document.Encoding + "); fixes are only written to UTF-8 files");
        }
        var lines = new LineIndex(text);
        var placed = new List<(int Start, int End, Finding Finding)>();
        foreach (var f in findings.Where(f => f.Edit != null))
        {
            var span = f.Edit!.Span;
            if (!TryOffset(lines, text, span.StartLine, span.StartColumn, out int s) || !TryOffset(lines, text, span.EndLine, span.EndColumn, out int e) || e < s)
            {
                skipped.Add((f, "the edit's position is outside the file"));
                continue;
            }
            placed.Add((s, e, f));
        }
        placed.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var applied = new List<(int Start, int End, Finding Finding)>();
        int lastEnd = -1;
        foreach (var p in placed)
        {
            if (p.Start < lastEnd || (applied.Count > 0 && p.Start == applied[applied.Count - 1].Start && p.Start == p.End))
            {
                skipped.Add((p.Finding, "overlaps another fix in the same place; run --fix again"));
                continue;
            }
            applied.Add(p);
            lastEnd = p.End;
        }
        var sb = new System.Text.StringBuilder(text.Length + applied.Count * 20);
        int at = 0;
        foreach (var (s, e, f) in applied)
        {
            sb.Append(text, at, s - at).Append(f.Edit!.NewText);
            at = e;
        }
        sb.Append(text, at, text.Length - at);
        string newText = sb.ToString();
        var appliedFindings = applied.Select(a => a.Finding).ToArray();
        string? refused = Validate(document, newText);
        if (refused != null)
        {
            skipped.AddRange(appliedFindings.Select(f => (f, refused)));
            return new FilePlan(document.Path, text, text, Array.Empty<Finding>(), skipped, refused);
        }
        return new FilePlan(document.Path, text, newText, appliedFindings, skipped, null);
    }

    /// <summary>Null when the new text is at least as well-formed as the old; otherwise why not.</summary>
    internal static string? Validate(SourceDocument original, string newText)
    {
        if (original.Kind is not (DocumentKind.Python or DocumentKind.Notebook)) return null;
        var before = PythonModule.Of(original);
        var after = PythonModule.Of(SourceDocument.FromText(original.Path, newText));
        if (original.Kind == DocumentKind.Notebook && after.NotebookError != null && before.NotebookError == null)
        {
            return "the fixed notebook would not be a valid notebook (" + after.NotebookError + "); left unchanged";
        }
        if (after.ParseErrors.Count > before.ParseErrors.Count)
        {
            var first = after.ParseErrors.FirstOrDefault(e => !before.ParseErrors.Any(b => b.Message == e.Message));
            return "the fixed code would not parse" + (first == null ? "" : " (" + first.Message + ")") + "; left unchanged";
        }
        return null;
    }

    private static bool TryOffset(LineIndex lines, string text, int line, int column, out int offset)
    {
        offset = 0;
        if (line < 1 || column < 1) return false;
        int lineCount = Math.Max(1, lines.LineCount);
        if (line > lineCount + 1) return false;
        int start = line > lines.LineCount ? text.Length : lines.LineStart(line);
        offset = start + column - 1;
        return offset <= text.Length;
    }
}
