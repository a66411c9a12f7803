using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Dockerfile;
using MLOpsLint.Core.Parsing.Requirements;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Versioning;

namespace MLOpsLint.Core.Environments;

public static partial class FactReader
{
    private static readonly Regex AptPython = new(@"^python(\d)\.(\d{1,2})(?:-(?:dev|venv|distutils|full|minimal))?(?:=.*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex CudaTag = new(@"^(\d+)\.(\d+)(?:\.\d+)?(?:-|$)", RegexOptions.CultureInvariant);
    private static readonly Regex FrameworkCudaTag = new(@"cuda(\d+)\.(\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex TensorFlowGpuTag = new(@"^(\d+)\.(\d+)(?:\.\d+)?-gpu(?:-|$)", RegexOptions.CultureInvariant);
    private static readonly Regex DotNetTag = new(@"^(\d+)\.(\d+)(?:[.-]|$)", RegexOptions.CultureInvariant);

    /// <summary>The CUDA version each TensorFlow release's GPU image and <c>tensorflow[and-cuda]</c> wheels are built
    /// with (tensorflow.org/install/source#gpu).</summary>
    private static readonly Dictionary<(int, int), (int, int)> TensorFlowCuda = new()
    {
        [(2, 4)] = (11, 0), [(2, 5)] = (11, 2), [(2, 6)] = (11, 2), [(2, 7)] = (11, 2), [(2, 8)] = (11, 2),
        [(2, 9)] = (11, 2), [(2, 10)] = (11, 2), [(2, 11)] = (11, 2), [(2, 12)] = (11, 8), [(2, 13)] = (11, 8),
        [(2, 14)] = (11, 8), [(2, 15)] = (12, 2), [(2, 16)] = (12, 3), [(2, 17)] = (12, 3), [(2, 18)] = (12, 5),
    };

    /// <summary>The stages whose contents end up in the image that runs: the last stage and the stages it is built FROM.</summary>
    public static HashSet<int> FinalStages(DockerfileModel model)
    {
        var result = new HashSet<int>();
        if (model.Stages.Count == 0) return result;
        var stage = model.Stages[model.Stages.Count - 1];
        while (stage != null && result.Add(stage.StageIndex))
        {
            if (!stage.RefersToStage) break;
            stage = model.Stages.FirstOrDefault(s => s.StageName != null && s.StageName.Equals(stage.Repository, StringComparison.OrdinalIgnoreCase)
                && s.StageIndex < stage.StageIndex);
        }
        return result;
    }

    private static void ReadDockerfile(SourceDocument d, DocumentFacts facts)
    {
        var model = DockerfileParser.Of(d);
        var final = FinalStages(model);
        var basePython = new List<PythonFact>();
        var installPython = new List<PythonFact>();
        foreach (var from in model.Stages)
        {
            if (from.IsScratch || from.RefersToStage || from.HasUnresolvedVariable || from.Tag == null) continue;
            var span = Span(d, from.ImageWord.Start, from.ImageWord.End);
            string repo = from.Repository.ToLowerInvariant();
            string registry = from.Registry?.ToLowerInvariant() ?? "docker.io";
            bool hub = registry is "docker.io" or "index.docker.io" or "registry-1.docker.io";
            if (repo.StartsWith("library/", StringComparison.Ordinal)) repo = repo.Substring(8);
            bool runs = final.Contains(from.StageIndex);
            // Docker Hub's python, and the Dev Containers python images (a .devcontainer/Dockerfile builds FROM them).
            var py = !runs ? null
                : hub && repo == "python" ? (PythonVersion.TryParse(from.Tag, out var hubPython) && hubPython.Minor != null ? hubPython : null)
                : registry == "mcr.microsoft.com" ? PythonOfImage(from.Image) : null;
            if (py != null)
            {
                basePython.Add(new PythonFact(d.Path, span, from.Image, PythonSource.DockerBaseImage, py.ToSpecifierSet(), py));
            }
            // CUDA of the image (any stage: a -devel builder stage compiles against it too, but the runtime stage is what we compare).
            if (runs) AddImageCuda(d, facts, from, repo, registry, span);
            if (runs && (registry == "mcr.microsoft.com") && (repo.StartsWith("dotnet/", StringComparison.Ordinal)))
            {
                string kind = repo.Substring(repo.LastIndexOf('/') + 1);
                var m = DotNetTag.Match(from.Tag);
                if (kind is "aspnet" or "runtime" or "sdk" && m.Success)
                {
                    facts.DotNet.Add(new DotNetFact(d.Path, span, from.Image, DotNetSource.RuntimeImage, int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)));
                }
            }
        }
        foreach (var run in model.Runs)
        {
            bool runs = final.Contains(run.Instruction.StageIndex);
            foreach (var cmd in run.Commands)
            {
                var words = cmd.Words;
                var install = InstallCommandParser.Parse(cmd);
                if (install != null)
                {
                    foreach (var f in install.RequirementFiles.Concat(install.ConstraintFiles).Concat(install.EnvironmentFiles))
                    {
                        if (!f.HasExpansion) facts.InstalledFiles.Add((f.Value, run.Instruction));
                    }
                    if (install.Installer is Installer.Pip or Installer.UvPip
                        && install.Packages.Concat(install.Editables).Any(p => p.Value is "." or "./" || p.Value.StartsWith(".[", StringComparison.Ordinal)))
                    {
                        facts.InstallsProject = true;
                    }
                    if (runs) AddInstallFacts(d, facts, install, words);
                    if (runs) AddInstalledPython(d, install, installPython);
                }
                ReadToolCommand(d, words, facts, runs ? installPython : null);
            }
        }
        foreach (var copy in model.Copies)
        {
            foreach (var src in copy.Sources)
            {
                if (src.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && src.IndexOfAny(new[] { '*', '?', '$' }) < 0) facts.DotNetProjects.Add(src);
            }
        }
        // An interpreter installed in the image is the one the app runs; the base image's then only provides the OS.
        facts.Python.AddRange(installPython.Count > 0 ? installPython : basePython);
    }

    private static void AddInstalledPython(SourceDocument d, InstallCommand install, List<PythonFact> into)
    {
        foreach (var w in install.Packages)
        {
            if (w.HasExpansion) continue;
            if (install.Installer == Installer.Conda)
            {
                var spec = CondaSpec.Parse(w.Value);
                if (spec.NormalizedName != "python" || !spec.HasVersion) continue;
                if (VersionText.PythonFrom(spec.Version) is { } py)
                {
                    into.Add(new PythonFact(d.Path, Span(d, w.Start, w.End), $"{install.Tool.Value} install {w.Value}", PythonSource.DockerInstall, py.Admitted, py.Version));
                }
            }
            else if (install.Installer == Installer.Apt)
            {
                var m = AptPython.Match(w.Value);
                if (!m.Success) continue;
                var v = PythonVersion.Parse(m.Groups[1].Value + "." + m.Groups[2].Value);
                into.Add(new PythonFact(d.Path, Span(d, w.Start, w.End), $"apt-get install {w.Value}", PythonSource.DockerInstall, v.ToSpecifierSet(), v));
            }
        }
    }

    /// <summary><c>uv python install 3.12</c>, <c>uv venv --python 3.12</c>, <c>pyenv install 3.11.9</c>, and project installs
    /// (<c>uv sync</c>, <c>poetry install</c>, <c>pipenv install</c>, <c>pipenv sync</c>, <c>dotnet publish X.csproj</c>).</summary>
    private static void ReadToolCommand(SourceDocument d, IReadOnlyList<ShellWord> words, DocumentFacts facts, List<PythonFact>? python)
    {
        if (words.Count < 2) return;
        string tool = words[0].Value.Substring(words[0].Value.LastIndexOf('/') + 1);
        string sub = words[1].Value;
        if (tool == "uv" && sub is "sync" || tool == "poetry" && sub is "install" || tool == "pipenv" && sub is "install" or "sync"
            || tool == "pdm" && sub is "install" or "sync")
        {
            facts.InstallsProject = true;
        }
        if (tool == "dotnet" && sub is "publish" or "build" or "restore" or "run")
        {
            foreach (var w in words.Skip(2))
            {
                if (!w.HasExpansion && (w.Value.EndsWith("proj", StringComparison.OrdinalIgnoreCase) || w.Value.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)))
                {
                    facts.DotNetProjects.Add(w.Value);
                }
            }
        }
        if (python == null) return;
        ShellWord? version = null;
        if (tool == "uv" && sub == "python" && words.Count >= 4 && words[2].Value == "install") version = words.Skip(3).FirstOrDefault(w => !w.Value.StartsWith("-", StringComparison.Ordinal));
        else if (tool == "pyenv" && sub is "install" or "global") version = words.Skip(2).FirstOrDefault(w => !w.Value.StartsWith("-", StringComparison.Ordinal));
        else if (tool == "uv" && sub == "venv")
        {
            for (int i = 2; i < words.Count; i++)
            {
                if (words[i].Value is "--python" or "-p" && i + 1 < words.Count) version = words[i + 1];
                else if (words[i].Value.StartsWith("--python=", StringComparison.Ordinal)) version = words[i];
            }
        }
        if (version == null || version.HasExpansion) return;
        string value = version.Value.StartsWith("--python=", StringComparison.Ordinal) ? version.Value.Substring(9) : version.Value;
        if (PythonVersion.TryParse(value, out var v) && v.Minor != null && v.Variant == null)
        {
            string text = string.Join(" ", words.Select(w => w.Value));
            python.Add(new PythonFact(d.Path, Span(d, version.Start, version.End), text, PythonSource.DockerInstall, v.ToSpecifierSet(), v));
        }
    }

    private static void AddImageCuda(SourceDocument d, DocumentFacts facts, DockerFrom from, string repo, string registry, Findings.SourceSpan span)
    {
        string tag = from.Tag!;
        if (repo is "nvidia/cuda" || (registry == "nvcr.io" && repo == "nvidia/cuda"))
        {
            var m = CudaTag.Match(tag);
            if (m.Success) facts.Cuda.Add(new CudaFact(d.Path, span, from.Image, CudaSource.BaseImage, int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), from.Image));
            return;
        }
        if (repo == "pytorch/pytorch")
        {
            var m = FrameworkCudaTag.Match(tag);
            if (m.Success) facts.Cuda.Add(new CudaFact(d.Path, span, from.Image, CudaSource.BaseImage, int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), from.Image));
            return;
        }
        if (repo == "tensorflow/tensorflow")
        {
            var m = TensorFlowGpuTag.Match(tag);
            if (m.Success && TensorFlowCuda.TryGetValue((int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)), out var cu))
            {
                facts.Cuda.Add(new CudaFact(d.Path, span, from.Image, CudaSource.BaseImage, cu.Item1, cu.Item2, from.Image));
            }
        }
    }
}
