using System.Security.Cryptography;
using System.Text;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Core.Baseline;

/// <summary>
/// Stable identity of a finding, independent of its line number: a hash of the rule id, the path, the
/// normalised content of the finding (whitespace folded) and its occurrence among identical ones in the
/// file. Moving code does not change it; a new finding on a baselined line has a different one.
/// </summary>
public static class Fingerprints
{
    public const string SarifKey = "mlopsLint/v1";

    /// <summary>Content that identifies a finding: what the check said, or the text under the span.</summary>
    public static string NormalisedContent(Finding finding, SourceDocument? document)
    {
        string content = finding.FingerprintContent ?? "";
        if (content.Length == 0 && finding.IsSensitive) content = finding.Message;
        if (content.Length == 0 && document != null && document.HasText && finding.Span.StartLine >= 1)
        {
            var lines = document.Lines;
            if (finding.Span.StartLine <= lines.LineCount)
            {
                if (finding.Span.IsSingleLine && finding.Span.EndColumn > finding.Span.StartColumn)
                {
                    string line = lines.GetLine(finding.Span.StartLine);
                    int start = Math.Min(line.Length, finding.Span.StartColumn - 1);
                    int len = Math.Min(line.Length - start, finding.Span.EndColumn - finding.Span.StartColumn);
                    content = line.Substring(start, Math.Max(0, len));
                }
                else
                {
                    content = lines.GetLine(finding.Span.StartLine);
                }
            }
        }
        if (content.Trim().Length == 0) content = finding.Message;
        return Fold(content);
    }

    /// <summary>Assigns <see cref="Finding.Fingerprint"/> to each finding. Findings must be sorted by position.</summary>
    public static IReadOnlyList<Finding> Assign(IReadOnlyList<Finding> findings, Func<string, SourceDocument?> documents)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Finding>(findings.Count);
        SourceDocument? previous = null;
        foreach (var f in findings)
        {
            var document = documents(f.Path);
            // sorted by path: a file read on demand gives its text back once its findings are done
            if (previous != document && previous is { ReadsOnDemand: true }) previous.ReleaseText();
            previous = document;
            string content = NormalisedContent(f, document);
            string key = f.RuleId + "\n" + f.Path + "\n" + content;
            seen.TryGetValue(key, out int n);
            seen[key] = n + 1;
            result.Add(f with { Fingerprint = Hash(key + "\n" + n) });
        }
        if (previous is { ReadsOnDemand: true }) previous.ReleaseText();
        return result;
    }

    [ThreadStatic]
    private static SHA256? sha;

    public static string Hash(string text)
    {
        // one instance per thread: creating one per finding costs more than hashing (hundreds of thousands of findings)
        var bytes = (sha ??= SHA256.Create()).ComputeHash(Encoding.UTF8.GetBytes(text));
        var sb = new StringBuilder(32);
        for (int i = 0; i < 16; i++) sb.Append(bytes[i].ToString("x2"));
        return sb.ToString();
    }

    private static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
