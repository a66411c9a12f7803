namespace MLOpsLint.Core.Python.Tokens;

/// <summary>
/// Python tokenizer following CPython's lexical rules and its <c>tokenize</c> module's token stream
/// (NEWLINE/NL/INDENT/DEDENT/COMMENT, positions). It never throws on bad input: what it cannot read becomes an
/// <see cref="PyTokenKind.ErrorToken"/> plus a <see cref="PyLexError"/>, and the rest of the text is still read.
/// </summary>
public static class PythonTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> (a leading U+FEFF is skipped; columns on line 1 start after it).</summary>
    public static PyToken[] Tokenize(string text, FStringMode mode = FStringMode.Nested) =>
        Tokenize(text, mode, out _);

    public static PyToken[] Tokenize(string text, FStringMode mode, out IReadOnlyList<PyLexError> errors)
    {
        var buffer = new TokenBuffer(Math.Max(16, text.Length / 4));
        var errorList = new List<PyLexError>();
        new PythonLexer(text, 0, text.Length, 1, mode, buffer, errorList).Run();
        errors = errorList;
        return buffer.ToArray();
    }

    /// <summary>Tokenizes <c>text[start..end)</c> as one module whose first line is <paramref name="firstLine"/>,
    /// appending to <paramref name="tokens"/> (used for notebook cells, one module each).</summary>
    internal static void TokenizeRange(string text, int start, int end, int firstLine, FStringMode mode, TokenBuffer tokens, List<PyLexError> errors) =>
        new PythonLexer(text, start, end, firstLine, mode, tokens, errors).Run();
}

/// <summary>A growable array of tokens (no per-token allocation).</summary>
internal sealed class TokenBuffer
{
    private PyToken[] items;

    public TokenBuffer(int capacity) => items = new PyToken[capacity];

    public int Count { get; private set; }

    public void Add(in PyToken token)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }
        items[Count++] = token;
    }

    public PyToken[] ToArray()
    {
        var result = new PyToken[Count];
        Array.Copy(items, result, Count);
        return result;
    }
}
