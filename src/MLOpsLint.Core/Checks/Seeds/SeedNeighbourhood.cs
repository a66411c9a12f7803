using MLOpsLint.Core.Python;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// The modules whose summaries decide the seed findings on a few files: those files, every module they import
/// (transitively: a helper's helpers), the modules importing them up to three levels (whether a file is a script or library
/// code, and <see cref="SeedIndex.SeededByImporters"/>) with everything those import, and the <c>conftest.py</c> files
/// (they seed the tests below them) with theirs. Influence runs only along import edges, from the imported module to its
/// importer, so a <see cref="SeedIndex"/> of these alone judges the files as the index of the whole repository does.
/// <para>
/// The language server runs it on the file being edited, where an index of the whole repository costs hundreds of
/// milliseconds in a 10,000-file workspace. So the import edges are not all resolved: a module's imports are resolved
/// when it is kept, and the importers of a module are found by its names, resolving only the imports whose last name
/// is one of them. Resolution is <see cref="SeedIndex.ResolveModule"/>'s, by path instead of by a table of every
/// module's dotted names (a FileScopedSeedsTests case holds the two to the same findings).
/// </para>
/// </summary>
internal sealed class SeedNeighbourhood
{
    private readonly IReadOnlyList<SeedSummary> summaries;
    private readonly Dictionary<string, int> byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byName = new(StringComparer.Ordinal); // the last dotted name → modules

    private SeedNeighbourhood(IReadOnlyList<SeedSummary> summaries)
    {
        this.summaries = summaries;
        for (int i = 0; i < summaries.Count; i++)
        {
            var s = summaries[i];
            byPath[s.Path] = i;
            if (DottedPath(s) is not { } dotted) continue;
            string last = LastName(dotted);
            if (!byName.TryGetValue(last, out var list)) byName[last] = list = new List<int>(1);
            list.Add(i);
        }
    }

    /// <summary>The summaries that decide the findings on <paramref name="paths"/>, in their order.</summary>
    public static IReadOnlyList<SeedSummary> Of(IReadOnlyList<SeedSummary> summaries, ICollection<string> paths)
    {
        var n = new SeedNeighbourhood(summaries);
        var keep = new HashSet<int>();
        var frontier = new List<int>();
        for (int i = 0; i < summaries.Count; i++)
        {
            if (paths.Contains(summaries[i].Path)) frontier.Add(i);
        }
        foreach (int i in frontier) n.WithImports(i, keep);
        var climbed = new HashSet<int>(frontier);
        for (int level = 0; level < SeedIndex.ImporterLevels && frontier.Count > 0; level++)
        {
            var next = new List<int>();
            foreach (int importer in n.ImportersOf(frontier))
            {
                if (!climbed.Add(importer)) continue;
                n.WithImports(importer, keep);
                next.Add(importer);
            }
            frontier = next;
        }
        for (int i = 0; i < summaries.Count; i++)
        {
            if (summaries[i].Document.FileName == "conftest.py") n.WithImports(i, keep);
        }
        var result = new List<SeedSummary>(keep.Count);
        for (int i = 0; i < summaries.Count; i++)
        {
            if (keep.Contains(i)) result.Add(summaries[i]);
        }
        return result;
    }

    /// <summary>Keeps <paramref name="start"/> and, transitively, every module it imports.</summary>
    private void WithImports(int start, HashSet<int> keep)
    {
        if (!keep.Add(start)) return;
        var stack = new Stack<int>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            int m = stack.Pop();
            foreach (var imp in summaries[m].Imports)
            {
                foreach (int t in Targets(m, imp))
                {
                    if (t != m && keep.Add(t)) stack.Push(t);
                }
            }
        }
    }

    /// <summary>The modules with an import that resolves to one of <paramref name="targets"/>.</summary>
    private IEnumerable<int> ImportersOf(List<int> targets)
    {
        var set = new HashSet<int>(targets);
        var names = new HashSet<string>(targets.Select(t => DottedPath(summaries[t])).Where(d => d != null).Select(d => LastName(d!)), StringComparer.Ordinal);
        names.Add("."); // a relative import names its module by path; an absolute one ends with the module's own name
        for (int m = 0; m < summaries.Count; m++)
        {
            if (!summaries[m].ImportedNames.Any(names.Contains)) continue;
            foreach (var imp in summaries[m].Imports)
            {
                if (Targets(m, imp).Any(t => t != m && set.Contains(t)))
                {
                    yield return m;
                    break;
                }
            }
        }
    }

    /// <summary>As <c>SeedIndex.ImportTargets</c>: the module named, and for <c>from pkg import name</c> a module <c>pkg.name</c>.</summary>
    private IEnumerable<int> Targets(int from, SeedImport imp)
    {
        foreach (int t in Resolve(from, imp.ModuleName)) yield return t;
        if (imp.IsFrom && !imp.IsStar)
        {
            foreach (int t in Resolve(from, imp.QualifiedName)) yield return t;
        }
    }

    /// <summary>As <see cref="SeedIndex.ResolveModule"/>: an absolute name is every module whose dotted path ends with it
    /// (<c>utils</c>, <c>pkg.utils</c> for <c>src/pkg/utils.py</c>); a relative one is a path from the importing file.</summary>
    private IEnumerable<int> Resolve(int from, string dotted)
    {
        if (dotted.Length == 0) yield break;
        if (dotted[0] != '.')
        {
            if (!byName.TryGetValue(LastName(dotted), out var candidates)) yield break;
            foreach (int c in candidates)
            {
                string path = DottedPath(summaries[c])!;
                if (path.Length == dotted.Length ? path == dotted
                    : path.Length > dotted.Length && path[path.Length - dotted.Length - 1] == '.' && path.EndsWith(dotted, StringComparison.Ordinal))
                {
                    yield return c;
                }
            }
            yield break;
        }
        foreach (var target in ImportPaths.RelativeTargets(summaries[from].Path, dotted))
        {
            if (byPath.TryGetValue(target, out int module)) yield return module;
        }
    }

    /// <summary>"a/b/c.py" → "a.b.c", "a/b/__init__.py" → "a.b"; null for a notebook or a file that is not a module
    /// (as <see cref="SeedIndex"/>, which gives those no dotted names).</summary>
    private static string? DottedPath(SeedSummary s)
    {
        if (s.IsNotebook || !s.Path.EndsWith(".py", StringComparison.OrdinalIgnoreCase)) return null;
        string p = s.Path.Substring(0, s.Path.Length - 3);
        if (p == "__init__") return null;
        if (p.EndsWith("/__init__", StringComparison.Ordinal)) p = p.Substring(0, p.Length - "/__init__".Length);
        return p.Replace('/', '.');
    }

    private static string LastName(string dotted)
    {
        int dot = dotted.LastIndexOf('.');
        return dot < 0 ? dotted : dotted.Substring(dot + 1);
    }
}
