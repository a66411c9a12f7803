namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Provider keys without a prefix of their own (Cohere, Mistral, Comet, Roboflow, Twilio…): found only where the
/// provider's name is written in the name the value is given to — <c>COHERE_API_KEY = "…"</c>,
/// <c>cohere.Client("…")</c>, <c>"mistral_api_key": "…"</c>, <c>Roboflow(api_key="…")</c>, <c>ENV TWILIO_AUTH_TOKEN …</c>
/// — then the value must have the provider's exact shape and entropy. Names that say the value is something else
/// (<c>MISTRAL_MODEL</c>, <c>comet_experiment_key</c>, <c>cohere_md5</c>) are skipped.
/// </summary>
public static partial class TokenScanner
{
    /// <param name="Keywords">Case variants of the provider's name, each a scanner keyword.</param>
    /// <param name="ValuePrefix">A literal the value starts with (DeepSeek's <c>sk-</c>), or null.</param>
    /// <param name="Set">Characters of the value (after the prefix).</param>
    /// <param name="Mixed">The value must mix upper- and lower-case letters (random base62), which hashes and ids do not.</param>
    /// <param name="SecretWord">The name must also say key, token, secret or password (the value's shape alone is common).</param>
    /// <param name="NameOk">Further test of the name (Azure: the service is named).</param>
    private sealed record KeyedFormat(string[] Keywords, SecretType Type, string? ValuePrefix, bool[] Set, int Min, int Max,
        double MinEntropy, bool Mixed, bool SecretWord, Func<string, bool>? NameOk = null, Func<string, int, int, bool>? Valid = null);

    private static readonly KeyedFormat[] KeyedFormats =
    {
        new(new[] { "cohere", "Cohere", "COHERE", "CO_API_KEY" }, SecretType.Cohere, null, CharSets.Alnum, 40, 40, 3.8, true, false),
        new(new[] { "mistral", "Mistral", "MISTRAL" }, SecretType.Mistral, null, CharSets.Alnum, 32, 32, 3.8, true, true),
        new(new[] { "deepseek", "DeepSeek", "Deepseek", "DEEPSEEK" }, SecretType.DeepSeek, "sk-", CharSets.LowerHex, 32, 32, 3.0, false, true),
        new(new[] { "fireworks", "Fireworks", "FIREWORKS" }, SecretType.Fireworks, null, CharSets.Base64Url, 24, 64, 3.8, true, true),
        new(new[] { "comet", "Comet", "COMET" }, SecretType.Comet, null, CharSets.Alnum, 25, 25, 3.5, true, true),
        new(new[] { "roboflow", "Roboflow", "ROBOFLOW" }, SecretType.Roboflow, null, CharSets.Alnum, 20, 20, 3.5, true, true),
        new(new[] { "elevenlabs", "ElevenLabs", "Elevenlabs", "ELEVENLABS", "ELEVEN_API_KEY", "xi-api-key", "xi_api_key" }, SecretType.ElevenLabs, "sk_", CharSets.LowerHex, 48, 48, 3.0, false, true),
        new(new[] { "elevenlabs", "ElevenLabs", "Elevenlabs", "ELEVENLABS", "ELEVEN_API_KEY", "xi-api-key", "xi_api_key" }, SecretType.ElevenLabs, null, CharSets.LowerHex, 32, 32, 3.0, false, true),
        new(new[] { "twilio", "Twilio", "TWILIO" }, SecretType.Twilio, null, CharSets.Alnum, 32, 32, 3.0, false, true),
        new(new[] { "pinecone", "Pinecone", "PINECONE" }, SecretType.Pinecone, null, CharSets.HexDash, 36, 36, 3.0, false, true, null, (t, b, e) => Entropy.IsUuid(t.Substring(b, e - b))),
        new(new[] { "azure", "Azure", "AZURE" }, SecretType.AzureAIKey, null, CharSets.Hex, 32, 32, 3.0, false, true, NamesAzureAIService),
        new(new[] { "discord", "Discord", "DISCORD" }, SecretType.Discord, null, CharSets.TokenDot, 59, 72, 4.0, false, true, null, IsDiscordBotToken),
    };

    /// <summary>Keywords of the keyed formats that all need a credential word in the name: a document with such a key
    /// holds a credential-name fragment (key, token, secret…), which is what the byte prefilter looks for instead of the
    /// provider's name (a common word: comet, discord, pinecone).</summary>
    internal static IEnumerable<string> KeywordsNeedingCredentialWord =>
        KeyedFormats.SelectMany(f => f.Keywords).Distinct().Where(k => KeyedFormats.Where(f => f.Keywords.Contains(k)).All(f => f.SecretWord));

    /// <summary>Words of a name that say the value next to it is not the credential.</summary>
    private static readonly HashSet<string> NotCredentialWords = new(StringComparer.Ordinal)
    {
        "id", "ids", "sid", "sha", "hash", "md5", "digest", "checksum", "revision", "rev", "commit", "model", "models", "name",
        "url", "uri", "endpoint", "host", "version", "path", "file", "dir", "project", "workspace", "org", "region", "user",
        "username", "email", "index", "deployment", "type", "collection", "namespace", "repo", "dataset", "experiment",
        "run", "team", "environment", "env", "public", "pub", "publishable", "example", "dummy", "test", "fake",
    };

    private static readonly HashSet<string> CredentialWords = new(StringComparer.Ordinal)
    {
        "key", "apikey", "token", "secret", "password", "pass", "pwd", "credential", "credentials", "auth", "authtoken",
    };

    private static int Keyed(ScanState s, int at, string keyword, KeyedFormat[] formats)
    {
        string text = s.Text;
        int nameStart = CharSets.RunStart(text, at, Math.Max(s.Start, at - 40), CharSets.NameChars);
        int nameEnd = CharSets.RunEnd(text, at + keyword.Length, Math.Min(s.End, at + keyword.Length + 40), CharSets.NameChars);
        if (nameEnd < s.End && CharSets.NameChars.In(text[nameEnd])) return nameEnd; // not a name: too long
        string name = text.Substring(nameStart, nameEnd - nameStart);
        if (!NameMayHoldCredential(name)) return nameEnd;
        int p = nameEnd;
        int guard = 0;
        while (p < s.End && guard++ < 6 && text[p] is '"' or '\'' or ']' or '`' or ' ' or '\t') p++;
        bool spaced = p > nameEnd && text[p - 1] is ' ' or '\t';
        if (p < s.End && text[p] is '=' or ':' or '(' or ',')
        {
            p++;
            if (p < s.End && text[p] is '>' or '=' or ':') p++;
        }
        else if (!spaced)
        {
            return nameEnd;
        }
        p = SkipQuotesAndBlanks(text, p, s.End);
        // a named argument or key inside: cohere.Client(api_key="…"), AzureOpenAI(api_key="…"), {"key": "…"}
        string? inner = null;
        int q = CharSets.RunEnd(text, p, Math.Min(s.End, p + 30), CharSets.Word);
        if (q > p && q < s.End && CharSets.IsAsciiLetter(text[p]))
        {
            int r = q;
            while (r < s.End && text[r] is '"' or '\'') r++;
            while (r < s.End && text[r] is ' ' or '\t') r++;
            if (r < s.End && text[r] is '=' or ':' && !(r + 1 < s.End && text[r + 1] == '='))
            {
                inner = text.Substring(p, q - p);
                if (!NameMayHoldCredential(inner)) return r;
                p = SkipQuotesAndBlanks(text, r + 1, s.End);
            }
        }
        foreach (var f in formats)
        {
            int end = KeyedValue(s, p, name, inner, f);
            if (end > 0) return end;
        }
        return p;
    }

    /// <summary>
    /// The provider of <paramref name="value"/> stored under <paramref name="name"/> when the name names a provider whose
    /// keys have no prefix (<c>COHERE_API_KEY = "…"</c>, <c>string MistralApiKey = "…"</c>) and the whole value has that
    /// provider's format; null otherwise. For readers that see the name and the value apart (Python, C#, key/value files).
    /// </summary>
    internal static SecretType? KeyedProvider(string name, string value)
    {
        string v = value.Trim();
        if (v.Length < 16 || name.Length > 80 || !NameMayHoldCredential(name)) return null;
        foreach (var f in KeyedFormats)
        {
            bool named = false;
            foreach (var k in f.Keywords) named |= name.IndexOf(k, StringComparison.Ordinal) >= 0;
            if (!named) continue;
            var scan = new ScanState(v, 0, v.Length, new List<SecretMatch>());
            if (KeyedValue(scan, 0, name, null, f) == v.Length) return f.Type;
        }
        return null;
    }

    private static int SkipQuotesAndBlanks(string text, int p, int end)
    {
        int guard = 0;
        while (p < end && guard++ < 6 && text[p] is '"' or '\'' or '`' or ' ' or '\t') p++;
        return p;
    }

    /// <summary>Reads the value at <paramref name="p"/> in format <paramref name="f"/>; its end, or 0 when it is not one.</summary>
    private static int KeyedValue(ScanState s, int p, string name, string? inner, KeyedFormat f)
    {
        string text = s.Text;
        if (f.SecretWord && !SaysCredential(name) && (inner == null || !SaysCredential(inner))) return 0;
        if (f.NameOk != null && !f.NameOk(name + "." + inner)) return 0;
        int body = p;
        if (f.ValuePrefix != null)
        {
            if (p + f.ValuePrefix.Length > s.End || string.CompareOrdinal(text, p, f.ValuePrefix, 0, f.ValuePrefix.Length) != 0) return 0;
            body = p + f.ValuePrefix.Length;
        }
        int end = CharSets.RunEnd(text, body, s.End, f.Set);
        int n = end - body;
        if (n < f.Min || n > f.Max) return 0;
        if (end < s.End && (CharSets.NameChars.In(text[end]) || text[end] is '+' or '/' or '=')) return 0;
        if (f.Mixed && !(HasUpper(text, body, end) && HasLower(text, body, end))) return 0;
        if (!LooksRandom(text, body, end, f.MinEntropy)) return 0;
        if (f.Valid != null && !f.Valid(text, body, end)) return 0;
        s.Results.Add(new SecretMatch(p, end, SecretCategory.Provider, f.Type) { Name = inner ?? name });
        return end;
    }

    private static bool NameMayHoldCredential(string name)
    {
        foreach (var w in SecretNames.Words(name))
        {
            if (NotCredentialWords.Contains(w)) return false;
        }
        return true;
    }

    private static bool SaysCredential(string name)
    {
        foreach (var w in SecretNames.Words(name))
        {
            if (CredentialWords.Contains(w) || CredentialWords.Contains(w.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'))) return true;
        }
        return SecretNames.Classify(name) != SecretNames.NameKind.None;
    }

    /// <summary>An Azure key is an Azure OpenAI / AI services key when the name says which service.</summary>
    private static bool NamesAzureAIService(string name)
    {
        string n = new(name.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        foreach (var service in new[] { "openai", "cognitive", "aiservice", "speech", "vision", "translator", "language", "formrecognizer", "documentintelligence", "contentsafety", "search" })
        {
            if (n.Contains(service)) return true;
        }
        return false;
    }

    /// <summary>A Discord bot token: base64 of the bot's numeric id (a snowflake), a timestamp part and an HMAC, dot-separated.</summary>
    private static bool IsDiscordBotToken(string t, int b, int e)
    {
        int d1 = t.IndexOf('.', b, e - b);
        if (d1 < 0) return false;
        int d2 = t.IndexOf('.', d1 + 1, e - d1 - 1);
        if (d2 < 0 || t.IndexOf('.', d2 + 1, e - d2 - 1) >= 0) return false;
        if (d1 - b is < 23 or > 28 || d2 - d1 - 1 is < 6 or > 7 || e - d2 - 1 is < 27 or > 38) return false;
        string? id = DecodeBase64Loose(t, b, d1);
        return id != null && id.Length is >= 17 and <= 20 && id.All(CharSets.IsDigit);
    }

    private static bool HasUpper(string t, int s, int e)
    {
        for (int i = s; i < e; i++) if (t[i] >= 'A' && t[i] <= 'Z') return true;
        return false;
    }

    private static bool HasLower(string t, int s, int e)
    {
        for (int i = s; i < e; i++) if (t[i] >= 'a' && t[i] <= 'z') return true;
        return false;
    }
}
