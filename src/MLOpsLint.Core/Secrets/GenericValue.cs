namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Is a value stored under a credential name (<c>password = "…"</c>, <c>api_key: …</c>) a real secret? Placeholders,
/// references, paths, URLs, sentences and identifiers are not; a password needs some variety, a token some entropy.
/// </summary>
public static class GenericValue
{
    /// <summary>Default minimum Shannon entropy (bits per character) of a token-named value.</summary>
    public const double DefaultMinEntropy = 3.0;

    public static bool IsSecret(string value, SecretNames.NameKind kind, double minEntropy = DefaultMinEntropy)
    {
        string v = value.Trim();
        if (kind == SecretNames.NameKind.None || v.Length == 0) return false;
        if (Placeholders.IsPlaceholder(v)) return false;
        if (LooksLikeNonSecret(v)) return false;
        if (kind == SecretNames.NameKind.Password)
        {
            if (v.Length < 6 || v.Length > 200) return false;
            if (IsIdentifierLike(v)) return false;
            return Entropy.CharacterClasses(v) >= 2 || Entropy.Shannon(v) >= minEntropy;
        }
        if (v.Length < 16 || v.Length > 2000) return false;
        if (Entropy.IsUuid(v)) return false;
        if (Entropy.Shannon(v) < Math.Max(minEntropy, 3.0)) return false;
        return Entropy.CharacterClasses(v) >= 2 || Entropy.IsHex(v);
    }

    /// <summary>Paths, URLs, sentences, e-mail addresses, file names, numbers and dotted names.</summary>
    public static bool LooksLikeNonSecret(string v)
    {
        if (v.IndexOf(' ') >= 0 || v.IndexOf('\t') >= 0 || v.IndexOf('\n') >= 0) return true;
        if (v.StartsWith("/", StringComparison.Ordinal) || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal)
            || v.StartsWith("~/", StringComparison.Ordinal) || v.IndexOf(":\\", StringComparison.Ordinal) == 1) return true;
        if (v.IndexOf("://", StringComparison.Ordinal) >= 0) return true;
        if (v.All(c => CharSets.IsDigit(c) || c == '.' || c == '-' || c == '_')) return true;
        string lower = v.ToLowerInvariant();
        foreach (var ext in new[] { ".txt", ".json", ".pem", ".key", ".crt", ".cer", ".p12", ".pfx", ".yaml", ".yml", ".env", ".cfg", ".ini", ".toml", ".py", ".pub", ".jks" })
        {
            if (lower.EndsWith(ext, StringComparison.Ordinal)) return true;
        }
        if (v.IndexOf('@') > 0 && v.IndexOf('.') > v.IndexOf('@')) return true; // e-mail
        return false;
    }

    /// <summary>Lower-case words or identifiers (<c>user_password</c>, <c>db.password</c>, <c>hunter</c>): names, not passwords.</summary>
    public static bool IsIdentifierLike(string v)
    {
        bool allLowerOrSep = v.All(c => (c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '.');
        if (allLowerOrSep) return true;
        bool allUpperOrSep = v.All(c => (c >= 'A' && c <= 'Z') || c == '_' || c == '-' || c == '.' || CharSets.IsDigit(c));
        if (allUpperOrSep && v.IndexOf('_') >= 0) return true;
        // camelCase identifier without digits: passwordField, getToken
        return v.All(CharSets.IsAsciiLetter) && char.IsLower(v[0]) && v.Length <= 24 && Entropy.Shannon(v) < 3.6;
    }
}
