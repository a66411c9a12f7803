namespace MLOpsLint.Core.Documents;

/// <summary>Maps a repository-relative path to a <see cref="DocumentKind"/>.</summary>
public static class DocumentClassifier
{
    public static DocumentKind Classify(string path)
    {
        string name = FileName(path);
        string lower = name.ToLowerInvariant();
        string ext = Extension(lower);

        if (lower == "dockerfile" || lower == "containerfile" || lower.StartsWith("dockerfile.", StringComparison.Ordinal)
            || ext == ".dockerfile" || ext == ".containerfile")
        {
            return DocumentKind.Dockerfile;
        }
        if (lower == "pyproject.toml") return DocumentKind.PyProject;
        if (lower == "setup.cfg") return DocumentKind.SetupCfg;
        if (lower == "pipfile") return DocumentKind.Pipfile;
        if (lower == ".gitattributes") return DocumentKind.GitAttributes;
        if (lower is "uv.lock" or "poetry.lock" or "pdm.lock" or "pipfile.lock" or "conda-lock.yml" or "pixi.lock"
            or "packages.lock.json" or "package-lock.json" or "yarn.lock" or "pnpm-lock.yaml" or "cargo.lock")
        {
            return DocumentKind.LockFile;
        }
        if (lower == ".env" || lower.StartsWith(".env.", StringComparison.Ordinal) || ext == ".env") return DocumentKind.DotEnv;
        if (IsRequirements(lower, ext) || IsInRequirementsFolder(path, ext)) return DocumentKind.Requirements;
        if ((lower.StartsWith("environment", StringComparison.Ordinal) || lower.StartsWith("conda", StringComparison.Ordinal))
            && (ext == ".yml" || ext == ".yaml"))
        {
            return DocumentKind.CondaEnvironment;
        }

        string p = path.Replace('\\', '/');
        if ((ext == ".yml" || ext == ".yaml") && (p.StartsWith(".github/workflows/", StringComparison.OrdinalIgnoreCase)
            || p.IndexOf("/.github/workflows/", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return DocumentKind.GitHubWorkflow;
        }
        if (lower is "action.yml" or "action.yaml") return DocumentKind.GitHubAction;

        return ext switch
        {
            ".py" or ".pyw" or ".pyi" => DocumentKind.Python,
            ".ipynb" => DocumentKind.Notebook,
            ".toml" => DocumentKind.Toml,
            ".yml" or ".yaml" => DocumentKind.Yaml,
            ".sh" or ".bash" or ".zsh" => DocumentKind.Shell,
            ".r" => DocumentKind.R,
            ".cs" => DocumentKind.CSharp,
            ".csproj" or ".fsproj" or ".vbproj" or ".props" or ".targets" => DocumentKind.MSBuild,
            ".json" => DocumentKind.Json,
            ".ini" or ".cfg" or ".conf" => DocumentKind.Ini,
            ".md" or ".markdown" => DocumentKind.Markdown,
            ".txt" => DocumentKind.PlainText,
            _ => DocumentKind.Other,
        };
    }

    /// <summary>Kinds whose comments start with '#', where <c># noqa: MLOxxx</c> works.</summary>
    public static bool HasHashComments(DocumentKind kind) => kind switch
    {
        DocumentKind.Python or DocumentKind.Notebook or DocumentKind.Requirements or DocumentKind.PyProject
            or DocumentKind.SetupCfg or DocumentKind.Pipfile or DocumentKind.CondaEnvironment or DocumentKind.Toml
            or DocumentKind.Yaml or DocumentKind.GitHubWorkflow or DocumentKind.GitHubAction or DocumentKind.Dockerfile
            or DocumentKind.Shell or DocumentKind.Ini or DocumentKind.DotEnv or DocumentKind.GitAttributes
            or DocumentKind.PlainText or DocumentKind.R or DocumentKind.Other => true,
        _ => false,
    };

    private static bool IsRequirements(string lower, string ext)
    {
        if (ext != ".txt" && ext != ".in") return false;
        // requirement.txt (singular) is a common misspelling that pip installs all the same; only that exact name, since
        // requirement-spec.txt and the like are prose.
        if (lower is "requirement.txt" or "requirement.in") return true;
        if (ext == ".txt" && IsMisspelledRequirements(lower.Substring(0, lower.Length - 4))) return true;
        // pip-tools' .in files follow the same names (requirements.in, dev-requirements.in; requirements/dev.in by its
        // folder): any other .in is a template (config.c.in, Makefile.in, setup.py.in), not a requirements file
        string stem = lower.Substring(0, lower.Length - ext.Length);
        return stem.StartsWith("requirements", StringComparison.Ordinal)
            || stem.StartsWith("constraints", StringComparison.Ordinal)
            || stem.EndsWith("-requirements", StringComparison.Ordinal)
            || stem.EndsWith("_requirements", StringComparison.Ordinal)
            || stem.EndsWith("-constraints", StringComparison.Ordinal)
            || stem.StartsWith("dev-requirements", StringComparison.Ordinal);
    }

    /// <summary><c>requirments.txt</c>, <c>requierments.txt</c>, <c>requirement.txt</c>: a name within two edits of
    /// "requirements" is that file misspelled (pip installs it all the same); prose names are further away.</summary>
    private static bool IsMisspelledRequirements(string stem)
    {
        const string target = "requirements";
        if (stem.Length < 9 || stem.Length > 14 || stem[0] != 'r') return false;
        var previous = new int[target.Length + 1];
        var current = new int[target.Length + 1];
        for (int j = 0; j <= target.Length; j++) previous[j] = j;
        for (int i = 1; i <= stem.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= target.Length; j++)
            {
                int cost = stem[i - 1] == target[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[target.Length] <= 2;
    }

    /// <summary><c>requirements/base.txt</c>, <c>requirements/dev.in</c>: a folder of requirement files (Django's and
    /// many services' layout).</summary>
    private static bool IsInRequirementsFolder(string path, string ext)
    {
        if (ext is not (".txt" or ".in")) return false;
        string p = path.Replace('\\', '/');
        int slash = p.LastIndexOf('/');
        if (slash <= 0) return false;
        int parent = p.LastIndexOf('/', slash - 1);
        string folder = p.Substring(parent + 1, slash - parent - 1).ToLowerInvariant();
        return folder is "requirements" or "requirement" or "reqs";
    }

    private static readonly char[] Separators = { '/', '\\' };

    public static string FileName(string path)
    {
        int i = path.LastIndexOfAny(Separators);
        return i < 0 ? path : path.Substring(i + 1);
    }

    public static string Extension(string fileName)
    {
        int i = fileName.LastIndexOf('.');
        return i <= 0 ? "" : fileName.Substring(i);
    }
}
