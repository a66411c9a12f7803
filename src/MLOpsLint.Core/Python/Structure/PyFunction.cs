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

    /// <summary>Calls inside the body.</summary>
    public IReadOnlyList<PyCall> Calls { get; internal set; } = Array.Empty<PyCall>();

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

/// <summary>A parameter: <c>x</c>, <c>x: int = 0</c>, <c>*args</c>, <c>**kwargs</c>.</summary>
/// <param name="DefaultLiteral">The default when it is one string literal (<c>password="…"</c>), else null.</param>
public sealed record PyParameter(string Name, string? Annotation, string? Default, PyArgumentKind Kind, PyStringLiteral? DefaultLiteral = null);
