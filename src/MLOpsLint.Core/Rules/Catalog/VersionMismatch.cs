using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Rules;

// MLO6xx — dev-prod version mismatch. Environments and their grouping: src/MLOpsLint.Core/Environments/.
public static partial class RuleCatalog
{
    public static readonly RuleDescriptor MLO601 = new(
        "MLO601",
        "python-version-excluded",
        "Python version excluded by another declaration",
        Severity.Warning,
        "Two files of one project name Python versions that cannot both hold: a Dockerfile on python:3.8 with requires-python "
        + ">=3.11, a .python-version of 3.12 beside a runtime.txt of 3.9. Development, CI and production then run different "
        + "interpreters, and installs fail or resolve different wheels.",
        "Choose one Python version and use it everywhere: the Dockerfile tag, .python-version, runtime.txt and the requires-python range.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO602 = new(
        "MLO602",
        "ci-python-not-production",
        "CI tests no Python version that production runs",
        Severity.Warning,
        "Every setup-python version in the workflows differs from the Python the production image (or runtime.txt) runs, "
        + "so the tests never exercise the interpreter that serves users.",
        "Add the production Python to the CI matrix, or read it from one file (python-version-file: .python-version) that the Dockerfile follows too.")
    {
        Scopes = FileScope.All,
    };

    private static readonly RuleOption SerializedLibrariesOption = new(
        "serialized-libraries", "[]",
        "More libraries whose saved artifacts depend on their version (added to the built-in list: scikit-learn, xgboost, "
        + "lightgbm, catboost, torch, tensorflow, keras, joblib, onnx, onnxruntime, numpy, pandas, scipy, statsmodels, cloudpickle, dill).");

    public static readonly RuleDescriptor MLO603 = new(
        "MLO603",
        "serialized-library-version-mismatch",
        "Model library pinned to different versions for training and serving",
        Severity.Warning,
        "A library whose artifacts are serialized — a scikit-learn or xgboost pickle, a torch or TensorFlow checkpoint, a joblib "
        + "dump — is pinned to one version where models are trained and to an incompatible one where they are served. Pickles "
        + "do not load across versions, or load and predict differently (scikit-learn warns InconsistentVersionWarning).",
        "Pin the same version in both environments (one shared constraints file, or the serving pin copied from the training lock).",
        new[] { SerializedLibrariesOption })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO604 = new(
        "MLO604",
        "target-framework-newer-than-runtime-image",
        ".NET target framework newer than the container runtime",
        Severity.Warning,
        "The container that runs the app has an older .NET runtime than the project targets (net8.0 on mcr.microsoft.com/dotnet/aspnet:6.0): "
        + "the app does not start (\"You must install or update .NET to run this application\").",
        "Use the runtime image of the target framework (FROM mcr.microsoft.com/dotnet/aspnet:8.0 for net8.0), or target the runtime you deploy.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO605 = new(
        "MLO605",
        "global-json-sdk-not-in-ci",
        "global.json SDK not installed by CI",
        Severity.Warning,
        "global.json asks for an SDK that the workflow's setup-dotnet does not install (dotnet-version 8.0.x, global.json 9.0.100): "
        + "CI builds with whatever SDK the runner image happens to carry, or fails with \"A compatible .NET SDK was not found\".",
        "Let setup-dotnet read the file (with: global-json-file: global.json), or install a matching dotnet-version.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO606 = new(
        "MLO606",
        "cuda-version-mismatch",
        "CUDA version of framework wheels differs from the base image",
        Severity.Warning,
        "The image's CUDA (nvidia/cuda:11.8.0-runtime, pytorch/pytorch:…-cuda11.8-…) differs from the CUDA the framework wheels are "
        + "built for (torch==2.1.0+cu121): the image carries two CUDA stacks, the host driver must support the newer one, and "
        + "building CUDA extensions fails (\"The detected CUDA version mismatches the version that was used to compile PyTorch\").",
        "Install the wheels built for the image's CUDA (torch==2.1.0+cu118 from https://download.pytorch.org/whl/cu118), or move the image to the wheels' CUDA.")
    {
        Scopes = FileScope.All,
    };

    private static readonly RuleOption NuGetPackagesOption = new(
        "packages", "[\"Microsoft.ML*\", \"TorchSharp*\", \"libtorch-*\", \"TensorFlow.NET\", \"TensorFlow.Keras\", \"SciSharp.TensorFlow.Redist*\"]",
        "Package ids compared (globs with *): by default the packages whose saved models depend on their version. [\"*\"] compares every package.");

    public static readonly RuleDescriptor MLO607 = new(
        "MLO607",
        "nuget-version-skew",
        "ML package version differs across projects of one solution",
        Severity.Warning,
        "One ML package is referenced at different versions by projects of one solution (Microsoft.ML 3.0.1 in the trainer, 2.0.0 "
        + "in the web API): a model saved by one version may not load, or may score differently, in the other.",
        "Use one version: Central Package Management (Directory.Packages.props with <PackageVersion>) or the same Version in every project.",
        new[] { NuGetPackagesOption })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO608 = new(
        "MLO608",
        "library-version-mismatch",
        "Library pinned to different versions for development and serving",
        Severity.Suggestion,
        "A library is pinned to versions that cannot both hold in a development or training environment and in the serving "
        + "environment (pandas 2.1.4 for training, 1.5.3 in the Dockerfile): code tested against one runs in production against "
        + "the other. Libraries whose artifacts are serialized are MLO603's and reported as warnings.",
        "Pin the same version in both environments, or share one constraints file (pip install -c constraints.txt).")
    {
        Scopes = FileScope.All,
    };
}
