using System.Diagnostics;
using MLOpsLint.Cli.CSharp;

namespace MLOpsLint.Cli.Tests.CSharp;

/// <summary>Tests that must run with no other test burning CPU in this process (a CPU-time budget counts the whole process).</summary>
[CollectionDefinition(nameof(AloneInTheProcess), DisableParallelization = true)]
public sealed class AloneInTheProcess
{
}

/// <summary>
/// The budget of the C# analyzers is CPU time of this process: work spends it, waiting (for the wall clock, or for other
/// processes on a loaded machine to yield the cores) does not. Nothing here asserts how long anything takes: the spin
/// runs until the budget says stop, with a wall-clock limit only so that a broken budget fails instead of hanging.
/// </summary>
[Collection(nameof(AloneInTheProcess))]
public class CpuBudgetTests
{
    private static readonly TimeSpan Escape = TimeSpan.FromSeconds(120);

    [Fact]
    public void Work_spends_it()
    {
        using var budget = new CpuBudget(TimeSpan.FromMilliseconds(300));
        var wall = Stopwatch.StartNew();
        long spins = 0;
        while (!budget.Token.IsCancellationRequested && wall.Elapsed < Escape) spins++;
        Assert.True(budget.Token.IsCancellationRequested, $"the budget never ran out ({spins} spins, {budget.Spent.TotalSeconds:0.000} s of CPU)");
        Assert.True(budget.Spent >= budget.Budget);
    }

    [Fact]
    public void Waiting_does_not_spend_it()
    {
        // the wall clock runs four times past the budget while this thread sleeps: a wall-clock budget would have run out
        using var budget = new CpuBudget(TimeSpan.FromMilliseconds(500));
        Thread.Sleep(TimeSpan.FromSeconds(2));
        Assert.False(budget.Token.IsCancellationRequested, $"the budget ran out while nothing worked ({budget.Spent.TotalSeconds:0.000} s of CPU)");
    }

    [Fact]
    public void No_budget_is_spent_at_once()
    {
        using var budget = new CpuBudget(TimeSpan.Zero);
        Assert.True(budget.Token.IsCancellationRequested);
    }
}
