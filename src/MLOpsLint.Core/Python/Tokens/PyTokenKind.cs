namespace MLOpsLint.Core.Python.Tokens;

/// <summary>
/// Token types, named and ordered as in CPython's <c>token</c> module (only the generic types:
/// every operator is <see cref="Op"/>, as <c>tokenize</c> reports them).
/// </summary>
public enum PyTokenKind : byte
{
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    Op,
    Comment,
    /// <summary>A line break that does not end a statement (blank line, inside brackets, after a comment line).</summary>
    NL,
    /// <summary>Something the lexer could not read: a stray character, an unterminated string, a bad dedent.</summary>
    ErrorToken,
    /// <summary>Python 3.12+ mode only: <c>f"</c>, <c>rf'''</c>…</summary>
    FStringStart,
    /// <summary>Python 3.12+ mode only: literal text of an f-string, or of its format spec (doubled braces kept as written).</summary>
    FStringMiddle,
    /// <summary>Python 3.12+ mode only: the closing quote(s) of an f-string.</summary>
    FStringEnd,
}

/// <summary>How f-strings are tokenized.</summary>
public enum FStringMode
{
    /// <summary>As Python 3.12+ (PEP 701): FSTRING_START, FSTRING_MIDDLE, the expression tokens, FSTRING_END;
    /// quotes may be reused inside replacement fields. The default.</summary>
    Nested,
    /// <summary>As Python ≤ 3.11's <c>tokenize</c> module: an f-string is one STRING token. This mode also reproduces
    /// that module's error-token quirks exactly, for conformance tests against it.</summary>
    SingleToken,
}

public static class PyTokenKindExtensions
{
    /// <summary>The name CPython's <c>token.tok_name</c> gives this kind ("NAME", "OP", "FSTRING_START"…).</summary>
    public static string CPythonName(this PyTokenKind kind) => kind switch
    {
        PyTokenKind.EndMarker => "ENDMARKER",
        PyTokenKind.Name => "NAME",
        PyTokenKind.Number => "NUMBER",
        PyTokenKind.String => "STRING",
        PyTokenKind.Newline => "NEWLINE",
        PyTokenKind.Indent => "INDENT",
        PyTokenKind.Dedent => "DEDENT",
        PyTokenKind.Op => "OP",
        PyTokenKind.Comment => "COMMENT",
        PyTokenKind.NL => "NL",
        PyTokenKind.ErrorToken => "ERRORTOKEN",
        PyTokenKind.FStringStart => "FSTRING_START",
        PyTokenKind.FStringMiddle => "FSTRING_MIDDLE",
        PyTokenKind.FStringEnd => "FSTRING_END",
        _ => kind.ToString().ToUpperInvariant(),
    };
}
