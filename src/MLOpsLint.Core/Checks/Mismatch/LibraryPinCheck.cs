using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Environments;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Mismatch;

/// <summary>
/// MLO603 (libraries with serialized artifacts) and MLO608 (other libraries): one library pinned in a serving environment
/// and in a related development/training environment to version constraints that do not intersect (PEP 440 arithmetic:
/// <c>==1.3.2</c> agrees with <c>&gt;=1.3,&lt;1.4</c>, not with <c>&lt;1.3</c>). Names are PEP 503-normalised; local labels
/// (<c>+cu121</c>, <c>+cpu</c>) are ignored. The serving side is reported, the other side is the related location.
/// </summary>
public sealed class LibraryPinCheck : IRepositoryCheck, IDocumentSummarizer, IReportsOnlyOn
{
    public bool MayReportOn(SourceDocument document) => MismatchSupport.MayReportOn(document);

    public bool Summarizes(Documents.SourceDocument document) => FactReader.MaySummarize(document);

    /// <summary>The document's environment facts, read while its text is at hand.</summary>
    public void Summarize(Documents.SourceDocument document, CheckContext context) => FactReader.Summarize(document);

    public static readonly IReadOnlyCollection<string> SerializedLibraries = new HashSet<string>(StringComparer.Ordinal)
    {
        "scikit-learn", "xgboost", "lightgbm", "catboost", "torch", "tensorflow", "tensorflow-cpu", "tensorflow-gpu",
        "tensorflow-intel", "keras", "tf-keras", "joblib", "onnx", "onnxruntime", "onnxruntime-gpu", "numpy", "pandas",
        "scipy", "statsmodels", "cloudpickle", "dill",
    };

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO603, RuleCatalog.MLO608 };

    private static readonly HashSet<string> LockFiles = new(StringComparer.OrdinalIgnoreCase) { "Pipfile.lock", "poetry.lock", "uv.lock", "pdm.lock" };

    /// <summary>A development environment, or one with no role of its own, with its own lock file (Pipfile.lock,
    /// poetry.lock…) in a folder below the serving environment's is another project — a monitoring job or a helper tool of
    /// a course homework beside the service — not the service's development environment: the lock makes its folder a
    /// project root. (A training environment below a service is still compared: that is the model the service loads.)</summary>
    private static bool IsOtherProject(RepoEnvironment other, RepoEnvironment serving) =>
        other.Role is EnvironmentRole.Development or EnvironmentRole.Unknown && !other.IsExplicit && !serving.IsExplicit
        && other.Scope != serving.Scope && EnvironmentModel.IsAncestorOrSelf(serving.Scope, other.Scope)
        && other.Files.Any(f => LockFiles.Contains(f.FileName) && EnvironmentModel.Dir(f.Path) == other.Scope);

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var model = EnvironmentModel.Of(repository, context.Config);
        MismatchSupport.ReportProblems(model, context);
        var serialized = new HashSet<string>(SerializedLibraries, StringComparer.Ordinal);
        foreach (var extra in context.Options(RuleCatalog.MLO603).GetStringList("serialized-libraries", Array.Empty<string>()))
        {
            serialized.Add(Parsing.Requirements.Pep508Requirement.NormalizeName(extra));
        }

        var conflicts = new Dictionary<LibraryFact, (RepoEnvironment Serving, List<(LibraryFact Fact, RepoEnvironment Env)> Others)>();
        foreach (var serving in model.Environments.Where(e => e.Role == EnvironmentRole.Serving))
        {
            var others = model.Environments
                .Where(other => other.Role is not (EnvironmentRole.Serving or EnvironmentRole.CI) && EnvironmentModel.Related(serving, other) && !IsOtherProject(other, serving))
                .ToList();
            if (others.Count == 0) continue;
            // only a library some related environment names too can conflict: the serving side's facts are indexed for those
            // alone (an image that installs 100,000 packages was grouped whole, for the few names a requirements file shares)
            var otherNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var other in others)
            {
                foreach (var fact in other.Libraries) otherNames.Add(fact.Name);
            }
            var servingFacts = new Dictionary<string, List<LibraryFact>>(StringComparer.Ordinal);
            foreach (var fact in serving.Libraries)
            {
                if (fact.IsDevelopmentOnly || !otherNames.Contains(fact.Name)) continue;
                if (!servingFacts.TryGetValue(fact.Name, out var list)) servingFacts[fact.Name] = list = new List<LibraryFact>(1);
                list.Add(fact);
            }
            if (servingFacts.Count == 0) continue;
            foreach (var other in others)
            {
                foreach (var fact in other.Libraries)
                {
                    if (!servingFacts.TryGetValue(fact.Name, out var mine)) continue;
                    foreach (var s in mine)
                    {
                        if (s.Path == fact.Path || s.Specifiers.Intersects(fact.Specifiers)) continue;
                        if (!conflicts.TryGetValue(s, out var entry)) conflicts[s] = entry = (serving, new List<(LibraryFact, RepoEnvironment)>());
                        if (!entry.Others.Any(o => ReferenceEquals(o.Fact, fact))) entry.Others.Add((fact, other));
                    }
                }
            }
        }

        foreach (var conflict in conflicts.OrderBy(c => c.Key.Path, StringComparer.Ordinal).ThenBy(c => c.Key.Span.StartLine))
        {
            var fact = conflict.Key;
            var (serving, others) = conflict.Value;
            bool isSerialized = serialized.Contains(fact.Name);
            var rule = isSerialized ? RuleCatalog.MLO603 : RuleCatalog.MLO608;
            if (!context.IsEnabled(rule)) continue;
            var (first, firstEnv) = others[0];
            string otherText = string.Join(" and ", others.Select(o => $"{o.Fact.Shown} in {o.Env.Describe()} ({o.Fact.Where})"));
            string why = isSerialized
                ? $" — {fact.Name} artifacts (pickles, checkpoints) saved with one version may not load or may predict differently with the other"
                : "";
            string target = first.IsLock || first.Specifiers.IsExactPin ? $"{fact.Name}=={first.Specifiers.ExactPin?.VersionText ?? first.Shown}" : $"{fact.Name}{first.Specifiers}";
            context.Report(new Finding(rule, fact.Path, fact.Span,
                $"{fact.Name} {fact.Specifiers} in {serving.Describe()} cannot match {otherText}{why}")
            {
                Related = others.Select(o => o.Fact.Location($"{o.Env.RoleName} side: {o.Fact.Name} {o.Fact.Shown}")).ToArray(),
                FixHint = $"pin the version the model was trained with ({target}) in both places, or share one constraints file",
                FingerprintContent = $"{fact.Name} {fact.Specifiers} vs {string.Join(",", others.Select(o => o.Fact.Specifiers.ToString()))}",
            });
        }
    }
}
