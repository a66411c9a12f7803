using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>MLO304: <c>np.random.default_rng()</c>, <c>RandomState()</c>, <c>random.Random()</c>, <c>torch.Generator()</c>
/// (never <c>.manual_seed</c>-ed) and their kin created without a seed.</summary>
public sealed class UnseededGeneratorCheck : IDocumentCheck
{
    /// <summary>Constructors that seed from the OS when called with no argument.</summary>
    private static readonly Dictionary<string, string> EmptyIsUnseeded = new(StringComparer.Ordinal)
    {
        ["numpy.random.default_rng"] = "np.random.default_rng",
        ["numpy.random.RandomState"] = "np.random.RandomState",
        ["numpy.random.PCG64"] = "np.random.PCG64",
        ["numpy.random.PCG64DXSM"] = "np.random.PCG64DXSM",
        ["numpy.random.MT19937"] = "np.random.MT19937",
        ["numpy.random.Philox"] = "np.random.Philox",
        ["numpy.random.SFC64"] = "np.random.SFC64",
        ["numpy.random.SeedSequence"] = "np.random.SeedSequence",
        ["random.Random"] = "random.Random",
    };

    private static readonly HashSet<string> TorchGenerators = new(StringComparer.Ordinal) { "torch.Generator", "torch._C.Generator" };

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO304 };

    public bool AppliesTo(SourceDocument document) => ScriptScope.IsPython(document);

    public void Check(SourceDocument document, CheckContext context)
    {
        var options = context.Options(RuleCatalog.MLO304);
        if (ScriptScope.IsTest(document.Path) && !options.GetBool("include-tests", true)) return;
        var module = PythonModule.Of(document, context);
        string seed = SeedsCheck.SeedText(options, 42);
        foreach (var call in module.Calls)
        {
            string q = call.QualifiedName;
            if (EmptyIsUnseeded.TryGetValue(q, out var shown))
            {
                if (call.Arguments.Count != 0 || ReseededInClass(module, call) || NothingDependsOn(module, call)) continue;
                context.Report(module.Report(RuleCatalog.MLO304, call,
                    $"{shown}() without a seed is seeded from the operating system: the numbers it draws change on every run")
                    with
                    {
                        FixHint = $"Give it a seed: {shown}({seed}) (or your seed variable).",
                        Edit = SeedFixes.FillEmptyCall(call, seed),
                    });
            }
            else if (q == "tensorflow.random.Generator.from_non_deterministic_state")
            {
                context.Report(module.Report(RuleCatalog.MLO304, call,
                    "tf.random.Generator.from_non_deterministic_state() draws its state from the operating system: the numbers change on every run")
                    with { FixHint = $"Use tf.random.Generator.from_seed({seed})." });
            }
            else if (TorchGenerators.Contains(q) && !call.HasStarStarKwargs && !IsSeeded(module, call) && !HandedToASeeder(module, call))
            {
                context.Report(module.Report(RuleCatalog.MLO304, call,
                    "torch.Generator() is never seeded with .manual_seed(): it ignores torch.manual_seed and starts from PyTorch's built-in default seed, so the seed you set and report does not control it")
                    with
                    {
                        FixHint = $"Seed it: torch.Generator().manual_seed({seed}), or g = torch.Generator(); g.manual_seed({seed}).",
                        Edit = SeedFixes.AppendCall(call, $".manual_seed({seed})"),
                    });
            }
        }
    }

    /// <summary><c>self.rng = np.random.default_rng()</c> in one method and <c>self.rng = np.random.default_rng(seed)</c>
    /// (or <c>self.rng.seed(...)</c>) in another method of the same class: the generator is seeded before use, in
    /// <c>reset(seed)</c> or <c>set_epoch()</c>.</summary>
    private static bool ReseededInClass(PythonModule module, PyCall generator)
    {
        var own = AssignmentOf(module, generator);
        if (own == null || !own.Target.StartsWith("self.", StringComparison.Ordinal) || generator.EnclosingFunction?.ClassName is not { } cls) return false;
        string target = own.Target;
        foreach (var a in module.Assignments)
        {
            if (a == own || a.Target != target) continue;
            var value = module.Calls.FirstOrDefault(c => c.Start == a.ValueStart && c.End == a.ValueEnd);
            if (value != null && value.Arguments.Count > 0 && EmptyIsUnseeded.ContainsKey(value.QualifiedName)
                && value.EnclosingFunction?.ClassName == cls) return true;
        }
        return module.Calls.Any(c => c.EnclosingFunction?.ClassName == cls && c.Arguments.Count > 0
            && (c.Callee == target + ".seed" || c.Callee == target + ".manual_seed" || c.Callee == target + ".set_state"));
    }

    /// <summary><c>rand = random.Random()</c> whose numbers nothing depends on: seeded later (<c>rand.seed(42)</c>), or
    /// every use is a draw a demo makes (dummy values for a dashboard, a plot's colours: see <see cref="DrawPurpose"/>), or
    /// never used at all in a script run as <c>__main__</c> (whose names no other module imports). A generator handed on
    /// (<c>random_state=rand</c>) or drawn from for real matters.</summary>
    private static bool NothingDependsOn(PythonModule module, PyCall generator)
    {
        var own = AssignmentOf(module, generator);
        if (own?.TargetName is not { } name || own.Target != name) return false;
        DrawPurpose? purpose = null;
        bool used = false;
        var tokens = module.Tokens;
        string text = module.Text;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsName(text, name) || (t.Start >= own.Start && t.End <= own.ValueStart)) continue;
            if (i > 0 && tokens[i - 1].IsOp(text, ".")) continue; // other.rand: another object's attribute
            if (i + 2 >= tokens.Count || !tokens[i + 1].IsOp(text, ".")) return false;
            string callee = name + "." + tokens[i + 2].GetText(text);
            var use = module.Calls.FirstOrDefault(c => c.Start == t.Start && c.Callee == callee);
            if (use == null) return false;
            if (use.Name is "seed" or "manual_seed" && use.Arguments.Count > 0) return true;
            if ((purpose ??= new DrawPurpose(module)).Classify(use) != DrawUse.None) return false;
            used = true;
        }
        return used || (!module.IsNotebook && Scope.ContentScopes.HasMainGuard(module));
    }

    /// <summary>A <c>torch.Generator()</c> handed to a call that also takes a seed (<c>Sampler(..., generator=g, seed=42)</c>)
    /// or to a class of this module whose methods seed the generator they hold (<c>self.generator.manual_seed(...)</c>).</summary>
    private static bool HandedToASeeder(PythonModule module, PyCall generator)
    {
        var own = AssignmentOf(module, generator);
        string? name = own?.Target;
        foreach (var c in module.Calls)
        {
            if (c == generator) continue;
            bool handed = c.Arguments.Any(a => (a.ValueStart <= generator.Start && generator.End <= a.ValueEnd)
                || (name != null && a.ValueText.Trim() == name && a.Start > generator.End));
            if (!handed) continue;
            if (c.Arguments.Any(a => a.Name != null && a.Name.IndexOf("seed", StringComparison.OrdinalIgnoreCase) >= 0)) return true;
            string cls = c.Name;
            if (module.Calls.Any(s => s.EnclosingFunction?.ClassName == cls && s.Name == "manual_seed" && s.Callee.StartsWith("self.", StringComparison.Ordinal))) return true;
        }
        return false;
    }

    private static PyAssignment? AssignmentOf(PythonModule module, PyCall call) =>
        module.Assignments.FirstOrDefault(a => a.ValueStart == call.Start && a.ValueEnd == call.End);

    /// <summary><c>torch.Generator().manual_seed(s)</c>, or <c>g = torch.Generator()</c> with <c>g.manual_seed(s)</c> /
    /// <c>g.set_state(...)</c> somewhere in the module.</summary>
    private static bool IsSeeded(PythonModule module, PyCall generator)
    {
        foreach (var c in module.Calls)
        {
            if (c.Receiver == generator && c.Name is "manual_seed" or "set_state") return true;
        }
        foreach (var a in module.Assignments)
        {
            if (a.ValueStart != generator.Start || a.ValueEnd != generator.End) continue;
            string target = a.Target;
            return module.Calls.Any(c => (c.Callee == target + ".manual_seed" || c.Callee == target + ".set_state") && c.Arguments.Count > 0);
        }
        return false;
    }
}
