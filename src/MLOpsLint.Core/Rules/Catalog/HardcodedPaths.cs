using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Rules;

// MLO5xx — hardcoded paths.
public static partial class RuleCatalog
{
    private const string AllowedPrefixesDescription = "Path prefixes never reported, e.g. [\"/mnt/shared-datasets\"].";

    private const string IncludeTestsDescription = "Also report paths in test code (test folders, test_*.py, *_test.py, conftest.py), where paths are usually inputs of the code under test.";

    public static readonly RuleDescriptor MLO501 = new(
        "MLO501",
        "user-home-path",
        "Hardcoded path into a user's home directory",
        Severity.Warning,
        "An absolute path into one person's home directory (/home/alice/…, /Users/bob/…, C:\\Users\\carol\\…, ~dave/…) "
        + "works on that person's machine only: teammates, CI and the training cluster fail with FileNotFoundError, "
        + "or worse, silently read a different file that happens to be there.",
        "Build the path from the project (Path(__file__).parent / \"data\"), the home directory at run time (Path.home()), an environment variable or a configuration value.",
        new[] { new RuleOption("allowed-prefixes", "[]", AllowedPrefixesDescription), new RuleOption("include-tests", "false", IncludeTestsDescription) })
    {
        Scopes = FileScope.All & ~FileScope.Test,
    };

    public static readonly RuleDescriptor MLO502 = new(
        "MLO502",
        "machine-specific-mount-path",
        "Hardcoded path on a machine-specific mount (Colab, Kaggle, Databricks, /mnt…)",
        Severity.Warning,
        "The path exists only on one platform or machine: Google Drive in Colab (/content/drive), a Kaggle notebook "
        + "(/kaggle/input, /kaggle/working), Databricks (/dbfs, dbfs:/, /Workspace/Users), a mount (/mnt/…, /Volumes/…, "
        + "/media/…). The code cannot run anywhere else without editing it.",
        "Take the data location as a parameter, environment variable or configuration value (DATA_DIR), defaulting to a project-relative folder.",
        new[] { new RuleOption("allowed-prefixes", "[]", AllowedPrefixesDescription), new RuleOption("include-tests", "false", IncludeTestsDescription) })
    {
        Scopes = FileScope.All & ~FileScope.Test,
    };

    public static readonly RuleDescriptor MLO503 = new(
        "MLO503",
        "drive-letter-path",
        "Hardcoded Windows drive-letter path",
        Severity.Warning,
        "A Windows drive-letter path (D:\\data\\train.csv, E:/models/…) ties the code to one machine's disk layout; "
        + "it fails on every other machine and on Linux and macOS altogether.",
        "Use a project-relative path (Path(__file__).parent / \"data\"), an environment variable or a configuration value.",
        new[] { new RuleOption("allowed-prefixes", "[]", AllowedPrefixesDescription), new RuleOption("include-tests", "false", IncludeTestsDescription) })
    {
        Scopes = FileScope.All & ~FileScope.Test,
    };
}
