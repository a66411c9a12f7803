using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.MSBuild;
using MLOpsLint.Core.Parsing.Workflows;
using MLOpsLint.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// MLO210: floating NuGet versions (<c>*</c>, <c>1.*</c>, <c>1.2.*-*</c>), ranges whose lower bound is exclusive or
/// missing, and <c>PackageReference</c>s without a version outside Central Package Management, in project and props
/// files; and <c>.config/dotnet-tools.json</c> tool versions. A bare <c>1.0</c> (a minimum) is not reported: NuGet
/// resolves the lowest applicable version, which is reproducible.
/// </summary>
public sealed class NuGetVersionCheck : IRepositoryCheck
{
    /// <summary>Replaceable classifier (the CLI installs NuGet.Versioning's; tests hold the two equal).</summary>
    public static Func<string, NuGetVersionKind> Classifier { get; set; } = NuGetVersionText.Classify;

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO210 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var msbuild = repository.Documents.Where(d => d.Kind == DocumentKind.MSBuild && d.HasText).ToList();
        foreach (var doc in repository.Documents)
        {
            if (doc.Kind == DocumentKind.Json && doc.HasText && doc.FileName.Equals("dotnet-tools.json", StringComparison.OrdinalIgnoreCase))
            {
                CheckTools(doc, context);
            }
        }
        if (msbuild.Count == 0) return;
        var updates = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var doc in msbuild)
        {
            foreach (var item in MSBuildProject.Of(doc).Items)
            {
                if (item.IsUpdate && item.Version != null) updates.Add(item.Id);
            }
        }
        foreach (var doc in msbuild)
        {
            var project = MSBuildProject.Of(doc);
            if (project.Error is { } error)
            {
                context.Warn(doc.Path, error.Message, error.Line);
                continue;
            }
            bool cpm = UsesCentralPackageManagement(doc, project, repository);
            foreach (var item in project.Items)
            {
                if (item.ItemType == "PackageDownload") continue;
                string? written = item.VersionOverride ?? item.Version;
                string? resolved = item.VersionOverride != null ? item.ResolvedVersionOverride : item.ResolvedVersion;
                if (written == null)
                {
                    if (item.ItemType != "PackageReference" || item.IsUpdate || cpm || updates.Contains(item.Id)) continue;
                    context.Report(new Finding(RuleCatalog.MLO210, doc.Path, new SourceSpan(item.Line, item.Column, item.Line, item.Column + 1 + item.ItemType.Length),
                        $"PackageReference '{item.Id}' has no version and the project does not use Central Package Management; restore picks the lowest available version (NU1604)")
                    { Subject = item.Id, FixHint = $"add the version: <PackageReference Include=\"{item.Id}\" Version=\"<version>\" /> (dotnet list package shows the one restored today)" });
                    continue;
                }
                if (resolved == null) continue; // a property defined elsewhere
                var kind = Classifier(resolved);
                if (!NuGetVersionText.IsProblem(kind)) continue;
                string attr = item.VersionOverride != null ? "VersionOverride" : "Version";
                context.Report(new Finding(RuleCatalog.MLO210, doc.Path,
                    new SourceSpan(item.VersionLine, item.VersionColumn, item.VersionLine, item.VersionColumn + Math.Max(1, item.VersionLength)),
                    $"{item.ItemType} '{item.Id}' {attr}=\"{written}\"{(resolved != written ? $" ({resolved})" : "")} {Describe(kind)}")
                { Subject = item.Id, SubjectVersion = resolved, FixHint = $"pin it: {attr}=\"<version>\" — a single version such as 1.2.3, or [1.2.3] for exactly that version (dotnet list package shows the one restored today)" });
            }
        }
    }

    internal static string Describe(NuGetVersionKind kind) => kind switch
    {
        NuGetVersionKind.Floating => "floats: restore takes the newest matching version, which changes as packages are published",
        NuGetVersionKind.ExclusiveLowerBound => "has an exclusive lower bound: restore takes the lowest version above it that exists at the time",
        NuGetVersionKind.NoLowerBound => "has no lower bound: restore takes the lowest version the feed has",
        _ => "is not a fixed version",
    };

    private static bool UsesCentralPackageManagement(SourceDocument doc, MSBuildProject project, RepositorySnapshot repo)
    {
        if (project.ManagePackageVersionsCentrally is bool own) return own;
        foreach (var dir in DependencyPolicy.SelfAndAncestors(DependencyPolicy.Directory(doc.Path)))
        {
            foreach (var name in new[] { "Directory.Packages.props", "Directory.Build.props" })
            {
                var props = repo.Find(dir.Length == 0 ? name : dir + "/" + name);
                if (props is { HasText: true } && MSBuildProject.Of(props).ManagePackageVersionsCentrally is bool set) return set;
            }
        }
        return false;
    }

    private static void CheckTools(SourceDocument doc, CheckContext context)
    {
        if (!YamlText.TryLoad(doc.Text, out var root, out int line, out var error))
        {
            context.Warn(doc.Path, "malformed JSON: " + error, line);
            return;
        }
        if (YamlText.Get(root, "tools") is not YamlMappingNode tools) return;
        foreach (var kv in tools.Children)
        {
            if (kv.Key is not YamlScalarNode id) continue;
            var versionKey = YamlText.KeyNode(kv.Value, "version");
            var version = YamlText.Get(kv.Value, "version") as YamlScalarNode;
            if (version?.Value == null)
            {
                int off = YamlText.Offset(id, doc.Lines);
                context.Report(new Finding(RuleCatalog.MLO210, doc.Path, DependencyPolicy.Span(doc, off, off + (id.Value?.Length ?? 1) + 2),
                    $"Tool '{id.Value}' in {doc.FileName} has no version")
                { Subject = id.Value, FixHint = $"pin it: dotnet tool install {id.Value} --version <version> writes \"version\": \"<version>\"" });
                continue;
            }
            var kind = Classifier(version.Value);
            if (kind is NuGetVersionKind.Exact or NuGetVersionKind.Minimum or NuGetVersionKind.Invalid && !version.Value.Contains("*")) continue;
            var text = YamlText.ScalarText(version, doc.Lines);
            context.Report(new Finding(RuleCatalog.MLO210, doc.Path, DependencyPolicy.Span(doc, text.DocOffset(0), text.DocOffset(text.Length)),
                $"Tool '{id.Value}' version \"{version.Value}\" in {doc.FileName} is not a single version")
            { Subject = id.Value, SubjectVersion = version.Value, FixHint = $"pin it: \"version\": \"<version>\" (dotnet tool list shows the installed version)" });
        }
    }
}
