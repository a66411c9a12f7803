using System.Collections.Concurrent;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Python.Tokens;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>A call that seeds global generators (directly, or through a helper function), at an offset.</summary>
public sealed record SeedEvent(PyCall Call, Rng Rng, bool InFunction);

/// <summary>One Python module or notebook of the repository, as the seed rules see it.</summary>
public sealed class SeedModule
{
    internal SeedModule(SourceDocument document, PythonModule module)
    {
        Document = document;
        Module = module;
        IsTest = ScriptScope.IsTest(document.Path);
        HasMainGuard = module.Tokens.Any(t => t.Kind == PyTokenKind.Name && t.IsName(module.Text, "__name__"))
            && module.StringLiterals.Any(s => s.Value == "__main__");
        HasTopLevelCalls = module.Calls.Any(c => c.EnclosingFunction == null);
    }

    public SourceDocument Document { get; }

    public PythonModule Module { get; }

    public bool IsNotebook => Module.IsNotebook;

    public bool IsTest { get; }

    public bool HasMainGuard { get; }

    public bool HasTopLevelCalls { get; }

    /// <summary>Imported by another module of the repository.</summary>
    public bool IsImported { get; internal set; }

    /// <summary>Modules of the repository that import this one.</summary>
    internal List<SeedModule> Importers { get; } = new();

    public IReadOnlyList<SeedEvent> Events { get; internal set; } = Array.Empty<SeedEvent>();

    /// <summary>A script, not library code: a notebook, a file with <c>if __name__ == "__main__":</c>, or a file
    /// with top-level calls that no other module of the repository imports.</summary>
    public bool IsEntryPoint => IsNotebook || HasMainGuard || (!IsImported && HasTopLevelCalls);

    /// <summary>All of <paramref name="rng"/> is seeded for a use at <paramref name="use"/>: by a seeding call
    /// before it, or by one inside a function (it runs when called), or anywhere when the use is itself inside a
    /// function (it runs later).</summary>
    public bool IsSeeded(Rng rng, PyCall use)
    {
        bool useInFunction = use.EnclosingFunction != null;
        return Events.Any(e => (e.Rng & rng) == rng && (e.InFunction || useInFunction || e.Call.Start < use.Start));
    }

    public bool SeedsAnywhere(Rng rng) => Events.Any(e => (e.Rng & rng) == rng);

    public override string ToString() => Document.Path;
}

/// <summary>
/// The repository's Python modules and notebooks, with project-local seeding helpers resolved across files:
/// <c>from utils import set_seed</c>, <c>from .utils import set_seed</c>, <c>import utils; utils.set_seed()</c>,
/// re-exports through a package's <c>__init__.py</c>, helpers calling helpers (fixpoint, several levels).
/// </summary>
public sealed class SeedIndex
{
    private const int MaxRounds = 4;
    private readonly Dictionary<string, List<SeedModule>> byDotted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeedModule> byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<PyFunction, Rng> functionSeeds = new();
    private readonly ConcurrentDictionary<(SeedModule, string), IReadOnlyList<(SeedModule, PyFunction)>> resolved = new();
    private readonly IReadOnlyList<string> seedFunctions;

    public SeedIndex(RepositorySnapshot repository, IReadOnlyList<string>? seedFunctions = null)
    {
        this.seedFunctions = seedFunctions ?? Array.Empty<string>();
        var docs = repository.Documents.Where(ScriptScope.IsPython).ToArray();
        var modules = new SeedModule[docs.Length];
        Parallel.For(0, docs.Length, i => modules[i] = new SeedModule(docs[i], PythonModule.Of(docs[i])));
        Modules = modules;
        foreach (var m in modules)
        {
            byPath[m.Document.Path] = m;
            if (m.IsNotebook || !m.Document.Path.EndsWith(".py", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var dotted in DottedNames(m.Document.Path))
            {
                if (!byDotted.TryGetValue(dotted, out var list)) byDotted[dotted] = list = new List<SeedModule>();
                list.Add(m);
            }
        }
        foreach (var m in modules)
        {
            foreach (var imp in m.Module.Imports)
            {
                foreach (var target in ImportTargets(m, imp))
                {
                    if (target == m) continue;
                    target.IsImported = true;
                    if (!target.Importers.Contains(m)) target.Importers.Add(m);
                }
            }
        }
        ComputeFunctionSeeds();
        foreach (var m in modules)
        {
            m.Events = EventsOf(m);
        }
        AddConftestSeeds();
    }

    public IReadOnlyList<SeedModule> Modules { get; }

    /// <summary>True when a module importing <paramref name="module"/> (up to three levels up) seeds all of <paramref name="rng"/>.</summary>
    public bool SeededByImporters(SeedModule module, Rng rng)
    {
        var seen = new HashSet<SeedModule> { module };
        var frontier = new List<SeedModule> { module };
        for (int level = 0; level < 3 && frontier.Count > 0; level++)
        {
            var next = new List<SeedModule>();
            foreach (var m in frontier)
            {
                foreach (var importer in m.Importers)
                {
                    if (!seen.Add(importer)) continue;
                    if (importer.SeedsAnywhere(rng)) return true;
                    next.Add(importer);
                }
            }
            frontier = next;
        }
        return false;
    }

    /// <summary>"a/b/c.py" → c, b.c, a.b.c; "a/b/__init__.py" → b, a.b.</summary>
    private static IEnumerable<string> DottedNames(string path)
    {
        var parts = path.Substring(0, path.Length - 3).Split('/').ToList();
        if (parts[parts.Count - 1] == "__init__") parts.RemoveAt(parts.Count - 1);
        for (int i = parts.Count - 1; i >= 0; i--)
        {
            yield return string.Join(".", parts.Skip(i));
        }
    }

    private IEnumerable<SeedModule> ImportTargets(SeedModule m, PyImport imp)
    {
        foreach (var t in ResolveModule(m, imp.ModuleName)) yield return t;
        if (imp.IsFrom && !imp.IsStar)
        {
            foreach (var t in ResolveModule(m, imp.QualifiedName)) yield return t; // from pkg import utils
        }
    }

    /// <summary>The repository modules a dotted module name (possibly relative: ".utils", "..pkg") stands for in <paramref name="from"/>.</summary>
    internal IReadOnlyList<SeedModule> ResolveModule(SeedModule from, string dotted)
    {
        if (dotted.Length == 0) return Array.Empty<SeedModule>();
        if (dotted[0] != '.')
        {
            return byDotted.TryGetValue(dotted, out var list) ? list : (IReadOnlyList<SeedModule>)Array.Empty<SeedModule>();
        }
        int k = 0;
        while (k < dotted.Length && dotted[k] == '.') k++;
        string path = from.Document.Path;
        int slash = path.LastIndexOf('/');
        string dir = slash < 0 ? "" : path.Substring(0, slash);
        for (int up = 1; up < k; up++)
        {
            int s = dir.LastIndexOf('/');
            dir = s < 0 ? "" : dir.Substring(0, s);
        }
        string rest = dotted.Substring(k).Replace('.', '/');
        string basePath = rest.Length == 0 ? dir : (dir.Length == 0 ? rest : dir + "/" + rest);
        var result = new List<SeedModule>(1);
        if (rest.Length > 0 && byPath.TryGetValue(basePath + ".py", out var mod)) result.Add(mod);
        if (byPath.TryGetValue(basePath.Length == 0 ? "__init__.py" : basePath + "/__init__.py", out var pkg)) result.Add(pkg);
        return result;
    }

    /// <summary>The repository functions a call may run: a function of the same module, or one imported from
    /// another module (also through a package's re-export).</summary>
    internal IReadOnlyList<(SeedModule Module, PyFunction Function)> ResolveCall(SeedModule m, PyCall call) =>
        ResolveName(m, call.QualifiedName, 0);

    private IReadOnlyList<(SeedModule, PyFunction)> ResolveName(SeedModule m, string qn, int depth)
    {
        if (depth > 3 || qn.IndexOf('(') >= 0 || qn.IndexOf('[') >= 0) return Array.Empty<(SeedModule, PyFunction)>();
        return resolved.GetOrAdd((m, qn), key => Resolve(key.Item1, key.Item2, depth));
    }

    private IReadOnlyList<(SeedModule, PyFunction)> Resolve(SeedModule m, string qn, int depth)
    {
        var result = new List<(SeedModule, PyFunction)>();
        int k = 0;
        while (k < qn.Length && qn[k] == '.') k++;
        string rest = qn.Substring(k);
        int dot = rest.LastIndexOf('.');
        if (k == 0 && dot < 0)
        {
            foreach (var f in m.Module.FunctionsNamed(qn))
            {
                if (f.ClassName == null) result.Add((m, f));
            }
            foreach (var imp in m.Module.Imports.Where(i => i.IsStar))
            {
                foreach (var t in ResolveModule(m, imp.ModuleName)) AddFrom(t, qn, depth, result);
            }
            return result;
        }
        string moduleName = dot < 0 ? qn.Substring(0, k) : qn.Substring(0, k + dot);
        string name = dot < 0 ? rest : rest.Substring(dot + 1);
        foreach (var t in ResolveModule(m, moduleName)) AddFrom(t, name, depth, result);
        return result;
    }

    private void AddFrom(SeedModule t, string name, int depth, List<(SeedModule, PyFunction)> result)
    {
        bool found = false;
        foreach (var f in t.Module.FunctionsNamed(name))
        {
            if (f.ClassName != null) continue;
            result.Add((t, f));
            found = true;
        }
        if (found) return;
        foreach (var imp in t.Module.Imports)
        {
            if (imp.BoundName == name) result.AddRange(ResolveName(t, imp.QualifiedName, depth + 1));
        }
    }

    private bool IsConfiguredSeedFunction(PyCall call) =>
        seedFunctions.Any(s => s == call.QualifiedName || s == call.Callee || s == call.Name);

    /// <summary>What a call seeds: a known API, a configured helper, a repository helper, or an unknown function named
    /// like a seed helper.</summary>
    private Rng CallSeeds(SeedModule m, PyCall call)
    {
        var rng = SeedApis.SeededBy(call);
        if (IsConfiguredSeedFunction(call)) rng |= Rng.All;
        if (call.Receiver != null || call.QualifiedName.IndexOf('(') >= 0) return rng;
        var targets = ResolveCall(m, call);
        if (targets.Count == 0)
        {
            if (rng == Rng.None && SeedApis.LooksLikeSeedHelper(call) && !IsKnownLibraryCall(call)) rng |= Rng.All;
            return rng;
        }
        foreach (var (_, f) in targets)
        {
            if (functionSeeds.TryGetValue(f, out var s)) rng |= s;
        }
        return rng;
    }

    private static bool IsKnownLibraryCall(PyCall call) => SklearnTable.Find(call.QualifiedName) != null;

    private void ComputeFunctionSeeds()
    {
        foreach (var m in Modules)
        {
            foreach (var f in m.Module.Functions)
            {
                var rng = Rng.None;
                foreach (var c in f.Calls) rng |= SeedApis.SeededBy(c);
                if (SetsCudnnDeterministic(m.Module, f.BodyStart, f.End)) rng |= Rng.Deterministic;
                functionSeeds[f] = rng;
            }
        }
        for (int round = 0; round < MaxRounds; round++)
        {
            bool changed = false;
            foreach (var m in Modules)
            {
                foreach (var f in m.Module.Functions)
                {
                    var rng = functionSeeds[f];
                    foreach (var c in f.Calls)
                    {
                        if (c.EnclosingFunction == f || c.EnclosingFunction == null) rng |= CallSeeds(m, c);
                        else rng |= CallSeeds(m, c); // nested functions: counted too (lenient)
                    }
                    if (rng != functionSeeds[f])
                    {
                        functionSeeds[f] = rng;
                        changed = true;
                    }
                }
            }
            if (!changed) break;
        }
    }

    internal static bool SetsCudnnDeterministic(PythonModule module, int start, int end) =>
        module.Assignments.Any(a => a.Start >= start && a.Start < end
            && a.TargetQualifiedName == "torch.backends.cudnn.deterministic" && a.ValueLiteral == Python.Structure.PyLiteralKind.True);

    private IReadOnlyList<SeedEvent> EventsOf(SeedModule m)
    {
        var events = new List<SeedEvent>();
        foreach (var c in m.Module.Calls)
        {
            var rng = CallSeeds(m, c);
            if (rng != Rng.None) events.Add(new SeedEvent(c, rng, c.EnclosingFunction != null));
        }
        return events;
    }

    /// <summary>pytest: a <c>conftest.py</c> above a test file that seeds (e.g. in an autouse fixture) seeds the tests.</summary>
    private void AddConftestSeeds()
    {
        var conftests = Modules.Where(m => m.Document.FileName == "conftest.py" && m.Events.Count > 0).ToArray();
        if (conftests.Length == 0) return;
        foreach (var m in Modules.Where(m => m.IsTest))
        {
            var extra = new List<SeedEvent>();
            foreach (var c in conftests)
            {
                string dir = c.Document.Path.Length > "conftest.py".Length ? c.Document.Path.Substring(0, c.Document.Path.Length - "conftest.py".Length) : "";
                if (c != m && m.Document.Path.StartsWith(dir, StringComparison.Ordinal))
                {
                    extra.AddRange(c.Events.Select(e => e with { InFunction = true }));
                }
            }
            if (extra.Count > 0) m.Events = m.Events.Concat(extra).ToArray();
        }
    }
}
