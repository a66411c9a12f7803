namespace MLOpsLint.Core.Documents;

/// <summary>What a file is, decided from its path (content signatures are the committed-data rules' business).</summary>
public enum DocumentKind
{
    Other,
    Python,
    Notebook,
    Requirements,
    PyProject,
    SetupCfg,
    Pipfile,
    CondaEnvironment,
    Toml,
    Yaml,
    GitHubWorkflow,
    GitHubAction,
    Dockerfile,
    Shell,
    CSharp,
    MSBuild,
    Json,
    Ini,
    DotEnv,
    Markdown,
    LockFile,
    GitAttributes,
    PlainText,
    /// <summary>An R script (<c>.R</c>).</summary>
    R,
}
