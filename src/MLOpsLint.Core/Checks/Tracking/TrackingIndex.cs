using MLOpsLint.Core.Python;
using MLOpsLint.Core.Checks.Seeds;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>One module of the repository, with what it does once its project helpers are followed.</summary>
public sealed class TrackingModule
{
    internal TrackingModule(TrackingSummary summary)
    {
        Summary = summary;
        FunctionFlags = summary.Functions.Select(f => f.Own).ToArray();
    }

    public TrackingSummary Summary { get; }

    public string Path => Summary.Path;

    /// <summary>What each function of <see cref="TrackingSummary.Functions"/> does, helpers it calls included.</summary>
    internal RunFlags[] FunctionFlags { get; }

    /// <summary>What the module does, its own code and the project helpers it calls included.</summary>
    public RunFlags Flags { get; internal set; }

    /// <summary>A repository module this one imports imports a tracker (<see cref="TrackingSummary.Tracker"/>).</summary>
    internal bool ImportsTrackingModule { get; set; }

    /// <summary>Repository modules importing this one (one may come more than once).</summary>
    internal IEnumerable<TrackingModule> Importers => ImportName<TrackingModule>.ImportersOf(this, Names, RelativeImporters);

    /// <summary>The dotted names the module answers to (null for a notebook): who imports one of them imports it.</summary>
    internal List<ImportName<TrackingModule>>? Names { get; set; }

    /// <summary>Modules importing this one by a relative import.</summary>
    internal List<TrackingModule>? RelativeImporters;

    /// <summary>The functions by name, for <see cref="TrackingIndex"/>'s lookups (made on first use).</summary>
    internal FunctionsByName? ByName { get; set; }

    /// <summary>How many times the index looked its functions up before making <see cref="ByName"/>.</summary>
    internal int Lookups { get; set; }

    /// <summary>What the index resolved calls from this module to, this round: flags, or -1 while being resolved.</summary>
    internal Dictionary<string, int> Resolved => resolved ??= new Dictionary<string, int>(StringComparer.Ordinal);

    private Dictionary<string, int>? resolved;

    internal void ClearResolved() => resolved?.Clear();


    /// <summary>Where the module trains: its own first training call, or the first call of a project helper that trains.</summary>
    public SeedSite? TrainingSite { get; internal set; }

    public string? TrainingWhat { get; internal set; }

    public override string ToString() => Path;
}

/// <summary>
/// The repository's Python modules and notebooks, with project helpers followed across files the way the seed rules
/// follow seed helpers (<see cref="SeedIndex"/>): <c>from utils import log_metrics</c>, <c>from .engine import train_one_epoch</c>,
/// <c>import utils; utils.save_results()</c>, a project class (<c>Logger(...)</c>), re-exports through a package's
/// <c>__init__.py</c>, helpers calling helpers (a fixpoint over a few rounds). A script records when it, a helper it calls,
/// or a repository module it imports that imports a tracker does; it trains when it or a helper it calls does.
/// </summary>
public sealed class TrackingIndex
{
    private const int MaxRounds = 4;
    private readonly Dictionary<string, ImportName<TrackingModule>> byDotted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrackingModule> byPath = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> trackingFunctions;
    private readonly HelperNames helpers;
    // a call resolved into many modules (one name that thousands of folders each have a module for) is resolved into
    // each once a round: what the whole list gives, valid while no function's flags changed (flagsVersion) and when
    // nothing it read was still being resolved (placeholderReads: a cycle sees what was known then)
    private readonly Dictionary<(List<TrackingModule> Targets, string Name, int Depth), (RunFlags Flags, long Version)> fanOut = new();
    private long flagsVersion;
    private long placeholderReads;
    private const int FanOutMemo = 8;

    public TrackingIndex(IReadOnlyList<TrackingSummary> summaries, IReadOnlyList<string>? trackingFunctions = null)
    {
        this.trackingFunctions = trackingFunctions ?? Array.Empty<string>();
        Modules = summaries.Select(s => new TrackingModule(s)).ToArray();
        foreach (var m in Modules)
        {
            byPath[m.Path] = m;
            if (m.Summary.IsNotebook || !m.Path.EndsWith(".py", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var dotted in ImportPaths.DottedNames(m.Path))
            {
                if (!byDotted.TryGetValue(dotted, out var name)) byDotted[dotted] = name = new ImportName<TrackingModule>();
                name.Modules.Add(m);
                (m.Names ??= new List<ImportName<TrackingModule>>()).Add(name);
            }
        }
        foreach (var m in Modules)
        {
            foreach (var imp in m.Summary.Imports)
            {
                AddImport(m, imp.ModuleName);
                if (imp.IsFrom && !imp.IsStar) AddImport(m, imp.QualifiedName);
            }
        }
        helpers = HelperNamesOf();
        ComputeFunctionFlags();
        foreach (var m in Modules) ComputeModuleFlags(m);
    }

    public IReadOnlyList<TrackingModule> Modules { get; }

    /// <summary>The modules <paramref name="dotted"/> reaches from <paramref name="m"/>: <paramref name="m"/> is among their
    /// importers (an absolute name lists it once on the name, <see cref="ImportName{T}"/>, not on each module answering to
    /// it), and whether one imports a tracker.</summary>
    private void AddImport(TrackingModule m, string dotted)
    {
        if (dotted.Length == 0) return;
        IReadOnlyList<TrackingModule> targets;
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
                if (t != m) ImportName<TrackingModule>.AddOnce(ref t.RelativeImporters, m);
            }
        }
        if (m.ImportsTrackingModule) return;
        for (int i = 0; i < targets.Count; i++)
        {
            if (targets[i] != m && targets[i].Summary.Tracker != null)
            {
                m.ImportsTrackingModule = true;
                return;
            }
        }
    }

    /// <summary>The repository modules a dotted module name (possibly relative: ".utils", "..pkg") stands for in <paramref name="from"/>.</summary>
    private IReadOnlyList<TrackingModule> ResolveModule(TrackingModule from, string dotted)
    {
        if (dotted.Length == 0) return Array.Empty<TrackingModule>();
        if (dotted[0] != '.')
        {
            return byDotted.TryGetValue(dotted, out var name) ? name.Modules : (IReadOnlyList<TrackingModule>)Array.Empty<TrackingModule>();
        }
        var result = new List<TrackingModule>(1);
        foreach (var target in ImportPaths.RelativeTargets(from.Path, dotted))
        {
            if (byPath.TryGetValue(target, out var module)) result.Add(module);
        }
        return result;
    }

    /// <summary>What a call to <paramref name="qn"/> from <paramref name="m"/> runs of the repository: a function or class of
    /// the same module (<c>self.x</c>: a method of it), or one imported from another module, re-exports followed.</summary>
    private RunFlags Resolve(TrackingModule m, string qn, int depth)
    {
        if (depth > 3 || qn.IndexOf('(') >= 0 || qn.IndexOf('[') >= 0) return RunFlags.None;
        var resolved = m.Resolved;
        if (resolved.TryGetValue(qn, out int known))
        {
            if (known >= 0) return (RunFlags)known;
            placeholderReads++;
            return RunFlags.None;
        }
        resolved[qn] = -1; // a cycle sees nothing
        var flags = RunFlags.None;
        int k = 0;
        while (k < qn.Length && qn[k] == '.') k++;
        string rest = qn.Substring(k);
        int dot = rest.LastIndexOf('.');
        if (k == 0 && rest.StartsWith("self.", StringComparison.Ordinal) && dot == 4)
        {
            flags |= Named(m, rest.Substring(5), methods: true);
        }
        else if (k == 0 && dot < 0)
        {
            flags |= Named(m, qn, methods: false);
            var imports = m.Summary.Imports;
            for (int i = 0; i < imports.Count; i++)
            {
                if (imports[i].IsStar) flags |= From(ResolveModule(m, imports[i].ModuleName), qn, depth);
            }
        }
        else if (dot >= 0 || k > 0)
        {
            string moduleName = dot < 0 ? qn.Substring(0, k) : qn.Substring(0, k + dot);
            string name = dot < 0 ? rest : rest.Substring(dot + 1);
            flags |= From(ResolveModule(m, moduleName), name, depth);
        }
        resolved[qn] = (int)flags;
        return flags;
    }

    /// <summary>What <paramref name="name"/> gives in each of <paramref name="targets"/>, together.</summary>
    private RunFlags From(IReadOnlyList<TrackingModule> targets, string name, int depth)
    {
        if (targets.Count < FanOutMemo || targets is not List<TrackingModule> shared)
        {
            var flags = RunFlags.None;
            for (int i = 0; i < targets.Count; i++) flags |= From(targets[i], name, depth);
            return flags;
        }
        var key = (shared, name, depth);
        if (fanOut.TryGetValue(key, out var memo) && memo.Version == flagsVersion) return memo.Flags;
        long reads = placeholderReads;
        var all = RunFlags.None;
        for (int i = 0; i < shared.Count; i++) all |= From(shared[i], name, depth);
        if (placeholderReads == reads) fanOut[key] = (all, flagsVersion);
        return all;
    }

    private RunFlags From(TrackingModule t, string name, int depth)
    {
        var flags = Named(t, name, methods: false);
        if (flags != RunFlags.None || HasDefinition(t, name)) return flags;
        var imports = t.Summary.Imports;
        for (int i = 0; i < imports.Count; i++)
        {
            if (imports[i].BoundName == name) flags |= Resolve(t, imports[i].QualifiedName, depth + 1);
        }
        return flags;
    }

    private static bool HasDefinition(TrackingModule t, string name)
    {
        if (FunctionsByName.Of(t) is { } byName) return byName.Defines(name);
        foreach (var f in t.Summary.Functions)
        {
            if (f.ClassName == null ? f.Name == name : f.ClassName == name) return true;
        }
        return false;
    }

    /// <summary>The flags of the module's functions called <paramref name="name"/> (methods too when asked), or what the
    /// class called <paramref name="name"/> records (all its methods: building a logger stands for using it).</summary>
    private static RunFlags Named(TrackingModule t, string name, bool methods)
    {
        if (FunctionsByName.Of(t) is { } byName) return byName.Flags(t.FunctionFlags, name, methods);
        var flags = RunFlags.None;
        var functions = t.Summary.Functions;
        for (int i = 0; i < functions.Count; i++)
        {
            var f = functions[i];
            if ((f.ClassName == null || methods) && f.Name == name) flags |= t.FunctionFlags[i];
            // building a project class keeps what its methods record (a Logger), not what they train: a class with a
            // train() method trains when that method is called (self.train(), trainer.train()), not when it is built
            if (!methods && f.ClassName == name) flags |= t.FunctionFlags[i] & RunFlags.Records;
        }
        return flags;
    }

    private bool IsConfiguredTracker(RunCall call) =>
        trackingFunctions.Count > 0 && trackingFunctions.Any(s => s == call.QualifiedName || s == call.Name);

    private RunFlags CallFlags(TrackingModule m, RunCall call) =>
        call.Own | (IsConfiguredTracker(call) ? RunFlags.Records : RunFlags.None)
        | (helpers.MayName(call.QualifiedName) ? Resolve(m, call.QualifiedName, 0) : RunFlags.None);

    /// <summary>The names of the functions that may do something (their own flags, a configured tracker, or a call that
    /// may reach such a function) and of the classes whose methods may, closed over the imports that rebind them
    /// (<see cref="HelperNames"/>): <see cref="Resolve"/> finds functions by the last name of what a call names (a method of
    /// the module for <c>self.x</c>, what a project class records when it is built), so a call not named here can reach
    /// none whose <see cref="TrackingModule.FunctionFlags"/> ever become anything but <see cref="RunFlags.None"/>, and is
    /// not resolved.</summary>
    private HelperNames HelperNamesOf()
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
                    if (names.Contains(f.Name) && (f.ClassName == null || names.Contains(f.ClassName))) continue;
                    if (!MayDoSomething(m, i, names)) continue;
                    changed |= names.Add(f.Name);
                    if (f.ClassName != null) changed |= names.Add(f.ClassName);
                }
            }
            foreach (var m in Modules) changed |= names.AddAliases(m.Summary.Imports);
        }
        return names;
    }

    private bool MayDoSomething(TrackingModule m, int function, HelperNames names)
    {
        if (m.FunctionFlags[function] != RunFlags.None) return true;
        var calls = m.Summary.Calls;
        foreach (int k in m.Summary.CallsOf(m.Summary.Functions[function]))
        {
            var call = calls[k];
            if (call.Own != RunFlags.None || IsConfiguredTracker(call) || names.MayName(call.QualifiedName)) return true;
        }
        return false;
    }

    private void ComputeFunctionFlags()
    {
        for (int round = 0; round < MaxRounds; round++)
        {
            bool changed = false;
            ClearResolved();
            foreach (var m in Modules)
            {
                var functions = m.Summary.Functions;
                for (int i = 0; i < functions.Count; i++)
                {
                    var flags = m.FunctionFlags[i];
                    foreach (int k in m.Summary.CallsOf(functions[i])) flags |= CallFlags(m, m.Summary.Calls[k]);
                    if (flags != m.FunctionFlags[i])
                    {
                        m.FunctionFlags[i] = flags;
                        flagsVersion++;
                        changed = true;
                    }
                }
            }
            if (!changed) break;
        }
        ClearResolved();
    }

    private void ClearResolved()
    {
        foreach (var m in Modules) m.ClearResolved();
        fanOut.Clear();
    }

    private void ComputeModuleFlags(TrackingModule m)
    {
        var s = m.Summary;
        var flags = s.Own;
        if (s.Training is { } own)
        {
            m.TrainingSite = own;
            m.TrainingWhat = s.TrainingCall;
        }
        RunCall? firstHelper = null;
        foreach (var call in s.Calls)
        {
            var f = CallFlags(m, call);
            flags |= f;
            if ((f & RunFlags.Trains) != 0 && (call.Own & RunFlags.Trains) == 0 && (firstHelper == null || call.Start < firstHelper.Value.Start)) firstHelper = call;
        }
        // a project module that imports a tracker records for the scripts importing it (a logger, a callbacks module)
        if (m.ImportsTrackingModule) flags |= RunFlags.Records;
        if (m.TrainingSite == null && firstHelper is { } h)
        {
            m.TrainingSite = s.SiteAt(h.Start, h.End);
            m.TrainingWhat = h.Name + "()";
        }
        m.Flags = flags;
    }

    /// <summary>A script exported from a notebook committed beside it (<c>ML Solution.py</c> next to <c>ML Solution.ipynb</c>):
    /// the notebook is the experiment, and is judged itself.</summary>
    public bool IsNotebookExport(TrackingModule m) => IsNotebookExport(m, p => byPath.TryGetValue(p, out var nb) && nb.Summary.IsNotebook);

    /// <summary>As <see cref="IsNotebookExport(TrackingModule)"/>, with <paramref name="notebookAt"/> saying whether a notebook
    /// the index would hold is at a path (an index of part of the repository asks the repository).</summary>
    internal static bool IsNotebookExport(TrackingModule m, Func<string, bool> notebookAt) =>
        !m.Summary.IsNotebook && m.Path.EndsWith(".py", StringComparison.OrdinalIgnoreCase)
        && notebookAt(m.Path.Substring(0, m.Path.Length - 3) + ".ipynb");

    /// <summary>A module run by other code of the repository that records: a <c>train.py</c> whose <c>train()</c> a sweep
    /// script calls and logs.</summary>
    public static bool RunByRecordingCode(TrackingModule m) => m.Importers.Any(i => (i.Flags & RunFlags.Records) != 0);
}
