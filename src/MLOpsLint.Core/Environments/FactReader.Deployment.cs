using MLOpsLint.Core.Checks.Dependencies;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Parsing.Workflows;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Versioning;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.Core.Environments;

public static partial class FactReader
{
    /// <summary>Kubernetes kinds whose pod template runs containers.</summary>
    private static readonly HashSet<string> WorkloadKinds = new(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod",
    };

    /// <summary>Cheap text test before parsing: an <c>image:</c> key and a manifest marker.</summary>
    private static bool MayBeDeploymentManifest(string text) =>
        text.Contains("image:", StringComparison.Ordinal)
        && (text.Contains("apiVersion:", StringComparison.Ordinal) || text.Contains("services:", StringComparison.Ordinal));

    // ------------------------------------------------------------------ deployment manifests

    /// <summary>
    /// Kubernetes workloads (<c>kind</c> + <c>apiVersion</c>, every document of a <c>---</c> stream; the images of
    /// <c>containers</c> anywhere under <c>spec</c>, init containers left out) and compose files (<c>services.*.image</c>):
    /// a Python image's version is a serving Python fact, a .NET runtime image a serving .NET fact. Malformed YAML (a Helm
    /// template before rendering) gives nothing; so do images with variables (<c>${TAG}</c>, <c>{{ .Values.tag }}</c>).
    /// </summary>
    private static void ReadDeploymentManifest(SourceDocument d, DocumentFacts facts)
    {
        if (Text.Nesting.LineTooDeep(d.Text, yaml: true) > 0) return; // the workflow and configuration checks say why
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(d.Text));
        }
        catch (Exception e) when (e is YamlException or ArgumentException or InvalidOperationException)
        {
            return;
        }
        var images = new List<YamlScalarNode>();
        string? what = null;
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root) continue;
            string? kind = YamlText.Scalar(YamlText.Get(root, "kind"));
            if (kind != null && YamlText.Scalar(YamlText.Get(root, "apiVersion")) != null)
            {
                if (!WorkloadKinds.Contains(kind)) continue;
                int before = images.Count;
                CollectContainerImages(YamlText.Get(root, "spec"), images);
                if (images.Count > before) what ??= $"a Kubernetes {kind}";
            }
            else if (kind == null && YamlText.Get(root, "services") is YamlMappingNode services)
            {
                int before = images.Count;
                foreach (var service in services.Children)
                {
                    if (YamlText.Get(service.Value, "image") is YamlScalarNode image) images.Add(image);
                }
                if (images.Count > before) what ??= "a compose file";
            }
        }
        if (what == null) return;
        facts.DeploymentManifest = what;
        foreach (var node in images) AddDeploymentImage(d, facts, node);
    }

    private static void CollectContainerImages(YamlNode? node, List<YamlScalarNode> into)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var kv in map.Children)
                {
                    string? key = (kv.Key as YamlScalarNode)?.Value;
                    if (key == "initContainers") continue;
                    if (key == "containers" && kv.Value is YamlSequenceNode containers)
                    {
                        foreach (var c in containers.Children)
                        {
                            if (YamlText.Get(c, "image") is YamlScalarNode image) into.Add(image);
                        }
                        continue;
                    }
                    CollectContainerImages(kv.Value, into);
                }
                break;
            case YamlSequenceNode seq:
                foreach (var child in seq.Children) CollectContainerImages(child, into);
                break;
        }
    }

    private static void AddDeploymentImage(SourceDocument d, DocumentFacts facts, YamlScalarNode node)
    {
        string image = (node.Value ?? "").Trim();
        if (image.Length == 0 || image.IndexOfAny(new[] { '$', '{', '}', ' ' }) >= 0) return;
        var (registry, repo, tag) = SplitImage(image);
        if (tag == null) return;
        var text = YamlText.ScalarText(node, d.Lines);
        var span = Span(d, text.DocOffset(0), text.DocOffset(Math.Max(0, text.Length - 1)) + 1);
        string reg = registry?.ToLowerInvariant() ?? "docker.io";
        repo = repo.ToLowerInvariant();
        if (repo.StartsWith("library/", StringComparison.Ordinal)) repo = repo.Substring(8);
        if (reg is "docker.io" or "index.docker.io" or "registry-1.docker.io" && repo == "python"
            && PythonVersion.TryParse(tag, out var py) && py.Minor != null)
        {
            facts.Python.Add(new PythonFact(d.Path, span, image, PythonSource.DeploymentImage, py.ToSpecifierSet(), py));
        }
        if (reg == "mcr.microsoft.com" && repo.StartsWith("dotnet/", StringComparison.Ordinal))
        {
            string kind = repo.Substring(repo.LastIndexOf('/') + 1);
            var m = DotNetTag.Match(tag);
            if (kind is "aspnet" or "runtime" or "sdk" && m.Success)
            {
                facts.DotNet.Add(new DotNetFact(d.Path, span, image, DotNetSource.RuntimeImage, int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)));
            }
        }
    }

    /// <summary><c>registry/repo:tag@digest</c> split as Docker does (the first part is a registry when it has a dot or
    /// a port, or is <c>localhost</c>).</summary>
    internal static (string? Registry, string Repository, string? Tag) SplitImage(string image)
    {
        string rest = image;
        int at = rest.IndexOf('@');
        if (at >= 0) rest = rest.Substring(0, at);
        string? tag = null;
        int slash = rest.LastIndexOf('/');
        int colon = rest.LastIndexOf(':');
        if (colon > slash)
        {
            tag = rest.Substring(colon + 1);
            rest = rest.Substring(0, colon);
        }
        string? registry = null;
        int firstSlash = rest.IndexOf('/');
        if (firstSlash > 0)
        {
            string host = rest.Substring(0, firstSlash);
            if (host.Contains('.') || host.Contains(':') || host == "localhost")
            {
                registry = host;
                rest = rest.Substring(firstSlash + 1);
            }
        }
        return (registry, rest, tag);
    }

    // ------------------------------------------------------------------ notebooks

    /// <summary>
    /// <c>%pip install pkg==X</c>, <c>!pip install pkg==X</c>, <c>!uv pip install</c>, <c>%conda install pkg=X</c> in a
    /// notebook's code cells, through the front end's magic lines and the shared install-command parser: pinned and
    /// constrained packages become library facts of the notebook's environment (unpinned ones and <c>{expr}</c> words
    /// do not).
    /// </summary>
    private static void ReadNotebook(SourceDocument d, DocumentFacts facts)
    {
        // an install line's shell text holds "install" (NotebookInstallCheck.InstallLines), and the JSON holds each source
        // line as one string: without the word, the kernel's version is all there is, and the JSON alone gives it (the code
        // cells are not tokenized: a staged scan reads the facts of every notebook in the repository)
        if (d.Text.IndexOf("install", StringComparison.Ordinal) < 0)
        {
            ReadNotebookKernel(d, facts, Python.Notebooks.NotebookReader.Read(d).Notebook?.KernelPython);
            return;
        }
        var module = PythonModule.Of(d);
        ReadNotebookKernel(d, facts, module.Notebook?.KernelPython);
        foreach (var (_, cell, shell, start) in NotebookInstallCheck.InstallLines(module))
        {
            foreach (var cmd in ShellParser.Parse(shell, start))
            {
                if (InstallCommandParser.Parse(cmd) is not { Installer: Installer.Pip or Installer.UvPip or Installer.Conda } install) continue;
                NotebookInstallCheck.MarkPythonExpansions(install);
                AddInstallFacts(d, facts, install, cmd.Words, (s, e) => cell.Source.SpanOf(s, Math.Max(s + 1, e)), LibrarySource.Notebook);
            }
        }
    }
}
