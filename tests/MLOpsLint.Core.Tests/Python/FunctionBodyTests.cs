using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Tests.Python;

/// <summary>Where a function's body ends (read from the INDENT/DEDENT tokens as the parser collects them), which calls are in
/// it (a run of the module's calls, <see cref="PyFunction.FirstCall"/> on) and what its parameters say (their annotation and
/// default made when read).</summary>
public sealed class FunctionBodyTests
{
    [Fact]
    public void NestedBodiesEndWhereTheirIndentationDoes()
    {
        var m = PythonModule.Parse(
            "setup()\n" +
            "@decorate(1)\n" +
            "def outer(seed=default_seed()):\n" +
            "    a()\n" +
            "    def inner():\n" +
            "        b()\n" +
            "        if x:\n" +
            "            c()\n" +
            "    d()\n" +
            "class K:\n" +
            "    def method(self): e()\n" +
            "    def empty(self):\n" +
            "        pass\n" +
            "f()\n");
        var outer = m.Functions.Single(f => f.Name == "outer");
        var inner = m.Functions.Single(f => f.Name == "inner");
        var method = m.Functions.Single(f => f.Name == "method");
        var empty = m.Functions.Single(f => f.Name == "empty");
        string Names(PyFunction f) => string.Join(",", f.Calls.Select(c => c.Callee));
        // the decorator and the default run at definition: not in the body
        Assert.Equal("a,b,c,d", Names(outer));
        Assert.Equal("b,c", Names(inner));
        Assert.Equal("e", Names(method));
        Assert.Empty(empty.Calls);
        Assert.Equal(0, empty.FirstCall);
        foreach (var f in new[] { outer, inner, method })
        {
            Assert.Equal(f.Calls, m.Calls.Skip(f.FirstCall).Take(f.Calls.Count));
        }
        Assert.Equal("    d()", m.Text[m.Text.LastIndexOf('\n', outer.End - 1)..outer.End].TrimStart('\n'));
        Assert.EndsWith("c()", m.Text[..inner.End]);
        Assert.Equal("K", method.ClassName);
        Assert.Null(inner.ClassName);
        Assert.Same(inner, m.Calls.Single(c => c.Callee == "c").EnclosingFunction);
        Assert.Same(outer, m.Calls.Single(c => c.Callee == "d").EnclosingFunction);
        Assert.Null(m.Calls.Single(c => c.Callee == "f").EnclosingFunction);
        Assert.Null(m.Calls.Single(c => c.Callee == "default_seed").EnclosingFunction);
    }

    [Fact]
    public void ABracketLeftOpenAcrossIndentedLinesGivesTheSameBodiesAsCountingEveryIndentToken()
    {
        // '(' ... ']' leaves the '(' open (the lexer's bracket level is back at 0, so the next lines are indented as
        // usual) and the ')' four lines down closes it: the group spans INDENT and DEDENT tokens, and the statement with
        // it runs on into 'def last'. The figures are what the parser gave when it counted the depth at every token
        // (before the INDENT/DEDENT list): f's body runs to the end of the file, 'last' keeps only its header.
        var m = PythonModule.Parse(
            "def f():\n" +
            "    g( ]\n" +
            "    if y:\n" +
            "        h()\n" +
            "    k)\n" +
            "def last():\n" +
            "    z()\n");
        Assert.Equal(new[] { "f", "last" }, m.Functions.Select(f => f.Name).ToArray());
        var (f, last) = (m.Functions[0], m.Functions[1]);
        Assert.Equal((0, 66), (f.Start, f.End));
        Assert.Equal("g,h,z", string.Join(",", f.Calls.Select(c => c.Callee)));
        Assert.Equal((47, 58, 58), (last.Start, last.End, last.BodyStart));
        Assert.Empty(last.Calls);
        Assert.Equal("unmatched ']'", Assert.Single(m.ParseErrors).Message);
    }

    [Fact]
    public void ParameterAnnotationsAndDefaultsAsWritten()
    {
        var m = PythonModule.Parse("def f(a, b: int, c: str = 'x', *args, d=1 + 2, e: 'T'=None, **kw): pass\n");
        var p = m.Functions[0].Parameters;
        Assert.Equal(new[] { "a", "b", "c", "args", "d", "e", "kw" }, p.Select(x => x.Name).ToArray());
        Assert.Equal(new string?[] { null, "int", "str", null, null, "'T'", null }, p.Select(x => x.Annotation).ToArray());
        Assert.Equal(new string?[] { null, null, "'x'", null, "1 + 2", "None", null }, p.Select(x => x.Default).ToArray());
        Assert.Same(p[2].Default, p[2].Default);
        Assert.Equal("x", p[2].DefaultLiteral!.Value);
        Assert.Null(p[4].DefaultLiteral); // an expression, not one literal
        Assert.Equal(PyArgumentKind.Star, p[3].Kind);
        Assert.Equal(PyArgumentKind.StarStar, p[6].Kind);
    }
}
