namespace MLOpsLint.Core.Secrets;

/// <summary>Which rule a detected secret belongs to.</summary>
public enum SecretCategory
{
    /// <summary>MLO401: a provider's credential with its documented format (and checksum, where it has one).</summary>
    Provider,
    /// <summary>MLO402: a PEM/OpenSSH/PGP private key.</summary>
    PrivateKey,
    /// <summary>MLO403: a password or token inside a URL or connection string.</summary>
    Url,
    /// <summary>MLO404: a random-looking value stored under a credential name.</summary>
    Generic,
    /// <summary>MLO407: an AWS access key id with no secret key nearby.</summary>
    KeyIdOnly,
}

/// <summary>
/// One detected secret: its offsets in the scanned text, what it is, and how to replace it. The detector that found
/// it never keeps the value beyond <see cref="Start"/>/<see cref="End"/>; messages show <see cref="Text.Redaction"/> only.
/// </summary>
public sealed record SecretMatch(int Start, int End, SecretCategory Category, SecretType Type)
{
    /// <summary>Name of the variable/key/parameter it was assigned to, when known (for fixes and fingerprints).</summary>
    public string? Name { get; init; }

    /// <summary>Extra words for the message ("for user 'alice' at db.internal", "paired with AKIA****").</summary>
    public string? Detail { get; init; }

    public int Length => End - Start;
}

/// <summary>A kind of credential: display name, the environment variable it is usually read from, and where it is revoked.</summary>
public sealed record SecretType(string Id, string Title, string EnvironmentVariable, string Revoke)
{
    public static readonly SecretType GitHubToken = new("github-token", "GitHub token", "GITHUB_TOKEN", "https://github.com/settings/tokens");
    public static readonly SecretType GitHubFineGrained = new("github-fine-grained-pat", "GitHub fine-grained personal access token", "GITHUB_TOKEN", "https://github.com/settings/tokens?type=beta");
    public static readonly SecretType AwsAccessKey = new("aws-access-key", "AWS access key id with its secret access key", "AWS_ACCESS_KEY_ID", "the IAM console (deactivate and delete the key)");
    public static readonly SecretType AwsSecretKey = new("aws-secret-key", "AWS secret access key", "AWS_SECRET_ACCESS_KEY", "the IAM console (deactivate and delete the key)");
    public static readonly SecretType AwsKeyId = new("aws-access-key-id", "AWS access key id", "AWS_ACCESS_KEY_ID", "the IAM console, if the key is live");
    public static readonly SecretType GcpServiceAccount = new("gcp-service-account", "Google Cloud service-account private key", "GOOGLE_APPLICATION_CREDENTIALS", "the Google Cloud console (IAM → Service accounts → Keys)");
    public static readonly SecretType AzureStorageKey = new("azure-storage-key", "Azure storage account key", "AZURE_STORAGE_CONNECTION_STRING", "the Azure portal (storage account → Access keys → Rotate)");
    public static readonly SecretType AzureSharedAccessKey = new("azure-shared-access-key", "Azure shared access key", "AZURE_SERVICEBUS_CONNECTION_STRING", "the Azure portal (Shared access policies → regenerate)");
    public static readonly SecretType AzureSas = new("azure-sas", "Azure shared access signature (SAS)", "AZURE_STORAGE_SAS_TOKEN", "the Azure portal (rotate the account key that signed it, or revoke its stored access policy)");
    public static readonly SecretType OpenAI = new("openai-api-key", "OpenAI API key", "OPENAI_API_KEY", "https://platform.openai.com/api-keys");
    public static readonly SecretType Anthropic = new("anthropic-api-key", "Anthropic API key", "ANTHROPIC_API_KEY", "https://console.anthropic.com/settings/keys");
    public static readonly SecretType HuggingFace = new("huggingface-token", "Hugging Face access token", "HF_TOKEN", "https://huggingface.co/settings/tokens");
    public static readonly SecretType WandB = new("wandb-api-key", "Weights & Biases API key", "WANDB_API_KEY", "https://wandb.ai/authorize (User settings → API keys)");
    public static readonly SecretType Kaggle = new("kaggle-api-key", "Kaggle API key", "KAGGLE_KEY", "https://www.kaggle.com/settings (API → Expire token)");
    public static readonly SecretType Databricks = new("databricks-token", "Databricks personal access token", "DATABRICKS_TOKEN", "the Databricks workspace (User settings → Developer → Access tokens)");
    public static readonly SecretType SlackToken = new("slack-token", "Slack token", "SLACK_BOT_TOKEN", "https://api.slack.com/apps (OAuth & Permissions → revoke)");
    public static readonly SecretType SlackWebhook = new("slack-webhook", "Slack incoming webhook URL", "SLACK_WEBHOOK_URL", "https://api.slack.com/apps (Incoming Webhooks → remove)");
    public static readonly SecretType Stripe = new("stripe-live-key", "Stripe live secret key", "STRIPE_API_KEY", "https://dashboard.stripe.com/apikeys");
    public static readonly SecretType Npm = new("npm-token", "npm access token", "NPM_TOKEN", "https://www.npmjs.com/settings/~/tokens");
    public static readonly SecretType PyPI = new("pypi-token", "PyPI API token", "PYPI_API_TOKEN", "https://pypi.org/manage/account/token/");
    public static readonly SecretType Jwt = new("jwt", "JSON Web Token", "AUTH_TOKEN", "the service that issued it (rotate its signing key, or let it expire)");
    public static readonly SecretType PrivateKey = new("private-key", "private key", "PRIVATE_KEY_PATH", "wherever the public key is trusted (authorized_keys, the CA, the service)");
    public static readonly SecretType UrlPassword = new("url-password", "password in a URL", "DATABASE_URL", "the service the URL points at (change the password)");
    public static readonly SecretType ConnectionStringPassword = new("connection-string-password", "password in a connection string", "CONNECTION_STRING", "the database or service (change the password)");
    public static readonly SecretType UrlToken = new("url-token", "credential in a URL query string", "API_TOKEN", "the service the URL points at");
    public static readonly SecretType Password = new("password", "password", "PASSWORD", "the service it logs in to (change the password)");
    public static readonly SecretType BearerToken = new("bearer-token", "bearer token", "API_TOKEN", "the service that issued it");
    public static readonly SecretType Token = new("secret", "secret", "API_TOKEN", "the service that issued it");
}
