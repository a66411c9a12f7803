using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.Dockerfile;
using MLOpsLint.Core.Parsing.Requirements;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Parsing.Workflows;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// MLO205 (unpinned <c>pip</c>/<c>uv pip</c>/<c>conda</c> install), MLO206 (unpinned <c>apt-get</c>/<c>apk</c> package,
/// Dockerfiles only) and MLO211 (mutable VCS/URL in an install command) in Dockerfile RUN instructions, shell
/// scripts and workflow <c>run:</c> steps. A repository check: <c>-c constraints.txt</c> is read from the file it names,
/// resolved relative to the Dockerfile's directory (the usual build context) or the script's directory, and through
/// the Dockerfile's COPY instructions.
/// </summary>
public sealed class InstallCommandCheck : IRepositoryCheck, IReportsOnlyOn
{
    /// <summary>Its findings are on the Dockerfiles, scripts and workflows that run the installs (a notebook's are
    /// NotebookInstallCheck's): a staged scan of none of these does not run it.</summary>
    public bool MayReportOn(SourceDocument document) =>
        document.Kind is DocumentKind.Dockerfile or DocumentKind.Shell or DocumentKind.GitHubWorkflow or DocumentKind.GitHubAction;

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO205, RuleCatalog.MLO206, RuleCatalog.MLO211 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        PythonProjects? projects = null;
        foreach (var doc in repository.Documents)
        {
            if (!doc.HasText) continue;
            switch (doc.Kind)
            {
                case DocumentKind.Dockerfile:
                {
                    var model = DockerfileParser.Of(doc);
                    projects ??= new PythonProjects(repository);
                    foreach (var run in model.Runs)
                    {
                        foreach (var cmd in run.Commands)
                        {
                            if (InstallCommandParser.Parse(cmd) is { } install)
                            {
                                CheckInstall(InstallSite.Of(doc), install, model, run.Instruction, repository, projects, context);
                            }
                        }
                    }
                    break;
                }
                case DocumentKind.Shell:
                {
                    projects ??= new PythonProjects(repository);
                    foreach (var cmd in ShellParser.Parse(doc.Text))
                    {
                        if (InstallCommandParser.Parse(cmd) is { Installer: not (Installer.Apt or Installer.Apk) } install)
                        {
                            CheckInstall(InstallSite.Of(doc), install, null, null, repository, projects, context);
                        }
                    }
                    break;
                }
                case DocumentKind.GitHubWorkflow:
                case DocumentKind.GitHubAction:
                {
                    var wf = WorkflowFile.Of(doc);
                    projects ??= new PythonProjects(repository);
                    foreach (var step in wf.Steps)
                    {
                        if (step.Run == null || step.Run.Text.Text.IndexOf("install", StringComparison.Ordinal) < 0) continue;
                        foreach (var cmd in ShellParser.Parse(step.Run.Text))
                        {
                            if (InstallCommandParser.Parse(cmd) is { Installer: not (Installer.Apt or Installer.Apk) } install)
                            {
                                CheckInstall(InstallSite.Of(doc), install, null, null, repository, projects, context);
                            }
                        }
                    }
                    break;
                }
            }
        }
    }

    /// <summary>Judges one pip/uv pip/conda install (apt/apk: MLO206) and reports through <paramref name="site"/>: MLO205 for
    /// Dockerfiles, scripts and workflows, MLO212 for notebook lines (same pin decisions, same options), MLO211 for
    /// mutable VCS/URL arguments.</summary>
    internal static void CheckInstall(InstallSite site, InstallCommand install, DockerfileModel? docker, DockerInstruction? instruction,
        RepositorySnapshot repo, PythonProjects projects, CheckContext context)
    {
        var doc = site.Document;
        if (install.Installer is Installer.Apt or Installer.Apk)
        {
            CheckSystemPackages(doc, install, context);
            return;
        }
        if (TracksNewestOnPurpose(doc, context)) return;
        string dir = DependencyPolicy.Directory(doc.Path);
        var kind = DependencyPolicy.ConfiguredKind(context) ?? projects.KindOfDirectory(dir);
        // A rule other than MLO205 (MLO212) reads its own options, and MLO205's where it sets none.
        var strictnessRule = context.Options(site.Rule).Has("strictness") ? site.Rule : RuleCatalog.MLO205;
        var strictness = DependencyPolicy.ReadStrictness(context, strictnessRule, kind);
        bool ignoreTools = context.Options(site.Rule).Has("ignore-packaging-tools")
            ? context.Options(site.Rule).GetBool("ignore-packaging-tools", true)
            : context.Options(RuleCatalog.MLO205).GetBool("ignore-packaging-tools", true);

        if (install.Installer == Installer.Conda)
        {
            var conda = strictness == Strictness.Hash ? Strictness.Exact : strictness;
            var unpinnedConda = new List<Unpinned>();
            foreach (var w in install.Packages)
            {
                if (w.HasExpansion || w.Value.Length == 0) continue;
                var spec = CondaSpec.Parse(w.Value);
                if (spec.Name.Length == 0 || CondaSelectors.Contains(spec.NormalizedName)) continue;
                if (ignoreTools && CondaTools.Contains(spec.NormalizedName)) continue;
                if (DependencyPolicy.IsPinned(spec, conda)) continue;
                unpinnedConda.Add(new(w, spec.Name, spec.HasVersion ? $"is not pinned to one version ({spec.Version})" : "has no version",
                    $"{(spec.Channel != null ? spec.Channel + "::" : "")}{spec.Name}=<full version>"));
            }
            if (unpinnedConda.Count > 0)
            {
                string names = string.Join(" ", unpinnedConda.Select(u => u.Pinned));
                Report(site, unpinnedConda, install,
                    $"pin {(unpinnedConda.Count == 1 ? "it" : "them")}: {site.Prefix}{install.Tool.Value} install {names} (conda list shows the installed versions), or install from a conda-lock file", context);
            }
            return;
        }

        // pip / uv pip: names pinned by the constraint and requirement files of the same command count.
        var pinnedByFiles = new HashSet<string>(StringComparer.Ordinal);
        var remote = new List<string>();
        foreach (var f in install.ConstraintFiles.Concat(install.RequirementFiles))
        {
            if (IsRemote(f.Value))
            {
                remote.Add(f.Value);
                continue;
            }
            var target = ResolveFile(doc, f.Value, docker, instruction, repo);
            if (target == null) continue;
            foreach (var e in RequirementsFile.Of(target).Entries)
            {
                if (e.Requirement is { } r && DependencyPolicy.IsPinned(r, e.Hashes, strictness)) pinnedByFiles.Add(r.NormalizedName);
            }
        }
        var named = new List<(ShellWord Word, Pep508Requirement Req)>();
        foreach (var w in install.Packages)
        {
            string v = w.Value;
            if (v.Length == 0) continue;
            if (DirectReference.LooksLikeReference(v))
            {
                if (w.HasExpansion) continue;
                var reference = DirectReference.Parse(v);
                if (reference.Kind != DirectReferenceKind.Local && !reference.IsImmutable)
                {
                    context.Report(site.Decorate(PythonDependencyCheck.ReferenceFinding(doc, site.Span(w.Start, w.End), reference.EggName ?? v, reference)));
                }
                continue;
            }
            if (!Pep508Requirement.TryParse(v, out var req, out _))
            {
                continue;
            }
            if (req.Url != null)
            {
                var reference = DirectReference.Parse(req.Url);
                if (reference.Kind != DirectReferenceKind.Local && !reference.IsImmutable)
                {
                    context.Report(site.Decorate(PythonDependencyCheck.ReferenceFinding(doc, site.Span(w.Start, w.End), req.Name, reference)));
                }
                continue;
            }
            named.Add((w, req));
        }
        bool onlyTools = named.Count > 0 && named.All(n => DependencyPolicy.PackagingTools.Contains(n.Req.NormalizedName));
        // pip install "mkdocstrings==0.21" "mkdocstrings[python]>=0.18": the extra is held by the pin beside it
        var pinnedHere = new HashSet<string>(named.Where(n => n.Req.IsExactPin).Select(n => n.Req.NormalizedName), StringComparer.Ordinal);
        var unpinned = new List<Unpinned>();
        foreach (var (w, req) in named)
        {
            // A version that comes from a variable (pip install torch==$TORCH_VERSION) is pinned at build time.
            if (w.HasExpansion && req.HasVersion) continue;
            if (w.HasExpansion && v0(w).StartsWith("$", StringComparison.Ordinal)) continue;
            if (ignoreTools && DependencyPolicy.PackagingTools.Contains(req.NormalizedName) && (install.Upgrade || onlyTools)) continue;
            bool pinned = strictness == Strictness.Hash
                ? req.IsExactPin && install.RequireHashes
                : DependencyPolicy.IsPinned(req, Array.Empty<string>(), strictness);
            if (pinned || pinnedByFiles.Contains(req.NormalizedName) || (!req.IsExactPin && pinnedHere.Contains(req.NormalizedName))) continue;
            string why = !req.HasVersion && remote.Count > 0
                ? $"has no version here, and the file that may pin it ({remote[0]}) is remote: the scan cannot read it, and what it says can change between builds"
                : !req.HasVersion ? "has no version"
                : strictness == Strictness.Hash && req.IsExactPin ? "is installed without hash checking"
                : $"is not pinned to one version ({req.SpecifierText})";
            unpinned.Add(new(w, req.Name, why, $"\"{req.Name}{(req.Extras.Count > 0 ? "[" + string.Join(",", req.Extras) + "]" : "")}==<version>\""));
        }
        if (unpinned.Count == 0) return;
        string pinFix = strictness == Strictness.Hash
            ? $"install from a hashed requirements file: put {string.Join(", ", unpinned.Select(u => u.Name + "==<version> --hash=sha256:<hash>"))} in requirements.txt (pip-compile --generate-hashes) and run pip install --require-hashes -r requirements.txt"
            : $"pin {(unpinned.Count == 1 ? "it" : "them")}: {site.Prefix}{PipCommand(install)} {string.Join(" ", unpinned.Select(u => u.Pinned))} ({(install.Installer == Installer.Pipx ? "pipx list shows the installed versions" : unpinned.Count == 1 ? $"pip freeze | grep -i {unpinned[0].Name} shows the installed version" : "pip freeze shows the installed versions")}), or install from a pinned requirements file with -r";
        Report(site, unpinned, install, pinFix, context);
    }

    /// <summary>A package of one install command that is not pinned: the word, its name, why, and the pinned form for the fix.</summary>
    private sealed record Unpinned(ShellWord Word, string Name, string Why, string Pinned);

    /// <summary>conda itself and its solver, updated in place (<c>conda update -n base conda</c>): the installer, not a dependency of
    /// the project (as pip is for pip; mamba, a separate tool that a script installs, is still judged).</summary>
    private static readonly HashSet<string> CondaTools = new(StringComparer.Ordinal) { "pip", "conda", "conda-libmamba-solver" };

    /// <summary>conda metapackages that select a build variant (<c>cpuonly</c>, <c>nomkl</c>): nothing to pin, the packages they select are.</summary>
    private static readonly HashSet<string> CondaSelectors = new(StringComparer.Ordinal) { "cpuonly", "nomkl", "_openmp_mutex" };

    /// <summary>
    /// A published library's or an example collection's CI and development files (workflows, tox, CI images) install the
    /// newest releases and the development heads on purpose: testing against what users will get is their job, and a pin
    /// there would hide the breakage they exist to find. An application's CI and images build what it ships, so they are
    /// judged. (MLO206's system packages are judged everywhere.)
    /// </summary>
    internal static bool TracksNewestOnPurpose(SourceDocument doc, CheckContext context) =>
        context.Scopes.RepositoryKind != Scope.RepositoryKind.Application
        && context.ScopeOf(doc).Scope is Scope.FileScope.CI or Scope.FileScope.Development;

    private static string v0(ShellWord w) => w.Value;

    /// <summary>A <c>-c</c>/<c>-r</c> argument pip downloads (<c>https://…/constraints-3.11.txt</c>).</summary>
    private static bool IsRemote(string value) =>
        value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The install command as a user would retype it: <c>pip3 install</c>, <c>python -m pip install</c>, <c>uv pip install</c>.</summary>
    private static string PipCommand(InstallCommand install)
    {
        string tool = install.Tool.Value.Substring(install.Tool.Value.LastIndexOf('/') + 1);
        if (install.Installer == Installer.UvPip) return InstallCommandParser.IsPython(tool) ? tool + " -m uv pip install" : "uv pip install";
        if (install.Installer == Installer.Pipx) return "pipx install";
        return InstallCommandParser.IsPython(tool) ? tool + " -m pip install" : InstallCommandParser.IsPip(tool) ? tool + " install" : "pip install";
    }

    /// <summary>One finding per install command, on its first unpinned package, naming every unpinned one: a user fixes the
    /// command, not each word of it.</summary>
    private static void Report(InstallSite site, IReadOnlyList<Unpinned> unpinned, InstallCommand install, string fix, CheckContext context)
    {
        var doc = site.Document;
        string tool = install.Installer switch
        {
            Installer.Conda => install.Tool.Value + " install", Installer.UvPip => "uv pip install", Installer.Pipx => "pipx install", _ => "pip install",
        };
        var first = unpinned[0];
        string what = unpinned.Count == 1
            ? $"'{first.Name}' in {site.Prefix}{tool} ({doc.FileName}) {first.Why}"
            : unpinned.All(u => u.Why == first.Why)
                ? $"{unpinned.Count} packages in {site.Prefix}{tool} ({doc.FileName}) {(first.Why == "has no version" ? "have no version" : "are not pinned to one version")}: {Names(unpinned)}"
                : $"{unpinned.Count} packages in {site.Prefix}{tool} ({doc.FileName}) are not pinned: {string.Join(", ", unpinned.Select(u => $"'{u.Name}' {u.Why}"))}";
        context.Report(site.Decorate(new Finding(site.Rule, doc.Path, site.Span(first.Word.Start, first.Word.End), what) { FixHint = fix }));
    }

    private static string Names(IReadOnlyList<Unpinned> unpinned) =>
        unpinned.Count <= 8
            ? string.Join(", ", unpinned.Select(u => $"'{u.Name}'"))
            : string.Join(", ", unpinned.Take(8).Select(u => $"'{u.Name}'")) + $" and {unpinned.Count - 8} more";

    /// <summary>One finding per install command, however many packages it names (a 45-package apt-get line is one thing to
    /// fix, not 45): the span runs from the first unpinned package to the last, and the message lists them.</summary>
    private static void CheckSystemPackages(SourceDocument doc, InstallCommand install, CheckContext context)
    {
        string tool = install.Installer == Installer.Apt ? install.Tool.Value + " install" : "apk add";
        bool all = context.Options(RuleCatalog.MLO206).GetString("packages", "numeric").Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
        var unpinned = new List<ShellWord>();
        foreach (var w in install.Packages)
        {
            string v = w.Value;
            if (w.HasExpansion || v.Length == 0 || v.IndexOfAny(new[] { '=', '<', '>', '~' }) >= 0) continue;
            if (v.EndsWith(".deb", StringComparison.OrdinalIgnoreCase) || v.EndsWith(".apk", StringComparison.OrdinalIgnoreCase) || v.Contains("/")) continue;
            if (!all && !SystemPackages.ChangesResults(v)) continue;
            unpinned.Add(w);
        }
        if (unpinned.Count == 0) return;
        var names = unpinned.Select(w => w.Value).ToArray();
        string first = names[0];
        string listed = string.Join(", ", names.Select(n => "'" + n + "'"));
        string message = names.Length == 1
            ? $"System package {listed} in {tool} ({doc.FileName}) has no version{(all ? "" : "; it changes numerical results")}"
            : $"{names.Length} system packages in {tool} ({doc.FileName}) have no version{(all ? "" : " and change numerical results")}: {listed}";
        string pins = string.Join(" ", names.Take(3).Select(n => n + "=<version>")) + (names.Length > 3 ? " …" : "");
        string fix = install.Installer == Installer.Apt
            ? $"pin {(names.Length == 1 ? "it" : "them")}: {tool} {pins} (apt-cache policy {first} lists the versions), or rely on a digest-pinned base image that has them"
            : $"pin {(names.Length == 1 ? "it" : "them")}: apk add {pins} (apk policy {first} lists the versions), or rely on a digest-pinned base image that has them";
        var last = unpinned[unpinned.Count - 1];
        context.Report(new Finding(RuleCatalog.MLO206, doc.Path, DependencyPolicy.Span(doc, unpinned[0].Start, last.End), message)
        {
            FixHint = fix,
            FingerprintContent = tool + " " + string.Join(" ", names),
        });
    }

    /// <summary>Finds the file a <c>-r</c>/<c>-c</c> argument names: relative to the document's directory (a
    /// Dockerfile's build context), or, for a Dockerfile, the source of a COPY that put a file of that name there.</summary>
    internal static SourceDocument? ResolveFile(SourceDocument doc, string value, DockerfileModel? docker, DockerInstruction? instruction,
        RepositorySnapshot repo)
    {
        foreach (var candidate in ResolveCandidates(doc, value, docker, instruction))
        {
            if (repo.Find(candidate) is { HasText: true } found) return found;
        }
        return null;
    }

    /// <summary>The paths <see cref="ResolveFile"/> tries, in its order (from the document alone: the installed names of a
    /// Dockerfile are kept in the facts cache, <see cref="InstalledNameClaims"/>).</summary>
    internal static IEnumerable<string> ResolveCandidates(SourceDocument doc, string value, DockerfileModel? docker, DockerInstruction? instruction)
    {
        string dir = DependencyPolicy.Directory(doc.Path);
        string name = value.Substring(value.LastIndexOf('/') + 1);
        if (docker != null && instruction != null)
        {
            foreach (var copy in docker.Copies)
            {
                if (copy.Instruction.StageIndex != instruction.StageIndex || copy.Instruction.StartLine > instruction.StartLine) continue;
                foreach (var src in copy.Sources)
                {
                    string srcName = src.TrimEnd('/').Substring(src.TrimEnd('/').LastIndexOf('/') + 1);
                    string? candidate = srcName == name ? DependencyPolicy.Resolve(dir, src)
                        : DependencyPolicy.Resolve(dir, src.TrimEnd('/') + "/" + name);
                    if (candidate != null) yield return candidate;
                }
            }
        }
        if (!value.StartsWith("/", StringComparison.Ordinal) && DependencyPolicy.Resolve(dir, value) is { } rel) yield return rel;
        if (DependencyPolicy.Resolve(dir, name) is { } byName) yield return byName;
        // Workflows and most scripts run from the repository root.
        if (DependencyPolicy.Resolve("", value) is { } fromRoot) yield return fromRoot;
    }
}

/// <summary>Where an install command was found and how to report it: the rule for unpinned packages (MLO205, or MLO212
/// for a notebook line), the map from the words' offsets to a span, and what to add to each finding (a notebook's
/// cell location and suppression line).</summary>
internal sealed record InstallSite(SourceDocument Document, RuleDescriptor Rule, string Prefix, Func<int, int, SourceSpan> Span, Func<Finding, Finding> Decorate)
{
    /// <summary>A Dockerfile, script or workflow: word offsets are document offsets.</summary>
    public static InstallSite Of(SourceDocument doc) => new(doc, RuleCatalog.MLO205, "", (s, e) => DependencyPolicy.Span(doc, s, e), f => f);
}
