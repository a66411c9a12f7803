using System.Globalization;
using System.Text;
using System.Text.Json;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// MLO106: a notebook whose code-cell outputs, in total, take more than <c>max-output-size</c>. The finding
/// points at the <c>"outputs"</c> of the cell with the largest output, and lists the biggest cells.
/// A notebook no bigger than the limit is not parsed at all.
/// </summary>
public sealed class NotebookOutputsCheck : IDocumentCheck
{
    private const int CellsListed = 3;

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO106 };

    public bool AppliesTo(SourceDocument document) => document.Kind == DocumentKind.Notebook && !document.IsBinary;

    public void Check(SourceDocument document, CheckContext context)
    {
        var options = context.Options(RuleCatalog.MLO106);
        long limit = options.GetSize("max-output-size", 1_000_000);
        if (context.ScopeOf(document).Scope is Scope.FileScope.Example or Scope.FileScope.Docs)
        {
            // an example's or tutorial's outputs are its rendered documentation (GitHub shows them; readers come for the
            // figures): a higher limit, unless the user set one limit for all notebooks
            limit = options.Has("example-max-output-size") ? options.GetSize("example-max-output-size", 5_000_000)
                : options.Has("max-output-size") ? limit : 5_000_000;
        }
        if (document.Size <= limit) return; // outputs cannot be bigger than the file
        if (!document.IsComplete)
        {
            context.Report(new Finding(RuleCatalog.MLO106, document.Path, SourceSpan.WholeFile,
                $"Notebook of {Sizes.Format(document.Size)}, too large to read: its outputs are almost certainly over the "
                + $"{Sizes.Format(limit)} limit.")
            {
                FixHint = Fix(document.Path),
                FingerprintContent = "notebook outputs",
            });
            return;
        }

        byte[] json = Utf8(document, out int skipped);
        List<NotebookOutputs.Cell> cells;
        try
        {
            cells = NotebookOutputs.Measure(json.AsSpan(skipped));
        }
        catch (JsonException e)
        {
            // the same warning every notebook-reading rule gives, so the user sees one message per notebook
            if (Python.PythonModule.Of(document, context).NotebookError != null) return;
            int line = e.LineNumber is long l ? (int)l + 1 : 1;
            context.Warn(document.Path, "malformed notebook JSON, outputs not measured: " + FirstSentence(e.Message), line);
            return;
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader.GetString on a string that is not valid UTF-8.
            if (Python.PythonModule.Of(document, context).NotebookError != null) return;
            context.Warn(document.Path, "malformed notebook JSON, outputs not measured: " + e.Message);
            return;
        }

        var withOutputs = cells.Where(c => c.IsCode && c.OutputsSize > 2).OrderByDescending(c => c.OutputsSize).ThenBy(c => c.Number).ToArray();
        long total = withOutputs.Sum(c => c.OutputsSize);
        if (total <= limit) return;

        var largest = withOutputs[0];
        var sb = new StringBuilder();
        sb.Append($"Notebook outputs take {Sizes.Format(total)} (limit {Sizes.Format(limit)}): ");
        sb.Append(string.Join("; ", withOutputs.Take(CellsListed).Select(Describe)));
        if (withOutputs.Length > CellsListed)
        {
            var rest = withOutputs.Skip(CellsListed).ToArray();
            sb.Append($"; {rest.Length} more cell{(rest.Length == 1 ? "" : "s")} with {Sizes.Format(rest.Sum(c => c.OutputsSize))} of output");
        }
        sb.Append('.');
        int outputsLine = NotebookOutputs.LineOf(json, largest.OutputsOffset + skipped);
        context.Report(new Finding(RuleCatalog.MLO106, document.Path, SourceSpan.Line(outputsLine), sb.ToString())
        {
            FixHint = Fix(document.Path),
            FingerprintContent = "notebook outputs",
            LocationHint = "cell " + largest.Number.ToString(CultureInfo.InvariantCulture),
            SuppressionText = largest.Source,
        });
    }

    private static string Describe(NotebookOutputs.Cell cell)
    {
        string prompt = cell.ExecutionCount is long n ? $" (In [{n.ToString(CultureInfo.InvariantCulture)}])" : "";
        var parts = cell.Parts.Where(p => p.Value >= 1000).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(2)
            .Select(p => $"{p.Key} {Sizes.Format(p.Value)}").ToArray();
        string detail = parts.Length == 0 ? "" : " (" + string.Join(", ", parts) + ")";
        return $"cell {cell.Number.ToString(CultureInfo.InvariantCulture)}{prompt} {Sizes.Format(cell.OutputsSize)}{detail}";
    }

    private static string Fix(string path)
    {
        string q = FixAdvice.Quote(path);
        return $"Clear the outputs before committing: jupyter nbconvert --clear-output --inplace {q}; "
            + "run nbstripout --install once so git strips them on every commit.";
    }

    /// <summary>UTF-8 bytes of the notebook; <paramref name="skipped"/> is the length of a UTF-8 BOM.</summary>
    private static byte[] Utf8(SourceDocument document, out int skipped)
    {
        var bytes = document.Content.Span;
        skipped = 0;
        if (Text.TextDecoder.StartsWithUtf16Bom(bytes))
        {
            return Encoding.UTF8.GetBytes(document.Text);
        }
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) skipped = 3;
        return bytes.ToArray();
    }

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (i > 0 ? message.Substring(0, i) : message).Trim();
    }
}
