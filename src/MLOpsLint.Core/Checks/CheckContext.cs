using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks;

/// <summary>What a check receives besides its input: rule options, and collectors for findings and
/// scan diagnostics. Not shared between threads: the engine makes one per unit of work.</summary>
public sealed class CheckContext
{
    private readonly List<Finding> findings = new();
    private readonly List<ScanDiagnostic> diagnostics = new();

    public CheckContext(LintConfig config)
    {
        Config = config;
    }

    public LintConfig Config { get; }

    /// <summary>What each file is and what the repository is (the engine passes the scan's model; alone, a model that
    /// knows no repository files).</summary>
    public Scope.ScopeModel Scopes
    {
        get => scopes ??= Scope.ScopeModel.Standalone(Config.Scopes);
        init => scopes = value;
    }

    private Scope.ScopeModel? scopes;

    /// <summary>What <paramref name="document"/> is (test, example, script…), from the scan's one scope model.</summary>
    public Scope.ScopeVerdict ScopeOf(Documents.SourceDocument document) => Scopes.Of(document);

    /// <summary>When only some documents' findings will be reported (<c>scan --staged</c>, file names from pre-commit):
    /// says which. A repository check may then skip work whose findings could only land on other documents, as long as
    /// the findings on these stay exactly what a full run gives. Null: every document is reported.</summary>
    public Func<string, bool>? Reported { get; init; }

    /// <summary>True when findings on <paramref name="path"/> will be reported (always, unless <see cref="Reported"/> narrows it).</summary>
    public bool IsReported(string path) => Reported == null || Reported(path);

    public IReadOnlyList<Finding> Findings => findings;

    public IReadOnlyList<ScanDiagnostic> Diagnostics => diagnostics;

    /// <summary>The options a user set for a rule, with typed accessors that fall back to defaults.</summary>
    public RuleOptions Options(RuleDescriptor rule) => Config.OptionsFor(rule);

    /// <summary>False when configuration turns the rule off everywhere (checks may skip work).</summary>
    public bool IsEnabled(RuleDescriptor rule) => Config.IsSelected(rule);

    public void Report(Finding finding) => findings.Add(finding);

    public void Report(ScanDiagnostic diagnostic) => diagnostics.Add(diagnostic);

    public void Warn(string path, string message, int? line = null) =>
        diagnostics.Add(new ScanDiagnostic(ScanDiagnosticLevel.Warning, message, path, line));
}
