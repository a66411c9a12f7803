using System.Diagnostics;
using System.Text.RegularExpressions;
using MLOpsLint.EndToEnd.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>
/// action.yml is a working composite action: its shell steps are run here as a runner would run them (the `uses:`
/// steps — setup-dotnet, the cache — are GitHub's; the cache is played by keeping the build folder between runs). The
/// scanned workspace is hostile on purpose: its global.json asks for an SDK that does not exist, its NuGet.Config has
/// no usable source and its Directory.*.props/targets break any build that imports them.
/// </summary>
public class ActionTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static YamlMappingNode Action()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, "action.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IReadOnlyList<YamlMappingNode> Steps() =>
        ((YamlSequenceNode)((YamlMappingNode)Action()["runs"])["steps"]).Children.Cast<YamlMappingNode>().ToArray();

    private static string? Get(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;

    [Fact]
    public void Is_a_composite_action_with_the_documented_inputs_and_pinned_actions()
    {
        var action = Action();
        Assert.Equal("composite", Get((YamlMappingNode)action["runs"], "using"));
        var inputs = (YamlMappingNode)action["inputs"];
        Assert.Equal(new[] { "path", "fail-level", "args", "pull-request", "token" }, inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        var uses = Steps().Select(s => Get(s, "uses")).OfType<string>().ToArray();
        Assert.Equal(2, uses.Length);
        Assert.All(uses, u => Assert.Matches("^actions/(setup-dotnet|cache)@[0-9a-f]{40}$", u)); // pinned to commits, as our own rule asks
        var setup = Steps().Single(s => Get(s, "uses")?.StartsWith("actions/setup-dotnet@") == true);
        Assert.Equal("steps.dotnet.outputs.found != 'true'", Get(setup, "if")); // only when the runner has no .NET
    }

    /// <summary>A workspace that breaks any .NET build run in it, and a finding to report.</summary>
    private static TempRepo HostileWorkspace()
    {
        var work = TempRepo.Git();
        work.Write("src/Trainer.cs", "using Microsoft.ML;\nclass T { MLContext C() => new MLContext(); }\n");
        // two true MLO3 findings: a split drawn from NumPy's unseeded global generator and saved (MLO302), and
        // train_test_split without random_state (MLO301); the look-alike only prints a draw, which the seeds rules
        // leave alone, so no args case may ever name it
        work.Write("notebooks/explore.py", "import numpy as np\n\nX = np.load(\"features.npy\")\nidx = np.random.permutation(len(X))\nnp.save(\"train_idx.npy\", idx[:800])\n");
        work.Write("notebooks/more.py", "import numpy as np\nfrom sklearn.model_selection import train_test_split\n\nX = np.load(\"features.npy\")\ny = np.load(\"labels.npy\")\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)\nnp.save(\"X_train.npy\", X_train)\n");
        work.Write("notebooks/peek.py", "import numpy as np\nprint(np.random.rand(3))\n");
        work.Write("global.json", "{ \"sdk\": { \"version\": \"6.0.100\", \"rollForward\": \"disable\" } }\n");
        work.Write("NuGet.Config", "<configuration><packageSources><clear /><add key=\"none\" value=\"http://127.0.0.1:9/\" /></packageSources></configuration>\n");
        work.Write("Directory.Build.props", "<Project><Target Name=\"Hostile\" BeforeTargets=\"Restore;Build\"><Error Text=\"the workspace's props were imported\" /></Target></Project>\n");
        work.Write("Directory.Build.targets", "<Project><Target Name=\"HostileTargets\" BeforeTargets=\"Build\"><Error Text=\"the workspace's targets were imported\" /></Target></Project>\n");
        work.Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        work.Commit();
        return work;
    }

    private sealed class Runner : IDisposable
    {
        private readonly TempRepo temp = TempRepo.Folder();

        public Runner(TempRepo work, string? toolCache = null)
        {
            Work = work;
            Directory.CreateDirectory(Path.Combine(temp.Root, "runner-temp"));
            Env = new Dictionary<string, string>
            {
                ["GITHUB_ACTION_PATH"] = Root,
                ["RUNNER_TEMP"] = Path.Combine(temp.Root, "runner-temp"),
                ["RUNNER_TOOL_CACHE"] = toolCache ?? Path.Combine(temp.Root, "tool-cache"),
                ["RUNNER_OS"] = "Linux",
                ["RUNNER_ARCH"] = "X64",
                ["GITHUB_OUTPUT"] = Path.Combine(temp.Root, "github_output"),
                ["GITHUB_STEP_SUMMARY"] = Path.Combine(temp.Root, "summary.md"),
                ["GITHUB_WORKSPACE"] = work.Root,
                ["GITHUB_EVENT_NAME"] = "push",
                ["INPUT_PATH"] = ".",
                ["INPUT_FAIL_LEVEL"] = "warning",
                ["INPUT_ARGS"] = "--select MLO3",
                ["INPUT_PULL_REQUEST"] = "new",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["MSBUILDDISABLENODEREUSE"] = "1",
            };
            File.WriteAllText(Env["GITHUB_OUTPUT"], "");
            File.WriteAllText(Env["GITHUB_STEP_SUMMARY"], "");
        }

        public TempRepo Work { get; }

        public Dictionary<string, string> Env { get; }

        public string Outputs => File.ReadAllText(Env["GITHUB_OUTPUT"]);

        public string Summary => File.ReadAllText(Env["GITHUB_STEP_SUMMARY"]);

        public string Output(string name) =>
            Outputs.Split('\n').Last(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

        /// <summary>Runs the shell step named <paramref name="name"/> as the runner does: `bash -e {0}` in the workspace.</summary>
        public (int Code, string Output, TimeSpan Time) Step(string name)
        {
            var step = Steps().Single(s => Get(s, "name")!.StartsWith(name, StringComparison.Ordinal));
            string script = Get(step, "run")!;
            // the runner substitutes ${{ ... }} before running; our scripts take everything from env, so none may remain
            Assert.DoesNotMatch(new Regex(@"\$\{\{"), script);
            string file = Path.Combine(temp.Root, "step.sh");
            File.WriteAllText(file, script);
            var psi = new ProcessStartInfo("bash") { WorkingDirectory = Work.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("--noprofile");
            psi.ArgumentList.Add("--norc");
            psi.ArgumentList.Add("-eo");
            psi.ArgumentList.Add("pipefail");
            psi.ArgumentList.Add(file);
            foreach (var kv in Env) psi.Environment[kv.Key] = kv.Value;
            if (Outputs.Contains("dir=")) psi.Environment["BUILD_DIR"] = Output("dir");
            var watch = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var o = p.StandardOutput.ReadToEndAsync();
            var e = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode, o.Result + e.Result, watch.Elapsed);
        }

        public void Dispose() => temp.Dispose();
    }

    [Fact]
    public void Every_step_runs_the_build_is_isolated_from_the_workspace_and_cached_and_the_scan_annotates()
    {
        using var work = HostileWorkspace();
        // the look-alike: in this workspace the SDK itself refuses to start, so an unisolated build would fail
        Assert.NotEqual(0, ExternalTool.Run("dotnet", work.Root, null, "build").ExitCode);

        using var runner = new Runner(work);
        Assert.Equal(4, Steps().Count(s => Get(s, "run") != null));

        var detect = runner.Step("Look for a .NET SDK");
        Assert.Equal(0, detect.Code);
        Assert.Contains("found=true", runner.Outputs); // this machine has an SDK >= 10

        var key = runner.Step("Key the build");
        Assert.Equal(0, key.Code);
        Assert.Matches("^mlops-lint-build-Linux-X64-[0-9a-f]{20}$", runner.Output("key"));
        Assert.StartsWith(runner.Env["RUNNER_TOOL_CACHE"], runner.Output("dir"));

        var cold = runner.Step("Build mlops-lint");
        Assert.True(cold.Code == 0, cold.Output);
        Assert.True(File.Exists(Path.Combine(runner.Output("dir"), "mlops-lint.dll")));
        Assert.DoesNotContain("were imported", cold.Output);

        // what actions/cache restores on the next run: the same folder under the same key
        var warm = runner.Step("Build mlops-lint");
        Assert.Equal(0, warm.Code);
        Assert.Contains("using the build cached in", warm.Output);

        var scan = runner.Step("Scan");
        Assert.Equal(1, scan.Code); // warnings at fail-level warning fail the step
        Assert.Contains("::warning title=MLO303%3A", scan.Output);
        Assert.Contains("file=src/Trainer.cs", scan.Output);
        Assert.Contains("exit-code=1", runner.Outputs);
        Assert.Contains("## MLOps Lint: 3 findings", runner.Summary);

        runner.Env["INPUT_FAIL_LEVEL"] = "error";
        Assert.Equal(0, runner.Step("Scan").Code);
        // the warm path, for the report: detection + key + a cached build, without the scan
        Console.WriteLine(FormattableString.Invariant(
            $"action build step: cold {cold.Time.TotalSeconds:0.0} s, warm {warm.Time.TotalSeconds:0.00} s (key step {key.Time.TotalSeconds:0.00} s, detection {detect.Time.TotalSeconds:0.00} s)"));
        Assert.True(warm.Time < TimeSpan.FromSeconds(10), $"the cached build step took {warm.Time}");
    }

    /// <summary>The args input, as a user writes it in YAML, split like shell words but never expanded or run.</summary>
    [Theory]
    [InlineData("--select MLO3 --exclude notebooks/**", "src/Trainer.cs")] // unquoted: bash would expand the glob into two paths
    [InlineData("--select \"MLO3\" --exclude 'notebooks/**'", "src/Trainer.cs")] // quotes group and are removed, as in a shell
    [InlineData("--select MLO3 --exclude \"src/**\" --exclude notebooks/more.py", "notebooks/explore.py")]
    [InlineData("--select MLO3 --exclude *", "")] // a bare * excludes everything; expanded it would name files
    public void Args_are_split_like_shell_words_without_globbing(string args, string onlyFile)
    {
        using var work = HostileWorkspace();
        using var runner = BuiltRunner(work);
        runner.Env["INPUT_ARGS"] = args;
        var scan = runner.Step("Scan");
        var files = Regex.Matches(scan.Output, @"^::warning [^\n]*file=([^,:\n]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal(onlyFile.Length == 0 ? Array.Empty<string>() : new[] { onlyFile }, files);
        Assert.Equal(onlyFile.Length == 0 ? 0 : 1, scan.Code);
    }

    [Theory]
    [InlineData("--select MLO3 $(touch pwned)")]
    [InlineData("--select MLO3 ; touch pwned")]
    [InlineData("--select MLO3 `touch pwned` && touch pwned || touch pwned")]
    [InlineData("--select \"MLO3 $(touch pwned)\"")]
    public void Args_never_run_anything_and_a_scan_that_cannot_run_says_so(string args)
    {
        using var work = HostileWorkspace();
        using var runner = BuiltRunner(work);
        runner.Env["INPUT_ARGS"] = args;
        var scan = runner.Step("Scan");
        Assert.False(File.Exists(Path.Combine(work.Root, "pwned")), "the args input ran a command");
        Assert.Equal(2, scan.Code); // the words are paths that do not exist, or a rule that does not exist
        Assert.Contains("exit-code=2", runner.Outputs);
        var error = Assert.Single(scan.Output.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith("::error title=mlops-lint could not run::mlops-lint: error: ", error);
        Assert.Contains("## MLOps Lint: the scan could not run", runner.Summary);

        // the annotation is what @actions/core prints for the same message
        string message = Regex.Match(runner.Summary, "````text\n(.*)\n````", RegexOptions.Singleline).Groups[1].Value;
        NodeClients.EnsureInstalled("@actions/core");
        string expected = NodeClients.Node("""
            import * as core from '@actions/core';
            import { readFileSync } from 'node:fs';
            core.error(readFileSync(0, 'utf8'), { title: 'mlops-lint could not run' });
            """, message).TrimEnd('\n');
        Assert.Equal(expected, error.TrimEnd('\r'));
    }

    [Fact]
    public void An_unbalanced_quote_or_a_missing_path_is_an_error_annotation_and_a_summary()
    {
        using var work = HostileWorkspace();
        using var runner = BuiltRunner(work);
        runner.Env["INPUT_ARGS"] = "--exclude \"notebooks/**";
        var quote = runner.Step("Scan");
        Assert.Equal(2, quote.Code);
        Assert.Contains("::error title=mlops-lint could not run::the args input could not be split into words", quote.Output);

        runner.Env["INPUT_ARGS"] = "";
        runner.Env["INPUT_PATH"] = "no-such-folder";
        var missing = runner.Step("Scan");
        Assert.Equal(2, missing.Code);
        Assert.Contains("::error title=mlops-lint could not run::mlops-lint: error: no-such-folder does not exist", missing.Output);
        Assert.Contains("the scan could not run", runner.Summary);
    }

    [Fact]
    public void On_pull_requests_only_what_the_pull_request_adds_is_reported()
    {
        using var work = HostileWorkspace();
        string baseSha = work.Run("git", "rev-parse", "HEAD").Trim();
        work.Write("src/Scorer.cs", "using Microsoft.ML;\nclass S { MLContext C() => new MLContext(); }\n");
        work.Commit("pull request");
        using var runner = BuiltRunner(work);
        runner.Env["GITHUB_EVENT_NAME"] = "pull_request";
        runner.Env["BASE_SHA"] = baseSha;
        var pr = runner.Step("Scan");
        Assert.Equal(1, pr.Code);
        Assert.Contains("file=src/Scorer.cs", pr.Output);
        Assert.DoesNotContain("file=src/Trainer.cs", pr.Output);
        Assert.DoesNotContain("file=notebooks/", pr.Output);

        runner.Env["INPUT_PULL_REQUEST"] = "all";
        Assert.Contains("file=src/Trainer.cs", runner.Step("Scan").Output);
        runner.Env["INPUT_PULL_REQUEST"] = "new";
        runner.Env["GITHUB_EVENT_NAME"] = "push"; // elsewhere everything is scanned
        Assert.Contains("file=src/Trainer.cs", runner.Step("Scan").Output);
    }

    /// <summary>A runner whose build folder is the one the first build of this test run made (the cache, played).</summary>
    private static Runner BuiltRunner(TempRepo work)
    {
        var runner = new Runner(work, SharedToolCache.Value);
        Assert.Equal(0, runner.Step("Key the build").Code);
        var build = runner.Step("Build mlops-lint");
        Assert.True(build.Code == 0, build.Output);
        return runner;
    }

    private static readonly Lazy<string> SharedToolCache = new(() =>
    {
        string dir = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "action-tool-cache-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        return dir;
    });
}
