using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Python.Tokens;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// Reads a parsed module into its <see cref="SeedSummary"/>: everything the seed rules decide from one file alone is
/// decided here (which scikit-learn calls need random_state, which calls draw, which DataLoaders shuffle unseeded);
/// what depends on other files (is it seeded? by a helper? is the module imported?) is left to <see cref="SeedIndex"/>
/// and <see cref="SeedsCheck"/>.
/// </summary>
internal static class SeedSummaryBuilder
{
    private static readonly string[] MlLibraries =
    {
        "numpy", "pandas", "torch", "tensorflow", "keras", "sklearn", "jax", "transformers", "lightning",
        "pytorch_lightning", "xgboost", "lightgbm", "catboost", "scipy", "datasets", "accelerate", "tf_keras",
    };

    private static readonly HashSet<string> DataLoaders = new(StringComparer.Ordinal)
    {
        "torch.utils.data.DataLoader", "torch.utils.data.dataloader.DataLoader",
    };

    private static readonly HashSet<string> RandomSamplers = new(StringComparer.Ordinal)
    {
        "torch.utils.data.RandomSampler", "torch.utils.data.sampler.RandomSampler",
    };

    public static SeedSummary Build(SourceDocument document, PythonModule module)
    {
        var summary = new SeedSummary(document)
        {
            HasMainGuard = module.Text.IndexOf("__name__", StringComparison.Ordinal) >= 0
                && module.NextName("__name__", 0) >= 0
                && module.StringLiterals.Any(s => s.ValueIs("__main__")),
            // a decorator (@torch.no_grad() on a method) or a parameter's default (ignore_keys=list()) runs when the class
            // is defined: it makes no module a script
            HasTopLevelCalls = module.Calls.Any(c => c.EnclosingFunction == null && !module.RunsAtDefinition(c)),
            Imports = ModuleImports.Of(document, module),
        };
        ReadCalls(module, summary);
        summary.Sklearn = SklearnCandidates(module);
        summary.ImportsMlLibrary = MlLibraries.Any(module.ImportsModule);
        if (summary.ImportsMlLibrary)
        {
            summary.Trains = TrainingEvidence.Trains(module);
            summary.WritesData = !summary.Trains && TrainingEvidence.WritesData(module);
        }
        // every module's draws: a training script that imports a pure-Python augmentation module may never seed it
        summary.Draws = DrawCandidates(module);

        summary.CudnnContradictions = CudnnContradictions(module);
        // MLO302/305/306 look at scripts only; a module without a main guard or top-level calls never is one
        bool mayBeEntryPoint = summary.IsNotebook || summary.HasMainGuard || summary.HasTopLevelCalls;
        if (!mayBeEntryPoint) return summary;
        summary.KerasFits = KerasTraining.Fits(module).Select(c => SeedSite.Of(module, c, c.EnclosingFunction != null)).ToArray();
        summary.Loaders = LoaderCandidates(module, summary.IsNotebook);
        summary.CudnnBenchmarks = module.Assignments
            .Where(a => a.ValueLiteral == PyLiteralKind.True && a.TargetQualifiedName == "torch.backends.cudnn.benchmark")
            .Select(a => SeedSite.Of(module, a, false))
            .ToArray();
        summary.SetsCudnnDeterministic = CudnnDeterministicStarts(module).Count > 0;
        // "cuda" can only be a call's name, an import behind it, or a string's value (or come from an escape in a string)
        summary.UsesCuda = (module.Text.IndexOf("cuda", StringComparison.Ordinal) >= 0 || module.Text.IndexOf('\\') >= 0)
            && (module.StringLiterals.Any(s => s.ValueIs("cuda") || s.ValueIs("cuda:", prefix: true))
                || module.Calls.Any(c => c.HasName("cuda") || c.QualifiedName == "torch.cuda.is_available"));
        return summary;
    }

    /// <summary>Keys and sites of every call, and the functions with the keys of their calls.</summary>
    private static void ReadCalls(PythonModule module, SeedSummary summary)
    {
        var keys = new List<SeedCallKey>();
        // the module resolves a callee one way, so the callee names the key but for what the arguments change
        // (a seed value or not) and a receiver; those few variants are chained
        var byCallee = new Dictionary<string, int>(StringComparer.Ordinal);
        var nextWithCallee = new List<int>();
        var moduleCalls = module.Calls;
        var calls = new SeedCall[moduleCalls.Count];
        var readsArguments = new List<bool>(); // per key: whether SeededBy must look at each call's arguments
        for (int i = 0; i < calls.Length; i++)
        {
            var c = moduleCalls[i];
            bool receiver = c.Receiver != null;
            int k = byCallee.TryGetValue(c.Callee, out int first) ? first : -1;
            // a name that seeds the same whatever the arguments (most names) takes its key without asking again
            var seeds = k >= 0 && !readsArguments[k] ? keys[k].SeededBy : SeedApis.SeededBy(c);
            while (k >= 0 && !(keys[k].SeededBy == seeds && keys[k].HasReceiver == receiver && keys[k].QualifiedName == c.QualifiedName)) k = nextWithCallee[k];
            if (k < 0)
            {
                readsArguments.Add(SeedApis.SeededByReadsArguments(c.QualifiedName));
                k = keys.Count;
                keys.Add(new SeedCallKey(Shared(c.QualifiedName), Shared(c.Callee), seeds, receiver,
                    SeedApis.LooksLikeSeedHelper(c) && SklearnTable.Find(c.QualifiedName) == null));
                nextWithCallee.Add(byCallee.TryGetValue(c.Callee, out first) ? first : -1);
                byCallee[c.Callee] = k;
            }
            calls[i] = new SeedCall(k, c.Start, c.EnclosingFunction != null);
        }

        var deterministic = CudnnDeterministicStarts(module);
        var functions = new SeedFunction[module.Functions.Count];
        var fk = new List<int>();
        var allKeys = new List<int>();
        var seenIn = new int[keys.Count]; // 1 + the function a key was last listed for
        for (int i = 0; i < functions.Length; i++)
        {
            var f = module.Functions[i];
            var rng = Rng.None;
            fk.Clear();
            int first = IndexOfCalls(moduleCalls, f.Calls);
            for (int j = 0; j < f.Calls.Count; j++)
            {
                int k = first >= 0 ? calls[first + j].Key : calls[IndexOf(moduleCalls, f.Calls[j])].Key;
                rng |= keys[k].SeededBy;
                if (seenIn[k] == i + 1) continue;
                seenIn[k] = i + 1;
                fk.Add(k);
            }
            foreach (int s in deterministic)
            {
                if (s >= f.BodyStart && s < f.End) rng |= Rng.Deterministic;
            }
            functions[i] = new SeedFunction(Shared(f.Name), f.ClassName != null, rng, allKeys.Count, fk.Count, f.ClassName is { } c ? Shared(c) : null);
            allKeys.AddRange(fk);
        }
        summary.FunctionKeys = allKeys.ToArray();
        summary.Keys = keys.ToArray();
        summary.Calls = calls;
        summary.Functions = functions;
    }

    /// <summary>Where a function's calls start in the module's calls: the parser gives each function a run of the
    /// module's calls (both are ordered by their opening parenthesis); -1 if they are not such a run.</summary>
    private static int IndexOfCalls(IReadOnlyList<PyCall> all, IReadOnlyList<PyCall> run)
    {
        if (run.Count == 0) return 0;
        int lo = 0, hi = all.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (all[mid].OpenParen < run[0].OpenParen) lo = mid + 1;
            else hi = mid;
        }
        if (lo + run.Count > all.Count) return -1;
        for (int j = 0; j < run.Count; j++)
        {
            if (!ReferenceEquals(all[lo + j], run[j])) return -1;
        }
        return lo;
    }

    private static int IndexOf(IReadOnlyList<PyCall> all, PyCall call)
    {
        for (int i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], call)) return i;
        }
        throw new InvalidOperationException("a function's call is not among the module's calls");
    }

    /// <summary>The thread's instance of a short name (the front end's name table): summaries are kept for the whole scan,
    /// and the same callee in a thousand modules is then one string, not a thousand.</summary>
    private static string Shared(string name) => NameTable.Get(name);

    /// <summary><c>torch.backends.cudnn.benchmark = True</c> where the same function, or the module's top level, also sets
    /// <c>cudnn.deterministic = True</c> or calls <c>torch.use_deterministic_algorithms(True)</c>: autotuning undoes the
    /// determinism asked for. With what was asked for.</summary>
    private static (SeedSite, string)[] CudnnContradictions(PythonModule module)
    {
        List<(SeedSite, string)>? result = null;
        foreach (var a in module.Assignments)
        {
            if (a.ValueLiteral != PyLiteralKind.True || a.TargetQualifiedName != "torch.backends.cudnn.benchmark") continue;
            var function = InnermostFunction(module, a.Start);
            string? asked = module.Assignments.Any(d => d.ValueLiteral == PyLiteralKind.True
                    && d.TargetQualifiedName == "torch.backends.cudnn.deterministic" && InnermostFunction(module, d.Start) == function)
                ? "cudnn.deterministic = True"
                : module.Calls.Any(c => (SeedApis.SeededBy(c) & Rng.Deterministic) != 0 && InnermostFunction(module, c.Start) == function)
                    ? "torch.use_deterministic_algorithms(True)"
                    : null;
            if (asked != null) (result ??= new()).Add((SeedSite.Of(module, a, function != null), asked));
        }
        return result?.ToArray() ?? Array.Empty<(SeedSite, string)>();
    }

    /// <summary>The innermost <c>def</c> whose body holds <paramref name="offset"/>; null at the top level.</summary>
    private static PyFunction? InnermostFunction(PythonModule module, int offset)
    {
        PyFunction? best = null;
        foreach (var f in module.Functions)
        {
            if (f.BodyStart <= offset && offset < f.End && (best == null || f.Start > best.Start)) best = f;
        }
        return best;
    }

    /// <summary>Starts of <c>torch.backends.cudnn.deterministic = True</c> assignments.</summary>
    private static List<int> CudnnDeterministicStarts(PythonModule module) =>
        module.Assignments
            .Where(a => a.ValueLiteral == PyLiteralKind.True && a.TargetQualifiedName == "torch.backends.cudnn.deterministic")
            .Select(a => a.Start)
            .ToList();

    // ---------------------------------------------------------------- MLO301

    private static SklearnCandidate[] SklearnCandidates(PythonModule module)
    {
        List<SklearnCandidate>? result = null;
        foreach (var call in module.Calls)
        {
            if (!call.QualifiedName.StartsWith("sklearn.", StringComparison.Ordinal)) continue;
            var sk = SklearnTable.Find(call.QualifiedName);
            if (sk == null || !sk.DefaultsToGlobalGenerator) continue;
            if (call.Keyword("random_state") != null || call.HasStarStarKwargs) continue;
            if (sk.Position is int p && (call.HasStarArgs || call.Positional(p) != null)) continue;
            if (!SklearnConditions.RandomStateMatters(sk, call, out var setting)) continue;
            (result ??= new()).Add(new SklearnCandidate(SeedSite.Of(module, call, call.EnclosingFunction != null), sk.Name, setting,
                SeedFixes.PlanKeyword(call, "random_state")));
        }
        return result?.ToArray() ?? Array.Empty<SklearnCandidate>();
    }

    // ---------------------------------------------------------------- MLO302

    private static DrawCandidate[] DrawCandidates(PythonModule module)
    {
        List<DrawCandidate>? result = null;
        DrawPurpose? purpose = null;
        HashSet<string>? shadowed = null;
        foreach (var call in module.Calls)
        {
            var rng = SeedApis.DrawsFrom(call);
            if (rng == Rng.None || !ImportedName(module, call, ref shadowed)) continue;
            var use = (purpose ??= new DrawPurpose(module)).Classify(call);
            if (use == DrawUse.None) continue;
            int function = call.EnclosingFunction is { } f ? IndexOfFunction(module, f) : -1;
            (result ??= new()).Add(new DrawCandidate(SeedSite.Of(module, call, call.EnclosingFunction != null), rng, Shared(call.Callee), use, function));
        }
        return result?.ToArray() ?? Array.Empty<DrawCandidate>();
    }

    /// <summary>The callee's first name is bound by an import and not assigned over: <c>random.shuffle(x)</c> after
    /// <c>random = Random(seed)</c>, or without <c>import random</c>, is not the random module's.</summary>
    private static bool ImportedName(PythonModule module, Python.Structure.PyCall call, ref HashSet<string>? shadowed)
    {
        string callee = call.Callee;
        int dot = callee.IndexOf('.');
        string first = dot < 0 ? callee : NameTable.Get(callee.AsSpan(0, dot));
        bool imported = false;
        foreach (var i in module.Imports)
        {
            if (i.BoundName == first) { imported = true; break; }
        }
        if (!imported) return false;
        if (shadowed == null)
        {
            shadowed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in module.Assignments)
            {
                if (a.TargetIsName) shadowed.Add(a.TargetName!);
            }
        }
        return !shadowed.Contains(first);
    }

    private static int IndexOfFunction(PythonModule module, Python.Structure.PyFunction function)
    {
        for (int i = 0; i < module.Functions.Count; i++)
        {
            if (ReferenceEquals(module.Functions[i], function)) return i;
        }
        return -1;
    }

    // ---------------------------------------------------------------- MLO305

    private static LoaderCandidate[] LoaderCandidates(PythonModule module, bool notebook)
    {
        List<LoaderCandidate>? result = null;
        string where = notebook ? "notebook" : "script";
        bool? tensorflow = null, datasets = null;
        foreach (var call in module.Calls)
        {
            bool loader = DataLoaders.Contains(call.QualifiedName);
            Rng rng = Rng.None;
            string name, message, fix;
            if (loader || RandomSamplers.Contains(call.QualifiedName))
            {
                if (call.HasStarStarKwargs || call.Keyword("generator") != null) continue;
                if (loader)
                {
                    var shuffle = SklearnConditions.Argument(call, "shuffle", 2);
                    if (shuffle == null || shuffle.Literal != PyLiteralKind.True) continue;
                }
                rng = Rng.Torch;
                name = loader ? "DataLoader(shuffle=True)" : "RandomSampler()";
                message = $"{name} without generator= in a {where} that never seeds PyTorch: the batch order changes on every run";
                fix = "Pass generator=torch.Generator().manual_seed(42), or call torch.manual_seed(42) at the start.";
                if (loader && call.Keyword("num_workers") is { } nw && nw.ValueText.Trim() != "0" && call.Keyword("worker_init_fn") == null)
                {
                    fix += " With num_workers > 0, also pass worker_init_fn=seed_worker (seeding numpy and random from torch.initial_seed()) so augmentations in the workers repeat too.";
                }
            }
            else
            {
                if (!call.HasName("shuffle") && !call.Callee.Contains("_from_") && !call.HasName("flow_from_directory")) continue;
                rng = KerasTraining.ShufflesUnseeded(call, tensorflow ??= KerasTraining.ImportsTensorFlow(module),
                    datasets ??= module.ImportsModule("datasets"));
                if (rng == Rng.None) continue;
                name = call.Name + "()";
                message = rng == Rng.TensorFlow
                    ? $"{name} without seed= in a {where} that never seeds TensorFlow: the order of the examples changes on every run"
                    : $"{name} shuffles without seed= in a {where} that never seeds NumPy (it draws its seed from NumPy's global generator): the order of the examples changes on every run";
                fix = rng == Rng.TensorFlow
                    ? $"Pass seed=42 to {call.Name}(), or call keras.utils.set_random_seed(42) (or tf.random.set_seed(42)) at the start."
                    : $"Pass seed=42 to {call.Name}(), or call keras.utils.set_random_seed(42) (or np.random.seed(42)) at the start.";
            }
            int firstUse = FirstUse(module, call);
            if (firstUse < 0) continue; // built and never used in this file: nothing is shuffled
            var site = SeedSite.Of(module, call, call.EnclosingFunction != null) with { Start = firstUse };
            (result ??= new()).Add(new LoaderCandidate(site, rng, message, fix));
        }
        return result?.ToArray() ?? Array.Empty<LoaderCandidate>();
    }

    /// <summary>Where a loader is first used: for <c>loader = DataLoader(...)</c> outside a function, the next mention of
    /// <c>loader</c> (its order is drawn when it is iterated, so a seed set in between — an earlier notebook cell than the
    /// training loop — still counts); -1 when nothing mentions it again; otherwise the call itself.</summary>
    private static int FirstUse(PythonModule module, PyCall call)
    {
        if (call.EnclosingFunction != null) return call.Start;
        PyAssignment? assignment = null;
        foreach (var a in module.Assignments)
        {
            if (a.ValueStart == call.Start && a.ValueEnd == call.End) { assignment = a; break; }
        }
        if (assignment == null || !assignment.TargetIsName) return call.Start;
        return module.NextName(assignment.TargetName!, assignment.End);
    }
}
