using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;

namespace MLOpsLint.EndToEnd.Tests.Server;

/// <summary>The VS Code extension as shipped: the .vsix that @vscode/vsce packages from editors/vscode (scripts/test.sh
/// builds it before the tests). It must hold the bundled client and nothing it does not need.</summary>
public sealed class VsCodeExtensionTests
{
    private static string Vsix => Path.Combine(LspClients.Root, "editors", "vscode", "mlops-lint.vsix");

    [Fact]
    public void The_vsix_holds_the_manifest_the_bundled_client_readme_and_license_and_no_sources_or_node_modules()
    {
        Assert.True(File.Exists(Vsix), "editors/vscode/mlops-lint.vsix is missing: run 'bash scripts/test.sh' (it runs 'npm run package' there)");
        using var zip = ZipFile.OpenRead(Vsix);
        var names = zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            "[Content_Types].xml", "extension.vsixmanifest", "extension/LICENSE.txt", "extension/out/extension.js", "extension/package.json", "extension/readme.md",
        }, names);

        using var package = JsonDocument.Parse(Read(zip, "extension/package.json"));
        var p = package.RootElement;
        Assert.Equal("./out/extension.js", p.GetProperty("main").GetString());
        Assert.Equal("9.0.1", p.GetProperty("dependencies").GetProperty("vscode-languageclient").GetString());
        var settings = p.GetProperty("contributes").GetProperty("configuration").GetProperty("properties");
        Assert.True(settings.TryGetProperty("mlopsLint.path", out _));
        Assert.Contains("onNotebook:jupyter-notebook", p.GetProperty("activationEvents").EnumerateArray().Select(e => e.GetString()));

        // the manifest names the same extension and version as package.json
        var manifest = XDocument.Parse(Read(zip, "extension.vsixmanifest"));
        var identity = manifest.Descendants().Single(e => e.Name.LocalName == "Identity");
        Assert.Equal(p.GetProperty("name").GetString(), identity.Attribute("Id")!.Value);
        Assert.Equal(p.GetProperty("publisher").GetString(), identity.Attribute("Publisher")!.Value);
        Assert.Equal(p.GetProperty("version").GetString(), identity.Attribute("Version")!.Value);

        // one bundled file: the language client (with its notebook sync) and the start-up code; 'vscode' stays external
        string js = Read(zip, "extension/out/extension.js");
        Assert.Contains("notebookDocumentSync", js, StringComparison.Ordinal);
        Assert.Contains("mlops-lint", js, StringComparison.Ordinal);
        Assert.Contains("require(\"vscode\")", js, StringComparison.Ordinal);
        Assert.DoesNotContain("require(\"vscode-languageclient", js, StringComparison.Ordinal);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
