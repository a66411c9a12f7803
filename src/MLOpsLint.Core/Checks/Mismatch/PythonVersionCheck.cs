using MLOpsLint.Core.Environments;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Mismatch;

/// <summary>
/// MLO601: a Python version that another declaration of the same project excludes; MLO602: CI's setup-python versions
/// include none of the Pythons production runs. Version arithmetic is PEP 440 (<see cref="PythonFact.Admitted"/>
/// sets intersected), so <c>3.11-slim</c> agrees with <c>&gt;=3.11</c> and <c>3.11.9</c>, and <c>3.8</c> does not.
/// </summary>
public sealed class PythonVersionCheck : IRepositoryCheck, IDocumentSummarizer
{
    public bool Summarizes(Documents.SourceDocument document) => FactReader.MaySummarize(document);

    /// <summary>The document's environment facts, read while its text is at hand.</summary>
    public void Summarize(Documents.SourceDocument document, CheckContext context) => FactReader.Summarize(document);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO601, RuleCatalog.MLO602 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var model = EnvironmentModel.Of(repository, context.Config);
        MismatchSupport.ReportProblems(model, context);
        // A notebook's kernel speaks for the notebook's own run only when the notebook is the project's (not a library's
        // tutorial, docs page or test, which were executed once, elsewhere): the scope model decides.
        var facts = repository.Documents.Where(FactReader.MayHoldFacts)
            .SelectMany(d => FactReader.Of(d).Python.Where(f => f.Source != PythonSource.NotebookKernel || context.ScopeOf(d).Scope == Scope.FileScope.Notebook))
            .ToList();
        if (context.IsEnabled(RuleCatalog.MLO601)) Excluded(model, facts, context);
        if (context.IsEnabled(RuleCatalog.MLO602)) CiMissesProduction(repository, model, facts, context);
    }

    /// <summary>How much a declaration is the source of truth; the less authoritative side of a conflict is reported.</summary>
    private static int Authority(PythonFact f) => f.Source switch
    {
        PythonSource.RequiresPython or PythonSource.PoetryPython or PythonSource.SetupCfgPythonRequires => 4,
        PythonSource.RuntimeTxt or PythonSource.DockerBaseImage or PythonSource.DockerInstall or PythonSource.DeploymentImage => 3,
        PythonSource.Pipfile or PythonSource.CondaEnvironment => 2,
        PythonSource.NotebookKernel => 0,
        _ => 1,
    };

    /// <summary>Which declarations stand in for each other: a closer one of the same group hides a farther one.</summary>
    private static string Group(PythonSource s) => s switch
    {
        PythonSource.RequiresPython or PythonSource.PoetryPython or PythonSource.SetupCfgPythonRequires => "project",
        PythonSource.DotPythonVersion or PythonSource.ToolVersions => "local",
        PythonSource.DockerBaseImage or PythonSource.DockerInstall or PythonSource.DeploymentImage => "docker", // images
        _ => s.ToString(),
    };

    /// <summary>The declarations of the environment a notebook runs in: the project's constraints, the local and dev
    /// container Pythons, conda and Pipfile environments, and a training or development image. Not serving images, CI or
    /// other notebooks: a notebook on 3.10 beside a service image on 3.11 is two environments, not a mismatch.</summary>
    private static bool NotebookEnvironment(PythonFact other, EnvironmentModel model) => other.Source switch
    {
        PythonSource.DotPythonVersion or PythonSource.ToolVersions or PythonSource.CondaEnvironment or PythonSource.Pipfile
            or PythonSource.DevContainer => true,
        PythonSource.DockerBaseImage or PythonSource.DockerInstall =>
            model.EnvironmentsOf(other.Path).Any(e => e.Role is EnvironmentRole.Training or EnvironmentRole.Development),
        _ => other.IsConstraint,
    };

    private static bool Compared(PythonFact a, PythonFact b, EnvironmentModel model)
    {
        if (a.Path == b.Path) return false;
        if (a.Source == PythonSource.NotebookKernel) return b.Source != PythonSource.NotebookKernel && NotebookEnvironment(b, model);
        if (b.Source == PythonSource.NotebookKernel) return NotebookEnvironment(a, model);
        // A dev container built from its own Dockerfile: the features it adds win over the image, so the two are one
        // declaration, not two that must agree.
        if ((a.Source == PythonSource.DevContainer || b.Source == PythonSource.DevContainer)
            && EnvironmentModel.Dir(a.Path) == EnvironmentModel.Dir(b.Path)) return false;
        if (a.IsConstraint || b.IsConstraint) return true;
        if (a.IsTestMatrix || b.IsTestMatrix) return false; // CI and tox against exact versions: MLO602's business
        return Group(a.Source) != Group(b.Source); // two Dockerfiles are two images, two .python-version files two folders
    }

    private static void Excluded(EnvironmentModel model, List<PythonFact> facts, CheckContext context)
    {
        var conflicts = new Dictionary<PythonFact, List<PythonFact>>();
        for (int i = 0; i < facts.Count; i++)
        {
            for (int j = i + 1; j < facts.Count; j++)
            {
                var a = facts[i];
                var b = facts[j];
                if (!Compared(a, b, model) || Agree(a, b)) continue;
                if (!model.FilesRelated(Workspace(a), Workspace(b), out bool declared)) continue;
                if (!declared && (Shadowed(a, b, facts) || Shadowed(b, a, facts))) continue;
                int ra = Authority(a), rb = Authority(b);
                var reported = ra < rb ? a : rb < ra ? b : string.CompareOrdinal(a.Path, b.Path) > 0 ? a : b;
                var other = ReferenceEquals(reported, a) ? b : a;
                if (!conflicts.TryGetValue(reported, out var list)) conflicts[reported] = list = new List<PythonFact>();
                list.Add(other);
            }
        }
        // most repositories have none: the grouping below is code that would run once, for nothing (start-up, bench/README.md)
        if (conflicts.Count == 0) return;
        ReportNotebooks(conflicts.Where(c => c.Key.Source == PythonSource.NotebookKernel).ToList(), context);
        // one finding per line: a tox envlist (py{37,38,39,310}-…) or a matrix line names several Pythons, fixed in one edit
        var byLine = conflicts.Where(c => c.Key.Source != PythonSource.NotebookKernel)
            .GroupBy(c => (c.Key.Path, c.Key.Span.StartLine, c.Key.Source))
            .OrderBy(g => g.Key.Path, StringComparer.Ordinal).ThenBy(g => g.Key.StartLine);
        foreach (var line in byLine)
        {
            var declared = line.Select(c => c.Key).OrderBy(f => f.Version?.Major ?? 0).ThenBy(f => f.Version?.Minor ?? 0)
                .ThenBy(f => f.Text, StringComparer.Ordinal).ToArray();
            var fact = declared[0];
            var others = line.SelectMany(c => c.Value).GroupBy(o => (o.Where, o.Text)).Select(g => g.First())
                .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Span.StartLine).ToList();
            string what = fact.IsConstraint ? $"{fact.Describe()} admits no Python"
                : declared.Length == 1 ? $"Python {fact.Shown} ({fact.Describe()}) is"
                : $"Pythons {string.Join(", ", declared.Select(f => f.Shown).Distinct())} ({Several(declared)}) are";
            string by = string.Join(" and ", others.Select(o => $"{o.Describe()} ({o.Where})"));
            string message = fact.IsConstraint
                ? $"{what} that {by} allows"
                : $"{what} excluded by {by}";
            var first = others[0];
            string hint = first.Version != null && !first.IsTestMatrix
                ? $"use Python {first.Version} here too, or change {first.Path} — one version everywhere"
                : $"use a Python that {first.Describe()} admits, or widen that range";
            context.Report(new Finding(RuleCatalog.MLO601, fact.Path, fact.Span, message)
            {
                Related = others.Select(o => o.Location($"{o.Describe()}: Python {o.Shown}")).ToArray(),
                FixHint = hint,
            });
        }
    }

    /// <summary>Several declarations of one line, in words: "tox envs py37, py38, py39".</summary>
    private static string Several(IReadOnlyList<PythonFact> facts) =>
        facts.All(f => f.Source == PythonSource.Tox)
            ? "tox envs " + string.Join(", ", facts.Select(f => f.Text).Distinct())
            : string.Join(", ", facts.Select(f => f.Describe()).Distinct());

    /// <summary>Notebooks whose kernel ran a Python their environment's declarations exclude: one finding per set of
    /// declarations they disagree with (twelve notebooks run on 3.8 in a 3.11 project are one thing to fix), on the first
    /// notebook, naming how many and listing up to ten more.</summary>
    private static void ReportNotebooks(List<KeyValuePair<PythonFact, List<PythonFact>>> conflicts, CheckContext context)
    {
        var groups = conflicts
            .GroupBy(c => string.Join("|", c.Value.Select(o => o.Where).OrderBy(w => w, StringComparer.Ordinal)), StringComparer.Ordinal)
            .OrderBy(g => g.Min(c => c.Key.Path), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var notebooks = group.OrderBy(c => c.Key.Path, StringComparer.Ordinal).Select(c => c.Key).ToArray();
            var others = group.First().Value;
            var first = notebooks[0];
            string versions = string.Join(", ", notebooks.Select(n => n.Text).Distinct().OrderBy(v => v, StringComparer.Ordinal));
            string who = notebooks.Length == 1 ? "This notebook last ran on" : $"{notebooks.Length} notebooks last ran on";
            string by = string.Join(" and ", others.Select(o => $"{o.Describe()} ({o.Where})"));
            var target = others.FirstOrDefault(o => o.Version != null && !o.IsConstraint) ?? others[0];
            string wanted = target.Version != null && !target.IsConstraint ? $"Python {target.Version}" : $"a Python that {target.Describe()} admits";
            context.Report(new Finding(RuleCatalog.MLO601, first.Path, first.Span,
                $"{who} Python {versions} (kernel metadata), which {by} exclude{(others.Count == 1 ? "s" : "")}: its outputs do not come from the project's environment")
            {
                Related = others.Select(o => o.Location($"{o.Describe()}: Python {o.Shown}"))
                    .Concat(notebooks.Skip(1).Take(10).Select(n => n.Location($"also last ran on Python {n.Text}"))).ToArray(),
                FixHint = $"re-run the notebook{(notebooks.Length == 1 ? "" : "s")} with {wanted} (select that kernel, restart and run all, save), or correct {target.Path} if the notebooks are right",
            });
        }
    }

    /// <summary>Where a declaration applies, for relating it to others: a dev container describes the folder that holds
    /// <c>.devcontainer/</c> (the workspace it opens), not the <c>.devcontainer/</c> folder itself.</summary>
    private static string Workspace(PythonFact f)
    {
        if (f.Source != PythonSource.DevContainer) return f.Path;
        string dir = EnvironmentModel.Dir(f.Path);
        int at = dir == ".devcontainer" ? 0 : dir.IndexOf("/.devcontainer", StringComparison.Ordinal);
        string workspace = dir.StartsWith(".devcontainer", StringComparison.Ordinal) ? "" : at > 0 ? dir.Substring(0, at) : dir;
        return workspace.Length == 0 ? "devcontainer.json" : workspace + "/devcontainer.json";
    }

    /// <summary>Against a range every bit counts (3.11.2 is outside >=3.11.4); between two exact declarations only the
    /// minor line does (3.11.2 locally and 3.11.9 in the image run the same language and wheels).</summary>
    private static bool Agree(PythonFact a, PythonFact b)
    {
        if (a.IsConstraint || b.IsConstraint) return a.Admitted.Intersects(b.Admitted);
        return Line(a).Intersects(Line(b));
    }

    private static Versioning.Pep440.Pep440SpecifierSet Line(PythonFact f) =>
        f.Version is { Minor: int minor } v && !v.IsRange ? Versioning.Pep440.Pep440SpecifierSet.Parse($"=={v.Major}.{minor}.*") : f.Admitted;

    /// <summary>Is <paramref name="far"/> hidden from <paramref name="near"/> by a declaration of its own kind in a folder
    /// between them (a service's own pyproject.toml beside its Dockerfile hides the root one)?</summary>
    private static bool Shadowed(PythonFact far, PythonFact near, List<PythonFact> all)
    {
        string farDir = EnvironmentModel.Dir(far.Path), nearDir = EnvironmentModel.Dir(near.Path);
        if (farDir == nearDir || !EnvironmentModel.IsAncestorOrSelf(farDir, nearDir)) return false;
        string group = Group(far.Source);
        return all.Any(f => !ReferenceEquals(f, far) && Group(f.Source) == group
            && EnvironmentModel.Dir(f.Path) is var d && d != farDir && EnvironmentModel.IsAncestorOrSelf(farDir, d) && EnvironmentModel.IsAncestorOrSelf(d, nearDir));
    }

    /// <summary>In a published library, a Dockerfile is production only if it starts something (CMD, ENTRYPOINT, EXPOSE): one
    /// that only builds an environment (skorch's CUDA 9 development image) is not what users run; they install the package.</summary>
    private static bool RunsInProduction(PythonFact f, RepositorySnapshot repository, CheckContext context) =>
        context.Scopes.RepositoryKind != Scope.RepositoryKind.Library
        || f.Source is not (PythonSource.DockerBaseImage or PythonSource.DockerInstall)
        || repository.Find(f.Path) is not { } doc || Scope.RepositoryProfile.StartsSomething(doc);

    /// <summary>Whether a workflow tests the project a production declaration belongs to: a workflow that names its folders
    /// (<c>on.*.paths</c>, <c>working-directory</c>) tests those, and a Dockerfile in an unrelated folder of a monorepo (a
    /// course's other homework) is not its production; one that names none tests the whole repository.</summary>
    private static bool Tests(PythonFact ci, PythonFact prod, RepositorySnapshot repository)
    {
        if (repository.Find(ci.Path) is not { HasText: true } doc) return true;
        var folders = Parsing.Workflows.WorkflowFile.Of(doc).ProjectFolders;
        if (folders.Count == 0) return true;
        string dir = EnvironmentModel.Dir(prod.Path);
        return folders.Any(f => EnvironmentModel.IsAncestorOrSelf(f, dir) || EnvironmentModel.IsAncestorOrSelf(dir, f));
    }

    private static void CiMissesProduction(RepositorySnapshot repository, EnvironmentModel model, List<PythonFact> facts, CheckContext context)
    {
        var allCi = facts.Where(f => f.Source == PythonSource.SetupPython).OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Span.StartLine).ToList();
        if (allCi.Count == 0) return;
        var production = facts.Where(f => f.Source is PythonSource.DockerBaseImage or PythonSource.DockerInstall or PythonSource.DeploymentImage or PythonSource.RuntimeTxt
            && f.Version?.Minor != null
            && model.EnvironmentsOf(f.Path).Any(e => e.Role == EnvironmentRole.Serving)
            && RunsInProduction(f, repository, context)).ToList();
        var reportedLines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prod in production.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var ci = allCi.Where(c => Tests(c, prod, repository)).ToList();
            if (ci.Count == 0 || ci.Any(c => c.Admitted.Intersects(prod.Admitted))) continue;
            string line = $"{prod.Version!.Major}.{prod.Version.Minor}";
            if (!reportedLines.Add(line)) continue;
            var at = ci[0];
            string tested = string.Join(", ", ci.Select(c => c.Shown).Distinct());
            context.Report(new Finding(RuleCatalog.MLO602, at.Path, at.Span,
                $"CI tests Python {tested} but production runs Python {line} ({prod.Describe()}, {prod.Where})")
            {
                Related = new[] { prod.Location($"production runs Python {prod.Shown}") }
                    .Concat(ci.Skip(1).Select(c => c.Location($"CI also tests Python {c.Shown}"))).ToArray(),
                FixHint = $"add \"{line}\" to python-version (or the matrix), or use python-version-file: .python-version with the same version as {prod.Path}",
            });
        }
    }
}
