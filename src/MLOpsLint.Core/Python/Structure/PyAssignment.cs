namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// An assignment statement's target and value: <c>API_KEY = "..."</c>, <c>cfg["password"] = "..."</c>,
/// <c>os.environ["X"] = "..."</c>, <c>x: str = "..."</c>, <c>torch.backends.cudnn.benchmark = True</c>.
/// <c>a = b = v</c> gives one assignment per target. The span covers the whole statement.
/// </summary>
public sealed class PyAssignment : PyNode
{
    internal PyAssignment(PythonModule module, int start, int end, string target, string targetQualifiedName, string? targetName, string? subscriptKey,
        string? annotation, int valueStart, int valueEnd, PyLiteralKind literal, PyStringLiteral[] strings)
        : base(module, start, end)
    {
        Target = target;
        TargetQualifiedName = targetQualifiedName;
        TargetName = targetName;
        SubscriptKey = subscriptKey;
        Annotation = annotation;
        ValueStart = valueStart;
        ValueEnd = valueEnd;
        ValueLiteral = literal;
        StringLiterals = strings;
    }

    /// <summary>The target as written ("API_KEY", "cfg[\"password\"]", "self.token").</summary>
    public string Target { get; }

    /// <summary>The target with its first name resolved through imports ("torch.backends.cudnn.benchmark",
    /// "os.environ[\"X\"]").</summary>
    public string TargetQualifiedName { get; }

    /// <summary>The name the value is stored under: the last identifier of a name or attribute target
    /// ("API_KEY", "token" for <c>self.token</c>), or the string key of a subscript target ("password").</summary>
    public string? TargetName { get; }

    /// <summary>For a subscript target with a string key (<c>cfg["password"]</c>): the key.</summary>
    public string? SubscriptKey { get; }

    /// <summary>The annotation of an annotated assignment (<c>x: str = ...</c>), as written.</summary>
    public string? Annotation { get; }

    public int ValueStart { get; }

    public int ValueEnd { get; }

    public string ValueText => Module.Text.Substring(ValueStart, ValueEnd - ValueStart);

    public PyLiteralKind ValueLiteral { get; }

    /// <summary>The string literal tokens of the value, when the value is a string literal.</summary>
    public IReadOnlyList<PyStringLiteral> StringLiterals { get; }

    /// <summary>The decoded value when it is a string literal; null otherwise.</summary>
    public string? StringValue => StringLiterals.Count == 0 ? null : string.Concat(StringLiterals.Select(s => s.Value));
}
