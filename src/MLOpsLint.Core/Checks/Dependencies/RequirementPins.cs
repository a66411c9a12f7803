using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Requirements;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// The <c>-r</c>/<c>-c</c> graph of requirements files. pip applies a constraint to every requirement of the
/// install, and combines the specifiers a name gets from several files, so a requirement counts as pinned when
/// some file that includes its file (directly or through other includes) pins the same name, as a constraint
/// or as a requirement. Paths are followed relative to the including file.
/// </summary>
internal sealed class RequirementPins
{
    private readonly Dictionary<string, List<string>> includes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> constraints = new(StringComparer.Ordinal);
    private readonly RepositorySnapshot repo;

    public RequirementPins(RepositorySnapshot repo, IReadOnlyList<SourceDocument> requirementDocs)
    {
        this.repo = repo;
        foreach (var doc in requirementDocs)
        {
            var file = RequirementsFile.Of(doc);
            string dir = DependencyPolicy.Directory(doc.Path);
            includes[doc.Path] = file.Includes.Select(o => DependencyPolicy.Resolve(dir, o.Value!)).Where(p => p != null).Select(p => p!).ToList();
            constraints[doc.Path] = file.Constraints.Select(o => DependencyPolicy.Resolve(dir, o.Value!)).Where(p => p != null).Select(p => p!).ToList();
        }
    }

    /// <summary>Is <paramref name="name"/> pinned for <paramref name="path"/> by a constraint or requirement of an install that includes it?</summary>
    public bool IsPinnedElsewhere(string path, string name, Strictness strictness)
    {
        // asked once per unpinned requirement: the names pinned elsewhere are gathered once per file and strictness, so a
        // file of N requirements included by another of N costs N, not N² (32,000 lines each took minutes)
        if (!pinnedElsewhere.TryGetValue((path, strictness), out var names))
        {
            names = PinnedElsewhere(path, strictness);
            pinnedElsewhere[(path, strictness)] = names;
        }
        return names.Contains(name);
    }

    private readonly Dictionary<(string Path, Strictness Strictness), HashSet<string>> pinnedElsewhere = new();
    private readonly Dictionary<string, HashSet<string>> closures = new(StringComparer.Ordinal);

    private HashSet<string> PinnedElsewhere(string path, Strictness strictness)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in includes.Keys)
        {
            var closure = CachedClosure(root);
            if (!closure.Contains(path)) continue;
            sources.UnionWith(closure);
            foreach (var c in closure.SelectMany(f => constraints.TryGetValue(f, out var l) ? l : new List<string>()).ToList())
            {
                sources.UnionWith(CachedClosure(c));
            }
        }
        foreach (var f in sources)
        {
            var doc = repo.Find(f);
            if (doc == null || !doc.HasText || f == path) continue;
            foreach (var e in RequirementsFile.Of(doc).Entries)
            {
                if (e.Requirement is { } r && DependencyPolicy.IsPinned(r, e.Hashes, strictness)) names.Add(r.NormalizedName);
            }
        }
        // A constraints file referenced from outside the graph (a Dockerfile's pip install -c) is judged there.
        return names;
    }

    private HashSet<string> CachedClosure(string start)
    {
        if (!closures.TryGetValue(start, out var closure))
        {
            closure = Closure(start, includes);
            closures[start] = closure;
        }
        return closure;
    }

    private HashSet<string> Closure(string start, Dictionary<string, List<string>> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            if (!seen.Add(p)) continue;
            if (edges.TryGetValue(p, out var next))
            {
                foreach (var n in next) stack.Push(n);
            }
            else if (repo.Find(p) is { Kind: DocumentKind.Requirements or DocumentKind.PlainText } d && d.HasText && !edges.ContainsKey(p))
            {
                // An included file whose name is not requirements-like still belongs to the install.
                foreach (var o in RequirementsFile.Of(d).Includes)
                {
                    var r = DependencyPolicy.Resolve(DependencyPolicy.Directory(p), o.Value!);
                    if (r != null) stack.Push(r);
                }
            }
        }
        return seen;
    }
}
