using System.Text;
using System.Text.Json;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Core.Baseline;

/// <summary>
/// Accepted findings, by fingerprint. The file is JSON, one finding per line, sorted by path, rule and
/// fingerprint, with no timestamps, so it diffs and merges cleanly. It holds no source text and no
/// message: a baseline never repeats a secret.
/// </summary>
public sealed class BaselineFile
{
    public const int FormatVersion = 1;

    private readonly HashSet<string> fingerprints;

    public BaselineFile(IEnumerable<BaselineEntry> entries)
    {
        Entries = entries.OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToArray();
        fingerprints = new HashSet<string>(Entries.Select(e => e.Fingerprint), StringComparer.Ordinal);
    }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public static BaselineFile FromFindings(IEnumerable<Finding> findings) =>
        new(findings.Select(f => new BaselineEntry(f.RuleId, f.Path, f.Fingerprint)));

    public bool Contains(Finding finding) => fingerprints.Contains(finding.Fingerprint);

    public string Serialize()
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"tool\": \"mlops-lint\",\n  \"version\": ").Append(FormatVersion).Append(",\n  \"findings\": [");
        for (int i = 0; i < Entries.Count; i++)
        {
            var e = Entries[i];
            sb.Append(i == 0 ? "\n" : ",\n");
            sb.Append("    {\"rule\": ").Append(Quoted(e.Rule))
              .Append(", \"path\": ").Append(Quoted(e.Path))
              .Append(", \"fingerprint\": ").Append(Quoted(e.Fingerprint)).Append('}');
        }
        sb.Append(Entries.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return sb.ToString();
    }

    /// <summary>A JSON string, escaped as <c>JsonSerializer.Serialize(string)</c> escapes it (the default encoder) but
    /// without the reflection-based serializer, which a Native AOT build of the tool does not have.</summary>
    private static string Quoted(string value) => "\"" + JsonEncodedText.Encode(value).Value + "\"";

    /// <summary>Reads a baseline; a malformed file throws <see cref="FormatException"/> with the reason.</summary>
    public static BaselineFile Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            // every element's kind is checked before it is read: JsonElement throws InvalidOperationException otherwise
            // (a baseline holding `null`, `[]` or `{"findings": [1]}` is a malformed file, not a bug)
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("findings", out var arr) || arr.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("a baseline is a JSON object with a \"findings\" array");
            }
            var entries = new List<BaselineEntry>();
            int n = 0;
            foreach (var e in arr.EnumerateArray())
            {
                n++;
                if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"entry {n} of \"findings\" is {Kind(e)}, not an object");
                string? fp = StringOf(e, "fingerprint", n);
                if (string.IsNullOrEmpty(fp)) throw new FormatException($"entry {n} of \"findings\" has no \"fingerprint\"");
                entries.Add(new BaselineEntry(StringOf(e, "rule", n) ?? "", StringOf(e, "path", n) ?? "", fp!));
            }
            return new BaselineFile(entries);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    /// <summary>The string under <paramref name="name"/>; null when absent or null; a <see cref="FormatException"/> when it is another kind.</summary>
    private static string? StringOf(JsonElement entry, string name, int n)
    {
        if (!entry.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new FormatException($"entry {n} of \"findings\": \"{name}\" is {Kind(v)}, not a string");
        return v.GetString();
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

public sealed record BaselineEntry(string Rule, string Path, string Fingerprint);
