namespace MLOpsLint.Core.Python.Notebooks;

/// <summary>Recognises IPython syntax in notebook cell lines, outside triple-quoted strings.</summary>
internal static class MagicClassifier
{
    /// <summary>Cell magics whose body is Python.</summary>
    private static readonly HashSet<string> PythonBodyMagics = new(StringComparer.Ordinal)
    {
        "time", "timeit", "capture", "prun", "debug", "memit", "mprun", "python", "python3", "pypy", "px",
    };

    private static readonly HashSet<string> ShellBodyMagics = new(StringComparer.Ordinal) { "bash", "sh", "script", "system" };

    /// <summary>What the body lines of a cell opened by <c>%%name</c> are: null for Python.</summary>
    public static MagicKind? BodyKind(string cellMagicName) =>
        PythonBodyMagics.Contains(cellMagicName) ? null : ShellBodyMagics.Contains(cellMagicName) ? MagicKind.Shell : MagicKind.CellMagicBody;

    /// <summary>Classifies a line (not inside a string); true for IPython syntax.</summary>
    public static bool TryClassify(string line, bool firstLineOfCell, out MagicKind kind, out string command)
    {
        string t = line.TrimStart();
        kind = default;
        command = "";
        if (t.Length == 0) return false;
        if (t.StartsWith("%%", StringComparison.Ordinal))
        {
            kind = firstLineOfCell ? MagicKind.CellMagic : MagicKind.LineMagic;
            command = t.Substring(2).TrimEnd();
            return true;
        }
        switch (t[0])
        {
            case '%':
                kind = MagicKind.LineMagic;
                command = t.Substring(1).TrimEnd();
                return true;
            case '!':
                kind = MagicKind.Shell;
                command = t.Substring(1).TrimEnd();
                return true;
            case '?':
                kind = MagicKind.Help;
                command = t.TrimStart('?').TrimEnd();
                return true;
        }
        string r = t.TrimEnd();
        if (r.EndsWith("?", StringComparison.Ordinal) && IsHelpTarget(r.TrimEnd('?')))
        {
            kind = MagicKind.Help;
            command = r.TrimEnd('?');
            return true;
        }
        // x = !ls, x = %env
        int eq = t.IndexOf('=');
        if (eq > 0 && eq + 1 < t.Length && t[eq + 1] != '=' && IsTargetList(t.Substring(0, eq)))
        {
            string rhs = t.Substring(eq + 1).TrimStart();
            if (rhs.Length > 1 && (rhs[0] == '!' || rhs[0] == '%') && rhs[1] != '=')
            {
                kind = rhs[0] == '!' ? MagicKind.Shell : MagicKind.LineMagic;
                command = rhs.Substring(rhs[1] == '%' ? 2 : 1).TrimEnd();
                return true;
            }
        }
        return false;
    }

    private static bool IsHelpTarget(string s)
    {
        if (s.Length == 0 || !(char.IsLetter(s[0]) || s[0] == '_')) return false;
        foreach (char c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '*')) return false;
        }
        return true;
    }

    private static bool IsTargetList(string s)
    {
        if (s.Trim().Length == 0) return false;
        foreach (char c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == ',' || c == ' ' || c == '\t')) return false;
        }
        return true;
    }

    /// <summary>Updates the open triple-quote (null when none) across one line of Python.</summary>
    public static string? TrackTripleQuotes(string line, string? open) => TrackTripleQuotes(line, 0, line.Length, open);

    private const string TripleDouble = "\"\"\"";
    private const string TripleSingle = "'''";

    /// <summary>Updates the open triple-quote (null when none) across the line <c>text[start..end)</c>.</summary>
    public static string? TrackTripleQuotes(string text, int start, int end, string? open)
    {
        int i = start;
        while (i < end)
        {
            if (open != null)
            {
                int close = text.IndexOf(open, i, end - i, StringComparison.Ordinal);
                if (close < 0) return open;
                i = close + 3;
                open = null;
                continue;
            }
            char c = text[i];
            if (c == '#') return null;
            if (c == '\'' || c == '"')
            {
                if (i + 2 < end && text[i + 1] == c && text[i + 2] == c)
                {
                    open = c == '"' ? TripleDouble : TripleSingle;
                    i += 3;
                    continue;
                }
                i++;
                while (i < end && text[i] != c)
                {
                    i += text[i] == '\\' ? 2 : 1;
                }
                i++;
                continue;
            }
            i++;
        }
        return open;
    }
}
