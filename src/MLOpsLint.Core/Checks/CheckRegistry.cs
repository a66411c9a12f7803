using MLOpsLint.Core.Checks.CommittedData;
using MLOpsLint.Core.Checks.Credentials;
using MLOpsLint.Core.Checks.Dependencies;
using MLOpsLint.Core.Checks.Mismatch;
using MLOpsLint.Core.Checks.Paths;
using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Checks.Tracking;

namespace MLOpsLint.Core.Checks;

/// <summary>
/// Every check in Core, ordered by full type name. A written list rather than reflection: listing an assembly's
/// types loads every type in it (and the assemblies their signatures name), a cost every scan paid at start-up.
/// A test holds this list equal to the check classes Core defines, so a new check cannot be left out.
/// </summary>
public static class CheckRegistry
{
    private static readonly Lazy<IReadOnlyList<ICheck>> all = new(() => new ICheck[]
    {
        new CommittedArtifactCheck(),
        new DvcCheck(),
        new LfsCheck(),
        new NotebookOutputsCheck(),
        new CredentialCheck(),
        new SecretFileCheck(),
        new BaseImageCheck(),
        new HubRevisionCheck(),
        new InstallCommandCheck(),
        new NotebookInstallCheck(),
        new NuGetVersionCheck(),
        new PythonDependencyCheck(),
        new PythonInstallCallCheck(),
        new WorkflowPinningCheck(),
        new CudaVersionCheck(),
        new DotNetVersionCheck(),
        new LibraryPinCheck(),
        new NuGetSkewCheck(),
        new PythonVersionCheck(),
        new HardcodedPathCheck(),
        new SeedsCheck(),
        new UnseededGeneratorCheck(),
        new TrackingCheck(),
    });

    public static IReadOnlyList<ICheck> All => all.Value;
}
