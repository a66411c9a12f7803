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
        // System.Text.Json 10 for Tomlyn and Core's JSON readers, with what it needs beyond the netstandard facades (OldestHostTests)
        "System.Text.Json.dll", "Microsoft.Bcl.AsyncInterfaces.dll", "System.IO.Pipelines.dll", "System.Text.Encodings.Web.dll",
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
            .Append("build/MLOpsLint.Analyzers.targets").Append("build/MLOpsLint.Errors.globalconfig").Append("README.md").Append("icon.png")
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

    /// <summary>What nuget.org shows: the package's own README (the file beside the project), the icon, the license.</summary>
    [Fact]
    public void Carries_its_readme_icon_and_license()
    {
        using var reader = new PackageArchiveReader(PackagePath);
        var nuspec = reader.NuspecReader;
        Assert.Equal("README.md", nuspec.GetReadme());
        Assert.Equal("icon.png", nuspec.GetIcon());
        Assert.Equal("MIT", nuspec.GetLicenseMetadata()?.License);
        using (var readme = new StreamReader(reader.GetStream("README.md")))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "MLOpsLint.Analyzers.Package", "README.md")), readme.ReadToEnd());
        }
        using var icon = new MemoryStream();
        reader.GetStream("icon.png").CopyTo(icon);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, icon.ToArray().Take(4));
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "assets", "icon.png")), icon.ToArray());
    }

    /// <summary>The one MSBuild property the README documents (the global config goes in as an EditorConfigFiles item, as the SDK passes .globalconfig files) makes exactly the catalog's error rules errors again.</summary>
    [Fact]
    public void The_errors_globalconfig_lists_the_catalog_errors()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "MLOpsLint.Analyzers.Package", "build", "MLOpsLint.Errors.globalconfig"));
        var listed = System.Text.RegularExpressions.Regex.Matches(text, @"^dotnet_diagnostic\.(MLO\d{3})\.severity = error$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToArray();
        var errors = Core.Rules.RuleCatalog.All.Where(r => r.DefaultSeverity == Core.Rules.Severity.Error).Select(r => r.Id).ToArray();
        Assert.NotEmpty(errors);
        Assert.Equal(errors, listed);
        Assert.Contains("is_global = true", text);
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
            Assert.True(!context.Requested.Any(n => AnalyzerHost.Refused.Contains(n)), "requested: " + string.Join(", ", context.Requested.Distinct()));
        }
        finally
        {
            context.Unload();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The AdditionalFiles bridge in a host that can load neither Tomlyn nor any System.Text.Json (worse than any real host:
    /// the package carries System.Text.Json 10, and OldestHostTests shows Roslyn 4.8 on .NET 8 judging pyproject.toml with
    /// it): requirements files and Dockerfiles are still judged, the parts that need the missing libraries fail alone.
    /// </summary>
    [Fact]
    public async Task The_repository_files_bridge_judges_requirements_and_Dockerfiles_in_a_host_without_Tomlyn()
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
        var context = new AnalyzerHost(folder, "Tomlyn", "System.Text.Json");
        try
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(context.LoadFromAssemblyPath(Path.Combine(folder, "MLOpsLint.Analyzers.dll"))
                .GetType("MLOpsLint.Analyzers.Rules.RepositoryFilesAnalyzer", throwOnError: true)!)!;
            var files = ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText("/src/App/requirements.txt", "pandas==2.2.0\nnumpy\n"),
                new InMemoryAdditionalText("/src/App/Dockerfile", "FROM python:latest\n"),
                new InMemoryAdditionalText("/src/App/notes.md", "numpy\n")); // not a file the bridge judges
            var diagnostics = await CSharpCompilation.Create("host-test", new[] { CSharpSyntaxTree.ParseText("class C { }") })
                .WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(files))
                .GetAnalyzerDiagnosticsAsync();
            Assert.Equal(new[] { "requirements.txt(2) MLO201", "Dockerfile(1) MLO204" },
                diagnostics.Select(d => $"{Path.GetFileName(d.Location.GetLineSpan().Path)}({d.Location.GetLineSpan().StartLinePosition.Line + 1}) {d.Id}")
                    .OrderByDescending(s => s, StringComparer.Ordinal).ToArray());
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

    /// <summary>
    /// A real <c>dotnet build</c> of a console project that adds the package to code holding a connection string with a
    /// password, and passes its requirements.txt and Dockerfile as AdditionalFiles: the build stays green with warnings
    /// (MLO403 is an error in the CLI, a warning here), the repository files are judged as the CLI judges them, and the
    /// one documented property makes the credential rules errors again.
    /// </summary>
    [Fact]
    public void Adding_the_package_never_fails_a_build_and_judges_repository_files()
    {
        string root = Path.Combine(Path.GetTempPath(), "mlo-consumer-" + Guid.NewGuid().ToString("N"));
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
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="MLOpsLint.Analyzers" Version="{version}" PrivateAssets="all" />
                    <AdditionalFiles Include="requirements.txt;Dockerfile" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"),
                "var connection = \"Server=db.internal;User Id=trainer;Password=Xk9vQ2mLp7Rt;\";\nSystem.Console.WriteLine(connection.Length);\n");
            File.WriteAllText(Path.Combine(app, "requirements.txt"), "pandas==2.2.0\nnumpy\n");
            File.WriteAllText(Path.Combine(app, "Dockerfile"), "FROM python:3.11.9-slim\nRUN pip install --no-cache-dir -r requirements.txt\nFROM python:latest\n");
            File.WriteAllText(Path.Combine(app, "nuget.config"),
                $"<configuration><packageSources><clear /><add key=\"local\" value=\"{feed}\" /></packageSources></configuration>\n");

            var green = Build(app, root);
            Assert.True(green.Code == 0, green.Output);
            Assert.Matches(@"Program\.cs\(1,\d+\): warning MLO403", green.Output);
            Assert.DoesNotContain("error MLO", green.Output);
            Assert.Contains("requirements.txt(2,1): warning MLO201: 'numpy' in requirements.txt has no version", green.Output);
            Assert.DoesNotContain("requirements.txt(1,", green.Output); // pandas is pinned
            Assert.Matches(@"Dockerfile\(3,\d+\): warning MLO204", green.Output);
            Assert.DoesNotContain("Dockerfile(1,", green.Output); // python:3.11.9-slim names a version

            var red = Build(app, root, "-p:MLOpsLintCredentialsAsErrors=true");
            Assert.NotEqual(0, red.Code);
            Assert.Matches(@"Program\.cs\(1,\d+\): error MLO403", red.Output);
            Assert.Contains("requirements.txt(2,1): warning MLO201", red.Output); // only the credential rules change
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static (int Code, string Output) Build(string app, string root, params string[] extra)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "build", "--nologo", "-v", "q", "--no-incremental", "-p:TreatWarningsAsErrors=false" }.Concat(extra)) psi.ArgumentList.Add(a);
        psi.Environment["NUGET_PACKAGES"] = Path.Combine(root, "packages"); // never the user's cache: the version does not change between builds
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var build = System.Diagnostics.Process.Start(psi)!;
        var stderr = build.StandardError.ReadToEndAsync();
        string output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        return (build.ExitCode, output + stderr.Result);
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
        private readonly string[] refused;

        public AnalyzerHost(string folder, params string[] refused) : base("analyzer-host", isCollectible: true)
        {
            this.folder = folder;
            this.refused = refused.Length > 0 ? refused : Refused;
        }

        public List<string> Requested { get; } = new();

        protected override Assembly? Load(AssemblyName name)
        {
            lock (Requested) Requested.Add(name.Name!);
            if (refused.Contains(name.Name)) throw new FileNotFoundException("refused by the test host", name.Name);
            var path = Path.Combine(folder, name.Name + ".dll");
            return name.Name!.StartsWith("MLOpsLint.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
