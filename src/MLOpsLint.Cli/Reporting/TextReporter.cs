using System.Globalization;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Cli.Reporting;

/// <summary>
/// Human output, grouped by file, with the offending line and a caret under the span (as ruff and rustc
/// show them), the rule, the fix and the rule page; then counts per severity and per rule.
/// </summary>
internal sealed class TextReporter : IReporter
{
    private const int MaxFrameWidth = 160;
    private readonly Ansi ansi;
    private readonly bool quiet;
    private Dictionary<(string Path, int Line), (int Start, int End)[]> secrets = new();

    public TextReporter(Ansi ansi, bool quiet)
    {
        this.ansi = ansi;
        this.quiet = quiet;
    }

    public void Write(ScanReport report, TextWriter o)
    {
        // every secret a finding points at, by file and line, so that no code frame — whichever rule it belongs
        // to — shows one whole (a requirements line holding an index URL with a token, say)
        secrets = report.Findings.Where(f => f.IsSensitive && f.Span.IsSingleLine)
            .GroupBy(f => (f.Path, f.Span.StartLine))
            .ToDictionary(g => g.Key, g => g.Select(f => (f.Span.StartColumn - 1, f.Span.EndColumn - 1)).OrderByDescending(x => x.Item1).ToArray());
        string? currentFile = null;
        foreach (var f in report.Findings)
        {
            if (f.Path != currentFile)
            {
                if (currentFile != null) o.WriteLine();
                o.WriteLine(ansi.Bold(f.Path));
                currentFile = f.Path;
            }
            WriteFinding(report, f, o);
        }
        if (report.Findings.Count > 0) o.WriteLine();
        WriteSummary(report, o);
        if (report.History is { } h)
        {
            o.WriteLine($"History{(h.Since != null ? " since " + h.Since : "")}: {Plural(h.Commits, "commit")}, {Plural(h.Blobs, "distinct blob")} checked; "
                + $"{Plural(h.FlaggedBlobs, "blob")} of committed data or models, {Core.Configuration.Sizes.Format(h.RemovableBytes)} (uncompressed) that a history rewrite "
                + "(git filter-repo, or git lfs migrate import) would remove.");
        }
    }

    private void WriteFinding(ScanReport report, Finding f, TextWriter o)
    {
        string where = $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn}";
        string hint = f.LocationHint != null ? $" ({f.LocationHint})" : "";
        o.WriteLine($"{ansi.Bold(where)}: {ansi.Severity(f.Severity, f.Severity.ToName())} {ansi.Bold(f.RuleId)} {f.Message}{hint}");
        if (quiet) return;
        if (f.Span != SourceSpan.WholeFile) WriteFrame(report, f.Path, f.Span, f.IsSensitive, o, f);
        foreach (var r in f.Related)
        {
            o.WriteLine($"  {ansi.Blue("=")} {ansi.Bold("other side")}: {r.Path}:{r.Span.StartLine}{(r.Message != null ? " — " + r.Message : "")}");
            WriteFrame(report, r.Path, r.Span, false, o, null);
        }
        o.WriteLine($"  {ansi.Blue("=")} {ansi.Bold("fix")}: {f.Fix}");
        o.WriteLine($"  {ansi.Blue("=")} {ansi.Bold("rule")}: {f.RuleId} {f.Rule.Name} — {f.Rule.HelpUri}");
    }

    private void WriteFrame(ScanReport report, string path, SourceSpan span, bool sensitive, TextWriter o, Finding? finding)
    {
        string? line = report.SourceLine(path, span.StartLine, finding);
        if (line == null) return;
        int start = Math.Max(0, span.StartColumn - 1);
        int end = span.IsSingleLine ? Math.Max(start + 1, span.EndColumn - 1) : line.Length;
        if (start >= line.Length && line.Length > 0) start = line.Length - 1;
        end = Math.Min(Math.Max(end, start + 1), Math.Max(line.Length, start + 1));
        if (sensitive)
        {
            string masked = Redaction.MaskSpan(line, start, end);
            end = start + (masked.Length - line.Length) + (end - start);
            line = masked;
        }
        else if (secrets.TryGetValue((path, span.StartLine), out var spans))
        {
            // mask the secrets on this line, right to left so earlier columns stay valid; keep the caret on its text
            foreach (var (s0, e0) in spans)
            {
                if (e0 <= s0 || s0 >= line.Length) continue;
                string masked = Redaction.MaskSpan(line, s0, e0);
                int delta = masked.Length - line.Length;
                if (s0 < start) { start = Math.Max(s0, start + delta); end = Math.Max(start + 1, end + delta); }
                else if (s0 < end) end = Math.Max(start + 1, end + delta);
                line = masked;
            }
        }
        // keep very long lines (minified JSON, notebooks saved on one line) readable: a window around the span
        int offset = 0;
        if (line.Length > MaxFrameWidth)
        {
            offset = Math.Max(0, Math.Min(start - 40, line.Length - MaxFrameWidth));
            line = (offset > 0 ? "…" : "") + line.Substring(offset, Math.Min(MaxFrameWidth, line.Length - offset)) + (offset + MaxFrameWidth < line.Length ? "…" : "");
            int shift = offset > 0 ? offset - 1 : 0;
            start -= shift;
            end -= shift;
        }
        string number = span.StartLine.ToString(CultureInfo.InvariantCulture);
        string gutter = new(' ', number.Length);
        var caretPad = new System.Text.StringBuilder();
        for (int i = 0; i < start && i < line.Length; i++) caretPad.Append(line[i] == '\t' ? '\t' : ' ');
        int caretLength = Math.Max(1, Math.Min(end, line.Length) - start);
        o.WriteLine($"  {gutter} {ansi.Blue("|")}");
        o.WriteLine($"  {ansi.Blue(number)} {ansi.Blue("|")} {line}");
        o.WriteLine($"  {gutter} {ansi.Blue("|")} {caretPad}{ansi.Red(new string('^', caretLength))}{(span.IsSingleLine ? "" : ansi.Dim(" (continues to line " + span.EndLine + ")"))}");
    }

    private void WriteSummary(ScanReport report, TextWriter o)
    {
        var r = report.Result;
        var f = report.Findings;
        int errors = f.Count(x => x.Severity == Severity.Error);
        int warnings = f.Count(x => x.Severity == Severity.Warning);
        int suggestions = f.Count(x => x.Severity == Severity.Suggestion);
        if (f.Count == 0)
        {
            o.WriteLine($"No findings in {Plural(r.FilesScanned, "file")}.{Extras(r)}");
            return;
        }
        var parts = new List<string>();
        if (errors > 0) parts.Add(ansi.Red(Plural(errors, "error")));
        if (warnings > 0) parts.Add(ansi.Yellow(Plural(warnings, "warning")));
        if (suggestions > 0) parts.Add(ansi.Cyan(Plural(suggestions, "suggestion")));
        o.WriteLine($"Found {Plural(f.Count, "finding")} ({string.Join(", ", parts)}) in {Plural(f.Select(x => x.Path).Distinct().Count(), "file")} of {r.FilesScanned} scanned.{Extras(r)}");
        foreach (var g in f.GroupBy(x => x.Rule).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Id, StringComparer.Ordinal))
        {
            o.WriteLine($"  {g.Key.Id}  {g.Count(),5}  {g.Key.Name}");
        }
    }

    private static string Extras(Core.Engine.LintResult r)
    {
        var extra = new List<string>();
        if (r.Suppressed > 0) extra.Add($"{r.Suppressed} suppressed by noqa");
        if (r.Baselined > 0) extra.Add($"{r.Baselined} in the baseline");
        return extra.Count == 0 ? "" : " " + string.Join("; ", extra) + ".";
    }

    internal static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
