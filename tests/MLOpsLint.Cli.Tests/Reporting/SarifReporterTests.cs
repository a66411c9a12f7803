using System.Text.Json;
using MLOpsLint.Cli.Reporting;
using MLOpsLint.Cli.Tests.Support;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Tests.Reporting;

public class SarifReporterTests
{
    private static ScanReport Sample()
    {
        var related = Reports.Finding("serving/requirements.txt", 1, 1, 20, "m") with
        {
            Related = new[] { new Location("requirements.txt", new SourceSpan(3, 1, 3, 20)) { Message = "training pins scikit-learn==1.3.2 here" } },
        };
        var findings = new[]
        {
            Reports.Finding("src/train model.py", 2, 5, 9, "first"),
            Reports.Finding("notebooks/ünïcode.ipynb", 10, 3, 8, "second", Severity.Error),
            related,
            Reports.Finding("data/big.bin", 1, 1, 1, "binary file", Severity.Suggestion),
        };
        var diags = new[]
        {
            new ScanDiagnostic(ScanDiagnosticLevel.Warning, "notebook is not valid JSON", "notebooks/broken.ipynb", 4),
            new ScanDiagnostic(ScanDiagnosticLevel.Note, "over the size cap", "data/big.bin"),
        };
        return Reports.Make(findings, new[] { SourceDocument.FromText("src/train model.py", "x\n y = BAD\n") }, diags);
    }

    [Fact]
    public void Has_every_rule_with_metadata_and_every_result_with_a_fingerprint()
    {
        using var doc = JsonDocument.Parse(Reports.Render(new SarifReporter(), Sample()));
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var r in rules)
        {
            var id = r.GetProperty("id").GetString()!;
            var rule = RuleCatalog.Get(id);
            Assert.EndsWith($"rules/{id}.md", r.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(r.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.Family.Tag(), r.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(rule.DefaultSeverity.ToSarifLevel(), r.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        }
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(4, results.Length);
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("partialFingerprints").GetProperty("mlopsLint/v1").GetString())));
        Assert.Equal("src/train%20model.py", results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var rel = results[2].GetProperty("relatedLocations")[0];
        Assert.Equal("requirements.txt", rel.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("note", results[3].GetProperty("level").GetString());
        Assert.Equal(2, run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").GetArrayLength());
    }

    [Fact]
    public void Validates_with_the_sarif_multitool()
    {
        NodeClients.EnsureInstalled("@microsoft/sarif-multitool-linux");
        string dir = Path.Combine(Path.GetTempPath(), "mlops-lint-sarif-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string sarif = Path.Combine(dir, "out.sarif");
            File.WriteAllText(sarif, Reports.Render(new SarifReporter(), Sample()));
            string log = Path.Combine(dir, "validation.sarif");
            var (code, stdout, stderr) = NodeClients.Exec(NodeClients.SarifMultitool, dir, null, "validate", sarif, "--output", log);
            Assert.True(code == 0, $"multitool exit {code}\n{stdout}\n{stderr}");
            using var v = JsonDocument.Parse(File.ReadAllText(log));
            var problems = v.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.TryGetProperty("level", out var l) ? l.GetString() is "error" or "warning" : true)
                .Select(r => r.GetProperty("ruleId").GetString() + ": " + r.GetProperty("message").ToString())
                .ToArray();
            Assert.True(problems.Length == 0, string.Join("\n", problems));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
