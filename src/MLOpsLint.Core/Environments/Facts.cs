using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Versioning;
using MLOpsLint.Core.Versioning.Pep440;

namespace MLOpsLint.Core.Environments;

/// <summary>Where a Python version is declared; decides which declarations are compared and which side is reported.</summary>
public enum PythonSource
{
    /// <summary><c>requires-python</c> in pyproject.toml.</summary>
    RequiresPython,
    /// <summary>Poetry's <c>[tool.poetry.dependencies] python</c>.</summary>
    PoetryPython,
    /// <summary>setup.cfg <c>[options] python_requires</c>.</summary>
    SetupCfgPythonRequires,
    /// <summary><c>.python-version</c> (pyenv, uv, rye).</summary>
    DotPythonVersion,
    /// <summary><c>.tool-versions</c> (asdf, mise).</summary>
    ToolVersions,
    /// <summary><c>runtime.txt</c> (Heroku, App Engine and other buildpacks).</summary>
    RuntimeTxt,
    /// <summary>Pipfile <c>[requires] python_version</c> / <c>python_full_version</c>.</summary>
    Pipfile,
    /// <summary>conda environment.yml <c>python=3.10</c>.</summary>
    CondaEnvironment,
    /// <summary>tox.ini <c>envlist</c> (<c>py39,py310</c>).</summary>
    Tox,
    /// <summary>Dockerfile <c>FROM python:3.11-slim</c> (the stage that runs).</summary>
    DockerBaseImage,
    /// <summary>Dockerfile <c>conda install python=3.10</c>, <c>uv python install 3.12</c>, <c>apt-get install python3.11</c>.</summary>
    DockerInstall,
    /// <summary>GitHub workflow <c>actions/setup-python</c> (matrices resolved).</summary>
    SetupPython,
    /// <summary>A dev container (<c>.devcontainer/devcontainer.json</c>): the python feature's version, or the image's.</summary>
    DevContainer,
    /// <summary>The Python a notebook last ran with (<c>metadata.language_info.version</c>), as its minor line.</summary>
    NotebookKernel,
    /// <summary>A container image of a deployment manifest (Kubernetes <c>containers[].image: python:3.9-slim</c>,
    /// compose <c>services.*.image</c>).</summary>
    DeploymentImage,
}

/// <summary>A fact read from one file, with its place.</summary>
public abstract class EnvironmentFact
{
    protected EnvironmentFact(string path, SourceSpan span, string text)
    {
        Path = path;
        Span = span;
        Text = text;
    }

    /// <summary>Repository-relative path of the file that declares it.</summary>
    public string Path { get; }

    public SourceSpan Span { get; }

    /// <summary>The declaration as written (<c>python:3.8-slim</c>, <c>scikit-learn==1.3.2</c>, <c>net8.0</c>).</summary>
    public string Text { get; }

    public Location Location(string? message = null) => new(Path, Span) { Message = message };

    /// <summary><c>path:line</c>, for messages.</summary>
    public string Where => $"{Path}:{Span.StartLine}";
}

/// <summary>A Python version or constraint: the versions a declaration admits.</summary>
public sealed class PythonFact : EnvironmentFact
{
    public PythonFact(string path, SourceSpan span, string text, PythonSource source, Pep440SpecifierSet admitted, PythonVersion? version)
        : base(path, span, text)
    {
        Source = source;
        Admitted = admitted;
        Version = version;
    }

    public PythonSource Source { get; }

    /// <summary>The Python versions this declaration admits, as a specifier set (<c>==3.11.*</c>, <c>&gt;=3.11</c>).</summary>
    public Pep440SpecifierSet Admitted { get; }

    /// <summary>The version or line when the declaration names one (everything but requires-python-style constraints).</summary>
    public PythonVersion? Version { get; }

    /// <summary>A constraint on which Pythons a project supports (requires-python, python_requires, Poetry's python).</summary>
    public bool IsConstraint => Source is PythonSource.RequiresPython or PythonSource.PoetryPython or PythonSource.SetupCfgPythonRequires;

    /// <summary>A list of versions a test tool runs (CI, tox): compared with constraints only.</summary>
    public bool IsTestMatrix => Source is PythonSource.SetupPython or PythonSource.Tox;

    /// <summary>What the declaration is, in words: "the Dockerfile's base image", "requires-python".</summary>
    public string Describe() => Source switch
    {
        PythonSource.RequiresPython => $"requires-python '{Text}'",
        PythonSource.PoetryPython => $"Poetry's python = '{Text}'",
        PythonSource.SetupCfgPythonRequires => $"python_requires '{Text}'",
        PythonSource.DotPythonVersion => $".python-version {Text}",
        PythonSource.ToolVersions => $".tool-versions '{Text}'",
        PythonSource.RuntimeTxt => $"runtime.txt {Text}",
        PythonSource.Pipfile => $"Pipfile python_version '{Text}'",
        PythonSource.CondaEnvironment => $"conda '{Text}'",
        PythonSource.Tox => $"tox env {Text}",
        PythonSource.DockerBaseImage => $"base image {Text}",
        PythonSource.DockerInstall => $"'{Text}'",
        PythonSource.SetupPython => $"setup-python {Text}",
        PythonSource.DeploymentImage => $"deployment image {Text}",
        PythonSource.DevContainer => $"the dev container's {Text}",
        PythonSource.NotebookKernel => $"the notebook's kernel metadata (Python {Text})",
        _ => Text,
    };

    /// <summary>The Python named, for messages: "3.8", "&gt;=3.11".</summary>
    public string Shown => Version?.ToString() ?? Admitted.ToString();
}

/// <summary>Where a library version comes from.</summary>
public enum LibrarySource
{
    Requirements,
    DockerInstall,
    CondaEnvironment,
    PipfileLock,
    PoetryLock,
    UvLock,
    Manifest,
    /// <summary>A notebook's <c>%pip install pkg==X</c> / <c>!pip install pkg==X</c>.</summary>
    Notebook,
}

/// <summary>One library's version constraint in one file.</summary>
public sealed class LibraryFact : EnvironmentFact
{
    public LibraryFact(string path, SourceSpan span, string text, string name, Pep440SpecifierSet specifiers, LibrarySource source)
        : base(path, span, text)
    {
        Name = name;
        Specifiers = specifiers;
        Source = source;
    }

    /// <summary>PEP 503 normalised name.</summary>
    public string Name { get; }

    /// <summary>The constraint, local version labels (<c>+cu121</c>) removed: the same release built for CPU or GPU
    /// writes the same artifacts.</summary>
    public Pep440SpecifierSet Specifiers { get; }

    public LibrarySource Source { get; }

    /// <summary>Development-only dependency (Pipfile.lock <c>develop</c>, a Poetry dev group).</summary>
    public bool IsDevelopmentOnly { get; init; }

    public bool IsLock => Source is LibrarySource.PipfileLock or LibrarySource.PoetryLock or LibrarySource.UvLock;

    /// <summary>The constraint for messages: <c>==1.3.2</c>, <c>1.3.2 (locked)</c>.</summary>
    public string Shown => IsLock ? Specifiers.ToString().TrimStart('=') + " (locked)" : Specifiers.ToString();
}

/// <summary>What a .NET fact is.</summary>
public enum DotNetSource
{
    /// <summary><c>&lt;TargetFramework(s)&gt;</c> of a project (or Directory.Build.props).</summary>
    TargetFramework,
    /// <summary>A <c>mcr.microsoft.com/dotnet/{aspnet,runtime,sdk}</c> image that runs the app (a Dockerfile's final
    /// stage, or a container image of a deployment manifest).</summary>
    RuntimeImage,
}

/// <summary>A .NET version: a target framework or a runtime image.</summary>
public sealed class DotNetFact : EnvironmentFact
{
    public DotNetFact(string path, SourceSpan span, string text, DotNetSource source, int major, int minor)
        : base(path, span, text)
    {
        Source = source;
        Major = major;
        Minor = minor;
    }

    public DotNetSource Source { get; }

    public int Major { get; }

    public int Minor { get; }

    public string Shown => $"{Major}.{Minor}";

    public int CompareTo(DotNetFact other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);
}

/// <summary>Where a CUDA version comes from.</summary>
public enum CudaSource
{
    /// <summary>A wheel's local version (<c>torch==2.1.0+cu121</c>, <c>jaxlib+cuda12</c>) or extra (<c>jax[cuda12]</c>).</summary>
    Wheel,
    /// <summary>A PyTorch index (<c>--index-url https://download.pytorch.org/whl/cu121</c>) that torch packages come from.</summary>
    WheelIndex,
    /// <summary>The CUDA of a base image: <c>nvidia/cuda:12.1.0-…</c>, <c>pytorch/pytorch:…-cuda11.8-…</c>, <c>tensorflow/tensorflow:2.15.0-gpu</c>.</summary>
    BaseImage,
}

/// <summary>A CUDA version (major, and minor when known).</summary>
public sealed class CudaFact : EnvironmentFact
{
    public CudaFact(string path, SourceSpan span, string text, CudaSource source, int major, int? minor, string subject)
        : base(path, span, text)
    {
        Source = source;
        Major = major;
        Minor = minor;
        Subject = subject;
    }

    public CudaSource Source { get; }

    public int Major { get; }

    /// <summary>Null when only the major version is known (<c>jax[cuda12]</c>).</summary>
    public int? Minor { get; }

    /// <summary>What carries this CUDA: the package (<c>torch</c>) or the image.</summary>
    public string Subject { get; }

    public string Shown => Minor is int m ? $"{Major}.{m}" : $"{Major}";
}
