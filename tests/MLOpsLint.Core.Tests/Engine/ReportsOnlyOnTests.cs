using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>
/// When only some files are reported (<c>--staged</c>), a repository check that can only report on certain documents
/// (the C# analyzers: .cs files) runs only if one of the reported files is such a document; otherwise the findings it
/// would give are dropped anyway.
/// </summary>
public class ReportsOnlyOnTests
{
    private static readonly SourceDocument[] Docs =
    {
        SourceDocument.FromText("src/Model.cs", "class Model { }\n"),
        SourceDocument.FromText("train.py", "x = 1\n"),
    };

    [Fact]
    public void A_check_that_reports_only_on_CSharp_is_not_run_when_only_a_Python_file_is_reported()
    {
        var check = new CSharpOnlyCheck();
        var result = new Linter(new ICheck[] { check }).Run(new RepositorySnapshot(Docs), LintConfig.Default, reported: p => p == "train.py");
        Assert.Equal(0, check.Runs);
        Assert.DoesNotContain(result.Findings, f => f.Message == CSharpOnlyCheck.Message);
    }

    [Fact]
    public void It_runs_when_a_reported_file_is_one_it_reports_on_or_when_every_file_is_reported()
    {
        var staged = new CSharpOnlyCheck();
        var r1 = new Linter(new ICheck[] { staged }).Run(new RepositorySnapshot(Docs), LintConfig.Default, reported: p => p == "src/Model.cs");
        var whole = new CSharpOnlyCheck();
        var r2 = new Linter(new ICheck[] { whole }).Run(new RepositorySnapshot(Docs), LintConfig.Default);

        Assert.Equal(1, staged.Runs);
        Assert.Equal(1, whole.Runs);
        Assert.Contains(r1.Findings, f => f.Path == "src/Model.cs" && f.Message == CSharpOnlyCheck.Message);
        Assert.Contains(r2.Findings, f => f.Path == "src/Model.cs" && f.Message == CSharpOnlyCheck.Message);
    }

    private sealed class CSharpOnlyCheck : IRepositoryCheck, IReportsOnlyOn
    {
        public const string Message = "a C# finding";

        public int Runs { get; private set; }

        public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO303 };

        public bool MayReportOn(SourceDocument document) => document.Kind == DocumentKind.CSharp;

        public void Check(RepositorySnapshot repository, CheckContext context)
        {
            Runs++;
            foreach (var d in repository.OfKind(DocumentKind.CSharp))
            {
                context.Report(new Finding(RuleCatalog.MLO303, d.Path, d.Lines.GetSpan(0, 5), Message));
            }
        }
    }
}
