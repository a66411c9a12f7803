using MLOpsLint.Core.Parsing;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Parsing.Workflows;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.Core.Parsing.Requirements;

public enum DependencyGroupKind
{
    /// <summary><c>[project.dependencies]</c>, Poetry/Pipfile main packages, setup.cfg <c>install_requires</c>, conda dependencies.</summary>
    Runtime,
    /// <summary>Optional dependencies / extras.</summary>
    Optional,
    /// <summary>Development groups: PEP 735 dependency-groups, Poetry groups, uv/PDM dev-dependencies, Pipfile dev-packages.</summary>
    Development,
    /// <summary>uv <c>constraint-dependencies</c> / <c>override-dependencies</c>.</summary>
    Constraint,
}

public enum Pinning
{
    /// <summary>No version at all (<c>numpy</c>, Poetry/Pipfile <c>"*"</c>).</summary>
    Unpinned,
    /// <summary>A range (<c>&gt;=1.2</c>, <c>^1.2</c>, <c>~=1.2</c>, <c>==1.*</c>, conda <c>=1.26</c>).</summary>
    Range,
    /// <summary>One version (<c>==1.2.3</c>, Poetry <c>"1.2.3"</c>, conda <c>=1.26.4=build</c>).</summary>
    Exact,
    /// <summary>A URL, VCS or path reference (see <see cref="ManifestDependency.Reference"/>).</summary>
    Reference,
}

/// <summary>One dependency declared in a Python manifest, with its place in the document.</summary>
public sealed class ManifestDependency
{
    public ManifestDependency(string name, string text, int start, int end, Pinning pinning, DependencyGroupKind group, string groupName)
    {
        Name = name;
        Text = text;
        Start = start;
        End = end;
        Pinning = pinning;
        Group = group;
        GroupName = groupName;
    }

    /// <summary>The name as written.</summary>
    public string Name { get; }

    public string NormalizedName => Pep508Requirement.NormalizeName(Name);

    /// <summary>The declaration as written (<c>numpy&gt;=1.2</c>, <c>numpy = "^1.2"</c>, <c>numpy=1.26</c>).</summary>
    public string Text { get; }

    /// <summary>Document offsets of the name (or of the whole entry when there is none).</summary>
    public int Start { get; }

    public int End { get; }

    public Pinning Pinning { get; }

    public DependencyGroupKind Group { get; }

    /// <summary>Where it is declared, in the file's own terms: <c>[project.dependencies]</c>,
    /// <c>[tool.poetry.group.dev.dependencies]</c>, <c>dependencies</c>, <c>pip</c>…</summary>
    public string GroupName { get; }

    public DirectReference? Reference { get; init; }

    /// <summary>The parsed PEP 508 requirement, when the declaration is one.</summary>
    public Pep508Requirement? Requirement { get; init; }

    /// <summary>The conda match spec, for conda dependencies.</summary>
    public CondaSpec? Conda { get; init; }

    /// <summary>The version constraint as written (<c>&gt;=1.2</c>, <c>^1.2</c>, <c>*</c>), or empty.</summary>
    public string Version { get; init; } = "";

    /// <summary>True for the interpreter itself (Poetry's <c>python</c> key, conda's <c>python</c>).</summary>
    public bool IsInterpreter => NormalizedName == "python";

    /// <summary>Which syntax to use in a fix: "pep508", "poetry", "pipfile", "conda".</summary>
    public string Syntax { get; init; } = "pep508";
}

/// <summary>
/// The dependencies a Python manifest declares — <c>pyproject.toml</c> (PEP 621, PEP 735, Poetry, PDM, uv),
/// <c>Pipfile</c>, <c>setup.cfg</c>, conda <c>environment.yml</c> (with its <c>pip:</c> list) — with positions,
/// plus what decides application vs library (build system, Poetry package mode).
/// </summary>
public sealed class PythonManifest
{
    public DocumentKind Kind { get; private set; }

    public List<ManifestDependency> Dependencies { get; } = new();

    /// <summary>Offsets of the tables/keys that hold runtime dependencies (for file-level findings).</summary>
    public int? DependenciesAnchor { get; private set; }

    /// <summary><c>[build-system]</c> is present (pyproject) — the project builds a distribution.</summary>
    public bool HasBuildSystem { get; private set; }

    /// <summary>Poetry <c>package-mode = false</c>, or a uv <c>[tool.uv] package = false</c>: explicitly not a package.</summary>
    public bool IsNonPackage { get; private set; }

    /// <summary>The distribution's name (<c>[project] name</c>, <c>[tool.poetry] name</c>, setup.cfg <c>[metadata] name</c>), or null.</summary>
    public string? ProjectName { get; private set; }

    /// <summary>Dependencies read from another file (<c>dynamic = ["dependencies"]</c> with
    /// <c>[tool.setuptools.dynamic] dependencies = {file = [...]}</c>): the files named, or empty.</summary>
    public List<string> DependencyFiles { get; } = new();

    /// <summary>Scripts declared (<c>[project.scripts]</c>, Poetry scripts).</summary>
    public bool HasScripts { get; private set; }

    /// <summary>conda <c>pip:</c> items that are <c>-r file</c> includes (value, document offset).</summary>
    public List<(string Path, int Offset)> PipIncludes { get; } = new();

    public List<(int Offset, string Message)> Errors { get; } = new();

    /// <summary>The parsed form of a manifest document (computed once per document); null for other kinds.</summary>
    public static PythonManifest? Of(SourceDocument document) => document.Kind switch
    {
        DocumentKind.PyProject or DocumentKind.Pipfile or DocumentKind.SetupCfg or DocumentKind.CondaEnvironment =>
            document.GetOrAdd(d => Parse(d)),
        _ => null,
    };

    public static PythonManifest Parse(SourceDocument document)
    {
        var m = new PythonManifest { Kind = document.Kind };
        switch (document.Kind)
        {
            case DocumentKind.PyProject: m.ParsePyProject(document.Text); break;
            case DocumentKind.Pipfile: m.ParsePipfile(document.Text); break;
            case DocumentKind.SetupCfg: m.ParseSetupCfg(document.Text); break;
            case DocumentKind.CondaEnvironment: m.ParseConda(document); break;
        }
        return m;
    }

    // ---------------------------------------------------------------- TOML

    private static int OffsetOfLine(string text, int line)
    {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) offset = text.IndexOf('\n', offset) + 1;
        return Math.Max(0, offset);
    }

    private TomlSyntaxIndex? LoadToml(string text)
    {
        if (TomlText.TooDeep(text) is { } deep)
        {
            Errors.Add((OffsetOfLine(text, deep.Line), "TOML " + deep.Message));
            return null;
        }
        var syntax = SyntaxParser.Parse(text, "manifest");
        foreach (var d in syntax.Diagnostics)
        {
            if (d.Kind == DiagnosticMessageKind.Error)
            {
                Errors.Add((d.Span.Start.Offset, "malformed TOML: " + d.Message));
                return null;
            }
        }
        return TomlSyntaxIndex.Build(syntax);
    }

    private void ParsePyProject(string text)
    {
        var toml = LoadToml(text);
        if (toml == null) return;
        HasBuildSystem = toml.HasTable("build-system");
        ProjectName = ((toml.Find("project", "name") ?? toml.Find("tool", "poetry", "name") ?? toml.Find("tool", "flit", "metadata", "module"))?.Value as StringValueSyntax)?.Value;
        if (toml.Find("tool", "setuptools", "dynamic", "dependencies")?.Value is InlineTableSyntax dynamic)
        {
            foreach (var item in dynamic.Items)
            {
                if (item.KeyValue is not { } kv || kv.Key?.ToString().Trim() != "file") continue;
                if (kv.Value is StringValueSyntax one && one.Value is { } f) DependencyFiles.Add(f);
                else if (kv.Value is ArraySyntax files) DependencyFiles.AddRange(files.Items.Select(i => (i.Value as StringValueSyntax)?.Value).OfType<string>());
            }
        }
        HasScripts = toml.HasTable("project", "scripts") || toml.HasTable("project", "gui-scripts") || toml.HasTable("tool", "poetry", "scripts");
        if (toml.Find("tool", "poetry", "package-mode")?.Value is BooleanValueSyntax { Value: false }
            || toml.Find("tool", "uv", "package")?.Value is BooleanValueSyntax { Value: false })
        {
            IsNonPackage = true;
        }

        var deps = toml.Find("project", "dependencies");
        if (deps != null)
        {
            DependenciesAnchor = TomlSyntaxIndex.Offset(deps.KeyNode);
            AddPep508Array(deps.Value, DependencyGroupKind.Runtime, "[project.dependencies]");
        }
        foreach (var extra in toml.Children("project", "optional-dependencies"))
        {
            AddPep508Array(extra.Value, DependencyGroupKind.Optional, $"[project.optional-dependencies] {extra.Key}");
        }
        foreach (var group in toml.Children("dependency-groups"))
        {
            AddPep508Array(group.Value, DependencyGroupKind.Development, $"[dependency-groups] {group.Key}");
        }
        var uvDev = toml.Find("tool", "uv", "dev-dependencies");
        if (uvDev != null) AddPep508Array(uvDev.Value, DependencyGroupKind.Development, "[tool.uv] dev-dependencies");
        foreach (var key in new[] { "constraint-dependencies", "override-dependencies" })
        {
            var c = toml.Find("tool", "uv", key);
            if (c != null) AddPep508Array(c.Value, DependencyGroupKind.Constraint, "[tool.uv] " + key);
        }
        foreach (var source in toml.Children("tool", "uv", "sources"))
        {
            AddSourceTable(source, "[tool.uv.sources]");
        }
        foreach (var group in toml.Children("tool", "pdm", "dev-dependencies"))
        {
            AddPep508Array(group.Value, DependencyGroupKind.Development, $"[tool.pdm.dev-dependencies] {group.Key}");
        }

        var poetryDeps = toml.Children("tool", "poetry", "dependencies").ToList();
        if (poetryDeps.Count > 0 || toml.Tables.Any(t => t.Path.SequenceEqual(new[] { "tool", "poetry", "dependencies" })))
        {
            var header = toml.Tables.FirstOrDefault(t => t.Path.SequenceEqual(new[] { "tool", "poetry", "dependencies" }));
            DependenciesAnchor ??= header != null ? TomlSyntaxIndex.Offset(header.KeyNode)
                : poetryDeps.Count > 0 ? TomlSyntaxIndex.Offset(poetryDeps[0].KeyNode) : null;
        }
        foreach (var dep in poetryDeps) AddPoetry(dep, DependencyGroupKind.Runtime, "[tool.poetry.dependencies]");
        foreach (var dep in toml.Children("tool", "poetry", "dev-dependencies"))
        {
            AddPoetry(dep, DependencyGroupKind.Development, "[tool.poetry.dev-dependencies]");
        }
        var groupNames = toml.Entries
            .Where(e => e.Path.Count == 6 && e.Path[0] == "tool" && e.Path[1] == "poetry" && e.Path[2] == "group" && e.Path[4] == "dependencies")
            .Select(e => e.Path[3]).Distinct().ToList();
        foreach (var g in groupNames)
        {
            foreach (var dep in toml.Children("tool", "poetry", "group", g, "dependencies"))
            {
                AddPoetry(dep, DependencyGroupKind.Development, $"[tool.poetry.group.{g}.dependencies]");
            }
        }
    }

    private void AddPep508Array(ValueSyntax? value, DependencyGroupKind group, string groupName)
    {
        if (value is not ArraySyntax array) return;
        foreach (var item in array.Items)
        {
            if (item.Value is StringValueSyntax s) AddPep508(TomlSyntaxIndex.StringText(s), group, groupName);
        }
    }

    private void AddPep508(OffsetText text, DependencyGroupKind group, string groupName)
    {
        if (!Pep508Requirement.TryParse(text.Text, out var req, out var error))
        {
            Errors.Add((text.DocOffset(0), $"cannot read requirement '{text.Text}': {error}"));
            return;
        }
        DirectReference? reference = req.Url == null ? null : DirectReference.Parse(req.Url);
        var pinning = reference != null ? Pinning.Reference : req.IsExactPin ? Pinning.Exact : req.HasVersion ? Pinning.Range : Pinning.Unpinned;
        Dependencies.Add(new ManifestDependency(req.Name, text.Text, text.DocOffset(req.NameStart), text.DocOffset(req.NameEnd - 1) + 1, pinning, group, groupName)
        {
            Requirement = req,
            Reference = reference,
            Version = req.SpecifierText,
        });
    }

    private void AddSourceTable(TomlSyntaxIndex.Entry source, string groupName)
    {
        if (source.Value is not InlineTableSyntax table) return;
        var reference = ReferenceFromTable(table, out _);
        if (reference == null || reference.Kind == DirectReferenceKind.Local) return;
        int start = TomlSyntaxIndex.Offset(source.KeyNode);
        Dependencies.Add(new ManifestDependency(source.Key, source.Key + " = " + table.ToString()?.Trim(), start, start + source.Key.Length,
            Pinning.Reference, DependencyGroupKind.Runtime, groupName) { Reference = reference, Syntax = "poetry" });
    }

    // Poetry / Pipfile table forms: {git = "...", rev|ref|tag|branch = "..."}, {url = "..."}, {path = "..."}, {file = "..."}.
    private static DirectReference? ReferenceFromTable(InlineTableSyntax table, out string? version)
    {
        version = null;
        string? git = null, rev = null, url = null, path = null;
        foreach (var item in table.Items)
        {
            var kv = item.KeyValue;
            if (kv?.Key == null) continue;
            string key = string.Join(".", TomlSyntaxIndex.KeyPath(kv.Key));
            string? v = (kv.Value as StringValueSyntax)?.Value;
            switch (key)
            {
                case "version": version = v; break;
                case "git": git = v; break;
                case "rev": case "ref": case "tag": case "branch": rev = key == "branch" ? (v ?? "") + "\u0000branch" : v; break;
                case "url": case "file": url = v; break;
                case "path": path = v; break;
            }
        }
        if (git != null)
        {
            string revision = rev == null ? "" : "@" + rev.Replace("\u0000branch", "");
            string g = git.StartsWith("git+", StringComparison.Ordinal) ? git : "git+" + git;
            return DirectReference.Parse(g + revision);
        }
        if (url != null) return DirectReference.Parse(url);
        if (path != null) return DirectReference.Parse(path.StartsWith(".", StringComparison.Ordinal) || path.StartsWith("/", StringComparison.Ordinal) ? path : "./" + path);
        return null;
    }

    private void AddPoetry(TomlSyntaxIndex.Entry dep, DependencyGroupKind group, string groupName) =>
        AddTomlConstraint(dep, group, groupName, poetry: true);

    private void AddTomlConstraint(TomlSyntaxIndex.Entry dep, DependencyGroupKind group, string groupName, bool poetry)
    {
        string name = dep.Key;
        int start = TomlSyntaxIndex.Offset(dep.KeyNode);
        int end = start + Math.Max(1, dep.KeyNode.Span.End.Offset - start + 1);
        string syntax = poetry ? "poetry" : "pipfile";
        string? version;
        DirectReference? reference = null;
        switch (dep.Value)
        {
            case StringValueSyntax s:
                version = s.Value;
                break;
            case InlineTableSyntax t:
                reference = ReferenceFromTable(t, out version);
                break;
            case ArraySyntax:
                // Poetry multiple-constraint dependencies: a list of tables, each with a version and markers.
                version = null;
                break;
            default:
                return;
        }
        if (reference != null)
        {
            Dependencies.Add(new ManifestDependency(name, name + " = " + dep.Value!.ToString()?.Trim(), start, end, Pinning.Reference, group, groupName)
            { Reference = reference, Syntax = syntax });
            return;
        }
        if (dep.Value is ArraySyntax arr)
        {
            var versions = arr.Items.Select(i => i.Value).OfType<InlineTableSyntax>()
                .Select(t => { ReferenceFromTable(t, out var v); return v; }).ToList();
            var pin = versions.Count > 0 && versions.All(v => v != null && PoetryPinning(v, poetry) == Pinning.Exact) ? Pinning.Exact
                : versions.Any(v => v != null && v.Trim() != "*") ? Pinning.Range : Pinning.Unpinned;
            Dependencies.Add(new ManifestDependency(name, name + " = [...]", start, end, pin, group, groupName) { Syntax = syntax });
            return;
        }
        var pinning = version == null ? Pinning.Unpinned : PoetryPinning(version, poetry);
        Dependencies.Add(new ManifestDependency(name, $"{name} = \"{version ?? "*"}\"", start, end, pinning, group, groupName)
        { Version = version ?? "", Syntax = syntax });
    }

    /// <summary>Poetry and Pipfile version strings. Poetry reads a bare version (<c>"1.2.3"</c>) as exact;
    /// <c>^</c>, <c>~</c>, <c>*</c>, wildcards and comparison operators are ranges.</summary>
    public static Pinning PoetryPinning(string version, bool poetry)
    {
        string v = version.Trim();
        if (v.Length == 0 || v == "*") return Pinning.Unpinned;
        if (v.Contains(",") || v.Contains("||") || v.Contains("*") || v.StartsWith("^", StringComparison.Ordinal)
            || v.StartsWith("~", StringComparison.Ordinal) || v.StartsWith(">", StringComparison.Ordinal)
            || v.StartsWith("<", StringComparison.Ordinal) || v.StartsWith("!", StringComparison.Ordinal))
        {
            return Pinning.Range;
        }
        if (v.StartsWith("===", StringComparison.Ordinal)) return Pinning.Exact;
        if (v.StartsWith("==", StringComparison.Ordinal)) return Pinning.Exact;
        if (v.StartsWith("=", StringComparison.Ordinal)) return poetry ? Pinning.Exact : Pinning.Range;
        // A bare version: exact for Poetry; pipenv treats it as "==" too.
        return char.IsDigit(v[0]) ? Pinning.Exact : Pinning.Range;
    }

    private void ParsePipfile(string text)
    {
        var toml = LoadToml(text);
        if (toml == null) return;
        var header = toml.Tables.FirstOrDefault(t => t.Path.Count == 1 && t.Path[0] == "packages");
        if (header != null) DependenciesAnchor = TomlSyntaxIndex.Offset(header.KeyNode);
        foreach (var dep in toml.Children("packages")) AddTomlConstraint(dep, DependencyGroupKind.Runtime, "[packages]", poetry: false);
        foreach (var dep in toml.Children("dev-packages")) AddTomlConstraint(dep, DependencyGroupKind.Development, "[dev-packages]", poetry: false);
    }

    // ---------------------------------------------------------------- setup.cfg (INI)

    private void ParseSetupCfg(string text)
    {
        var lines = new Text.LineIndex(text);
        string section = "";
        string? key = null;
        for (int l = 1; l <= lines.LineCount; l++)
        {
            string line = lines.GetLine(l);
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith(";", StringComparison.Ordinal))
            {
                continue;
            }
            bool indented = line.Length > 0 && (line[0] == ' ' || line[0] == '\t');
            if (!indented && trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                section = trimmed.Trim('[', ']').Trim();
                key = null;
                continue;
            }
            int valueStart;
            if (!indented)
            {
                int eq = line.IndexOfAny(new[] { '=', ':' });
                if (eq < 0) { key = null; continue; }
                key = line.Substring(0, eq).Trim();
                valueStart = eq + 1;
                if (section == "options" && key == "install_requires") DependenciesAnchor ??= lines.LineStart(l);
                if (section == "metadata" && key == "name") ProjectName ??= line.Substring(valueStart).Trim();
            }
            else
            {
                valueStart = 0;
            }
            if (key == null) continue;
            var group = section == "options" && key == "install_requires" ? DependencyGroupKind.Runtime
                : section == "options.extras_require" ? DependencyGroupKind.Optional
                : (DependencyGroupKind?)null;
            if (group == null) continue;
            string value = line.Substring(valueStart);
            int hash = value.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) value = value.Substring(0, hash);
            foreach (var (s, e) in SplitItems(value, semicolonsSeparate: false))
            {
                int docStart = lines.LineStart(l) + valueStart + s;
                AddPep508(OffsetText.Contiguous(value.Substring(s, e - s), docStart), group.Value,
                    group == DependencyGroupKind.Runtime ? "[options] install_requires" : $"[options.extras_require] {key}");
            }
        }
    }

    private static IEnumerable<(int Start, int End)> SplitItems(string value, bool semicolonsSeparate)
    {
        int i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && char.IsWhiteSpace(value[i])) i++;
            int start = i;
            while (i < value.Length && value[i] != '\n') i++;
            int end = i;
            while (end > start && char.IsWhiteSpace(value[end - 1])) end--;
            if (end > start) yield return (start, end);
        }
    }

    // ---------------------------------------------------------------- conda environment.yml

    private void ParseConda(SourceDocument document)
    {
        if (!YamlText.TryLoad(document.Text, out var root, out int errorLine, out var error))
        {
            int off = errorLine <= document.Lines.LineCount ? document.Lines.LineStart(errorLine) : 0;
            Errors.Add((off, "malformed YAML: " + error));
            return;
        }
        var key = YamlText.KeyNode(root, "dependencies");
        if (key != null) DependenciesAnchor = YamlText.Offset(key, document.Lines);
        if (YamlText.Get(root, "dependencies") is not YamlSequenceNode deps) return;
        foreach (var item in deps.Children)
        {
            if (item is YamlScalarNode s)
            {
                var text = YamlText.ScalarText(s, document.Lines);
                var spec = CondaSpec.Parse(text.Text);
                if (spec.Name.Length == 0) continue;
                var pinning = spec.IsExactPin ? Pinning.Exact : spec.HasVersion ? Pinning.Range : Pinning.Unpinned;
                int nameStart = text.DocOffset(spec.NameStart);
                Dependencies.Add(new ManifestDependency(spec.Name, text.Text, nameStart, nameStart + spec.Name.Length, pinning,
                    DependencyGroupKind.Runtime, "dependencies") { Conda = spec, Version = spec.Version, Syntax = "conda" });
            }
            else if (item is YamlMappingNode map && YamlText.Get(map, "pip") is YamlSequenceNode pip)
            {
                foreach (var p in pip.Children.OfType<YamlScalarNode>())
                {
                    var text = YamlText.ScalarText(p, document.Lines);
                    var file = RequirementsFile.ParseItem(text);
                    foreach (var o in file.Includes) PipIncludes.Add((o.Value!, o.ValueStart));
                    foreach (var e in file.Entries) AddPipEntry(e);
                }
            }
        }
    }

    private void AddPipEntry(RequirementEntry e)
    {
        if (e.Kind == RequirementEntryKind.Path) return;
        var (start, end) = e.NameRange;
        if (e.Reference != null)
        {
            Dependencies.Add(new ManifestDependency(e.NormalizedName ?? e.Text, e.Text, start, end, Pinning.Reference, DependencyGroupKind.Runtime, "pip")
            { Reference = e.Reference, Requirement = e.Requirement });
            return;
        }
        if (e.Requirement is not { } r) return;
        var pinning = r.IsExactPin ? Pinning.Exact : r.HasVersion ? Pinning.Range : Pinning.Unpinned;
        Dependencies.Add(new ManifestDependency(r.Name, e.Text, start, end, pinning, DependencyGroupKind.Runtime, "pip")
        { Requirement = r, Version = r.SpecifierText });
    }
}
