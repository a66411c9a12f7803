using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MLOpsLint.Cli.CSharp;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Tests.CSharp;

/// <summary>The C# analyzers run by the CLI through the engine, on in-memory repositories.</summary>
public class RoslynCheckTests
{
    private static LintResult Lint(LintConfig config, params SourceDocument[] documents) =>
        new Linter(new ICheck[] { new RoslynCheck() }).Run(new RepositorySnapshot(documents), config);

    private static IReadOnlyList<Finding> Findings(params (string Path, string Text)[] files) =>
        CSharpFindings(Lint(LintConfig.Default, files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray()));

    private static IReadOnlyList<Finding> CSharpFindings(LintResult result) =>
        result.Findings.Where(f => RoslynCheck.AnalyzerRules.Contains(f.Rule)).ToList();

    [Fact]
    public void Reports_an_unseeded_MLContext_as_a_finding()
    {
        var finding = Assert.Single(Findings(("src/Train/Program.cs", """
            using Microsoft.ML;

            var ml = new MLContext();
            """)));

        Assert.Same(RuleCatalog.MLO303, finding.Rule);
        Assert.Equal("src/Train/Program.cs", finding.Path);
        Assert.Equal(new SourceSpan(3, 10, 3, 25), finding.Span);
        Assert.Equal(RuleCatalog.MLO303.Title, finding.Message);
        Assert.Equal(RuleCatalog.MLO303.Fix, finding.FixHint);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Matches("^[0-9a-f]{32}$", finding.Fingerprint);
    }

    [Fact]
    public void Columns_count_UTF16_code_units_and_lines_break_where_editors_break_them()
    {
        // The emoji is two UTF-16 code units; U+2028 in the comment is a line break to Roslyn, not to editors.
        var finding = Assert.Single(Findings(("Train.cs",
            "using Microsoft.ML;\n"
            + "// separator:\u2028 still the same line\n"
            + "class T { object A() { var s = \"🙂\"; return new MLContext(); } }\n")));

        // `class T { object A() { var s = "` is 32 units, the emoji 2, `"; return ` 10: `new` starts at column 45.
        Assert.Equal(new SourceSpan(3, 45, 3, 60), finding.Span);
    }

    [Fact]
    public void Seeded_contexts_and_look_alikes_stay_silent()
    {
        Assert.Empty(Findings(
            ("Seeded.cs", """
                using Microsoft.ML;

                class Seeded
                {
                    MLContext A(int seed) => new MLContext(seed);
                    MLContext B() => new MLContext(seed: 1);
                    MLContext C() => new(42);
                }
                """),
            ("NoUsing.cs", """
                class NoUsing
                {
                    object A() => new MLContext();
                }
                """),
            ("notes.md", "new MLContext()\n"),
            ("train.py", "ml = MLContext()\n")));
    }

    [Fact]
    public void All_CSharp_files_form_one_compilation()
    {
        // A global using in one file is seen by another...
        Assert.Single(Findings(
            ("GlobalUsings.cs", "global using Microsoft.ML;\n"),
            ("Train.cs", "class Train { object A() => new MLContext(); }\n")));

        // ...and so is a type of the user's own named MLContext, which turns the syntax fallback off.
        Assert.Empty(Findings(
            ("Train.cs", "using Microsoft.ML;\nclass Train { object A() => new MLContext(); }\n"),
            ("Other/MLContext.cs", "namespace Other { public class MLContext { } }\n")));
    }

    [Fact]
    public void Pragma_warning_disable_is_honoured()
    {
        var finding = Assert.Single(Findings(("Train.cs", """
            using Microsoft.ML;

            class Train
            {
            #pragma warning disable MLO303 // exploration only
                object A() => new MLContext();
            #pragma warning restore MLO303
                object B() => new MLContext();
            }
            """)));
        Assert.Equal(8, finding.Span.StartLine);
    }

    [Fact]
    public void SuppressMessage_is_honoured()
    {
        var finding = Assert.Single(Findings(("Train.cs", """
            using System.Diagnostics.CodeAnalysis;
            using Microsoft.ML;

            class Train
            {
                [SuppressMessage("MLOps.MissingSeeds", "MLO303:MLContext created without a seed", Justification = "exploration")]
                object A() => new MLContext();

                object B() => new MLContext();
            }
            """)));
        Assert.Equal(9, finding.Span.StartLine);
    }

    [Fact]
    public void Configuration_sets_severity_and_can_turn_the_rule_off()
    {
        var document = SourceDocument.FromText("Train.cs", "using Microsoft.ML;\nclass T { object A() => new MLContext(); }\n");
        var asError = new LintConfig
        {
            SeverityOverrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["MLO303"] = Severity.Error },
        };

        Assert.Equal(Severity.Error, Assert.Single(CSharpFindings(Lint(asError, document))).Severity);
        Assert.Empty(CSharpFindings(Lint(LintConfig.Default.With(ignore: new[] { "MLO303" }), document)));
        Assert.Empty(CSharpFindings(Lint(LintConfig.Default.With(ignore: new[] { "MLO3" }), document)));
    }

    [Fact]
    public void Fingerprints_survive_moving_the_code()
    {
        const string code = "using Microsoft.ML;\nclass T { object A() => new MLContext(); }\n";
        var before = Assert.Single(Findings(("Train.cs", code)));
        var after = Assert.Single(Findings(("Train.cs", "// a new comment\n\n" + code)));

        Assert.Equal(before.Span.StartLine + 2, after.Span.StartLine);
        Assert.Equal(before.Fingerprint, after.Fingerprint);
    }

    [Fact]
    public void Broken_binary_and_truncated_files_do_not_stop_the_scan()
    {
        var good = SourceDocument.FromText("Good.cs", "using Microsoft.ML;\nclass T { object A() => new MLContext(); }\n");
        var broken = SourceDocument.FromText("Broken.cs", "using Microsoft.ML;\nclass { void ( new MLContext(\n");
        var binary = new SourceDocument("Binary.cs", new byte[] { 0, 1, 2, 0 }, 4);
        var bytes = System.Text.Encoding.UTF8.GetBytes("using Microsoft.ML;\nclass T { object A() => new MLContext(); }\n");
        var truncated = new SourceDocument("Truncated.cs", bytes, bytes.Length * 10, isComplete: false);

        var result = Lint(LintConfig.Default, good, broken, binary, truncated);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "Broken.cs", "Good.cs" }, CSharpFindings(result).Select(f => f.Path).ToArray());
    }

    [Fact]
    public void Rules_are_exactly_what_the_analyzers_report()
    {
        var reported = CSharpAnalysis.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id);
        Assert.Equal(reported, RoslynCheck.AnalyzerRules.Select(r => r.Id).OrderBy(id => id));
    }

    [Fact]
    public void An_analyzer_that_throws_becomes_a_scan_warning_and_the_others_still_report()
    {
        var context = new CheckContext(LintConfig.Default);
        var document = SourceDocument.FromText("Train.cs", "using Microsoft.ML;\nclass T { object A() => new MLContext(); }\n");

        CSharpAnalysis.Run(new[] { document }, context, CSharpAnalysis.Analyzers.Add(new ThrowingAnalyzer()));

        Assert.Equal("MLO303", Assert.Single(context.Findings).RuleId);
        var warning = Assert.Single(context.Diagnostics);
        Assert.Equal(ScanDiagnosticLevel.Warning, warning.Level);
        Assert.StartsWith("AD0001", warning.Message);
        Assert.Contains(nameof(ThrowingAnalyzer), warning.Message);
    }

    [Fact]
    public void A_file_the_analyzers_spend_their_budget_on_is_named_as_skipped_and_the_others_still_report()
    {
        var context = new CheckContext(LintConfig.Default);
        var spin = SourceDocument.FromText("Spin.cs", "using Microsoft.ML;\n// SPIN_HERE\nclass S { object A() => new MLContext(); }\n");
        var good = SourceDocument.FromText("Good.cs", "using Microsoft.ML;\nclass T { object A() => new MLContext(); }\n");
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MLOpsLint.Analyzers.Rules.UnseededMLContextAnalyzer(), new SpinningAnalyzer());

        CSharpAnalysis.Run(new[] { spin, good }, context, analyzers, TimeSpan.FromSeconds(3));

        // Good.cs is analyzed; Spin.cs, where an analyzer works until its budget is spent, is skipped (not waited on) and named
        var finding = Assert.Single(context.Findings);
        Assert.Equal(("MLO303", "Good.cs"), (finding.RuleId, finding.Path));
        var warning = Assert.Single(context.Diagnostics);
        Assert.Equal(ScanDiagnosticLevel.Warning, warning.Level);
        Assert.Equal("Spin.cs", warning.Path);
        Assert.StartsWith("C# analysis did not finish within its budget of 3 s of CPU time; skipped by MLO303", warning.Message);
    }

    /// <summary>Claims MLO303 and, in a file that holds SPIN_HERE, works until it is cancelled (at most two minutes, so
    /// that a budget that never runs out fails the test instead of hanging it).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class SpinningAnalyzer : MLOpsLint.Analyzers.Infrastructure.MLOpsAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            ImmutableArray.Create(MLOpsLint.Analyzers.Rules.UnseededMLContextAnalyzer.Rule);

        public override IReadOnlyList<string> TextKeywords { get; } = new[] { "SPIN_HERE" };

        protected override void Register(AnalysisContext context) =>
            context.RegisterSyntaxTreeAction(c =>
            {
                if (!c.Tree.GetText(c.CancellationToken).ToString().Contains("SPIN_HERE", StringComparison.Ordinal)) return;
                var wall = System.Diagnostics.Stopwatch.StartNew();
                while (wall.Elapsed < TimeSpan.FromMinutes(2)) c.CancellationToken.ThrowIfCancellationRequested();
            });
    }

    /// <summary>Claims MLO303 (so it is selected) and throws on every class.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            ImmutableArray.Create(MLOpsLint.Analyzers.Rules.UnseededMLContextAnalyzer.Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.NamedType);
        }
    }
}
