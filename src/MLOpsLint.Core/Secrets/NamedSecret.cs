namespace MLOpsLint.Core.Secrets;

/// <summary>
/// A value stored under a name: <c>WANDB_API_KEY = "…"</c> (40 hex digits: a Weights &amp; Biases key),
/// <c>"key": "…"</c> in kaggle.json (32 hex digits: a Kaggle key), <c>db_password: …</c> (a password),
/// <c>api_token = "…"</c> (a generic secret when the value looks random).
/// </summary>
public static class NamedSecret
{
    /// <summary>The secret <paramref name="value"/> (at <c>[start, end)</c> of the caller's text) holds under <paramref name="name"/>, or null.</summary>
    public static SecretMatch? Evaluate(string name, string value, int start, int end, double minEntropy = GenericValue.DefaultMinEntropy, string? fileName = null)
    {
        string v = value.Trim();
        if (v.Length == 0) return null;
        string lowerName = name.ToLowerInvariant();
        if (lowerName.Contains("wandb") && (lowerName.Contains("key") || lowerName.Contains("token")) && IsWandbKey(v))
        {
            return new SecretMatch(start, end, SecretCategory.Provider, SecretType.WandB) { Name = name };
        }
        if ((lowerName.Contains("kaggle") && lowerName.Contains("key") || lowerName == "key" && string.Equals(fileName, "kaggle.json", StringComparison.OrdinalIgnoreCase))
            && v.Length == 32 && v.All(c => CharSets.LowerHex.In(c)) && !Entropy.IsRepetitive(v, 0, 32))
        {
            return new SecretMatch(start, end, SecretCategory.Provider, SecretType.Kaggle) { Name = name };
        }
        if (TokenScanner.KeyedProvider(name, v) is { } provider)
        {
            return new SecretMatch(start, end, SecretCategory.Provider, provider) { Name = name };
        }
        var kind = SecretNames.Classify(name);
        if (kind == SecretNames.NameKind.None || !GenericValue.IsSecret(v, kind, minEntropy, name)) return null;
        return new SecretMatch(start, end, SecretCategory.Generic, kind == SecretNames.NameKind.Password ? SecretType.Password : SecretType.Token) { Name = name };
    }

    /// <summary>40 lower-case hex digits (or <c>local-</c> + 40 for a self-hosted server): https://docs.wandb.ai/guides/track/environment-variables.</summary>
    public static bool IsWandbKey(string v)
    {
        string hex = v.StartsWith("local-", StringComparison.Ordinal) ? v.Substring(6) : v;
        return hex.Length == 40 && hex.All(c => CharSets.LowerHex.In(c)) && !Entropy.IsRepetitive(hex, 0, 40) && Entropy.Shannon(hex) >= 3.0;
    }
}
