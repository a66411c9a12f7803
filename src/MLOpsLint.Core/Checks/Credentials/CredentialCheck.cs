using MLOpsLint.Core.Baseline;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Secrets;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Checks.Credentials;

/// <summary>
/// MLO401 (provider credentials), MLO402 (private keys), MLO403 (passwords in URLs and connection strings), MLO404
/// (secret values under credential names), MLO406 (credentials in notebook outputs) and MLO407 (an AWS key id
/// alone), in every text document but lock files. Findings are <see cref="Finding.IsSensitive"/>: messages show a
/// redacted prefix, the fingerprint is built from a truncated hash, and the span covers every secret on its line so
/// that a code frame masks them all.
/// </summary>
public sealed class CredentialCheck : IDocumentCheck
{
    /// <summary>Documents larger than this are not read for secrets (minified bundles, data dumps).</summary>
    internal const long MaxSize = 20_000_000;

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[]
    {
        RuleCatalog.MLO401, RuleCatalog.MLO402, RuleCatalog.MLO403, RuleCatalog.MLO404, RuleCatalog.MLO406, RuleCatalog.MLO407,
    };

    public bool AppliesTo(SourceDocument document) =>
        document.HasText && document.Kind != DocumentKind.LockFile && document.Size <= MaxSize;

    public void Check(SourceDocument document, CheckContext context)
    {
        var options = context.Options(RuleCatalog.MLO404);
        // min-entropy = 3.5 is a TOML float (a string getter would ignore it)
        double minEntropy = options.GetDouble("min-entropy", GenericValue.DefaultMinEntropy);
        var ignore = options.GetStringList("ignore-names", Array.Empty<string>());
        var ignoreNames = ignore.Count == 0 ? null : new HashSet<string>(ignore, StringComparer.OrdinalIgnoreCase);

        var secrets = DocumentSecrets.Of(document, minEntropy, ignoreNames).Secrets;
        if (secrets.Count == 0) return;
        var hulls = LineHulls(secrets);
        bool keyFile = SecretFileCheck.IsKeyFile(document.Path) && context.IsEnabled(RuleCatalog.MLO405);
        foreach (var s in secrets)
        {
            var rule = RuleFor(s);
            if (!context.IsEnabled(rule)) continue;
            if (keyFile && rule == RuleCatalog.MLO402) continue; // the file itself is the finding (MLO405)
            context.Report(new Finding(rule, document.Path, Widen(s.Span, hulls), SecretMessages.For(s.Match, s.Match.Name, s.Value, s.InNotebookOutput))
            {
                IsSensitive = true,
                Secret = s.Value,
                FingerprintContent = FingerprintOf(s),
                FixHint = FixFor(s, document.Kind),
                LocationHint = s.LocationHint,
                SuppressionText = s.SuppressionText,
            });
        }
    }

    internal static RuleDescriptor RuleFor(LocatedSecret s)
    {
        if (s.InNotebookOutput) return RuleCatalog.MLO406;
        return s.Match.Category switch
        {
            SecretCategory.Provider => RuleCatalog.MLO401,
            SecretCategory.PrivateKey => RuleCatalog.MLO402,
            SecretCategory.Url => RuleCatalog.MLO403,
            SecretCategory.KeyIdOnly => RuleCatalog.MLO407,
            _ => RuleCatalog.MLO404,
        };
    }

    /// <summary>Per line, the columns from the first secret's start to the last one's end: a code frame masks that whole stretch.</summary>
    internal static Dictionary<int, (int Start, int End)> LineHulls(IEnumerable<LocatedSecret> secrets)
    {
        var hulls = new Dictionary<int, (int Start, int End)>();
        foreach (var s in secrets)
        {
            var span = s.Span;
            int end = span.IsSingleLine ? span.EndColumn : int.MaxValue;
            hulls[span.StartLine] = hulls.TryGetValue(span.StartLine, out var h)
                ? (Math.Min(h.Start, span.StartColumn), Math.Max(h.End, end))
                : (span.StartColumn, end);
        }
        return hulls;
    }

    internal static SourceSpan Widen(SourceSpan span, Dictionary<int, (int Start, int End)> hulls)
    {
        if (!hulls.TryGetValue(span.StartLine, out var h)) return span;
        if (!span.IsSingleLine) return span with { StartColumn = Math.Min(span.StartColumn, h.Start) };
        if (h.End == int.MaxValue) return span with { StartColumn = Math.Min(span.StartColumn, h.Start) };
        return span with { StartColumn = Math.Min(span.StartColumn, h.Start), EndColumn = Math.Max(span.EndColumn, h.End) };
    }

    /// <summary>
    /// What identifies the finding across edits without revealing the secret: the kind, the name it is stored under,
    /// the redacted prefix, the length and 12 bits of its SHA-256. A changed secret gets a new fingerprint (4095 times in
    /// 4096); the baseline cannot be used to confirm a guessed password.
    /// </summary>
    internal static string FingerprintOf(LocatedSecret s)
    {
        string hash = Fingerprints.Hash("mlops-lint secret\n" + s.Value).Substring(0, 3);
        return $"{s.Match.Type.Id}|{s.Match.Name}|{Redaction.Redact(s.Value)}|{s.Value.Length}|{hash}|{(s.InNotebookOutput ? "output" : "")}";
    }

    internal static string FixFor(LocatedSecret s, DocumentKind kind)
    {
        var t = s.Match.Type;
        string env = s.Match.Category == SecretCategory.Generic && s.Match.Name is { } n ? EnvName(n) : t.EnvironmentVariable;
        if (s.InNotebookOutput)
        {
            return $"Clear the outputs (jupyter nbconvert --clear-output --inplace <notebook>), revoke the credential ({t.Revoke}), and stop printing it.";
        }
        string revoke = s.Match.Category switch
        {
            SecretCategory.Generic => "Rotate the committed value, then read it at run time",
            SecretCategory.Url => "Change the password (or token) on the server, then build the URL or connection string at run time",
            SecretCategory.PrivateKey => "Replace the key pair (remove the public key from " + t.Revoke + "), keep the new key out of the repository, and load it",
            SecretCategory.KeyIdOnly => "Deactivate the key if it is live, and read the key pair",
            _ => $"Revoke it at {t.Revoke}, then read it at run time",
        };
        string read = kind switch
        {
            DocumentKind.Python => $"os.environ[\"{env}\"] (or a git-ignored .env loaded by python-dotenv)",
            DocumentKind.Notebook => $"os.environ[\"{env}\"] (in Colab: google.colab.userdata.get(\"{env}\"); on Kaggle: UserSecretsClient().get_secret(\"{env}\"))",
            DocumentKind.CSharp => $"Environment.GetEnvironmentVariable(\"{env}\") (or dotnet user-secrets / IConfiguration in development)",
            DocumentKind.GitHubWorkflow or DocumentKind.GitHubAction => $"${{{{ secrets.{env} }}}} (a repository or environment secret)",
            DocumentKind.Dockerfile => $"the environment at run time (docker run -e {env}) or a build secret (RUN --mount=type=secret,id={env.ToLowerInvariant()}), never ENV/ARG",
            DocumentKind.Shell => $"\"${env}\" set by the caller or the CI secret store",
            DocumentKind.DotEnv => $"a .env kept out of git (.gitignore), with a committed .env.example holding {env}= empty",
            DocumentKind.Notebook or DocumentKind.Markdown or DocumentKind.PlainText => $"the environment ({env})",
            _ => $"the environment: ${{{env}}} in the configuration, resolved when it is loaded",
        };
        return $"{revoke} from {read}.";
    }

    /// <summary><c>dbPassword</c> → <c>DB_PASSWORD</c>.</summary>
    internal static string EnvName(string name)
    {
        string joined = string.Join("_", SecretNames.Words(name)).ToUpperInvariant();
        return joined.Length == 0 ? "SECRET" : joined;
    }
}
