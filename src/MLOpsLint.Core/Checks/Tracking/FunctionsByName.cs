namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>
/// A module's functions by name, for <see cref="TrackingIndex"/>: which of <see cref="TrackingSummary.Functions"/> a
/// call to a name reaches (a module-level function, any method of that name, the methods of a class of that name),
/// looked up instead of read through every function for every call (a module of hundreds of functions and thousands
/// of calls made that quadratic).
/// </summary>
internal sealed class FunctionsByName
{
    /// <summary>A module is read through (<see cref="TrackingIndex"/>) until it has been asked about this many times
    /// its functions: for a few lookups that is cheaper than making the table.</summary>
    private const int ReadThrough = 4;

    private readonly IReadOnlyList<RunFunction> functions;
    // the first function of each name (and of each class), then each function's next of the same name (class), or -1
    private readonly Dictionary<string, int> firstNamed;
    private readonly Dictionary<string, int> firstOfClass;
    private readonly int[] nextNamed;
    private readonly int[] nextOfClass;

    private FunctionsByName(IReadOnlyList<RunFunction> functions)
    {
        this.functions = functions;
        int n = functions.Count;
        firstNamed = new Dictionary<string, int>(n, StringComparer.Ordinal);
        firstOfClass = new Dictionary<string, int>(StringComparer.Ordinal);
        nextNamed = new int[n];
        nextOfClass = new int[n];
        for (int i = n - 1; i >= 0; i--)
        {
            var f = functions[i];
            nextNamed[i] = firstNamed.TryGetValue(f.Name, out int next) ? next : -1;
            firstNamed[f.Name] = i;
            if (f.ClassName is { } cn)
            {
                nextOfClass[i] = firstOfClass.TryGetValue(cn, out next) ? next : -1;
                firstOfClass[cn] = i;
            }
        }
    }

    /// <summary>The module's table, or null while reading its functions through is cheaper.</summary>
    public static FunctionsByName? Of(TrackingModule module)
    {
        if (module.ByName is { } byName) return byName;
        int n = module.Summary.Functions.Count;
        if (n < 8 || (module.Lookups += 1) < ReadThrough * n / 8 + ReadThrough) return null;
        return module.ByName = new FunctionsByName(module.Summary.Functions);
    }

    /// <summary>Whether the module defines <paramref name="name"/>: a module-level function or a class.</summary>
    public bool Defines(string name)
    {
        if (firstOfClass.ContainsKey(name)) return true;
        for (int i = First(firstNamed, name); i >= 0; i = nextNamed[i])
        {
            if (functions[i].ClassName == null) return true;
        }
        return false;
    }

    /// <summary>What the functions called <paramref name="name"/> do (methods of any class too when
    /// <paramref name="methods"/>), and without <paramref name="methods"/> what the methods of the class called
    /// <paramref name="name"/> record.</summary>
    public RunFlags Flags(RunFlags[] functionFlags, string name, bool methods)
    {
        var flags = RunFlags.None;
        for (int i = First(firstNamed, name); i >= 0; i = nextNamed[i])
        {
            if (methods || functions[i].ClassName == null) flags |= functionFlags[i];
        }
        if (!methods)
        {
            for (int i = First(firstOfClass, name); i >= 0; i = nextOfClass[i]) flags |= functionFlags[i] & RunFlags.Records;
        }
        return flags;
    }

    private static int First(Dictionary<string, int> first, string name) => first.TryGetValue(name, out int i) ? i : -1;
}
