namespace MLOpsLint.Core.Text;

/// <summary>How secrets are shown anywhere: a short prefix, then asterisks. Never the whole value.</summary>
public static class Redaction
{
    /// <summary><c>ghp_****…</c>: keeps at most 4 characters (fewer for short values) and hides the rest.</summary>
    public static string Redact(string secret)
    {
        if (string.IsNullOrEmpty(secret)) return "";
        int keep = secret.Length >= 16 ? 4 : secret.Length >= 8 ? 2 : 0;
        return secret.Substring(0, keep) + new string('*', Math.Min(8, Math.Max(3, secret.Length - keep)));
    }

    /// <summary>Masks <paramref name="line"/> between 0-based columns [start, end) with <see cref="Redact"/>.</summary>
    public static string MaskSpan(string line, int start, int end)
    {
        start = Math.Max(0, Math.Min(start, line.Length));
        end = Math.Max(start, Math.Min(end, line.Length));
        return line.Substring(0, start) + Redact(line.Substring(start, end - start)) + line.Substring(end);
    }
}
