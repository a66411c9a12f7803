using MLOpsLint.Cli.Configuration;
using MLOpsLint.Cli.Discovery;
using MLOpsLint.Core.Baseline;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Commands;

/// <summary>The pipeline behind <c>scan</c> and <c>baseline</c>: configuration → discovery → documents →
/// engine. Throws <see cref="UsageException"/> or <see cref="ConfigException"/> when the scan cannot run.</summary>
internal static class ScanRunner
{
    private static readonly Lazy<IReadOnlyList<ICheck>> CliChecks = new(() =>
        typeof(ScanRunner).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsInterface && typeof(ICheck).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ICheck)Activator.CreateInstance(t)!)
            .ToArray());

    public sealed record Outcome(LintResult Result, LintConfig Config, DiscoveryResult Discovery, RepositorySnapshot Snapshot);

    public static Outcome Run(ScanOptions options, bool applyBaseline, Action<string>? progress = null)
    {
        string path = System.IO.Path.GetFullPath(options.Path);
        if (File.Exists(path)) throw new UsageException($"{options.Path} is a file; give the directory of a repository to scan");
        if (!Directory.Exists(path)) throw new UsageException($"{options.Path} does not exist");

        var warnings = new List<ScanDiagnostic>();
        var config = ConfigLocator.Load(path, options.ConfigFile, warnings);
        foreach (var s in options.Select.Concat(options.Ignore))
        {
            if (!Core.Rules.RuleCatalog.TryMatchSelector(s, out _))
            {
                throw new UsageException($"'{s}' matches no rule; give rule ids like MLO301 or families like MLO3 (see 'mlops-lint rules')");
            }
        }
        config = config.With(options.Select, options.Ignore, options.Exclude.Count > 0 ? options.Exclude : null, options.FailLevel);

        progress?.Invoke("finding files…");
        var discovery = FileDiscovery.Discover(path, config.Exclude);
        progress?.Invoke($"reading {discovery.Files.Count} files…");
        var (documents, readProblems) = DocumentLoader.Load(discovery.Files, config.MaxTextFileSize);

        var editorConfigs = discovery.Files.Where(f => System.IO.Path.GetFileName(f.RelativePath) == ".editorconfig").Select(f => f.FullPath);
        var editorConfig = ConfigLocator.LoadEditorConfigs(discovery.RootDirectory, editorConfigs, warnings);
        config = config.WithEditorConfig(editorConfig, discovery.RootDirectory);

        BaselineFile? baseline = null;
        if (applyBaseline && options.BaselineFile != null)
        {
            baseline = LoadBaseline(options.BaselineFile);
        }

        progress?.Invoke($"checking {documents.Count} files…");
        var snapshot = new RepositorySnapshot(documents);
        var result = new Linter(CliChecks.Value).Run(snapshot, config, baseline);
        var diagnostics = warnings.Select(w => RelativeTo(discovery.RootDirectory, w)).Concat(discovery.Diagnostics).Concat(readProblems).Concat(result.Diagnostics).ToArray();
        result = new LintResult(result.Findings, diagnostics, result.FilesScanned, result.Suppressed, result.Baselined) { BytesScanned = result.BytesScanned };
        return new Outcome(result, config, discovery, snapshot);
    }

    /// <summary>Configuration problems name the file as found on disk; inside the repository, show it as every other path.</summary>
    private static ScanDiagnostic RelativeTo(string root, ScanDiagnostic d)
    {
        if (d.Path == null || !System.IO.Path.IsPathRooted(d.Path)) return d;
        string rel = System.IO.Path.GetRelativePath(root, d.Path).Replace('\\', '/');
        return rel.StartsWith("..", StringComparison.Ordinal) ? d : d with { Path = rel };
    }

    private static BaselineFile LoadBaseline(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"baseline {path} cannot be read: {e.Message}");
        }
        try
        {
            return BaselineFile.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"baseline {path} is not a mlops-lint baseline: {e.Message}");
        }
    }
}
