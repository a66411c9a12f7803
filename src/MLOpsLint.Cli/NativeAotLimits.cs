namespace MLOpsLint.Cli;

/// <summary>
/// What the Native AOT build (<c>dotnet publish -r RID -p:Aot=true</c>, bench/README.md "Start-up") leaves to the
/// portable JIT build (the dotnet tool). Four parts of the tool need code generated or found by reflection at run
/// time: Roslyn (the C# analyzers), OmniSharp's language server (DryIoc), NuGet.Protocol (<c>--online</c>, Newtonsoft
/// reflection) and Octokit (the check-run annotations of the github format). Each is behind
/// <c>if (!RuntimeFeature.IsDynamicCodeSupported)</c>, written out at each place: the AOT compiler takes that property as
/// the constant false and leaves the other branch, and with it those libraries, out of the executable (through a
/// property of our own it did not: the executable kept Roslyn, 55 MB). The JIT build never takes the branch. Every
/// such skip says so on stderr or in the scan's diagnostics. A fifth, <c>--new-from-rev</c>, is refused in the AOT build
/// (ScanRunner): LibGit2Sharp's diff ends the AOT process with a null reference inside its native callbacks.
/// </summary>
internal static class NativeAotLimits
{
    public const string UseJitBuild = "this is the Native AOT build of mlops-lint; the dotnet tool (dotnet tool install -g MLOpsLint) has it";
}
