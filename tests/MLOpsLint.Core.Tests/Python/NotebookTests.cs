using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Notebooks;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Suppression;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Python;

public sealed class NotebookTests
{
    private static (PythonModule Module, string File) Load(string name)
    {
        string text = Fixture.Read("Python/" + name);
        return (PythonModule.Of(SourceDocument.FromText("notebooks/" + name, text)), text);
    }

    /// <summary>1-based (line, column) in <paramref name="file"/> of the <paramref name="occurrence"/>-th match.</summary>
    private static (int Line, int Column) Find(string file, string needle, int occurrence = 1)
    {
        int at = -1;
        for (int i = 0; i < occurrence; i++) at = file.IndexOf(needle, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, needle);
        var (l, c) = new global::MLOpsLint.Core.Text.LineIndex(file).GetPosition(at);
        return (l, c);
    }

    [Theory]
    [InlineData("experiment.ipynb")]
    [InlineData("oneline.ipynb")]
    public void CallsInCellsMapToTheNotebookFile(string name)
    {
        var (m, file) = Load(name);
        Assert.Null(m.NotebookError);
        var split = Assert.Single(m.CallsTo("sklearn.model_selection.train_test_split"));
        var (line, col) = Find(file, "train_test_split(X, y)");
        Assert.Equal(new SourceSpan(line, col, line, col + "train_test_split(X, y)".Length), split.Span);
        Assert.Equal("cell 3, line 3", split.LocationHint);
        Assert.Equal(3, split.CellIndex);
        Assert.Equal("X_tr, X_te = train_test_split(X, y)  # noqa: MLO301", split.SourceLine);

        // a call after JSON escapes (\n, \") in a one-string source
        var describe = Assert.Single(m.Calls, c => c.Callee == "df.describe");
        var (dl, dc) = Find(file, "df.describe()");
        Assert.Equal((dl, dc), (describe.Span.StartLine, describe.Span.StartColumn));
        Assert.Equal("cell 4, line 5", describe.LocationHint);
        Assert.Equal("numpy.random.seed", m.CallsTo("numpy.random.seed").Single().QualifiedName);
    }

    [Fact]
    public void StringLiteralSpanCoversItsJsonEscapes()
    {
        var (m, file) = Load("experiment.ipynb");
        var name = m.Assignments.Single(a => a.Target == "name");
        Assert.Equal("café \"x\"", name.StringValue);
        var lit = name.StringLiterals.Single();
        var (line, col) = Find(file, "\\\"caf\\u00e9");
        var (_, endCol) = Find(file, "\\\"\\n\",");
        Assert.Equal(new SourceSpan(line, col, line, endCol + 2), lit.Span);
    }

    [Fact]
    public void MagicsAreTypedLinesNotParseErrors()
    {
        var (m, file) = Load("experiment.ipynb");
        Assert.Empty(m.ParseErrors);
        var magics = m.MagicLines.Select(x => (x.Kind, x.Command, x.LocationHint ?? "")).ToArray();
        Assert.Equal(new[]
        {
            (MagicKind.Shell, "pip install torch", "cell 2, line 1"),
            (MagicKind.LineMagic, "matplotlib inline", "cell 2, line 2"),
            (MagicKind.CellMagic, "time", "cell 3, line 1"),
            (MagicKind.Help, "df", "cell 4, line 6"),
        }, magics);
        var pip = m.MagicLines[0];
        Assert.Equal("pip", pip.Name);
        var (l, c) = Find(file, "!pip install torch");
        Assert.Equal((l, c, l), (pip.Span.StartLine, pip.Span.StartColumn, pip.Span.EndLine));
        Assert.Equal("!pip install torch", pip.SourceLine);
    }

    [Fact]
    public void NoqaInACellLineSuppressesTheFinding()
    {
        var (m, _) = Load("experiment.ipynb");
        var finding = m.Report(RuleCatalog.MLO303, m.CallsTo("sklearn.model_selection.train_test_split").Single(), "unseeded split");
        Assert.Equal("cell 3, line 3", finding.LocationHint);
        Assert.True(Noqa.Suppresses(finding.SuppressionText!, "MLO301", honorBare: false));
        var seed = m.Report(RuleCatalog.MLO303, m.CallsTo("numpy.random.seed").Single(), "x");
        Assert.False(Noqa.Suppresses(seed.SuppressionText!, "MLO301", honorBare: false));
    }

    [Fact]
    public void OutputsAreAvailableWithPositions()
    {
        var (m, file) = Load("experiment.ipynb");
        var stream = m.Outputs.Single(o => o.OutputType == "stream");
        Assert.Equal("token: hf_abcdefghijklmnopqrstuvwxyz\ndone\n", stream.Text);
        Assert.Equal(("stdout", 3), (stream.Name, stream.CellIndex));
        int at = stream.Text.IndexOf("hf_", StringComparison.Ordinal);
        var (l, c) = Find(file, "hf_abc");
        Assert.Equal(new SourceSpan(l, c, l, c + 3), stream.SpanOf(at, at + 3));
        Assert.True(m.Outputs.Single(o => o.MimeType == "image/png").IsBinary);
        Assert.Equal("<Figure size 640x480 with 1 Axes>", m.Outputs.Single(o => o.OutputType == "execute_result" && o.MimeType == "text/plain").Text);
        var error = m.Outputs.Single(o => o.OutputType == "error");
        Assert.Equal("KeyError: 'password'\nTraceback (most recent call last)\nKeyError: 'password'", error.Text);
        Assert.Equal(4, m.Notebook!.Cells.Count);
        Assert.Equal("markdown", m.Notebook.Cells[0].CellType);
    }

    [Theory]
    [InlineData("truncated.ipynb", "not valid JSON at line")]
    [InlineData("wrong_types.ipynb", "cell 2: \"source\" is neither a string nor an array of strings (line 11)")]
    public void MalformedNotebooksGiveAnErrorValue(string name, string message)
    {
        var (m, _) = Load(name);
        Assert.Contains(message, m.NotebookError);
        var error = Assert.Single(m.ParseErrors);
        Assert.StartsWith("malformed notebook: ", error.Message);
        Assert.True(error.Span.StartLine > 1);
        Assert.Empty(m.Calls);
    }

    [Theory]
    [InlineData("{\"foo\": 1}", "no \"cells\" array")]
    [InlineData("[1, 2]", "not an object")]
    [InlineData("", "not valid JSON at line 1")]
    [InlineData("{\"cells\": {}}", "\"cells\" is not an array")]
    [InlineData("{\"cells\": [{\"source\": \"a\\u00\"}]}", "not valid JSON")]
    public void NotNotebooksAreReportedNotThrown(string json, string message)
    {
        var m = PythonModule.Of(SourceDocument.FromText("x.ipynb", json));
        Assert.Contains(message, m.NotebookError);
    }

    [Fact]
    public void BinaryGarbageNotebookDoesNotThrow()
    {
        var bytes = new byte[] { 0x7B, 0xFF, 0xFE, 0x00, 0x22, 0x80 };
        var m = PythonModule.Of(new SourceDocument("junk.ipynb", bytes, bytes.Length));
        Assert.NotNull(m.NotebookError);
    }

    [Fact]
    public void NbFormat3WorksheetsAreRead()
    {
        var (m, file) = Load("v3.ipynb");
        Assert.Equal(3, m.Notebook!.FormatVersion);
        var read = Assert.Single(m.CallsTo("pandas.read_csv"));
        Assert.Equal("/home/alice/data.csv", read.Positional(0)!.StringValue);
        Assert.Equal("cell 2, line 2", read.LocationHint);
        Assert.Equal(Find(file, "pd.read_csv").Line, read.Span.StartLine);
        Assert.Equal("   a  b\n0  1  2", Assert.Single(m.Outputs).Text);
    }

    [Fact]
    public void EveryDecodedCharacterMapsToWhereItIsWrittenInTheFile()
    {
        // escapes (\n \" \\ \t \u00e9), raw UTF-8, a surrogate pair, several strings per text, synthetic separators
        const string file = "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"execution_count\": 1,\n"
            + " \"source\": [\"s = \\\"caf\\u00e9 \\\\ \\t\\\"\\n\", \"t = 'é😀'\\n\", \"u = 1\"],\n"
            + " \"outputs\": [{\"output_type\": \"error\", \"ename\": \"E\", \"evalue\": \"bad\\u0021\", \"traceback\": [\"a\", \"b\\n\"]},\n"
            + "  {\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"x\\n\", \"yz\"]}]}],\n"
            + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";
        var nb = PythonModule.Of(SourceDocument.FromText("map.ipynb", file)).Notebook!;
        var cell = Assert.Single(nb.Cells);
        var texts = new[] { cell.Source }.Concat(cell.Outputs.Select(o => o.Content)).ToArray();
        Assert.Equal("s = \"café \\ \t\"\nt = 'é😀'\nu = 1", cell.Source.Value);
        Assert.Equal("E: bad!\na\nb\n", texts[1].Value);
        foreach (var t in texts)
        {
            int previous = -1;
            for (int i = 0; i < t.Value.Length; i++)
            {
                int at = t.FileOffset(i);
                Assert.True(at >= previous, $"offsets go back at {i} of {t.Value}");
                previous = at;
                if (file[at] == '\\') continue; // an escape, or a separator mapped to the end of the string before it
                if (file[at] == '"') continue;  // a separator right after a string
                Assert.Equal(file[at], t.Value[i]);
            }
            Assert.Equal(t.FileOffset(t.Value.Length), t.FileOffset(t.Value.Length + 5));
        }
        int e9 = cell.Source.Value.IndexOf('é');
        Assert.Equal("\\u00e9", file.Substring(cell.Source.FileOffset(e9), 6));
        Assert.Equal(file.IndexOf("😀", StringComparison.Ordinal), cell.Source.FileOffset(cell.Source.Value.IndexOf("😀", StringComparison.Ordinal)));
        Assert.Equal(file.IndexOf("😀", StringComparison.Ordinal) + 1, cell.Source.FileOffset(cell.Source.Value.IndexOf("😀", StringComparison.Ordinal) + 1));
    }
}
