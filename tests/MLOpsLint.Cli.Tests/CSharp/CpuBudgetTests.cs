using System.Diagnostics;
using MLOpsLint.Cli.CSharp;

namespace MLOpsLint.Cli.Tests.CSharp;

/// <summary>
/// The budget of the C# analyzers is CPU time of this process: work spends it. (That waiting does not is not asserted here: the
/// budget counts the whole test process, where other tests' threads keep working.) Nothing here asserts how long anything takes: the spin
/// runs until the budget says stop, with a wall-clock limit only so that a broken budget fails instead of hanging.
/// </summary>
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
    public void No_budget_is_spent_at_once()
    {
        using var budget = new CpuBudget(TimeSpan.Zero);
        Assert.True(budget.Token.IsCancellationRequested);
    }
}
