using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace MLOpsLint.Cli.Tests.Secrets;

/// <summary>
/// The held-out benchmark of issue 14: for every provider MLO401 knows, valid credentials built from the documented
/// format and near-miss decoys (wrong checksum, wrong length, placeholder, documentation example), each in every file
/// kind an ML repository has (Python, a notebook's source and its saved output, YAML, .env, JSON, a Dockerfile, a shell
/// script, C#), scanned by the real CLI. Per provider: every valid sample is found and named as that provider (MLO401,
/// or MLO406 in an output); no decoy is reported as a credential (MLO401/MLO406/MLO407), and no placeholder or
/// documentation example is reported at all (MLO403/MLO404 either). The table is printed.
/// </summary>
public class ProviderBenchmarkTests
{
    private static readonly string[] CredentialRules = { "MLO401", "MLO406", "MLO407" };
    private static readonly string[] AnySecretRules = { "MLO401", "MLO403", "MLO404", "MLO406", "MLO407" };

    private readonly ITestOutputHelper output;

    public ProviderBenchmarkTests(ITestOutputHelper output) => this.output = output;

    private sealed record Planted(string Provider, string Title, string Path, bool Valid, string What, string Kind);

    [Fact]
    public void Every_provider_is_found_in_every_file_kind_and_no_decoy_is()
    {
        using var repo = TempRepo.Folder();
        var planted = new List<Planted>();
        for (int i = 0; i < ProviderSamples.All.Count; i++)
        {
            var p = ProviderSamples.All[i];
            bool base64 = p.Name.Contains("(data)", StringComparison.Ordinal);
            for (int seed = 1; seed <= 3; seed++)
            {
                string value = p.Valid(seed * 101 + i);
                Plant(repo, planted, p, value, true, "valid", $"p{i}_v{seed}", base64);
            }
            int d = 0;
            foreach (var (what, decoy) in p.Decoys(500 + i))
            {
                Plant(repo, planted, p, decoy, false, what, $"p{i}_d{d++}", base64);
            }
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = MLOpsLint.Cli.Program.Run(new[] { "scan", repo.Root, "--format", "json", "--select", "MLO4" }, stdout, stderr, false, false);
        Assert.True(exit is 0 or 1, stderr.ToString());
        using var json = JsonDocument.Parse(stdout.ToString());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Path: f.GetProperty("path").GetString()!, Rule: f.GetProperty("ruleId").GetString()!, Message: f.GetProperty("message").GetString()!))
            .ToLookup(f => f.Path);

        var table = new StringBuilder();
        table.AppendLine("| provider | samples | found | decoys | hits |");
        table.AppendLine("|---|---:|---:|---:|---:|");
        var failures = new List<string>();
        foreach (var group in planted.GroupBy(x => x.Provider))
        {
            int samples = 0, found = 0, decoys = 0, hits = 0;
            foreach (var x in group)
            {
                var here = findings[x.Path].ToList();
                if (x.Valid)
                {
                    samples++;
                    bool ok = here.Any(f => CredentialRules.Contains(f.Rule) && f.Message.Contains(x.Title, StringComparison.OrdinalIgnoreCase));
                    if (ok) found++;
                    else failures.Add($"MISSED {x.Provider} in {x.Kind} ({x.Path}): {string.Join("; ", here.Select(f => f.Rule + " " + f.Message))}");
                }
                else
                {
                    decoys++;
                    bool strict = x.What.StartsWith("placeholder", StringComparison.Ordinal) || x.What.StartsWith("documentation", StringComparison.Ordinal) || x.What == "template";
                    var rules = strict ? AnySecretRules : CredentialRules;
                    var hit = here.Where(f => rules.Contains(f.Rule)).ToList();
                    if (hit.Count > 0)
                    {
                        hits++;
                        failures.Add($"DECOY HIT {x.Provider} / {x.What} in {x.Kind} ({x.Path}): {string.Join("; ", hit.Select(f => f.Rule + " " + f.Message))}");
                    }
                }
            }
            table.AppendLine($"| {group.Key} | {samples} | {found} | {decoys} | {hits} |");
        }
        output.WriteLine(table.ToString());
        string tableFile = Environment.GetEnvironmentVariable("MLOPS_LINT_PROVIDER_TABLE") ?? "";
        if (tableFile.Length > 0) File.WriteAllText(tableFile, table + "\n" + string.Join("\n", failures));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)) + $"\n({failures.Count} in all)\n" + table);
        Assert.True(planted.Count(x => x.Valid) >= 500, "the benchmark planted too few samples");
    }

    private static void Plant(TempRepo repo, List<Planted> planted, ProviderFormat p, string value, bool valid, string what, string stem, bool base64)
    {
        if (p.YamlOnly)
        {
            var (path, text) = ProviderSamples.PlaceKubernetes(value, base64, stem);
            repo.Write(path, text);
            planted.Add(new Planted(p.Name, p.Title, path, valid, what, "yaml"));
            return;
        }
        for (int k = 0; k < ProviderSamples.Kinds.Length; k++)
        {
            var (path, text) = ProviderSamples.Place(ProviderSamples.Kinds[k], p.Variable, value, $"{stem}_k{k}");
            repo.Write(path, text);
            planted.Add(new Planted(p.Name, p.Title, path, valid, what, ProviderSamples.Kinds[k]));
        }
    }
}
