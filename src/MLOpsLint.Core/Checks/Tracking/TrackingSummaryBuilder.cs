using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// Reads a parsed module into its <see cref="TrackingSummary"/>: what one file decides alone (does this call train or
/// record, which paths does it read, which lineage literals does it write) is decided here; what depends on other files
/// (does a helper record? is the path in the repository? does the repository version data?) is left to
/// <see cref="TrackingIndex"/> and <see cref="TrackingCheck"/>.
/// </summary>
internal static class TrackingSummaryBuilder
{
    public static TrackingSummary Build(SourceDocument document, PythonModule module)
    {
        var imports = ModuleImports.Of(document, module); // the seed summary's array
        var summary = new TrackingSummary(document)
        {
            Imports = imports,
            Tracker = TrackingApis.TrackerOf(imports),
            Libraries = LibrariesOf(imports),
        };
        var names = CallNames.Of(module);
        ReadCalls(module, names, summary);
        summary.Reads = DataReads.Of(module, names);
        summary.Writes = summary.Reads.Count > 0 || module.Calls.Count > 0 ? DataReads.Written(module, names) : Array.Empty<string>();
        summary.PinsData = DataReads.PinsData(module, names);
        summary.DataVersioning = DataReads.VersioningTool(module, imports);
        summary.Lineage = LineageLiterals.Of(module, names);
        return summary;
    }

    private static TrainingLibraries LibrariesOf(SeedImport[] m)
    {
        var l = TrainingLibraries.None;
        if (m.Length == 0) return l;
        if (Imports(m, "sklearn")) l |= TrainingLibraries.Sklearn;
        if (Imports(m, "tensorflow") || Imports(m, "keras") || Imports(m, "tf_keras")) l |= TrainingLibraries.Keras;
        if (Imports(m, "torch")) l |= TrainingLibraries.Torch;
        if (Imports(m, "lightning") || Imports(m, "pytorch_lightning")) l |= TrainingLibraries.Lightning;
        if (Imports(m, "transformers") || Imports(m, "trl")) l |= TrainingLibraries.Transformers;
        if (Imports(m, "xgboost")) l |= TrainingLibraries.XGBoost;
        if (Imports(m, "lightgbm")) l |= TrainingLibraries.LightGBM;
        if (Imports(m, "catboost")) l |= TrainingLibraries.CatBoost;
        return l;

        static bool Imports(SeedImport[] m, string name) => TrackingApis.ImportsModule(m, name);
    }

    /// <summary>The distinct calls, each function's calls and flags, the module's own flags and first training call.</summary>
    private static void ReadCalls(PythonModule module, string[] names, TrackingSummary summary)
    {
        var all = module.Calls;
        var calls = new List<RunCall>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var callIndex = new int[all.Count];
        PyCall? firstTraining = null;
        string? trainingWhat = null;
        var own = summary.Tracker != null ? RunFlags.Records : RunFlags.None;
        // whether the module runs by itself (a notebook, a main guard): asked only of calls in a class's methods
        bool? runsByItself = null;
        bool Runs() => runsByItself ??= summary.IsNotebook || ContentScopes.HasMainGuard(module);
        for (int i = 0; i < all.Count; i++)
        {
            var c = all[i];
            string name = names[i];
            var flags = RunFlags.None;
            if (TrackingApis.Records(c, name)) flags |= RunFlags.Records;
            if (TrackingApis.Measures(c, name) || (name is "print" or "format" or "info" or "set_description" or "set_postfix" or "progress_bar" or "write"
                && ArgumentNamesMeasurement(c))) flags |= RunFlags.Measures;
            bool inClass = c.EnclosingFunction?.ClassName != null;
            if (TrackingApis.Trains(c, name) is { } what)
            {
                flags |= RunFlags.Trains;
                if (firstTraining == null && (!inClass || Runs()))
                {
                    firstTraining = c;
                    trainingWhat = what;
                }
            }
            // a training call in a class's method trains when the method is called: in a module with no entry point of
            // its own (a model.py whose Model.train() an API calls) that is its caller's business
            own |= inClass && (flags & RunFlags.Trains) != 0 && !Runs() ? flags & ~RunFlags.Trains : flags;
            string q = c.QualifiedName;
            if (!index.TryGetValue(q, out int k) || calls[k].Own != flags)
            {
                // a name that trains in one call and not in another (fit(X) and fit(X, y)) keeps each variant; the names
                // are kept for the whole scan, so shared through the name table (looked up only for a new entry)
                q = NameTable.Get(q);
                k = calls.Count;
                calls.Add(new RunCall(q, NameTable.Get(name), c.Start, c.End, flags));
                index[q] = k;
            }
            callIndex[i] = k;
        }
        // a training loop: a backward pass and an optimizer step in one function (or both outside every function)
        var loops = TrainingLoops(module, names);
        foreach (var step in loops)
        {
            if (step.EnclosingFunction?.ClassName != null && !Runs()) continue;
            // a loop's backward pass is of a loss it computed: the run has a measurement, kept or not
            own |= RunFlags.Trains | RunFlags.Measures;
            if (firstTraining == null || step.Start < firstTraining.Start)
            {
                firstTraining = step;
                trainingWhat = step.Callee + "()";
            }
        }
        var functions = new RunFunction[module.Functions.Count];
        var fc = new List<int>();
        var seenIn = new int[calls.Count]; // 1 + the function a call was last listed for
        var sorted = all as PyCall[] ?? all.ToArray();
        for (int f = 0; f < functions.Length; f++)
        {
            var fn = module.Functions[f];
            var flags = RunFlags.None;
            int first = fc.Count;
            var fnCalls = fn.Calls;
            int run = IndexOfRun(sorted, fnCalls);
            for (int j = 0; j < fnCalls.Count; j++)
            {
                int k = callIndex[run >= 0 ? run + j : IndexOf(sorted, fnCalls[j])];
                flags |= calls[k].Own;
                if (seenIn[k] == f + 1) continue;
                seenIn[k] = f + 1;
                fc.Add(k);
            }
            if (loops.Count > 0 && HasLoopIn(loops, fn)) flags |= RunFlags.Trains | RunFlags.Measures;
            functions[f] = new RunFunction(NameTable.Get(fn.Name), fn.ClassName is { } cn ? NameTable.Get(cn) : null, flags, first, fc.Count - first);
        }
        summary.Calls = calls.ToArray();
        summary.FunctionCalls = fc.ToArray();
        summary.Functions = functions;
        summary.Own = own;
        if (firstTraining != null)
        {
            summary.Training = SeedSite.Of(module, firstTraining, firstTraining.EnclosingFunction != null);
            summary.TrainingCall = trainingWhat;
        }
        if (summary.IsNotebook && KeepsOutputs(module, firstTraining?.CellIndex ?? 0)) summary.Own |= RunFlags.Records;
        if (!summary.IsNotebook && (RunsIntoALog(module) || SavesAMeasurement(module))) summary.Own |= RunFlags.Records;
        if ((summary.Own & RunFlags.Measures) == 0 && module.StringLiterals.Any(ReportsMeasurement)) summary.Own |= RunFlags.Measures;
    }

    private static bool HasLoopIn(List<PyCall> loops, PyFunction fn)
    {
        foreach (var step in loops)
        {
            if (ReferenceEquals(step.EnclosingFunction, fn)) return true;
        }
        return false;
    }

    /// <summary>A string argument of a print or format call names a measurement (<c>print("val acc", acc)</c>).</summary>
    private static bool ArgumentNamesMeasurement(PyCall c)
    {
        var arguments = c.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            var literals = arguments[i].StringLiterals;
            for (int k = 0; k < literals.Count; k++)
            {
                if (TrackingApis.NamesMeasurement(LiteralText.ValueOf(literals[k]))) return true;
            }
        }
        return false;
    }

    /// <summary>A notebook committed with text outputs (printed or displayed results, a training log) from the cell at
    /// <paramref name="fromCell"/> on: git keeps the metrics it printed beside the code that produced them.</summary>
    private static bool KeepsOutputs(PythonModule module, int fromCell) =>
        module.Outputs.Any(o => o.CellIndex >= fromCell && o.OutputType is "stream" or "execute_result" && !o.IsBinary
            && o.Name != "stderr");

    /// <summary>How the script says it is run, in its docstring or a comment: <c>nohup python -u train.py &gt; LOG/train.txt &amp;</c>,
    /// <c>python train.py | tee log.txt</c>. Its output (the metrics it prints) goes to a log file each run.</summary>
    private static readonly System.Text.RegularExpressions.Regex RunIntoLog = new(
        @"\bpython[0-9.]*\s+(?:-\S+\s+)*\S+\.py\b[^\n]*?(?:\s[12&]?>{1,2}\s*(?!/dev/null)[^\s&|>]+|\|\s*tee\s+(?:-a\s+)?(?!/dev/null)\S+)",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static bool RunsIntoALog(PythonModule module)
    {
        foreach (var s in module.StringLiterals)
        {
            if (!s.IsTripleQuoted || !MayRunIntoLog(LiteralText.ValueOf(s))) continue;
            if (s.Value.Length < 20_000 && RunIntoLog.IsMatch(s.Value)) return true;
        }
        // a comment is text of the module: none names python when the text does not
        if (module.Text.IndexOf("python", StringComparison.Ordinal) < 0) return false;
        string text = module.Text;
        foreach (var c in module.Comments)
        {
            if (MayRunIntoLog(text.AsSpan(c.Start, c.End - c.Start)) && RunIntoLog.IsMatch(c.Body)) return true;
        }
        return false;
    }

    /// <summary>What <see cref="RunIntoLog"/> cannot match without: "python", ".py", and a redirection or a pipe.</summary>
    private static bool MayRunIntoLog(ReadOnlySpan<char> s) =>
        s.IndexOf("python".AsSpan(), StringComparison.Ordinal) >= 0 && s.IndexOf(".py".AsSpan(), StringComparison.Ordinal) >= 0 && s.IndexOfAny('>', '|') >= 0;

    /// <summary>A dict keyed by a measurement (<c>{"net": net.state_dict(), "acc": acc, "epoch": epoch}</c>) in a module that
    /// saves with <c>torch.save</c>, <c>pickle.dump</c> or <c>joblib.dump</c>: the checkpoint keeps the metric with the model.</summary>
    private static bool SavesAMeasurement(PythonModule module)
    {
        if (!module.Calls.Any(c => c.QualifiedName is "torch.save" or "pickle.dump" or "joblib.dump" or "dill.dump" or "cloudpickle.dump")) return false;
        string text = module.Text;
        foreach (var s in module.StringLiterals)
        {
            if (s.IsFString || s.IsTripleQuoted) continue;
            var v = LiteralText.ValueOf(s);
            if (v.Length > 40 || !IsKey(v) || !TrackingApis.NamesMeasurement(v)) continue;
            int i = s.End;
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            if (i < text.Length && text[i] == ':') return true;
        }
        return false;
    }

    private static bool IsKey(ReadOnlySpan<char> v)
    {
        if (v.Length == 0) return false;
        foreach (char ch in v)
        {
            if (!char.IsLetterOrDigit(ch) && ch != '_') return false;
        }
        return true;
    }

    /// <summary>A formatted report of a measurement: <c>f"val acc {acc:.3f}"</c>, <c>"Loss: %.3f"</c>, <c>"auc={}"</c>.</summary>
    private static bool ReportsMeasurement(PyStringLiteral s)
    {
        if (s.IsTripleQuoted || s.IsBytes) return false;
        var v = LiteralText.ValueOf(s);
        return v.Length <= 200 && (s.IsFString || v.IndexOfAny(FormatChars) >= 0) && TrackingApis.NamesMeasurement(v);
    }

    private static readonly char[] FormatChars = { '{', '%', ':', '=' };

    /// <summary>Where a function's calls start in the module's calls: the parser gives each function a run of the module's
    /// calls (both ordered by their opening parenthesis); -1 if they are not such a run.</summary>
    private static int IndexOfRun(PyCall[] all, IReadOnlyList<PyCall> run)
    {
        if (run.Count == 0) return 0;
        int at = IndexOf(all, run[0]);
        if (at + run.Count > all.Length) return -1;
        for (int j = 1; j < run.Count; j++)
        {
            if (!ReferenceEquals(all[at + j], run[j])) return -1;
        }
        return at;
    }

    private static int IndexOf(PyCall[] all, PyCall call)
    {
        int lo = 0, hi = all.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (ReferenceEquals(all[mid], call)) return mid;
            if (all[mid].OpenParen < call.OpenParen) lo = mid + 1;
            else hi = mid - 1;
        }
        for (int i = 0; i < all.Length; i++)
        {
            if (ReferenceEquals(all[i], call)) return i;
        }
        throw new InvalidOperationException("a function's call is not among the module's calls");
    }

    /// <summary>Optimizer steps in a function (or at the top level) that also runs a backward pass.</summary>
    private static List<PyCall> TrainingLoops(PythonModule module, string[] names)
    {
        var result = new List<PyCall>();
        HashSet<PyFunction?>? backwardIn = null;
        bool topLevelBackward = false;
        for (int i = 0; i < names.Length; i++)
        {
            if (!TrackingApis.IsBackward(names[i])) continue;
            var c = module.Calls[i];
            if (c.EnclosingFunction == null) topLevelBackward = true;
            else (backwardIn ??= new HashSet<PyFunction?>()).Add(c.EnclosingFunction);
        }
        if (backwardIn == null && !topLevelBackward) return result;
        backwardIn ??= new HashSet<PyFunction?>();
        foreach (var c in module.Calls)
        {
            if (!TrackingApis.IsOptimizerStep(c)) continue;
            if (c.EnclosingFunction == null ? topLevelBackward : backwardIn.Contains(c.EnclosingFunction)) result.Add(c);
        }
        return result;
    }
}
