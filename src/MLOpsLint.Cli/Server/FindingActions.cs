using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Server;

/// <summary>A position in an editor document: 0-based line, UTF-16 character (LSP's default encoding).</summary>
internal readonly record struct EditorPosition(int Line, int Character);

internal readonly record struct EditorRange(EditorPosition Start, EditorPosition End)
{
    public bool Intersects(EditorRange other) =>
        Compare(Start, other.End) <= 0 && Compare(other.Start, End) <= 0;

    private static int Compare(EditorPosition a, EditorPosition b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);
}

/// <summary>One text replacement in an editor document (a file, or a notebook cell).</summary>
internal sealed record EditorEdit(string Uri, EditorRange Range, string NewText);

/// <summary>What the editor can do about a finding: a fix (the CLI's <c>--fix</c> edit, a noqa comment, a pin) or
/// a command (open the rule page).</summary>
internal sealed record EditorAction(string Title, string Kind, IReadOnlyList<EditorEdit> Edits, bool Preferred = false)
{
    /// <summary>A command to run instead of (or after) the edits: (name, arguments).</summary>
    public (string Name, string[] Arguments)? Command { get; init; }
}

/// <summary>A finding placed in one editor document, with what can be done about it.</summary>
internal sealed record EditorFinding(Finding Finding, string Uri, EditorRange Range, IReadOnlyList<EditorAction> Actions);

/// <summary>
/// The code actions of a finding: the CLI's mechanical fix (<see cref="Finding.Edit"/>, the edit <c>scan --fix</c>
/// applies), a <c># noqa: MLOxxx</c> on the finding's line, a pin to the installed or locked version where one is known,
/// and opening the rule page.
/// </summary>
internal static class FindingActions
{
    public const string OpenRulePageCommand = "mlops-lint.openRulePage";

    /// <param name="place">Maps a document position (1-based line and column of the finding's file) to the editor
    /// document and position it shows at (a notebook cell for a notebook).</param>
    /// <param name="lineText">The text of a line of an editor document (0-based), without its line break.</param>
    public static IReadOnlyList<EditorAction> For(Finding f, SourceDocument? doc, Func<int, int, (string Uri, EditorPosition Position)> place,
        Func<string, int, string?> lineText, Func<string, string?>? pinnedVersion)
    {
        var actions = new List<EditorAction>();
        if (f.Edit is { } edit && doc is { HasText: true } && (doc.Kind != DocumentKind.Notebook || !NeedsJsonEscape(edit.NewText)))
        {
            var (uri, start) = place(edit.Span.StartLine, edit.Span.StartColumn);
            var (endUri, end) = place(edit.Span.EndLine, edit.Span.EndColumn);
            if (uri == endUri)
            {
                actions.Add(new EditorAction($"{f.RuleId}: {edit.Description}", "quickfix", new[] { new EditorEdit(uri, new EditorRange(start, end), edit.NewText) }, Preferred: true));
            }
        }
        if (pinnedVersion != null && f.RuleId == "MLO201" && doc is { Kind: DocumentKind.Requirements, HasText: true } && PinEdit(f, doc, pinnedVersion, place) is { } pin)
        {
            actions.Add(pin);
        }
        if (doc != null && DocumentClassifier.HasHashComments(doc.Kind) && doc.HasText)
        {
            var (uri, pos) = place(f.Span.StartLine, f.Span.StartColumn);
            if (lineText(uri, pos.Line) is string line && NoqaEdit(line, f.RuleId) is var (at, text))
            {
                actions.Add(new EditorAction($"Suppress {f.RuleId} on this line (# noqa: {f.RuleId})", "quickfix",
                    new[] { new EditorEdit(uri, new EditorRange(new EditorPosition(pos.Line, at), new EditorPosition(pos.Line, line.Length)), text) }));
            }
        }
        actions.Add(new EditorAction($"Open the rule page: {f.RuleId} {f.Rule.Name}", "quickfix", Array.Empty<EditorEdit>())
        {
            Command = (OpenRulePageCommand, new[] { f.Rule.HelpUri }),
        });
        return actions;
    }

    /// <summary>The replacement for the end of <paramref name="line"/> that adds <paramref name="ruleId"/> to its noqa
    /// comment, or writes one: (start column, new text to the line's end). Null when the line already has it.</summary>
    internal static (int Start, string Text)? NoqaEdit(string line, string ruleId)
    {
        if (Core.Suppression.Noqa.Suppresses(line, ruleId, honorBare: false)) return null;
        var m = System.Text.RegularExpressions.Regex.Match(line, @"#\s*noqa:\s?[A-Za-z]+[0-9]+(?:[,\s]+[A-Za-z]+[0-9]+)*", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (m.Success)
        {
            int end = m.Index + m.Length;
            return (end, ", " + ruleId + line.Substring(end));
        }
        string trimmed = line.TrimEnd();
        return (trimmed.Length, (trimmed.Length == 0 ? "" : "  ") + "# noqa: " + ruleId);
    }

    /// <summary>MLO201 in a requirements file whose package has a known version: replace the requirement's version part
    /// (nothing, or a range) with <c>==version</c>.</summary>
    private static EditorAction? PinEdit(Finding f, SourceDocument doc, Func<string, string?> pinnedVersion, Func<int, int, (string Uri, EditorPosition Position)> place)
    {
        var file = Core.Parsing.Requirements.RequirementsFile.Of(doc);
        foreach (var e in file.Entries)
        {
            if (e.Requirement is not { } r || e.Kind != Core.Parsing.Requirements.RequirementEntryKind.Named) continue;
            var (line, col) = doc.Lines.GetPosition(e.NameRange.Start);
            if (line != f.Span.StartLine || col != f.Span.StartColumn) continue;
            if (pinnedVersion(r.NormalizedName) is not string version) return null;
            // name and extras, then the version part (nothing, or a range) up to a marker
            string entry = e.Text;
            int cut = entry.IndexOf(';');
            string spec = (cut < 0 ? entry : entry.Substring(0, cut)).TrimEnd();
            int op = spec.IndexOfAny(new[] { '=', '<', '>', '~', '!', ' ', '(' });
            string head = op >= 0 ? spec.Substring(0, op) : spec;
            var (endLine, endCol) = doc.Lines.GetPosition(e.Start + spec.Length);
            if (endLine != line) return null;
            var (startLine, startCol) = doc.Lines.GetPosition(e.Start);
            var (uri, start) = place(startLine, startCol);
            var (_, end) = place(endLine, endCol);
            return new EditorAction($"Pin {r.Name}=={version} (the version installed or locked here)", "quickfix",
                new[] { new EditorEdit(uri, new EditorRange(start, end), head + "==" + version) });
        }
        return null;
    }

    private static bool NeedsJsonEscape(string s) => s.IndexOfAny(new[] { '"', '\\', '\n', '\r', '\t' }) >= 0;
}
