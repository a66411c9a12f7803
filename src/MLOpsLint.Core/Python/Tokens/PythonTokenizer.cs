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
        var tokens = buffer.Detach();
        var result = tokens.ToArray();
        tokens.Release();
        return result;
    }

    /// <summary>Tokenizes <paramref name="text"/> into compact tokens the caller owns (and releases, see
    /// <see cref="CompactTokenList.Release"/>).</summary>
    internal static CompactTokenList TokenizeCompact(string text, FStringMode mode, List<PyLexError> errors)
    {
        var buffer = TokenBuffer.Rent(text.Length);
        new PythonLexer(text, 0, text.Length, 1, mode, buffer, errors).Run();
        return buffer.Detach();
    }

    /// <summary>Tokenizes <c>text[start..end)</c> as one module whose first line is <paramref name="firstLine"/>,
    /// appending to <paramref name="tokens"/> (used for notebook cells, one module each).</summary>
    internal static void TokenizeRange(string text, int start, int end, int firstLine, FStringMode mode, TokenBuffer tokens, List<PyLexError> errors) =>
        new PythonLexer(text, start, end, firstLine, mode, tokens, errors).Run();
}

/// <summary>
/// A growable array of compact tokens (no per-token allocation, 16 bytes each, see <see cref="CompactToken"/>) and the
/// start of each line, on arrays from pools of power-of-two sizes: the module keeps the arrays and gives them back when
/// it is released (<see cref="Detach"/>, <see cref="CompactTokenList.Release"/>), so a large repository tokenizes into a
/// few reused arrays instead of allocating one per module.
/// </summary>
internal sealed class TokenBuffer
{
    /// <summary>Arrays up to this many tokens (16 bytes each) or lines are pooled; a larger module's are kept only weakly
    /// (<see cref="LargeArrayCache{T}"/>).</summary>
    private const int MaxPooled = 1 << 18;

    /// <summary>Like the parser's <c>ScratchPool</c>: pools that never trim (the shared one trims on gen-2 collections).</summary>
    private static readonly System.Buffers.ArrayPool<CompactToken> Pool =
        System.Buffers.ArrayPool<CompactToken>.Create(maxArrayLength: MaxPooled, maxArraysPerBucket: 16);

    private static readonly System.Buffers.ArrayPool<int> LinePool =
        System.Buffers.ArrayPool<int>.Create(maxArrayLength: MaxPooled, maxArraysPerBucket: 16);

    private CompactToken[] items;
    private int[] lineStarts;   // by line number: the offset where the line starts, -1 while no token told
    private int maxLine = -1;   // the highest line number with an entry
    private Dictionary<int, PyToken>? exceptions;
    private int lastLine = -1;      // the line the last derived token ended on, and its start (what Add checks first)
    private int lastLineStart = -1;

    private readonly int textLength;

    private TokenBuffer(CompactToken[] items, int[] lineStarts, int textLength)
    {
        this.items = items;
        this.lineStarts = lineStarts;
        this.textLength = textLength;
    }

    /// <summary>A buffer for about <paramref name="textLength"/> characters of source (about one token per four, one line per forty).</summary>
    public static TokenBuffer Rent(int textLength) =>
        new(RentTokens(Math.Max(64, Math.Min(textLength / 4, MaxPooled))), RentLines(Math.Max(64, Math.Min(textLength / 40, MaxPooled))), textLength);

    private static CompactToken[] RentTokens(int n) => n <= MaxPooled ? Pool.Rent(n) : LargeArrayCache<CompactToken>.Rent(n);

    private static int[] RentLines(int n) => n <= MaxPooled ? LinePool.Rent(n) : LargeArrayCache<int>.Rent(n);

    public int Count { get; private set; }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public void Add(in PyToken token)
    {
        if (Count == items.Length) GrowTokens(token.Start);
        int line = token.Line;
        int start = token.Start - token.Column;
        if (line == lastLine && token.EndLine == line && start == lastLineStart && token.End - token.EndColumn == start)
        {
            // the common case: a one-line token on the line of the token before
            items[Count++] = new CompactToken(token.Kind, token.Start, token.End, line, 0, false);
            return;
        }
        AddOther(token);
    }

    /// <summary><see cref="Add"/> of a token on one line, <paramref name="line"/>, which starts at <paramref name="lineStart"/>:
    /// inlined into the lexer (a call per token), the rest (growing, a token on a new line) out of line.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void AddOnLine(PyTokenKind kind, int start, int end, int line, int lineStart)
    {
        var array = items;
        int count = Count;
        if (line == lastLine && lineStart == lastLineStart && (uint)count < (uint)array.Length)
        {
            array[count] = new CompactToken(kind, start, end, line, 0, false);
            Count = count + 1;
            return;
        }
        AddOnNewLine(kind, start, end, line, lineStart);
    }

    private void AddOnNewLine(PyTokenKind kind, int start, int end, int line, int lineStart)
    {
        if (Count == items.Length) GrowTokens(start);
        if (line == lastLine && lineStart == lastLineStart)
        {
            items[Count++] = new CompactToken(kind, start, end, line, 0, false);
            return;
        }
        AddOther(new PyToken(kind, start, end, line, start - lineStart, line, end - lineStart));
    }

    private void AddOther(in PyToken token)
    {
        int line = token.Line, endLine = token.EndLine;
        int delta = endLine - line;
        bool derived = line >= 0 && delta >= 0 && delta < ushort.MaxValue && endLine < int.MaxValue - 1
            && LineStart(line, token.Start - token.Column) == token.Start - token.Column
            && LineStart(endLine, token.End - token.EndColumn) == token.End - token.EndColumn;
        if (derived)
        {
            lastLine = endLine;
            lastLineStart = lineStarts[endLine];
        }
        else
        {
            (exceptions ??= new())[Count] = token;
        }
        items[Count++] = new CompactToken(token.Kind, token.Start, token.End, derived ? line : 0, derived ? (ushort)delta : (ushort)0, !derived);
    }

    /// <summary>The start of <paramref name="line"/>: the one recorded, or <paramref name="start"/> when this is the first
    /// token to tell.</summary>
    private int LineStart(int line, int start)
    {
        if (line > maxLine)
        {
            if (line >= lineStarts.Length) GrowLines(line);
            lineStarts.AsSpan(maxLine + 1, line - maxLine).Fill(-1);
            maxLine = line;
        }
        ref int slot = ref lineStarts[line];
        if (slot < 0) slot = start;
        return slot;
    }

    /// <summary>Room for more tokens, the next one starting at <paramref name="position"/>: twice the room within the pools'
    /// sizes; past them, what the tokens so far foretell for the whole text (their count in proportion to the text read, and
    /// a sixteenth more), so that a large module grows its array once or twice instead of doubling through sizes it leaves
    /// to the collector.</summary>
    private void GrowTokens(int position)
    {
        long size = (long)items.Length * 2;
        if (size > MaxPooled)
        {
            long foretold = position > 0 && position < textLength ? (long)Count * textLength / position : size;
            size = Math.Max(Count + Count / 4 + 64, foretold + foretold / 16 + 64);
        }
        var larger = RentTokens((int)Math.Min(size, LargeArrayCache<CompactToken>.MaxLength));
        items.AsSpan(0, Count).CopyTo(larger);
        ReturnTokens(items);
        items = larger;
    }

    private void GrowLines(int line)
    {
        int size = lineStarts.Length;
        while (size <= line) size = size <= int.MaxValue / 2 ? size * 2 : int.MaxValue - 1;
        var larger = RentLines(size);
        lineStarts.AsSpan(0, maxLine + 1).CopyTo(larger);
        ReturnLines(lineStarts);
        lineStarts = larger;
    }

    /// <summary>The tokens, in the buffer's arrays (the caller releases them, see <see cref="CompactTokenList.Release"/>);
    /// the arrays are copied to exact-size ones when much larger than needed (a module that is never released then keeps
    /// at most about four times the room its tokens need).</summary>
    public CompactTokenList Detach()
    {
        var tokens = items;
        var lines = lineStarts;
        if (tokens.Length > 4 * Count + 256)
        {
            tokens = items.AsSpan(0, Count).ToArray();
            ReturnTokens(items);
        }
        if (lines.Length > 4 * (maxLine + 1) + 256)
        {
            lines = lineStarts.AsSpan(0, maxLine + 1).ToArray();
            ReturnLines(lineStarts);
        }
        var result = new CompactTokenList(tokens, Count, lines, exceptions);
        items = Array.Empty<CompactToken>();
        lineStarts = Array.Empty<int>();
        exceptions = null;
        Count = 0;
        maxLine = lastLine = lastLineStart = -1;
        return result;
    }

    /// <summary>Gives arrays (which nothing reads any more) back to their pools, when they came from there.</summary>
    public static void Return(CompactToken[] tokens, int[] lines)
    {
        ReturnTokens(tokens);
        ReturnLines(lines);
    }

    private static void ReturnTokens(CompactToken[] array)
    {
        int n = array.Length;
        if (n > MaxPooled) LargeArrayCache<CompactToken>.Return(array);
        else if (n >= 16 && (n & (n - 1)) == 0) Pool.Return(array);
    }

    private static void ReturnLines(int[] array)
    {
        int n = array.Length;
        if (n > MaxPooled) LargeArrayCache<int>.Return(array);
        else if (n >= 16 && (n & (n - 1)) == 0) LinePool.Return(array);
    }
}
