using MLOpsLint.Core.Parsing.Shell;
using Tomlyn.Syntax;

namespace MLOpsLint.Core.Parsing.Requirements;

/// <summary>
/// Every key/value of a TOML document under its full dotted path (table headers, dotted keys and inline
/// tables flattened), with positions from Tomlyn's syntax tree — so a value found by path also has its
/// line and column. Arrays of tables (<c>[[x]]</c>) are indexed as <c>x</c>, <c>#n</c>.
/// </summary>
public sealed class TomlSyntaxIndex
{
    private readonly List<Entry> entries = new();

    public sealed class Entry
    {
        public Entry(IReadOnlyList<string> path, SyntaxNode keyNode, ValueSyntax? value)
        {
            Path = path;
            KeyNode = keyNode;
            Value = value;
        }

        public IReadOnlyList<string> Path { get; }

        public SyntaxNode KeyNode { get; }

        /// <summary>The value; null for a table header entry.</summary>
        public ValueSyntax? Value { get; }

        public string Key => Path[Path.Count - 1];
    }

    public IReadOnlyList<Entry> Entries => entries;

    /// <summary>Table headers by path (for positions of <c>[tool.poetry.dependencies]</c>).</summary>
    public List<Entry> Tables { get; } = new();

    public static TomlSyntaxIndex Build(DocumentSyntax doc)
    {
        var index = new TomlSyntaxIndex();
        foreach (var kv in doc.KeyValues) index.Add(Array.Empty<string>(), kv);
        var arrayCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in doc.Tables)
        {
            if (table.Name == null) continue;
            var path = KeyPath(table.Name).ToList();
            if (table is TableArraySyntax)
            {
                string k = string.Join("\u0001", path);
                arrayCounts.TryGetValue(k, out int n);
                arrayCounts[k] = n + 1;
                path.Add("#" + n);
            }
            index.Tables.Add(new Entry(path, table.Name, null));
            foreach (var item in table.Items)
            {
                if (item is KeyValueSyntax kv) index.Add(path, kv);
            }
        }
        return index;
    }

    private void Add(IReadOnlyList<string> prefix, KeyValueSyntax kv)
    {
        if (kv.Key == null) return;
        var path = prefix.Concat(KeyPath(kv.Key)).ToArray();
        entries.Add(new Entry(path, kv.Key, kv.Value));
        if (kv.Value is InlineTableSyntax inline)
        {
            foreach (var item in inline.Items)
            {
                if (item.KeyValue != null) Add(path, item.KeyValue);
            }
        }
    }

    public static IEnumerable<string> KeyPath(KeySyntax key)
    {
        if (key.Key != null) yield return KeyText(key.Key);
        foreach (var dot in key.DotKeys)
        {
            if (dot.Key != null) yield return KeyText(dot.Key);
        }
    }

    private static string KeyText(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax s => s.Value ?? "",
        _ => key.ToString()?.Trim() ?? "",
    };

    /// <summary>The value at exactly this path, or null.</summary>
    public Entry? Find(params string[] path) =>
        entries.FirstOrDefault(e => e.Path.Count == path.Length && e.Path.SequenceEqual(path, StringComparer.Ordinal));

    /// <summary>Entries one level below <paramref name="path"/> (the keys of a table).</summary>
    public IEnumerable<Entry> Children(params string[] path) =>
        entries.Where(e => e.Path.Count == path.Length + 1 && e.Path.Take(path.Length).SequenceEqual(path, StringComparer.Ordinal));

    public bool HasTable(params string[] path) =>
        Tables.Any(t => t.Path.Count >= path.Length && t.Path.Take(path.Length).SequenceEqual(path, StringComparer.Ordinal))
        || entries.Any(e => e.Path.Count > path.Length - 1 && e.Path.Take(path.Length).SequenceEqual(path, StringComparer.Ordinal));

    /// <summary>Document offset of a node's first character.</summary>
    public static int Offset(SyntaxNodeBase node) => node.Span.Start.Offset;

    /// <summary>The decoded text of a string value mapped to document offsets (exact when the string has no
    /// escapes, otherwise every character maps to the string's start).</summary>
    public static OffsetText StringText(StringValueSyntax s)
    {
        string value = s.Value ?? "";
        string raw = s.Token?.Text ?? "";
        int start = s.Span.Start.Offset;
        int quote = raw.StartsWith("\"\"\"", StringComparison.Ordinal) || raw.StartsWith("'''", StringComparison.Ordinal) ? 3
            : raw.Length > 0 && (raw[0] == '"' || raw[0] == '\'') ? 1 : 0;
        if (raw.Length >= 2 * quote)
        {
            string inner = raw.Substring(quote, raw.Length - 2 * quote);
            if (inner == value) return OffsetText.Contiguous(value, start + quote);
            int nl = inner.StartsWith("\r\n", StringComparison.Ordinal) ? 2 : inner.StartsWith("\n", StringComparison.Ordinal) ? 1 : 0;
            if (nl > 0 && inner.Substring(nl) == value) return OffsetText.Contiguous(value, start + quote + nl);
        }
        var b = new OffsetText.Builder();
        foreach (char c in value) b.Append(c, start);
        return b.Build();
    }
}
