using MLOpsLint.Core.Python;
namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>A call that seeds global generators (directly, or through a helper function): the module it is in, its
/// index in that module's <see cref="SeedSummary.Calls"/>, and its offset.</summary>
public sealed record SeedEvent(SeedModule Module, int Call, int Start, Rng Rng, bool InFunction);

/// <summary>One Python module or notebook of the repository, as the seed rules see it: its summary, and what the
/// rest of the repository tells about it (who imports it, what seeds it).</summary>
public sealed class SeedModule
{
    internal SeedModule(SeedSummary summary)
    {
        Summary = summary;
        FunctionSeeds = summary.Functions.Select(f => f.Seeds).ToArray();
    }

    public SeedSummary Summary { get; }

    public string Path => Summary.Path;

    public bool IsNotebook => Summary.IsNotebook;

    public bool IsTest => Summary.IsTest;

    /// <summary>Imported by another module of the repository.</summary>
    public bool IsImported { get; internal set; }

    /// <summary>Imported by a module of the repository that is not a test: library code, whose functions run for
    /// their importers (a model or transform file with a <c>__main__</c> self-test is one).</summary>
    public bool IsImportedByCode => Importers.Any(i => !i.IsTest);

    /// <summary>Modules of the repository that import this one (one may come more than once).</summary>
    internal IEnumerable<SeedModule> Importers => ImportName<SeedModule>.ImportersOf(this, Names, RelativeImporters);

    /// <summary>The dotted names the module answers to (null for a notebook): who imports one of them imports it.</summary>
    internal List<ImportName<SeedModule>>? Names { get; set; }

    /// <summary>Modules importing this one by a relative import.</summary>
    internal List<SeedModule>? RelativeImporters;

    /// <summary>1 + the index of the last module whose imports reached this one (while the index is built).</summary>
    internal int ReachedBy;

    /// <summary>Modules of the repository this one imports that <see cref="ImportedRandomness"/> follows (as Python would
    /// find them), each with the index of the first of its imports that reaches it in <see cref="SeedSummary.Imports"/>.</summary>
    internal List<(SeedModule Module, int Import)> Imported { get; } = new();

    /// <summary>What each function of <see cref="SeedSummary.Functions"/> seeds, helpers it calls included.</summary>
    internal Rng[] FunctionSeeds { get; }

    /// <summary>Per key of <see cref="SeedSummary.Keys"/>: the repository functions a call with it may run, once resolved.</summary>
    internal IReadOnlyList<(SeedModule, int)>?[] KeyTargets { get; private set; } = Array.Empty<IReadOnlyList<(SeedModule, int)>?>();

    internal void PrepareKeyTargets() => KeyTargets = new IReadOnlyList<(SeedModule, int)>?[Summary.Keys.Count];

    public IReadOnlyList<SeedEvent> Events { get; internal set; } = Array.Empty<SeedEvent>();

    /// <summary>A script, not library code: a notebook, a file with <c>if __name__ == "__main__":</c>, or a file
    /// with top-level calls that no other module of the repository imports.</summary>
    public bool IsEntryPoint => IsNotebook || Summary.HasMainGuard || (!IsImported && Summary.HasTopLevelCalls);

    /// <summary>All of <paramref name="rng"/> is seeded for a use at <paramref name="use"/>: by a seeding call
    /// before it, or by one inside a function (it runs when called), or anywhere when the use is itself inside a
    /// function (it runs later).</summary>
    public bool IsSeeded(Rng rng, SeedSite use)
    {
        foreach (var e in Events)
        {
            if ((e.Rng & rng) == rng && (e.InFunction || use.InFunction || e.Start < use.Start)) return true;
        }
        return false;
    }

    public bool SeedsAnywhere(Rng rng) => Events.Any(e => (e.Rng & rng) == rng);

    public override string ToString() => Path;
}

/// <summary>
/// The repository's Python modules and notebooks, with project-local seeding helpers resolved across files:
/// <c>from utils import set_seed</c>, <c>from .utils import set_seed</c>, <c>import utils; utils.set_seed()</c>,
/// re-exports through a package's <c>__init__.py</c>, helpers calling helpers (fixpoint, several levels). Works on
/// <see cref="SeedSummary"/>s, so the parsed modules need not stay in memory.
/// </summary>
public sealed class SeedIndex
{
    private const int MaxRounds = 4;
    private readonly Dictionary<string, ImportName<SeedModule>> byDotted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeedModule> byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<(SeedModule, string), IReadOnlyList<(SeedModule, int)>> resolved = new();
    private readonly IReadOnlyList<string> seedFunctions;
    private readonly HelperNames seeding;

    public SeedIndex(IReadOnlyList<SeedSummary> summaries, IReadOnlyList<string>? seedFunctions = null)
    {
        this.seedFunctions = seedFunctions ?? Array.Empty<string>();
        var modules = summaries.Select(s => new SeedModule(s)).ToArray();
        foreach (var m in modules) m.PrepareKeyTargets();
        Modules = modules;
        foreach (var m in modules)
        {
            byPath[m.Path] = m;
            if (m.IsNotebook || !m.Path.EndsWith(".py", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var dotted in ImportPaths.DottedNames(m.Path))
            {
                if (!byDotted.TryGetValue(dotted, out var name)) byDotted[dotted] = name = new ImportName<SeedModule>();
                name.Modules.Add(m);
                (m.Names ??= new List<ImportName<SeedModule>>()).Add(name);
            }
        }
        for (int k = 0; k < modules.Length; k++)
        {
            var m = modules[k];
            var imports = m.Summary.Imports;
            for (int i = 0; i < imports.Count; i++)
            {
                AddImport(m, k + 1, imports[i], i, imports[i].ModuleName);
                if (imports[i].IsFrom && !imports[i].IsStar) AddImport(m, k + 1, imports[i], i, imports[i].QualifiedName); // from pkg import utils
            }
        }
        seeding = SeedingNames();
        ComputeFunctionSeeds();
        foreach (var m in modules)
        {
            m.Events = EventsOf(m);
        }
        AddConftestSeeds();
    }

    public IReadOnlyList<SeedModule> Modules { get; }

    /// <summary>How far up the importers a module's seeding is looked for (<see cref="SeededByImporters"/>): so also how far
    /// a narrowed run must climb to judge some files as the whole run does (<see cref="SeedNeighbourhood"/>,
    /// <see cref="ReportedModuleClosure"/>).</summary>
    internal const int ImporterLevels = 3;

    /// <summary>True when a module importing <paramref name="module"/> (up to <see cref="ImporterLevels"/> levels up) seeds all of <paramref name="rng"/>.</summary>
    public bool SeededByImporters(SeedModule module, Rng rng)
    {
        var seen = new HashSet<SeedModule> { module };
        var frontier = new List<SeedModule> { module };
        for (int level = 0; level < ImporterLevels && frontier.Count > 0; level++)
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

    /// <summary>The modules <paramref name="dotted"/> (of import <paramref name="index"/>) reaches from <paramref name="m"/>
    /// (the <paramref name="stamp"/>-th module): they are imported, <paramref name="m"/> is among their importers, and the
    /// first import reaching each is kept when <see cref="ImportedRandomness.Follows"/> follows it. An absolute name lists
    /// its importer once on the name (<see cref="ImportName{T}"/>), not on each module answering to it.</summary>
    private void AddImport(SeedModule m, int stamp, SeedImport imp, int index, string dotted)
    {
        if (dotted.Length == 0) return;
        IReadOnlyList<SeedModule> targets;
        if (dotted[0] != '.')
        {
            if (!byDotted.TryGetValue(dotted, out var name)) return;
            name.AddImporter(m);
            targets = name.Modules;
        }
        else
        {
            targets = ResolveModule(m, dotted);
            foreach (var t in targets)
            {
                if (t != m) ImportName<SeedModule>.AddOnce(ref t.RelativeImporters, m);
            }
        }
        for (int i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (target == m) continue;
            target.IsImported = true;
            if (target.ReachedBy == stamp) continue;
            target.ReachedBy = stamp;
            if (ImportedRandomness.Follows(m, target, imp)) m.Imported.Add((target, index));
        }
    }

    /// <summary>The repository modules a dotted module name (possibly relative: ".utils", "..pkg") stands for in <paramref name="from"/>.</summary>
    internal IReadOnlyList<SeedModule> ResolveModule(SeedModule from, string dotted)
    {
        if (dotted.Length == 0) return Array.Empty<SeedModule>();
        if (dotted[0] != '.')
        {
            return byDotted.TryGetValue(dotted, out var name) ? name.Modules : (IReadOnlyList<SeedModule>)Array.Empty<SeedModule>();
        }
        var result = new List<SeedModule>(1);
        foreach (var target in ImportPaths.RelativeTargets(from.Path, dotted))
        {
            if (byPath.TryGetValue(target, out var module)) result.Add(module);
        }
        return result;
    }

    /// <summary>The repository functions (module, index in its <see cref="SeedSummary.Functions"/>) a call to
    /// <paramref name="qn"/> may run: a function of the same module, or one imported from another module (also through
    /// a package's re-export). Cached per module and name, whatever the depth it was first asked at.</summary>
    private IReadOnlyList<(SeedModule, int)> ResolveName(SeedModule m, string qn, int depth)
    {
        if (depth > 3 || qn.IndexOf('(') >= 0 || qn.IndexOf('[') >= 0) return Array.Empty<(SeedModule, int)>();
        if (resolved.TryGetValue((m, qn), out var existing)) return existing;
        var result = Resolve(m, qn, depth);
        // an import cycle may have resolved the same name deeper down meanwhile: that answer stands
        if (resolved.TryGetValue((m, qn), out existing)) return existing;
        resolved[(m, qn)] = result;
        return result;
    }

    private IReadOnlyList<(SeedModule, int)> Resolve(SeedModule m, string qn, int depth)
    {
        var result = new List<(SeedModule, int)>();
        int k = 0;
        while (k < qn.Length && qn[k] == '.') k++;
        string rest = qn.Substring(k);
        int dot = rest.LastIndexOf('.');
        if (k == 0 && dot < 0)
        {
            foreach (int f in m.Summary.ModuleFunctionsNamed(qn)) result.Add((m, f));
            foreach (var imp in m.Summary.Imports.Where(i => i.IsStar))
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

    private void AddFrom(SeedModule t, string name, int depth, List<(SeedModule, int)> result)
    {
        bool found = false;
        foreach (int f in t.Summary.ModuleFunctionsNamed(name))
        {
            result.Add((t, f));
            found = true;
        }
        if (found) return;
        foreach (var imp in t.Summary.Imports)
        {
            if (imp.BoundName == name) result.AddRange(ResolveName(t, imp.QualifiedName, depth + 1));
        }
    }

    private bool IsConfiguredSeedFunction(SeedCallKey call) =>
        seedFunctions.Count > 0 && seedFunctions.Any(s => s == call.QualifiedName || s == call.Callee || s == call.Name);

    /// <summary>What a call seeds: a known API, a configured helper, a repository helper, or an unknown function named
    /// like a seed helper.</summary>
    private Rng CallSeeds(SeedModule m, int key)
    {
        var call = m.Summary.Keys[key];
        var rng = call.SeededBy;
        if (IsConfiguredSeedFunction(call)) rng |= Rng.All;
        if (call.HasReceiver || call.QualifiedName.IndexOf('(') >= 0) return rng;
        // a call that can reach no repository function that may seed adds nothing (HelperNames): not resolved, unless an
        // unknown seed-like name needs to know whether it resolves at all
        if (!(rng == Rng.None && call.LooksLikeSeedHelper) && !seeding.MayName(call.QualifiedName)) return rng;
        // what a name resolves to is cached from its first resolution on (ResolveName), so it is kept per key too
        var targets = m.KeyTargets[key] ??= ResolveName(m, call.QualifiedName, 0);
        if (targets.Count == 0)
        {
            if (rng == Rng.None && call.LooksLikeSeedHelper) rng |= Rng.All;
            return rng;
        }
        foreach (var (t, f) in targets)
        {
            rng |= t.FunctionSeeds[f];
        }
        return rng;
    }

    /// <summary>The names of the module functions that may seed (by a known API, a configured or seed-like name, or a call
    /// that may reach such a function), closed over the imports that rebind them: no other function's
    /// <see cref="SeedModule.FunctionSeeds"/> ever becomes anything but <see cref="Rng.None"/>, so
    /// <see cref="CallSeeds"/> resolves only calls named here (a fixpoint, cheap: a set lookup per call key).</summary>
    private HelperNames SeedingNames()
    {
        var names = new HelperNames();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var m in Modules)
            {
                var functions = m.Summary.Functions;
                for (int i = 0; i < functions.Count; i++)
                {
                    var f = functions[i];
                    // calls resolve to module functions only (SeedSummary.ModuleFunctionsNamed)
                    if (f.IsMethod || names.Contains(f.Name) || !MaySeed(m, i, names)) continue;
                    names.Add(f.Name);
                    changed = true;
                }
            }
            foreach (var m in Modules) changed |= names.AddAliases(m.Summary.Imports);
        }
        return names;
    }

    private bool MaySeed(SeedModule m, int function, HelperNames names)
    {
        if (m.FunctionSeeds[function] != Rng.None) return true;
        var keys = m.Summary.Keys;
        foreach (int k in m.Summary.KeysOf(m.Summary.Functions[function]))
        {
            var key = keys[k];
            if (key.SeededBy != Rng.None || key.LooksLikeSeedHelper || IsConfiguredSeedFunction(key)) return true;
            if (!key.HasReceiver && key.QualifiedName.IndexOf('(') < 0 && names.MayName(key.QualifiedName)) return true;
        }
        return false;
    }

    /// <summary>What each function seeds, helpers included: rounds over all functions in order (a function sees what
    /// the functions before it learnt in the same round) until nothing changes or <see cref="MaxRounds"/>.</summary>
    private void ComputeFunctionSeeds()
    {
        for (int round = 0; round < MaxRounds; round++)
        {
            bool changed = false;
            foreach (var m in Modules)
            {
                var functions = m.Summary.Functions;
                for (int i = 0; i < functions.Count; i++)
                {
                    var rng = m.FunctionSeeds[i];
                    foreach (int key in m.Summary.KeysOf(functions[i])) rng |= CallSeeds(m, key); // nested functions' calls count too (lenient)
                    if (rng != m.FunctionSeeds[i])
                    {
                        m.FunctionSeeds[i] = rng;
                        changed = true;
                    }
                }
            }
            if (!changed) break;
        }
    }

    private IReadOnlyList<SeedEvent> EventsOf(SeedModule m)
    {
        var events = new List<SeedEvent>();
        var byKey = new Rng?[m.Summary.Keys.Count];
        var calls = m.Summary.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            var c = calls[i];
            var rng = byKey[c.Key] ??= CallSeeds(m, c.Key);
            if (rng != Rng.None) events.Add(new SeedEvent(m, i, c.Start, rng, c.InFunction));
        }
        return events;
    }

    /// <summary>pytest: a <c>conftest.py</c> above a test file that seeds (e.g. in an autouse fixture) seeds the tests.</summary>
    private void AddConftestSeeds()
    {
        var conftests = Modules.Where(m => m.Summary.Document.FileName == "conftest.py" && m.Events.Count > 0).ToArray();
        if (conftests.Length == 0) return;
        foreach (var m in Modules.Where(m => m.IsTest))
        {
            var extra = new List<SeedEvent>();
            foreach (var c in conftests)
            {
                string dir = c.Path.Length > "conftest.py".Length ? c.Path.Substring(0, c.Path.Length - "conftest.py".Length) : "";
                if (c != m && m.Path.StartsWith(dir, StringComparison.Ordinal))
                {
                    extra.AddRange(c.Events.Select(e => e with { InFunction = true }));
                }
            }
            if (extra.Count > 0) m.Events = m.Events.Concat(extra).ToArray();
        }
    }
}
