using System.Runtime.CompilerServices;

namespace MLOpsLint.Cli;

/// <summary>
/// What the Native AOT build (<c>dotnet publish -r RID -p:Aot=true</c>, bench/README.md "Start-up") leaves to the
/// portable JIT build (the dotnet tool). Four parts of the tool need code generated or found by reflection at run
/// time: Roslyn (the C# analyzers), OmniSharp's language server (DryIoc), NuGet.Protocol (<c>--online</c>, Newtonsoft
/// reflection) and Octokit (the check-run annotations of the github format). Each asks <see cref="IsNativeAot"/>
/// first; the AOT compiler takes it as the constant <c>true</c> and leaves those libraries out of the executable,
/// and the JIT build never takes the branch. Every such skip says so on stderr or in the scan's diagnostics.
/// </summary>
internal static class NativeAotLimits
{
    public static bool IsNativeAot => !RuntimeFeature.IsDynamicCodeSupported;

    public const string UseJitBuild = "this is the Native AOT build of mlops-lint; the dotnet tool (dotnet tool install -g MLOpsLint) has it";
}
