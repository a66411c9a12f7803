using Xunit.Sdk;

namespace MLOpsLint.Core.Tests.Support;

/// <summary>The instrument itself: <see cref="Growth.AssertNearLinear"/> passes linear work and fails quadratic work.</summary>
public class GrowthTests
{
    private static long sink;

    internal static void Linear(int n)
    {
        long s = 0;
        for (int i = 0; i < n * 1000; i++) s += i ^ (s >> 3);
        sink += s;
    }

    private static void Quadratic(int n)
    {
        long s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) s += i ^ j ^ (s >> 3);
        }
        sink += s;
    }

    [Fact]
    public void Linear_work_passes_and_quadratic_work_fails()
    {
        Growth.AssertNearLinear(() => Linear(2_000), () => Linear(16_000), 8, "linear");
        Assert.ThrowsAny<XunitException>(() => Growth.AssertNearLinear(() => Quadratic(2_000), () => Quadratic(16_000), 8, "quadratic"));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Thread_cpu_time_counts_work_and_not_sleep()
    {
        if (!OperatingSystem.IsLinux()) return; // elsewhere it is the stopwatch, which counts sleep
        var before = Growth.ThreadCpuTime();
        Thread.Sleep(200);
        var slept = Growth.ThreadCpuTime() - before;
        Assert.True(slept < TimeSpan.FromMilliseconds(100), $"sleeping 200 ms cost {slept.TotalMilliseconds} ms of CPU");
        before = Growth.ThreadCpuTime();
        Linear(20_000);
        Assert.True(Growth.ThreadCpuTime() > before, "20 million steps cost no CPU time");
    }
}
