namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// An assignment statement's target and value: <c>API_KEY = "..."</c>, <c>cfg["password"] = "..."</c>,
/// <c>os.environ["X"] = "..."</c>, <c>x: str = "..."</c>, <c>torch.backends.cudnn.benchmark = True</c>.
/// <c>a = b = v</c> gives one assignment per target. The span covers the whole statement.
/// </summary>
public sealed class PyAssignment : PyNode
{
    private readonly int targetStart;
    private readonly int targetEnd;
    private readonly int annotationStart;
    private readonly int annotationEnd;
    private string? target;
    private string? targetQualifiedName;
    private string? annotation;
    private readonly PyStringLiteral? keyLiteral;

    /// <summary>The target is the source text [targetStart, targetEnd); the annotation [annotationStart,
    /// annotationEnd) when annotationStart ≥ 0 (strings made on first use).</summary>
    /// <param name="keyLiteral">For a subscript target with a string key, the key's literal (its value is read when asked for).</param>
    internal PyAssignment(PythonModule module, int start, int end, int targetStart, int targetEnd, string? targetName, PyStringLiteral? keyLiteral,
        int annotationStart, int annotationEnd, int valueStart, int valueEnd, PyLiteralKind literal, PyStringLiteral[] strings)
        : base(module, start, end)
    {
        this.targetStart = targetStart;
        this.targetEnd = targetEnd;
        this.targetName = targetName;
        this.keyLiteral = keyLiteral;
        this.annotationStart = annotationStart;
        this.annotationEnd = annotationEnd;
        ValueStart = valueStart;
        System.Diagnostics.Debug.Assert(valueEnd == end, "the value runs to the statement's end");
        valueLiteral = (byte)literal;
        StringLiterals = strings;
    }

    /// <summary>The target as written ("API_KEY", "cfg[\"password\"]", "self.token").</summary>
    public string Target => target ??= NameTable.Get(Module.Text, targetStart, targetEnd);

    /// <summary>The target with its first name resolved through imports ("torch.backends.cudnn.benchmark",
    /// "os.environ[\"X\"]").</summary>
    public string TargetQualifiedName => targetQualifiedName ??= Module.ResolveCallee(Target);

    /// <summary>The name the value is stored under: the last identifier of a name or attribute target
    /// ("API_KEY", "token" for <c>self.token</c>), or the string key of a subscript target ("password").</summary>
    public string? TargetName => targetName ?? keyLiteral?.Value;

    private readonly string? targetName;

    /// <summary><see cref="Target"/> is <see cref="TargetName"/>: a plain name (<c>x = ...</c>), compared without making
    /// <see cref="Target"/>.</summary>
    internal bool TargetIsName => targetName != null && targetEnd - targetStart == targetName.Length
        && Module.Text.AsSpan(targetStart, targetEnd - targetStart).SequenceEqual(targetName.AsSpan());

    /// <summary>For a subscript target with a string key (<c>cfg["password"]</c>): the key.</summary>
    public string? SubscriptKey => keyLiteral?.Value;

    /// <summary>The annotation of an annotated assignment (<c>x: str = ...</c>), as written.</summary>
    public string? Annotation => annotationStart < 0 ? null : annotation ??= Module.Text.Substring(annotationStart, annotationEnd - annotationStart);

    public int ValueStart { get; }

    /// <summary>The value runs to the end of the statement.</summary>
    public int ValueEnd => End;

    public string ValueText => Module.Text.Substring(ValueStart, ValueEnd - ValueStart);

    public PyLiteralKind ValueLiteral => (PyLiteralKind)valueLiteral;

    private readonly byte valueLiteral;

    /// <summary>The string literal tokens of the value, when the value is a string literal.</summary>
    public IReadOnlyList<PyStringLiteral> StringLiterals { get; }

    /// <summary>The decoded value when it is a string literal; null otherwise.</summary>
    public string? StringValue => PyStringLiteral.Concat(StringLiterals);
}
