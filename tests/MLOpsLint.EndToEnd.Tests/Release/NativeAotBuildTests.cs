using System.Runtime.InteropServices;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Release;

/// <summary>
/// The Native AOT build (<c>dotnet publish src/MLOpsLint.Cli -c Release -r RID -p:Aot=true</c>, bench/README.md
/// "Start-up") is published from a clone of this checkout and run beside the JIT build the other tests run, on a real
/// git repository made from samples/ml-project without its C# project: every mode of <c>scan</c> (working tree, staged,
/// history; JSON, SARIF and text) and <c>baseline</c> must give the same bytes, the same stderr and the same exit
/// code. What the AOT build leaves to the JIT build (the C# analyzers, the language server) is said, never silently
/// skipped: a repository with a .cs file gets a warning from the AOT build only.
/// </summary>
public class NativeAotBuildTests
{
    [Fact]
    public void The_native_AOT_executable_reports_what_the_JIT_build_reports_and_names_what_it_leaves_out()
    {
        using var work = TempRepo.Folder();
        string clone = CheckoutSnapshot.Commit(work.Root, "clone");
        string published = Path.Combine(work.Root, "aot");
        var env = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["NO_COLOR"] = "1",
        };
        var publish = ExternalTool.Run("dotnet", clone, env, "publish", "src/MLOpsLint.Cli", "-c", "Release",
            "-r", RuntimeInformation.RuntimeIdentifier, "-p:Aot=true", "-o", published, "--nologo");
        Assert.True(publish.ExitCode == 0, publish.Stdout + publish.Stderr);
        string aot = Path.Combine(published, "mlops-lint");
        Assert.True(File.Exists(aot), "no native executable in " + published);
        Assert.False(File.Exists(Path.Combine(published, "mlops-lint.dll")), "the AOT publish left IL beside the executable");
        string jit = Path.Combine(AppContext.BaseDirectory, "mlops-lint.dll");
        CliResult Aot(params string[] args) => ExternalTool.Run(aot, Path.GetTempPath(), env, args);
        CliResult Jit(params string[] args) => ExternalTool.Run("dotnet", Path.GetTempPath(), env, new[] { jit }.Concat(args).ToArray());

        using var repo = TempRepo.Git();
        string sample = Path.Combine(RepositoryRoot.Path, "samples", "ml-project");
        foreach (var file in Directory.GetFiles(sample, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(sample, file);
            if (rel.StartsWith("trainer", StringComparison.Ordinal)) continue; // the C# project: the JIT build's alone
            repo.Write(rel, File.ReadAllBytes(file));
        }
        // a credential (redacted in every report), a data file git ignores, a file nobody added
        repo.Write("src/settings.py", "AWS_SECRET_ACCESS_KEY = \"q8Vd2LxR0tNw5ZpK7mYc3HbJ9sFgT1uE4aWoXi6C\"\n");
        repo.Write(".gitignore", "scratch/\n");
        repo.Write("scratch/dump.csv", string.Concat(Enumerable.Repeat("a,b,c\n1,2,3\n", 60_000)));
        repo.Commit("the sample project");
        repo.Write("notes.py", "import random\nprint(random.random())\n");
        // staged: an unpinned requirement and a seeded script (the look-alike the staged scan must leave alone)
        repo.Write("requirements.txt", File.ReadAllText(Path.Combine(sample, "requirements.txt")) + "scikit-learn\n");
        repo.Write("src/seeded.py", "import numpy as np\nnp.random.seed(0)\nx = np.random.rand(3)\n");
        repo.Run("git", "add", "requirements.txt", "src/seeded.py");

        var runs = new[]
        {
            new[] { "--version" },
            new[] { "scan", repo.Root, "--format", "json" },
            new[] { "scan", repo.Root, "--format", "sarif" },
            new[] { "scan", repo.Root, "--no-color" },
            new[] { "scan", "--staged", repo.Root, "--format", "json" },
            new[] { "scan", "--history", repo.Root, "--format", "json" },
            new[] { "scan", Path.Combine(repo.Root, "src"), "--format", "json", "--verbose" },
            new[] { "scan", repo.Root, "--diff" },
        };
        foreach (var args in runs)
        {
            var a = Aot(args);
            var j = Jit(args);
            string name = string.Join(" ", args);
            Assert.True(j.ExitCode is 0 or 1, $"{name}: the JIT build exits {j.ExitCode}\n{j.Stderr}");
            Assert.Equal(j.ExitCode, a.ExitCode);
            Assert.Equal(j.Stdout, a.Stdout);
            // --verbose prints times: compare the lines without figures
            Assert.Equal(WithoutTimes(j.Stderr), WithoutTimes(a.Stderr));
        }
        Assert.Contains("\"ruleId\": \"MLO404\"", Jit("scan", repo.Root, "--format", "json").Stdout);
        Assert.DoesNotContain("q8Vd2LxR0tNw5ZpK7mYc", Aot("scan", repo.Root, "--format", "json").Stdout);

        string jitBaseline = Path.Combine(work.Root, "jit-baseline.json");
        string aotBaseline = Path.Combine(work.Root, "aot-baseline.json");
        Assert.Equal(0, Jit("baseline", repo.Root, "-o", jitBaseline).ExitCode);
        Assert.Equal(0, Aot("baseline", repo.Root, "-o", aotBaseline).ExitCode);
        Assert.Equal(File.ReadAllText(jitBaseline), File.ReadAllText(aotBaseline));

        // with C#: the JIT build runs the analyzers; the AOT build says it did not
        repo.Write("trainer/Trainer.cs", File.ReadAllText(Path.Combine(sample, "trainer", "Trainer.cs")));
        var withCs = Aot("scan", repo.Root, "--format", "json");
        var withCsJit = Jit("scan", repo.Root, "--format", "json");
        Assert.Contains("1 C# file(s) not analysed", withCs.Stderr);
        Assert.DoesNotContain("not analysed", withCsJit.Stderr);
        Assert.Contains("\"ruleId\": \"MLO303\"", withCsJit.Stdout);
        Assert.DoesNotContain("\"ruleId\": \"MLO303\"", withCs.Stdout);

        // LibGit2Sharp's diff ends an AOT process (a null reference in its callbacks): refused with a message instead
        var newFromRev = Aot("scan", repo.Root, "--new-from-rev", "HEAD", "--format", "json");
        Assert.Equal(2, newFromRev.ExitCode);
        Assert.Contains("--new-from-rev is not in this build", newFromRev.Stderr);
        Assert.Equal(1, Jit("scan", repo.Root, "--new-from-rev", "HEAD", "--format", "json").ExitCode);

        var server = Aot("server");
        Assert.Equal(2, server.ExitCode);
        Assert.Contains("the language server is not in this build", server.Stderr);
    }

    private static string WithoutTimes(string stderr) =>
        string.Join("\n", stderr.Split('\n').Where(l => !l.Contains("CPU time", StringComparison.Ordinal) && !l.Contains("garbage collections", StringComparison.Ordinal)));
}
