using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Requirements;
using MLOpsLint.Core.Parsing.Workflows;
using MLOpsLint.Core.Versioning;
using MLOpsLint.Core.Versioning.Pep440;
using Tomlyn.Syntax;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.Core.Environments;

public static partial class FactReader
{
    private static readonly Regex MatrixRef = new(@"^\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}$", RegexOptions.CultureInvariant);

    /// <summary>The values a <c>with:</c> input takes: itself, its lines (a block lists several versions), or the job's
    /// matrix values when it is <c>${{ matrix.key }}</c>. Empty when it cannot be known statically.</summary>
    public static IEnumerable<(string Value, int Start, int End)> InputValues(WorkflowStep step, WorkflowValue input)
    {
        var candidates = new List<WorkflowValue>();
        var m = MatrixRef.Match(input.Value.Trim());
        if (m.Success)
        {
            if (step.Job == null || step.Job.MatrixIsDynamic || !step.Job.Matrix.TryGetValue(m.Groups[1].Value, out var values)) yield break;
            candidates.AddRange(values);
        }
        else if (input.Value.Contains("${{"))
        {
            yield break;
        }
        else
        {
            candidates.Add(input);
        }
        foreach (var c in candidates)
        {
            int offset = 0;
            foreach (var raw in c.Value.Split('\n'))
            {
                string v = raw.Trim();
                int lead = raw.Length - raw.TrimStart().Length;
                if (v.Length > 0 && !v.Contains("${{"))
                {
                    int s = c.Text.DocOffset(offset + lead);
                    yield return (v, s, s + v.Length);
                }
                offset += raw.Length + 1;
            }
        }
    }

    public static bool IsAction(WorkflowStep step, string action) =>
        step.Uses != null && (step.Uses.Value.StartsWith(action + "@", StringComparison.OrdinalIgnoreCase)
            || step.Uses.Value.Equals(action, StringComparison.OrdinalIgnoreCase));

    private static void ReadWorkflow(SourceDocument d, DocumentFacts facts)
    {
        var wf = WorkflowFile.Of(d);
        if (wf.Error != null) return;
        foreach (var step in wf.Steps)
        {
            if (!IsAction(step, "actions/setup-python") || !step.With.TryGetValue("python-version", out var input)) continue;
            foreach (var (value, start, end) in InputValues(step, input))
            {
                string v = value.Trim('"', '\'');
                if (v.StartsWith("pypy", StringComparison.OrdinalIgnoreCase) || v.StartsWith("graalpy", StringComparison.OrdinalIgnoreCase)) continue;
                if (PythonVersion.TryParse(v, out var py) && (py.Variant == null || py.Variant == "dev"))
                {
                    facts.Python.Add(new PythonFact(d.Path, Span(d, start, end), v, PythonSource.SetupPython, py.ToSpecifierSet(), py));
                }
            }
        }
    }

    // ------------------------------------------------------------------ lock files

    private static void ReadLock(SourceDocument d, DocumentFacts facts)
    {
        switch (d.FileName.ToLowerInvariant())
        {
            case "pipfile.lock": ReadPipfileLock(d, facts); break;
            case "poetry.lock": ReadTomlLock(d, facts, LibrarySource.PoetryLock); break;
            case "uv.lock": ReadTomlLock(d, facts, LibrarySource.UvLock); break;
        }
    }

    private static void ReadPipfileLock(SourceDocument d, DocumentFacts facts)
    {
        if (!YamlText.TryLoad(d.Text, out var root, out int line, out var error))
        {
            facts.Problems.Add((line, "malformed JSON: " + error));
            return;
        }
        foreach (var section in new[] { "default", "develop" })
        {
            if (YamlText.Get(root, section) is not YamlMappingNode packages) continue;
            foreach (var kv in packages.Children)
            {
                if (kv.Key is not YamlScalarNode key || key.Value == null) continue;
                if (YamlText.Get(kv.Value, "version") is not YamlScalarNode version || version.Value == null) continue;
                if (!Pep440SpecifierSet.TryParse(version.Value, out var set) || !set.IsExactPin) continue;
                int start = YamlText.Offset(key, d.Lines);
                var text = YamlText.ScalarText(version, d.Lines);
                facts.Libraries.Add(new LibraryFact(d.Path, Span(d, start, text.DocOffset(text.Length) + 1), $"{key.Value} {version.Value}",
                    Pep508Requirement.NormalizeName(key.Value), VersionText.WithoutLocal(set), LibrarySource.PipfileLock)
                { IsDevelopmentOnly = section == "develop" });
            }
        }
    }

    private static void ReadTomlLock(SourceDocument d, DocumentFacts facts, LibrarySource source)
    {
        var toml = Toml(d, facts);
        if (toml == null) return;
        foreach (var table in toml.Tables.Where(t => t.Path.Count == 2 && t.Path[0] == "package"))
        {
            string index = table.Path[1];
            var nameEntry = toml.Find("package", index, "name");
            var versionEntry = toml.Find("package", index, "version");
            if (nameEntry?.Value is not StringValueSyntax n || n.Value == null) continue;
            if (versionEntry?.Value is not StringValueSyntax v || v.Value == null) continue;
            // uv.lock lists the project itself (source = { editable = "." } / { virtual = "." }): not a dependency.
            var src = toml.Find("package", index, "source", "editable") ?? toml.Find("package", index, "source", "virtual");
            if (src != null) continue;
            if (!Pep440Version.TryParse(v.Value, out _) || !Pep440SpecifierSet.TryParse("==" + v.Value, out var set)) continue;
            var text = TomlSyntaxIndex.StringText(v);
            int start = TomlSyntaxIndex.Offset(versionEntry.KeyNode);
            bool dev = source == LibrarySource.PoetryLock && toml.Find("package", index, "category")?.Value is StringValueSyntax { Value: "dev" };
            facts.Libraries.Add(new LibraryFact(d.Path, Span(d, start, text.DocOffset(text.Length) + 1), $"{n.Value} {v.Value}",
                Pep508Requirement.NormalizeName(n.Value), VersionText.WithoutLocal(set), source) { IsDevelopmentOnly = dev });
        }
    }
}
