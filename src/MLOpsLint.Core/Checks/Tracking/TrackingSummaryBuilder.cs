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
        var summary = new TrackingSummary(document)
        {
            Imports = module.Imports.Select(i => new SeedImport(i.ModuleName, i.QualifiedName, i.IsFrom, i.IsStar, i.BoundName, i.Start, i.End)).ToArray(),
            Tracker = TrackingApis.TrackerOf(module),
            Libraries = LibrariesOf(module),
        };
        ReadCalls(module, summary);
        summary.Reads = DataReads.Of(module);
        summary.Writes = summary.Reads.Count > 0 || module.Calls.Count > 0 ? DataReads.Written(module) : Array.Empty<string>();
        summary.PinsData = DataReads.PinsData(module);
        summary.DataVersioning = DataReads.VersioningTool(module);
        summary.Lineage = LineageLiterals.Of(module);
        return summary;
    }

    private static TrainingLibraries LibrariesOf(PythonModule m)
    {
        var l = TrainingLibraries.None;
        if (m.ImportsModule("sklearn")) l |= TrainingLibraries.Sklearn;
        if (m.ImportsModule("tensorflow") || m.ImportsModule("keras") || m.ImportsModule("tf_keras")) l |= TrainingLibraries.Keras;
        if (m.ImportsModule("torch")) l |= TrainingLibraries.Torch;
        if (m.ImportsModule("lightning") || m.ImportsModule("pytorch_lightning")) l |= TrainingLibraries.Lightning;
        if (m.ImportsModule("transformers") || m.ImportsModule("trl")) l |= TrainingLibraries.Transformers;
        if (m.ImportsModule("xgboost")) l |= TrainingLibraries.XGBoost;
        if (m.ImportsModule("lightgbm")) l |= TrainingLibraries.LightGBM;
        if (m.ImportsModule("catboost")) l |= TrainingLibraries.CatBoost;
        return l;
    }

    /// <summary>The distinct calls, each function's calls and flags, the module's own flags and first training call.</summary>
    private static void ReadCalls(PythonModule module, TrackingSummary summary)
    {
        var calls = new List<RunCall>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var callIndex = new int[module.Calls.Count];
        PyCall? firstTraining = null;
        string? trainingWhat = null;
        var own = summary.Tracker != null ? RunFlags.Records : RunFlags.None;
        bool runs = summary.IsNotebook || ContentScopes.HasMainGuard(module);
        for (int i = 0; i < module.Calls.Count; i++)
        {
            var c = module.Calls[i];
            var flags = RunFlags.None;
            if (TrackingApis.Records(c)) flags |= RunFlags.Records;
            if (TrackingApis.Measures(c) || (c.Name is "print" or "format" or "info" or "set_description" or "set_postfix" or "progress_bar" or "write"
                && c.Arguments.Any(a => a.StringLiterals.Any(l => TrackingApis.NamesMeasurement(l.Value))))) flags |= RunFlags.Measures;
            if (TrackingApis.Trains(c) is { } what)
            {
                flags |= RunFlags.Trains;
                if (firstTraining == null && (c.EnclosingFunction?.ClassName == null || runs))
                {
                    firstTraining = c;
                    trainingWhat = what;
                }
            }
            // a training call in a class's method trains when the method is called: in a module with no entry point of
            // its own (a model.py whose Model.train() an API calls) that is its caller's business
            own |= c.EnclosingFunction?.ClassName != null && !runs ? flags & ~RunFlags.Trains : flags;
            string q = NameTable.Get(c.QualifiedName);
            if (!index.TryGetValue(q, out int k) || calls[k].Own != flags)
            {
                // a name that trains in one call and not in another (fit(X) and fit(X, y)) keeps each variant
                k = calls.Count;
                calls.Add(new RunCall(q, NameTable.Get(c.Name), c.Start, c.End, flags));
                index[q] = k;
            }
            callIndex[i] = k;
        }
        // a training loop: a backward pass and an optimizer step in one function (or both outside every function)
        var loops = TrainingLoops(module);
        foreach (var step in loops)
        {
            if (step.EnclosingFunction?.ClassName != null && !runs) continue;
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
        var seen = new HashSet<int>();
        for (int f = 0; f < functions.Length; f++)
        {
            var fn = module.Functions[f];
            var flags = RunFlags.None;
            int first = fc.Count;
            seen.Clear();
            foreach (var c in fn.Calls)
            {
                int k = callIndex[IndexOf(module.Calls, c)];
                flags |= calls[k].Own;
                if (seen.Add(k)) fc.Add(k);
            }
            if (loops.Any(s => ReferenceEquals(s.EnclosingFunction, fn))) flags |= RunFlags.Trains | RunFlags.Measures;
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

    private static bool RunsIntoALog(PythonModule module) =>
        module.StringLiterals.Any(s => s.IsTripleQuoted && s.Value.Contains("python", StringComparison.Ordinal) && s.Value.Length < 20_000 && RunIntoLog.IsMatch(s.Value))
        || module.Comments.Any(c => c.Body.Contains("python", StringComparison.Ordinal) && RunIntoLog.IsMatch(c.Body));

    /// <summary>A dict keyed by a measurement (<c>{"net": net.state_dict(), "acc": acc, "epoch": epoch}</c>) in a module that
    /// saves with <c>torch.save</c>, <c>pickle.dump</c> or <c>joblib.dump</c>: the checkpoint keeps the metric with the model.</summary>
    private static bool SavesAMeasurement(PythonModule module)
    {
        if (!module.Calls.Any(c => c.QualifiedName is "torch.save" or "pickle.dump" or "joblib.dump" or "dill.dump" or "cloudpickle.dump")) return false;
        string text = module.Text;
        foreach (var s in module.StringLiterals)
        {
            if (s.IsFString || s.IsTripleQuoted || s.Value.Length > 40 || !IsKey(s.Value) || !TrackingApis.NamesMeasurement(s.Value)) continue;
            int i = s.End;
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            if (i < text.Length && text[i] == ':') return true;
        }
        return false;
    }

    private static bool IsKey(string v) => v.Length > 0 && v.All(ch => char.IsLetterOrDigit(ch) || ch == '_');

    /// <summary>A formatted report of a measurement: <c>f"val acc {acc:.3f}"</c>, <c>"Loss: %.3f"</c>, <c>"auc={}"</c>.</summary>
    private static bool ReportsMeasurement(PyStringLiteral s) =>
        !s.IsTripleQuoted && !s.IsBytes && s.Value.Length <= 200 && (s.IsFString || s.Value.IndexOfAny(new[] { '{', '%', ':', '=' }) >= 0)
        && TrackingApis.NamesMeasurement(s.Value);

    private static int IndexOf(IReadOnlyList<PyCall> all, PyCall call)
    {
        int lo = 0, hi = all.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (ReferenceEquals(all[mid], call)) return mid;
            if (all[mid].OpenParen < call.OpenParen) lo = mid + 1;
            else hi = mid - 1;
        }
        for (int i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], call)) return i;
        }
        throw new InvalidOperationException("a function's call is not among the module's calls");
    }

    /// <summary>Optimizer steps in a function (or at the top level) that also runs a backward pass.</summary>
    private static List<PyCall> TrainingLoops(PythonModule module)
    {
        var result = new List<PyCall>();
        var backwardIn = new HashSet<PyFunction?>();
        bool topLevelBackward = false;
        foreach (var c in module.Calls)
        {
            if (!TrackingApis.IsBackward(c)) continue;
            if (c.EnclosingFunction == null) topLevelBackward = true;
            else backwardIn.Add(c.EnclosingFunction);
        }
        if (backwardIn.Count == 0 && !topLevelBackward) return result;
        foreach (var c in module.Calls)
        {
            if (!TrackingApis.IsOptimizerStep(c)) continue;
            if (c.EnclosingFunction == null ? topLevelBackward : backwardIn.Contains(c.EnclosingFunction)) result.Add(c);
        }
        return result;
    }
}
