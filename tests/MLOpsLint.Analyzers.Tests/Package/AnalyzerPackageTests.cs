using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NuGet.Packaging;

namespace MLOpsLint.Analyzers.Tests.Package;

/// <summary>The NuGet package <c>MLOpsLint.Analyzers</c>, as built by src/MLOpsLint.Analyzers.Package.</summary>
public class AnalyzerPackageTests
{
    private static readonly string[] PackagedAssemblies =
    {
        "MLOpsLint.Analyzers.dll", "MLOpsLint.CodeFixes.dll", "MLOpsLint.Core.dll",
        "Tomlyn.dll", "YamlDotNet.dll", "Microsoft.Bcl.HashCode.dll",
    };

    private static string PackagePath => typeof(AnalyzerPackageTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AnalyzerPackage").Value!;

    [Fact]
    public void Holds_exactly_the_analyzer_assemblies_the_build_targets_and_nothing_for_lib()
    {
        using var reader = new PackageArchiveReader(PackagePath);
        var entries = reader.GetFiles()
            .Where(f => !f.StartsWith("_rels/", StringComparison.Ordinal) && !f.StartsWith("package/", StringComparison.Ordinal)
                && f != "[Content_Types].xml")
            .OrderBy(f => f, StringComparer.Ordinal);

        var expected = PackagedAssemblies.Select(a => "analyzers/dotnet/cs/" + a).Append("MLOpsLint.Analyzers.nuspec")
            .Append("build/MLOpsLint.Analyzers.targets")
            .OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(expected, entries);
    }

    [Fact]
    public void Is_a_development_dependency_without_dependencies()
    {
        using var reader = new PackageArchiveReader(PackagePath);
        var nuspec = reader.NuspecReader;
        Assert.Equal("MLOpsLint.Analyzers", nuspec.GetId());
        Assert.True(nuspec.GetDevelopmentDependency());
        Assert.Empty(nuspec.GetDependencyGroups().SelectMany(g => g.Packages));
    }

    /// <summary>
    /// Tomlyn (netstandard2.0) needs System.Text.Json 10 and System.Collections.Immutable 9, which compiler
    /// hosts before the .NET 10 SDK do not have; the package does not ship them. MLO303 must therefore work
    /// without ever loading Tomlyn, YamlDotNet or System.Text.Json: run the packaged analyzer in a load
    /// context that refuses them.
    /// </summary>
    [Fact]
    public async Task Packaged_analyzers_run_without_loading_Tomlyn_YamlDotNet_or_System_Text_Json()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mlo-package-" + Guid.NewGuid().ToString("N"));
        using (var zip = ZipFile.OpenRead(PackagePath))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)))
            {
                Directory.CreateDirectory(folder);
                entry.ExtractToFile(Path.Combine(folder, entry.Name));
            }
        }
        var context = new AnalyzerHost(folder);
        try
        {
            var analyzers = context.LoadFromAssemblyPath(Path.Combine(folder, "MLOpsLint.Analyzers.dll")).GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            var tree = CSharpSyntaxTree.ParseText("using Microsoft.ML;\nclass T { object A() => new MLContext(); }\n");
            // the project file, as build/MLOpsLint.Analyzers.targets passes it: MLO210 must not need Tomlyn either
            var project = new InMemoryAdditionalText("/src/App/App.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Microsoft.ML\" Version=\"3.*\" /></ItemGroup></Project>\n");
            var diagnostics = await CSharpCompilation.Create("host-test", new[] { tree })
                .WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(project)))
                .GetAnalyzerDiagnosticsAsync();

            Assert.Equal(new[] { "MLO210", "MLO303" }, diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray());
            Assert.Contains("MLOpsLint.Core", context.Requested); // the catalog was read through the host
            Assert.DoesNotContain(context.Requested, n => AnalyzerHost.Refused.Contains(n));
        }
        finally
        {
            context.Unload();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// A real <c>dotnet build</c> of a project that references the package (from a folder feed, restored into a
    /// package cache of its own, offline): build/MLOpsLint.Analyzers.targets passes the project file to the analyzers,
    /// and MLO210 is reported on it at the version's line and column.
    /// </summary>
    [Fact]
    public void A_build_with_the_package_reports_floating_versions_in_its_own_project_file()
    {
        string root = Path.Combine(Path.GetTempPath(), "mlo-build-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(root, "feed"), app = Path.Combine(root, "app");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(app);
        try
        {
            File.Copy(PackagePath, Path.Combine(feed, Path.GetFileName(PackagePath)));
            string version;
            using (var reader = new PackageArchiveReader(PackagePath)) version = reader.NuspecReader.GetVersion().ToNormalizedString();
            File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="MLOpsLint.Analyzers" Version="{version}" PrivateAssets="all" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(NeverSet)' == 'yes'">
                    <PackageReference Include="Microsoft.ML" Version="3.*" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Lib.cs"), "public class Lib { }\n");
            File.WriteAllText(Path.Combine(app, "nuget.config"),
                $"<configuration><packageSources><clear /><add key=\"local\" value=\"{feed}\" /></packageSources></configuration>\n");
            var psi = new System.Diagnostics.ProcessStartInfo("dotnet", "build --nologo -v q -p:TreatWarningsAsErrors=false")
            {
                WorkingDirectory = app,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            psi.Environment["NUGET_PACKAGES"] = Path.Combine(root, "packages"); // never the user's cache: the version does not change between builds
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            psi.Environment["DOTNET_NOLOGO"] = "1";
            using var build = System.Diagnostics.Process.Start(psi)!;
            var stderr = build.StandardError.ReadToEndAsync();
            string output = build.StandardOutput.ReadToEnd();
            build.WaitForExit();
            Assert.True(build.ExitCode == 0, output + stderr.Result);
            Assert.Contains("App.csproj(7,55): warning MLO210: PackageReference 'Microsoft.ML' Version=\"3.*\" floats", output);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly string text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            this.text = text;
        }

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    /// <summary>Plays a compiler host: Roslyn and the framework are the host's, our assemblies come from the
    /// package folder, and the libraries a host may lack cannot be loaded at all.</summary>
    private sealed class AnalyzerHost : AssemblyLoadContext
    {
        public static readonly string[] Refused = { "Tomlyn", "YamlDotNet", "System.Text.Json" };
        private readonly string folder;

        public AnalyzerHost(string folder) : base("analyzer-host", isCollectible: true) => this.folder = folder;

        public List<string> Requested { get; } = new();

        protected override Assembly? Load(AssemblyName name)
        {
            lock (Requested) Requested.Add(name.Name!);
            if (Refused.Contains(name.Name)) throw new FileNotFoundException("refused by the test host", name.Name);
            var path = Path.Combine(folder, name.Name + ".dll");
            return name.Name!.StartsWith("MLOpsLint.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
