using System.Text.RegularExpressions;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// The outputs one DVC file declares: a <c>foo.csv.dvc</c> file (<c>outs: - path: foo.csv</c>), a
/// <c>dvc.yaml</c> (<c>stages.*.outs</c>, <c>metrics</c>, <c>plots</c>, with <c>cache: false</c> honoured) or a
/// <c>dvc.lock</c>. Paths are made repository-relative (relative to the file's directory and the stage's
/// <c>wdir</c>). Malformed YAML leaves <see cref="Error"/> set instead of throwing.
/// </summary>
public sealed class DvcFile
{
    private DvcFile(IReadOnlyList<DvcOutput> outputs, (string Message, int Line)? error)
    {
        Outputs = outputs;
        Error = error;
    }

    public IReadOnlyList<DvcOutput> Outputs { get; }

    public (string Message, int Line)? Error { get; }

    public static bool IsDvcFile(SourceDocument document)
    {
        // asked of every document by several checks: the path's ending first, the file name (a new string) only if it may match
        string path = document.Path;
        if (!path.EndsWith(".dvc", StringComparison.Ordinal) && !path.EndsWith("dvc.yaml", StringComparison.Ordinal) && !path.EndsWith("dvc.lock", StringComparison.Ordinal)) return false;
        string name = document.FileName;
        return name == "dvc.yaml" || name == "dvc.lock"
            || (name.EndsWith(".dvc", StringComparison.Ordinal) && name.Length > 4);
    }

    public static DvcFile Get(SourceDocument document) => document.GetOrAdd(Parse);

    public static DvcFile Parse(SourceDocument document)
    {
        var outputs = new List<DvcOutput>();
        if (!document.HasText) return new DvcFile(outputs, null);
        YamlMappingNode? root;
        int deep = Text.Nesting.LineTooDeep(document.Text, yaml: true);
        if (deep > 0) return new DvcFile(outputs, ("DVC file " + Text.Nesting.Message(), deep));
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(document.Text));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
        }
        catch (YamlException e)
        {
            return new DvcFile(outputs, ($"malformed DVC file: {e.Message}", (int)Math.Max(1, e.Start.Line)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed input (an unterminated flow sequence).
            return new DvcFile(outputs, ("malformed DVC file: the YAML cannot be parsed", Parsing.Workflows.YamlText.LastScannableLine(document.Text)));
        }
        if (root == null) return new DvcFile(outputs, null);

        string path = document.Path;
        string directory = path.IndexOf('/') >= 0 ? path.Substring(0, path.LastIndexOf('/') + 1) : "";
        if (document.FileName is "dvc.yaml" or "dvc.lock")
        {
            if (Child(root, "stages") is YamlMappingNode stages)
            {
                foreach (var stage in stages.Children)
                {
                    if (stage.Value is not YamlMappingNode s) continue;
                    string stageDir = Combine(directory, Scalar(Child(s, "wdir")));
                    foreach (var key in new[] { "outs", "metrics", "plots" })
                    {
                        AddOutputs(outputs, Child(s, key), stageDir, path);
                    }
                }
            }
        }
        else
        {
            AddOutputs(outputs, Child(root, "outs"), Combine(directory, Scalar(Child(root, "wdir"))), path);
        }
        return new DvcFile(outputs, null);
    }

    private static void AddOutputs(List<DvcOutput> outputs, YamlNode? node, string directory, string declaredIn)
    {
        if (node is not YamlSequenceNode list) return;
        foreach (var item in list.Children)
        {
            switch (item)
            {
                case YamlScalarNode scalar: // dvc.yaml: - data/out.csv
                    Add(outputs, scalar.Value, cached: true, directory, declaredIn, (int)scalar.Start.Line);
                    break;
                case YamlMappingNode map when Child(map, "path") is YamlScalarNode p: // .dvc / dvc.lock: - path: x
                    Add(outputs, p.Value, IsCached(map), directory, declaredIn, (int)p.Start.Line);
                    break;
                case YamlMappingNode map: // dvc.yaml: - data/out.csv: {cache: false}
                    foreach (var kv in map.Children)
                    {
                        if (kv.Key is YamlScalarNode k)
                        {
                            bool cached = kv.Value is not YamlMappingNode options || IsCached(options);
                            Add(outputs, k.Value, cached, directory, declaredIn, (int)k.Start.Line);
                        }
                    }
                    break;
            }
        }
    }

    private static bool IsCached(YamlMappingNode map) =>
        !(Scalar(Child(map, "cache")) is string c && c.Equals("false", StringComparison.OrdinalIgnoreCase));

    private static void Add(List<DvcOutput> outputs, string? raw, bool cached, string directory, string declaredIn, int line)
    {
        if (string.IsNullOrWhiteSpace(raw)) return;
        string value = raw!.Trim().Replace('\\', '/');
        if (value.Contains("://") || value.StartsWith("/", StringComparison.Ordinal) || (value.Length > 1 && value[1] == ':')) return;
        string? normal = Normalize(directory + value);
        if (normal == null || normal.Length == 0) return;
        outputs.Add(new DvcOutput(normal, declaredIn, line, cached, normal.Contains("${") ? TemplateRegex(normal) : null));
    }

    private static Regex TemplateRegex(string path)
    {
        var parts = Regex.Split(path, @"\$\{[^}]*\}");
        return GlobRegex.Create("^" + string.Join("[^/]+", parts.Select(Regex.Escape)) + "(?:/.*)?$");
    }

    private static string Combine(string directory, string? wdir)
    {
        if (string.IsNullOrWhiteSpace(wdir)) return directory;
        string w = wdir!.Trim().Replace('\\', '/').TrimEnd('/');
        return w.Length == 0 || w == "." ? directory : directory + w + "/";
    }

    /// <summary>Resolves "." and ".." segments; null when the path leaves the repository.</summary>
    internal static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(segment);
        }
        return string.Join("/", parts);
    }

    private static YamlNode? Child(YamlMappingNode map, string key)
    {
        foreach (var kv in map.Children)
        {
            if (kv.Key is YamlScalarNode k && k.Value == key) return kv.Value;
        }
        return null;
    }

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;
}

/// <summary>One DVC output: a file or directory path, where it is declared, and whether DVC caches it
/// (outputs with <c>cache: false</c> are meant to stay in git). Paths with <c>${…}</c> templates match by
/// <see cref="Template"/>.</summary>
public sealed record DvcOutput(string Path, string DeclaredIn, int Line, bool Cached, Regex? Template)
{
    public bool Covers(string path) => Template != null
        ? Configuration.GlobRegex.IsMatch(Template, path)
        : path == Path || (path.Length > Path.Length && path[Path.Length] == '/' && path.StartsWith(Path, StringComparison.Ordinal));
}
