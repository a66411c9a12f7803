using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Analyzers.Rules;

/// <summary>
/// The AdditionalFiles bridge: requirements files, pyproject.toml, setup.cfg, Pipfile, conda environment files,
/// Dockerfiles and GitHub workflows that a project passes as <c>AdditionalFiles</c> are judged by Core's own engine
/// (<see cref="Linter"/>, every check, default configuration, <c># noqa</c>) in <c>dotnet build</c> and the IDE, and each
/// finding is reported on its file at its line, worded as the CLI words it. It reports the rules no C# analyzer owns:
/// unpinned dependencies (MLO2xx but MLO210, which <see cref="FloatingNuGetVersionAnalyzer"/> reports on MSBuild files),
/// hardcoded paths (MLO5xx) and version mismatches between the files (MLO6xx).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RepositoryFilesAnalyzer : MLOpsAnalyzer
{
    private static readonly ImmutableHashSet<DocumentKind> Judged = ImmutableHashSet.Create(
        DocumentKind.Requirements, DocumentKind.PyProject, DocumentKind.SetupCfg, DocumentKind.Pipfile, DocumentKind.CondaEnvironment,
        DocumentKind.LockFile, DocumentKind.Dockerfile, DocumentKind.GitHubWorkflow, DocumentKind.GitHubAction);

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> Descriptors = RuleCatalog.All
        .Where(r => r.Family is RuleFamily.UnpinnedDependencies or RuleFamily.HardcodedPaths or RuleFamily.VersionMismatch && r.Id != RuleCatalog.MLO210.Id)
        .ToImmutableDictionary(r => r.Id, r => RuleDiagnostics.Descriptor(r, "{0}"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Descriptors.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    protected override void Register(AnalysisContext context) => context.RegisterCompilationStartAction(start =>
    {
        // the files are judged together once per compilation (a mismatch needs both sides), then each gets its own findings
        var findings = new Lazy<ILookup<string, Core.Findings.Finding>>(() => Judge(start.Options.AdditionalFiles, start.CancellationToken));
        start.RegisterAdditionalFileAction(file => AdditionalFileFindings.Report(file, findings.Value, id => Descriptors.TryGetValue(id, out var d) ? d : null));
    });

    private static ILookup<string, Core.Findings.Finding> Judge(ImmutableArray<AdditionalText> files, CancellationToken cancellation)
    {
        var paths = files.Select(f => f.Path).Where(p => Judged.Contains(DocumentClassifier.Classify(p.Replace('\\', '/')))).Distinct(StringComparer.Ordinal).ToArray();
        if (paths.Length == 0) return Array.Empty<Core.Findings.Finding>().ToLookup(f => f.Path, StringComparer.Ordinal);
        // paths relative to the folder the files share, as the CLI makes them relative to the repository
        string root = CommonFolder(paths);
        var byRelative = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = new List<SourceDocument>();
        foreach (var file in files)
        {
            if (Array.IndexOf(paths, file.Path) < 0 || file.GetText(cancellation) is not { } text) continue;
            string relative = Relative(root, file.Path);
            if (byRelative.ContainsKey(relative)) continue;
            byRelative.Add(relative, file.Path);
            documents.Add(SourceDocument.FromText(relative, text.ToString()));
        }
        var result = new Linter().Run(new RepositorySnapshot(documents), LintConfig.Default, maxParallelism: 1);
        return result.Findings.Where(f => byRelative.ContainsKey(f.Path) && Descriptors.ContainsKey(f.RuleId))
            .ToLookup(f => byRelative[f.Path], StringComparer.Ordinal);
    }

    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        string common = Path.GetDirectoryName(paths[0]) ?? "";
        foreach (var p in paths.Skip(1))
        {
            string dir = Path.GetDirectoryName(p) ?? "";
            while (common.Length > 0 && !(dir == common || dir.StartsWith(common.TrimEnd('/', '\\') + "/", StringComparison.Ordinal)
                || dir.StartsWith(common.TrimEnd('/', '\\') + "\\", StringComparison.Ordinal)))
            {
                common = Path.GetDirectoryName(common) ?? "";
            }
        }
        return common;
    }

    private static string Relative(string root, string path)
    {
        string rel = root.Length > 0 && path.StartsWith(root, StringComparison.Ordinal) ? path.Substring(root.Length).TrimStart('/', '\\') : path;
        return rel.Replace('\\', '/');
    }
}
