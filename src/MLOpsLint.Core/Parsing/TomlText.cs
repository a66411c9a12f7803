using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace MLOpsLint.Core.Parsing;

/// <summary>A TOML parse error with its 1-based position.</summary>
public sealed record TomlError(int Line, int Column, string Message);

/// <summary>TOML through Tomlyn, with errors as values (line and column) instead of exceptions.</summary>
public static class TomlText
{
    public static bool TryParse(string text, string sourceName, out TomlTable table, out TomlError? error)
    {
        if (TooDeep(text) is { } deep)
        {
            error = deep;
            table = new TomlTable();
            return false;
        }
        var syntax = SyntaxParser.Parse(text, sourceName);
        foreach (var d in syntax.Diagnostics)
        {
            if (d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error)
            {
                error = new TomlError(d.Span.Start.Line + 1, d.Span.Start.Column + 1, d.Message);
                table = new TomlTable();
                return false;
            }
        }
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
            error = null;
            return true;
        }
        catch (TomlException e)
        {
            error = new TomlError(Math.Max(1, e.Line ?? 1), Math.Max(1, e.Column ?? 1), FirstLine(e.Message));
            table = new TomlTable();
            return false;
        }
    }

    /// <summary>Nesting past Tomlyn's limit (<see cref="Text.Nesting.MaxTomlDepth"/>), found before Tomlyn sees it.</summary>
    public static TomlError? TooDeep(string text)
    {
        int line = Text.Nesting.LineTooDeep(text, Text.Nesting.MaxTomlDepth);
        return line == 0 ? null : new TomlError(line, 1, Text.Nesting.Message(Text.Nesting.MaxTomlDepth));
    }

    /// <summary>Follows a dotted path of tables (<c>tool</c>, <c>mlops-lint</c>); null when a step is missing.</summary>
    public static TomlTable? Table(TomlTable root, params string[] path)
    {
        TomlTable current = root;
        foreach (var key in path)
        {
            if (!current.TryGetValue(key, out var next) || next is not TomlTable t) return null;
            current = t;
        }
        return current;
    }

    /// <summary>1-based line of the first line that defines <paramref name="key"/> (as <c>key =</c> or a
    /// <c>[...key]</c> header) — good enough to point a configuration message at the right line.</summary>
    public static int? LineOf(string text, string key)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var l = lines[i].Trim();
            if (l.StartsWith(key, StringComparison.Ordinal) && l.Substring(key.Length).TrimStart().StartsWith("=", StringComparison.Ordinal)) return i + 1;
            if (l.StartsWith("\"" + key + "\"", StringComparison.Ordinal)) return i + 1;
            if (l.StartsWith("[", StringComparison.Ordinal) && l.TrimEnd(']').EndsWith(key, StringComparison.Ordinal)) return i + 1;
        }
        return null;
    }

    private static string FirstLine(string message)
    {
        int nl = message.IndexOf('\n');
        return nl < 0 ? message : message.Substring(0, nl);
    }
}
