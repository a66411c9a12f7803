using System.Reflection;

namespace MLOpsLint.Core.Checks;

/// <summary>Every check in Core, found by reflection: a new check class is picked up without editing a list.</summary>
public static class CheckRegistry
{
    private static readonly Lazy<IReadOnlyList<ICheck>> all = new(() => Discover(typeof(CheckRegistry).Assembly));

    public static IReadOnlyList<ICheck> All => all.Value;

    public static IEnumerable<IDocumentCheck> DocumentChecks => All.OfType<IDocumentCheck>();

    public static IEnumerable<IRepositoryCheck> RepositoryChecks => All.OfType<IRepositoryCheck>();

    /// <summary>One instance of every concrete check with a public parameterless constructor in
    /// <paramref name="assembly"/>, in a stable order (the CLI adds its own checks this way).</summary>
    public static IReadOnlyList<ICheck> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsInterface && typeof(ICheck).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ICheck)Activator.CreateInstance(t)!)
            .ToArray();
}
