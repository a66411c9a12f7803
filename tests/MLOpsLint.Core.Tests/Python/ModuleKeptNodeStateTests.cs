using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Tests.Python;

/// <summary>What the module keeps for its nodes instead of a field in each (a location per span, the arguments made for a
/// call) and a string literal's value and parts in one field: read in any order, from several threads, the same objects
/// and the same values as a node computing its own.</summary>
public sealed class ModuleKeptNodeStateTests
{
    [Fact]
    public void LocationsAreMadeOncePerSpanAndMatchTheDocument()
    {
        var m = PythonModule.Parse("import os\nx = os.getenv('A')\n\ny = os.getenv('A')\n");
        var first = m.Calls[0];
        var second = m.Calls[1];
        Assert.Same(first.Location, first.Location);
        Assert.Equal(new Findings.SourceSpan(2, 5, 2, 19), first.Span);
        Assert.Equal(new Findings.SourceSpan(4, 5, 4, 19), second.Span);
        Assert.NotSame(first.Location, second.Location); // same text, other place
        Assert.Equal("x = os.getenv('A')", first.SourceLine);
        // the assignment starts where its target does, the literal inside the call: each its own span
        Assert.Equal(new Findings.SourceSpan(2, 1, 2, 19), m.Assignments[0].Span);
        Assert.Equal(new Findings.SourceSpan(2, 15, 2, 18), m.StringLiterals[0].Span);
        Assert.Null(first.LocationHint);
    }

    [Fact]
    public void NotebookNodesAndMagicLinesKeepTheirCellLocations()
    {
        string json = """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# title"]},
              {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [],
               "source": ["!pip install torch\n", "import torch\n", "torch.manual_seed(0)"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;
        var m = PythonModule.Of(SourceDocument.FromText("nb.ipynb", json));
        var seed = Assert.Single(m.Calls);
        Assert.Equal("cell 2, line 3", seed.LocationHint);
        Assert.Same(seed.Location, seed.Location);
        var magic = Assert.Single(m.MagicLines);
        Assert.Equal("cell 2, line 1", magic.LocationHint);
        Assert.Equal(magic.Start, magic.End); // a point in the joined text: its location is its own, not derived from it
    }

    [Fact]
    public void ArgumentsAreTheSameObjectsFromEveryThread()
    {
        var m = PythonModule.Parse(string.Concat(Enumerable.Range(0, 200).Select(i => $"f({i}, key='v{i}')\n")));
        var made = new IReadOnlyList<PyArgument>[4][];
        Parallel.For(0, 4, t => made[t] = m.Calls.Select(c => c.Arguments).ToArray());
        for (int i = 0; i < m.Calls.Count; i++)
        {
            for (int t = 1; t < 4; t++) Assert.Same(made[0][i], made[t][i]);
            Assert.Equal($"v{i}", m.Calls[i].Keyword("key")!.StringValue);
            Assert.Same(m.Calls[i].Keyword("key"), m.Calls[i].Arguments[1]);
        }
        Assert.Empty(PythonModule.Parse("g()\n").Calls[0].Arguments);
    }

    [Fact]
    public void ValueAndPartsInEitherOrder()
    {
        var m = PythonModule.Parse("a = 'x\\ty'\nb = 'plain'\nc = f'user:{pw}@host'\n");
        var (escaped, plain, fstring) = (m.StringLiterals[0], m.StringLiterals[1], m.StringLiterals[2]);
        // parts first, then the value
        var parts = escaped.Parts;
        Assert.Equal("x\ty", Assert.Single(parts).Value);
        Assert.Same(parts, escaped.Parts);
        Assert.Same(parts[0].Value, escaped.Value);
        // the value first, then the parts
        string value = plain.Value;
        Assert.Same(value, plain.Value);
        Assert.Equal((plain.BodyStart, plain.BodyEnd, "plain"), (plain.Parts[0].Start, plain.Parts[0].End, plain.Parts[0].Value));
        Assert.Same(value, plain.Value);
        Assert.True(plain.ValueIs("plain"));
        Assert.False(plain.ValueIs("plai"));
        // an f-string's parts come with its value: the literal stretches, not the field
        Assert.Equal("user:{pw}@host", fstring.Value);
        Assert.Equal(new[] { "user:", "@host" }, fstring.Parts.Select(p => p.Value));
        Assert.Same(fstring.Parts, fstring.Parts);
    }
}
