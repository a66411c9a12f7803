using MLOpsLint.Cli.Server;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;

namespace MLOpsLint.Cli.Tests.Server;

/// <summary>The .ipynb the server writes from an editor's cells reads back as the same cells, and positions in it map
/// back to the cell and the column the user sees, past JSON escapes.</summary>
public sealed class NotebookTextTests
{
    private static readonly NotebookCellText[] Cells =
    {
        new("cell:1", true, "import os\npath = \"C:\\\\data\"\t# tab\n"),
        new("cell:2", false, "# Title with \"quotes\""),
        new("cell:3", true, "x = '\u00e9t\u00e9'; y = \"/home/bob/x\"\n"),
    };

    [Fact]
    public void The_notebook_parser_reads_the_cells_back_exactly()
    {
        var text = new NotebookText(Cells);
        var module = PythonModule.Of(SourceDocument.FromText("nb.ipynb", text.Json));
        Assert.Null(module.NotebookError);
        var notebook = module.Notebook!;
        Assert.Equal(Cells.Select(c => (c.IsCode ? "code" : "markdown", c.Text)), notebook.Cells.Select(c => (c.CellType, c.Source.Value)));
    }

    [Fact]
    public void Positions_after_escapes_map_to_the_column_in_the_cell()
    {
        var text = new NotebookText(Cells);
        var module = PythonModule.Of(SourceDocument.FromText("nb.ipynb", text.Json));
        var cell3 = module.Notebook!.Cells[2];
        // "/home/bob/x" in cell 3: its offset in the cell, and the .ipynb span the parser gives for it
        int at = Cells[2].Text.IndexOf("/home/bob/x", StringComparison.Ordinal);
        var span = cell3.Source.SpanOf(at, at + "/home/bob/x".Length);
        Assert.Equal((2, 0, at), text.Map(span.StartLine, span.StartColumn));
        Assert.Equal((2, 0, at + "/home/bob/x".Length), text.Map(span.EndLine, span.EndColumn));
        // cell 1 line 2: after an escaped quote and backslashes; the tab is one character in the cell
        var cell1 = module.Notebook.Cells[0];
        int tab = Cells[0].Text.IndexOf('\t');
        var tabSpan = cell1.Source.SpanOf(tab + 1, tab + 2);
        Assert.Equal((0, 1, tab + 1 - Cells[0].Text.IndexOf('\n') - 1), text.Map(tabSpan.StartLine, tabSpan.StartColumn));
    }

    [Fact]
    public void A_position_in_the_structure_maps_to_the_start_of_its_cell()
    {
        var text = new NotebookText(Cells);
        var module = PythonModule.Of(SourceDocument.FromText("nb.ipynb", text.Json));
        var cell2 = module.Notebook!.Cells[1];
        Assert.Equal((1, 0, 0), text.Map(cell2.Span.StartLine, cell2.Span.StartColumn));
        Assert.Equal((0, 0, 0), text.Map(1, 1));
    }
}
