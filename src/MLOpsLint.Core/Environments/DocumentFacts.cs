using MLOpsLint.Core.Parsing.Dockerfile;

namespace MLOpsLint.Core.Environments;

/// <summary>Everything one file says about its environment. Computed once per document (<see cref="FactReader.Of"/>).</summary>
public sealed class DocumentFacts
{
    public static readonly DocumentFacts None = new();

    public List<PythonFact> Python { get; } = new();

    public List<LibraryFact> Libraries { get; } = new();

    public List<CudaFact> Cuda { get; } = new();

    public List<DotNetFact> DotNet { get; } = new();

    /// <summary>Files a Dockerfile installs from (<c>pip install -r</c>, <c>-c</c>, <c>conda env create -f</c>), as written,
    /// with the instruction that names them (to follow its stage's COPYs); and whether it installs the project's lock
    /// (<c>uv sync</c>, <c>poetry install</c>, <c>pipenv install</c>, <c>pip install .</c>).</summary>
    public List<(string Value, DockerInstruction Instruction)> InstalledFiles { get; } = new();

    public bool InstallsProject { get; set; }

    /// <summary>Set for a deployment manifest that runs container images (a Kubernetes workload, a compose file): what it
    /// is, in words ("a Kubernetes Deployment"). Its folder is a serving environment.</summary>
    public string? DeploymentManifest { get; set; }

    /// <summary>Projects a Dockerfile builds (<c>dotnet publish src/Api/Api.csproj</c>, <c>COPY Api.csproj</c>), as written.</summary>
    public List<string> DotNetProjects { get; } = new();

    /// <summary>Messages about content that could not be read (malformed lock files).</summary>
    public List<(int Line, string Message)> Problems { get; } = new();

    public bool IsEmpty => Python.Count == 0 && Libraries.Count == 0 && Cuda.Count == 0 && DotNet.Count == 0;
}
