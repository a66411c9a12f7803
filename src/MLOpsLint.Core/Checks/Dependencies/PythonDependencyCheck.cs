using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.Requirements;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// MLO201 (unpinned requirement), MLO202 (application without a lock), MLO203 (library without a locked dev
/// environment) and MLO211 (mutable VCS/URL reference) over requirements files, constraints, pyproject.toml,
/// Pipfile, setup.cfg and conda environment files. A repository check: <c>-r</c>/<c>-c</c> includes, lock files
/// and deployment files live in other documents.
/// </summary>
public sealed class PythonDependencyCheck : IRepositoryCheck, IReportsOnlyOn
{
    /// <summary>Its findings are on manifests and requirements files, and a file any <c>-r</c> names is one whatever its name
    /// (plain text or another kind): a staged scan of Python modules, notebooks or configuration alone does not run it.</summary>
    public bool MayReportOn(SourceDocument document) => document.Kind is DocumentKind.Requirements or DocumentKind.PyProject or DocumentKind.Pipfile
        or DocumentKind.SetupCfg or DocumentKind.CondaEnvironment or DocumentKind.PlainText or DocumentKind.Other;

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO201, RuleCatalog.MLO202, RuleCatalog.MLO203, RuleCatalog.MLO211 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var manifests = repository.Documents.Where(d => d.HasText && (d.Kind is DocumentKind.Requirements or DocumentKind.PyProject
            or DocumentKind.Pipfile or DocumentKind.SetupCfg or DocumentKind.CondaEnvironment || InRequirementsFolder(d))).ToList();
        if (manifests.Count == 0) return;
        var projects = new PythonProjects(repository);
        var configuredKind = DependencyPolicy.ConfiguredKind(context);
        var requirements = IncludedFiles(repository, manifests.Where(d => d.Kind == DocumentKind.Requirements || InRequirementsFolder(d)).ToList());
        var pins = new RequirementPins(repository, requirements);

        foreach (var doc in requirements) CheckRequirementsFile(doc, repository, projects, pins, configuredKind, context);
        foreach (var doc in manifests.Where(d => d.Kind != DocumentKind.Requirements && !InRequirementsFolder(d)))
        {
            var parsed = PythonManifest.Of(doc)!;
            foreach (var (offset, message) in parsed.Errors)
            {
                context.Warn(doc.Path, message, doc.Lines.GetPosition(offset).Line);
            }
            CheckManifest(doc, parsed, projects, configuredKind, context);
        }
    }

    /// <summary><c>requirements/prod.txt</c>, <c>requirements.d/gpu.txt</c>: the folder says what they are.</summary>
    private static bool InRequirementsFolder(SourceDocument d) =>
        d.Kind == DocumentKind.PlainText && d.Path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        && (d.Path.StartsWith("requirements/", StringComparison.OrdinalIgnoreCase) || d.Path.Contains("/requirements/")
            || d.Path.StartsWith("requirements.d/", StringComparison.OrdinalIgnoreCase) || d.Path.Contains("/requirements.d/"));

    // Files named by -r/-c are requirements files whatever their name (base.txt, deps/prod.txt).
    private static List<SourceDocument> IncludedFiles(RepositorySnapshot repo, List<SourceDocument> start)
    {
        var result = new List<SourceDocument>(start);
        var seen = new HashSet<string>(start.Select(d => d.Path), StringComparer.Ordinal);
        for (int i = 0; i < result.Count; i++)
        {
            var file = RequirementsFile.Of(result[i]);
            string dir = DependencyPolicy.Directory(result[i].Path);
            foreach (var o in file.Includes.Concat(file.Constraints))
            {
                var path = DependencyPolicy.Resolve(dir, o.Value!);
                if (path != null && repo.Find(path) is { HasText: true } d && seen.Add(d.Path)
                    && d.Kind is DocumentKind.PlainText or DocumentKind.Other or DocumentKind.Requirements)
                {
                    result.Add(d);
                }
            }
        }
        return result;
    }

    private static void CheckRequirementsFile(SourceDocument doc, RepositorySnapshot repo, PythonProjects projects, RequirementPins pins,
        ProjectKind? configuredKind, CheckContext context)
    {
        var file = RequirementsFile.Of(doc);
        foreach (var (offset, message) in file.Errors) context.Warn(doc.Path, message, doc.Lines.GetPosition(offset).Line);
        string dir = DependencyPolicy.Directory(doc.Path);
        if (doc.Kind == DocumentKind.Requirements && doc.Path.EndsWith(".in", StringComparison.OrdinalIgnoreCase))
        {
            CheckCompileInput(doc, file, repo, context);
            return;
        }
        var kind = configuredKind ?? projects.KindOfDirectory(dir);
        // A library's requirement files are its users' ranges (a requirements.txt that setup.py reads, extras) or its
        // development environment (requirements-dev.txt), which MLO203 asks to lock as a whole: line by line they hold no
        // pins, unless the user sets a strictness. Development requirements outside an application are tooling too.
        bool libraryDevelopment = (kind == ProjectKind.Library && !context.Options(RuleCatalog.MLO201).Has("strictness"))
            || (context.ScopeOf(doc).Scope == Scope.FileScope.Development && context.Scopes.RepositoryKind != Scope.RepositoryKind.Application)
            || projects.IsPackageDependencyList(doc);
        var strictness = DependencyPolicy.ReadStrictness(context, RuleCatalog.MLO201, kind);
        bool hashMode = strictness == Strictness.Hash;
        foreach (var e in file.Entries)
        {
            if (e.Reference is { } reference && reference.Kind != DirectReferenceKind.Local)
            {
                if (!reference.IsImmutable && !(reference.Kind == DirectReferenceKind.Archive && e.Hashes.Count > 0))
                {
                    ReportReference(doc, e.Start, e.End, e.NormalizedName ?? e.Text, reference, context);
                }
                continue;
            }
            if (e.Kind != RequirementEntryKind.Named || e.Requirement is not { } r || libraryDevelopment) continue;
            if (DependencyPolicy.IsPinned(r, e.Hashes, strictness)) continue;
            if (pins.IsPinnedElsewhere(doc.Path, r.NormalizedName, strictness)) continue;
            var (ns, ne) = e.NameRange;
            string why = !r.HasVersion ? "has no version" : hashMode && r.IsExactPin ? "has no --hash" : $"is not pinned to one version ({r.SpecifierText})";
            string fix = hashMode
                ? $"pin it with a hash: {r.Name}=={(r.IsExactPin ? r.Specifiers.ExactPin!.VersionText : "<version>")} --hash=sha256:<hash> (pip-compile --generate-hashes / uv pip compile --generate-hashes writes both)"
                : $"pin it: {r.Name}{Extras(r)}==<version>{(r.Marker != null ? " ; " + r.Marker : "")} (pip freeze | grep -i {r.Name} shows the installed version; pip-compile / uv pip compile pins every line)";
            context.Report(new Finding(RuleCatalog.MLO201, doc.Path, DependencyPolicy.Span(doc, ns, ne),
                $"'{r.Name}' in {doc.ShownName} {why}")
            { FixHint = fix });
        }
    }

    // A pip-compile input (.in) holds ranges by design; its lock is the compiled .txt beside it.
    private static void CheckCompileInput(SourceDocument doc, RequirementsFile file, RepositorySnapshot repo, CheckContext context)
    {
        string compiled = doc.Path.Substring(0, doc.Path.Length - 3) + ".txt";
        if (repo.Find(compiled) != null) return;
        var loose = file.Entries.Where(e => e.Requirement is { IsExactPin: false, Url: null } && e.Kind == RequirementEntryKind.Named).ToList();
        if (loose.Count == 0) return;
        var first = loose[0];
        var (ns, ne) = first.NameRange;
        context.Report(new Finding(RuleCatalog.MLO202, doc.Path, DependencyPolicy.Span(doc, ns, ne),
            $"{doc.FileName} is a pip-compile input with {loose.Count} unpinned requirement(s) ({Names(loose.Select(e => e.Requirement!.Name))}) and no compiled {DocumentClassifier.FileName(compiled)}")
        {
            FixHint = $"compile it and commit the result: pip-compile --generate-hashes {doc.FileName} (or uv pip compile {doc.FileName} -o {DocumentClassifier.FileName(compiled)})",
            Related = loose.Skip(1).Select(e => new Location(doc.Path, DependencyPolicy.Span(doc, e.NameRange.Start, e.NameRange.End)) { Message = e.Text }).ToArray(),
        });
    }

    private static void CheckManifest(SourceDocument doc, PythonManifest parsed, PythonProjects projects, ProjectKind? configuredKind, CheckContext context)
    {
        string? lockFile = projects.LockFor(doc, parsed);
        string reason = "set by project-kind";
        var kind = configuredKind ?? projects.KindOf(doc, parsed, out reason);

        // Mutable VCS/URL references: a lock records the commit or hash they resolved to.
        if (lockFile == null)
        {
            foreach (var dep in parsed.Dependencies)
            {
                if (dep.Reference is { Kind: not DirectReferenceKind.Local, IsImmutable: false } reference)
                {
                    ReportReference(doc, dep.Start, dep.End, dep.Name, reference, context);
                }
            }
        }

        if (doc.Kind == DocumentKind.CondaEnvironment)
        {
            if (lockFile == null) CheckCondaEnvironment(doc, parsed, kind, context);
            return;
        }

        var loose = parsed.Dependencies
            .Where(d => d.Group is DependencyGroupKind.Runtime or DependencyGroupKind.Optional && !d.IsInterpreter
                        && d.Pinning is Pinning.Range or Pinning.Unpinned)
            .ToList();
        int anchor = parsed.DependenciesAnchor ?? (loose.Count > 0 ? loose[0].Start : 0);
        if (kind == ProjectKind.Application)
        {
            if (lockFile != null || loose.Count == 0) return;
            string lockHint = doc.Kind switch
            {
                DocumentKind.Pipfile => "pipenv lock (and commit Pipfile.lock)",
                _ => "uv lock, poetry lock or pdm lock (and commit the lock file), or pip-compile --generate-hashes pyproject.toml -o requirements.txt",
            };
            context.Report(new Finding(RuleCatalog.MLO202, doc.Path, LineSpan(doc, anchor),
                $"{doc.ShownName} is an application ({reason}) with {loose.Count} dependenc{(loose.Count == 1 ? "y" : "ies")} not pinned to one version ({Names(loose.Select(d => d.Name))}) and no lock file")
            {
                FixHint = "lock it: " + lockHint,
                Related = loose.Select(d => new Location(doc.Path, DependencyPolicy.Span(doc, d.Start, d.End)) { Message = $"{d.Text} ({d.GroupName})" }).ToArray(),
            });
            return;
        }

        if (lockFile != null || parsed.Dependencies.Count == 0) return;
        context.Report(new Finding(RuleCatalog.MLO203, doc.Path, LineSpan(doc, anchor),
            $"{doc.FileName} is a library ({reason}); its ranges are fine for users, but its development and CI environment is not locked")
        {
            FixHint = "lock the development environment: uv lock / poetry lock / pdm lock, or commit a compiled requirements-dev.txt (uv pip compile --group dev pyproject.toml -o requirements-dev.txt)",
        });
    }

    private static void CheckCondaEnvironment(SourceDocument doc, PythonManifest parsed, ProjectKind kind, CheckContext context)
    {
        var strictness = DependencyPolicy.ReadStrictness(context, RuleCatalog.MLO201, kind);
        if (strictness == Strictness.Hash) strictness = Strictness.Exact;
        foreach (var dep in parsed.Dependencies)
        {
            if (dep.Pinning == Pinning.Reference) continue;
            string name = dep.NormalizedName;
            if (name == "pip") continue;
            bool pinned = dep.Conda != null
                ? DependencyPolicy.IsPinned(dep.Conda, strictness)
                : dep.Requirement != null && DependencyPolicy.IsPinned(dep.Requirement, Array.Empty<string>(), strictness);
            if (pinned) continue;
            string fix = dep.Conda != null
                ? $"pin it: {(dep.Conda.Channel != null ? dep.Conda.Channel + "::" : "")}{dep.Name}=<version> with the full version (conda list {dep.Name} shows it), or lock the environment with conda-lock"
                : $"pin it: {dep.Name}==<version> (pip freeze | grep -i {dep.Name})";
            string why = dep.Version.Length == 0 ? "has no version" : $"is not pinned to one version ({dep.Version})";
            context.Report(new Finding(RuleCatalog.MLO201, doc.Path, DependencyPolicy.Span(doc, dep.Start, dep.End),
                $"'{dep.Name}' in {doc.ShownName} ({dep.GroupName}) {why}")
            { FixHint = fix });
        }
    }

    internal static void ReportReference(SourceDocument doc, int start, int end, string name, DirectReference reference, CheckContext context) =>
        context.Report(ReferenceFinding(doc, DependencyPolicy.Span(doc, start, end), name, reference));

    /// <summary>The MLO211 finding for a mutable VCS or archive reference at <paramref name="span"/>.</summary>
    internal static Finding ReferenceFinding(SourceDocument doc, SourceSpan span, string name, DirectReference reference)
    {
        string what, fix;
        if (reference.Kind == DirectReferenceKind.Vcs)
        {
            what = reference.Revision == null ? "a VCS URL without a revision" : $"a VCS URL at '{reference.Revision}', which can move";
            fix = $"reference a full commit: {StripRevision(reference.Url)}@<40-hex commit sha> (git ls-remote <repo> {reference.Revision ?? "HEAD"} prints it)";
        }
        else
        {
            what = "an archive URL without a hash";
            fix = $"add the archive's hash: {reference.Url}#sha256=<hash> (or --hash=sha256:<hash>); sha256sum of the downloaded file gives it";
        }
        return new Finding(RuleCatalog.MLO211, doc.Path, span, $"'{name}' in {doc.FileName} is {what}") { FixHint = fix };
    }

    private static string StripRevision(string url)
    {
        int hash = url.IndexOf('#');
        string main = hash < 0 ? url : url.Substring(0, hash);
        int scheme = main.IndexOf("://", StringComparison.Ordinal);
        int pathStart = scheme < 0 ? 0 : main.IndexOf('/', scheme + 3);
        int at = main.LastIndexOf('@');
        return at > pathStart && pathStart >= 0 ? main.Substring(0, at) : main;
    }

    private static string Extras(Pep508Requirement r) => r.Extras.Count == 0 ? "" : "[" + string.Join(",", r.Extras) + "]";

    internal static string Names(IEnumerable<string> names)
    {
        var list = names.Distinct().ToList();
        return list.Count <= 4 ? string.Join(", ", list) : string.Join(", ", list.Take(4)) + $", and {list.Count - 4} more";
    }

    private static SourceSpan LineSpan(SourceDocument doc, int offset)
    {
        var (line, col) = doc.Lines.GetPosition(offset);
        string text = doc.Lines.GetLine(line);
        int end = text.Length + 1;
        return new SourceSpan(line, col, line, Math.Max(col + 1, end));
    }
}
