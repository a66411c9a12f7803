namespace MLOpsLint.Core.Python.Structure;

/// <summary>A <c>#</c> comment.</summary>
public sealed class PyComment : PyNode
{
    internal PyComment(PythonModule module, int start, int end) : base(module, start, end) { }

    /// <summary>The comment without its '#' and surrounding whitespace.</summary>
    public string Body => Text.Substring(1).Trim();
}

/// <summary>Something that did not lex or parse (unterminated string, stray character, unbalanced bracket, bad notebook JSON).</summary>
public sealed class PyParseError : PyNode
{
    private readonly PyLocation? location;

    internal PyParseError(PythonModule module, int start, int end, string message, PyLocation? location = null)
        : base(module, start, end)
    {
        Message = message;
        this.location = location;
    }

    private protected override PyLocation? OwnLocation => location;

    public string Message { get; }

    public override string ToString() => $"{Span}: {Message}";
}
