using System.Reflection;
using MLOpsLint.Cli.Commands;
using MLOpsLint.Core.Checks;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>The engine's check lists are written out (finding them by reflection cost every scan at start-up): each
/// must hold every check class of its assembly, in full-name order.</summary>
public class CheckListTests
{
    [Fact]
    public void Core_lists_every_check_it_defines() =>
        Assert.Equal(CheckClasses(typeof(CheckRegistry).Assembly), CheckRegistry.All.Select(c => c.GetType().FullName));

    [Fact]
    public void The_cli_lists_every_check_it_defines() =>
        Assert.Equal(CheckClasses(typeof(ScanRunner).Assembly), ScanRunner.CliChecks.Select(c => c.GetType().FullName));

    private static string?[] CheckClasses(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsInterface && typeof(ICheck).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
            .Select(t => t.FullName)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
}
