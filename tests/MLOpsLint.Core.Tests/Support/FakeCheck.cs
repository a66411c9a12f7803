using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Tests.Support;

/// <summary>
/// A check for engine tests: reports <see cref="Rule"/> on every line containing <see cref="Marker"/>, spanning
/// the marker. It lives in the test assembly, so CheckRegistry never sees it; tests pass it to the Linter.
/// </summary>
public sealed class FakeCheck : IDocumentCheck
{
    public FakeCheck(RuleDescriptor rule, string marker = "BAD", bool throws = false)
    {
        Rule = rule;
        Marker = marker;
        Throws = throws;
    }

    public RuleDescriptor Rule { get; }

    public string Marker { get; }

    public bool Throws { get; }

    public IReadOnlyList<RuleDescriptor> Rules => new[] { Rule };

    public bool AppliesTo(SourceDocument document) => document.HasText;

    public void Check(SourceDocument document, CheckContext context)
    {
        if (Throws) throw new InvalidOperationException("boom");
        var lines = document.Lines;
        for (int i = 1; i <= lines.LineCount; i++)
        {
            int col = lines.GetLine(i).IndexOf(Marker, StringComparison.Ordinal);
            if (col >= 0)
            {
                context.Report(new Finding(Rule, document.Path, new SourceSpan(i, col + 1, i, col + 1 + Marker.Length), $"{Marker} found"));
            }
        }
    }
}
