namespace MLOpsLint.Core.Python.Tokens;

/// <summary>
/// How a module keeps a token: 16 bytes instead of <see cref="PyToken"/>'s 28. The kind, the offsets and the line are
/// stored; the columns and the end line come from the start of each line (<see cref="TokenBuffer"/> records it from
/// the tokens themselves): <c>Column = Start - lineStart[Line]</c>, <c>EndLine = Line + EndLineDelta</c>,
/// <c>EndColumn = End - lineStart[EndLine]</c>. The few tokens whose positions do not follow that rule (the empty
/// NEWLINE at the end of a file without a line break ends one column after it starts) are kept whole on the side.
/// </summary>
internal readonly struct CompactToken
{
    public CompactToken(PyTokenKind kind, int start, int end, int line, ushort endLineDelta, bool exceptional)
    {
        Start = start;
        End = end;
        Line = line;
        Kind = kind;
        Exceptional = exceptional;
        EndLineDelta = endLineDelta;
    }

    public readonly int Start;

    public readonly int End;

    public readonly int Line;

    public readonly PyTokenKind Kind;

    /// <summary>The token's positions are in the buffer's side table, not derived.</summary>
    public readonly bool Exceptional;

    public readonly ushort EndLineDelta;

    public int Length => End - Start;

    public ReadOnlySpan<char> AsSpan(string text) => text.AsSpan(Start, End - Start);

    /// <summary>True for an operator token whose text is exactly <paramref name="op"/>.</summary>
    public bool IsOp(string text, string op) => Kind == PyTokenKind.Op && AsSpan(text).SequenceEqual(op.AsSpan());
}

/// <summary>
/// The tokens of one module in compact form, read as <see cref="PyToken"/>s (made on each read from the compact token
/// and the line starts). Reading after <see cref="Release"/> fails loudly rather than see another module's tokens.
/// </summary>
internal sealed class CompactTokenList : IReadOnlyList<PyToken>
{
    private CompactToken[] items;
    private readonly int count;
    private int[] lineStarts;
    private readonly Dictionary<int, PyToken>? exceptions;
    private bool released;

    public CompactTokenList(CompactToken[] items, int count, int[] lineStarts, Dictionary<int, PyToken>? exceptions)
    {
        this.items = items;
        this.count = count;
        this.lineStarts = lineStarts;
        this.exceptions = exceptions;
    }

    /// <summary>The array the tokens are the first <see cref="Count"/> entries of (for the parser, while the list is held).</summary>
    public CompactToken[] Store => released ? throw Released() : items;

    /// <summary>The compact tokens (their first <see cref="Count"/> entries).</summary>
    public ReadOnlySpan<CompactToken> Span => released ? throw Released() : items.AsSpan(0, count);

    public int Count => released ? throw Released() : count;

    public PyToken this[int index]
    {
        get
        {
            if (released) throw Released();
            if ((uint)index >= (uint)count) throw new ArgumentOutOfRangeException(nameof(index));
            return Expand(index);
        }
    }

    private PyToken Expand(int index)
    {
        ref readonly var t = ref items[index];
        if (t.Exceptional) return exceptions![index];
        int endLine = t.Line + t.EndLineDelta;
        return new PyToken(t.Kind, t.Start, t.End, t.Line, t.Start - lineStarts[t.Line], endLine, t.End - lineStarts[endLine]);
    }

    /// <summary>Every token as a <see cref="PyToken"/> (the public tokenizer's result).</summary>
    public PyToken[] ToArray()
    {
        var result = count == 0 ? Array.Empty<PyToken>() : new PyToken[count];
        for (int i = 0; i < count; i++) result[i] = Expand(i);
        return result;
    }

    public IEnumerator<PyToken> GetEnumerator()
    {
        int n = Count;
        for (int i = 0; i < n; i++) yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Gives the arrays back for the next module tokenized on this thread; the list cannot be read after that.</summary>
    public void Release()
    {
        if (released) return;
        released = true;
        TokenBuffer.Return(items, lineStarts);
        items = Array.Empty<CompactToken>();
        lineStarts = Array.Empty<int>();
    }

    private static InvalidOperationException Released() =>
        new("the module's tokens were given back when its document's checks were done; parse it again with PythonModule.Of");
}
