namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Is a value stored under a credential name (<c>password = "…"</c>, <c>api_key: …</c>) a real secret? Placeholders,
/// references, paths, URLs, sentences and identifiers are not; a password needs some variety, a token some entropy.
/// </summary>
public static class GenericValue
{
    /// <summary>Default minimum Shannon entropy (bits per character) of a token-named value.</summary>
    public const double DefaultMinEntropy = 3.0;

    public static bool IsSecret(string value, SecretNames.NameKind kind, double minEntropy = DefaultMinEntropy, string? name = null)
    {
        string v = value.Trim();
        if (kind == SecretNames.NameKind.None || v.Length == 0) return false;
        if (Placeholders.IsPlaceholder(v)) return false;
        if (LooksLikeNonSecret(v)) return false;
        if (IsIdentifierLike(v) || IsWordy(v)) return false;
        if (name != null && Normalise(name) == Normalise(v)) return false; // PassStateEntered = "PassStateEntered"
        if (IsEncodedJson(v)) return false; // base64 of a JSON object: a pagination or state token, not a key
        if (kind == SecretNames.NameKind.Password)
        {
            if (v.Length < 6 || v.Length > 200) return false;
            return Entropy.CharacterClasses(v) >= 2 || Entropy.Shannon(v) >= minEntropy;
        }
        if (v.Length < 16 || v.Length > 2000) return false;
        if (Entropy.IsUuid(v)) return false;
        if (Entropy.Shannon(v) < Math.Max(minEntropy, 3.0)) return false;
        return Entropy.CharacterClasses(v) >= 2 || Entropy.IsHex(v);
    }

    private static string Normalise(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Words joined: <c>DistributionList.NextMarker</c>, <c>Incorrect</c>, <c>contents[].Key</c> — letters only, at most a
    /// third of them capitals. Random tokens have digits or about as many capitals as lower-case letters.</summary>
    public static bool IsWordy(string v)
    {
        int letters = 0, upper = 0;
        foreach (char c in v)
        {
            if (CharSets.IsDigit(c)) return false;
            if (CharSets.IsAsciiLetter(c))
            {
                letters++;
                if (c >= 'A' && c <= 'Z') upper++;
            }
            else if (c is not ('.' or '_' or '-' or '[' or ']' or '*' or ':' or '/')) return false;
        }
        if (letters == 0) return true;
        return upper * 3 <= letters;
    }

    /// <summary><c>eyJ…</c> that decodes to a JSON object (one part: not a JWT).</summary>
    private static bool IsEncodedJson(string v)
    {
        if (!v.StartsWith("eyJ", StringComparison.Ordinal) || v.IndexOf('.') >= 0) return false;
        string trimmed = v.TrimEnd('=');
        string? decoded = TokenScanner.DecodeBase64Url(trimmed.Replace('+', '-').Replace('/', '_'), 0, trimmed.Length);
        return decoded != null && decoded.StartsWith("{", StringComparison.Ordinal);
    }

    /// <summary>Paths, URLs, sentences, e-mail addresses, file names, numbers and dotted names.</summary>
    public static bool LooksLikeNonSecret(string v)
    {
        if (v.IndexOf(' ') >= 0 || v.IndexOf('\t') >= 0 || v.IndexOf('\n') >= 0) return true;
        if (v.StartsWith("/", StringComparison.Ordinal) || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal)
            || v.StartsWith("~/", StringComparison.Ordinal) || v.IndexOf(":\\", StringComparison.Ordinal) == 1) return true;
        if (v.IndexOf("://", StringComparison.Ordinal) >= 0) return true;
        if (v.All(c => CharSets.IsDigit(c) || c == '.' || c == '-' || c == '_')) return true;
        // a conda spec's version and build string after the package name (- pydata-google-auth=1.2.0=pyhd3eb1b0_0 in an
        // environment.yml: the name holds "auth", the value is a version)
        int eq = v.IndexOf('=');
        if (eq > 2 && CharSets.IsDigit(v[0]) && v.IndexOf('.') is int dot && dot > 0 && dot < eq
            && v.Take(eq).All(c => CharSets.IsDigit(c) || c == '.' || c == '*')) return true;
        string lower = v.ToLowerInvariant();
        foreach (var ext in new[] { ".txt", ".json", ".pem", ".key", ".crt", ".cer", ".p12", ".pfx", ".yaml", ".yml", ".env", ".cfg", ".ini", ".toml", ".py", ".pub", ".jks" })
        {
            if (lower.EndsWith(ext, StringComparison.Ordinal)) return true;
        }
        if (v.IndexOf('@') > 0 && v.IndexOf('.') > v.IndexOf('@')) return true; // e-mail
        if (v.Length >= 10 && CharSets.IsDigit(v[0]) && CharSets.IsDigit(v[3]) && v[4] == '-') return true; // 2016-09-03T…: a date
        foreach (var re in new[] { "]+", "]*", "]{", "\\d", "\\w", "\\s", "(?:", "(?P<", "^[" })
        {
            if (v.IndexOf(re, StringComparison.Ordinal) >= 0) return true; // a regular expression
        }
        return false;
    }

    /// <summary>Lower-case words or identifiers (<c>user_password</c>, <c>db.password</c>, <c>hunter</c>): names, not passwords.</summary>
    public static bool IsIdentifierLike(string v)
    {
        if (v.Length == 0) return true;
        bool allLowerOrSep = v.All(c => (c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '.');
        if (allLowerOrSep) return true;
        bool allUpperOrSep = v.All(c => (c >= 'A' && c <= 'Z') || c == '_' || c == '-' || c == '.' || CharSets.IsDigit(c));
        if (allUpperOrSep && v.IndexOf('_') >= 0) return true;
        // camelCase identifier without digits: passwordField, getToken
        return v.All(CharSets.IsAsciiLetter) && char.IsLower(v[0]) && v.Length <= 24 && Entropy.Shannon(v) < 3.6;
    }
}
