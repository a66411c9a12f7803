using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// For a scan that reports only some documents (<c>scan --staged</c>, the file names pre-commit passes): the Python
/// modules and notebooks whose summaries decide the seed findings on the reported ones, found without parsing
/// anything, so that only those are parsed. A reported module's findings depend on
/// <list type="bullet">
/// <item>what it imports, and what those import (helpers that seed, draws in functions it calls, re-exports);</item>
/// <item>who imports it, up to three levels up (<see cref="SeedIndex.SeededByImporters"/>, library code vs script), and
/// what those importers' own seeding calls resolve to (down again);</item>
/// <item>the <c>conftest.py</c> files (a test's seeds), with what they import.</item>
/// </list>
/// Who may import whom is over-approximated from words: a file may import a module when the module's name (its file
/// name, or its folder's for a package's <c>__init__.py</c>) appears in it as a word, or, for the <c>__init__.py</c> of
/// its own or an enclosing folder, when it has a relative import. Every real import is among these, so the set holds
/// every module the full run would consult for the reported ones, and they are judged as in a full run (kept in the
/// repository's order: <see cref="SeedIndex"/> resolves helpers in rounds over that order).
/// </summary>
internal static class ReportedModuleClosure
{
    /// <summary>The closure of the repository's Python modules and notebooks (<see cref="ScriptScope.IsPython"/>) for the
    /// reported ones, made once per scan for every check that asks (the seed and tracking rules).</summary>
    public static SourceDocument[] Of(RepositorySnapshot repository, Func<string, bool> reported) =>
        repository.Shared((typeof(ReportedModuleClosure), reported), () => Of(repository.Documents.Where(ScriptScope.IsPython).ToArray(), reported));

    public static SourceDocument[] Of(IReadOnlyList<SourceDocument> docs, Func<string, bool> reported)
    {
        var byName = new Dictionary<uint, List<int>>();
        var packageByFolder = new Dictionary<string, int>(StringComparer.Ordinal);
        // each importable module's name hash (none for notebooks, and for a stem left empty)
        var nameOf = new uint?[docs.Count];
        for (int i = 0; i < docs.Count; i++)
        {
            string path = docs[i].Path;
            if (docs[i].Kind != DocumentKind.Python || !path.EndsWith(".py", StringComparison.OrdinalIgnoreCase)) continue; // notebooks are not imported
            int slash = path.LastIndexOf('/');
            string folder = slash < 0 ? "" : path.Substring(0, slash);
            string stem = path.Substring(slash + 1, path.Length - slash - 4);
            if (stem == "__init__")
            {
                packageByFolder[folder] = i;
                int up = folder.LastIndexOf('/');
                stem = folder.Substring(up + 1);
            }
            if (stem.Length == 0) continue;
            uint key = ModuleWords.Hash(stem.AsSpan());
            nameOf[i] = key;
            if (!byName.TryGetValue(key, out var list)) byName[key] = list = new List<int>(1);
            list.Add(i);
        }

        var needed = new bool[docs.Count];
        var roots = new List<int>();
        var frontier = new List<int>();
        for (int i = 0; i < docs.Count; i++)
        {
            if (reported(docs[i].Path))
            {
                needed[i] = true;
                frontier.Add(i);
            }
            else if (docs[i].FileName == "conftest.py")
            {
                needed[i] = true;
            }
            if (needed[i]) roots.Add(i);
        }
        // who imports the frontier, level by level: a file imports a module when it may (MayImport) and is not the module;
        // asked of each file for the frontier's names only, so a staged scan does not work out every file's imports
        for (int level = 0; level < SeedIndex.ImporterLevels && frontier.Count > 0; level++)
        {
            var names = new HashSet<uint>();
            var packageFolders = new HashSet<string>(StringComparer.Ordinal);
            foreach (int m in frontier)
            {
                if (nameOf[m] is { } name) names.Add(name);
                if (packageByFolder.Count > 0 && IsPackage(docs[m], m, packageByFolder, out string folder)) packageFolders.Add(folder);
            }
            if (names.Count == 0 && packageFolders.Count == 0) break;
            var sortedNames = names.ToArray();
            Array.Sort(sortedNames);
            var imports = new bool[docs.Count];
            Parallel.For(0, docs.Count, f =>
            {
                // a file already needed adds nothing; the frontier's modules are among them, so an importer is never the module
                if (!needed[f]) imports[f] = ImportsAny(docs[f], sortedNames, packageFolders);
            });
            var next = new List<int>();
            for (int f = 0; f < docs.Count; f++)
            {
                if (!imports[f]) continue;
                needed[f] = true;
                roots.Add(f);
                next.Add(f);
            }
            frontier = next;
        }
        // and everything any of them may import, transitively
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            foreach (int t in MayImport(docs[stack.Pop()], byName, packageByFolder))
            {
                if (needed[t]) continue;
                needed[t] = true;
                stack.Push(t);
            }
        }
        var result = new List<SourceDocument>();
        for (int i = 0; i < docs.Count; i++)
        {
            if (needed[i]) result.Add(docs[i]);
        }
        return result.ToArray();
    }

    /// <summary>Whether document <paramref name="index"/> is the package (<c>__init__.py</c>) of <paramref name="folder"/>.</summary>
    private static bool IsPackage(SourceDocument doc, int index, Dictionary<string, int> packageByFolder, out string folder)
    {
        int slash = doc.Path.LastIndexOf('/');
        folder = slash < 0 ? "" : doc.Path.Substring(0, slash);
        return packageByFolder.TryGetValue(folder, out int package) && package == index;
    }

    /// <summary>Whether <paramref name="doc"/> may import a module named by one of <paramref name="sortedNames"/> (ascending
    /// hashes), or, with a relative import, the package of one of <paramref name="packageFolders"/> (its folder or one above):
    /// <see cref="MayImport"/> asked of a few targets.</summary>
    private static bool ImportsAny(SourceDocument doc, uint[] sortedNames, HashSet<string> packageFolders)
    {
        var words = ModuleWords.Of(doc);
        if (sortedNames.Length > 0 && SharesAny(words.Hashes, sortedNames)) return true;
        if (packageFolders.Count > 0 && words.HasRelativeImport)
        {
            string folder = doc.Path;
            while (true)
            {
                int slash = folder.LastIndexOf('/');
                folder = slash < 0 ? "" : folder.Substring(0, slash);
                if (packageFolders.Contains(folder)) return true;
                if (slash < 0) break;
            }
        }
        return false;
    }

    /// <summary>Whether two ascending arrays share a value: each value of the shorter looked up in the longer.</summary>
    internal static bool SharesAny(uint[] a, uint[] b)
    {
        if (a.Length > b.Length) (a, b) = (b, a);
        if (a.Length == 0 || a[a.Length - 1] < b[0] || b[b.Length - 1] < a[0]) return false;
        int from = 0;
        foreach (uint v in a)
        {
            int at = Array.BinarySearch(b, from, b.Length - from, v);
            if (at >= 0) return true;
            from = ~at;
            if (from >= b.Length) return false;
        }
        return false;
    }

    /// <summary>The modules <paramref name="doc"/> may import: those named by one of its words (<see cref="ModuleWords"/>,
    /// compared by hash), and the packages (<c>__init__.py</c>) of its folder and the folders above when it has a relative
    /// import.</summary>
    private static int[] MayImport(SourceDocument doc, Dictionary<uint, List<int>> byName, Dictionary<string, int> packageByFolder)
    {
        var words = ModuleWords.Of(doc);
        var found = new HashSet<int>();
        if (byName.Count > 0)
        {
            foreach (uint word in words.Hashes)
            {
                if (byName.TryGetValue(word, out var targets))
                {
                    foreach (int t in targets) found.Add(t);
                }
            }
        }
        if (packageByFolder.Count > 0 && words.HasRelativeImport)
        {
            string folder = doc.Path;
            while (true)
            {
                int slash = folder.LastIndexOf('/');
                folder = slash < 0 ? "" : folder.Substring(0, slash);
                if (packageByFolder.TryGetValue(folder, out int package)) found.Add(package);
                if (slash < 0) break;
            }
        }
        var result = found.ToArray();
        Array.Sort(result);
        return result;
    }
}
