using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;

namespace MLOpsLint.Analyzers.Tests.Package;

/// <summary>
/// The package in the oldest compiler host it supports, for real: Roslyn 4.8 (the .NET 8 SDK's compiler) on the .NET 8
/// runtime, loading the package's analyzers/dotnet/cs with Roslyn's own analyzer loader (tests/hosts/roslyn-4.8, a
/// self-contained .NET 8 program this test publishes). That host has System.Text.Json 8 and System.Collections.Immutable 8;
/// Tomlyn (pyproject.toml) and Core's notebook and configuration readers need System.Text.Json 10, which the package
/// carries with its dependencies: Roslyn's loader takes the host's copy where it is new enough and the package's otherwise.
/// </summary>
public class OldestHostTests
{
    private static string PackagePath => typeof(OldestHostTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AnalyzerPackage").Value!;

    private static readonly Lazy<string> Host = new(PublishHost);

    private static string PublishHost()
    {
        string output = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "roslyn-4.8-host-" + Environment.ProcessId);
        var (code, text) = Run("dotnet", RepositoryRoot.Path, "publish", Path.Combine("tests", "hosts", "roslyn-4.8"), "-c", "Release", "-o", output, "--nologo", "-v", "q");
        Assert.True(code == 0, "publishing the Roslyn 4.8 / .NET 8 host failed:\n" + text);
        return Path.Combine(output, "Roslyn48Host");
    }

    [Fact]
    public void The_repository_files_bridge_judges_pyproject_and_the_other_files_in_Roslyn_4_8_on_dotNET_8()
    {
        string root = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "oldest-host-" + Guid.NewGuid().ToString("N"));
        string analyzers = Path.Combine(root, "analyzers"), app = Path.Combine(root, "app");
        Directory.CreateDirectory(analyzers);
        Directory.CreateDirectory(Path.Combine(app, ".github", "workflows"));
        try
        {
            using (var zip = ZipFile.OpenRead(PackagePath))
            {
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)))
                {
                    entry.ExtractToFile(Path.Combine(analyzers, entry.Name));
                }
            }
            // each file holds one thing to report and a look-alike that must stay silent (a pinned line)
            File.WriteAllText(Path.Combine(app, "requirements.txt"), "pandas==2.2.0\nnumpy\n");
            File.WriteAllText(Path.Combine(app, "Dockerfile"), "FROM python:3.11.9-slim AS build\nFROM python:latest\n");
            File.WriteAllText(Path.Combine(app, "pyproject.toml"), """
                [project]
                name = "trainer"
                version = "1.0"
                requires-python = ">=3.10"
                dependencies = [
                  "torch",
                  "numpy==1.26.4",
                ]

                [project.optional-dependencies]
                dev = ["pytest==8.2.0"]

                [[tool.trainer.runs]]
                when = 2024-01-01T00:00:00Z
                """);
            File.WriteAllText(Path.Combine(app, "environment.yml"), "name: ml\nchannels: [conda-forge]\ndependencies:\n  - python=3.11\n  - pandas=2.2.0\n  - numpy\n");
            File.WriteAllText(Path.Combine(app, ".github", "workflows", "ci.yml"),
                "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: someone/lint-action@main\n      - uses: someone/other-action@8f4b7f84864484a7bf31766abe9204da3cbe65b3\n");

            var (code, output) = Run(Host.Value, app, analyzers, "requirements.txt", "Dockerfile", "pyproject.toml", "environment.yml", Path.Combine(".github", "workflows", "ci.yml"));
            Assert.True(code == 0, output);
            var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            Assert.StartsWith("runtime 8.0.", lines[0]); // this is the oldest host, not the test's own runtime
            Assert.EndsWith("Roslyn 4.8.0.0", lines[0]);
            Assert.DoesNotContain(lines, l => l.StartsWith("load-failed", StringComparison.Ordinal) || l.StartsWith("analyzer-exception", StringComparison.Ordinal));

            var findings = lines.Where(l => l.Contains("): MLO", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(": ", l.IndexOf("): ", StringComparison.Ordinal) + 3, StringComparison.Ordinal)]).ToArray();
            Assert.Equal(new[]
            {
                "ci.yml(6,35): MLO207",
                "Dockerfile(2,6): MLO204",
                "environment.yml(6,5): MLO201",
                "pyproject.toml(5,1): MLO202",
                "requirements.txt(2,1): MLO201",
            }, findings.OrderBy(f => f, StringComparer.OrdinalIgnoreCase));
            Assert.Contains(lines, l => l.StartsWith("pyproject.toml(5,1): MLO202: ", StringComparison.Ordinal) && l.Contains("(torch)", StringComparison.Ordinal));

            // what came from where: the host's Roslyn and immutable collections, the package's System.Text.Json 10 and Tomlyn
            Assert.Contains("loaded: Tomlyn 2.0.0.0 package", lines);
            Assert.Contains(lines, l => l.StartsWith("loaded: System.Text.Json 10.", StringComparison.Ordinal) && l.EndsWith(" package", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("loaded: System.Collections.Immutable 8.", StringComparison.Ordinal) && l.EndsWith(" host", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("loaded: Microsoft.CodeAnalysis 4.8.0.0 ", StringComparison.Ordinal) && l.EndsWith(" host", StringComparison.Ordinal));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static (int Code, string Output) Run(string file, string directory, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }
}
