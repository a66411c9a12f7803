using System.Diagnostics;

namespace MLOpsLint.Cli.CSharp;

/// <summary>
/// A cancellation that fires once this process has spent <see cref="Budget"/> of CPU time (summed over its threads) since
/// the budget was made. The budgets of expensive analyses are CPU time, not wall-clock time: on a shared machine the
/// wall clock runs on while other processes hold the cores, and a wall-clock budget then skipped ordinary files (a
/// two-line C# file went unchecked by the analyzers when the machine's load was 50). Other processes' load costs this
/// process no CPU time, so a file is skipped only for work the scan itself did. The whole process is counted (the
/// analyzers run on pool threads): work of the scan's other threads makes a budget run out sooner, at most
/// <see cref="Environment.ProcessorCount"/> times as fast as the wall clock.
/// </summary>
internal sealed class CpuBudget : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource cancel = new();
    private readonly Timer timer;
    private readonly TimeSpan start;

    public CpuBudget(TimeSpan budget)
    {
        Budget = budget;
        start = ProcessCpu();
        if (budget <= TimeSpan.Zero) cancel.Cancel();
        timer = new Timer(_ => Check(), null, Poll, Poll);
    }

    public TimeSpan Budget { get; }

    /// <summary>Cancelled once the budget is spent.</summary>
    public CancellationToken Token => cancel.Token;

    /// <summary>CPU time this process has spent since the budget was made.</summary>
    public TimeSpan Spent => ProcessCpu() - start;

    private void Check()
    {
        if (cancel.IsCancellationRequested) return;
        if (Spent >= Budget)
        {
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // disposed between the check and the cancel
            }
        }
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public void Dispose()
    {
        timer.Dispose();
        cancel.Dispose();
    }
}
