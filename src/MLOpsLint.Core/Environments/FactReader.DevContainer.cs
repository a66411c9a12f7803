using System.Text.Json;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Versioning;

namespace MLOpsLint.Core.Environments;

public static partial class FactReader
{
    /// <summary><c>.devcontainer/devcontainer.json</c>, <c>.devcontainer/&lt;name&gt;/devcontainer.json</c> and
    /// <c>.devcontainer.json</c>: the files the Dev Containers specification looks for.</summary>
    public static bool IsDevContainerFile(string path)
    {
        string name = DocumentClassifier.FileName(path).ToLowerInvariant();
        if (name == ".devcontainer.json") return true;
        if (name != "devcontainer.json") return false;
        return path.StartsWith(".devcontainer/", StringComparison.Ordinal) || path.Contains("/.devcontainer/");
    }

    /// <summary>
    /// The Python of a dev container: the <c>python</c> feature's <c>version</c> (it installs that Python as the
    /// default), else the image's (<c>mcr.microsoft.com/devcontainers/python:1-3.11-bookworm</c>, <c>python:3.12</c>).
    /// The file is JSON with comments and trailing commas. "latest", "os-provided" and "none" name no version.
    /// </summary>
    private static void ReadDevContainer(SourceDocument d, DocumentFacts facts)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(d.Text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            facts.Problems.Add((1, "malformed devcontainer.json: " + e.Message));
            return;
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return;
            if (root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Object)
            {
                foreach (var feature in features.EnumerateObject())
                {
                    string id = feature.Name.ToLowerInvariant();
                    int at = id.LastIndexOf(':');
                    string bare = at > id.LastIndexOf('/') ? id.Substring(0, at) : id;
                    if (!(bare.EndsWith("/features/python", StringComparison.Ordinal) || bare == "python")) continue;
                    string? version = feature.Value.ValueKind == JsonValueKind.Object && feature.Value.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String
                        ? v.GetString()
                        : feature.Value.ValueKind == JsonValueKind.String ? feature.Value.GetString() : null;
                    if (version != null && PythonVersion.TryParse(version, out var py) && py.Minor != null && py.Variant == null)
                    {
                        facts.Python.Add(new PythonFact(d.Path, QuotedSpan(d, version, feature.Name), version, PythonSource.DevContainer, py.ToSpecifierSet(), py));
                        return;
                    }
                }
            }
            if (root.TryGetProperty("image", out var image) && image.ValueKind == JsonValueKind.String && image.GetString() is { } text
                && PythonOfImage(text) is { } imagePython)
            {
                facts.Python.Add(new PythonFact(d.Path, QuotedSpan(d, text, "image"), text, PythonSource.DevContainer, imagePython.ToSpecifierSet(), imagePython));
            }
        }
    }

    /// <summary>The Python of an image that is Python itself: Docker Hub's <c>python</c>, and the Dev Containers images
    /// <c>mcr.microsoft.com/devcontainers/python</c> and <c>mcr.microsoft.com/vscode/devcontainers/python</c>, whose tags
    /// put the image's own major version first (<c>1-3.11-bookworm</c>, <c>0-3.9</c>).</summary>
    public static PythonVersion? PythonOfImage(string image)
    {
        int digest = image.IndexOf('@');
        if (digest >= 0) image = image.Substring(0, digest);
        int colon = image.LastIndexOf(':');
        if (colon < 0 || colon < image.LastIndexOf('/')) return null;
        string repo = image.Substring(0, colon).ToLowerInvariant();
        string tag = image.Substring(colon + 1);
        bool devcontainer = repo is "mcr.microsoft.com/devcontainers/python" or "mcr.microsoft.com/vscode/devcontainers/python";
        bool hub = repo is "python" or "library/python" or "docker.io/python" or "docker.io/library/python" or "index.docker.io/library/python";
        if (!devcontainer && !hub) return null;
        if (devcontainer)
        {
            int dash = tag.IndexOf('-');
            if (dash > 0 && tag.Substring(0, dash).All(char.IsDigit) && dash + 1 < tag.Length && char.IsDigit(tag[dash + 1])) tag = tag.Substring(dash + 1);
        }
        return PythonVersion.TryParse(tag, out var py) && py.Minor != null ? py : null;
    }

    /// <summary>The span of <c>"value"</c> in the text, looked for after the key it belongs to.</summary>
    private static Findings.SourceSpan QuotedSpan(SourceDocument d, string value, string key)
    {
        string text = d.Text;
        int k = text.IndexOf("\"" + key + "\"", StringComparison.Ordinal);
        int at = text.IndexOf("\"" + value + "\"", Math.Max(0, k), StringComparison.Ordinal);
        if (at < 0) at = text.IndexOf("\"" + value + "\"", StringComparison.Ordinal);
        return at < 0 ? Findings.SourceSpan.Line(1) : Span(d, at + 1, at + 1 + value.Length);
    }

    /// <summary>The Python a notebook was last run with (<c>metadata.language_info.version</c>), as a minor line: the
    /// patch release is the author's machine of the day, not a declaration of the project.</summary>
    private static void ReadNotebookKernel(SourceDocument d, DocumentFacts facts, Python.Notebooks.NotebookKernelVersion? kernel)
    {
        if (kernel == null || !PythonVersion.TryParse(kernel.Version, out var py) || py.Minor == null || py.Variant != null) return;
        var line = Versioning.Pep440.Pep440SpecifierSet.Parse($"=={py.Major}.{py.Minor}.*");
        facts.Python.Add(new PythonFact(d.Path, kernel.Span, kernel.Version, PythonSource.NotebookKernel, line, py));
    }
}
