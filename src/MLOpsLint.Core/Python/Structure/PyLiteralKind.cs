namespace MLOpsLint.Core.Python.Structure;

/// <summary>What kind of literal an expression is, when it is one.</summary>
public enum PyLiteralKind
{
    /// <summary>Not a literal (a name, a call, an operation…).</summary>
    None,
    Number,
    /// <summary>A str literal (implicit concatenation and f-strings included).</summary>
    String,
    Bytes,
    True,
    False,
    /// <summary>The literal <c>None</c>.</summary>
    NoneValue,
}
