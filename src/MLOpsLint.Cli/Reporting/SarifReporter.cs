using System.Text.Encodings.Web;
using System.Text.Json;
using MLOpsLint.Core.Baseline;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other viewers: every rule in <c>tool.driver.rules</c> (id,
/// name, descriptions, help link, default level, family tags); every result with rule, level, message,
/// one physical location relative to <c>%SRCROOT%</c>, a stable partial fingerprint, and related
/// locations for the other side of a mismatch. Scan problems go to <c>toolExecutionNotifications</c>.
/// </summary>
internal sealed class SarifReporter : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public void Write(ScanReport report, TextWriter output)
    {
        var rules = RuleCatalog.All;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "mlops-lint");
            w.WriteString("fullName", "MLOps Lint");
            w.WriteString("version", VersionInfo.Version);
            w.WriteString("semanticVersion", VersionInfo.Version);
            w.WriteString("informationUri", VersionInfo.InformationUri);
            w.WriteStartArray("rules");
            foreach (var r in rules) WriteRule(w, r);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject("%SRCROOT%");
            w.WriteString("uri", new Uri(report.RootDirectory.TrimEnd('/', '\\') + "/").AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("invocations");
            w.WriteStartObject();
            w.WriteBoolean("executionSuccessful", true);
            if (report.Result.Diagnostics.Count > 0)
            {
                w.WriteStartArray("toolExecutionNotifications");
                foreach (var d in report.Result.Diagnostics) WriteNotification(w, d);
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartArray("results");
            foreach (var f in report.Findings) WriteResult(w, f, index[f.RuleId]);
            w.WriteEndArray();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void WriteRule(Utf8JsonWriter w, RuleDescriptor r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", ToPascal(r.Name));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", Sentence(r.Title));
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", Sentence(r.Description));
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", Sentence(r.Fix) + " See " + r.HelpUri);
        w.WriteString("markdown", $"{Sentence(r.Fix)} See [{r.Id}]({r.HelpUri}).");
        w.WriteEndObject();
        w.WriteString("helpUri", r.HelpUri);
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", r.DefaultSeverity == Severity.None ? "none" : r.DefaultSeverity.ToSarifLevel());
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue(r.Family.Tag());
        w.WriteStringValue(r.Family.Prefix());
        if (r.Family == RuleFamily.HardcodedCredentials) w.WriteStringValue("security");
        w.WriteEndArray();
        w.WriteString("family", r.Family.Title());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding f, int ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", f.Severity.ToSarifLevel());
        w.WriteStartObject("message");
        w.WriteString("text", Sentence(f.Message + (f.LocationHint != null ? $" ({f.LocationHint})" : "")) + " Fix: " + Sentence(f.Fix));
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        WritePhysical(w, f.Path, f.Span);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("partialFingerprints");
        w.WriteString(Fingerprints.SarifKey, f.Fingerprint);
        w.WriteEndObject();
        if (f.Related.Count > 0)
        {
            w.WriteStartArray("relatedLocations");
            int id = 0;
            foreach (var r in f.Related)
            {
                w.WriteStartObject();
                w.WriteNumber("id", id++);
                WritePhysical(w, r.Path, r.Span);
                if (r.Message != null)
                {
                    w.WriteStartObject("message");
                    w.WriteString("text", Sentence(r.Message));
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WritePhysical(Utf8JsonWriter w, string path, SourceSpan span)
    {
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", EscapeUri(path));
        w.WriteString("uriBaseId", "%SRCROOT%");
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", Math.Max(1, span.StartLine));
        w.WriteNumber("startColumn", Math.Max(1, span.StartColumn));
        w.WriteNumber("endLine", Math.Max(span.StartLine, span.EndLine));
        w.WriteNumber("endColumn", Math.Max(1, span.EndColumn));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNotification(Utf8JsonWriter w, ScanDiagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("level", d.Level switch { ScanDiagnosticLevel.Error => "error", ScanDiagnosticLevel.Warning => "warning", _ => "note" });
        w.WriteStartObject("message");
        w.WriteString("text", Sentence(d.Message));
        w.WriteEndObject();
        if (d.Path != null)
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            WritePhysical(w, d.Path, new SourceSpan(d.Line ?? 1, 1, d.Line ?? 1, 1));
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>Relative URI reference for a repository path: segments percent-encoded, '/' kept.</summary>
    internal static string EscapeUri(string path) =>
        string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

    private static string ToPascal(string kebab) =>
        string.Concat(kebab.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

    /// <summary>SARIF's guidance: messages are sentences ending with a period.</summary>
    private static string Sentence(string s)
    {
        s = s.Trim();
        return s.Length == 0 || s.EndsWith(".", StringComparison.Ordinal) || s.EndsWith("?", StringComparison.Ordinal) || s.EndsWith("!", StringComparison.Ordinal) ? s : s + ".";
    }
}
