namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// One dotted name repository modules answer to (<see cref="Python.ImportPaths.DottedNames"/>: <c>features_0</c>,
/// <c>exp_1.features_0</c>): the modules that answer to it and the modules that import it by that name. The cross-file
/// indexes (<see cref="SeedIndex"/>, <see cref="Tracking.TrackingIndex"/>) keep who imports a module this way rather than
/// as a list per module: in a competition repository a thousand folders each have a <c>features_0.py</c>, and each of a
/// thousand scripts importing <c>features_0</c> would be listed as an importer of every one of them (a million entries).
/// </summary>
internal sealed class ImportName<T>
    where T : class
{
    /// <summary>The modules that answer to the name, in the index's order.</summary>
    public List<T> Modules { get; } = new();

    private List<T>? importers;

    /// <summary>The modules that import the name, each once, in the index's order; null for none.</summary>
    public List<T>? Importers => importers;

    /// <summary>Lists <paramref name="importer"/>.</summary>
    public void AddImporter(T importer) => AddOnce(ref importers, importer);

    /// <summary>Adds <paramref name="importer"/> to <paramref name="list"/> (made when null) unless it is the last one there:
    /// the index reads each module's imports together, so a module already listed is the last one.</summary>
    public static void AddOnce(ref List<T>? list, T importer)
    {
        list ??= new List<T>();
        if (list.Count == 0 || list[list.Count - 1] != importer) list.Add(importer);
    }

    /// <summary>The modules importing <paramref name="module"/>: those importing a name it answers to, and those importing
    /// it by a relative import, itself left out. A module may come more than once (through two of its names).</summary>
    public static IEnumerable<T> ImportersOf(T module, List<ImportName<T>>? names, List<T>? relative)
    {
        if (names != null)
        {
            foreach (var name in names)
            {
                if (name.Importers == null) continue;
                foreach (var importer in name.Importers)
                {
                    if (importer != module) yield return importer;
                }
            }
        }
        if (relative != null)
        {
            foreach (var importer in relative)
            {
                if (importer != module) yield return importer;
            }
        }
    }
}
