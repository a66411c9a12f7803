using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// A module's imports as the cross-file rules keep them for the whole scan (<see cref="SeedSummary.Imports"/>,
/// <see cref="Tracking.TrackingSummary.Imports"/>): one array per document, shared by both summaries, its names shared
/// through the front end's name table.
/// </summary>
internal sealed class ModuleImports
{
    private ModuleImports(SeedImport[] all) => All = all;

    public SeedImport[] All { get; }

    /// <summary>The imports of <paramref name="module"/>, the module of <paramref name="document"/> (made once per document).</summary>
    public static SeedImport[] Of(SourceDocument document, PythonModule module) =>
        module.Imports.Count == 0 ? Array.Empty<SeedImport>() : document.GetOrAdd(_ => new ModuleImports(Read(module))).All;

    private static SeedImport[] Read(PythonModule module)
    {
        var imports = module.Imports;
        var result = new SeedImport[imports.Count];
        for (int k = 0; k < result.Length; k++)
        {
            var i = imports[k];
            result[k] = new SeedImport(NameTable.Get(i.ModuleName), NameTable.Get(i.QualifiedName), i.IsFrom, i.IsStar,
                i.BoundName is { } b ? NameTable.Get(b) : null, i.Start, i.End);
        }
        return result;
    }
}
