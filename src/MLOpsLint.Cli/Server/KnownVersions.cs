using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Environments;

namespace MLOpsLint.Cli.Server;

/// <summary>
/// The version of a Python package that this checkout already uses, for the "pin it" code action: the one a lock file
/// of the repository records (Pipfile.lock, poetry.lock, uv.lock), else the one installed in a virtual environment in
/// the repository (<c>.venv</c>, <c>venv</c>, <c>env</c>: the <c>NAME-VERSION.dist-info</c> folders pip writes).
/// Null when neither says, or when they name several versions (then the user must choose).
/// </summary>
internal sealed class KnownVersions
{
    private static readonly string[] VirtualEnvironments = { ".venv", "venv", "env", ".env" };
    private readonly Dictionary<string, HashSet<string>> locked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> installed = new(StringComparer.Ordinal);

    public KnownVersions(IEnumerable<SourceDocument> documents, string? root)
    {
        foreach (var d in documents.Where(d => d.Kind == DocumentKind.LockFile && d.HasText))
        {
            foreach (var lib in FactReader.Of(d).Libraries)
            {
                if (lib.Source is LibrarySource.PipfileLock or LibrarySource.PoetryLock or LibrarySource.UvLock
                    && lib.Specifiers.ExactPin is { } pin)
                {
                    Add(locked, lib.Name, pin.VersionText);
                }
            }
        }
        if (root == null) return;
        foreach (var venv in VirtualEnvironments)
        {
            string lib = Path.Combine(root, venv, "lib");
            if (!Directory.Exists(lib)) continue;
            try
            {
                foreach (var python in Directory.EnumerateDirectories(lib, "python*"))
                {
                    string sitePackages = Path.Combine(python, "site-packages");
                    if (!Directory.Exists(sitePackages)) continue;
                    foreach (var dir in Directory.EnumerateDirectories(sitePackages, "*.dist-info"))
                    {
                        string name = Path.GetFileName(dir);
                        name = name.Substring(0, name.Length - ".dist-info".Length);
                        int dash = name.IndexOf('-');
                        if (dash <= 0) continue;
                        Add(installed, Core.Parsing.Requirements.Pep508Requirement.NormalizeName(name.Substring(0, dash)), name.Substring(dash + 1));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // an unreadable environment knows nothing
            }
        }
    }

    /// <summary>The version for a PEP 503 normalised name, or null.</summary>
    public string? For(string normalizedName)
    {
        if (locked.TryGetValue(normalizedName, out var l)) return l.Count == 1 ? l.First() : null;
        return installed.TryGetValue(normalizedName, out var i) && i.Count == 1 ? i.First() : null;
    }

    private static void Add(Dictionary<string, HashSet<string>> map, string name, string version)
    {
        if (!map.TryGetValue(name, out var set)) map[name] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(version);
    }
}
