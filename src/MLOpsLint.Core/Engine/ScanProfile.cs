using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace MLOpsLint.Core.Engine;

/// <summary>
/// Where a scan's CPU goes, for <c>scan --verbose</c>: each check, each parsed form of a document (the Python module,
/// a Dockerfile, the secret pass…) and the decoding of bytes into text, charged separately. A parsed form is shared by
/// every check that reads it, so a single "time per check" charges it to whichever check asked first and points at the
/// wrong place; here each measured section is charged its own time only (exclusive of the sections nested in it), so a
/// check's figure is its own logic and the parse shows as "parse PythonModule".
/// <para>
/// The engine makes the profile current on the thread that runs a check (<see cref="Enter"/>); code below it calls
/// <see cref="Measure{T}"/> and needs no profile of its own. Without a current profile (the analyzer, tests) a
/// measured section just runs.
/// </para>
/// </summary>
public sealed class ScanProfile
{
    [ThreadStatic] private static ScanProfile? current;
    // ticks of the measured sections that ran inside the section now running on this thread
    [ThreadStatic] private static long nestedTicks;

    // a box per section, added to without a lock once it exists (a dictionary of long values is generic code over a value
    // type that the runtime's ReadyToRun images do not hold: every process JIT-compiled it)
    private readonly ConcurrentDictionary<string, StrongBox<long>> ticks = new(StringComparer.Ordinal);

    /// <summary>Makes this profile the one measured sections on this thread charge; returns the one to restore.</summary>
    public ScanProfile? Enter()
    {
        var previous = current;
        current = this;
        return previous;
    }

    /// <summary>Restores what <see cref="Enter"/> returned.</summary>
    public static void Restore(ScanProfile? previous) => current = previous;

    /// <summary>Runs <paramref name="section"/>, charging its time (less any measured sections inside it) to <paramref name="name"/>.</summary>
    public static T Measure<T>(string name, Func<T> section)
    {
        var profile = current;
        if (profile == null) return section();
        long outerNested = nestedTicks;
        nestedTicks = 0;
        long start = Stopwatch.GetTimestamp();
        try
        {
            return section();
        }
        finally
        {
            long total = Stopwatch.GetTimestamp() - start;
            profile.Add(name, total - nestedTicks);
            nestedTicks = outerNested + total;
        }
    }

    /// <summary>As <see cref="Measure{T}"/>, for a section with no result.</summary>
    public static void Measure(string name, Action section) =>
        Measure<object?>(name, () => { section(); return null; });

    /// <summary>Adds <paramref name="other"/>'s figures to this one (the history scan sums its batches).</summary>
    public void Add(IReadOnlyDictionary<string, TimeSpan> other)
    {
        foreach (var kv in other) Add(kv.Key, (long)(kv.Value.TotalSeconds * Stopwatch.Frequency));
    }

    private void Add(string name, long t)
    {
        if (!ticks.TryGetValue(name, out var box)) box = ticks.GetOrAdd(name, new StrongBox<long>());
        Interlocked.Add(ref box.Value, t);
    }

    /// <summary>The figures so far: section name → CPU time summed over threads.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Snapshot()
    {
        var result = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var kv in ticks) result[kv.Key] = TimeSpan.FromSeconds(Interlocked.Read(ref kv.Value.Value) / (double)Stopwatch.Frequency);
        return result;
    }
}
