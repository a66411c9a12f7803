namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Values of a Kubernetes <c>Secret</c> manifest committed in YAML: in a document (between <c>---</c> lines) whose
/// top-level <c>kind</c> is <c>Secret</c>, every entry under <c>data:</c> (base64, decoded here) and <c>stringData:</c>
/// (plain) that holds a real value — not empty, not a template (<c>{{ … }}</c>, <c>${…}</c>), not a placeholder, and not
/// under a name that is plainly no secret (<c>username</c>, <c>host</c>, <c>port</c>, <c>ca.crt</c>…)
/// (https://kubernetes.io/docs/concepts/configuration/secret/; gitleaks <c>kubernetes-secret-yaml</c>).
/// Read line by line, bounded: no YAML parser.
/// </summary>
public static class KubernetesSecrets
{
    private static readonly HashSet<string> PlainNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "user", "username", "user_name", "login", "host", "hostname", "port", "url", "uri", "endpoint", "database", "db", "dbname",
        "name", "namespace", "region", "email", "ca.crt", "tls.crt", "ca", "bucket", "project", "project_id", "client_id", "tenant_id",
    };

    /// <summary>Adds a match (offsets into <paramref name="text"/>) for each secret value of each Secret manifest.</summary>
    public static void Scan(string text, List<SecretMatch> results)
    {
        if (text.IndexOf("Secret", StringComparison.Ordinal) < 0) return;
        int docStart = 0;
        while (docStart < text.Length)
        {
            int docEnd = NextDocument(text, docStart);
            if (IsSecretKind(text, docStart, docEnd)) ScanDocument(text, docStart, docEnd, results);
            docStart = docEnd;
        }
    }

    /// <summary>Start of the line after the next <c>---</c> separator (or the end of the text).</summary>
    private static int NextDocument(string text, int from)
    {
        int line = from;
        bool first = true;
        while (line < text.Length)
        {
            int next = text.IndexOf('\n', line);
            next = next < 0 ? text.Length : next + 1;
            if (!first && string.CompareOrdinal(text, line, "---", 0, 3) == 0) return line;
            first = false;
            line = next;
        }
        return text.Length;
    }

    private static bool IsSecretKind(string text, int start, int end)
    {
        foreach (var (s, e) in Lines(text, start, end))
        {
            if (e - s < 12 || string.CompareOrdinal(text, s, "kind:", 0, 5) != 0) continue;
            string value = text.Substring(s + 5, e - s - 5).Trim().Trim('"', '\'');
            int comment = value.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0) value = value.Substring(0, comment).Trim();
            return value == "Secret";
        }
        return false;
    }

    private static void ScanDocument(string text, int start, int end, List<SecretMatch> results)
    {
        bool? base64 = null; // inside data: (true) or stringData: (false)
        int indent = -1;
        foreach (var (s, e) in Lines(text, start, end))
        {
            int i = s;
            while (i < e && text[i] == ' ') i++;
            if (i == e || text[i] == '#') continue;
            int col = i - s;
            if (col == 0)
            {
                string key = text.Substring(s, e - s).TrimEnd();
                base64 = key == "data:" ? true : key == "stringData:" ? false : null;
                indent = -1;
                continue;
            }
            if (base64 == null) continue;
            if (indent < 0) indent = col;
            if (col != indent) continue; // nested or block-scalar lines
            int colon = text.IndexOf(':', i, e - i);
            if (colon < 0) continue;
            string name = text.Substring(i, colon - i).Trim().Trim('"', '\'');
            int v = colon + 1;
            while (v < e && text[v] == ' ') v++;
            int ve = e;
            while (ve > v && char.IsWhiteSpace(text[ve - 1])) ve--;
            if (ve > v && text[v] is '"' or '\'' && text[ve - 1] == text[v] && ve - v >= 2)
            {
                v++;
                ve--;
            }
            if (ve - v < 4 || IsPlainName(name)) continue;
            string raw = text.Substring(v, ve - v);
            if (raw.IndexOf("{{", StringComparison.Ordinal) >= 0 || raw.StartsWith("|", StringComparison.Ordinal) || raw.StartsWith(">", StringComparison.Ordinal)) continue;
            string? value = base64 == true ? TokenScanner.DecodeBase64Strict(text, v, ve) : raw;
            if (value == null) continue;
            value = value.TrimEnd('\n', '\r');
            if (value.Length < 4 || Placeholders.IsPlaceholder(value) || GenericValue.LooksLikeNonSecret(value) && value.IndexOf(' ') < 0 && value.IndexOf("://", StringComparison.Ordinal) < 0) continue;
            results.Add(new SecretMatch(v, ve, SecretCategory.Provider, SecretType.KubernetesSecret) { Name = name });
        }
    }

    /// <summary>A name that is plainly no secret, alone or as the last part of a prefixed name (<c>POSTGRES_USER</c>,
    /// <c>MYSQL_DATABASE</c>, <c>redis-host</c>): the ecosystem corpus had a Postgres user and database name reported.</summary>
    private static bool IsPlainName(string name)
    {
        if (PlainNames.Contains(name)) return true;
        int cut = name.LastIndexOfAny(new[] { '_', '-', '.' });
        return cut > 0 && cut < name.Length - 1 && PlainNames.Contains(name.Substring(cut + 1));
    }

    private static IEnumerable<(int Start, int End)> Lines(string text, int start, int end)
    {
        int line = start;
        while (line < end)
        {
            int next = text.IndexOf('\n', line, end - line);
            int lineEnd = next < 0 ? end : next;
            int contentEnd = lineEnd > line && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            yield return (line, contentEnd);
            line = next < 0 ? end : next + 1;
        }
    }
}
