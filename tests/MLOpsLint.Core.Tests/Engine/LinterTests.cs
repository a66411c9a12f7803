using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Engine;

public class LinterTests
{
    private static readonly RuleDescriptor Rule = RuleCatalog.MLO303;

    private static LintResult Run(LintConfig config, params SourceDocument[] docs) =>
        new Linter(new ICheck[] { new FakeCheck(Rule) }).Run(new RepositorySnapshot(docs), config);

    [Fact]
    public void Findings_are_sorted_and_deterministic_across_runs()
    {
        var docs = Enumerable.Range(0, 200).Select(i => SourceDocument.FromText($"f{i % 17}/m{i}.py", "ok\nBAD\nBAD here\n")).ToArray();
        var a = Run(LintConfig.Default, docs).Findings;
        var b = Run(LintConfig.Default, docs).Findings;
        Assert.Equal(400, a.Count);
        Assert.Equal(a.Select(f => (f.Path, f.Span, f.Fingerprint)), b.Select(f => (f.Path, f.Span, f.Fingerprint)));
        Assert.Equal(a.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Span.StartLine).Select(f => (f.Path, f.Span.StartLine)),
            a.Select(f => (f.Path, f.Span.StartLine)));
    }

    [Fact]
    public void Noqa_with_the_id_suppresses_and_is_counted()
    {
        var r = Run(LintConfig.Default, SourceDocument.FromText("a.py", "BAD  # noqa: MLO303\nBAD  # noqa: MLO301\nBAD  # noqa\n"));
        Assert.Equal(new[] { 2, 3 }, r.Findings.Select(f => f.Span.StartLine));
        Assert.Equal(1, r.Suppressed);
    }

    [Fact]
    public void Noqa_is_not_read_in_files_without_hash_comments()
    {
        var r = Run(LintConfig.Default, SourceDocument.FromText("a.cs", "BAD // # noqa: MLO303\n"));
        Assert.Single(r.Findings); // C# uses #pragma, handled by Roslyn
    }

    [Fact]
    public void Suppression_text_from_the_check_wins_over_the_file_line()
    {
        var check = new SuppressionTextCheck();
        var r = new Linter(new ICheck[] { check }).Run(new RepositorySnapshot(new[] { SourceDocument.FromText("n.ipynb", "{\"cells\": []}") }), LintConfig.Default);
        Assert.Empty(r.Findings);
        Assert.Equal(1, r.Suppressed);
    }

    [Fact]
    public void Configured_severity_and_per_file_ignores_apply()
    {
        var config = new LintConfig
        {
            SeverityOverrides = new Dictionary<string, Severity> { ["MLO303"] = Severity.Error },
            PerFileIgnores = new[] { (new Glob("legacy/**"), (IReadOnlyList<string>)new[] { "MLO3" }) },
        };
        var r = Run(config, SourceDocument.FromText("src/a.py", "BAD\n"), SourceDocument.FromText("legacy/b.py", "BAD\n"));
        var f = Assert.Single(r.Findings);
        Assert.Equal("src/a.py", f.Path);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.True(r.HasFailures(Severity.Error));
    }

    [Fact]
    public void Editorconfig_can_turn_a_rule_off_for_a_folder()
    {
        var ec = new EditorConfigSet(new[] { EditorConfigFile.Parse("/repo", "[gen/**]\ndotnet_diagnostic.MLO303.severity = none\n") });
        var config = LintConfig.Default.WithEditorConfig(ec, "/repo");
        var r = Run(config, SourceDocument.FromText("gen/a.py", "BAD\n"), SourceDocument.FromText("src/a.py", "BAD\n"));
        Assert.Equal("src/a.py", Assert.Single(r.Findings).Path);
    }

    [Fact]
    public void Unselected_rule_does_not_run()
    {
        var r = Run(new LintConfig { Select = new[] { "MLO1" } }, SourceDocument.FromText("a.py", "BAD\n"));
        Assert.Empty(r.Findings);
    }

    [Fact]
    public void A_crashing_check_is_reported_and_the_scan_goes_on()
    {
        var linter = new Linter(new ICheck[] { new FakeCheck(Rule, throws: true), new FakeCheck(Rule, "WORSE") });
        var r = linter.Run(new RepositorySnapshot(new[] { SourceDocument.FromText("a.py", "WORSE\n") }), LintConfig.Default);
        Assert.Single(r.Findings);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(ScanDiagnosticLevel.Error, d.Level);
        Assert.Contains("boom", d.Message);
        Assert.Equal("a.py", d.Path);
    }

    /// <summary>The pre-commit path: only some documents are reported. The others are still read by checks that look
    /// across documents (here, a seeding helper in another module keeps MLO302 quiet), and their own findings are the same
    /// as in a full run.</summary>
    [Fact]
    public void Reported_documents_get_the_findings_of_a_full_run_and_context_still_counts()
    {
        var docs = new[]
        {
            SourceDocument.FromText("train.py", "import numpy as np\nfrom util import seed_everything\nseed_everything()\nx = np.random.rand(3)\nprint('/home/alice/data.csv')\n"),
            SourceDocument.FromText("util.py", "import numpy as np\n\ndef seed_everything():\n    np.random.seed(0)\n"),
            SourceDocument.FromText("other.py", "print('/home/bob/x.csv')\n"),
        };
        var linter = new Linter();
        var full = linter.Run(new RepositorySnapshot(docs), LintConfig.Default).Findings.Where(f => f.Path == "train.py").ToArray();
        var only = linter.Run(new RepositorySnapshot(docs), LintConfig.Default, reported: p => p == "train.py").Findings;
        Assert.Contains(full, f => f.RuleId == "MLO501");
        Assert.DoesNotContain(full, f => f.RuleId == "MLO302");
        Assert.Equal(full.Select(f => (f.RuleId, f.Span, f.Fingerprint)), only.Where(f => f.Path == "train.py").Select(f => (f.RuleId, f.Span, f.Fingerprint)));
        Assert.DoesNotContain(only, f => f.Path == "other.py" && f.RuleId == "MLO501"); // a context document alone is not judged
    }

    private sealed class SuppressionTextCheck : IDocumentCheck
    {
        public IReadOnlyList<RuleDescriptor> Rules => new[] { Rule };

        public bool AppliesTo(SourceDocument document) => true;

        public void Check(SourceDocument document, CheckContext context) =>
            context.Report(new Finding(Rule, document.Path, SourceSpan.Line(1), "x") { SuppressionText = "ctx = MLContext()  # noqa: MLO303" });
    }
}
