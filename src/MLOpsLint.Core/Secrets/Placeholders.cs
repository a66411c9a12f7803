namespace MLOpsLint.Core.Secrets;

/// <summary>
/// Values that stand for a secret without being one: environment and template references (<c>$VAR</c>,
/// <c>${VAR}</c>, <c>{{ secrets.X }}</c>, <c>%(password)s</c>, <c>%VAR%</c>), documentation placeholders
/// (<c>YOUR_API_KEY</c>, <c>&lt;token&gt;</c>, <c>xxxx</c>, <c>changeme</c>, <c>***</c>, <c>...</c>), and
/// obviously fake test values (<c>dummy</c>, <c>example</c>, AWS's documented example keys).
/// </summary>
public static class Placeholders
{
    /// <summary>Whole values that are never a real secret.</summary>
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "token", "apikey", "api_key", "api-key", "key", "private_key",
        "admin", "root", "user", "username", "guest", "default", "none", "null", "nil", "undefined", "empty", "string",
        "str", "value", "foo", "bar", "baz", "qux", "foobar", "abc", "abc123", "abcdef", "123", "1234", "12345",
        "123456", "1234567", "12345678", "123456789", "1234567890", "password1", "password123", "test", "testing",
        "demo", "hello", "secret123", "mysecret", "mypassword", "supersecret", "s3cr3t", "p@ssw0rd", "passw0rd",
        "letmein", "qwerty", "hunter2", "true", "false", "yes", "no", "on", "off", "required", "optional",
        "sk-...", "hf_...", "ghp_...",
    };

    /// <summary>Fragments that mark a value as a placeholder or a fake (compared case-insensitively).</summary>
    private static readonly string[] Fragments =
    {
        "your", "example", "sample", "dummy", "placeholder", "changeme", "change_me", "change-me", "changeit",
        "fake", "mock", "redacted", "replace", "insert", "xxxx", "XXXX", "****", "...", "…", "todo", "fixme", "password", "passwd",
        "<", ">", "${", "{{", "}}", "%(", "secret_here", "token_here", "key_here", "here", "notreal", "not_real",
        "not-a-", "not_a_", "invalid", "testkey", "test_key", "test-key", "testtoken", "test_token", "testpass",
        "test_pass", "test-pass", "testsecret", "test_secret", "dev_only", "devonly", "insecure",
    };

    /// <summary>Prefixes of references to a secret kept elsewhere (a vault, a secret manager, a file).</summary>
    private static readonly string[] ReferencePrefixes =
    {
        "$", "env:", "env.", "secret:", "secrets.", "vault:", "arn:", "projects/", "@microsoft.keyvault", "op://",
        "ssm:", "secretsmanager:", "sm://", "gcp-secret:", "azurekeyvault:", "keyring:", "file:", "!env", "!secret",
        "process.env", "os.environ", "os.getenv", "environment.", "context.",
    };

    /// <summary>True when <paramref name="value"/> is a placeholder, a reference or a fake, not a secret.</summary>
    public static bool IsPlaceholder(string value)
    {
        string v = value.Trim();
        if (v.Length < 3) return true;
        if (Words.Contains(v) || IsDocumentedExample(v)) return true;
        if (v.StartsWith("%", StringComparison.Ordinal) && v.EndsWith("%", StringComparison.Ordinal)) return true; // %VAR%
        if (v[0] == '{' && v[v.Length - 1] == '}') return true; // {password}
        if (v[0] == '[' && v[v.Length - 1] == ']') return true; // [token]
        if (v[0] == '(' && v[v.Length - 1] == ')') return true;
        foreach (var p in ReferencePrefixes)
        {
            if (v.StartsWith(p, StringComparison.OrdinalIgnoreCase)) return true;
        }
        foreach (var f in Fragments)
        {
            if (v.IndexOf(f, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        }
        if (IsMaskOnly(v)) return true;
        if (Entropy.IsRepetitive(v, 0, v.Length)) return true;
        if (Entropy.IsSequential(v, 0, v.Length)) return true;
        if (IsEnvironmentVariableName(v)) return true;
        if (IsTestWord(v)) return true;
        return false;
    }

    /// <summary>Only mask characters: <c>***</c>, <c>xxx</c>, <c>...</c>, <c>---</c>, <c>•••</c>.</summary>
    public static bool IsMaskOnly(string v)
    {
        foreach (char c in v)
        {
            if (c is not ('*' or 'x' or 'X' or '.' or '-' or '_' or '#' or '•' or '…' or '0' or ' ')) return false;
        }
        return true;
    }

    /// <summary><c>GITHUB_TOKEN</c>, <c>HF_TOKEN</c>: the name of the variable that holds the secret, not the secret.</summary>
    public static bool IsEnvironmentVariableName(string v)
    {
        if (v.Length == 0 || !(v[0] >= 'A' && v[0] <= 'Z')) return false;
        bool underscore = false;
        foreach (char c in v)
        {
            if (c == '_') underscore = true;
            else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
        }
        return underscore || v.Length <= 12;
    }

    /// <summary>"test", "dummy" and the like as a whole word of the value (<c>test-password</c>, <c>my_dummy_token</c>).</summary>
    private static bool IsTestWord(string v)
    {
        foreach (var w in new[] { "test", "dummy", "fake", "example", "sample", "demo", "mock" })
        {
            if (v.StartsWith(w, StringComparison.OrdinalIgnoreCase) || v.EndsWith(w, StringComparison.OrdinalIgnoreCase)) return true;
        }
        foreach (var w in SecretNames.Words(v))
        {
            if (w is "test" or "tests" or "dummy" or "fake" or "example" or "sample" or "demo" or "mock" or "stub" or "bogus" or "fixture") return true;
        }
        return false;
    }

    /// <summary>Example values printed in providers' documentation: AWS's example key pair and anything marked
    /// <c>EXAMPLE</c> (https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html), the public Azurite
    /// development key, Telegram's example bot token (https://core.telegram.org/bots/api#authorizing-your-bot).</summary>
    public static bool IsDocumentedExample(string token) =>
        token.IndexOf("EXAMPLE", StringComparison.Ordinal) >= 0 || DocumentedExamples.Contains(token);

    private static readonly HashSet<string> DocumentedExamples = new(StringComparer.Ordinal)
    {
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
    };
}
