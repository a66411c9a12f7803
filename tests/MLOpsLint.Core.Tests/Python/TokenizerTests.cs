using MLOpsLint.Core.Python.Tokens;

namespace MLOpsLint.Core.Tests.Python;

public sealed class TokenizerTests
{
    private static string Dump(string text, FStringMode mode = FStringMode.Nested) =>
        string.Join(" ", PythonTokenizer.Tokenize(text, mode)
            .Where(t => t.Kind is not (PyTokenKind.EndMarker or PyTokenKind.Newline or PyTokenKind.NL))
            .Select(t => $"{t.Kind.CPythonName()}:{t.GetText(text)}"));

    [Fact]
    public void NestedFStringsWithReusedQuotesAndFormatSpecs()
    {
        string src = "f\"a{x!r:>{width}}b{f'{y}'}{{c}}\"\n";
        Assert.Equal(
            "FSTRING_START:f\" FSTRING_MIDDLE:a OP:{ NAME:x OP:! NAME:r OP:: FSTRING_MIDDLE:> OP:{ NAME:width OP:} OP:} "
            + "FSTRING_MIDDLE:b OP:{ FSTRING_START:f' OP:{ NAME:y OP:} FSTRING_END:' OP:} FSTRING_MIDDLE:{{c}} FSTRING_END:\"",
            Dump(src));
        // 3.12 allows the same quotes inside a replacement field
        Assert.Equal("FSTRING_START:f\" OP:{ NAME:d OP:[ STRING:\"k\" OP:] OP:} FSTRING_END:\"", Dump("f\"{d[\"k\"]}\"\n"));
    }

    [Fact]
    public void SingleTokenModeReadsAnFStringAsOneString()
    {
        Assert.Equal("STRING:f\"a{x!r:>{width}}b\"", Dump("f\"a{x!r:>{width}}b\"\n", FStringMode.SingleToken));
    }

    [Theory]
    [InlineData("r'\\d'")]
    [InlineData("B'x'")]
    [InlineData("Rb'x'")]
    [InlineData("bR'x'")]
    [InlineData("U'x'")]
    [InlineData("'''a\n'b'\n'''")]
    [InlineData("\"a\\\nb\"")]
    public void EveryStringPrefixAndFormIsOneStringToken(string literal)
    {
        var tokens = PythonTokenizer.Tokenize("x = " + literal + "\n");
        Assert.Equal(PyTokenKind.String, tokens[2].Kind);
        Assert.Equal(literal, tokens[2].GetText("x = " + literal + "\n"));
    }

    [Fact]
    public void MultiLineStringPositionsAndIndentation()
    {
        string src = "def f():\n    s = '''a\nb'''\n    return s\n";
        var t = PythonTokenizer.Tokenize(src);
        var str = t.Single(k => k.Kind == PyTokenKind.String);
        Assert.Equal((2, 8, 3, 4), (str.Line, str.Column, str.EndLine, str.EndColumn));
        Assert.Equal(1, t.Count(k => k.Kind == PyTokenKind.Indent));
        Assert.Equal(1, t.Count(k => k.Kind == PyTokenKind.Dedent));
    }

    [Theory]
    [InlineData("0x_1F", "NUMBER:0x_1F")]
    [InlineData("1_000.5e-3j", "NUMBER:1_000.5e-3j")]
    [InlineData(".5", "NUMBER:.5")]
    [InlineData("0o777 0b1", "NUMBER:0o777 NUMBER:0b1")]
    [InlineData("1if x", "NUMBER:1 NAME:if NAME:x")]
    [InlineData("x...", "NAME:x OP:...")]
    [InlineData("a->b", "NAME:a OP:-> NAME:b")]
    [InlineData("a **= 2", "NAME:a OP:**= NUMBER:2")]
    [InlineData("données = 1", "NAME:données OP:= NUMBER:1")]
    public void NumbersOperatorsAndIdentifiers(string src, string expected) => Assert.Equal(expected, Dump(src + "\n"));

    [Fact]
    public void CrLfBracketsAndBackslashJoinLines()
    {
        string src = "x = (1,\r\n     2)\r\ny = 1 + \\\r\n    2\r\n";
        var t = PythonTokenizer.Tokenize(src);
        Assert.Equal(new[] { PyTokenKind.Newline, PyTokenKind.Newline }, t.Where(k => k.Kind == PyTokenKind.Newline).Select(k => k.Kind));
        Assert.Equal("\r\n", t.Single(k => k.Kind == PyTokenKind.NL).GetText(src));
        Assert.DoesNotContain(t, k => k.Kind is PyTokenKind.Indent or PyTokenKind.ErrorToken);
        var two = t.Last(k => k.Kind == PyTokenKind.Number);
        Assert.Equal((4, 4), (two.Line, two.Column));
    }

    [Fact]
    public void ByteOrderMarkIsSkipped()
    {
        string src = "\uFEFFimport os\n";
        var first = PythonTokenizer.Tokenize(src)[0];
        Assert.Equal("import", first.GetText(src));
        Assert.Equal(0, first.Column);
    }

    [Fact]
    public void UnterminatedStringBecomesAnErrorTokenAndTheRestIsRead()
    {
        string src = "x = 'oops\ny = 2\n";
        var t = PythonTokenizer.Tokenize(src, FStringMode.Nested, out var errors);
        Assert.Equal("'oops", t.Single(k => k.Kind == PyTokenKind.ErrorToken).GetText(src));
        Assert.Contains(t, k => k.Kind == PyTokenKind.Name && k.GetText(src) == "y" && k.Line == 2);
        Assert.Equal("unterminated string literal", Assert.Single(errors).Message);
    }

    [Fact]
    public void UnterminatedTripleQuotedStringRunsToTheEnd()
    {
        string src = "a = 1\ns = \"\"\"never closed\nmore\n";
        var t = PythonTokenizer.Tokenize(src, FStringMode.Nested, out var errors);
        var err = t.Single(k => k.Kind == PyTokenKind.ErrorToken);
        Assert.Equal(src.Length, err.End);
        Assert.Equal(PyTokenKind.EndMarker, t[t.Length - 1].Kind);
        Assert.Contains("triple-quoted", Assert.Single(errors).Message);
    }

    [Fact]
    public void StrayCharactersAndPython2SyntaxDoNotStopTheLexer()
    {
        string src = "print 'hi'\nx = `y` $ 0777L\nif a <> b: pass\n";
        var t = PythonTokenizer.Tokenize(src, FStringMode.Nested, out var errors);
        Assert.Equal("`,`,$", string.Join(",", t.Where(k => k.Kind == PyTokenKind.ErrorToken).Select(k => k.GetText(src))));
        Assert.Equal(3, errors.Count);
        Assert.Contains(t, k => k.Kind == PyTokenKind.Name && k.GetText(src) == "pass");
    }

    [Fact]
    public void BinaryGarbageAndUnmatchedDedentNeverThrow()
    {
        var rng = new Random(42);
        for (int n = 0; n < 200; n++)
        {
            var chars = new char[rng.Next(1, 300)];
            for (int i = 0; i < chars.Length; i++) chars[i] = (char)rng.Next(0, 0x3000);
            string s = new string(chars);
            var tokens = PythonTokenizer.Tokenize(s);
            Assert.Equal(PyTokenKind.EndMarker, tokens[tokens.Length - 1].Kind);
            Assert.All(tokens, t => Assert.InRange(t.End, t.Start, s.Length));
            PythonTokenizer.Tokenize(s, FStringMode.SingleToken);
        }
        var bad = PythonTokenizer.Tokenize("if x:\n        a\n    b\n", FStringMode.Nested, out var errors);
        Assert.Contains(errors, e => e.Message.Contains("unindent"));
        Assert.Contains(bad, t => t.Kind == PyTokenKind.Name && t.Line == 3);
    }

    [Fact]
    public void LastLineWithoutNewlineGetsAnEmptyNewlineLikeTokenize()
    {
        string src = "x = 1";
        var t = PythonTokenizer.Tokenize(src);
        var nl = t.Single(k => k.Kind == PyTokenKind.Newline);
        Assert.Equal((1, 5, 1, 6, 0), (nl.Line, nl.Column, nl.EndLine, nl.EndColumn, nl.Length));
        Assert.Equal(2, t[t.Length - 1].Line);
    }
}
