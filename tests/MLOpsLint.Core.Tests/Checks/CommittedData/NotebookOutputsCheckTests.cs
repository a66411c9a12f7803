using System.Text;
using MLOpsLint.Core.Tests.Support;
using static MLOpsLint.Core.Tests.Checks.CommittedData.Scan;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>MLO106: notebooks committed with large outputs.</summary>
public class NotebookOutputsCheckTests
{
    /// <summary>A notebook as Jupyter writes it (one-space indent, source as a list of lines).</summary>
    private static string Notebook(params (string Source, int? Count, string Outputs)[] cells)
    {
        var sb = new StringBuilder("{\n \"cells\": [\n");
        for (int i = 0; i < cells.Length; i++)
        {
            var (source, count, outputs) = cells[i];
            sb.Append("  {\n   \"cell_type\": \"code\",\n");
            sb.Append("   \"execution_count\": ").Append(count?.ToString() ?? "null").Append(",\n");
            sb.Append("   \"metadata\": {},\n");
            sb.Append("   \"outputs\": [").Append(outputs).Append("],\n");
            sb.Append("   \"source\": [\n    ").Append(System.Text.Json.JsonSerializer.Serialize(source)).Append("\n   ]\n  }");
            sb.Append(i + 1 < cells.Length ? ",\n" : "\n");
        }
        sb.Append(" ],\n \"metadata\": {\"kernelspec\": {\"name\": \"python3\"}},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
        return sb.ToString();
    }

    private static string Image(int base64Chars) =>
        "\n    {\n     \"data\": {\n      \"image/png\": \"" + new string('A', base64Chars) + "\",\n      \"text/plain\": [\"<Figure size 640x480>\"]\n     },\n"
        + "     \"metadata\": {},\n     \"output_type\": \"display_data\"\n    }\n   ";

    private static string Stream(int chars) =>
        "\n    {\n     \"name\": \"stdout\",\n     \"output_type\": \"stream\",\n     \"text\": [\"" + new string('.', chars) + "\\n\"]\n    }\n   ";

    private static int LineOfNth(string text, string needle, int n)
    {
        var lines = text.Split('\n');
        int seen = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(needle) && ++seen == n) return i + 1;
        }
        throw new InvalidOperationException(needle);
    }

    [Fact]
    public void A_notebook_with_a_big_image_points_at_the_largest_cell()
    {
        string nb = Notebook(
            ("import pandas as pd", 1, ""),
            ("df.describe()", 2, Stream(300_000)),
            ("df.plot()", 3, Image(1_200_000)),
            ("print('done')", 4, Stream(10)));
        var f = Assert.Single(Of("MLO106", TextDoc("notebooks/eda.ipynb", nb)));
        Assert.Equal(LineOfNth(nb, "\"outputs\": [", 3), f.Span.StartLine);
        Assert.Equal("cell 3", f.LocationHint);
        Assert.StartsWith("Notebook outputs take 1.5 MB (limit 1.0 MB): cell 3 (In [3]) 1.2 MB (image/png 1.2 MB); cell 2 (In [2]) 300 KB (text 300 KB); cell 4 (In [4])", f.Message);
        Assert.Contains("jupyter nbconvert --clear-output --inplace notebooks/eda.ipynb", f.Fix);
        Assert.Contains("nbstripout --install", f.Fix);
    }

    [Fact]
    public void Noqa_in_the_cell_source_suppresses_it()
    {
        string nb = Notebook(("df.plot()  # noqa: MLO106", 1, Image(1_100_000)));
        var result = Run(TextDoc("eda.ipynb", nb));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MLO106");
        Assert.Equal(1, result.Suppressed);
    }

    [Fact]
    public void Small_outputs_are_fine()
    {
        Assert.Empty(Of("MLO106", TextDoc("nb/train.ipynb", Fixture.Read("CommittedData/small-outputs.ipynb"))));
        Assert.Empty(Of("MLO106", TextDoc("nb/plot.ipynb", Notebook(("df.plot()", 1, Image(400_000))))));
    }

    [Fact]
    public void A_big_notebook_with_big_sources_but_no_outputs_is_fine()
    {
        string nb = Notebook(("x = '" + new string('y', 1_500_000) + "'", 1, ""));
        Assert.Empty(Of("MLO106", TextDoc("nb/big-source.ipynb", nb)));
    }

    [Fact]
    public void The_limit_is_configurable()
    {
        string nb = Notebook(("df.plot()", 1, Image(200_000)));
        Assert.Empty(Of("MLO106", TextDoc("a.ipynb", nb)));
        var f = Assert.Single(Family(WithOptions("MLO106", ("max-output-size", "100KB")), TextDoc("a.ipynb", nb)));
        Assert.Contains("(limit 100 KB)", f.Message);
    }

    [Fact]
    public void Malformed_notebook_json_is_a_scan_diagnostic_with_its_line()
    {
        var result = Run(WithOptions("MLO106", ("max-output-size", "10B")), TextDoc("nb/broken.ipynb", Fixture.Read("CommittedData/malformed.ipynb")));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MLO106");
        var d = Assert.Single(result.Diagnostics, x => x.Path == "nb/broken.ipynb");
        Assert.Equal(Core.Findings.ScanDiagnosticLevel.Warning, d.Level);
        Assert.Contains("malformed notebook JSON", d.Message);
        Assert.Equal(12, d.Line);
    }

    [Fact]
    public void A_notebook_with_a_bom_and_crlf_lines_is_measured()
    {
        string nb = Notebook(("a", 1, ""), ("df.plot()", 2, Image(1_100_000))).Replace("\n", "\r\n");
        var bytes = Samples.Concat(new byte[] { 0xEF, 0xBB, 0xBF }, Encoding.UTF8.GetBytes(nb));
        var f = Assert.Single(Of("MLO106", Doc("crlf.ipynb", bytes)));
        Assert.Equal(LineOfNth(nb, "\"outputs\": [", 2), f.Span.StartLine);
    }

    [Fact]
    public void Nbformat_3_worksheets_are_measured()
    {
        string nb = "{\"metadata\": {}, \"nbformat\": 3, \"worksheets\": [{\"cells\": [{\"cell_type\": \"code\", \"input\": [\"plot()\"], "
            + "\"language\": \"python\", \"prompt_number\": 5, \"outputs\": [{\"output_type\": \"display_data\", \"png\": \""
            + new string('A', 1_100_000) + "\"}]}]}]}";
        var f = Assert.Single(Of("MLO106", TextDoc("old.ipynb", nb)));
        Assert.Contains("cell 1 (In [5]) 1.1 MB (png 1.1 MB)", f.Message);
    }

    [Fact]
    public void A_notebook_too_big_to_read_is_reported_without_parsing()
    {
        var bytes = Encoding.UTF8.GetBytes(Notebook(("df.plot()", 1, Image(3_000_000))));
        var f = Assert.Single(Of("MLO106", Head("huge.ipynb", bytes, 100_000)));
        Assert.Contains("too large to read", f.Message);
    }

    /// <summary>An example's or tutorial's outputs are its rendered documentation: 5 MB for them (peft's diffusion examples,
    /// CLIP's demo at 1.3-3.6 MB were judged debatable on the ecosystem check), 1 MB for the notebooks that are work.</summary>
    [Fact]
    public void Examples_and_tutorials_have_a_higher_limit()
    {
        string two = Notebook(("pipe(prompt).images[0]", 1, Image(2_000_000)));
        string six = Notebook(("pipe(prompt).images[0]", 1, Image(6_000_000)));
        Assert.Empty(Of("MLO106", TextDoc("examples/lora_dreambooth/inference.ipynb", two)));
        Assert.Empty(Of("MLO106", TextDoc("docs/tutorials/intro.ipynb", two)));
        // the same notebook as work (a notebook at the root, under notebooks/) is over the 1 MB limit
        Assert.Single(Of("MLO106", TextDoc("analysis.ipynb", two)));
        Assert.Single(Of("MLO106", TextDoc("notebooks/eda.ipynb", two)));
        // a runaway example is still reported, against the examples' limit
        Assert.Contains("(limit 5.0 MB)", Assert.Single(Of("MLO106", TextDoc("examples/lora_dreambooth/inference.ipynb", six))).Message);
        // one limit set by the user applies to every notebook; an examples' limit of its own wins for examples
        Assert.Single(Family(WithOptions("MLO106", ("max-output-size", "1MB")), TextDoc("examples/lora_dreambooth/inference.ipynb", two)));
        Assert.Empty(Family(WithOptions("MLO106", ("max-output-size", "1MB"), ("example-max-output-size", "3MB")), TextDoc("examples/a.ipynb", two)));
    }
}
