using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Secrets;

/// <summary>
/// The one wording of a credential finding, shared by the CLI's CredentialCheck and the IDE's analyzer, so the same
/// secret reads the same in the terminal, the editor, SARIF and a pull request. Only a redacted prefix of the value
/// is ever shown.
/// </summary>
public static class SecretMessages
{
    /// <param name="match">What was found.</param>
    /// <param name="name">The name the value is stored under, when there is one.</param>
    /// <param name="value">The secret itself: redacted here, never written out whole.</param>
    /// <param name="inNotebookOutput">Found in a notebook cell's saved output (MLO406).</param>
    public static string For(SecretMatch match, string? name, string value, bool inNotebookOutput = false)
    {
        string shown = Redaction.Redact(value);
        string named = name != null ? $" '{Clip(name)}'" : "";
        string detail = match.Detail != null ? ", " + match.Detail : "";
        if (inNotebookOutput) return $"{Capital(match.Type.Title)} printed in a saved cell output ({shown}){detail}";
        return match.Category switch
        {
            SecretCategory.Provider => $"{Capital(match.Type.Title)} hardcoded{(name != null ? " in" + named : "")} ({shown}){detail}",
            SecretCategory.PrivateKey => $"Private key committed ({match.Detail ?? "PEM"})",
            SecretCategory.Url => $"{(match.Type == SecretType.UrlToken ? "Credential" : "Password")} {match.Detail} ({shown})",
            SecretCategory.KeyIdOnly => $"AWS access key id hardcoded ({shown}); no secret access key found within 5 lines",
            _ when match.Type == SecretType.BasicAuth => $"{Capital(match.Type.Title)} hardcoded in{named} ({shown})",
            _ => $"Hardcoded {(match.Type == SecretType.Password ? "password" : "secret")} assigned to{named} ({shown})",
        };
    }

    private static string Clip(string s) => s.Length > 60 ? s.Substring(0, 57) + "…" : s;

    private static string Capital(string s) =>
        s.Length == 0 || s.StartsWith("npm", StringComparison.Ordinal) ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
}
