using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using MLOpsLint.EndToEnd.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.EndToEnd.Tests.Release;

/// <summary>
/// The release workflow's own steps (.github/workflows/release.yml, read from the file and run with bash as GitHub's
/// runner runs a <c>run:</c> step): the version comes from the vX.Y.Z tag and only from it, and the Pack step makes every
/// package at that one version with SourceLink (the repository and commit in the nuspec, the PDB with its SourceLink map
/// embedded in each DLL), the package's README, the icon and the license. WorkflowSchemaTests validates the file itself.
/// </summary>
public class ReleaseWorkflowTests
{
    private const string Repository = "https://github.com/mlops-lint/mlops-lint";

    /// <summary>The <c>run:</c> script of the step named <paramref name="name"/> of job <paramref name="job"/>.</summary>
    private static string Step(string job, string name)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, ".github", "workflows", "release.yml"))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])[job])["steps"];
        var step = steps.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("name", out var n) && ((YamlScalarNode)n).Value == name);
        return ((YamlScalarNode)step["run"]).Value!;
    }

    /// <summary>A run: step as the runner runs it on Linux (<c>bash -e</c>), with the workflow's env for it.</summary>
    private static CliResult RunStep(string script, string directory, Dictionary<string, string?> env)
    {
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_NOLOGO"] = "1";
        env["MSBUILDDISABLENODEREUSE"] = "1";
        return ExternalTool.Run("bash", directory, env, "-e", "-c", script);
    }

    [Theory]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("v10.0.12", "10.0.12")]
    [InlineData("v1.2", null)]
    [InlineData("1.2.3", null)]
    [InlineData("v1.2.3-rc.1", null)]
    [InlineData("v1", null)]
    public void The_version_is_the_tag_without_its_v_and_any_other_tag_stops_the_release(string tag, string? version)
    {
        using var work = TempRepo.Folder();
        string output = Path.Combine(work.Root, "github_output");
        File.WriteAllText(output, "");
        var result = RunStep(Step("pack", "Version from the tag"), work.Root, new() { ["GITHUB_REF_NAME"] = tag, ["GITHUB_OUTPUT"] = output });
        if (version == null)
        {
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains($"::error::tag {tag} is not vX.Y.Z", result.Stdout);
            Assert.Equal("", File.ReadAllText(output));
        }
        else
        {
            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.Equal($"version={version}\n", File.ReadAllText(output));
        }
    }

    [Fact]
    public void The_pack_step_makes_every_package_at_the_tag_version_with_SourceLink_readme_icon_and_license()
    {
        using var work = TempRepo.Folder();
        string clone = CheckoutSnapshot.Commit(work.Root, "release");
        // as actions/checkout leaves it: origin is the GitHub repository (SourceLink maps the sources to its raw URLs)
        TempRepo.RunIn(clone, "git", "remote", "set-url", "origin", Repository + ".git");
        string commit = TempRepo.RunIn(clone, "git", "rev-parse", "HEAD").Trim();

        // the release packs the tool for six RIDs with ReadyToRun code and an IL-only 'any' fallback; ToolRids (an
        // MSBuild property, from the environment here) keeps the fallback alone, so the test needs no runtime packs
        var pack = RunStep(Step("pack", "Pack"), clone, new() { ["VERSION"] = "1.2.3", ["ToolRids"] = "any" });
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);

        string artifacts = Path.Combine(clone, "artifacts");
        Assert.Equal(new[] { "MLOpsLint.1.2.3.nupkg", "MLOpsLint.Analyzers.1.2.3.nupkg", "MLOpsLint.any.1.2.3.nupkg" },
            Directory.GetFiles(artifacts).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));

        var readmes = new Dictionary<string, string>
        {
            ["MLOpsLint"] = "src/MLOpsLint.Cli/README.md",
            ["MLOpsLint.any"] = "src/MLOpsLint.Cli/README.md",
            ["MLOpsLint.Analyzers"] = "src/MLOpsLint.Analyzers.Package/README.md",
        };
        byte[] icon = File.ReadAllBytes(Path.Combine(clone, "assets", "icon.png"));
        foreach (var (id, readme) in readmes)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(artifacts, $"{id}.1.2.3.nupkg"));
            var nuspec = XDocument.Load(zip.GetEntry($"{id}.nuspec")!.Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Meta(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");

            Assert.Equal(id, Meta("id"));
            Assert.Equal("1.2.3", Meta("version"));
            Assert.Equal("MIT", Meta("license"));
            Assert.Equal(Repository, (string?)repository.Attribute("url"));
            Assert.Equal(commit, (string?)repository.Attribute("commit"));
            Assert.Equal("README.md", Meta("readme"));
            Assert.Equal(File.ReadAllText(Path.Combine(clone, readme)), new StreamReader(zip.GetEntry("README.md")!.Open()).ReadToEnd());
            Assert.Equal("icon.png", Meta("icon"));
            using var png = new MemoryStream();
            zip.GetEntry("icon.png")!.Open().CopyTo(png);
            Assert.Equal(icon, png.ToArray());
        }

        // SourceLink: each of our DLLs carries its PDB, which maps the sources to the tagged commit on GitHub
        string raw = $"https://raw.githubusercontent.com/mlops-lint/mlops-lint/{commit}/*";
        foreach (var (package, dll) in new[]
        {
            ("MLOpsLint.any", "tools/net10.0/any/mlops-lint.dll"),
            ("MLOpsLint.any", "tools/net10.0/any/MLOpsLint.Core.dll"),
            ("MLOpsLint.Analyzers", "analyzers/dotnet/cs/MLOpsLint.Analyzers.dll"),
            ("MLOpsLint.Analyzers", "analyzers/dotnet/cs/MLOpsLint.Core.dll"),
        })
        {
            using var zip = ZipFile.OpenRead(Path.Combine(artifacts, $"{package}.1.2.3.nupkg"));
            var entry = zip.GetEntry(dll);
            Assert.True(entry != null, $"{package} has no {dll}");
            using var bytes = new MemoryStream();
            entry!.Open().CopyTo(bytes);
            Assert.Contains(raw, SourceLinkOf(bytes.ToArray()));
        }
    }

    /// <summary>The SourceLink JSON of the PDB embedded in a DLL ("" when there is none).</summary>
    private static string SourceLinkOf(byte[] dll)
    {
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        using var pe = new PEReader(new MemoryStream(dll));
        var embedded = pe.ReadDebugDirectory().Where(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb).ToArray();
        if (embedded.Length == 0) return "";
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded[0]);
        var pdb = provider.GetMetadataReader();
        foreach (var handle in pdb.CustomDebugInformation)
        {
            var info = pdb.GetCustomDebugInformation(handle);
            if (pdb.GetGuid(info.Kind) == sourceLinkKind) return System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(info.Value));
        }
        return "";
    }
}
