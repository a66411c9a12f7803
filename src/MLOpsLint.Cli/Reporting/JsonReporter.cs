using System.Text.Encodings.Web;
using System.Text.Json;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Reporting;

/// <summary>Machine output: every finding with rule, severity, place, message, fix, fingerprint and related
/// locations; the scan's own diagnostics; and counts. Stable key order, sorted findings.</summary>
internal sealed class JsonReporter : IReporter
{
    public void Write(ScanReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var r = report.Result;
            w.WriteStartObject();
            w.WriteString("tool", "mlops-lint");
            w.WriteString("version", VersionInfo.Version);
            w.WriteStartObject("summary");
            w.WriteNumber("filesScanned", r.FilesScanned);
            w.WriteNumber("bytesScanned", r.BytesScanned);
            w.WriteNumber("findings", r.Findings.Count);
            w.WriteNumber("errors", r.Findings.Count(f => f.Severity == Severity.Error));
            w.WriteNumber("warnings", r.Findings.Count(f => f.Severity == Severity.Warning));
            w.WriteNumber("suggestions", r.Findings.Count(f => f.Severity == Severity.Suggestion));
            w.WriteNumber("suppressed", r.Suppressed);
            w.WriteNumber("baselined", r.Baselined);
            w.WriteString("failLevel", report.FailLevel.ToName());
            w.WriteBoolean("failed", r.HasFailures(report.FailLevel));
            w.WriteStartObject("byRule");
            foreach (var g in r.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(g.Key, g.Count());
            }
            w.WriteEndObject();
            w.WriteEndObject();

            if (report.History is { } h)
            {
                w.WriteStartObject("history");
                if (h.Since != null) w.WriteString("since", h.Since);
                w.WriteNumber("commits", h.Commits);
                w.WriteNumber("blobs", h.Blobs);
                w.WriteNumber("flaggedBlobs", h.FlaggedBlobs);
                w.WriteNumber("removableBytes", h.RemovableBytes);
                w.WriteEndObject();
            }

            w.WriteStartArray("findings");
            foreach (var f in r.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("ruleName", f.Rule.Name);
                w.WriteString("family", f.Rule.Family.Tag());
                w.WriteString("severity", f.Severity.ToName());
                w.WriteString("path", f.Path);
                WriteSpan(w, f.Span);
                w.WriteString("message", f.Message);
                if (f.LocationHint != null) w.WriteString("locationHint", f.LocationHint);
                w.WriteString("fix", f.Fix);
                w.WriteString("helpUri", f.Rule.HelpUri);
                w.WriteString("fingerprint", f.Fingerprint);
                if (f.Related.Count > 0)
                {
                    w.WriteStartArray("related");
                    foreach (var rel in f.Related)
                    {
                        w.WriteStartObject();
                        w.WriteString("path", rel.Path);
                        WriteSpan(w, rel.Span);
                        if (rel.Message != null) w.WriteString("message", rel.Message);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("diagnostics");
            foreach (var d in r.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("level", d.Level.ToString().ToLowerInvariant());
                if (d.Path != null) w.WriteString("path", d.Path);
                if (d.Line is int line) w.WriteNumber("line", line);
                w.WriteString("message", d.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void WriteSpan(Utf8JsonWriter w, SourceSpan s)
    {
        w.WriteNumber("startLine", s.StartLine);
        w.WriteNumber("startColumn", s.StartColumn);
        w.WriteNumber("endLine", s.EndLine);
        w.WriteNumber("endColumn", s.EndColumn);
    }
}
