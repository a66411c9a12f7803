using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;

namespace MLOpsLint.Core.Checks.Tracking;

/// <summary>What a function or a module does of its own, as the MLO7xx rules care.</summary>
[Flags]
public enum RunFlags
{
    None = 0,

    /// <summary>Trains a model (<see cref="TrackingApis.Trains"/>, or a backward pass with an optimizer step).</summary>
    Trains = 1,

    /// <summary>Records a run's params or metrics (<see cref="TrackingApis.Records"/>).</summary>
    Records = 2,

    /// <summary>Measures the model (<see cref="TrackingApis.Measures"/>): a metric, a score, a loss it prints.</summary>
    Measures = 4,
}

/// <summary>The ML libraries a file imports: what the fixes name (<see cref="TrackingFixes"/>).</summary>
[Flags]
public enum TrainingLibraries
{
    None = 0,
    Sklearn = 1,
    Keras = 2,
    Torch = 4,
    Lightning = 8,
    Transformers = 16,
    XGBoost = 32,
    LightGBM = 64,
    CatBoost = 128,
}

/// <summary>
/// What the MLO7xx rules need of one Python module or notebook, kept once its parsed module is released (as
/// <see cref="SeedSummary"/> is for the seed rules): its imports, its functions with what they do themselves and the
/// names they call, where it trains, what data it reads from a path, and the lineage it writes as literals. Built while
/// the module is parsed (<see cref="TrackingSummaryBuilder"/>); <see cref="TrackingIndex"/> follows the calls across files.
/// </summary>
public sealed class TrackingSummary
{
    internal TrackingSummary(SourceDocument document)
    {
        Document = document;
        IsNotebook = document.Kind == DocumentKind.Notebook;
    }

    /// <summary>The summary of a Python document or notebook (computed once, then cached on it).</summary>
    public static TrackingSummary Of(SourceDocument document) => document.GetOrAdd(d => TrackingSummaryBuilder.Build(d, PythonModule.Of(d)));

    public SourceDocument Document { get; }

    public string Path => Document.Path;

    public bool IsNotebook { get; }

    /// <summary>What the module does by itself, anywhere in it.</summary>
    public RunFlags Own { get; internal set; }

    /// <summary>The tracker the module imports (<c>"MLflow"</c>), or null.</summary>
    public string? Tracker { get; internal set; }

    public TrainingLibraries Libraries { get; internal set; }

    /// <summary>Where the module trains by itself (the first such call), and what the call is.</summary>
    public SeedSite? Training { get; internal set; }

    public string? TrainingCall { get; internal set; }

    public IReadOnlyList<SeedImport> Imports { get; internal set; } = Array.Empty<SeedImport>();

    public IReadOnlyList<RunFunction> Functions { get; internal set; } = Array.Empty<RunFunction>();

    /// <summary>The distinct calls of the module, by resolved name, each at its first place.</summary>
    public IReadOnlyList<RunCall> Calls { get; internal set; } = Array.Empty<RunCall>();

    /// <summary>Per function, the indexes in <see cref="Calls"/> of the calls in its body (<see cref="CallsOf"/>).</summary>
    internal int[] FunctionCalls { get; set; } = Array.Empty<int>();

    public ReadOnlySpan<int> CallsOf(in RunFunction function) => FunctionCalls.AsSpan(function.FirstCall, function.CallCount);

    /// <summary>Data read from a local path (MLO702).</summary>
    public IReadOnlyList<DataRead> Reads { get; internal set; } = Array.Empty<DataRead>();

    /// <summary>File names (lower case) the module writes (<see cref="DataReads.Written"/>).</summary>
    public IReadOnlyList<string> Writes { get; internal set; } = Array.Empty<string>();

    /// <summary>The module verifies a checksum (hashlib, check_integrity, an md5 argument) or names a dataset revision.</summary>
    public bool PinsData { get; internal set; }

    /// <summary>The module uses a data-versioning tool (dvc.api, W&amp;B or ClearML datasets, lakeFS…): the repository does.</summary>
    public string? DataVersioning { get; internal set; }

    /// <summary>Lineage written as literals (MLO703).</summary>
    public IReadOnlyList<LineageLiteral> Lineage { get; internal set; } = Array.Empty<LineageLiteral>();

    /// <summary>Whether an MLO7xx rule can report anything because of this module: it trains (by itself, or in a function or
    /// call a script may reach), or writes lineage literals. MLO701 and MLO702 judge only scripts that train, by themselves or
    /// through a helper, so a repository where no module does (and none writes lineage) needs no index.</summary>
    internal bool MayReport
    {
        get
        {
            if (Lineage.Count > 0 || (Own & RunFlags.Trains) != 0 || Training != null) return true;
            foreach (var f in Functions)
            {
                if ((f.Own & RunFlags.Trains) != 0) return true;
            }
            foreach (var c in Calls)
            {
                if ((c.Own & RunFlags.Trains) != 0) return true;
            }
            return false;
        }
    }

    /// <summary>Where the module's text is, as a finding would place it (for a notebook this parses it again).</summary>
    public SeedSite SiteAt(int start, int end)
    {
        if (!IsNotebook) return new SeedSite(start, false, Document.Lines.GetSpan(start, end), null, null);
        var location = PythonModule.Of(Document).Locate(start, end);
        return new SeedSite(start, false, location.Span, location.SourceLine, location.LocationHint);
    }

    public override string ToString() => Path;
}

/// <summary>A <c>def</c>: its name and class, what its body does by itself, and its calls (<see cref="TrackingSummary.CallsOf"/>).</summary>
public readonly record struct RunFunction(string Name, string? ClassName, RunFlags Own, int FirstCall, int CallCount);

/// <summary>A distinct call: its resolved name, where it first is, and what it does by itself.</summary>
public readonly record struct RunCall(string QualifiedName, string Name, int Start, int End, RunFlags Own);

/// <summary>A read of data from a local path: the path as the code gives it, the reader, and where.</summary>
public sealed record DataRead(string DataPath, string Reader, SeedSite Site);

/// <summary>A literal standing for the run's lineage: the key (<c>git_sha</c>), the value, whether it is the code's or
/// the data's version, and where.</summary>
public sealed record LineageLiteral(string Key, string Value, bool IsData, SeedSite Site);
