using System.Diagnostics;
using System.Text.RegularExpressions;
using MLOpsLint.EndToEnd.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MLOpsLint.EndToEnd.Tests;

/// <summary>action.yml is a working composite action: its steps are run here as a runner would run them.</summary>
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
    public void Is_a_composite_action_with_the_documented_inputs()
    {
        var action = Action();
        Assert.Equal("composite", Get((YamlMappingNode)action["runs"], "using"));
        var inputs = (YamlMappingNode)action["inputs"];
        Assert.Equal(new[] { "path", "fail-level", "args" }, inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        var setup = Steps().Single(s => Get(s, "uses")?.StartsWith("actions/setup-dotnet@") == true);
        Assert.Matches("^actions/setup-dotnet@[0-9a-f]{40}$", Get(setup, "uses")); // pinned to a commit, as our own rule asks
        Assert.Equal("steps.dotnet.outputs.found != 'true'", Get(setup, "if")); // only when the runner has no .NET
    }

    [Fact]
    public void Its_steps_build_and_scan_with_annotations_and_fail_by_the_fail_level()
    {
        using var work = TempRepo.Git();
        work.Write("src/Trainer.cs", "using Microsoft.ML;\nclass T { MLContext C() => new MLContext(); }\n");
        work.Commit();
        string temp = Path.Combine(work.Root, ".runner-temp");
        Directory.CreateDirectory(temp);
        string output = Path.Combine(temp, "github_output");
        string summary = Path.Combine(temp, "summary.md");
        var env = new Dictionary<string, string>
        {
            ["GITHUB_ACTION_PATH"] = Root,
            ["RUNNER_TEMP"] = temp,
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_WORKSPACE"] = work.Root,
            ["INPUT_PATH"] = work.Root,
            ["INPUT_FAIL_LEVEL"] = "warning",
            ["INPUT_ARGS"] = "--select MLO3",
        };
        var shellSteps = Steps().Where(s => Get(s, "run") != null).ToArray();
        Assert.Equal(3, shellSteps.Length);

        var detect = RunStep(shellSteps[0], env, work.Root);
        Assert.Equal(0, detect.Code);
        Assert.Contains("found=true", File.ReadAllText(output)); // this machine has an SDK >= 10

        var build = RunStep(shellSteps[1], env, work.Root);
        Assert.True(build.Code == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(temp, "mlops-lint", "mlops-lint.dll")));

        var scan = RunStep(shellSteps[2], env, work.Root);
        Assert.Equal(1, scan.Code); // a warning at fail-level warning fails the step
        Assert.Contains("::warning title=MLO303%3A", scan.Output);
        Assert.Contains("file=src/Trainer.cs", scan.Output);
        Assert.Contains("exit-code=1", File.ReadAllText(output));
        Assert.Contains("## MLOps Lint: 1 finding", File.ReadAllText(summary));

        env["INPUT_FAIL_LEVEL"] = "error";
        Assert.Equal(0, RunStep(shellSteps[2], env, work.Root).Code);
    }

    private static (int Code, string Output) RunStep(YamlMappingNode step, IReadOnlyDictionary<string, string> env, string cwd)
    {
        string script = Get(step, "run")!;
        // the runner substitutes ${{ ... }} expressions before running; our steps only use env, so none must remain
        Assert.DoesNotMatch(new Regex(@"\$\{\{"), script);
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-eo");
        psi.ArgumentList.Add("pipefail");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, o.Result + e.Result);
    }
}
