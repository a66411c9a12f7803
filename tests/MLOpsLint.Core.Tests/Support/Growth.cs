using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MLOpsLint.Core.Tests.Support;

/// <summary>
/// How a computation's cost grows with its input, without a wall-clock bound (the machine is shared: a fixed number of
/// milliseconds fails under load). The cost is the calling thread's own CPU time (Linux: <c>CLOCK_THREAD_CPUTIME_ID</c>,
/// which time spent waiting for a core does not count; elsewhere the stopwatch), the minimum of several
/// runs of each size, the sizes interleaved so that a burst of load hits both. Linear work at <c>factor</c> times the
/// input costs about <c>factor</c> times as much; quadratic work costs <c>factor²</c>; the bound sits between them.
/// </summary>
public static class Growth
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of the calling thread so far (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID), nanoseconds, which
    /// time spent waiting for a core does not count); elsewhere the stopwatch.</summary>
    public static TimeSpan ThreadCpuTime()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var t) == 0)
        {
            return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
        }
        return Stopwatch.GetElapsedTime(0);
    }

    /// <summary>The cheapest of <paramref name="reps"/> runs of each, interleaved, after one warm-up run of each (JIT).</summary>
    public static (TimeSpan Small, TimeSpan Large) Measure(Action small, Action large, int reps = 5)
    {
        small();
        large();
        TimeSpan bestSmall = TimeSpan.MaxValue, bestLarge = TimeSpan.MaxValue;
        for (int i = 0; i < reps; i++)
        {
            bestSmall = Min(bestSmall, Cost(small));
            bestLarge = Min(bestLarge, Cost(large));
        }
        return (bestSmall, bestLarge);
    }

    /// <summary>
    /// Asserts that <paramref name="large"/> (the same work on <paramref name="factor"/> times the input) costs at most
    /// 3 × <paramref name="factor"/> times <paramref name="small"/> — or, when the small run is too quick to measure,
    /// 3 × factor × <paramref name="floor"/>. At factor 8 linear work gives 8, quadratic 64, the bound is 24.
    /// </summary>
    public static void AssertNearLinear(Action small, Action large, int factor, string what, TimeSpan? floor = null)
    {
        var (s, l) = Measure(small, large);
        var basis = s > (floor ?? TimeSpan.FromMilliseconds(2)) ? s : floor ?? TimeSpan.FromMilliseconds(2);
        double ratio = l.TotalMilliseconds / basis.TotalMilliseconds;
        Assert.True(ratio <= 3.0 * factor,
            $"{what}: {factor}x the input cost {ratio:0.0}x the CPU time ({s.TotalMilliseconds:0.0} ms -> {l.TotalMilliseconds:0.0} ms); linear is about {factor}x");
    }

    private static TimeSpan Cost(Action action)
    {
        var before = ThreadCpuTime();
        action();
        return ThreadCpuTime() - before;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
