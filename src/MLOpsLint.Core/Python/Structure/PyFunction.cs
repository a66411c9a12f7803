namespace MLOpsLint.Core.Python.Structure;

/// <summary>A <c>def</c> (or <c>async def</c>): name, parameters, and the calls in its body (nested functions'
/// calls included). The span covers the whole definition, body included.</summary>
public sealed class PyFunction : PyNode
{
    internal PyFunction(PythonModule module, int start, int end, string name, bool isAsync, IReadOnlyList<PyParameter> parameters, int bodyStart, string? className)
        : base(module, start, end)
    {
        Name = name;
        IsAsync = isAsync;
        Parameters = parameters;
        BodyStart = bodyStart;
        ClassName = className;
    }

    public string Name { get; }

    /// <summary>The class the function is defined in directly (a method), if any.</summary>
    public string? ClassName { get; }

    public bool IsAsync { get; }

    public IReadOnlyList<PyParameter> Parameters { get; }

    /// <summary>Offset where the body starts (after the header's ':').</summary>
    public int BodyStart { get; }

    /// <summary>Calls inside the body: a run of the module's <see cref="PythonModule.Calls"/>, from
    /// <see cref="FirstCall"/> on.</summary>
    public IReadOnlyList<PyCall> Calls { get; private set; } = Array.Empty<PyCall>();

    /// <summary>The index in the module's <see cref="PythonModule.Calls"/> of the first of <see cref="Calls"/> (they are
    /// the next <c>Calls.Count</c> calls there); 0 when the body makes no call.</summary>
    public int FirstCall { get; private set; }

    /// <summary>The calls in the body are <paramref name="moduleCalls"/>[first, first + count): kept as a view of that run.</summary>
    internal void SetCalls(PyCall[] moduleCalls, int first, int count)
    {
        Calls = new ArraySegment<PyCall>(moduleCalls, first, count);
        FirstCall = first;
    }

    /// <summary>True when the body calls <paramref name="qualifiedName"/>.</summary>
    public bool HasCallTo(string qualifiedName)
    {
        var calls = Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            if (calls[i].QualifiedName == qualifiedName) return true;
        }
        return false;
    }
}

/// <summary>A parameter: <c>x</c>, <c>x: int = 0</c>, <c>*args</c>, <c>**kwargs</c>. The annotation and the default are
/// kept as offsets and made into strings when read.</summary>
public sealed class PyParameter
{
    private readonly string text;
    private readonly int annotationStart;
    private readonly int annotationEnd;
    private readonly int defaultStart;
    private readonly int defaultEnd;
    private string? annotation;
    private string? defaultText;

    /// <summary>The annotation is <paramref name="text"/>[annotationStart, annotationEnd) when annotationStart ≥ 0, the
    /// default [defaultStart, defaultEnd) when defaultStart ≥ 0.</summary>
    internal PyParameter(string text, string name, int annotationStart, int annotationEnd, int defaultStart, int defaultEnd, PyArgumentKind kind, PyStringLiteral? defaultLiteral)
    {
        this.text = text;
        Name = name;
        this.annotationStart = annotationStart;
        this.annotationEnd = annotationEnd;
        this.defaultStart = defaultStart;
        this.defaultEnd = defaultEnd;
        Kind = kind;
        DefaultLiteral = defaultLiteral;
    }

    public string Name { get; }

    /// <summary>The annotation as written (<c>int</c>), or null.</summary>
    public string? Annotation => annotationStart < 0 ? null : annotation ??= text.Substring(annotationStart, annotationEnd - annotationStart);

    /// <summary>The default as written (<c>42</c>), or null.</summary>
    public string? Default => defaultStart < 0 ? null : defaultText ??= text.Substring(defaultStart, defaultEnd - defaultStart);

    public PyArgumentKind Kind { get; }

    /// <summary>The default when it is one string literal (<c>password="…"</c>), else null.</summary>
    public PyStringLiteral? DefaultLiteral { get; }

    public override string ToString() => $"PyParameter {{ Name = {Name}, Annotation = {Annotation}, Default = {Default}, Kind = {Kind} }}";
}
