namespace MLOpsLint.Core.Secrets;

/// <summary>A <c>key = value</c> / <c>key: value</c> / <c>"key": "value"</c> pair found on a line of a configuration file.</summary>
public readonly record struct KeyValue(string Key, int KeyStart, string Value, int ValueStart, int ValueEnd);

/// <summary>
/// Reads name/value pairs out of configuration-like text without parsing the whole format: YAML (<c>key: value</c>,
/// <c>- key: value</c>), JSON (<c>"key": "value"</c>, several per line), TOML/INI/.cfg/.env (<c>key = value</c>),
/// shell (<c>export KEY=value</c>, <c>--password=value</c>, <c>--token value</c>) and Dockerfiles (<c>ENV KEY=value</c>,
/// <c>ENV KEY value</c>, <c>ARG KEY=value</c>). Only lines that mention a secret-like word are read. Comments are
/// skipped. Bounded loops only: linear in the line length.
/// </summary>
public static class KeyValueScanner
{
    /// <summary>Reads every line that holds a name fragment (<see cref="SecretNames.Fragments"/>), in order: the text is
    /// searched for the next fragment, not tested line by line.</summary>
    public static void Scan(string text, List<KeyValue> results, bool shellWords = false)
    {
        int next = SecretNames.IndexOfFragment(text, 0, text.Length);
        while (next >= 0)
        {
            int lineStart = next == 0 ? 0 : text.LastIndexOf('\n', next - 1) + 1;
            int lineEnd = text.IndexOf('\n', next);
            if (lineEnd < 0) lineEnd = text.Length;
            int contentEnd = lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            ScanLine(text, lineStart, contentEnd, results, shellWords);
            if (lineEnd >= text.Length) break;
            next = SecretNames.IndexOfFragment(text, lineEnd + 1, text.Length);
        }
    }

    internal static void ScanLine(string text, int start, int end, List<KeyValue> results, bool shellWords)
    {
        int i = start;
        while (i < end && (text[i] == ' ' || text[i] == '\t')) i++;
        if (i >= end) return;
        if (text[i] == '#' || text[i] == ';' || (text[i] == '/' && i + 1 < end && text[i + 1] == '/')) return; // comment line
        // Dockerfile ENV KEY value (legacy form, one pair)
        if (StartsWithWord(text, i, end, "ENV") && TryLegacyEnv(text, i + 3, end, results)) return;

        while (i < end)
        {
            char c = text[i];
            if (c == '#' && (i == start || text[i - 1] == ' ' || text[i - 1] == '\t')) return; // trailing comment
            if (c == '"' || c == '\'' || IsKeyStart(c))
            {
                if (i > start && IsKeyChar(text[i - 1]) && c != '"' && c != '\'')
                {
                    i++;
                    continue;
                }
                int next = TryPair(text, i, end, results, shellWords);
                i = next > i ? next : i + 1;
                continue;
            }
            i++;
        }
    }

    private static int TryPair(string text, int i, int end, List<KeyValue> results, bool shellWords)
    {
        int keyStart, keyEnd, p;
        char q = text[i];
        if (q == '"' || q == '\'')
        {
            keyStart = i + 1;
            keyEnd = keyStart;
            while (keyEnd < end && text[keyEnd] != q && keyEnd - keyStart < 100) keyEnd++;
            if (keyEnd >= end || text[keyEnd] != q) return i + 1;
            p = keyEnd + 1;
        }
        else
        {
            keyStart = i;
            keyEnd = i;
            while (keyEnd < end && IsKeyChar(text[keyEnd])) keyEnd++;
            p = keyEnd;
        }
        if (keyEnd == keyStart) return p;
        int sepStart = p;
        while (p < end && (text[p] == ' ' || text[p] == '\t')) p++;
        bool flag = keyStart >= 2 && text[keyStart - 1] == '-' && text[keyStart - 2] == '-';
        if (p < end && (text[p] == '=' || text[p] == ':'))
        {
            if (text[p] == ':' && p + 1 < end && text[p + 1] == '=') p++;
            if (text[p] == ':' && p + 1 < end && text[p + 1] == ':') return p + 2; // C++/PHP scope, not a pair
            p++;
            if (text[p - 1] == '=' && p < end && text[p] == '>') p++; // 'password' => '…' (PHP, Ruby, Perl hashes)
        }
        else if (flag && shellWords && p > sepStart)
        {
            // --token value
        }
        else
        {
            return keyEnd;
        }
        while (p < end && (text[p] == ' ' || text[p] == '\t')) p++;
        if (p >= end) return p;
        int valueStart, valueEnd, after;
        char vq = text[p];
        if (vq == '"' || vq == '\'' || vq == '`')
        {
            valueStart = p + 1;
            valueEnd = valueStart;
            while (valueEnd < end && text[valueEnd] != vq)
            {
                if (text[valueEnd] == '\\' && vq == '"') valueEnd++;
                valueEnd++;
            }
            if (valueEnd > end) valueEnd = end;
            after = Math.Min(end, valueEnd + 1);
        }
        else
        {
            valueStart = p;
            valueEnd = p;
            bool stopAtSpace = shellWords;
            while (valueEnd < end)
            {
                char c = text[valueEnd];
                if (c == ',' || c == '}' || c == ']' || c == ';' || c == '"' || c == '\'') break;
                if ((c == ' ' || c == '\t') && (stopAtSpace || (valueEnd + 1 < end && text[valueEnd + 1] == '#'))) break;
                valueEnd++;
            }
            while (valueEnd > valueStart && (text[valueEnd - 1] == ' ' || text[valueEnd - 1] == '\t')) valueEnd--;
            after = valueEnd;
        }
        if (valueEnd > valueStart)
        {
            results.Add(new KeyValue(text.Substring(keyStart, keyEnd - keyStart), keyStart, text.Substring(valueStart, valueEnd - valueStart), valueStart, valueEnd));
        }
        return after;
    }

    private static bool TryLegacyEnv(string text, int i, int end, List<KeyValue> results)
    {
        int k = i;
        while (k < end && (text[k] == ' ' || text[k] == '\t')) k++;
        int keyStart = k;
        while (k < end && IsKeyChar(text[k])) k++;
        if (k == keyStart || k >= end || text[k] == '=' || (text[k] != ' ' && text[k] != '\t')) return false;
        int keyEnd = k;
        while (k < end && (text[k] == ' ' || text[k] == '\t')) k++;
        int valueStart = k, valueEnd = end;
        if (valueStart < end && (text[valueStart] == '"' || text[valueStart] == '\''))
        {
            char q = text[valueStart];
            int close = text.IndexOf(q, valueStart + 1, end - valueStart - 1);
            valueStart++;
            valueEnd = close < 0 ? end : close;
        }
        while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1])) valueEnd--;
        if (valueEnd <= valueStart) return false;
        results.Add(new KeyValue(text.Substring(keyStart, keyEnd - keyStart), keyStart, text.Substring(valueStart, valueEnd - valueStart), valueStart, valueEnd));
        return true;
    }

    private static bool StartsWithWord(string text, int i, int end, string word) =>
        i + word.Length < end && string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (text[i + word.Length] == ' ' || text[i + word.Length] == '\t');

    private static bool IsKeyStart(char c) => CharSets.IsAsciiLetter(c) || c == '_';

    private static bool IsKeyChar(char c) => CharSets.IsAsciiLetter(c) || CharSets.IsDigit(c) || c == '_' || c == '-' || c == '.';
}
