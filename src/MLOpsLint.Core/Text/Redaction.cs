using MLOpsLint.Core.Secrets;

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

    /// <summary>
    /// The one redaction step every output goes through (messages of every rule, fix hints, code frames, --diff and
    /// --fix output, notes, diagnostics, the job summary, report files, the baseline): masks every secret the
    /// credential detectors find in <paramref name="text"/> — provider tokens and keys (<see cref="TokenScanner"/>),
    /// values under credential names (<see cref="KeyValueScanner"/> with <see cref="NamedSecret"/>) — and the userinfo
    /// of every URL (<c>scheme://user:password@</c>, <c>scheme://token@</c>; a plain user name such as <c>git@</c>
    /// stays). Text without any of them comes back as the same instance.
    /// </summary>
    public static string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 8) return text;
        var spans = new List<(int Start, int End)>();
        foreach (var m in TokenScanner.Scan(text)) spans.Add((m.Start, m.End));
        if (SecretNames.MayBeSecretName(text, 0, text.Length))
        {
            var pairs = new List<KeyValue>();
            KeyValueScanner.Scan(text, pairs, shellWords: true);
            foreach (var kv in pairs)
            {
                if (NamedSecret.Evaluate(kv.Key, kv.Value, kv.ValueStart, kv.ValueEnd) != null) spans.Add((kv.ValueStart, kv.ValueEnd));
            }
        }
        AddUrlUserinfo(text, spans);
        if (spans.Count == 0) return text;
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var sb = new System.Text.StringBuilder(text.Length);
        int at = 0;
        foreach (var (start, end) in spans)
        {
            if (end <= at) continue;
            int s = Math.Max(start, at);
            sb.Append(text, at, s - at).Append(Redact(text.Substring(s, end - s)));
            at = end;
        }
        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    /// <summary>Every <c>://…@</c> userinfo: the password after <c>user:</c>, or a lone component that is not a plain
    /// user name. Linear: each "://" is followed once, up to the first character that ends an authority.</summary>
    private static void AddUrlUserinfo(string text, List<(int Start, int End)> spans)
    {
        int from = 0;
        while (from < text.Length)
        {
            int sep = text.IndexOf("://", from, StringComparison.Ordinal);
            if (sep < 0) return;
            int start = sep + 3, i = start, colon = -1;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '@' || c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>') break;
                if (c == ':' && colon < 0) colon = i;
            }
            bool digest = i + 8 <= text.Length && (string.CompareOrdinal(text, i + 1, "sha256:", 0, 7) == 0 || string.CompareOrdinal(text, i + 1, "sha512:", 0, 7) == 0);
            if (i < text.Length && text[i] == '@' && i > start && !digest) // docker://image:tag@sha256:… is a pinned image
            {
                if (colon >= 0 && i > colon + 1) spans.Add((colon + 1, i));
                else if (colon < 0 && !IsPlainUserName(text, start, i)) spans.Add((start, i));
            }
            from = Math.Max(start, i);
        }
    }

    /// <summary>git, deploy, ubuntu, __token__-free lower-case names of up to 16 characters without digits runs: what
    /// ssh and VCS URLs put before the host. Anything else before an '@' is treated as a credential.</summary>
    private static bool IsPlainUserName(string text, int start, int end)
    {
        if (end - start > 16) return false;
        int digits = 0;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c >= '0' && c <= '9') digits++;
            else if (!(c >= 'a' && c <= 'z') && c != '-' && c != '.' && (c != '_' || i == start)) return false;
        }
        return digits <= 2 && text[start] >= 'a' && text[start] <= 'z';
    }
}
