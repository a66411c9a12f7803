using MLOpsLint.Core.Checks.CommittedData;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// Whether a repository uses any data-versioning tool (MLO702 and MLO703's data keys speak only when it uses none):
/// DVC (a <c>.dvc</c> file, <c>dvc.yaml</c>, <c>dvc.lock</c>, the <c>.dvc/</c> folder, <c>.dvcignore</c>), Git LFS (a
/// <c>filter=lfs</c> pattern in a <c>.gitattributes</c>), a data-versioning API in the code (<see cref="DataReads.VersioningTool"/>),
/// or a command of one in a script, workflow, Makefile or README (<c>dvc pull</c>, <c>git lfs pull</c>, <c>lakectl</c>).
/// </summary>
internal static class RepositoryDataVersioning
{
    private static readonly string[] Commands = { "dvc pull", "dvc repro", "dvc add", "dvc get", "dvc import", "dvc fetch", "git lfs", "git-lfs", "lakectl", "dvc exp" };

    /// <summary>What the repository versions its data with and where that shows, or null when nothing does.</summary>
    public static (string Tool, string Where)? Of(RepositorySnapshot repository, IEnumerable<TrackingSummary> summaries)
    {
        foreach (var d in repository.Documents)
        {
            string p = d.Path;
            string name = d.FileName;
            if (name.EndsWith(".dvc", StringComparison.OrdinalIgnoreCase) || name is "dvc.yaml" or "dvc.lock" or ".dvcignore"
                || p.StartsWith(".dvc/", StringComparison.Ordinal) || p.Contains("/.dvc/"))
            {
                return ("DVC", p);
            }
        }
        if (!new LfsPatterns(repository).IsEmpty) return ("Git LFS", ".gitattributes");
        foreach (var s in summaries)
        {
            if (s.DataVersioning is { } tool) return (tool, s.Path);
        }
        foreach (var d in repository.Documents)
        {
            if (d.Kind is DocumentKind.Python or DocumentKind.Notebook || !MayHoldCommands(d) || !d.HasText) continue;
            foreach (var c in Commands)
            {
                if (d.Text.IndexOf(c, StringComparison.OrdinalIgnoreCase) >= 0) return (c.StartsWith("git", StringComparison.Ordinal) ? "Git LFS" : c.StartsWith("lake", StringComparison.Ordinal) ? "lakeFS" : "DVC", d.Path);
            }
        }
        return null;
    }

    private static bool MayHoldCommands(SourceDocument d)
    {
        if (d.Size > 1_000_000) return false;
        string name = d.FileName.ToLowerInvariant();
        return d.Kind is DocumentKind.Shell or DocumentKind.GitHubWorkflow or DocumentKind.Yaml or DocumentKind.Markdown or DocumentKind.Dockerfile || name is "makefile" or "readme.md" or "readme.rst" or "readme.txt" or "readme"
            || name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".md", StringComparison.Ordinal)
            || name.EndsWith(".sh", StringComparison.Ordinal) || name == "dockerfile";
    }
}
