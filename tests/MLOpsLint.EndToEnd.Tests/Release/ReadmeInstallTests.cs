using System.Text.RegularExpressions;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Release;

/// <summary>
/// The README's install section says exactly what works today, and every command in it is run here as written, in
/// order, on a clone of this checkout: from source with <c>dotnet run</c>, then a local pack installed as a global .NET
/// tool (in a tools folder of the test's own: <c>DOTNET_CLI_HOME</c>) and run on a scratch ML repository.
/// </summary>
public class ReadmeInstallTests
{
    /// <summary>The section's commands: the code spans that start with <c>dotnet</c> or <c>mlops-lint</c>.</summary>
    private static string[] InstallCommands()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = Regex.Match(readme, @"^## Install\n(.*?)^## ", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(section.Success, "README has no ## Install section");
        return Regex.Matches(section.Groups[1].Value, @"`((?:dotnet|mlops-lint) [^`]*)`").Select(m => m.Groups[1].Value).ToArray();
    }

    [Fact]
    public void Every_command_of_the_readme_install_section_works_as_written()
    {
        var commands = InstallCommands();
        // the test runs these; a command added to the README must be added here (and so run)
        Assert.Equal(new[]
        {
            "dotnet run --project src/MLOpsLint.Cli -- scan PATH",
            "dotnet pack src/MLOpsLint.Cli -c Release -o artifacts",
            "dotnet tool install -g MLOpsLint --add-source artifacts",
            "mlops-lint scan .",
        }, commands);

        using var work = TempRepo.Folder();
        string clone = CheckoutSnapshot.Commit(work.Root, "clone");
        using var ml = TempRepo.Git();
        ml.Write("requirements.txt", "numpy\npandas==2.2.0\n");
        ml.Write("train.py", "import pandas as pd\n\ndf = pd.read_csv('data/churn.csv')\nprint(df.shape)\n");
        ml.Run("git", "add", "requirements.txt", "train.py");

        string tools = Path.Combine(work.Root, "cli-home", ".dotnet", "tools");
        var env = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_HOME"] = Path.Combine(work.Root, "cli-home"), // where `-g` installs: this test's own folder
            ["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["NO_COLOR"] = "1",
        };
        CliResult Run(string command, string directory) =>
            ExternalTool.Run("bash", directory, env, "-c", command.Replace(" PATH", " " + ml.Root, StringComparison.Ordinal));

        // an unpinned requirement: exit 1 and the finding, the pinned line beside it silent
        void AssertScanned(string name, CliResult result)
        {
            string output = result.Stdout + result.Stderr;
            Assert.True(result.ExitCode == 1, $"{name}: exit {result.ExitCode}\n{output}");
            Assert.Contains("requirements.txt:1:1: warning MLO201", output);
            Assert.DoesNotContain("requirements.txt:2:", output);
        }

        AssertScanned(commands[0], Run(commands[0], clone));

        var pack = Run(commands[1], clone);
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);
        Assert.Single(Directory.GetFiles(Path.Combine(clone, "artifacts"), "MLOpsLint.*.nupkg"));

        var install = Run(commands[2], clone);
        Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);
        Assert.True(File.Exists(Path.Combine(tools, "mlops-lint")), "the tool is not in " + tools);

        AssertScanned(commands[3], Run(commands[3], ml.Root));
    }
}
