using MLOpsLint.Core.Rules;
using Tomlyn.Model;

namespace MLOpsLint.Core.Configuration;

/// <summary>
/// The effective configuration of a scan: which rules run where, at what severity, with which options.
/// Built from <c>[tool.mlops-lint]</c> / <c>mlops-lint.toml</c>, .editorconfig and command-line flags
/// (which win). Immutable once built.
/// </summary>
public sealed class LintConfig
{
    public static LintConfig Default { get; } = new();

    /// <summary>File the settings came from (repository-relative or absolute), for messages; null when none.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Selectors of the rules to run (ids, families like MLO2, or ALL). Empty means ALL.</summary>
    public IReadOnlyList<string> Select { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Ignore { get; init; } = Array.Empty<string>();

    /// <summary>Paths never scanned, beyond the built-in ones.</summary>
    public GlobSet Exclude { get; init; } = GlobSet.Empty;

    public IReadOnlyList<(Glob Glob, IReadOnlyList<string> Selectors)> PerFileIgnores { get; init; } =
        Array.Empty<(Glob, IReadOnlyList<string>)>();

    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } =
        new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, RuleOptions> RuleOptionsById { get; init; } =
        new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Findings at or above this severity make the exit code 1.</summary>
    public Severity FailLevel { get; init; } = Severity.Warning;

    /// <summary>Whether a bare <c># noqa</c> (no codes) silences MLO rules too. Off: ruff, flake8 and
    /// pylint users write bare noqa for their own tools.</summary>
    public bool HonorBareNoqa { get; init; }

    /// <summary>Files larger than this are not read as text (signature rules still see their head).</summary>
    public long MaxTextFileSize { get; init; } = 10 * 1000 * 1000;

    /// <summary>Whether <c>scan --staged</c> may keep facts about unchanged files under the git directory and read them
    /// instead of the files (<c>cache = false</c> turns it off, as <c>--no-cache</c> does).</summary>
    public bool FactCache { get; init; } = true;

    /// <summary>.editorconfig files that apply to the scanned tree.</summary>
    public EditorConfigSet EditorConfig { get; init; } = EditorConfigSet.Empty;

    /// <summary>Absolute path of the repository root ('/' separators), to match .editorconfig sections.</summary>
    public string RootDirectory { get; init; } = "";

    /// <summary>Sections of the configuration that feature areas read themselves (e.g. <c>environments</c>).</summary>
    public IReadOnlyDictionary<string, TomlTable> Sections
    {
        get => sections ?? NoSections.Value;
        init => sections = value;
    }

    private readonly IReadOnlyDictionary<string, TomlTable>? sections;

    /// <summary>Apart, so that a configuration without sections never loads Tomlyn: the IDE analyzers build one, and
    /// compiler hosts before the .NET 10 SDK cannot load Tomlyn's System.Text.Json.</summary>
    private static class NoSections
    {
        public static readonly IReadOnlyDictionary<string, TomlTable> Value = new Dictionary<string, TomlTable>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What the user told the scope model: <c>repository-kind</c> and <c>[tool.mlops-lint.scopes]</c>.</summary>
    public Scope.ScopeSettings Scopes { get; init; } = Scope.ScopeSettings.Empty;

    /// <summary>The scopes a rule judges here: its catalog's <see cref="RuleDescriptor.Scopes"/>, with tests added or taken
    /// away by its <c>include-tests</c> option when it has one and the user set it.</summary>
    public Scope.FileScope ScopesOf(RuleDescriptor rule)
    {
        var set = rule.Scopes;
        if (rule.Options.Count > 0 && rule.Options.Any(o => o.Name == "include-tests") && OptionsFor(rule) is { } o && o.Has("include-tests"))
        {
            set = o.GetBool("include-tests", false) ? set | Scope.FileScope.Test : set & ~Scope.FileScope.Test;
        }
        return set;
    }

    public RuleOptions OptionsFor(RuleDescriptor rule) =>
        RuleOptionsById.TryGetValue(rule.Id, out var o) ? o : RuleOptions.Empty;

    /// <summary>True when select/ignore leave the rule on (anywhere).</summary>
    public bool IsSelected(RuleDescriptor rule)
    {
        bool selected = Select.Count == 0 || Select.Any(s => Matches(s, rule));
        return selected && !Ignore.Any(s => Matches(s, rule));
    }

    /// <summary>The severity of a rule on a path, or <see cref="Severity.None"/> when it is off there.</summary>
    public Severity EffectiveSeverity(RuleDescriptor rule, string path)
    {
        bool selected = Select.Count == 0 || Select.Any(s => Matches(s, rule));
        if (!selected || Ignore.Any(s => Matches(s, rule))) return Severity.None;
        foreach (var (glob, selectors) in PerFileIgnores)
        {
            if (glob.IsMatch(path) && selectors.Any(s => Matches(s, rule))) return Severity.None;
        }
        if (!EditorConfig.IsEmpty)
        {
            string abs = RootDirectory.Length == 0 ? "/" + path : RootDirectory.TrimEnd('/') + "/" + path;
            if (EditorConfig.SeverityFor(abs, rule) is Severity s) return s;
        }
        return EffectiveSeverityIgnoringPath(rule);
    }

    private Severity EffectiveSeverityIgnoringPath(RuleDescriptor rule) =>
        SeverityOverrides.TryGetValue(rule.Id, out var o) ? o : rule.DefaultSeverity;

    public static bool Matches(string selector, RuleDescriptor rule)
    {
        var s = selector.Trim();
        return s.Equals("ALL", StringComparison.OrdinalIgnoreCase)
            || rule.Id.StartsWith(s.ToUpperInvariant(), StringComparison.Ordinal);
    }

    /// <summary>A copy with command-line choices applied on top.</summary>
    public LintConfig With(
        IReadOnlyList<string>? select = null,
        IReadOnlyList<string>? ignore = null,
        IEnumerable<string>? extraExcludes = null,
        Severity? failLevel = null) => new()
    {
        SourcePath = SourcePath,
        Select = select is { Count: > 0 } ? select : Select,
        Ignore = ignore is { Count: > 0 } ? Ignore.Concat(ignore).ToArray() : Ignore,
        Exclude = extraExcludes == null ? Exclude : new GlobSet(ExcludePatterns.Concat(extraExcludes)),
        ExcludePatterns = extraExcludes == null ? ExcludePatterns : ExcludePatterns.Concat(extraExcludes).ToArray(),
        PerFileIgnores = PerFileIgnores,
        SeverityOverrides = SeverityOverrides,
        RuleOptionsById = RuleOptionsById,
        FailLevel = failLevel ?? FailLevel,
        HonorBareNoqa = HonorBareNoqa,
        MaxTextFileSize = MaxTextFileSize,
        FactCache = FactCache,
        EditorConfig = EditorConfig,
        RootDirectory = RootDirectory,
        Sections = Sections,
        Scopes = Scopes,
        RepositoryOwner = RepositoryOwner,
        RepositoryName = RepositoryName,
    };

    /// <summary>A copy that reads .editorconfig files and knows the repository root.</summary>
    public LintConfig WithEditorConfig(EditorConfigSet editorConfig, string rootDirectory) => new()
    {
        SourcePath = SourcePath,
        Select = Select,
        Ignore = Ignore,
        Exclude = Exclude,
        ExcludePatterns = ExcludePatterns,
        PerFileIgnores = PerFileIgnores,
        SeverityOverrides = SeverityOverrides,
        RuleOptionsById = RuleOptionsById,
        FailLevel = FailLevel,
        HonorBareNoqa = HonorBareNoqa,
        MaxTextFileSize = MaxTextFileSize,
        FactCache = FactCache,
        EditorConfig = editorConfig,
        RootDirectory = rootDirectory.Replace('\\', '/'),
        Sections = Sections,
        Scopes = Scopes,
        RepositoryOwner = RepositoryOwner,
        RepositoryName = RepositoryName,
    };

    /// <summary>The GitHub owner (user or organisation) of the scanned repository, when the CLI could tell it (the origin
    /// remote's URL, or <c>GITHUB_REPOSITORY</c> in a workflow run on that checkout); null when unknown. Data, not a lookup:
    /// MLO207/MLO208 treat that owner's actions as first-party.</summary>
    public string? RepositoryOwner { get => repositoryOwner; init => repositoryOwner = value; }

    private string? repositoryOwner;

    /// <summary>The scanned repository's name on GitHub (<c>lightning-bolts</c>), known with its owner; null when unknown.</summary>
    public string? RepositoryName { get => repositoryName; init => repositoryName = value; }

    private string? repositoryName;

    /// <summary>A copy that knows the repository's owner and name (see <see cref="RepositoryOwner"/>).</summary>
    public LintConfig WithRepositoryOwner(string? owner, string? name = null)
    {
        var copy = (LintConfig)MemberwiseClone();
        copy.repositoryOwner = owner;
        copy.repositoryName = name;
        return copy;
    }

    /// <summary>The patterns behind <see cref="Exclude"/>.</summary>
    public IReadOnlyList<string> ExcludePatterns { get; init; } = Array.Empty<string>();
}
