using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// The MLO7xx findings of a scan that reports only some files (<c>scan --staged</c>, the file names pre-commit passes),
/// from the reported modules' import neighbourhood instead of a summary of every module. What a reported module's
/// findings depend on:
/// <list type="bullet">
/// <item>whether it trains, records, measures: its own calls and the project helpers they reach, in the modules it imports
/// (transitively); whether code that records runs it: the modules importing it, with what those import. All of them are in
/// <see cref="ReportedModuleClosure"/> (which holds three levels of importers), kept in the repository's order, so the
/// helper rounds of <see cref="TrackingIndex"/> give them the flags of the whole index;</item>
/// <item>whether the repository versions data (MLO702, MLO703's data keys): DVC and LFS files, commands, and a
/// data-versioning API in any module, asked only of the modules whose text names one
/// (<see cref="DataReads.MayNameVersioningTool"/>), and only when a reported module's finding turns on it;</item>
/// <item>for MLO701 and MLO702, the other gaps of the repository (one finding for many scripts, on the first by path, with
/// the others listed), the tracker to suggest, and the file names any module writes. These are known only from every
/// module: when a reported script is such a gap, or may be, the whole repository is judged as before.</item>
/// </list>
/// A pre-commit run that stages library code, configuration or a script that records its runs (the usual case) so parses
/// the neighbourhood only; a staged training script that records nothing costs a full pass, as its finding names the others.
/// </summary>
public sealed partial class TrackingCheck
{
    /// <summary>Reports the findings on the reported modules and returns true, or returns false having reported nothing
    /// when they need the whole repository (<see cref="Judge"/>).</summary>
    private static bool JudgedFromNeighbourhood(RepositorySnapshot repository, SourceDocument[] docs, Func<string, bool> reported, CheckContext context)
    {
        var near = ReportedModuleClosure.Of(repository, reported);
        var summaries = new TrackingSummary[near.Length];
        Parallel.For(0, near.Length, i => summaries[i] = TrackingSummary.Of(near[i]));
        var index = new TrackingIndex(summaries, TrackingFunctions(context));
        var mine = index.Modules.Where(m => reported(m.Path)).ToArray();
        var entries = Entries(mine, m => TrackingIndex.IsNotebookExport(m, NotebookAt(repository)), context).ToArray();

        if (context.IsEnabled(RuleCatalog.MLO701) && entries.Any(IsUnrecorded)) return false;

        bool? versions = null;
        bool VersionsData() => versions ??= RepositoryDataVersioning.Of(repository,
            docs.Where(d => DataReads.MayNameVersioningTool(d.Text)).Select(TrackingSummary.Of)) != null;
        if (context.IsEnabled(RuleCatalog.MLO702))
        {
            var data = new RepositoryData(repository);
            // a read that may be unversioned unless another module writes the file: those modules, and the group, are the
            // whole repository's
            if (entries.Any(m => !m.Summary.PinsData && m.Summary.Reads.Any(r => data.KeptOutside(r, m.Path))) && !VersionsData()) return false;
        }
        if (context.IsEnabled(RuleCatalog.MLO703)) Lineage(mine, VersionsData, context);
        return true;
    }

    /// <summary>Whether a notebook that the full index would hold (a Python document: read, not a stub) is at a path.</summary>
    private static Func<string, bool> NotebookAt(RepositorySnapshot repository) =>
        path => repository.Find(path) is { Kind: DocumentKind.Notebook } nb && ScriptScope.IsPython(nb);
}
