using System.Reflection;
using MLOpsLint.Analyzers.Infrastructure;
using MLOpsLint.CodeFixes.Rules;

namespace MLOpsLint.Analyzers.Tests;

/// <summary>
/// The analyzer and code-fix assemblies load in the oldest host we support (the .NET 8 SDK compiler, VS 17.8):
/// they reference nothing newer than what Roslyn 4.8 itself references. An analyzer compiled against
/// System.Collections.Immutable 9 fails to load there (its SupportedDiagnostics type does not match the host's).
/// </summary>
public class HostCompatibilityTests
{
    public static TheoryData<string> Assemblies() => new() { "MLOpsLint.Analyzers", "MLOpsLint.CodeFixes" };

    private static Assembly Load(string name) =>
        name == "MLOpsLint.Analyzers" ? typeof(MLOpsAnalyzer).Assembly : typeof(UnseededMLContextFixer).Assembly;

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void References_no_newer_Roslyn_or_collections_than_Roslyn_4_8(string name)
    {
        var references = Load(name).GetReferencedAssemblies().ToDictionary(r => r.Name!, r => r.Version!);
        Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
        Assert.True(references["System.Collections.Immutable"] <= new Version(7, 0, 0, 0),
            $"{name} references System.Collections.Immutable {references["System.Collections.Immutable"]}");
    }
}
