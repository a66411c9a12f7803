using MLOpsLint.Cli.Tests.Support;
using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Cli.Tests.Redaction;

/// <summary>
/// A secret the detectors find in one place is masked wherever else it recurs in any output, also where nothing around
/// it says it is a secret: a path segment another rule quotes (MLO501, MLO211), a --diff context line. The look-alike: a
/// value of the same shape that no detector reports anywhere is shown whole, so the mask is the scan's findings and not a
/// guess from randomness.
/// </summary>
public class RecurringSecretTests
{
    // found in settings.py under a credential name (MLO404); elsewhere it is only a folder name
    private const string Found = "Qx7vR2mK9pLwZ3";
    // same shape, never under a credential name: not a secret to the detectors, so not masked anywhere
    private const string NotFound = "Rk3vT8mQ2pLwX9";
    // found only on a line the user suppressed with # noqa: still masked where it recurs
    private const string Suppressed = "Vb5nH2kW8qTzR4";

    private static (int Exit, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = MLOpsLint.Cli.Program.Run(args, stdout, stderr, false, false);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static TempRepo Plant()
    {
        var repo = TempRepo.Git();
        repo.Write("settings.py", $"db_password = \"{Found}\"\nsmtp_password = \"{Suppressed}\"  # noqa: MLO404\n");
        repo.Write("train.py",
            "from sklearn.model_selection import train_test_split\n"
            + $"CACHE = \"/home/alice/{Found}/cache\"\n"
            + $"OTHER = \"/home/alice/{NotFound}/cache\"\n"
            + $"KEPT = \"/home/alice/{Suppressed}/cache\"\n"
            + $"X_train, X_test = train_test_split(X)  # from /srv/{Found}/x\n");
        repo.Write("requirements.txt",
            $"mypkg @ git+https://git.example.com/{Found}/mypkg.git\n"
            + $"otherpkg @ git+https://git.example.com/{NotFound}/otherpkg.git\n");
        repo.Commit("recurring secret");
        return repo;
    }

    [Fact]
    public void A_secret_found_in_one_file_is_masked_where_it_recurs_unrecognised_in_another()
    {
        // the premise: no detector sees the recurrences (else this would test nothing new)
        Assert.Empty(SecretSearch.Find($"CACHE = \"/home/alice/{Found}/cache\""));
        Assert.Empty(SecretSearch.Find($"mypkg @ git+https://git.example.com/{Found}/mypkg.git"));

        using var repo = Plant();
        var outputs = new List<(string Where, string Text)>();
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var r = Cli("scan", repo.Root, "--format", format, "--verbose");
            Assert.Equal(1, r.Exit);
            outputs.Add(($"--format {format}", r.Stdout + r.Stderr));
        }
        var diff = Cli("scan", repo.Root, "--diff");
        Assert.Equal(1, diff.Exit);
        outputs.Add(("--diff", diff.Stdout + diff.Stderr));

        string json = outputs[1].Text;
        foreach (var id in new[] { "MLO211", "MLO301", "MLO404", "MLO501" }) Assert.Contains($"\"{id}\"", json);
        // the recurrences were quoted (MLO501's path, MLO211's URL, the diff's lines), masked: prefix and asterisks
        Assert.Contains($"/home/alice/{Redact(Found)}/cache", outputs[0].Text);
        Assert.Contains($"git+https://git.example.com/{Redact(Found)}/mypkg.git@", outputs[0].Text); // MLO211's fix hint
        Assert.Contains($"/home/alice/{Redact(Suppressed)}/cache", outputs[0].Text);
        Assert.Contains($"/srv/{Redact(Found)}/x", diff.Stdout);
        Assert.Contains("random_state", diff.Stdout);
        foreach (var (where, text) in outputs)
        {
            Assert.False(text.Contains(Found, StringComparison.Ordinal), $"{where} shows the secret found in settings.py");
            Assert.False(text.Contains(Suppressed, StringComparison.Ordinal), $"{where} shows the secret on the # noqa line");
        }
        // the look-alike that no detector reported is quoted whole by the same rules
        Assert.Contains($"/home/alice/{NotFound}/cache", outputs[0].Text);
        Assert.Contains($"git+https://git.example.com/{NotFound}/otherpkg.git@", outputs[0].Text);
    }

    [Fact]
    public void The_report_files_and_the_job_summary_mask_it_too()
    {
        using var repo = Plant();
        string dir = Path.Combine(Path.GetTempPath(), "mlops-recurring-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string? previous = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        try
        {
            string summary = Path.Combine(dir, "summary.md"), sarif = Path.Combine(dir, "out.sarif"), json = Path.Combine(dir, "out.json"), text = Path.Combine(dir, "out.txt");
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
            Assert.Equal(1, Cli("scan", repo.Root, "--format", "github", "--sarif", sarif, "--json", json).Exit);
            Assert.Equal(1, Cli("scan", repo.Root, "-o", text).Exit);
            foreach (var file in new[] { summary, sarif, json, text })
            {
                string content = File.ReadAllText(file);
                Assert.Contains(Redact(Found), content);
                Assert.False(content.Contains(Found, StringComparison.Ordinal), $"{Path.GetFileName(file)} shows the secret");
            }
            Assert.Contains(NotFound, File.ReadAllText(text));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", previous);
            Directory.Delete(dir, true);
        }
    }

    private static string Redact(string s) => MLOpsLint.Core.Text.Redaction.Redact(s);
}
