using System.Text;

namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Provider tokens with a literal prefix of their own (<c>gsk_</c>, <c>pplx-</c>, <c>hvs.</c>…): the prefix is the
/// keyword, the body a run of one character set of a documented length, with an entropy floor, the placeholder and
/// documented-example filters, and the structure test the format allows (a CRC, a decodable JSON header, a fixed
/// separator). The formats and their sources are listed on rules/MLO401.md.
/// </summary>
public static partial class TokenScanner
{
    /// <param name="Prefix">The keyword; the token starts with it.</param>
    /// <param name="Body">Characters of the body after the prefix.</param>
    /// <param name="Min">Shortest body.</param>
    /// <param name="Max">Longest body.</param>
    /// <param name="MinEntropy">Shannon entropy floor of the body (bits per character).</param>
    /// <param name="Pad">How many trailing '=' may follow the body.</param>
    /// <param name="Valid">The format's structure test on <c>text</c>, the token start, the body start and the body end.</param>
    private sealed record PrefixedFormat(string Prefix, SecretType Type, bool[] Body, int Min, int Max, double MinEntropy,
        int Pad = 0, Func<string, int, int, int, bool>? Valid = null);

    private static readonly PrefixedFormat[] PrefixedFormats =
    {
        new("AIza", SecretType.GoogleApiKey, CharSets.Base64Url, 35, 35, 3.5),
        new("GOCSPX-", SecretType.GoogleOAuthSecret, CharSets.Base64Url, 28, 28, 3.5),
        new("ABSK", SecretType.BedrockKey, CharSets.Base64, 109, 269, 4.0, 2, (t, a, b, e) => t.Length > b + 18 && string.CompareOrdinal(t, b, "QmVkcm9ja0FQSUtleS", 0, 18) == 0),
        new("bedrock-api-key-", SecretType.BedrockKey, CharSets.Base64, 100, 4000, 4.0, 2, (t, a, b, e) => DecodesTo(t, b, e, "bedrock.amazonaws.com", "X-Amz-")),
        new("pplx-", SecretType.Perplexity, CharSets.Alnum, 48, 48, 3.8),
        new("r8_", SecretType.Replicate, CharSets.Base64Url, 37, 37, 3.5),
        new("gsk_", SecretType.Groq, CharSets.Alnum, 52, 52, 3.8),
        new("tgp_v1_", SecretType.Together, CharSets.Base64Url, 43, 43, 3.8),
        new("sk-or-v1-", SecretType.OpenRouter, CharSets.LowerHex, 64, 64, 3.0),
        new("lsv2_pt_", SecretType.LangSmith, CharSets.Word, 43, 43, 3.0, 0, (t, a, b, e) => IsHexUnderscoreHex(t, b, 32, 10)),
        new("lsv2_sk_", SecretType.LangSmith, CharSets.Word, 43, 43, 3.0, 0, (t, a, b, e) => IsHexUnderscoreHex(t, b, 32, 10)),
        new("sk-lf-", SecretType.Langfuse, CharSets.HexDash, 36, 36, 3.0, 0, (t, a, b, e) => Entropy.IsUuid(t.Substring(b, e - b))),
        new("pcsk_", SecretType.Pinecone, CharSets.Word, 69, 70, 3.8, 0, (t, a, b, e) => IsPineconeBody(t, b, e)),
        new("dckr_pat_", SecretType.DockerHub, CharSets.Base64Url, 27, 27, 3.5),
        new("dckr_oat_", SecretType.DockerHub, CharSets.Base64Url, 32, 32, 3.5),
        new("AKCp", SecretType.JFrog, CharSets.Alnum, 69, 69, 4.0),
        new("cmVmdGtu", SecretType.JFrog, CharSets.Alnum, 56, 56, 3.8, 0, (t, a, b, e) => DecodesTo(t, a, e, "reftkn:")),
        new("hvs.", SecretType.Vault, CharSets.Base64Url, 90, 120, 4.0),
        new("hvb.", SecretType.Vault, CharSets.Base64Url, 138, 300, 4.0),
        new("glsa_", SecretType.Grafana, CharSets.Word, 41, 41, 3.5, 0, (t, a, b, e) => GrafanaChecksum(t, a, b, e)),
        new("glc_", SecretType.Grafana, CharSets.Base64, 32, 400, 4.0, 3, (t, a, b, e) => JsonWithKeys(t, b, e, "\"k\"")),
        new("eyJrIjoi", SecretType.Grafana, CharSets.Base64, 62, 400, 3.5, 3, (t, a, b, e) => JsonWithKeys(t, a, e, "\"k\"", "\"n\"")),
        new("sntryu_", SecretType.Sentry, CharSets.LowerHex, 64, 64, 3.0),
        new("sntrys_", SecretType.Sentry, CharSets.Base64Underscore, 60, 500, 4.0, 0, (t, a, b, e) => SentryOrgToken(t, b, e)),
        new("eyJhcGlfYWRkcmVzcyI6", SecretType.Neptune, CharSets.Base64, 40, 600, 3.5, 2, (t, a, b, e) => NeptuneToken(t, a, e)),
        new("SG.", SecretType.SendGrid, CharSets.TokenDot, 66, 66, 4.0, 0, (t, a, b, e) => t[b + 22] == '.' && t.IndexOf('.', b, 22) < 0 && t.IndexOf('.', b + 23, e - b - 23) < 0),
    };

    private static int Prefixed(ScanState s, int at, PrefixedFormat f)
    {
        if (!s.BoundaryBefore(at, CharSets.Word)) return at + 1;
        int body = at + f.Prefix.Length;
        int end = CharSets.RunEnd(s.Text, body, s.End, f.Body);
        int n = end - body;
        if (n < f.Min || n > f.Max) return Math.Max(end, at + 1);
        int tokenEnd = end;
        while (tokenEnd < s.End && s.Text[tokenEnd] == '=' && tokenEnd - end < f.Pad) tokenEnd++;
        if (!s.BoundaryAfter(tokenEnd, CharSets.Word) || tokenEnd < s.End && s.Text[tokenEnd] is '-' or '=' or '+' or '/') return tokenEnd;
        if (!LooksRandom(s.Text, body, end, f.MinEntropy)) return tokenEnd;
        if (f.Valid != null && !f.Valid(s.Text, at, body, end)) return tokenEnd;
        s.Add(at, tokenEnd, SecretCategory.Provider, f.Type);
        return tokenEnd;
    }

    /// <summary>Entropy at or above the floor, no repeated unit, no placeholder word, not a documented example.</summary>
    private static bool LooksRandom(string text, int start, int end, double minEntropy)
    {
        if (Entropy.Shannon(text, start, end) < minEntropy || Entropy.IsRepetitive(text, start, end)) return false;
        string body = text.Substring(start, end - start);
        return !Placeholders.IsDocumentedExample(body) && !Placeholders.IsPlaceholder(body);
    }

    private static bool IsHexUnderscoreHex(string t, int b, int first, int second)
    {
        for (int i = 0; i < first; i++) if (!CharSets.Hex.In(t[b + i])) return false;
        if (t[b + first] != '_') return false;
        for (int i = 0; i < second; i++) if (!CharSets.Hex.In(t[b + first + 1 + i])) return false;
        return true;
    }

    /// <summary><c>pcsk_</c> + 5 or 6 characters + <c>_</c> + 63.</summary>
    private static bool IsPineconeBody(string t, int b, int e)
    {
        int u = t.IndexOf('_', b, e - b);
        return u - b is 5 or 6 && e - u - 1 == 63;
    }

    /// <summary>Grafana service-account tokens end in the CRC32 of <c>glsa_&lt;secret&gt;</c>, written as the 4 bytes
    /// little-endian in hex (grafana/pkg/components/satokengen/tokengen.go).</summary>
    private static bool GrafanaChecksum(string t, int at, int b, int e)
    {
        if (t[b + 32] != '_') return false;
        for (int i = b; i < b + 32; i++) if (!CharSets.Alnum.In(t[i])) return false;
        uint crc = Checksums.Crc32(t, at, b + 32 - at);
        string hex = $"{crc & 0xFF:x2}{(crc >> 8) & 0xFF:x2}{(crc >> 16) & 0xFF:x2}{crc >> 24:x2}";
        return string.Compare(t, b + 33, hex, 0, 8, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary><c>sntrys_</c> + base64 of a JSON object with <c>iat</c> and the organization, <c>_</c>, 43 characters of secret.</summary>
    private static bool SentryOrgToken(string t, int b, int e)
    {
        int sep = t.LastIndexOf('_', e - 1, e - b);
        if (sep < 0 || e - sep - 1 != 43) return false;
        for (int i = sep + 1; i < e; i++) if (!CharSets.Base64.In(t[i])) return false;
        return JsonWithKeys(t, b, sep, "\"iat\"") && (JsonWithKeys(t, b, sep, "\"org\"") || JsonWithKeys(t, b, sep, "\"region_url\""));
    }

    /// <summary>The neptune.ai API token is base64 of <c>{"api_address": …, "api_url": …, "api_key": …}</c>; the public
    /// anonymous token that neptune-client ships (ANONYMOUS_API_TOKEN) is not a secret.</summary>
    private static bool NeptuneToken(string t, int a, int e)
    {
        string? json = DecodeBase64Loose(t, a, e);
        if (json == null || json.IndexOf("\"api_key\"", StringComparison.Ordinal) < 0) return false;
        return json.IndexOf("b706bc8f-76f9-4c2e-939d-4ba036f932e4", StringComparison.Ordinal) < 0;
    }

    /// <summary>The base64 of <c>text[start..end)</c> decodes to a JSON object holding every one of <paramref name="keys"/>.</summary>
    private static bool JsonWithKeys(string text, int start, int end, params string[] keys)
    {
        string? json = DecodeBase64Loose(text, start, end);
        if (json == null || !json.TrimStart().StartsWith("{", StringComparison.Ordinal)) return false;
        foreach (var k in keys) if (json.IndexOf(k, StringComparison.Ordinal) < 0) return false;
        return true;
    }

    /// <summary>The base64 (either alphabet) of <c>text[start..end)</c> decodes to text containing each of <paramref name="parts"/>.</summary>
    private static bool DecodesTo(string text, int start, int end, params string[] parts)
    {
        string? decoded = DecodeBase64Loose(text, start, end);
        if (decoded == null) return false;
        foreach (var p in parts) if (decoded.IndexOf(p, StringComparison.Ordinal) < 0) return false;
        return true;
    }

    /// <summary>Decodes standard or URL-safe base64, padded or not (a trailing partial quantum is dropped), as Latin-1
    /// text so binary bytes survive; null when it is not base64.</summary>
    internal static string? DecodeBase64Loose(string text, int start, int end)
    {
        while (end > start && text[end - 1] == '=') end--;
        int n = end - start;
        if (n < 4) return null;
        var sb = new StringBuilder(n + 3);
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            sb.Append(c == '-' ? '+' : c == '_' ? '/' : c);
        }
        if (sb.Length % 4 == 1) sb.Length--;
        while (sb.Length % 4 != 0) sb.Append('=');
        try
        {
            byte[] bytes = Convert.FromBase64String(sb.ToString());
            var chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
