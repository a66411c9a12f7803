using Newtonsoft.Json.Linq;

namespace MLOpsLint.Cli.Server;

/// <summary>Applies one LSP TextDocumentContentChangeEvent (a range and its new text, or the whole text) to a text.</summary>
internal static class TextChanges
{
    public static string Apply(string text, JToken change)
    {
        string replacement = (string?)change["text"] ?? "";
        if (change["range"] is not JObject range) return replacement;
        int start = Offset(text, (int)range["start"]!["line"]!, (int)range["start"]!["character"]!);
        int end = Offset(text, (int)range["end"]!["line"]!, (int)range["end"]!["character"]!);
        if (end < start) (start, end) = (end, start);
        return text.Substring(0, start) + replacement + text.Substring(end);
    }

    /// <summary>The offset of a 0-based line and UTF-16 character, clamped to the text.</summary>
    internal static int Offset(string text, int line, int character)
    {
        int offset = 0;
        for (int l = 0; l < line; l++)
        {
            int next = text.IndexOf('\n', offset);
            if (next < 0) return text.Length;
            offset = next + 1;
        }
        int lineEnd = text.IndexOf('\n', offset);
        if (lineEnd < 0) lineEnd = text.Length;
        return Math.Min(offset + Math.Max(0, character), lineEnd);
    }
}
