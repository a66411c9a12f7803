using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Python;

public sealed class StructureTests
{
    private static PythonModule Train() => PythonModule.Of(SourceDocument.FromText("src/train.py", Fixture.Read("Python/train.py")));

    [Fact]
    public void ImportsWithAliasesRelativeAndInsideTry()
    {
        var m = Train();
        Assert.Contains(m.Imports, i => i.BoundName == "np" && i.QualifiedName == "numpy");
        Assert.Contains(m.Imports, i => i.BoundName == "rnd" && i.QualifiedName == "random");
        Assert.Contains(m.Imports, i => i.BoundName == "RFC" && i.QualifiedName == "sklearn.ensemble.RandomForestClassifier");
        Assert.Contains(m.Imports, i => i.ModuleName == "." && i.QualifiedName == ".utils");
        Assert.Contains(m.Imports, i => i.ModuleName == "cPickle" && i.BoundName == "pickle");
        Assert.Contains(m.Imports, i => i.QualifiedName == "sklearn.linear_model.LogisticRegression"); // inside a method
        Assert.Equal(new Findings.SourceSpan(4, 30, 4, 59), m.Imports.Single(i => i.BoundName == "RFC").Span);
    }

    [Fact]
    public void CallsResolveThroughAliasesWithArguments()
    {
        var m = Train();
        var split = Assert.Single(m.CallsTo("sklearn.model_selection.train_test_split"));
        Assert.Equal(PyLiteralKind.NoneValue, split.Keyword("random_state")!.Literal);
        Assert.Equal("0.2", split.Keyword("test_size")!.ValueText);
        Assert.Equal(PyLiteralKind.Number, split.Keyword("test_size")!.Literal);
        Assert.Equal(2, split.PositionalArguments.Count());
        Assert.Equal(35, split.Span.StartLine);
        Assert.False(split.HasStarStarKwargs);

        var rf = Assert.Single(m.CallsTo("sklearn.ensemble.RandomForestClassifier"));
        Assert.True(rf.HasStarStarKwargs);
        Assert.Null(rf.Keyword("random_state"));

        var manual = Assert.Single(m.CallsTo("torch.Generator().manual_seed"));
        Assert.Equal("torch.Generator", manual.Receiver!.QualifiedName);
        Assert.Single(m.CallsTo("numpy.random.rand"));                // nested in print(...)
        Assert.True(Assert.Single(m.CallsTo("print")).HasStarArgs);
        Assert.Single(m.CallsTo("sklearn.linear_model.LogisticRegression().fit"));
    }

    [Fact]
    public void FunctionsKnowTheirParametersAndCalls()
    {
        var m = Train();
        var seed = Assert.Single(m.FunctionsNamed("set_seed"));
        Assert.Equal(new[] { "seed", "args", "kwargs" }, seed.Parameters.Select(p => p.Name));
        Assert.Equal("42", seed.Parameters[0].Default);
        Assert.Equal("int", seed.Parameters[0].Annotation);
        Assert.Equal(PyArgumentKind.StarStar, seed.Parameters[2].Kind);
        Assert.True(seed.HasCallTo("numpy.random.seed"));
        Assert.True(seed.HasCallTo("torch.manual_seed"));
        Assert.True(seed.HasCallTo("random.seed"));
        Assert.Equal((23, 26), (seed.Span.StartLine, seed.Span.EndLine));
        Assert.Same(seed, m.CallsTo("numpy.random.seed").Single().EnclosingFunction);
        Assert.Equal("Trainer", Assert.Single(m.FunctionsNamed("fit")).ClassName);
    }

    [Fact]
    public void AssignmentsOfStringLiteralsWithTargets()
    {
        var m = Train();
        var key = m.Assignments.Single(a => a.Target == "API_KEY");
        Assert.Equal("sk-test-1234", key.StringValue);
        Assert.Equal(new Findings.SourceSpan(12, 1, 12, 25), key.Span);
        var db = m.Assignments.Single(a => a.Target == "DB");
        Assert.Equal(("str", "postgres://u:p@h/db"), (db.Annotation, db.StringValue));
        var pw = m.Assignments.Single(a => a.SubscriptKey == "password");
        Assert.Equal(("hunter2", "password"), (pw.StringValue, pw.TargetName));
        var env = m.Assignments.Single(a => a.SubscriptKey == "WANDB_API_KEY");
        Assert.Equal("os.environ[\"WANDB_API_KEY\"]", env.TargetQualifiedName);
        Assert.Equal("abcdef", env.StringValue); // implicit concatenation
        var bench = m.Assignments.Single(a => a.TargetQualifiedName == "torch.backends.cudnn.benchmark");
        Assert.Equal(PyLiteralKind.True, bench.ValueLiteral);
        Assert.Equal(new[] { "API_KEY", "DB", "password", "WANDB_API_KEY", "msg", "raw", "esc" },
            m.StringAssignments(_ => true).Select(a => a.TargetName));
    }

    [Fact]
    public void StringLiteralsAreDecoded()
    {
        var m = Train();
        var fs = m.StringLiterals.Single(s => s.IsFString);
        Assert.Equal("user:{pw}@host\t{x}", fs.Value);
        Assert.Equal(new[] { "user:", "@host\t{x}" }, fs.Parts.Select(p => p.Value));
        var raw = m.StringLiterals.Single(s => s.Prefix == "rb");
        Assert.True(raw.IsBytes && raw.IsRaw);
        Assert.Equal("\\x00\\n", raw.Value);
        Assert.Equal("café\nA", m.StringLiterals.Single(s => s.Text.StartsWith("\"caf")).Value);
        Assert.Equal("A\t\\N{DASH}", StringDecoder.DecodeBody("\\101\\t\\N{DASH}", raw: false, bytes: false));
    }

    [Fact]
    public void CommentsAndParseErrorsOnBrokenCode()
    {
        var m = PythonModule.Parse("import numpy as np  # the usual\nx = foo(1, 'unterminated\nnp.random.seed(0)\ny = ]\n");
        Assert.Equal("the usual", Assert.Single(m.Comments).Body);
        Assert.Single(m.CallsTo("numpy.random.seed"));
        Assert.Contains(m.ParseErrors, e => e.Message == "unterminated string literal" && e.Span.StartLine == 2);
        Assert.Contains(m.ParseErrors, e => e.Message == "unmatched ']'" && e.Span.StartLine == 4);
    }

    [Fact]
    public void InvalidUtf8IsReadAsText()
    {
        var bytes = new byte[] { (byte)'x', (byte)' ', (byte)'=', (byte)' ', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'\n', (byte)'f', (byte)'(', (byte)')', (byte)'\n' };
        var m = PythonModule.Of(new SourceDocument("bad.py", bytes, bytes.Length));
        Assert.Equal("\uFFFD(", m.Assignments.Single().StringValue);
        Assert.Single(m.CallsTo("f"));
    }

    [Fact]
    public void ModuleIsCachedPerDocument()
    {
        var doc = SourceDocument.FromText("a.py", "import os\n");
        Assert.Same(PythonModule.Of(doc), PythonModule.Of(doc));
    }

    [Theory]
    [InlineData("x = 'cuda'", "cuda", false, true)]
    [InlineData("x = 'cuda:0'", "cuda:", true, true)]
    [InlineData("x = 'cuda:0'", "cuda", false, false)]
    [InlineData("x = '\\x63uda'", "cuda", false, true)]        // an escape: decoded
    [InlineData("x = r'\\x63uda'", "cuda", false, false)]      // raw: kept
    [InlineData("x = f'cuda'", "cuda", false, true)]
    [InlineData("x = f'{{cuda}}'", "{cuda}", false, true)]     // doubled braces: undoubled
    [InlineData("x = f'{d}'", "cuda", false, false)]
    [InlineData("x = b'__main__'", "__main__", false, true)]
    [InlineData("x = '''cu\r\nda'''", "cu\nda", false, true)]  // CR LF in the source is read as LF
    public void ValueIs_answers_as_Value_does(string source, string value, bool prefix, bool expected)
    {
        var literal = Assert.Single(PythonModule.Parse(source).StringLiterals);
        Assert.Equal(expected, literal.ValueIs(value, prefix));
        Assert.Equal(expected, prefix ? literal.Value.StartsWith(value, StringComparison.Ordinal) : literal.Value == value);
    }

    [Theory]
    [InlineData("model.fit(x)", "fit", true)]
    [InlineData("fit(x)", "fit", true)]
    [InlineData("model.fitter(x)", "fit", false)]
    [InlineData("torch.Generator().manual_seed(1)", "manual_seed", true)]
    public void HasName_answers_as_Name_does(string source, string name, bool expected)
    {
        var call = PythonModule.Parse(source).Calls.Last();
        Assert.Equal(expected, call.HasName(name));
        Assert.Equal(expected, call.Name == name);
    }
}
