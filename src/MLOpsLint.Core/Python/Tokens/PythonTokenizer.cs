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
        var buffer = TokenBuffer.Rent(text.Length);
        var errorList = new List<PyLexError>();
        new PythonLexer(text, 0, text.Length, 1, mode, buffer, errorList).Run();
        errors = errorList;
        return buffer.ToArrayAndReturn();
    }

    /// <summary>Tokenizes <paramref name="text"/> into a buffer the caller owns (see <see cref="TokenBuffer.Detach"/>):
    /// the tokens are its first <paramref name="count"/> entries.</summary>
    internal static PyToken[] Tokenize(string text, FStringMode mode, List<PyLexError> errors, out int count)
    {
        var buffer = TokenBuffer.Rent(text.Length);
        new PythonLexer(text, 0, text.Length, 1, mode, buffer, errors).Run();
        return buffer.Detach(out count);
    }

    /// <summary>Tokenizes <c>text[start..end)</c> as one module whose first line is <paramref name="firstLine"/>,
    /// appending to <paramref name="tokens"/> (used for notebook cells, one module each).</summary>
    internal static void TokenizeRange(string text, int start, int end, int firstLine, FStringMode mode, TokenBuffer tokens, List<PyLexError> errors) =>
        new PythonLexer(text, start, end, firstLine, mode, tokens, errors).Run();
}

/// <summary>
/// A growable array of tokens (no per-token allocation). The backing array is a per-thread scratch array reused
/// from one tokenization to the next (<see cref="Rent"/>/<see cref="ToArrayAndReturn"/>): only the exact-size
/// result is allocated per module, not a generously sized and then doubled buffer (large object heap); or, with
/// <see cref="Detach"/>/<see cref="Return"/>, the module keeps the scratch array and gives it back when released.
/// </summary>
internal sealed class TokenBuffer
{
    /// <summary>Scratch arrays up to this many tokens (28 bytes each) are kept for the next tokenization.</summary>
    private const int MaxKept = 1 << 18;

    [ThreadStatic]
    private static PyToken[]? scratch;

    private PyToken[] items;

    private TokenBuffer(PyToken[] items) => this.items = items;

    /// <summary>A buffer for about <paramref name="textLength"/> characters of source, on this thread's scratch
    /// array when it is free.</summary>
    public static TokenBuffer Rent(int textLength)
    {
        var array = scratch;
        scratch = null;
        int want = Math.Max(64, Math.Min(textLength / 4, MaxKept));
        if (array == null || array.Length < want) array = new PyToken[want];
        return new TokenBuffer(array);
    }

    public int Count { get; private set; }

    public void Add(in PyToken token)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }
        items[Count++] = token;
    }

    /// <summary>The tokens, exact size; the scratch array goes back for the next tokenization on this thread.</summary>
    public PyToken[] ToArrayAndReturn()
    {
        var result = Count == 0 ? Array.Empty<PyToken>() : items.AsSpan(0, Count).ToArray();
        Return(items);
        items = Array.Empty<PyToken>();
        Count = 0;
        return result;
    }

    /// <summary>
    /// The tokens in their first <paramref name="count"/> entries, without a copy when the array is not much larger than
    /// that: the caller owns the array and may hand it back with <see cref="Return"/> once nothing reads it (a module
    /// does when its document releases it), so that the next module on the thread tokenizes into it. A large repository
    /// then allocates a few token arrays instead of one per module (they are the front end's largest allocation).
    /// </summary>
    public PyToken[] Detach(out int count)
    {
        count = Count;
        if (items.Length > 2 * Count + 64) return ToArrayAndReturn();
        var result = items;
        items = Array.Empty<PyToken>();
        Count = 0;
        return result;
    }

    /// <summary>Keeps <paramref name="array"/> (which nothing reads any more) for the next tokenization on this thread.</summary>
    public static void Return(PyToken[] array)
    {
        if (array.Length > 0 && array.Length <= MaxKept && (scratch == null || scratch.Length < array.Length)) scratch = array;
    }
}
