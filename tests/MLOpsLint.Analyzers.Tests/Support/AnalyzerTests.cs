using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MLOpsLint.Analyzers.Tests.Support;

/// <summary>Builds analyzer tests in the two situations an analyzer meets: ML.NET referenced (the IDE and
/// <c>dotnet build</c>), and nothing resolving (the CLI, which compiles without references).</summary>
public static class AnalyzerTests
{
    /// <summary>Sources compile against .NET 8 and a Microsoft.ML project holding <see cref="TestReferences.MLNetStub"/>.</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> WithMLNet<TAnalyzer>(params string[] sources)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.Net80 };
        foreach (var source in sources) test.TestState.Sources.Add(source);
        test.TestState.AdditionalProjects[TestReferences.MLNetProject].Sources.Add(TestReferences.MLNetStub);
        test.TestState.AdditionalProjectReferences.Add(TestReferences.MLNetProject);
        return test;
    }

    /// <summary>Sources compile with no ML.NET: <c>using Microsoft.ML;</c> does not resolve, so compiler
    /// errors are expected and ignored; only the analyzer's diagnostics are checked.</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> WithoutMLNet<TAnalyzer>(params string[] sources)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net80,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        foreach (var source in sources) test.TestState.Sources.Add(source);
        return test;
    }

    /// <summary><see cref="WithMLNet{TAnalyzer}"/> or <see cref="WithoutMLNet{TAnalyzer}"/>.</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create<TAnalyzer>(bool mlNetResolves, params string[] sources)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        mlNetResolves ? WithMLNet<TAnalyzer>(sources) : WithoutMLNet<TAnalyzer>(sources);
}
