namespace MLOpsLint.Core.Python.Tokens;

/// <summary>
/// One token: its kind and where it is, as offsets into the tokenized text and as CPython-style
/// positions. <see cref="Line"/>/<see cref="EndLine"/> are 1-based; <see cref="Column"/>/<see cref="EndColumn"/>
/// are 0-based and count UTF-16 code units of the line (CPython counts code points: they differ only after a
/// character outside the Basic Multilingual Plane on the same line). The text is not stored: get it with
/// <see cref="GetText"/> or <see cref="AsSpan"/>.
/// </summary>
public readonly struct PyToken
{
    public PyToken(PyTokenKind kind, int start, int end, int line, int column, int endLine, int endColumn)
    {
        Kind = kind;
        Start = start;
        End = end;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public PyTokenKind Kind { get; }

    /// <summary>Offset of the first character in the tokenized text.</summary>
    public int Start { get; }

    /// <summary>Offset one past the last character.</summary>
    public int End { get; }

    public int Length => End - Start;

    public int Line { get; }

    public int Column { get; }

    public int EndLine { get; }

    public int EndColumn { get; }

    public ReadOnlySpan<char> AsSpan(string text) => text.AsSpan(Start, End - Start);

    public string GetText(string text) => text.Substring(Start, End - Start);

    /// <summary>True for an operator token whose text is exactly <paramref name="op"/>.</summary>
    public bool IsOp(string text, string op) => Kind == PyTokenKind.Op && AsSpan(text).SequenceEqual(op.AsSpan());

    /// <summary>True for a NAME token whose text is exactly <paramref name="name"/>.</summary>
    public bool IsName(string text, string name) => Kind == PyTokenKind.Name && AsSpan(text).SequenceEqual(name.AsSpan());

    /// <summary>True for COMMENT, NL, INDENT and DEDENT: tokens that carry no expression content.</summary>
    public bool IsTrivia => Kind is PyTokenKind.Comment or PyTokenKind.NL or PyTokenKind.Indent or PyTokenKind.Dedent;

    public override string ToString() => $"{Kind} {Line}:{Column}-{EndLine}:{EndColumn}";
}
