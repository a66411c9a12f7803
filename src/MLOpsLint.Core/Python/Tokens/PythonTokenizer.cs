using MLOpsLint.Core.Text;

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
/// A growable array of tokens (no per-token allocation) on arrays from a pool of power-of-two sizes. Either the
/// exact-size result is copied out and the array goes back (<see cref="ToArrayAndReturn"/>), or the module keeps the
/// array and gives it back when it is released (<see cref="Detach"/>/<see cref="Return"/>): a large repository then
/// tokenizes into a few reused arrays instead of allocating one per module (the front end's largest allocation, much
/// of it on the large object heap).
/// </summary>
internal sealed class TokenBuffer
{
    /// <summary>Arrays up to this many tokens (28 bytes each) are pooled.</summary>
    private const int MaxPooled = 1 << 18;

    /// <summary>Like the parser's <c>ScratchPool</c>: a pool that never trims (the shared one trims on gen-2 collections).</summary>
    private static readonly System.Buffers.ArrayPool<PyToken> Pool =
        System.Buffers.ArrayPool<PyToken>.Create(maxArrayLength: MaxPooled, maxArraysPerBucket: 16);

    private PyToken[] items;

    private TokenBuffer(PyToken[] items) => this.items = items;

    /// <summary>A buffer for about <paramref name="textLength"/> characters of source (about one token per four).</summary>
    public static TokenBuffer Rent(int textLength) => new(Pool.Rent(Math.Max(64, Math.Min(textLength / 4, MaxPooled))));

    public int Count { get; private set; }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public void Add(in PyToken token)
    {
        if (Count == items.Length)
        {
            var larger = items.Length * 2 <= MaxPooled ? Pool.Rent(items.Length * 2) : new PyToken[items.Length * 2];
            items.AsSpan(0, Count).CopyTo(larger);
            Return(items);
            items = larger;
        }
        items[Count++] = token;
    }

    /// <summary>The tokens, exact size; the array goes back to the pool.</summary>
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
    /// does when its document releases it). A module that is never released keeps at most about four times the room
    /// its tokens need.
    /// </summary>
    public PyToken[] Detach(out int count)
    {
        count = Count;
        if (items.Length > 4 * Count + 256) return ToArrayAndReturn();
        var result = items;
        items = Array.Empty<PyToken>();
        Count = 0;
        return result;
    }

    /// <summary>Gives <paramref name="array"/> (which nothing reads any more) back to the pool, when it came from there.</summary>
    public static void Return(PyToken[] array)
    {
        int n = array.Length;
        if (n >= 16 && n <= MaxPooled && (n & (n - 1)) == 0) Pool.Return(array);
    }
}
