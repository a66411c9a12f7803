namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Credentials written into HTTP requests: an <c>Authorization</c> header with a literal <c>Basic</c>, <c>Token</c> or
/// other non-Bearer credential, a secret-named header (<c>X-Api-Key: …</c>, <c>PRIVATE-TOKEN: …</c>), and the user and
/// password of <c>curl -u user:password</c>. Templates (<c>$TOKEN</c>, <c>{token}</c>) and placeholders are not read.
/// </summary>
public static partial class TokenScanner
{
    /// <summary><c>Authorization: Basic &lt;base64 of user:password&gt;</c>, <c>Authorization: Token &lt;token&gt;</c> (Bearer has its own detector).</summary>
    private static int Authorization(ScanState s, int at)
    {
        if (at - 1 < s.Start || s.Text[at - 1] is not ('A' or 'a')) return at + 12;
        int p = at + 12;
        int guard = 0;
        while (p < s.End && guard++ < 4 && s.Text[p] is '"' or '\'' or ' ' or '\t') p++;
        if (p >= s.End || s.Text[p] is not (':' or '=')) return p;
        p = SkipQuotesAndBlanks(s.Text, p + 1, s.End);
        int schemeEnd = CharSets.RunEnd(s.Text, p, Math.Min(s.End, p + 20), CharSets.Letters);
        if (schemeEnd == p || schemeEnd >= s.End || s.Text[schemeEnd] != ' ') return schemeEnd;
        string scheme = s.Sub(p, schemeEnd);
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return schemeEnd;
        int body = schemeEnd;
        while (body < s.End && s.Text[body] == ' ' && body - schemeEnd < 4) body++;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.BearerToken);
        while (end < s.End && s.Text[end] == '=' && end - body < 4096) end++;
        if (end - body < 8 || end - body > 4096 || end < s.End && (CharSets.Word.In(s.Text[end]) || s.Text[end] is '{' or '$' or '%')) return end;
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            string? decoded = TokenScanner.DecodeBase64Strict(s.Text, body, end);
            int colon = decoded?.IndexOf(':') ?? -1;
            if (decoded == null || colon <= 0 || decoded.Any(c => c < ' ' || c > '~')) return end;
            string password = decoded.Substring(colon + 1);
            if (!IsRealPassword(password) || Placeholders.IsPlaceholder(decoded.Substring(0, colon) + password)) return end;
            s.Results.Add(new SecretMatch(body, end, SecretCategory.Generic, SecretType.BasicAuth) { Name = "Authorization" });
            return end;
        }
        string token = s.Sub(body, end);
        if (!GenericValue.IsSecret(token, SecretNames.NameKind.Token)) return end;
        s.Results.Add(new SecretMatch(body, end, SecretCategory.Generic, SecretType.Token) { Name = "Authorization" });
        return end;
    }

    /// <summary>A header named like a credential, written out: <c>-H "X-Api-Key: …"</c>, <c>PRIVATE-TOKEN: …</c>.
    /// The keyword is the <c>-Key:</c>/<c>-Token:</c> end of the name.</summary>
    private static int SecretHeader(ScanState s, int at, int keywordLength)
    {
        int nameStart = CharSets.RunStart(s.Text, at, Math.Max(s.Start, at - 60), CharSets.NameChars);
        string name = s.Sub(nameStart, at + keywordLength - 1);
        if (SecretNames.Classify(name) == SecretNames.NameKind.None) return at + keywordLength;
        int p = at + keywordLength;
        while (p < s.End && s.Text[p] is ' ' or '\t' && p - at < keywordLength + 4) p++;
        int end = CharSets.RunEnd(s.Text, p, s.End, CharSets.BearerToken);
        while (end < s.End && s.Text[end] == '=' && end - p < 4096) end++;
        if (end == p || end < s.End && s.Text[end] is '{' or '$' or '%' or '<') return end;
        string value = s.Sub(p, end);
        if (!GenericValue.IsSecret(value, SecretNames.NameKind.Token)) return end;
        s.Results.Add(new SecretMatch(p, end, SecretCategory.Generic, SecretType.Token) { Name = name });
        return end;
    }

    /// <summary><c>curl -u user:password</c> / <c>--user user:password</c> / <c>--user=…</c> (quoted or not): the keyword is
    /// the option, and <c>curl</c> must start the command earlier on its line.</summary>
    private static int CurlUser(ScanState s, int at, int optionLength)
    {
        int v = at + optionLength;
        if (v >= s.End || s.Text[v] is not (' ' or '=' or '"' or '\'')) return v;
        int lineStart = at == 0 ? 0 : s.Text.LastIndexOf('\n', at - 1, Math.Min(at, 400)) + 1;
        if (lineStart == 0 && at > 400) return v;
        if (s.Text.IndexOf("curl", lineStart, at - lineStart, StringComparison.Ordinal) < 0) return v;
        while (v < s.End && s.Text[v] is ' ' or '=' && v - at < optionLength + 4) v++;
        char quote = v < s.End && s.Text[v] is '"' or '\'' ? s.Text[v] : '\0';
        if (quote != '\0') v++;
        int end = v;
        while (end < s.End && end - v < 300 && s.Text[end] != '\n' && (quote != '\0' ? s.Text[end] != quote : !char.IsWhiteSpace(s.Text[end]) && s.Text[end] is not ('"' or '\'' or '\\'))) end++;
        int colon = end > v ? s.Text.IndexOf(':', v, end - v) : -1;
        if (colon <= v || colon + 1 >= end) return end;
        string user = s.Sub(v, colon), password = s.Sub(colon + 1, end);
        if (IsRealPassword(password) && !IsTemplate(user))
        {
            s.Add(colon + 1, end, SecretCategory.Url, SecretType.UrlPassword, $"in a curl --user option (user {Shorten(user)})");
        }
        return end;
    }

    /// <summary>Padded standard base64 only (what an Authorization header holds), decoded as Latin-1; null otherwise.</summary>
    internal static string? DecodeBase64Strict(string text, int start, int end)
    {
        if ((end - start) % 4 != 0) return null;
        try
        {
            byte[] bytes = Convert.FromBase64String(text.Substring(start, end - start));
            return new string(bytes.Select(b => (char)b).ToArray());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
