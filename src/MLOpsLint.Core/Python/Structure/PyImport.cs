namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// One imported name: <c>import a.b as c</c> gives Module "a.b", BoundName "c", QualifiedName "a.b";
/// <c>import a.b</c> binds "a" to "a"; <c>from a import b as c</c> gives Module "a", Name "b", BoundName "c",
/// QualifiedName "a.b"; <c>from . import x</c> gives Module ".", QualifiedName ".x". Imports anywhere count
/// (inside functions, try/except).
/// </summary>
public sealed class PyImport : PyNode
{
    internal PyImport(PythonModule module, int start, int end, string moduleName, string? name, string? alias)
        : base(module, start, end)
    {
        ModuleName = moduleName;
        Name = name;
        Alias = alias;
    }

    /// <summary>The module as written: "a.b", or ".", "..pkg" for relative imports.</summary>
    public string ModuleName { get; }

    /// <summary>For <c>from m import n</c>: "n" ("*" for a star import). Null for <c>import m</c>.</summary>
    public string? Name { get; }

    /// <summary>The <c>as</c> name, if any.</summary>
    public string? Alias { get; }

    public bool IsFrom => Name != null;

    public bool IsStar => Name == "*";

    private string? qualifiedName;

    /// <summary>The local name the import binds (null for a star import).</summary>
    public string? BoundName => IsStar ? null : Alias ?? (Name ?? FirstSegment(ModuleName));

    /// <summary>The dotted name the bound name stands for (made once: rules ask for it of every import, often per call).</summary>
    public string QualifiedName => qualifiedName ??= Name == null
        ? (Alias != null ? ModuleName : FirstSegment(ModuleName))
        : ModuleName.EndsWith(".", StringComparison.Ordinal) ? NameTable.Concat(ModuleName, Name.AsSpan()) : DottedName(ModuleName, Name);

    /// <summary>"<paramref name="module"/>.<paramref name="name"/>", from the name table.</summary>
    private static string DottedName(string module, string name)
    {
        int length = module.Length + 1 + name.Length;
        if (length > 64) return NameTable.Get(module + "." + name);
        Span<char> joined = stackalloc char[64];
        module.AsSpan().CopyTo(joined);
        joined[module.Length] = '.';
        name.AsSpan().CopyTo(joined.Slice(module.Length + 1));
        return NameTable.Get(joined.Slice(0, length));
    }

    /// <summary>The first name of a dotted name, shared through the thread's name table (no string made per read).</summary>
    private static string FirstSegment(string dotted)
    {
        int i = dotted.IndexOf('.');
        return i <= 0 ? dotted : NameTable.Get(dotted.AsSpan(0, i));
    }
}
