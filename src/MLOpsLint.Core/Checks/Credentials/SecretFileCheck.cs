using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Core.Checks.Credentials;

/// <summary>
/// MLO405: a file that exists to hold credentials is committed. Decided by name and, where the name alone does not
/// say it, by content: a <c>.env</c> with a secret-named key holding a real value (a <c>.env.example</c> and a
/// <c>.env</c> of empty or placeholder values are fine), <c>kaggle.json</c> with a key, a Google
/// <c>credentials.json</c>/<c>client_secret*.json</c> or any service-account JSON, <c>.netrc</c>/<c>.pypirc</c>/
/// <c>.pgpass</c>/<c>.npmrc</c>/<c>.git-credentials</c> with a password or token, AWS <c>credentials</c>, SSH and TLS
/// private keys (<c>id_rsa</c>, <c>*.pem</c>, <c>*.key</c> holding a private key; <c>*.p12</c>, <c>*.pfx</c>,
/// <c>*.jks</c> keystores), and <c>.dvc/config</c> with cloud credentials. One whole-file finding per file; the
/// values themselves are reported by MLO401–MLO404 where they are.
/// </summary>
public sealed class SecretFileCheck : IDocumentCheck
{
    private static readonly string[] ExampleSuffixes = { "example", "sample", "template", "tmpl", "tpl", "dist", "default", "defaults", "schema", "test", "ci", "skeleton", "placeholder" };

    private static readonly string[] KeyStoreExtensions = { ".p12", ".pfx", ".jks", ".keystore", ".ppk" };

    private static readonly string[] SshKeyNames = { "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk", "identity" };

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO405 };

    public bool AppliesTo(SourceDocument document) => Classify(document.Path) != FileType.None;

    /// <summary>A file whose whole content is a private key (id_rsa, *.pem, *.key): MLO405 reports it once, MLO402 not again.</summary>
    internal static bool IsKeyFile(string path) => Classify(path) is FileType.SshKey or FileType.PemOrKey;

    private enum FileType
    {
        None,
        DotEnv,
        Kaggle,
        GoogleCredentials,
        Json,
        Netrc,
        Pypirc,
        Pgpass,
        Npmrc,
        GitCredentials,
        AwsCredentials,
        SshKey,
        PemOrKey,
        KeyStore,
        DvcConfig,
    }

    private static FileType Classify(string path)
    {
        string name = DocumentClassifier.FileName(path);
        string lower = name.ToLowerInvariant();
        string p = path.Replace('\\', '/');
        if (lower == ".env" || lower.StartsWith(".env.", StringComparison.Ordinal) || lower.EndsWith(".env", StringComparison.Ordinal) && lower.Length > 4)
        {
            return IsExample(lower) ? FileType.None : FileType.DotEnv;
        }
        if (lower == "kaggle.json") return FileType.Kaggle;
        if (lower is "credentials.json" or "application_default_credentials.json" || lower.StartsWith("client_secret", StringComparison.Ordinal) && lower.EndsWith(".json", StringComparison.Ordinal))
        {
            return IsExample(lower) ? FileType.None : FileType.GoogleCredentials;
        }
        if (lower.EndsWith(".json", StringComparison.Ordinal)) return FileType.Json;
        if (lower is ".netrc" or "_netrc") return FileType.Netrc;
        if (lower == ".pypirc") return FileType.Pypirc;
        if (lower == ".pgpass") return FileType.Pgpass;
        if (lower == ".npmrc") return FileType.Npmrc;
        if (lower == ".git-credentials") return FileType.GitCredentials;
        if (lower == "credentials" && (p.EndsWith(".aws/credentials", StringComparison.OrdinalIgnoreCase) || p == "credentials")) return FileType.AwsCredentials;
        if (SshKeyNames.Contains(lower)) return FileType.SshKey;
        string ext = DocumentClassifier.Extension(lower);
        if (ext is ".pem" or ".key") return FileType.PemOrKey;
        if (KeyStoreExtensions.Contains(ext)) return FileType.KeyStore;
        if (p.EndsWith(".dvc/config", StringComparison.Ordinal) || p.EndsWith(".dvc/config.local", StringComparison.Ordinal) || p == ".dvc/config") return FileType.DvcConfig;
        return FileType.None;
    }

    private static bool IsExample(string lower)
    {
        foreach (var s in ExampleSuffixes)
        {
            if (lower.Contains("." + s) || lower.Contains("_" + s) || lower.Contains("-" + s) || lower.StartsWith(s, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    public void Check(SourceDocument document, CheckContext context)
    {
        var type = Classify(document.Path);
        string? why = type switch
        {
            FileType.KeyStore => document.Size > 0 ? "a key store (it holds private keys)" : null,
            _ when !document.HasText => null,
            FileType.DotEnv => DotEnv(document.Text),
            FileType.Kaggle => NamedValue(document.Text, "key") ? "Kaggle API credentials (kaggle.json with a key)" : null,
            FileType.GoogleCredentials => GoogleCredentials(document.Text),
            FileType.Json => ServiceAccount(document.Text) ? "a Google Cloud service-account key" : null,
            FileType.Netrc => Words(document.Text, "password") ? ".netrc with a password" : null,
            FileType.Pypirc => NamedValue(document.Text, "password") ? ".pypirc with a password" : null,
            FileType.Pgpass => Pgpass(document.Text) ? ".pgpass with a password" : null,
            FileType.Npmrc => NamedValue(document.Text, "_authToken") || NamedValue(document.Text, "_password") || NamedValue(document.Text, "_auth") ? ".npmrc with an auth token" : null,
            FileType.GitCredentials => document.Text.Contains("@") && document.Text.Contains("://") ? "git credential store with passwords" : null,
            FileType.AwsCredentials => NamedValue(document.Text, "aws_secret_access_key") ? "AWS shared credentials file with a secret access key" : null,
            FileType.SshKey => HasPrivateKey(document.Text) ? "an SSH private key" : null,
            FileType.PemOrKey => HasPrivateKey(document.Text) ? "a private key file" : null,
            FileType.DvcConfig => DvcConfig(document.Text),
            _ => null,
        };
        if (why == null) return;
        context.Report(new Finding(RuleCatalog.MLO405, document.Path, SourceSpan.WholeFile, $"Secret-bearing file committed: {why}")
        {
            IsSensitive = true,
            FingerprintContent = "secret file|" + type,
            FixHint = FixFor(type, document.Path),
        });
    }

    private static string FixFor(FileType type, string path) => type switch
    {
        FileType.DotEnv => $"git rm --cached {path}, add it to .gitignore, commit a .env.example with the keys and empty values, and rotate the secrets it held.",
        FileType.Kaggle => $"git rm --cached {path} and keep kaggle.json in ~/.kaggle/ (chmod 600), or set KAGGLE_USERNAME/KAGGLE_KEY; expire the token at https://www.kaggle.com/settings.",
        FileType.GoogleCredentials or FileType.Json => $"git rm --cached {path}, delete the key in the Google Cloud console, and point GOOGLE_APPLICATION_CREDENTIALS at a file outside the repository (or use workload identity).",
        FileType.SshKey or FileType.PemOrKey or FileType.KeyStore => $"git rm --cached {path}, replace the key pair (the old one is public now), and load keys from outside the repository.",
        FileType.DvcConfig => $"Move the credentials to .dvc/config.local (git-ignored): dvc remote modify --local <remote> <option> <value>; rotate the committed ones.",
        _ => $"git rm --cached {path}, add it to .gitignore, and rotate the credentials it held.",
    };

    /// <summary>A secret-named key with a real value, or any value a detector recognises.</summary>
    internal static string? DotEnv(string text)
    {
        var pairs = new List<KeyValue>();
        foreach (var (key, value, start) in EnvLines(text))
        {
            if (Placeholders.IsPlaceholder(value) || value.Length == 0) continue;
            if (SecretNames.Classify(key) != SecretNames.NameKind.None || NamedSecret.Evaluate(key, value, 0, value.Length) != null) return $".env with a value for {key}";
        }
        if (TokenScanner.Scan(text).Count > 0) return ".env with a credential";
        return null;
    }

    private static IEnumerable<(string Key, string Value, int Start)> EnvLines(string text)
    {
        int pos = 0;
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r').Trim();
            int start = pos;
            pos += raw.Length + 1;
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line.Substring(7).TrimStart();
            int eq = line.IndexOf('=');
            if (eq <= 0) continue;
            string key = line.Substring(0, eq).Trim();
            string value = line.Substring(eq + 1).Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0]) value = value.Substring(1, value.Length - 2);
            else
            {
                int hash = value.IndexOf(" #", StringComparison.Ordinal);
                if (hash >= 0) value = value.Substring(0, hash).TrimEnd();
            }
            yield return (key, value, start);
        }
    }

    /// <summary><c>key = value</c>, <c>key: value</c> or <c>"key": "value"</c> with a real value.</summary>
    private static bool NamedValue(string text, string key)
    {
        var pairs = new List<KeyValue>();
        foreach (var line in text.Split('\n'))
        {
            if (line.IndexOf(key, StringComparison.OrdinalIgnoreCase) < 0) continue;
            pairs.Clear();
            KeyValueScanner.ScanLine(line, 0, line.TrimEnd('\r').Length, pairs, shellWords: false);
            foreach (var kv in pairs)
            {
                string k = kv.Key.Trim();
                if ((k.Equals(key, StringComparison.OrdinalIgnoreCase) || k.EndsWith(":" + key, StringComparison.OrdinalIgnoreCase) || k.EndsWith("/:" + key, StringComparison.OrdinalIgnoreCase))
                    && !Placeholders.IsPlaceholder(kv.Value))
                {
                    return true;
                }
            }
            // //registry.npmjs.org/:_authToken=…
            int at = line.IndexOf(":" + key + "=", StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                string v = line.Substring(at + key.Length + 2).Trim();
                if (!Placeholders.IsPlaceholder(v)) return true;
            }
        }
        return false;
    }

    /// <summary><c>machine host login user password secret</c> (netrc tokens may share a line or not).</summary>
    private static bool Words(string text, string keyword)
    {
        var words = text.Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] == keyword && !Placeholders.IsPlaceholder(words[i + 1])) return true;
        }
        return false;
    }

    private static bool Pgpass(string text) => text.Split('\n').Any(l =>
    {
        string line = l.Trim();
        if (line.Length == 0 || line[0] == '#') return false;
        var parts = line.Split(':');
        return parts.Length >= 5 && !Placeholders.IsPlaceholder(parts[parts.Length - 1]);
    });

    private static string? GoogleCredentials(string text)
    {
        if (ServiceAccount(text)) return "a Google Cloud service-account key";
        if (NamedValue(text, "client_secret")) return "a Google OAuth client secret";
        if (NamedValue(text, "refresh_token")) return "a Google OAuth refresh token";
        if (NamedValue(text, "private_key")) return "credentials with a private key";
        return null;
    }

    internal static bool ServiceAccount(string text) =>
        text.IndexOf("service_account", StringComparison.Ordinal) >= 0
        && System.Text.RegularExpressions.Regex.IsMatch(text, "\"type\"\\s*:\\s*\"service_account\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
        && text.IndexOf("\"private_key\"", StringComparison.Ordinal) >= 0
        && TokenScanner.Scan(text).Any(m => m.Type == SecretType.GcpServiceAccount);

    private static bool HasPrivateKey(string text) =>
        text.IndexOf("PRIVATE KEY", StringComparison.Ordinal) >= 0
        && TokenScanner.Scan(text).Any(m => m.Category == SecretCategory.PrivateKey || m.Type == SecretType.GcpServiceAccount);

    private static string? DvcConfig(string text)
    {
        foreach (var key in new[] { "secret_access_key", "access_key_id", "account_key", "sas_token", "connection_string", "password", "gdrive_client_secret", "session_token", "key" })
        {
            if (NamedValue(text, key)) return $".dvc/config with remote credentials ({key})";
        }
        return null;
    }
}
