namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// A call site. <see cref="Callee"/> is the callee as written ("np.random.seed", "torch.Generator().manual_seed",
/// "x.fit"); <see cref="QualifiedName"/> resolves its first name through the module's imports
/// ("numpy.random.seed"; "RFC" after <c>from sklearn.ensemble import RandomForestClassifier as RFC</c> →
/// "sklearn.ensemble.RandomForestClassifier"). Spans cover the callee and the parentheses.
/// </summary>
public sealed class PyCall : PyNode
{
    private string? callee;
    private string? qualifiedName;
    private string? name;
    private readonly int calleeEnd;
    private readonly int argFirst;
    private readonly int argCount;

    /// <summary>A call whose callee is the source text [start, calleeEnd) (a dotted name without spaces), with
    /// arguments [argFirst, argFirst + argCount) of the module's argument table.</summary>
    internal PyCall(PythonModule module, int start, int end, int calleeEnd, int argFirst, int argCount, PyCall? receiver, int openParen)
        : base(module, start, end)
    {
        this.calleeEnd = calleeEnd;
        this.argFirst = argFirst;
        this.argCount = argCount;
        Receiver = receiver;
        OpenParen = openParen;
    }

    internal PyCall(PythonModule module, int start, int end, string callee, int argFirst, int argCount, PyCall? receiver, int openParen)
        : base(module, start, end)
    {
        this.callee = callee;
        this.argFirst = argFirst;
        this.argCount = argCount;
        Receiver = receiver;
        OpenParen = openParen;
    }

    /// <summary>The callee as written, spaces left out, with "()" for a call and "[]" for a subscript on the way.</summary>
    public string Callee => callee ??= NameTable.Get(Module.Text, Start, calleeEnd);

    public string QualifiedName => qualifiedName ??= Module.ResolveCallee(Callee);

    /// <summary>The last name of the callee ("seed", "manual_seed", "fit"), made once (rules ask for it of every call)
    /// and shared through the thread's name table.</summary>
    public string Name
    {
        get
        {
            if (name != null) return name;
            string c = Callee;
            int i = c.LastIndexOf('.');
            return name = i < 0 ? c : NameTable.Get(c.AsSpan(i + 1));
        }
    }

    /// <summary>The number of arguments (without making them).</summary>
    internal int ArgumentCount => argCount;

    /// <summary>Argument <paramref name="index"/> as the parser found it (without making the <see cref="PyArgument"/>).</summary>
    internal ref readonly ArgInfo ArgumentInfo(int index) => ref Module.ArgumentInfo(argFirst + index);

    /// <summary>The index among the arguments of keyword <paramref name="keyword"/>, or -1.</summary>
    private int KeywordIndex(string keyword)
    {
        for (int i = 0; i < argCount; i++)
        {
            if (ArgumentInfo(i).Name == keyword) return i;
        }
        return -1;
    }

    /// <summary>True when <see cref="Name"/> is <paramref name="name"/> (without making the string).</summary>
    public bool HasName(string name)
    {
        string callee = Callee;
        int i = callee.LastIndexOf('.');
        return callee.AsSpan(i + 1).SequenceEqual(name.AsSpan());
    }

    /// <summary>The arguments in source order (made on first use, then the same objects every time; the module keeps them,
    /// as most calls' arguments are never made).</summary>
    public IReadOnlyList<PyArgument> Arguments => argCount == 0 ? Array.Empty<PyArgument>() : Module.ArgumentsOf(argFirst, argCount);

    /// <summary>For a chained call (<c>torch.Generator().manual_seed(0)</c>), the call it is made on.</summary>
    public PyCall? Receiver { get; }

    /// <summary>The innermost function whose body holds this call, if any.</summary>
    public PyFunction? EnclosingFunction { get; internal set; }

    internal int OpenParen { get; }

    /// <summary>The keyword argument <paramref name="name"/>, or null.</summary>
    public PyArgument? Keyword(string name)
    {
        int i = KeywordIndex(name);
        return i < 0 ? null : Arguments[i];
    }

    /// <summary>True when the call has keyword argument <paramref name="name"/> (without making the arguments).</summary>
    public bool HasKeyword(string name) => KeywordIndex(name) >= 0;

    /// <summary>The positional argument at 0-based <paramref name="index"/> (star arguments count), or null.</summary>
    public PyArgument? Positional(int index)
    {
        int i = 0;
        for (int k = 0; k < argCount; k++)
        {
            if (ArgumentInfo(k).Kind is PyArgumentKind.Positional or PyArgumentKind.Star)
            {
                if (i == index) return Arguments[k];
                i++;
            }
        }
        return null;
    }

    public IEnumerable<PyArgument> PositionalArguments => Arguments.Where(a => a.Kind == PyArgumentKind.Positional);

    /// <summary><c>f(*args)</c>: a positional may hide anywhere in there.</summary>
    public bool HasStarArgs => HasKind(PyArgumentKind.Star);

    /// <summary><c>f(**kwargs)</c>: any keyword may hide in there.</summary>
    public bool HasStarStarKwargs => HasKind(PyArgumentKind.StarStar);

    private bool HasKind(PyArgumentKind kind) => Module.HasArgumentOfKind(argFirst, argCount, kind);
}

public enum PyArgumentKind
{
    Positional,
    Keyword,
    /// <summary><c>*args</c></summary>
    Star,
    /// <summary><c>**kwargs</c></summary>
    StarStar,
}

/// <summary>
/// One argument of a call. The span and <see cref="PyNode.Text"/> cover the whole argument (<c>random_state=0</c>);
/// <see cref="ValueText"/> the value only.
/// </summary>
public sealed class PyArgument : PyNode
{
    private readonly byte kind;
    private readonly byte literal;

    /// <summary>The value runs from <paramref name="valueStart"/> to the argument's end.</summary>
    internal PyArgument(PythonModule module, int start, int end, PyArgumentKind kind, string? name, int valueStart, PyLiteralKind literal, PyStringLiteral[] strings)
        : base(module, start, end)
    {
        this.kind = (byte)kind;
        Name = name;
        ValueStart = valueStart;
        this.literal = (byte)literal;
        StringLiterals = strings;
    }

    public PyArgumentKind Kind => (PyArgumentKind)kind;

    /// <summary>The keyword, for a keyword argument.</summary>
    public string? Name { get; }

    public int ValueStart { get; }

    public int ValueEnd => End;

    public string ValueText => Module.Text.Substring(ValueStart, ValueEnd - ValueStart);

    public PyLiteralKind Literal => (PyLiteralKind)literal;

    public bool IsLiteral => Literal != PyLiteralKind.None;

    /// <summary>The string literal tokens making up the value, when it is a string literal (implicit concatenation: several).</summary>
    public IReadOnlyList<PyStringLiteral> StringLiterals { get; }

    /// <summary>The decoded value of a string (or bytes) literal argument; null otherwise.</summary>
    public string? StringValue => PyStringLiteral.Concat(StringLiterals);
}
