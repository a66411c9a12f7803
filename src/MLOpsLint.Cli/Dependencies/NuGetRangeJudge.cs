using System.Runtime.CompilerServices;
using MLOpsLint.Core.Checks.Dependencies;
using MLOpsLint.Core.Parsing.MSBuild;
using NuGet.Versioning;

namespace MLOpsLint.Cli.Dependencies;

/// <summary>
/// Judges NuGet versions with NuGet.Versioning's own <see cref="VersionRange"/> — the parser restore uses. The CLI
/// installs it as MLO210's classifier when the assembly loads; Core's analyzer-safe
/// <see cref="NuGetVersionText"/> is held equal to it by tests.
/// </summary>
internal static class NuGetRangeJudge
{
    [ModuleInitializer]
    internal static void Install() => NuGetVersionCheck.Classifier = Classify;

    public static NuGetVersionKind Classify(string text)
    {
        if (!VersionRange.TryParse(text, allowFloating: true, out var range)) return NuGetVersionKind.Invalid;
        if (range.IsFloating) return NuGetVersionKind.Floating;
        if (!range.HasLowerBound) return NuGetVersionKind.NoLowerBound;
        if (!range.IsMinInclusive) return NuGetVersionKind.ExclusiveLowerBound;
        if (range.HasUpperBound && range.IsMaxInclusive && range.MinVersion == range.MaxVersion) return NuGetVersionKind.Exact;
        return range.HasUpperBound ? NuGetVersionKind.Bounded : NuGetVersionKind.Minimum;
    }
}
