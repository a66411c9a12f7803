using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// What the seed rules need of one Python module or notebook, kept on the document once its parsed module is
/// released (a 90 MB repository parses into well over a gigabyte of modules; this is a few percent of that): its
/// imports, its functions with what they seed themselves, every call by a shared key (what it seeds, how it resolves),
/// and the places MLO301/302/305/306 may report, located, with the parts of their messages. Built while the module is
/// parsed (<see cref="SeedSummaryBuilder"/>) and free of configuration: <see cref="SeedsCheck"/> applies the options,
/// <see cref="SeedIndex"/> resolves the calls across files. Kept for the whole scan, so it is mostly arrays of
/// structs over shared (interned) names: every object it holds is one more for the garbage collector to trace.
/// </summary>
public sealed class SeedSummary
{
    internal SeedSummary(SourceDocument document)
    {
        Document = document;
        IsNotebook = document.Kind == DocumentKind.Notebook;
        IsTest = ScriptScope.IsTest(document.Path);
    }

    /// <summary>The summary of a <see cref="ScriptScope.IsPython"/> document (computed once, then cached on it).</summary>
    public static SeedSummary Of(SourceDocument document) => document.GetOrAdd(d => SeedSummaryBuilder.Build(d, PythonModule.Of(d)));

    public SourceDocument Document { get; }

    public string Path => Document.Path;

    public bool IsNotebook { get; }

    public bool IsTest { get; }

    /// <summary><c>if __name__ == "__main__":</c> (a <c>__name__</c> name and a <c>"__main__"</c> string).</summary>
    public bool HasMainGuard { get; internal set; }

    /// <summary>A call outside every function.</summary>
    public bool HasTopLevelCalls { get; internal set; }

    /// <summary>Imports numpy, torch, sklearn… (see <see cref="SeedsCheck"/>): MLO302 looks at nothing else.</summary>
    public bool ImportsMlLibrary { get; internal set; }

    /// <summary>Trains a model (<see cref="TrainingEvidence"/>): draws that only matter to training (MLO302) and
    /// cuDNN autotuning (MLO306) are judged only then.</summary>
    public bool Trains { get; internal set; }

    /// <summary>Writes data out (<c>to_csv</c>, <c>np.save</c>, <c>json.dump</c>…, not a figure): its draws may make a dataset.</summary>
    public bool WritesData { get; internal set; }

    /// <summary><c>model.fit(...)</c> on a Keras model (MLO302 when TensorFlow is never seeded).</summary>
    public IReadOnlyList<SeedSite> KerasFits { get; internal set; } = Array.Empty<SeedSite>();

    /// <summary>A <c>"cuda"</c> string or a <c>.cuda()</c> / <c>torch.cuda.is_available()</c> call (MLO306).</summary>
    public bool UsesCuda { get; internal set; }

    /// <summary><c>torch.backends.cudnn.deterministic = True</c> anywhere in the module (MLO306).</summary>
    public bool SetsCudnnDeterministic { get; internal set; }

    public IReadOnlyList<SeedImport> Imports { get; internal set; } = Array.Empty<SeedImport>();

    private string[]? importedNames;

    /// <summary>The last dotted name of every module an import may name (<c>b</c> for <c>import a.b</c>, <c>b</c> and <c>c</c>
    /// for <c>from a.b import c</c>), and "." when one is relative: who may import a module, found without resolving
    /// anything (<see cref="SeedNeighbourhood"/>, on every keystroke in the language server). Computed once.</summary>
    internal string[] ImportedNames => importedNames ??= Imports
        .SelectMany(i => i.IsFrom && !i.IsStar ? new[] { i.ModuleName, i.QualifiedName } : new[] { i.ModuleName })
        .Select(n => n.StartsWith(".", StringComparison.Ordinal) ? "." : n.Substring(n.LastIndexOf('.') + 1))
        .Distinct(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<SeedFunction> Functions { get; internal set; } = Array.Empty<SeedFunction>();

    /// <summary>The keys of the functions' calls, one run per function (<see cref="KeysOf"/>).</summary>
    internal int[] FunctionKeys { get; set; } = Array.Empty<int>();

    /// <summary>The indexes in <see cref="Keys"/> of the calls in <paramref name="function"/>'s body.</summary>
    public ReadOnlySpan<int> KeysOf(in SeedFunction function) => FunctionKeys.AsSpan(function.FirstKey, function.KeyCount);

    /// <summary>What the calls are, once per distinct call (see <see cref="SeedCallKey"/>).</summary>
    public IReadOnlyList<SeedCallKey> Keys { get; internal set; } = Array.Empty<SeedCallKey>();

    /// <summary>Every call site, in source order.</summary>
    public IReadOnlyList<SeedCall> Calls { get; internal set; } = Array.Empty<SeedCall>();

    /// <summary>scikit-learn calls without random_state whose randomness matters (MLO301 unless seeded).</summary>
    public IReadOnlyList<SklearnCandidate> Sklearn { get; internal set; } = Array.Empty<SklearnCandidate>();

    /// <summary>Draws from a global generator, in source order, with what they are for (MLO302 unless seeded; in a
    /// library module, when a script that imports it never seeds); only in modules that import an ML library.</summary>
    public IReadOnlyList<DrawCandidate> Draws { get; internal set; } = Array.Empty<DrawCandidate>();

    /// <summary><c>DataLoader(shuffle=True)</c> / <c>RandomSampler()</c> without a generator, Keras loaders and
    /// <c>Dataset.shuffle</c> without <c>seed=</c> (MLO305 unless seeded before the loader is first used).</summary>
    public IReadOnlyList<LoaderCandidate> Loaders { get; internal set; } = Array.Empty<LoaderCandidate>();

    /// <summary><c>torch.backends.cudnn.benchmark = True</c> (MLO306 when the script seeds PyTorch).</summary>
    public IReadOnlyList<SeedSite> CudnnBenchmarks { get; internal set; } = Array.Empty<SeedSite>();

    /// <summary><c>torch.backends.cudnn.benchmark = True</c> in a function (or at the top level) that also asks for
    /// deterministic kernels, in any module (a project's <c>seed_everything</c> helper): MLO306 by default.</summary>
    public IReadOnlyList<(SeedSite Site, string Asked)> CudnnContradictions { get; internal set; } = Array.Empty<(SeedSite, string)>();

    /// <summary>Whether a seed rule can report anything on this module, or because of it: MLO301 on a scikit-learn call,
    /// MLO305 on a loader, MLO306 on a cuDNN contradiction, and what <see cref="SeedsCheck"/> looks at only in a module
    /// that imports an ML library (MLO302 on its draws or Keras fits; a training script's imported draws and GPU settings).
    /// A test module counts only for the rules told to judge tests (the <c>include-tests</c> options). A repository where
    /// no module can skips the index (the standard library: thousands of modules, none of them).</summary>
    internal bool MayReport(bool tests301, bool tests302, bool tests305, bool tests306)
    {
        bool ml = ImportsMlLibrary && (Trains || Draws.Count > 0 || KerasFits.Count > 0);
        if (!IsTest) return Sklearn.Count > 0 || Loaders.Count > 0 || CudnnContradictions.Count > 0 || ml;
        return (tests301 && Sklearn.Count > 0) || (tests305 && Loaders.Count > 0) || (tests306 && CudnnContradictions.Count > 0)
            || ((tests302 || tests306) && ml);
    }

    /// <summary>Functions defined with <paramref name="name"/> outside a class, by index in <see cref="Functions"/>.</summary>
    public IEnumerable<int> ModuleFunctionsNamed(string name)
    {
        for (int i = 0; i < Functions.Count; i++)
        {
            if (!Functions[i].IsMethod && Functions[i].Name == name) yield return i;
        }
    }

    /// <summary>Where the call at <paramref name="index"/> in <see cref="Calls"/> is, as a finding would place it. This
    /// parses the module again for the call's end (only the rare finding on an arbitrary call needs it): the module's
    /// calls are the same, in the same order, every time it is parsed.</summary>
    public SeedSite SiteOf(int index)
    {
        var call = Calls[index];
        var parsed = PythonModule.Of(Document).Calls[index];
        return SiteAt(call.Start, parsed.End, call.InFunction);
    }

    /// <summary>Where the text [<paramref name="start"/>, <paramref name="end"/>) of the module is, as a finding would
    /// place it (for a notebook this parses the notebook again).</summary>
    public SeedSite SiteAt(int start, int end, bool inFunction)
    {
        if (!IsNotebook)
        {
            return new SeedSite(start, inFunction, Document.Lines.GetSpan(start, end), null, null);
        }
        var location = PythonModule.Of(Document).Locate(start, end);
        return new SeedSite(start, inFunction, location.Span, location.SourceLine, location.LocationHint);
    }

    public override string ToString() => Path;
}

/// <summary>One imported name (see <see cref="Python.Structure.PyImport"/>).</summary>
public readonly record struct SeedImport(string ModuleName, string QualifiedName, bool IsFrom, bool IsStar, string? BoundName, int Start = 0, int End = 0);

/// <summary>A <c>def</c>: its name, whether it is a method, what its body seeds by itself (known APIs, cuDNN
/// settings), and the calls in its body (nested functions' included) as indexes into <see cref="SeedSummary.Keys"/>,
/// each once, in order of first appearance (<see cref="SeedSummary.KeysOf"/>).</summary>
public readonly record struct SeedFunction(string Name, bool IsMethod, Rng Seeds, int FirstKey, int KeyCount, string? ClassName = null);

/// <summary>
/// What a call is, as far as seeding goes: the resolved and written callee, what it seeds as a known API
/// (<see cref="SeedApis.SeededBy"/>), whether it is made on another call's result, and whether its name says it seeds
/// (<see cref="SeedApis.LooksLikeSeedHelper"/>, not a scikit-learn callable). Calls that agree on all of these share a key.
/// </summary>
public readonly record struct SeedCallKey(string QualifiedName, string Callee, Rng SeededBy, bool HasReceiver, bool LooksLikeSeedHelper)
{
    /// <summary>The last name of the callee.</summary>
    public string Name
    {
        get
        {
            int i = Callee.LastIndexOf('.');
            return i < 0 ? Callee : Callee.Substring(i + 1);
        }
    }
}

/// <summary>A call site: its key in <see cref="SeedSummary.Keys"/>, its offset in the module text, and whether it is
/// inside a function. Every call of every module has one for the whole scan, so it is 8 bytes: the key and the flag share
/// an int, and the call's end is not kept (<see cref="SeedSummary.SiteOf"/> parses the module again for it).</summary>
public readonly record struct SeedCall
{
    private readonly int keyAndFlag;

    public SeedCall(int key, int start, bool inFunction)
    {
        keyAndFlag = key << 1 | (inFunction ? 1 : 0);
        Start = start;
    }

    public int Key => keyAndFlag >> 1;

    public int Start { get; }

    public bool InFunction => (keyAndFlag & 1) != 0;
}

/// <summary>Where a finding goes: the node's offset (to compare with seeding calls), whether it is inside a function,
/// and its place in the document as <see cref="PythonModule.Report"/> gives it.</summary>
public readonly record struct SeedSite(int Start, bool InFunction, SourceSpan Span, string? SuppressionText, string? LocationHint)
{
    internal static SeedSite Of(PythonModule module, PyNode node, bool inFunction) => module.IsNotebook
        ? new(node.Start, inFunction, node.Span, node.SourceLine, node.LocationHint)
        : new(node.Start, inFunction, module.Document.Lines.GetSpan(node.Start, node.End), null, null); // node.Span, without its line's text

    public Finding Report(RuleDescriptor rule, string path, string message) =>
        new(rule, path, Span, message) { SuppressionText = SuppressionText, LocationHint = LocationHint };
}

/// <summary>A scikit-learn call for MLO301: the callable's name, the setting that makes it random, the fix's plan.</summary>
public sealed record SklearnCandidate(SeedSite Site, string Name, string? Setting, KeywordInsertion Fix);

/// <summary>A draw from <see cref="Rng"/>'s global generator, for MLO302, what it is for, and the function it is in
/// (an index into <see cref="SeedSummary.Functions"/>, -1 at the top level).</summary>
public readonly record struct DrawCandidate(SeedSite Site, Rng Rng, string Callee, DrawUse Use, int Function = -1);

/// <summary>A loader that shuffles from <see cref="Rng"/>'s global generator, for MLO305, with its message and fix.
/// <see cref="SeedSite.Start"/> is where the loader is first used (a seed before then still counts).</summary>
public sealed record LoaderCandidate(SeedSite Site, Rng Rng, string Message, string FixHint);
