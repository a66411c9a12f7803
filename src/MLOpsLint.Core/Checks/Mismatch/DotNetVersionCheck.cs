using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Environments;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.Workflows;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Mismatch;

/// <summary>
/// MLO604: a project's target framework is newer than the .NET of the image that runs it (the Dockerfile's final stage,
/// linked to the project by <c>dotnet publish X.csproj</c>, a <c>COPY X.csproj</c>, or being the only project beside the
/// Dockerfile). MLO605: no setup-dotnet version of a CI job can provide the SDK the root global.json asks for under its
/// rollForward policy.
/// </summary>
public sealed class DotNetVersionCheck : IRepositoryCheck, IDocumentSummarizer, IReportsOnlyOn
{
    public bool MayReportOn(SourceDocument document) => MismatchSupport.MayReportOn(document);

    public bool Summarizes(Documents.SourceDocument document) => FactReader.MaySummarize(document);

    /// <summary>The document's environment facts, read while its text is at hand.</summary>
    public void Summarize(Documents.SourceDocument document, CheckContext context) => FactReader.Summarize(document);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO604, RuleCatalog.MLO605 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        if (context.IsEnabled(RuleCatalog.MLO604)) RuntimeImages(repository, context);
        if (context.IsEnabled(RuleCatalog.MLO605)) GlobalJsonInCi(repository, context);
    }

    private static void RuntimeImages(RepositorySnapshot repo, CheckContext context)
    {
        var projects = repo.Documents.Where(d => d.Kind == DocumentKind.MSBuild && d.HasText
            && d.Path.EndsWith("proj", StringComparison.OrdinalIgnoreCase)).ToList();
        if (projects.Count == 0) return;
        foreach (var docker in repo.Documents.Where(d => d.Kind is DocumentKind.Dockerfile or DocumentKind.Yaml && d.HasText && FactReader.MayHoldFacts(d)))
        {
            var facts = FactReader.Of(docker);
            var images = facts.DotNet.Where(f => f.Source == DotNetSource.RuntimeImage).ToList();
            if (images.Count == 0) continue;
            // A deployment manifest names no project: the one beside it, else the repository's only application project.
            var linked = LinkedProjects(docker, facts, projects);
            if (docker.Kind == DocumentKind.Yaml && !linked.Any())
            {
                var apps = projects.Where(p => !IsTestProject(p)).ToList();
                if (apps.Count == 1) linked = apps;
            }
            foreach (var project in linked)
            {
                var tfm = TargetFramework(project, repo);
                if (tfm == null) continue;
                foreach (var image in images.Where(i => tfm.CompareTo(i) > 0))
                {
                    context.Report(new Finding(RuleCatalog.MLO604, docker.Path, image.Span,
                        $"The image runs .NET {image.Shown} ({image.Text}) but {project.Path} targets {tfm.Text} ({tfm.Where}): the app needs the .NET {tfm.Shown} runtime and does not start")
                    {
                        Related = new[] { tfm.Location($"targets {tfm.Text}") },
                        FixHint = $"use the .NET {tfm.Shown} image ({image.Text.Substring(0, image.Text.LastIndexOf(':'))}:{tfm.Shown}), or target net{image.Shown} in {project.FileName}",
                    });
                }
            }
        }
    }

    private static bool IsTestProject(SourceDocument project)
    {
        string name = project.FileName;
        return name.Contains("Test", StringComparison.OrdinalIgnoreCase) || name.Contains("Bench", StringComparison.OrdinalIgnoreCase)
            || project.Text.Contains("Microsoft.NET.Test.Sdk", StringComparison.Ordinal);
    }

    /// <summary>The projects a Dockerfile builds: named in <c>dotnet publish/build/restore</c> or a COPY, else the only
    /// project in its folder.</summary>
    private static IEnumerable<SourceDocument> LinkedProjects(SourceDocument docker, DocumentFacts facts, List<SourceDocument> projects)
    {
        string dir = EnvironmentModel.Dir(docker.Path);
        var found = new List<SourceDocument>();
        foreach (var raw in facts.DotNetProjects)
        {
            string value = raw.Replace('\\', '/').TrimStart('.', '/');
            if (!value.EndsWith("proj", StringComparison.OrdinalIgnoreCase)) continue;
            var matches = projects.Where(p => p.Path.Equals(value, StringComparison.OrdinalIgnoreCase)
                || p.Path.Equals(dir.Length == 0 ? value : dir + "/" + value, StringComparison.OrdinalIgnoreCase)
                || p.Path.EndsWith("/" + value, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 1 && !found.Contains(matches[0])) found.Add(matches[0]);
        }
        if (found.Count > 0) return found;
        var beside = projects.Where(p => EnvironmentModel.Dir(p.Path) == dir).ToList();
        return beside.Count == 1 ? beside : Array.Empty<SourceDocument>();
    }

    /// <summary>The project's own (lowest) target framework, else the one a Directory.Build.props above it sets.</summary>
    private static DotNetFact? TargetFramework(SourceDocument project, RepositorySnapshot repo)
    {
        var own = FactReader.Of(project).DotNet.FirstOrDefault(f => f.Source == DotNetSource.TargetFramework);
        if (own != null) return own;
        string dir = EnvironmentModel.Dir(project.Path);
        while (true)
        {
            var props = repo.Find(dir.Length == 0 ? "Directory.Build.props" : dir + "/Directory.Build.props");
            if (props != null)
            {
                var f = FactReader.Of(props).DotNet.FirstOrDefault(x => x.Source == DotNetSource.TargetFramework);
                if (f != null) return f;
            }
            if (dir.Length == 0) return null;
            dir = EnvironmentModel.Dir(dir);
        }
    }

    private static void GlobalJsonInCi(RepositorySnapshot repo, CheckContext context)
    {
        var globalDoc = repo.Find("global.json");
        if (globalDoc == null || GlobalJson.Read(globalDoc) is not { } global) return;
        foreach (var wfDoc in repo.Documents.Where(d => d.Kind == DocumentKind.GitHubWorkflow && d.HasText))
        {
            var wf = WorkflowFile.Of(wfDoc);
            if (wf.Error != null) continue;
            foreach (var job in wf.Jobs)
            {
                var steps = job.Steps.Where(s => FactReader.IsAction(s, "actions/setup-dotnet")).ToList();
                if (steps.Count == 0) continue;
                // setup-dotnet reads global.json itself when told to, or when no version is given.
                if (steps.Any(s => s.With.ContainsKey("global-json-file") || !s.With.ContainsKey("dotnet-version"))) continue;
                var values = new List<(string Value, int Start, int End, SdkVersion? Version)>();
                bool unknown = false;
                foreach (var s in steps)
                {
                    var input = s.With["dotnet-version"];
                    var read = FactReader.InputValues(s, input).ToList();
                    if (read.Count == 0) unknown = true;
                    values.AddRange(read.Select(v => (v.Value, v.Start, v.End, SdkVersion.TryParse(v.Value))));
                }
                if (unknown || values.Count == 0 || values.Any(v => v.Version == null)) continue;
                if (values.Any(v => v.Version!.MaySatisfy(global.Version, global.RollForward))) continue;
                var at = values[0];
                string installed = string.Join(", ", values.Select(v => v.Value).Distinct());
                context.Report(new Finding(RuleCatalog.MLO605, wfDoc.Path, wfDoc.Lines.GetSpan(at.Start, Math.Max(at.Start + 1, at.End)),
                    $"Job '{job.Id}' installs .NET SDK {installed} but global.json asks for SDK {global.VersionText} (rollForward: {global.RollForward}), which none of them can satisfy")
                {
                    Related = new[] { new Location(global.Path, global.Span) { Message = $"global.json requires SDK {global.VersionText} (rollForward: {global.RollForward})" } },
                    FixHint = $"use global-json-file: global.json in setup-dotnet instead of dotnet-version, or install {global.Version.Major}.{global.Version.Minor}.x",
                });
            }
        }
    }
}
