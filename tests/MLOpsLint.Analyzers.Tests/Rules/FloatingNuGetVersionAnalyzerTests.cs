using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MLOpsLint.Analyzers.Rules;
using MLOpsLint.Analyzers.Tests.Support;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>MLO210 on the MSBuild files a build passes as AdditionalFiles, judged together (Central Package Management).</summary>
public class FloatingNuGetVersionAnalyzerTests
{
    private static CSharpAnalyzerTest<FloatingNuGetVersionAnalyzer, DefaultVerifier> Test(params (string Path, string Text)[] files)
    {
        var test = new CSharpAnalyzerTest<FloatingNuGetVersionAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = "class Program { static void Main() { } }",
        };
        foreach (var f in files) test.TestState.AdditionalFiles.Add((f.Path, f.Text));
        return test;
    }

    [Fact]
    public Task Floating_and_open_versions_in_the_project_file_are_reported_where_they_are_written() => Test(
        ("/src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.ML" Version="{|#0:3.*|}" />
                <PackageReference Include="TorchSharp" Version="{|#1:(0.100,)|}" />
                <PackageReference Include="Microsoft.ML.OnnxRuntime" Version="1.17.1" />
              </ItemGroup>
            </Project>
            """)).WithExpected(
                new DiagnosticResult(FloatingNuGetVersionAnalyzer.Rule).WithLocation(0)
                    .WithArguments("PackageReference 'Microsoft.ML' Version=\"3.*\" floats: restore takes the newest matching version, which changes as packages are published"),
                new DiagnosticResult(FloatingNuGetVersionAnalyzer.Rule).WithLocation(1)
                    .WithArguments("PackageReference 'TorchSharp' Version=\"(0.100,)\" has an exclusive lower bound: restore takes the lowest version above it that exists at the time"))
            .RunAsync();

    [Fact]
    public Task A_reference_without_a_version_is_fine_under_Central_Package_Management_and_the_props_file_is_judged_too() => Test(
        ("/repo/Directory.Packages.props", """
            <Project>
              <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Microsoft.ML" Version="{|#0:4.0.*|}" />
                <PackageVersion Include="TorchSharp" Version="0.105.0" />
              </ItemGroup>
            </Project>
            """),
        ("/repo/src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.ML" />
                <PackageReference Include="TorchSharp" />
              </ItemGroup>
            </Project>
            """)).WithExpected(
                new DiagnosticResult(FloatingNuGetVersionAnalyzer.Rule).WithLocation(0)
                    .WithArguments("PackageVersion 'Microsoft.ML' Version=\"4.0.*\" floats: restore takes the newest matching version, which changes as packages are published"))
            .RunAsync();

    [Fact]
    public Task Pinned_versions_minimums_and_files_that_are_not_MSBuild_are_not_reported() => Test(
        ("/src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.ML" Version="3.0.1" />
                <PackageReference Include="TorchSharp" Version="[0.105.0]" />
              </ItemGroup>
            </Project>
            """),
        ("/src/App/requirements.txt", "Version=\"3.*\"\n"),
        ("/src/App/notes.md", "<PackageReference Include=\"X\" Version=\"*\" />\n")).RunAsync();
}

internal static class AnalyzerTestExtensions
{
    public static CSharpAnalyzerTest<FloatingNuGetVersionAnalyzer, DefaultVerifier> WithExpected(
        this CSharpAnalyzerTest<FloatingNuGetVersionAnalyzer, DefaultVerifier> test, params DiagnosticResult[] expected)
    {
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }
}
