using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Tests.Python;

/// <summary>Members the front end computes on first read (callee text, qualified names, arguments, targets,
/// comments) give what the eager version gave, and the same objects on every read.</summary>
public sealed class LazyStructureTests
{
    [Fact]
    public void CalleeAsWrittenWithoutSpacesThroughChainsAndSubscripts()
    {
        var m = PythonModule.Parse(
            "import numpy as np\n" +
            "np.random.seed(0)\n" +
            "np . random.default_rng(1)\n" +
            "torch.Generator().manual_seed(2)\n" +
            "models[0].fit(x, y=1)\n" +
            "(a\n .b)\n" +
            "obj.run(\n    'x' 'y',\n    *rest, **kw)\n");
        Assert.Equal(
            new[] { "np.random.seed", "np.random.default_rng", "torch.Generator", "torch.Generator().manual_seed", "models[].fit", "obj.run" },
            m.Calls.Select(c => c.Callee).ToArray());
        Assert.Equal(
            new[] { "numpy.random.seed", "numpy.random.default_rng", "torch.Generator", "torch.Generator().manual_seed", "models[].fit", "obj.run" },
            m.Calls.Select(c => c.QualifiedName).ToArray());
        Assert.Same(m.Calls[2], m.Calls[3].Receiver);
        Assert.Equal(new[] { "default_rng", "manual_seed" }, new[] { m.Calls[1].Name, m.Calls[3].Name });
        Assert.Single(m.CallsTo("numpy.random.seed"));
    }

    [Fact]
    public void ArgumentsAreMadeOnceWithTheirLiterals()
    {
        var m = PythonModule.Parse("f(1, 'a' \"b\", b'x', k=None, *args, **kw)\ng()\n");
        var f = m.Calls[0];
        Assert.Same(f.Arguments, f.Arguments);
        Assert.Equal(6, f.Arguments.Count);
        Assert.Equal(PyLiteralKind.Number, f.Positional(0)!.Literal);
        Assert.Equal("ab", f.Positional(1)!.StringValue);
        Assert.Equal(2, f.Positional(1)!.StringLiterals.Count);
        Assert.Equal(PyLiteralKind.Bytes, f.Positional(2)!.Literal);
        Assert.Equal(PyLiteralKind.NoneValue, f.Keyword("k")!.Literal);
        Assert.Equal("None", f.Keyword("k")!.ValueText);
        Assert.Equal(f.Keyword("k")!.End, f.Keyword("k")!.ValueEnd);
        Assert.True(f.HasStarArgs);
        Assert.True(f.HasStarStarKwargs);
        Assert.Empty(m.Calls[1].Arguments);
        Assert.False(m.Calls[1].HasStarArgs);
    }

    [Fact]
    public void AssignmentTargetsAnnotationsAndComments()
    {
        var m = PythonModule.Parse(
            "import torch.backends.cudnn as cudnn  # alias\n" +
            "cudnn.benchmark = True\n" +
            "x: int = 1\n" +
            "cfg[\"password\"] = 'p'\n" +
            "# done\n");
        Assert.Equal("torch.backends.cudnn.benchmark", m.Assignments[0].TargetQualifiedName);
        Assert.Equal("cudnn.benchmark", m.Assignments[0].Target);
        Assert.Equal("benchmark", m.Assignments[0].TargetName);
        Assert.Null(m.Assignments[0].Annotation);
        Assert.Equal("int", m.Assignments[1].Annotation);
        Assert.Equal(("password", "p"), (m.Assignments[2].SubscriptKey, m.Assignments[2].StringValue));
        Assert.Equal(new[] { "alias", "done" }, m.Comments.Select(c => c.Body).ToArray());
        Assert.Same(m.Comments, m.Comments);
    }

    [Fact]
    public void ModulesParsedOneAfterAnotherShareNoState()
    {
        // scratch buffers are reused between modules on a thread: a big module then a small one
        var big = PythonModule.Parse(string.Concat(Enumerable.Repeat("a.b(c, d='e')  # c\n", 5000)));
        var small = PythonModule.Parse("f(x)\n");
        Assert.Equal(5000, big.Calls.Count);
        Assert.Equal("e", big.Calls[4999].Keyword("d")!.StringValue);
        Assert.Equal(5000, big.Comments.Count);
        Assert.Single(small.Calls);
        Assert.Equal("x", small.Calls[0].Positional(0)!.ValueText);
        Assert.Equal(6, small.Tokens.Count); // f ( x ) NEWLINE ENDMARKER
    }
}
