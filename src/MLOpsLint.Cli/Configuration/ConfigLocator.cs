using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Configuration;

/// <summary>
/// Finds the scanner settings the way ruff and black do: walking up from the scanned path, the first
/// directory with <c>mlops-lint.toml</c>, <c>.mlops-lint.toml</c>, or a <c>pyproject.toml</c> that has a
/// <c>[tool.mlops-lint]</c> table wins. Also collects the .editorconfig files that apply.
/// </summary>
internal static class ConfigLocator
{
    public static readonly string[] DedicatedNames = { "mlops-lint.toml", ".mlops-lint.toml" };

    /// <summary>Loads the configuration for a scan, or the defaults when there is none. Throws ConfigException.</summary>
    public static LintConfig Load(string startDirectory, string? explicitPath, List<ScanDiagnostic> warnings)
    {
        if (explicitPath != null)
        {
            if (!File.Exists(explicitPath)) throw new ConfigException(explicitPath, null, "configuration file not found");
            bool isPy = Path.GetFileName(explicitPath).Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase);
            return ConfigParser.Parse(ReadText(explicitPath), explicitPath, isPy, warnings)
                ?? throw new ConfigException(explicitPath, null, "has no [tool.mlops-lint] table");
        }
        for (var dir = new DirectoryInfo(startDirectory); dir != null; dir = dir.Parent)
        {
            foreach (var name in DedicatedNames)
            {
                string path = Path.Combine(dir.FullName, name);
                if (File.Exists(path)) return ConfigParser.Parse(ReadText(path), path, isPyProject: false, warnings)!;
            }
            string py = Path.Combine(dir.FullName, "pyproject.toml");
            if (File.Exists(py))
            {
                string text;
                try
                {
                    text = ReadText(py);
                }
                catch (ConfigException)
                {
                    continue;
                }
                if (text.Contains("mlops-lint"))
                {
                    var config = ConfigParser.Parse(text, py, isPyProject: true, warnings);
                    if (config != null) return config;
                }
            }
        }
        return LintConfig.Default;
    }

    /// <summary>The .editorconfig files of the directories from <paramref name="root"/> up to the file system root,
    /// plus those inside the scanned tree.</summary>
    public static EditorConfigSet LoadEditorConfigs(string root, IEnumerable<string> editorConfigsInTree, List<ScanDiagnostic> warnings)
    {
        var files = new List<EditorConfigFile>();
        void Add(string path)
        {
            try
            {
                string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
                files.Add(EditorConfigFile.Parse(dir, Discovery.FileType.ReadSettingsText(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warnings.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning, $".editorconfig cannot be read: {e.Message}", path));
            }
        }
        for (var dir = new DirectoryInfo(root).Parent; dir != null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, ".editorconfig");
            if (File.Exists(path)) Add(path);
        }
        foreach (var path in editorConfigsInTree) Add(path);
        return files.Count == 0 ? EditorConfigSet.Empty : new EditorConfigSet(files);
    }

    private static string ReadText(string path)
    {
        try
        {
            return Discovery.FileType.ReadSettingsText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, null, "cannot be read: " + e.Message);
        }
    }
}
