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
    public static readonly SecretType GoogleApiKey = new("google-api-key", "Google API key", "GOOGLE_API_KEY", "the Google Cloud console (APIs & Services → Credentials) or https://aistudio.google.com/apikey for Gemini keys");
    public static readonly SecretType GoogleOAuthSecret = new("google-oauth-client-secret", "Google OAuth client secret", "GOOGLE_CLIENT_SECRET", "the Google Cloud console (APIs & Services → Credentials → the OAuth client → reset the secret)");
    public static readonly SecretType AzureAdClientSecret = new("azure-ad-client-secret", "Microsoft Entra ID (Azure AD) client secret", "AZURE_CLIENT_SECRET", "the Azure portal (App registrations → Certificates & secrets → delete it)");
    public static readonly SecretType AzureAIKey = new("azure-ai-services-key", "Azure OpenAI / AI services key", "AZURE_OPENAI_API_KEY", "the Azure portal (the resource → Keys and Endpoint → Regenerate)");
    public static readonly SecretType BedrockKey = new("aws-bedrock-api-key", "Amazon Bedrock API key", "AWS_BEARER_TOKEN_BEDROCK", "the IAM console (the Bedrock API key's user → delete the service-specific credential)");
    public static readonly SecretType Cohere = new("cohere-api-key", "Cohere API key", "CO_API_KEY", "https://dashboard.cohere.com/api-keys");
    public static readonly SecretType Perplexity = new("perplexity-api-key", "Perplexity API key", "PERPLEXITY_API_KEY", "https://www.perplexity.ai/settings/api");
    public static readonly SecretType Replicate = new("replicate-api-token", "Replicate API token", "REPLICATE_API_TOKEN", "https://replicate.com/account/api-tokens");
    public static readonly SecretType Groq = new("groq-api-key", "Groq API key", "GROQ_API_KEY", "https://console.groq.com/keys");
    public static readonly SecretType Mistral = new("mistral-api-key", "Mistral AI API key", "MISTRAL_API_KEY", "https://console.mistral.ai/api-keys");
    public static readonly SecretType Together = new("together-api-key", "Together AI API key", "TOGETHER_API_KEY", "https://api.together.ai/settings/api-keys");
    public static readonly SecretType DeepSeek = new("deepseek-api-key", "DeepSeek API key", "DEEPSEEK_API_KEY", "https://platform.deepseek.com/api_keys");
    public static readonly SecretType OpenRouter = new("openrouter-api-key", "OpenRouter API key", "OPENROUTER_API_KEY", "https://openrouter.ai/settings/keys");
    public static readonly SecretType Fireworks = new("fireworks-api-key", "Fireworks AI API key", "FIREWORKS_API_KEY", "https://app.fireworks.ai/settings/users/api-keys");
    public static readonly SecretType LangSmith = new("langsmith-api-key", "LangSmith API key", "LANGSMITH_API_KEY", "https://smith.langchain.com (Settings → API Keys)");
    public static readonly SecretType Langfuse = new("langfuse-secret-key", "Langfuse secret key", "LANGFUSE_SECRET_KEY", "the Langfuse project settings (API Keys → delete)");
    public static readonly SecretType Pinecone = new("pinecone-api-key", "Pinecone API key", "PINECONE_API_KEY", "https://app.pinecone.io (API Keys → delete)");
    public static readonly SecretType Neptune = new("neptune-api-token", "neptune.ai API token", "NEPTUNE_API_TOKEN", "the neptune.ai workspace (your profile → Get your API token → reset)");
    public static readonly SecretType Comet = new("comet-api-key", "Comet API key", "COMET_API_KEY", "https://www.comet.com/account-settings/apiKeys");
    public static readonly SecretType ElevenLabs = new("elevenlabs-api-key", "ElevenLabs API key", "ELEVENLABS_API_KEY", "https://elevenlabs.io/app/settings/api-keys");
    public static readonly SecretType Roboflow = new("roboflow-api-key", "Roboflow API key", "ROBOFLOW_API_KEY", "https://app.roboflow.com/settings/api (revoke and regenerate)");
    public static readonly SecretType DockerHub = new("dockerhub-token", "Docker Hub access token", "DOCKERHUB_TOKEN", "https://app.docker.com/settings/personal-access-tokens");
    public static readonly SecretType GitLab = new("gitlab-token", "GitLab token", "GITLAB_TOKEN", "GitLab (User settings → Access tokens, or the project/group's tokens page → Revoke)");
    public static readonly SecretType JFrog = new("jfrog-token", "JFrog Artifactory API key or reference token", "JFROG_ACCESS_TOKEN", "the JFrog Platform (User profile → revoke the API key or token)");
    public static readonly SecretType Vault = new("vault-token", "HashiCorp Vault token", "VAULT_TOKEN", "Vault itself (vault token revoke)");
    public static readonly SecretType TerraformCloud = new("terraform-cloud-token", "HCP Terraform (Terraform Cloud) API token", "TF_TOKEN_app_terraform_io", "https://app.terraform.io/app/settings/tokens");
    public static readonly SecretType KubernetesSecret = new("kubernetes-secret", "value of a Kubernetes Secret", "a Secret created outside git (kubectl create secret, Sealed Secrets, External Secrets)", "the service the value belongs to (rotate it), then keep the Secret out of git");
    public static readonly SecretType Grafana = new("grafana-token", "Grafana token", "GRAFANA_TOKEN", "Grafana (Administration → Service accounts / Cloud access policies → delete the token)");
    public static readonly SecretType Sentry = new("sentry-token", "Sentry auth token", "SENTRY_AUTH_TOKEN", "https://sentry.io/settings/account/api/auth-tokens/ (or the organization's tokens)");
    public static readonly SecretType Twilio = new("twilio-credential", "Twilio auth token or API key secret", "TWILIO_AUTH_TOKEN", "https://console.twilio.com (Account → API keys & tokens)");
    public static readonly SecretType SendGrid = new("sendgrid-api-key", "SendGrid API key", "SENDGRID_API_KEY", "https://app.sendgrid.com/settings/api_keys");
    public static readonly SecretType Telegram = new("telegram-bot-token", "Telegram bot token", "TELEGRAM_BOT_TOKEN", "@BotFather (/revoke)");
    public static readonly SecretType Discord = new("discord-bot-token", "Discord bot token", "DISCORD_BOT_TOKEN", "https://discord.com/developers/applications (Bot → Reset Token)");
    public static readonly SecretType BasicAuth = new("basic-auth", "HTTP basic-auth credentials", "API_PASSWORD", "the service it logs in to (change the password)");
    public static readonly SecretType Password = new("password", "password", "PASSWORD", "the service it logs in to (change the password)");
    public static readonly SecretType BearerToken = new("bearer-token", "bearer token", "API_TOKEN", "the service that issued it");
    public static readonly SecretType Token = new("secret", "secret", "API_TOKEN", "the service that issued it");
}
