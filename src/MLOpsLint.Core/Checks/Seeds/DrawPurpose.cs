using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Python.Tokens;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// What a draw from a global generator is for, read from one module: the seed itself (<c>seed = random.randint(...)</c>
/// later passed to <c>torch.manual_seed(seed)</c>), a synthetic input (a tensor for <c>torch.jit.trace</c> or an ONNX
/// export, a timing loop, a plot), or numbers a training run depends on. MLO302 reports only the last kind, and in a
/// module that does not train only the draws that pick or reorder data (a split written to disk depends on them).
/// </summary>
internal sealed class DrawPurpose
{
    /// <summary>Calls that take an input only to trace, export, summarise or time a model.</summary>
    private static readonly HashSet<string> InputSinks = new(StringComparer.Ordinal)
    {
        "trace", "trace_module", "export", "dynamo_export", "onnx_export", "summary", "profile", "Timer", "benchmark",
        "timeit", "export_onnx", "convert",
    };

    /// <summary>Calls that only show a value: a draw in their arguments picks what is printed or plotted.</summary>
    private static readonly HashSet<string> DisplaySinks = new(StringComparer.Ordinal)
    {
        "print", "display", "imshow", "show", "plot", "scatter", "hist", "bar", "text", "title", "info", "debug", "log",
    };

    /// <summary>Words in a function's name that say its draws are demo or measurement inputs.</summary>
    private static readonly string[] DemoFunctionWords =
    {
        "bench", "profil", "plot", "visuali", "demo", "export", "trace", "warmup", "warm_up", "dummy", "sanity", "smoke",
        "example_input", "timing", "check_", "_check",
    };

    /// <summary>Words in a variable's name that say it holds a synthetic input, or a plot's colours.</summary>
    private static readonly string[] DummyNames =
    {
        "dummy", "example_input", "sample_input", "fake_input", "random_input", "colors", "colours", "palette", "cmap",
    };

    /// <summary>Calls that turn their argument into text: a draw inside one makes a name (a temporary file's, a graph
    /// scope's), not a number a result depends on.</summary>
    private static readonly HashSet<string> TextSinks = new(StringComparer.Ordinal) { "str", "format", "hex" };

    /// <summary>Draws that pick or reorder data: they decide a split even where nothing is trained.</summary>
    private static readonly HashSet<string> SelectionDraws = new(StringComparer.Ordinal)
    {
        "shuffle", "permutation", "random_split", "randperm", "sample",
    };

    private readonly PythonModule module;
    // argument values as offsets into the module's text (the parser's argument table is read, no argument object made)
    private readonly List<(int Start, int End)> seedArguments = new();
    private readonly List<(int Start, int End)> sinkArguments = new();
    private readonly List<(int Start, int End)> sinkArgumentTexts = new(); // of calls that are not only a display
    private readonly List<(int Start, int End)> textArguments = new();
    private readonly List<(int Start, int End)> fStrings = new();

    public DrawPurpose(PythonModule module)
    {
        this.module = module;
        foreach (var c in module.Calls)
        {
            int count = c.ArgumentCount;
            if (count == 0) continue; // no argument: nothing drawn inside it
            string name = c.Name;
            bool seeds = name.IndexOf("seed", StringComparison.OrdinalIgnoreCase) >= 0 || SeedApis.SeededBy(c) != Rng.None;
            bool display = DisplaySinks.Contains(name);
            bool sink = InputSinks.Contains(name) || display;
            bool text = TextSinks.Contains(name);
            for (int i = 0; i < count; i++)
            {
                ref readonly var a = ref c.ArgumentInfo(i);
                var value = (a.ValueStart, a.End);
                if (text) textArguments.Add(value);
                bool seedKeyword = a.Name != null && (a.Name == "random_state" || a.Name.IndexOf("seed", StringComparison.OrdinalIgnoreCase) >= 0);
                if (seeds || seedKeyword) seedArguments.Add(value);
                if (sink)
                {
                    sinkArguments.Add(value);
                    // a variable printed is often used elsewhere too; one traced or exported is a synthetic input
                    if (!display) sinkArgumentTexts.Add(value);
                }
            }
        }
        foreach (var s in module.StringLiterals)
        {
            if (s.IsFString) fStrings.Add((s.Start, s.End));
        }
    }

    /// <summary>A call that only shows its arguments (<c>print</c>, <c>display</c>, <c>plt.imshow</c>, <c>logger.info</c>).</summary>
    internal static bool IsDisplay(string name) => DisplaySinks.Contains(name);

    /// <summary>What <paramref name="call"/> (a draw from a global generator) is for, as far as MLO302 goes.</summary>
    public DrawUse Classify(PyCall call)
    {
        if (Within(seedArguments, call)) return DrawUse.None;                 // torch.manual_seed(random.randint(...))
        if (Within(sinkArguments, call)) return DrawUse.None;                 // torch.jit.trace(m, torch.rand(...))
        if (InText(call)) return DrawUse.None;                                  // prefix = f"{random.randrange(2**32)}"
        if (ValueUnused(call)) return DrawUse.None;                             // a notebook cell showing torch.normal(...)
        // random.shuffle(colors): a plot's palette
        if (call.Name == "shuffle" && call.Positional(0) is { } shuffled && ContainsAny(shuffled.ValueText, DummyNames)) return DrawUse.None;
        var assignment = AssignmentOf(call);
        if (assignment != null)
        {
            string target = assignment.Target;
            if (AnyMentions(seedArguments, target)) return DrawUse.None; // seed = random.randint(...); set_seed(seed)
            string name = assignment.TargetName ?? target;
            if (ContainsAny(name, DummyNames)) return DrawUse.None;
            if (AnyMentions(sinkArgumentTexts, target)) return DrawUse.None; // x = torch.randn(...); torch.onnx.export(m, x, ...)
        }
        if (call.EnclosingFunction is { } f && ContainsAny(f.Name, DemoFunctionWords)) return DrawUse.None;
        if (IsModelRandomness(call.QualifiedName)) return DrawUse.Model;
        return SelectionDraws.Contains(call.Name) ? DrawUse.Selection : DrawUse.Training;
    }

    /// <summary>A number drawn inside an f-string's replacement field or a call that makes text of it (<c>str()</c>,
    /// <c>.format()</c>): a unique name, not a number a result depends on. A pick (<c>f"data/{random.choice(files)}"</c>)
    /// still selects data.</summary>
    private bool InText(PyCall call)
    {
        if (SelectionDraws.Contains(call.Name) || call.Name is "choice" or "choices") return false;
        return Within(fStrings, call) || Within(textArguments, call);
    }

    /// <summary>A draw that is a statement of its own and not in place (<c>shuffle</c>, <c>uniform_()</c>,
    /// <c>out=</c>): its value is thrown away, or in a notebook only shown as the cell's output.</summary>
    private bool ValueUnused(PyCall call)
    {
        if (call.Name == "shuffle" || call.Name.EndsWith("_", StringComparison.Ordinal) || call.HasKeyword("out")) return false;
        var tokens = module.Tokens;
        int lo = module.TokenIndexAt(call.Start);
        if (lo >= tokens.Count || tokens[lo].Start != call.Start) return false;
        int before = lo - 1;
        while (before >= 0 && tokens[before].Kind is PyTokenKind.Comment or PyTokenKind.NL) before--;
        if (before >= 0 && tokens[before].Kind is not (PyTokenKind.Newline or PyTokenKind.Indent or PyTokenKind.Dedent)) return false;
        int after = lo;
        while (after < tokens.Count && tokens[after].End <= call.End) after++;
        while (after < tokens.Count && tokens[after].Kind == PyTokenKind.Comment) after++;
        return after >= tokens.Count || tokens[after].Kind is PyTokenKind.Newline or PyTokenKind.EndMarker
            || (tokens[after].Kind == PyTokenKind.Op && tokens[after].IsOp(module.Text, ";"));
    }

    /// <summary>Weight initialisation and dropout: they draw only when a model is built or trained.</summary>
    private static bool IsModelRandomness(string qn) =>
        qn.StartsWith("torch.nn.init.", StringComparison.Ordinal) || qn.IndexOf("ropout", StringComparison.Ordinal) >= 0;

    /// <summary><paramref name="text"/> holds one of <paramref name="words"/>, ignoring case.</summary>
    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var w in words)
        {
            if (text.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        }
        return false;
    }

    private static bool Within(List<(int Start, int End)> spans, PyCall call)
    {
        foreach (var (start, end) in spans)
        {
            if (start <= call.Start && call.End <= end) return true;
        }
        return false;
    }

    /// <summary>One of the source <paramref name="spans"/> <see cref="Mentions"/> <paramref name="target"/>.</summary>
    private bool AnyMentions(List<(int Start, int End)> spans, string target)
    {
        foreach (var (start, end) in spans)
        {
            if (Mentions(module.Text.AsSpan(start, end - start), target)) return true;
        }
        return false;
    }

    /// <summary>The assignment whose value holds <paramref name="call"/> (the innermost when several do).</summary>
    private PyAssignment? AssignmentOf(PyCall call)
    {
        PyAssignment? best = null;
        foreach (var a in module.Assignments)
        {
            if (a.ValueStart <= call.Start && call.End <= a.ValueEnd && (best == null || a.ValueStart >= best.ValueStart)) best = a;
        }
        return best;
    }

    /// <summary><paramref name="text"/> names <paramref name="target"/> as a whole dotted name (<c>int(args.seed)</c>
    /// mentions <c>args.seed</c>, <c>seeds</c> does not mention <c>seed</c>).</summary>
    internal static bool Mentions(string text, string target) => Mentions(text.AsSpan(), target);

    internal static bool Mentions(ReadOnlySpan<char> text, string target)
    {
        if (target.Length == 0) return false;
        int i = 0;
        int found;
        while ((found = text.Slice(i).IndexOf(target.AsSpan(), StringComparison.Ordinal)) >= 0)
        {
            i += found;
            int end = i + target.Length;
            bool before = i == 0 || !IsNamePart(text[i - 1]);
            bool after = end == text.Length || !IsNamePart(text[end]);
            if (before && after) return true;
            i = end;
        }
        return false;
    }

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.';
}

/// <summary>What a draw is for (<see cref="DrawPurpose.Classify"/>).</summary>
public enum DrawUse
{
    /// <summary>The seed itself, or a synthetic input for tracing, export, timing or a demo: never reported.</summary>
    None,

    /// <summary>Picks or reorders data (a shuffle, a permutation, a split): reported in any script.</summary>
    Selection,

    /// <summary>Initial weights and dropout (<c>nn.init.*</c>, <c>nn.Dropout</c>, <c>layers.Dropout</c>): reported where
    /// the script trains (an inference script loads its weights over them).</summary>
    Model,

    /// <summary>Numbers a training run or a generated dataset depends on (initial weights, dropout, noise,
    /// augmentation): reported where the script trains or writes data out, not in a demo that prints or plots them.</summary>
    Training,
}

/// <summary>Evidence that a module trains a model: <c>loss.backward()</c>, a <c>torch.optim</c> optimizer, <c>.fit(</c>,
/// <c>trainer.train()</c>, <c>xgboost.train</c>…</summary>
internal static class TrainingEvidence
{
    private static readonly HashSet<string> TrainingNames = new(StringComparer.Ordinal)
    {
        "backward", "fit", "fit_generator", "train_on_batch", "train_step", "partial_fit", "training_step",
    };

    private static readonly HashSet<string> TrainingFunctions = new(StringComparer.Ordinal)
    {
        "xgboost.train", "xgboost.cv", "lightgbm.train", "lightgbm.cv", "catboost.train", "catboost.cv",
    };

    /// <summary>Calls that write data out (a generated dataset, a split, predictions), not a figure or an image.</summary>
    private static readonly HashSet<string> OutputNames = new(StringComparer.Ordinal)
    {
        "to_csv", "to_parquet", "to_json", "to_pickle", "to_feather", "to_hdf", "to_excel", "savez", "savez_compressed",
        "savetxt", "save", "dump", "write", "writerow", "writerows", "save_to_disk", "copy", "copyfile", "copy2", "move",
        "symlink",
        "push_to_hub", "tofile",
    };

    public static bool Trains(PythonModule module) => module.Calls.Any(IsTrainingCall);

    /// <summary>Writes data: a script that generates a dataset or a split from random numbers is not a demo.</summary>
    public static bool WritesData(PythonModule module)
    {
        List<(int Start, int End)>? shown = null;
        foreach (var c in module.Calls)
        {
            if (!OutputNames.Contains(c.Name)) continue;
            // yaml.dump(config) returns text: dump writes only when given a stream (json.dump, pickle.dump, joblib.dump)
            if (c.Name == "dump" && c.PositionalArguments.Count() < 2 && !c.Arguments.Any(a => a.Name is "stream" or "fp" or "file" or "filename" or "f")) continue;
            // print(yaml.dump(config)), logger.info(df.to_json()): shown, not written out
            shown ??= module.Calls.Where(d => DrawPurpose.IsDisplay(d.Name)).SelectMany(d => d.Arguments.Select(a => (a.ValueStart, a.ValueEnd))).ToList();
            if (shown.Any(s => s.Item1 <= c.Start && c.End <= s.Item2)) continue;
            return true;
        }
        return false;
    }


    private static bool IsTrainingCall(PyCall c)
    {
        if (TrainingNames.Contains(c.Name)) return true;
        string q = c.QualifiedName;
        if (q.StartsWith("torch.optim.", StringComparison.Ordinal) && q.IndexOf("lr_scheduler", StringComparison.Ordinal) < 0) return true;
        if (TrainingFunctions.Contains(q)) return true;
        // trainer.train(), model.train(): a method called train
        return c.HasName("train") && c.Callee.IndexOf('.') > 0;
    }
}
