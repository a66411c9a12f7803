using System.Text.RegularExpressions;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Configuration;

/// <summary>
/// One parsed .editorconfig file: its directory, <c>root</c> flag, and sections in order.
/// Only what the linter needs is interpreted: <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>,
/// <c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c> and
/// <c>dotnet_analyzer_diagnostic.severity</c>, the keys Roslyn reads.
/// </summary>
public sealed class EditorConfigFile
{
    private EditorConfigFile(string directory, bool isRoot, IReadOnlyList<Section> sections)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
    }

    /// <summary>Directory of the file: absolute, '/' separators, no trailing slash ("" for the file system root).</summary>
    public string Directory { get; }

    public bool IsRoot { get; }

    public IReadOnlyList<Section> Sections { get; }

    public static EditorConfigFile Parse(string directory, string text)
    {
        directory = directory.Replace('\\', '/').TrimEnd('/');
        bool isRoot = false;
        var sections = new List<Section>();
        Section? current = null;
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            string line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
            if (line[0] == '[')
            {
                int close = line.LastIndexOf(']');
                string glob = close > 0 ? line.Substring(1, close - 1) : line.Substring(1);
                current = new Section(glob, lineNo);
                sections.Add(current);
                continue;
            }
            int eq = line.IndexOf('=');
            if (eq < 0)
            {
                int colon = line.IndexOf(':');
                if (colon < 0) continue;
                eq = colon;
            }
            string key = line.Substring(0, eq).Trim().ToLowerInvariant();
            string value = StripComment(line.Substring(eq + 1).Trim());
            if (current == null)
            {
                if (key == "root") isRoot = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            current.Properties[key] = (value, lineNo);
        }
        return new EditorConfigFile(directory, isRoot, sections);
    }

    private static string StripComment(string value)
    {
        // Roslyn keeps everything after '=' but users write "warning # why"; keep the first word for severities.
        int hash = value.IndexOf(" #", StringComparison.Ordinal);
        int semi = value.IndexOf(" ;", StringComparison.Ordinal);
        int cut = hash >= 0 && (semi < 0 || hash < semi) ? hash : semi;
        return (cut >= 0 ? value.Substring(0, cut) : value).Trim();
    }

    public sealed class Section
    {
        private readonly Regex? regex;
        private readonly List<(int Min, int Max)> ranges;

        public Section(string glob, int line)
        {
            Glob = glob;
            Line = line;
            string g = glob.Replace('\\', '/');
            bool anchored = g.Contains('/');
            g = g.TrimStart('/');
            string body = Configuration.Glob.Translate(g, out ranges);
            try
            {
                regex = GlobRegex.Create("^" + (anchored ? "" : "(?:.*/)?") + body + "$");
            }
            catch (ArgumentException)
            {
                regex = null; // an unparseable section matches nothing, as in Roslyn
            }
        }

        public string Glob { get; }

        public int Line { get; }

        public Dictionary<string, (string Value, int Line)> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Matches a path relative to the .editorconfig's directory ('/' separators).</summary>
        public bool IsMatch(string relativePath)
        {
            if (regex == null) return false;
            var m = GlobRegex.Match(regex, relativePath);
            if (!m.Success) return false;
            for (int i = 0; i < ranges.Count; i++)
            {
                if (!int.TryParse(m.Groups[i + 1].Value, out int n) || n < ranges[i].Min || n > ranges[i].Max) return false;
            }
            return true;
        }
    }
}

/// <summary>
/// The .editorconfig files that apply to a tree, applied as Roslyn does: files from the outermost
/// (stopping at the nearest <c>root = true</c>) to the closest, sections in file order, later wins;
/// an id-specific key beats a category key, which beats the all-rules key.
/// </summary>
public sealed class EditorConfigSet
{
    private readonly List<EditorConfigFile> files;

    public EditorConfigSet(IEnumerable<EditorConfigFile> files)
    {
        this.files = files.OrderBy(f => f.Directory.Length).ToList();
    }

    public static EditorConfigSet Empty { get; } = new(Array.Empty<EditorConfigFile>());

    public bool IsEmpty => files.Count == 0;

    /// <summary>The severity .editorconfig sets for a rule on a file (absolute path, '/'), or null when it says nothing.</summary>
    public Severity? SeverityFor(string absolutePath, RuleDescriptor rule)
    {
        if (files.Count == 0) return null;
        absolutePath = absolutePath.Replace('\\', '/');
        var applicable = new List<EditorConfigFile>();
        foreach (var f in files)
        {
            if (f.Directory.Length == 0 || absolutePath.StartsWith(f.Directory + "/", StringComparison.Ordinal))
            {
                applicable.Add(f);
            }
        }
        int firstRoot = applicable.FindLastIndex(f => f.IsRoot);
        if (firstRoot > 0) applicable.RemoveRange(0, firstRoot);

        string idKey = "dotnet_diagnostic." + rule.Id.ToLowerInvariant() + ".severity";
        string categoryKey = "dotnet_analyzer_diagnostic.category-" + rule.Family.Category().ToLowerInvariant() + ".severity";
        const string allKey = "dotnet_analyzer_diagnostic.severity";
        Severity? byId = null, byCategory = null, byAll = null;
        foreach (var f in applicable)
        {
            string rel = f.Directory.Length == 0 ? absolutePath.TrimStart('/') : absolutePath.Substring(f.Directory.Length + 1);
            foreach (var s in f.Sections)
            {
                if (s.Properties.Count == 0 || !s.IsMatch(rel)) continue;
                if (s.Properties.TryGetValue(idKey, out var v) && Parse(v.Value) is Severity a) byId = a;
                if (s.Properties.TryGetValue(categoryKey, out v) && Parse(v.Value) is Severity b) byCategory = b;
                if (s.Properties.TryGetValue(allKey, out v) && Parse(v.Value) is Severity c) byAll = c;
            }
        }
        return byId ?? byCategory ?? byAll;
    }

    private static Severity? Parse(string value)
    {
        if (value.Equals("default", StringComparison.OrdinalIgnoreCase)) return null;
        return SeverityNames.TryParse(value, out var s) ? s : null;
    }
}
