using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.Core.Parsing.Workflows;

/// <summary>YAML through YamlDotNet's representation model, with errors as values and positions as
/// document offsets.</summary>
public static class YamlText
{
    /// <summary>Loads the first document; false with a 1-based line and message when the YAML is malformed.</summary>
    public static bool TryLoad(string text, out YamlNode? root, out int errorLine, out string? error)
    {
        root = null;
        errorLine = 0;
        error = null;
        int deep = Nesting.LineTooDeep(text, yaml: true);
        if (deep > 0)
        {
            errorLine = deep;
            error = Nesting.Message();
            return false;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            return true;
        }
        catch (YamlException e)
        {
            errorLine = (int)Math.Max(1, e.Start.Line);
            error = e.Message.Split('\n')[0];
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed input (an unterminated flow sequence, a stray '@')
            errorLine = LastScannableLine(text);
            error = "the YAML cannot be parsed";
            return false;
        }
    }

    /// <summary>The line where the YAML scanner stops making sense, for a diagnostic.</summary>
    public static int LastScannableLine(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        long line = 1;
        try
        {
            while (scanner.MoveNext()) line = scanner.Current?.End.Line ?? line;
        }
        catch (Exception)
        {
            // stop at the first token the scanner cannot read
        }
        return (int)Math.Max(1, line);
    }

    /// <summary>Document offset of a node's start.</summary>
    public static int Offset(YamlNode node, LineIndex lines)
    {
        var m = node.Start;
        if (m.Line < 1) return 0;
        if (m.Line > lines.LineCount) return lines.Text.Length;
        return Math.Min(lines.Text.Length, lines.LineStart((int)m.Line) + (int)m.Column - 1);
    }

    /// <summary>1-based line of a node.</summary>
    public static int Line(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    /// <summary>The scalar's value mapped to document offsets: exact for plain and simple quoted scalars,
    /// line by line for literal/folded blocks when the value matches the source lines, else all at the start.</summary>
    public static OffsetText ScalarText(YamlScalarNode node, LineIndex lines)
    {
        string value = node.Value ?? "";
        int start = Offset(node, lines);
        string text = lines.Text;
        switch (node.Style)
        {
            case ScalarStyle.Plain:
                if (start + value.Length <= text.Length && string.CompareOrdinal(text, start, value, 0, value.Length) == 0)
                {
                    return OffsetText.Contiguous(value, start);
                }
                break;
            case ScalarStyle.SingleQuoted:
            case ScalarStyle.DoubleQuoted:
                if (start + 1 + value.Length <= text.Length && string.CompareOrdinal(text, start + 1, value, 0, value.Length) == 0)
                {
                    return OffsetText.Contiguous(value, start + 1);
                }
                break;
            case ScalarStyle.Literal:
                return MapBlock(value, (int)node.Start.Line, lines);
        }
        var b = new OffsetText.Builder();
        foreach (char c in value) b.Append(c, start);
        return b.Build();
    }

    // A literal block's lines are the source lines after the indicator, minus the common indentation.
    private static OffsetText MapBlock(string value, int indicatorLine, LineIndex lines)
    {
        var b = new OffsetText.Builder();
        var valueLines = value.Split('\n');
        int line = indicatorLine + 1;
        for (int k = 0; k < valueLines.Length; k++)
        {
            string v = valueLines[k];
            if (k == valueLines.Length - 1 && v.Length == 0) break;
            while (v.Length > 0 && line <= lines.LineCount && lines.GetLine(line).Trim().Length == 0 && !lines.GetLine(line).EndsWith(v, StringComparison.Ordinal))
            {
                line++;
            }
            int lineStart = line <= lines.LineCount ? lines.LineStart(line) : lines.Text.Length;
            string src = line <= lines.LineCount ? lines.GetLine(line) : "";
            int col = v.Length == 0 ? 0 : src.LastIndexOf(v, StringComparison.Ordinal);
            if (col < 0) col = 0;
            for (int c = 0; c < v.Length; c++) b.Append(v[c], lineStart + col + c);
            if (k < valueLines.Length - 1) b.Append('\n', lineStart + src.Length);
            line++;
        }
        return b.Build();
    }

    public static YamlNode? Get(YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map) return null;
        foreach (var kv in map.Children)
        {
            if (kv.Key is YamlScalarNode k && k.Value == key) return kv.Value;
        }
        return null;
    }

    public static YamlScalarNode? KeyNode(YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map) return null;
        foreach (var kv in map.Children)
        {
            if (kv.Key is YamlScalarNode k && k.Value == key) return k;
        }
        return null;
    }

    public static string? Scalar(YamlNode? node) => node is YamlScalarNode s ? s.Value : null;
}
