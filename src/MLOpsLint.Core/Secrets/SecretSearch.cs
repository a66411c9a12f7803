namespace MLOpsLint.Core.Secrets;

/// <summary>
/// "Find the secrets in this text", for callers outside the credential rules (an output redactor, an editor): every
/// token detector (<see cref="TokenScanner"/>), the values of <c>name = value</c> / <c>name: value</c> pairs stored under
/// credential names (<see cref="KeyValueScanner"/>, <see cref="NamedSecret"/>) and Kubernetes Secret values, overlaps
/// resolved, sorted by position. Pure and thread-safe; offsets index <paramref name="text"/>.
/// </summary>
public static class SecretSearch
{
    public static IReadOnlyList<SecretMatch> Find(string text)
    {
        if (string.IsNullOrEmpty(text)) return Array.Empty<SecretMatch>();
        var matches = new List<SecretMatch>();
        TokenScanner.Scan(text, 0, text.Length, matches);
        KubernetesSecrets.Scan(text, matches);
        var pairs = new List<KeyValue>();
        KeyValueScanner.Scan(text, pairs, shellWords: true);
        foreach (var kv in pairs)
        {
            if (NamedSecret.Evaluate(kv.Key, kv.Value, kv.ValueStart, kv.ValueEnd) is { } m) matches.Add(m);
        }
        return TokenScanner.Resolve(matches);
    }
}
