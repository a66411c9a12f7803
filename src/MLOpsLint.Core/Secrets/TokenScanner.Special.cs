namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Provider formats whose keyword sits inside the token rather than at its start (Entra ID's <c>Q~</c>, the
/// <c>JQQJ9</c> signature of Azure's identifiable keys, Terraform's <c>.atlasv1.</c>, Telegram's <c>:AA</c>), or that
/// carry a checksum of their own (GitLab's routable tokens).
/// </summary>
public static partial class TokenScanner
{
    /// <summary>
    /// Microsoft Entra ID (Azure AD) client secrets: 3 characters, a version digit, <c>Q~</c>, 31–34 characters of
    /// <c>[A-Za-z0-9_~.-]</c> (Microsoft security-utilities SEC101/156; gitleaks <c>azure-ad-client-secret</c>).
    /// </summary>
    private static int EntraClientSecret(ScanState s, int at)
    {
        int start = at - 4;
        if (start < s.Start || !CharSets.IsDigit(s.Text[at - 1])) return at + 2;
        for (int i = start; i < at - 1; i++)
        {
            if (!CharSets.EntraSecret.In(s.Text[i]) || s.Text[i] == '-') return at + 2;
        }
        if (start > s.Start && (CharSets.EntraSecret.In(s.Text[start - 1]) || s.Text[start - 1] is '+' or '/')) return at + 2;
        int end = CharSets.RunEnd(s.Text, at + 2, s.End, CharSets.EntraSecret);
        if (end - at - 2 is < 31 or > 34 || end < s.End && s.Text[end] is '+' or '/' or '=') return end;
        if (!LooksRandom(s.Text, start, end, 4.0) || !HasUpper(s.Text, at + 2, end) || !HasLower(s.Text, at + 2, end)) return end;
        s.Add(start, end, SecretCategory.Provider, SecretType.AzureAdClientSecret);
        return end;
    }

    /// <summary>
    /// Azure's identifiable keys (Azure OpenAI, AI services, Cognitive Services since 2024): 84 base62 characters with
    /// the signature <c>JQQJ9</c> at offset 52, then <c>9</c>/<c>D</c>/<c>H</c>, a character, a letter A–L (the
    /// provider code), 16, a letter and 7 more (Microsoft security-utilities, SEC101/200
    /// "UnclassifiedLegacyCommonAnnotatedSecurityKey").
    /// </summary>
    private static int AzureIdentifiableKey(ScanState s, int at)
    {
        int start = at - 52;
        if (start < s.Start || CharSets.RunStart(s.Text, at, start, CharSets.Alnum) != start) return at + 5;
        if (start > s.Start && CharSets.Alnum.In(s.Text[start - 1])) return at + 5;
        int end = at + 32;
        if (end > s.End || CharSets.RunEnd(s.Text, at, end, CharSets.Alnum) != end) return at + 5;
        char version = s.Text[at + 5], provider = s.Text[at + 7], letter = s.Text[at + 24];
        if (version is not ('9' or 'D' or 'H') || provider is < 'A' or > 'L' || !CharSets.IsAsciiLetter(letter)) return end;
        if (end + 4 <= s.End && CharSets.Alnum.In(s.Text[end]) && CharSets.Alnum.In(s.Text[end + 1]) && s.Text[end + 2] == '=' && s.Text[end + 3] == '=') end += 4;
        if (end < s.End && (CharSets.Word.In(s.Text[end]) || s.Text[end] is '+' or '/' or '=')) return end;
        if (!LooksRandom(s.Text, start, at, 4.0)) return end;
        s.Add(start, end, SecretCategory.Provider, SecretType.AzureAIKey);
        return end;
    }

    /// <summary>GitLab token prefixes and the body length of their legacy (pre-routable) form
    /// (https://docs.gitlab.com/security/tokens/#token-prefixes).</summary>
    private static readonly (string Prefix, int Length)[] GitLabPrefixes =
    {
        ("glpat-", 20), ("gldt-", 20), ("glrt-", 20), ("glptt-", 40), ("gloas-", 64), ("glagent-", 50), ("glsoat-", 20), ("glimt-", 25),
    };

    /// <summary>
    /// GitLab tokens: the prefix and a legacy body of fixed length, or a routable token
    /// <c>prefix + base64url payload + .01. + 2 base36 (payload length) + 7 base36 (CRC32 of everything before)</c>
    /// (gitlab lib/authn/token_field/generator/routable_token.rb); the CRC must hold.
    /// </summary>
    private static int GitLab(ScanState s, int at, int legacyLength, int prefixLength)
    {
        if (!s.BoundaryBefore(at, CharSets.Word)) return at + 1;
        int body = at + prefixLength;
        int end = CharSets.RunEnd(s.Text, body, s.End, CharSets.Base64Url);
        if (end + 4 < s.End && s.Text[end] == '.' && s.Text[end + 1] == '0' && s.Text[end + 3] == '.')
        {
            int tail = CharSets.RunEnd(s.Text, end + 4, s.End, CharSets.LowerAlnum);
            if (tail - end - 4 != 9 || tail < s.End && (CharSets.Word.In(s.Text[tail]) || s.Text[tail] == '-')) return tail;
            uint crc = Checksums.Crc32(s.Text, at, tail - 7 - at);
            if (Base36(crc, 7) != s.Sub(tail - 7, tail) || !LooksRandom(s.Text, body, end, 3.5)) return tail;
            s.Add(at, tail, SecretCategory.Provider, SecretType.GitLab);
            return tail;
        }
        if (end - body != legacyLength || end < s.End && s.Text[end] == '.') return end;
        if (!LooksRandom(s.Text, body, end, 3.5)) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.GitLab);
        return end;
    }

    internal static string Base36(uint value, int width)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var chars = new char[Math.Max(width, 7)];
        int i = chars.Length;
        ulong v = value;
        do
        {
            chars[--i] = digits[(int)(v % 36)];
            v /= 36;
        }
        while (v > 0);
        while (chars.Length - i < width) chars[--i] = '0';
        return new string(chars, i, chars.Length - i);
    }

    /// <summary>HCP Terraform / Terraform Cloud API tokens: 14 base62, <c>.atlasv1.</c>, 60–70 more
    /// (gitleaks <c>hashicorp-tf-api-token</c>, trufflehog <c>terraformcloudpersonaltoken</c>).</summary>
    private static int TerraformCloud(ScanState s, int at)
    {
        int start = at - 14;
        if (start < s.Start || CharSets.RunStart(s.Text, at, Math.Max(s.Start, at - 20), CharSets.Alnum) != start) return at + 9;
        int end = CharSets.RunEnd(s.Text, at + 9, s.End, CharSets.Base64Url);
        while (end < s.End && s.Text[end] == '=' && end - at < 90) end++;
        if (end - at - 9 is < 60 or > 70 || end < s.End && CharSets.Word.In(s.Text[end])) return end;
        if (!LooksRandom(s.Text, at + 9, end, 4.0) || !LooksRandom(s.Text, start, at, 3.0)) return end;
        s.Add(start, end, SecretCategory.Provider, SecretType.TerraformCloud);
        return end;
    }

    /// <summary>Telegram bot tokens: the bot's numeric id (8–10 digits), <c>:</c>, 35 characters starting <c>AA</c>
    /// (https://core.telegram.org/bots/api#authorizing-your-bot; gitleaks <c>telegram-bot-api-token</c>).</summary>
    private static int Telegram(ScanState s, int at)
    {
        int start = CharSets.RunStart(s.Text, at, Math.Max(s.Start, at - 12), CharSets.Alnum);
        if (at - start is < 8 or > 10) return at + 3;
        for (int i = start; i < at; i++) if (!CharSets.IsDigit(s.Text[i])) return at + 3;
        if (start > s.Start && (CharSets.Word.In(s.Text[start - 1]) || s.Text[start - 1] is ':' or '-')) return at + 3;
        int end = CharSets.RunEnd(s.Text, at + 1, s.End, CharSets.Base64Url);
        if (end - at - 1 != 35 || end < s.End && s.Text[end] is '.' or '=' or '+' or '/') return end;
        if (!LooksRandom(s.Text, at + 3, end, 3.8) || Entropy.IsSequential(s.Text, start, at)) return end;
        s.Add(start, end, SecretCategory.Provider, SecretType.Telegram);
        return end;
    }

    /// <summary>Slack app-level tokens: <c>xapp-1-A…-&lt;digits&gt;-&lt;64 hex&gt;</c> (https://api.slack.com/concepts/token-types).</summary>
    private static int SlackApp(ScanState s, int at)
    {
        if (!s.BoundaryBefore(at, CharSets.Alnum)) return at + 5;
        int p = at + 5;
        if (p + 2 > s.End || !CharSets.IsDigit(s.Text[p]) || s.Text[p + 1] != '-') return p;
        int app = CharSets.RunEnd(s.Text, p + 2, s.End, CharSets.UpperAlnum);
        if (app - p - 2 is < 9 or > 14 || app >= s.End || s.Text[app] != '-') return app;
        int id = CharSets.RunEnd(s.Text, app + 1, s.End, CharSets.UpperAlnum);
        if (id - app - 1 is < 8 or > 14 || id >= s.End || s.Text[id] != '-') return id;
        for (int i = app + 1; i < id; i++) if (!CharSets.IsDigit(s.Text[i])) return id;
        int end = CharSets.RunEnd(s.Text, id + 1, s.End, CharSets.LowerHex);
        if (end - id - 1 != 64 || !s.BoundaryAfter(end, CharSets.Word)) return end;
        if (!LooksRandom(s.Text, id + 1, end, 3.0) || Entropy.IsSequential(s.Text, app + 1, id)) return end;
        s.Add(at, end, SecretCategory.Provider, SecretType.SlackToken);
        return end;
    }
}
