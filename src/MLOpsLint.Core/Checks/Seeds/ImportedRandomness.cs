using System.Globalization;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// MLO302 across files: a script or notebook that never seeds a global generator, and imports a module of the
/// repository (directly or through up to <see cref="MaxDepth"/> imports) that draws from it, with no module on the way
/// seeding it. Reported once per script and generator, on the script's import of the first module of the path: the fix
/// (seed at the start of the script) belongs there. Works on the <see cref="SeedIndex"/>'s import edges and the
/// modules' <see cref="SeedSummary.Draws"/>, so nothing more is kept per module.
/// </summary>
internal static class ImportedRandomness
{
    private const int MaxDepth = 3;

    private static readonly Rng[] Generators = { Rng.NumPy, Rng.Python, Rng.Torch, Rng.TensorFlow };

    /// <param name="reported">Generators the script already has an MLO302 finding for (the same fix covers the import).</param>
    public static void Report(SeedModule script, Rng reported, bool includeTests, List<Finding> findings)
    {
        if (script.Imported.Count == 0) return;
        foreach (var rng in Generators)
        {
            if ((reported & rng) != 0 || script.SeedsAnywhere(rng)) continue;
            var found = FirstUnseededDraw(script, rng, includeTests);
            if (found is not { } f) continue;
            var imp = script.Summary.Imports[f.Import];
            string more = f.Count > 1 ? $" (and {f.Count - 1} more place{(f.Count > 2 ? "s" : "")} there)" : "";
            string line = f.Draw.Site.Span.StartLine.ToString(CultureInfo.InvariantCulture);
            string through = f.Via == null ? "" : $" through {f.Via.Path}";
            findings.Add(script.Summary.SiteAt(imp.Start, imp.End, false).Report(RuleCatalog.MLO302, script.Path,
                $"{f.Module.Path} (imported here{through}) draws from {rng.Describe()} with {f.Draw.Callee}() at line {line}{more}, and this {(script.IsNotebook ? "notebook" : "script")} never seeds it: the numbers change on every run")
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
    private static bool Follows(SeedModule from, SeedModule target, SeedImport import)
    {
        if (target.IsNotebook || target.Summary.Document.FileName == "__init__.py") return false;
        if (import.ModuleName.StartsWith(".", StringComparison.Ordinal)) return true;
        int slash = from.Path.LastIndexOf('/');
        string dir = slash < 0 ? "" : from.Path.Substring(0, slash + 1);
        string path = target.Path;
        string dotted = path.Substring(0, path.Length - 3).Replace('/', '.');
        if (dotted == import.ModuleName || dotted == import.QualifiedName) return true;
        if (dotted == "src." + import.ModuleName || dotted == "src." + import.QualifiedName) return true;
        if (!path.StartsWith(dir, StringComparison.Ordinal)) return false;
        string local = path.Substring(dir.Length, path.Length - dir.Length - 3).Replace('/', '.');
        return local == import.ModuleName || local == import.QualifiedName;
    }

    private readonly record struct Found(SeedModule Module, SeedModule? Via, int Import, DrawCandidate Draw, int Count);

    /// <summary>Breadth first over the script's imports: the nearest module that draws from <paramref name="rng"/>
    /// unseeded, where no module on the way seeds it.</summary>
    private static Found? FirstUnseededDraw(SeedModule script, Rng rng, bool includeTests)
    {
        var seen = new HashSet<SeedModule> { script };
        var frontier = new List<(SeedModule Module, int Import, SeedModule? First)>();
        foreach (var (t, i) in script.Imported)
        {
            if (Follows(script, t, script.Summary.Imports[i])) frontier.Add((t, i, null));
        }
        for (int depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<(SeedModule, int, SeedModule?)>();
            foreach (var (m, import, first) in frontier)
            {
                if (!seen.Add(m) || (m.IsTest && !includeTests) || m.SeedsAnywhere(rng)) continue;
                DrawCandidate? draw = null;
                int count = 0;
                foreach (var d in m.Summary.Draws)
                {
                    if (d.Rng != rng || !(d.Use == DrawUse.Selection || script.Summary.Trains)) continue; // only training scripts depend on a module's noise
                    if (m.IsEntryPoint && !d.Site.InFunction) continue; // a script's own top-level code does not run on import (or is its own finding)
                    draw ??= d;
                    count++;
                }
                if (draw is { } found) return new Found(m, first, import, found, count);
                foreach (var (t, i) in m.Imported)
                {
                    if (Follows(m, t, m.Summary.Imports[i])) next.Add((t, import, first ?? m));
                }
            }
            frontier = next;
        }
        return null;
    }
}
