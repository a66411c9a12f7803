using System.Globalization;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// MLO302 across files: a script or notebook that never seeds a global generator, and imports a module of the
/// repository that draws from it, unseeded, in code the script runs (the module's top level, or a function or class
/// the script calls). Reported once per script and generator, on the script's import of that module: the fix (seed at
/// the start of the script) belongs there. Works on the <see cref="SeedIndex"/>'s import edges and the
/// modules' <see cref="SeedSummary.Draws"/>, so nothing more is kept per module.
/// </summary>
internal static class ImportedRandomness
{
    private static readonly Rng[] Generators = { Rng.NumPy, Rng.Python, Rng.Torch, Rng.TensorFlow };

    /// <param name="reported">Generators the script already has an MLO302 finding for (the same fix covers the import).</param>
    public static void Report(SeedModule script, Rng reported, bool includeTests, List<Finding> findings)
    {
        // a module other modules import is library code even with a __main__ block: its importers are the scripts
        if (script.Imported.Count == 0 || script.IsImportedByCode) return;
        foreach (var rng in Generators)
        {
            if ((reported & rng) != 0 || script.SeedsAnywhere(rng)) continue;
            var found = FirstUnseededDraw(script, rng, includeTests);
            if (found is not { } f) continue;
            var imp = script.Summary.Imports[f.Import];
            string more = f.Count > 1 ? $" (and {f.Count - 1} more place{(f.Count > 2 ? "s" : "")} there)" : "";
            string line = f.Draw.Site.Span.StartLine.ToString(CultureInfo.InvariantCulture);
            findings.Add(script.Summary.SiteAt(imp.Start, imp.End, false).Report(RuleCatalog.MLO302, script.Path,
                $"{f.Module.Path} (imported here) draws from {rng.Describe()} with {f.Draw.Callee}() at line {line}{more}, and this {(script.IsNotebook ? "notebook" : "script")} never seeds it: the numbers change on every run")
                with
                {
                    FixHint = $"Call {rng.SeedCall()} (or a set_seed() helper that does) at the start of the {(script.IsNotebook ? "notebook" : "script")}, before it uses {f.Module.Path}.",
                });
        }
    }

    /// <summary>Whether an import of <paramref name="from"/> is followed to <paramref name="target"/>: a module, not a
    /// package's <c>__init__.py</c> (a package re-exports a library, whose randomness is its callers' business), that the
    /// import can reach as Python would — relative, beside or below the importing file, or named from the repository
    /// root (or its <c>src/</c>) — not merely a file of the same name elsewhere (<c>import model</c> is not
    /// <c>other/model.py</c>).</summary>
    internal static bool Follows(SeedModule from, SeedModule target, SeedImport import)
    {
        if (target.IsNotebook || IsPackageInit(target.Path)) return false;
        if (import.ModuleName.StartsWith(".", StringComparison.Ordinal)) return true;
        // compared in place: asked of every module an import reaches while the index is built
        int slash = from.Path.LastIndexOf('/');
        int dir = slash + 1;
        string path = target.Path;
        var dotted = path.AsSpan(0, path.Length - 3);
        if (DottedIs(dotted, import.ModuleName) || DottedIs(dotted, import.QualifiedName)) return true;
        if (dotted.Length >= 4 && DottedIs(dotted.Slice(0, 4), "src.")
            && (DottedIs(dotted.Slice(4), import.ModuleName) || DottedIs(dotted.Slice(4), import.QualifiedName))) return true;
        if (!path.AsSpan().StartsWith(from.Path.AsSpan(0, dir), StringComparison.Ordinal)) return false;
        var local = dotted.Slice(dir);
        return DottedIs(local, import.ModuleName) || DottedIs(local, import.QualifiedName);
    }

    /// <summary>The file name of <paramref name="path"/> is <c>__init__.py</c> (<see cref="Documents.SourceDocument.FileName"/>, without making it).</summary>
    private static bool IsPackageInit(string path) =>
        path.EndsWith("__init__.py", StringComparison.Ordinal) && (path.Length == 11 || path[path.Length - 12] is '/' or '\\');

    /// <summary>A path without its extension, its '/' read as '.', is <paramref name="dotted"/>.</summary>
    private static bool DottedIs(ReadOnlySpan<char> path, string dotted)
    {
        if (path.Length != dotted.Length) return false;
        for (int i = 0; i < path.Length; i++)
        {
            char p = path[i], d = dotted[i];
            if (d == '/' || p != d && !(p == '/' && d == '.')) return false;
        }
        return true;
    }

    private readonly record struct Found(SeedModule Module, int Import, DrawCandidate Draw, int Count);

    /// <summary>The first module the script imports directly that draws from <paramref name="rng"/> unseeded in code the
    /// script runs: its top level (run on import), or a function or class the script calls (and the functions of that
    /// module those call in turn).</summary>
    private static Found? FirstUnseededDraw(SeedModule script, Rng rng, bool includeTests)
    {
        // the index keeps only the imports Follows accepts (asked once per import, not per generator: a name like
        // features_0 answers to a thousand modules of a competition repository)
        foreach (var (m, import) in script.Imported)
        {
            var imp = script.Summary.Imports[import];
            if ((m.IsTest && !includeTests) || m.SeedsAnywhere(rng)) continue;
            HashSet<int>? called = null;
            DrawCandidate? draw = null;
            int count = 0;
            foreach (var d in m.Summary.Draws)
            {
                if (d.Rng != rng || !script.Summary.Trains) continue; // only training scripts depend on a module's randomness
                if (d.Function < 0 ? m.IsEntryPoint : !(called ??= CalledFunctions(script, imp, m)).Contains(d.Function)) continue;
                // a dataset's or transform's method runs in DataLoader workers, which PyTorch seeds (random, and NumPy
                // since 1.9) from its own generator: a script that seeds PyTorch seeds them
                if (d.Function >= 0 && m.Summary.Functions[d.Function].IsMethod && rng is Rng.Python or Rng.NumPy && script.SeedsAnywhere(Rng.Torch)) continue;
                draw ??= d;
                count++;
            }
            if (draw is { } found) return new Found(m, import, found, count);
        }
        return null;
    }

    /// <summary>The functions of <paramref name="module"/> the script calls through <paramref name="import"/>
    /// (<c>from data import split</c> then <c>split(...)</c>; <c>import data</c> then <c>data.split(...)</c>; a class's
    /// methods when it calls the class), and the functions of the module those call (two rounds).</summary>
    private static HashSet<int> CalledFunctions(SeedModule script, SeedImport import, SeedModule module)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string q = import.QualifiedName;
        foreach (var key in script.Summary.Keys)
        {
            string k = key.QualifiedName;
            if (import.IsFrom)
            {
                if (k == q || k.StartsWith(q + ".", StringComparison.Ordinal)) names.Add(LastSegment(q));
            }
            else if (k.StartsWith(q + ".", StringComparison.Ordinal))
            {
                string rest = k.Substring(q.Length + 1);
                int dot = rest.IndexOf('.');
                names.Add(dot < 0 ? rest : rest.Substring(0, dot));
            }
        }
        var functions = module.Summary.Functions;
        var result = new HashSet<int>();
        for (int round = 0; round < 3 && names.Count > 0; round++)
        {
            var next = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < functions.Count; i++)
            {
                var f = functions[i];
                bool hit = f.IsMethod ? f.ClassName != null && names.Contains(f.ClassName) : names.Contains(f.Name);
                if (!hit || !result.Add(i)) continue;
                foreach (int key in module.Summary.KeysOf(f))
                {
                    var callee = module.Summary.Keys[key];
                    if (callee.HasReceiver) continue;
                    // helper(...) or self.helper(...): a function or a method of the same module
                    if (callee.Callee.IndexOf('.') < 0 || callee.Callee.StartsWith("self.", StringComparison.Ordinal)) next.Add(callee.Name);
                }
            }
            names = next;
            // a method calling self.helper() reaches the helper of its own class: match methods by name too
            for (int i = 0; i < functions.Count; i++)
            {
                if (functions[i].IsMethod && names.Contains(functions[i].Name) && result.Add(i))
                {
                    foreach (int key in module.Summary.KeysOf(functions[i]))
                    {
                        var callee = module.Summary.Keys[key];
                        if (!callee.HasReceiver && (callee.Callee.IndexOf('.') < 0 || callee.Callee.StartsWith("self.", StringComparison.Ordinal))) next.Add(callee.Name);
                    }
                }
            }
        }
        return result;
    }

    private static string LastSegment(string dotted)
    {
        int i = dotted.LastIndexOf('.');
        return i < 0 ? dotted : dotted.Substring(i + 1);
    }
}
