namespace MLOpsLint.Core.Secrets;

/// <summary>What a secret is stored under: is a variable, key or parameter name one that holds a credential?</summary>
public static class SecretNames
{
    public enum NameKind
    {
        None,
        /// <summary>password, passwd, pwd, passphrase: any non-trivial value is a secret.</summary>
        Password,
        /// <summary>secret, token, api_key, access_key…: a secret when the value looks random.</summary>
        Token,
    }

    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "pass", "passw", "pword",
    };

    private static readonly HashSet<string> TokenWords = new(StringComparer.Ordinal)
    {
        "secret", "token", "apikey", "accesskey", "secretkey", "privatekey", "accountkey", "authkey", "masterkey",
        "signingkey", "sharedkey", "clientsecret", "accesstoken", "authtoken", "bearer", "credential", "credentials", "creds",
    };

    /// <summary>Words that say the name holds something about a secret, not the secret itself.</summary>
    private static readonly HashSet<string> Exclusions = new(StringComparer.Ordinal)
    {
        "name", "names", "file", "filename", "files", "path", "paths", "dir", "url", "uri", "endpoint", "env", "var",
        "field", "fields", "prompt", "label", "type", "types", "id", "ids", "len", "length", "size", "count", "max",
        "min", "num", "limit", "expiry", "expires", "expiration", "exp", "ttl", "timeout", "header", "headers",
        "prefix", "suffix", "pattern", "regex", "re", "format", "fmt", "template", "placeholder", "hint", "help",
        "message", "msg", "error", "errors", "policy", "strength", "reset", "hash", "hashed", "salt", "rotation",
        "location", "mode", "kind", "class", "scope", "scopes", "provider", "source", "store", "manager", "backend",
        "cache", "index", "idx", "pos", "position", "column", "col", "input", "widget", "attr", "param", "arg",
        "args", "kwargs", "required", "enabled", "enable", "disable", "disabled", "valid", "is", "has", "use",
        "should", "check", "verify", "validate", "validator", "encrypted", "encoding", "encoded", "length", "chars",
        "lifetime", "refresh", "uri", "ref", "reference", "key", "keys", "table", "column", "bucket", "region",
        "version", "alias", "arn", "description", "desc", "doc", "title", "text", "regexp", "method", "methods",
        "auth", "login", "user", "username", "tokenizer", "tokens", "callback", "handler", "func", "fn", "getter",
        "setter", "property", "keyring", "vault", "kms", "sha", "md5", "digest", "checksum", "fingerprint", "public",
        "pub", "cert", "certificate", "test", "dummy", "fake", "example", "sample", "mock", "default", "defaults",
        "option", "options", "config", "setting", "settings", "command", "cmd", "flag", "mask", "masked", "hidden",
        "show", "confirm", "confirmation", "old", "current", "generated", "generator", "random", "last", "used",
        "date", "time", "created", "changed", "updated", "age", "entered", "exited", "state", "status", "event", "events",
        "wait", "waiting", "request", "requests", "response", "next", "continuation", "marker", "page", "pagination", "output",
        "csrf", "xsrf", // anti-forgery tokens: per-session nonces, not credentials
    };

    /// <summary>Classifies a variable/key name: <c>DB_PASSWORD</c> → Password, <c>hfToken</c> → Token,
    /// <c>max_tokens</c>, <c>token_url</c>, <c>password_field</c> → None.</summary>
    public static NameKind Classify(string? name)
    {
        if (string.IsNullOrEmpty(name) || name!.Length > 80 || name.IndexOf("::", StringComparison.Ordinal) >= 0) return NameKind.None; // AWS::IAM::AccessKey: a type name
        var words = Words(name).ToList();
        if (words.Count == 0) return NameKind.None;
        var kind = NameKind.None;
        for (int i = 0; i < words.Count; i++)
        {
            string raw = words[i];
            string w = TrimDigits(raw); // password2, access_token1
            if (Exclusions.Contains(raw) || Exclusions.Contains(w))
            {
                // "api key" pairs: the word "key" after api/access/secret/private is the secret itself
                if (w == "key" && i > 0 && words[i - 1] is "api" or "access" or "secret" or "private" or "account" or "auth"
                    or "master" or "signing" or "shared" or "encryption" or "subscription" or "client" or "app" or "service" or "write" or "read" or "admin")
                {
                    if (kind == NameKind.None) kind = NameKind.Token;
                    continue;
                }
                if (w == "auth")
                {
                    if (kind == NameKind.None) kind = NameKind.Token; // auth, user_auth (auth_url, auth_type: excluded by their other word)
                    continue;
                }
                if (w == "user" || w == "username" || w == "login") continue; // user_password
                return NameKind.None;
            }
            if (PasswordWords.Contains(w)) kind = NameKind.Password;
            else if (TokenWords.Contains(w) && kind == NameKind.None) kind = NameKind.Token;
        }
        return kind;
    }

    private static string TrimDigits(string w)
    {
        int n = w.Length;
        while (n > 0 && CharSets.IsDigit(w[n - 1])) n--;
        return n == w.Length || n == 0 ? w : w.Substring(0, n);
    }

    /// <summary>Lower-case words of an identifier: snake_case, kebab-case, camelCase, dotted, spaced.</summary>
    public static IEnumerable<string> Words(string name)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool letterOrDigit = char.IsLetterOrDigit(c);
            bool boundary = !letterOrDigit
                || (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))));
            if (boundary && sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
            if (letterOrDigit) sb.Append(char.ToLowerInvariant(c));
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    /// <summary>Lower-case pieces of every word <see cref="Classify"/> takes for a secret name (the provider names
    /// <see cref="NamedSecret"/> reads, wandb and kaggle, come with a <c>key</c> or <c>token</c>): a name without one
    /// is never a secret name. The prefilters and the readers' quick tests search for these.</summary>
    public static readonly string[] Fragments = { "pass", "pwd", "pword", "secret", "token", "key", "credential", "bearer", "creds", "auth" };

    /// <summary>A quick test before <see cref="Classify"/>: the name contains one of the <see cref="Fragments"/>.</summary>
    public static bool MayBeSecretName(string text, int start, int end) => IndexOfFragment(text, start, end) >= 0;

#if NET8_0_OR_GREATER
    /// <summary>The fragments in any case, searched in one vectorised pass; a place it stops at is then tested as
    /// <see cref="Has"/> tests it, so the answer keeps to ASCII case whatever .NET's case-insensitive search folds
    /// (on .NET 10 it does not take ſ, ı or the Kelvin sign for s, i, k; the tests check both).</summary>
    private static readonly System.Buffers.SearchValues<string> FragmentSearch = System.Buffers.SearchValues.Create(Fragments, StringComparison.OrdinalIgnoreCase);
#endif

    /// <summary>Where the first of the <see cref="Fragments"/> (ASCII letters in any case) starts in
    /// <c>text[start..end)</c>, or -1. Every fragment is letters only, so an occurrence never spans two lines.</summary>
    internal static int IndexOfFragment(string text, int start, int end)
    {
#if NET8_0_OR_GREATER
        int i = start;
        while (end - i >= 3)
        {
            int k = text.AsSpan(i, end - i).IndexOfAny(FragmentSearch);
            if (k < 0) return -1;
            i += k;
            foreach (string fragment in Fragments)
            {
                if (Has(text, i, end, fragment)) return i;
            }
            i++;
        }
        return -1;
#else
        for (int i = start; i + 3 <= end; i++)
        {
            foreach (string fragment in Fragments)
            {
                if (Has(text, i, end, fragment)) return i;
            }
        }
        return -1;
#endif
    }

    private static bool Has(string text, int i, int end, string w)
    {
        if (i + w.Length > end) return false;
        for (int k = 0; k < w.Length; k++)
        {
            if ((char)(text[i + k] | 0x20) != w[k]) return false;
        }
        return true;
    }
}
