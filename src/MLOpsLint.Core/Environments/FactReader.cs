using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing;
using MLOpsLint.Core.Parsing.Requirements;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Versioning;
using MLOpsLint.Core.Versioning.Pep440;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using SourceSpan = MLOpsLint.Core.Findings.SourceSpan;

namespace MLOpsLint.Core.Environments;

/// <summary>
/// Reads the facts of one file — Python versions, library versions, CUDA versions, .NET target frameworks and
/// images — reusing the shared parsers (requirements, manifests, Dockerfile, workflows, MSBuild). Never throws on bad
/// input: what cannot be read is left out (and malformed lock files are noted in <see cref="DocumentFacts.Problems"/>).
/// </summary>
public static partial class FactReader
{
    private static readonly Regex TfmPattern = new(@"^net(?:coreapp)?(\d+)\.(\d+)(?:-[A-Za-z0-9.]+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The facts of a document, computed once and cached on it.</summary>
    public static DocumentFacts Of(SourceDocument document) =>
        !document.HasText ? DocumentFacts.None : document.GetOrAdd(Read);

    /// <summary>True for files that can hold facts (a cheap test on the path).</summary>
    public static bool MayHoldFacts(SourceDocument d)
    {
        if (!d.HasText) return false;
        switch (d.Kind)
        {
            case DocumentKind.Dockerfile: case DocumentKind.Requirements: case DocumentKind.PyProject: case DocumentKind.Pipfile:
            case DocumentKind.SetupCfg: case DocumentKind.CondaEnvironment: case DocumentKind.GitHubWorkflow: case DocumentKind.MSBuild:
                return true;
            case DocumentKind.LockFile:
                return d.FileName.ToLowerInvariant() is "pipfile.lock" or "poetry.lock" or "uv.lock";
            case DocumentKind.Notebook:
                return d.GetOrAdd(x => new TextSign(x.Text.Contains("install", StringComparison.Ordinal) || x.Text.Contains("\"language_info\"", StringComparison.Ordinal))).Value;
            case DocumentKind.Json:
                return IsDevContainerFile(d.Path);
            case DocumentKind.Yaml:
                return d.GetOrAdd(x => new TextSign(MayBeDeploymentManifest(x.Text))).Value;
        }
        string name = d.FileName.ToLowerInvariant();
        return name is ".python-version" or ".tool-versions" or "runtime.txt" or "tox.ini";
    }

    /// <summary>The kinds and names <see cref="MayHoldFacts"/> may accept, by path alone.</summary>
    public static bool MaySummarize(SourceDocument d) => d.Kind switch
    {
        DocumentKind.Dockerfile or DocumentKind.Requirements or DocumentKind.PyProject or DocumentKind.Pipfile or DocumentKind.SetupCfg
            or DocumentKind.CondaEnvironment or DocumentKind.GitHubWorkflow or DocumentKind.MSBuild or DocumentKind.LockFile
            or DocumentKind.Notebook or DocumentKind.Json or DocumentKind.Yaml => true,
        _ => d.FileName.ToLowerInvariant() is ".python-version" or ".tool-versions" or "runtime.txt" or "tox.ini",
    };

    /// <summary>Reads the document's facts while its text is at hand (the document pass of the environment checks).</summary>
    public static void Summarize(SourceDocument d)
    {
        if (MayHoldFacts(d)) Of(d);
    }

    private static DocumentFacts Read(SourceDocument d)
    {
        var facts = new DocumentFacts();
        if (!MayHoldFacts(d)) return facts;
        string name = d.FileName.ToLowerInvariant();
        try
        {
            switch (d.Kind)
            {
                case DocumentKind.Dockerfile: ReadDockerfile(d, facts); return facts;
                case DocumentKind.Requirements: ReadRequirements(d, facts); return facts;
                case DocumentKind.PyProject: ReadPyProject(d, facts); return facts;
                case DocumentKind.Pipfile: ReadPipfile(d, facts); return facts;
                case DocumentKind.SetupCfg: ReadSetupCfg(d, facts); return facts;
                case DocumentKind.CondaEnvironment: ReadConda(d, facts); return facts;
                case DocumentKind.GitHubWorkflow: ReadWorkflow(d, facts); return facts;
                case DocumentKind.MSBuild: ReadMSBuild(d, facts); return facts;
                case DocumentKind.LockFile: ReadLock(d, facts); return facts;
                case DocumentKind.Notebook: ReadNotebook(d, facts); return facts;
                case DocumentKind.Yaml: ReadDeploymentManifest(d, facts); return facts;
                case DocumentKind.Json: ReadDevContainer(d, facts); return facts;
            }
            switch (name)
            {
                case ".python-version": ReadDotPythonVersion(d, facts); break;
                case ".tool-versions": ReadToolVersions(d, facts); break;
                case "runtime.txt": ReadRuntimeTxt(d, facts); break;
                case "tox.ini": ReadTox(d, facts); break;
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            facts.Problems.Add((1, "could not read versions: " + e.Message));
        }
        return facts;
    }

    internal static SourceSpan Span(SourceDocument d, int start, int end) => d.Lines.GetSpan(start, Math.Max(start + 1, end));

    private static SourceSpan LineSpan(SourceDocument d, int line, string lineText, string value)
    {
        int col = Math.Max(0, lineText.IndexOf(value, StringComparison.Ordinal));
        int start = d.Lines.LineStart(line) + col;
        return Span(d, start, start + value.Length);
    }

    // ------------------------------------------------------------------ simple Python version files

    private static void ReadDotPythonVersion(SourceDocument d, DocumentFacts facts)
    {
        for (int l = 1; l <= d.Lines.LineCount; l++)
        {
            string line = d.Lines.GetLine(l);
            string t = line.Trim();
            if (t.Length == 0 || t.StartsWith("#", StringComparison.Ordinal)) continue;
            // pyenv allows several versions (the first is the default); uv and rye read the first.
            if (PythonVersion.TryParse(t, out var v) && v.Variant == null)
            {
                facts.Python.Add(new PythonFact(d.Path, LineSpan(d, l, line, t), t, PythonSource.DotPythonVersion, v.ToSpecifierSet(), v));
            }
            return;
        }
    }

    private static void ReadToolVersions(SourceDocument d, DocumentFacts facts)
    {
        for (int l = 1; l <= d.Lines.LineCount; l++)
        {
            string line = d.Lines.GetLine(l);
            int hash = line.IndexOf('#');
            var words = (hash >= 0 ? line.Substring(0, hash) : line).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || words[0] != "python") continue;
            if (PythonVersion.TryParse(words[1], out var v) && v.Variant == null)
            {
                facts.Python.Add(new PythonFact(d.Path, LineSpan(d, l, line, words[1]), "python " + words[1], PythonSource.ToolVersions, v.ToSpecifierSet(), v));
            }
            return;
        }
    }

    private static void ReadRuntimeTxt(SourceDocument d, DocumentFacts facts)
    {
        for (int l = 1; l <= d.Lines.LineCount; l++)
        {
            string line = d.Lines.GetLine(l);
            string t = line.Trim();
            if (t.Length == 0 || t.StartsWith("#", StringComparison.Ordinal)) continue;
            if (!t.StartsWith("python-", StringComparison.OrdinalIgnoreCase)) return;
            if (PythonVersion.TryParse(t.Substring(7), out var v) && v.Variant == null)
            {
                facts.Python.Add(new PythonFact(d.Path, LineSpan(d, l, line, t), t, PythonSource.RuntimeTxt, v.ToSpecifierSet(), v));
            }
            return;
        }
    }

    private static readonly Regex ToxFactor = new(@"^(?:py|pypy)(\d)(\d{1,2})$|^(?:py|pypy)(\d)\.(\d{1,2})$", RegexOptions.CultureInvariant);

    private static void ReadTox(SourceDocument d, DocumentFacts facts)
    {
        bool inTox = false, inEnvlist = false;
        // py{37,38}-pandas{10,14}-sklearn{020,10} expands to 8 environments on 2 Pythons: one fact per Python and line
        var seen = new HashSet<(int Line, string Factor)>();
        for (int l = 1; l <= d.Lines.LineCount; l++)
        {
            string line = d.Lines.GetLine(l);
            string t = line.Trim();
            if (t.StartsWith("[", StringComparison.Ordinal))
            {
                inTox = t == "[tox]";
                inEnvlist = false;
                continue;
            }
            if (!inTox || t.StartsWith("#", StringComparison.Ordinal) || t.StartsWith(";", StringComparison.Ordinal)) continue;
            string value;
            bool indented = line.Length > 0 && char.IsWhiteSpace(line[0]);
            if (!indented)
            {
                int eq = line.IndexOf('=');
                inEnvlist = eq > 0 && line.Substring(0, eq).Trim() is "envlist" or "env_list";
                if (!inEnvlist) continue;
                value = line.Substring(eq + 1);
            }
            else if (inEnvlist)
            {
                value = line;
            }
            else
            {
                continue;
            }
            foreach (var item in SplitTopLevel(value))
            {
                foreach (var env in ExpandBraces(item.Trim()))
                {
                    foreach (var factor in env.Split('-'))
                    {
                        var m = ToxFactor.Match(factor);
                        if (!m.Success || !seen.Add((l, factor))) continue;
                        string ver = m.Groups[1].Success ? m.Groups[1].Value + "." + m.Groups[2].Value : m.Groups[3].Value + "." + m.Groups[4].Value;
                        var v = PythonVersion.Parse(ver);
                        string shown = item.Trim().Contains("{") ? item.Trim() : factor;
                        facts.Python.Add(new PythonFact(d.Path, LineSpan(d, l, line, shown), factor, PythonSource.Tox, v.ToSpecifierSet(), v));
                    }
                }
            }
        }
    }

    private static IEnumerable<string> SplitTopLevel(string value)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '{') depth++;
            else if (value[i] == '}') depth--;
            else if (value[i] == ',' && depth == 0)
            {
                yield return value.Substring(start, i - start);
                start = i + 1;
            }
        }
        if (start < value.Length) yield return value.Substring(start);
    }

    /// <summary><c>py3{9,10}-django</c> → <c>py39-django</c>, <c>py310-django</c>.</summary>
    internal static IEnumerable<string> ExpandBraces(string s)
    {
        int open = s.IndexOf('{');
        int close = open < 0 ? -1 : s.IndexOf('}', open);
        if (open < 0 || close < 0)
        {
            yield return s;
            yield break;
        }
        foreach (var alt in s.Substring(open + 1, close - open - 1).Split(','))
        {
            foreach (var rest in ExpandBraces(s.Substring(close + 1)))
            {
                yield return s.Substring(0, open) + alt.Trim() + rest;
            }
        }
    }

    // ------------------------------------------------------------------ manifests

    private static TomlSyntaxIndex? Toml(SourceDocument d, DocumentFacts facts)
    {
        if (TomlText.TooDeep(d.Text) is { } deep)
        {
            facts.Problems.Add((deep.Line, "TOML " + deep.Message));
            return null;
        }
        var syntax = SyntaxParser.Parse(d.Text, d.Path);
        var error = syntax.Diagnostics.FirstOrDefault(x => x.Kind == DiagnosticMessageKind.Error);
        if (error != null)
        {
            facts.Problems.Add((error.Span.Start.Line + 1, "malformed TOML: " + error.Message));
            return null;
        }
        return TomlSyntaxIndex.Build(syntax);
    }

    private static void AddTomlPython(SourceDocument d, DocumentFacts facts, TomlSyntaxIndex.Entry? entry, PythonSource source, bool poetry)
    {
        if (entry?.Value is not StringValueSyntax s || s.Value is not { } value) return;
        var text = TomlSyntaxIndex.StringText(s);
        var span = Span(d, text.DocOffset(0), text.DocOffset(text.Length));
        if (poetry && PythonVersion.TryParse(value.Trim(), out var line) && line.Variant == null)
        {
            facts.Python.Add(new PythonFact(d.Path, span, value, source, line.ToSpecifierSet(), line));
            return;
        }
        var set = poetry ? VersionText.FromPoetry(value) : Pep440SpecifierSet.TryParse(value, out var p) ? p : null;
        if (set == null || set.Specifiers.Count == 0) return;
        facts.Python.Add(new PythonFact(d.Path, span, value, source, set, null));
    }

    private static void ReadPyProject(SourceDocument d, DocumentFacts facts)
    {
        var toml = Toml(d, facts);
        if (toml == null) return;
        AddTomlPython(d, facts, toml.Find("project", "requires-python"), PythonSource.RequiresPython, poetry: false);
        AddTomlPython(d, facts, toml.Find("tool", "poetry", "dependencies", "python"), PythonSource.PoetryPython, poetry: true);
        AddManifestLibraries(d, facts);
    }

    private static void ReadPipfile(SourceDocument d, DocumentFacts facts)
    {
        var toml = Toml(d, facts);
        if (toml == null) return;
        foreach (var key in new[] { "python_full_version", "python_version" })
        {
            if (toml.Find("requires", key)?.Value is StringValueSyntax s && s.Value != null
                && PythonVersion.TryParse(s.Value, out var v) && v.Variant == null)
            {
                var text = TomlSyntaxIndex.StringText(s);
                facts.Python.Add(new PythonFact(d.Path, Span(d, text.DocOffset(0), text.DocOffset(text.Length)), s.Value, PythonSource.Pipfile, v.ToSpecifierSet(), v));
                break;
            }
        }
        AddManifestLibraries(d, facts);
    }

    private static void ReadSetupCfg(SourceDocument d, DocumentFacts facts)
    {
        string section = "";
        for (int l = 1; l <= d.Lines.LineCount; l++)
        {
            string line = d.Lines.GetLine(l);
            string t = line.Trim();
            if (t.StartsWith("[", StringComparison.Ordinal)) { section = t.Trim('[', ']').Trim(); continue; }
            if (section != "options" || line.Length == 0 || char.IsWhiteSpace(line[0])) continue;
            int eq = line.IndexOfAny(new[] { '=', ':' });
            if (eq <= 0 || line.Substring(0, eq).Trim() != "python_requires") continue;
            string value = line.Substring(eq + 1).Trim();
            int hash = value.IndexOf(" #", StringComparison.Ordinal);
            if (hash >= 0) value = value.Substring(0, hash).Trim();
            if (Pep440SpecifierSet.TryParse(value, out var set) && set.Specifiers.Count > 0)
            {
                facts.Python.Add(new PythonFact(d.Path, LineSpan(d, l, line, value), value, PythonSource.SetupCfgPythonRequires, set, null));
            }
        }
        AddManifestLibraries(d, facts);
    }

    private static void ReadConda(SourceDocument d, DocumentFacts facts)
    {
        var manifest = PythonManifest.Of(d);
        if (manifest == null) return;
        foreach (var dep in manifest.Dependencies.Where(x => x.Conda != null && x.IsInterpreter))
        {
            var py = VersionText.PythonFrom(dep.Conda!.Version);
            if (py == null) continue;
            var span = Span(d, dep.Start, dep.Start + dep.Text.Length - dep.Conda.NameStart);
            facts.Python.Add(new PythonFact(d.Path, span, dep.Text.Trim(), PythonSource.CondaEnvironment, py.Value.Admitted, py.Value.Version));
        }
        AddManifestLibraries(d, facts);
    }

    /// <summary>conda package names that are a pip package under another name.</summary>
    private static readonly Dictionary<string, string> CondaAliases = new(StringComparer.Ordinal)
    {
        ["pytorch"] = "torch", ["py-xgboost"] = "xgboost", ["py-lightgbm"] = "lightgbm", ["pytorch-cpu"] = "torch",
        ["pytorch-gpu"] = "torch", ["tensorflow-base"] = "tensorflow",
    };

    private static void AddManifestLibraries(SourceDocument d, DocumentFacts facts)
    {
        var manifest = PythonManifest.Of(d);
        if (manifest == null) return;
        foreach (var dep in manifest.Dependencies)
        {
            if (dep.IsInterpreter || dep.Pinning is Pinning.Reference or Pinning.Unpinned) continue;
            if (dep.Group is DependencyGroupKind.Optional or DependencyGroupKind.Constraint) continue;
            Pep440SpecifierSet? set = dep.Requirement?.Specifiers
                ?? (dep.Conda != null ? VersionText.FromConda(dep.Conda.Version)
                    : VersionText.FromPoetry(dep.Version));
            if (set == null || set.Specifiers.Count == 0) continue;
            string name = dep.NormalizedName;
            if (dep.Conda != null && CondaAliases.TryGetValue(name, out var alias)) name = alias;
            var source = d.Kind == DocumentKind.CondaEnvironment ? LibrarySource.CondaEnvironment : LibrarySource.Manifest;
            int end = dep.Syntax is "poetry" or "pipfile" ? dep.End
                : dep.Start + Math.Max(dep.End - dep.Start, dep.Text.Trim().Length - (dep.Conda?.NameStart ?? dep.Requirement?.NameStart ?? 0));
            facts.Libraries.Add(new LibraryFact(d.Path, Span(d, dep.Start, Math.Min(d.Text.Length, end)), dep.Text.Trim(), name,
                VersionText.WithoutLocal(set), source) { IsDevelopmentOnly = dep.Group == DependencyGroupKind.Development });
            if (dep.Requirement != null) AddWheelCuda(d, facts, dep.Requirement, Span(d, dep.Start, Math.Min(d.Text.Length, end)));
        }
    }

    // ------------------------------------------------------------------ requirements files

    private static readonly HashSet<string> TorchFamily = new(StringComparer.Ordinal) { "torch", "torchvision", "torchaudio", "torchtext", "torchdata" };

    private static readonly Regex TorchIndex = new(@"download\.pytorch\.org/whl/(?:nightly/)?cu(\d+)(?:/|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static void ReadRequirements(SourceDocument d, DocumentFacts facts)
    {
        var file = RequirementsFile.Of(d);
        foreach (var e in file.Entries)
        {
            if (e.Requirement is not { } r || e.Reference != null) continue;
            var span = Span(d, e.Start, e.End);
            if (r.HasVersion)
            {
                facts.Libraries.Add(new LibraryFact(d.Path, span, e.Text, r.NormalizedName, VersionText.WithoutLocal(r.Specifiers), LibrarySource.Requirements));
            }
            AddWheelCuda(d, facts, r, span);
        }
        foreach (var o in file.Options)
        {
            if (o.Name is not ("--index-url" or "--extra-index-url") || o.Value == null) continue;
            AddIndexCuda(d, facts, o.Value, Span(d, o.Start, o.End),
                file.Entries.Where(e => e.Requirement is { } r && TorchFamily.Contains(r.NormalizedName) && VersionText.LocalOf(r.Specifiers) == null)
                    .Select(e => e.Requirement!.NormalizedName));
        }
    }

    private static readonly Regex CudaLocal = new(@"^cu(\d+)$|^cuda(\d+)(?:\.(\d+))?(?:\.|$)", RegexOptions.CultureInvariant);
    private static readonly Regex JaxCudaExtra = new(@"^cuda(\d+)(?:_pip|_local)?$", RegexOptions.CultureInvariant);

    /// <summary>torch/torchvision <c>+cu121</c>, jaxlib <c>+cuda12.cudnn89</c>, <c>jax[cuda12]</c>.</summary>
    private static void AddWheelCuda(SourceDocument d, DocumentFacts facts, Pep508Requirement r, SourceSpan span)
    {
        string name = r.NormalizedName;
        if (TorchFamily.Contains(name) || name == "jaxlib")
        {
            string? local = VersionText.LocalOf(r.Specifiers);
            if (local == null) return;
            var m = CudaLocal.Match(local.ToLowerInvariant());
            if (!m.Success) return;
            if (m.Groups[1].Success)
            {
                if (CudaFromDigits(m.Groups[1].Value) is { } cu) facts.Cuda.Add(new CudaFact(d.Path, span, r.Text.Trim(), CudaSource.Wheel, cu.Major, cu.Minor, name));
            }
            else
            {
                int major = int.Parse(m.Groups[2].Value);
                int? minor = m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : null;
                facts.Cuda.Add(new CudaFact(d.Path, span, r.Text.Trim(), CudaSource.Wheel, major, minor, name));
            }
            return;
        }
        if (name == "jax")
        {
            foreach (var extra in r.Extras)
            {
                var m = JaxCudaExtra.Match(extra.ToLowerInvariant());
                if (m.Success) facts.Cuda.Add(new CudaFact(d.Path, span, r.Text.Trim(), CudaSource.Wheel, int.Parse(m.Groups[1].Value), null, "jax"));
            }
        }
    }

    /// <summary><c>121</c> → 12.1, <c>118</c> → 11.8, <c>92</c> → 9.2.</summary>
    internal static (int Major, int Minor)? CudaFromDigits(string digits)
    {
        if (digits.Length < 2 || digits.Length > 3) return null;
        int major = int.Parse(digits.Substring(0, digits.Length - 1));
        int minor = digits[digits.Length - 1] - '0';
        return major is >= 7 and <= 20 ? (major, minor) : null;
    }

    private static void AddIndexCuda(SourceDocument d, DocumentFacts facts, string url, SourceSpan span, IEnumerable<string> torchPackages)
    {
        var m = TorchIndex.Match(url);
        if (!m.Success || CudaFromDigits(m.Groups[1].Value) is not { } cu) return;
        string? subject = torchPackages.FirstOrDefault();
        if (subject == null) return;
        facts.Cuda.Add(new CudaFact(d.Path, span, url, CudaSource.WheelIndex, cu.Major, cu.Minor, subject));
    }

    internal static void AddInstallFacts(SourceDocument d, DocumentFacts facts, InstallCommand install, IReadOnlyList<ShellWord> words,
        Func<int, int, SourceSpan>? spanOf = null, LibrarySource source = LibrarySource.DockerInstall)
    {
        spanOf ??= (start, end) => Span(d, start, end);
        if (install.Installer is Installer.Pip or Installer.UvPip)
        {
            var torch = new List<string>();
            foreach (var w in install.Packages)
            {
                if (w.HasExpansion || !Pep508Requirement.TryParse(w.Value, out var r, out _) || r.Url != null) continue;
                var span = spanOf(w.Start, w.End);
                if (r.HasVersion)
                {
                    facts.Libraries.Add(new LibraryFact(d.Path, span, w.Value, r.NormalizedName, VersionText.WithoutLocal(r.Specifiers), source));
                }
                AddWheelCuda(d, facts, r, span);
                if (TorchFamily.Contains(r.NormalizedName) && VersionText.LocalOf(r.Specifiers) == null) torch.Add(r.NormalizedName);
            }
            for (int i = 0; i < words.Count; i++)
            {
                string v = words[i].Value;
                string? url = null;
                ShellWord at = words[i];
                if (v is "--index-url" or "-i" or "--extra-index-url" or "--index" or "--default-index")
                {
                    if (i + 1 < words.Count) { at = words[i + 1]; url = at.Value; }
                }
                else if (v.StartsWith("--index-url=", StringComparison.Ordinal) || v.StartsWith("--extra-index-url=", StringComparison.Ordinal))
                {
                    url = v.Substring(v.IndexOf('=') + 1);
                }
                if (url != null) AddIndexCuda(d, facts, url, spanOf(at.Start, at.End), torch);
            }
        }
        else if (install.Installer == Installer.Conda)
        {
            foreach (var w in install.Packages)
            {
                if (w.HasExpansion) continue;
                var spec = CondaSpec.Parse(w.Value);
                if (spec.Name.Length == 0 || !spec.HasVersion) continue;
                string name = spec.NormalizedName;
                if (name == "python") continue;
                if (CondaAliases.TryGetValue(name, out var alias)) name = alias;
                var set = VersionText.FromConda(spec.Version);
                if (set == null || set.Specifiers.Count == 0) continue;
                facts.Libraries.Add(new LibraryFact(d.Path, spanOf(w.Start, w.End), w.Value, name, VersionText.WithoutLocal(set), source));
            }
        }
    }

    // ------------------------------------------------------------------ .NET projects

    private static readonly Regex TfmElement = new(@"<(TargetFrameworks?)>\s*([^<]*?)\s*</\1>", RegexOptions.CultureInvariant);

    private static void ReadMSBuild(SourceDocument d, DocumentFacts facts)
    {
        foreach (Match m in TfmElement.Matches(d.Text))
        {
            var best = default((int Major, int Minor, string Text, int Offset)?);
            int valueStart = m.Groups[2].Index;
            foreach (var raw in m.Groups[2].Value.Split(';'))
            {
                string tfm = raw.Trim();
                var t = TfmPattern.Match(tfm);
                if (!t.Success) continue;
                int major = int.Parse(t.Groups[1].Value), minor = int.Parse(t.Groups[2].Value);
                if (major >= 4 && major < 5 && !tfm.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase)) continue; // net48 is .NET Framework
                // Multi-targeting: the lowest target is the one an older runtime could still run.
                if (best == null || major < best.Value.Major || (major == best.Value.Major && minor < best.Value.Minor))
                {
                    best = (major, minor, tfm, valueStart + m.Groups[2].Value.IndexOf(tfm, StringComparison.Ordinal));
                }
            }
            if (best is { } b)
            {
                facts.DotNet.Add(new DotNetFact(d.Path, Span(d, b.Offset, b.Offset + b.Text.Length), b.Text, DotNetSource.TargetFramework, b.Major, b.Minor));
            }
        }
    }
}
