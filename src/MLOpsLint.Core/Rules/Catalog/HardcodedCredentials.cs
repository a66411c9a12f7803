using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Rules;

// MLO4xx — hardcoded credentials.
public static partial class RuleCatalog
{
    public static readonly RuleDescriptor MLO401 = new(
        "MLO401",
        "hardcoded-provider-credential",
        "Provider credential hardcoded",
        Severity.Error,
        "A credential in a provider's own format — GitHub, AWS, Google Cloud service account, Azure storage, OpenAI, "
        + "Anthropic, Hugging Face, Weights & Biases, Kaggle, Databricks, Slack, Stripe, npm, PyPI, a JWT — is written "
        + "in the repository. Everyone who can read the repository, its forks, clones and history can use it, and "
        + "deleting the line does not take it back out of git history: the credential must be revoked.",
        "Revoke the credential at the provider, then read it at run time from an environment variable or a secret store; never commit the value.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO402 = new(
        "MLO402",
        "private-key-committed",
        "Private key committed",
        Severity.Error,
        "A PEM, OpenSSH or PGP private key is in the repository. Whoever reads it can impersonate its owner: log in "
        + "where the public key is trusted, decrypt what was encrypted for it, sign as it. A passphrase-encrypted key "
        + "is only as safe as its passphrase against offline guessing.",
        "Remove the key from git (and its history), replace the key pair, and load the key from a file outside the repository or a secret store.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO403 = new(
        "MLO403",
        "password-in-url",
        "Password or token in a URL or connection string",
        Severity.Error,
        "A database URL (postgresql://user:password@host/db, mongodb+srv://, redis://:password@), an HTTP URL with "
        + "credentials or a secret query parameter, or a connection string with Password=/Pwd= carries a live "
        + "password. URLs get logged, printed in tracebacks and shown in experiment trackers, and the password is "
        + "now in git history.",
        "Change the password, and build the URL at run time from an environment variable (DATABASE_URL) or read the password separately.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO404 = new(
        "MLO404",
        "hardcoded-secret-value",
        "Secret value assigned to a credential-named variable or key",
        Severity.Warning,
        "A variable, argument or configuration key named like a credential (password, secret, token, api_key, "
        + "access_key…) holds a literal value that looks like a real secret: a varied password, or a random-looking "
        + "token — or a bearer token is written into an Authorization header. Placeholders, environment references and "
        + "template variables are not reported.",
        "Read the value at run time (os.environ[\"NAME\"], Environment.GetEnvironmentVariable, ${NAME} in configuration) and rotate the one that was committed.",
        new[]
        {
            new RuleOption("min-entropy", "3.0", "Minimum Shannon entropy (bits per character) for a token-named value to be reported."),
            new RuleOption("ignore-names", "[]", "Variable or key names never reported (case-insensitive), e.g. [\"password_hint\"]."),
        })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO405 = new(
        "MLO405",
        "secret-file-committed",
        "Secret-bearing file committed",
        Severity.Error,
        "A file whose purpose is to hold credentials is tracked by git: a .env with values, kaggle.json, a Google "
        + "credentials.json or service-account key, .netrc or .pypirc with a password, an SSH or TLS private key "
        + "(id_rsa, *.pem, *.key, *.p12), a DVC config with cloud keys. Such files belong on one machine, not in a "
        + "repository.",
        "git rm --cached the file, add it to .gitignore (commit a .example copy with empty values instead), and rotate the credentials it held.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO406 = new(
        "MLO406",
        "credential-in-notebook-output",
        "Credential printed in a notebook output",
        Severity.Error,
        "A notebook cell printed a credential (a token, a key, a URL with a password) and the output was saved "
        + "into the .ipynb. Outputs are committed and rendered on GitHub with the notebook, even when the code that "
        + "printed them reads the secret correctly from the environment.",
        "Clear the outputs (jupyter nbconvert --clear-output --inplace <notebook>), revoke the credential, and stop printing it.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO407 = new(
        "MLO407",
        "aws-access-key-id-hardcoded",
        "AWS access key id hardcoded without its secret key",
        Severity.Warning,
        "An AWS access key id (AKIA…, ASIA…) is in the repository but no secret access key was found near it. The id "
        + "alone does not sign requests, but it names the account and the key, and its secret is often committed "
        + "elsewhere in the same history.",
        "Read the key pair from the environment or an AWS profile (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, ~/.aws/credentials, an IAM role), and deactivate the key if it is live.")
    {
        Scopes = FileScope.All,
    };
}
