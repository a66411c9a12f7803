using System.Text;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Tests.Scopes;

/// <summary>Whether a module names pytest or unittest is read from its bytes without decoding them (a history scan asks
/// it of every Python blob): the answer is the text's, in every encoding the decoder reads.</summary>
public class TestSignFromBytesTests
{
    public static TheoryData<string, byte[]> Encoded()
    {
        var data = new TheoryData<string, byte[]>();
        foreach (var (name, text) in new[]
        {
            ("imports pytest", "import pytest\n\n\ndef test_x():\n    assert 1\n"),
            ("unittest TestCase", "import unittest\n\n\nclass T(unittest.TestCase):\n    pass\n"),
            ("names neither", "import numpy as np\nX = np.zeros(3)\n"),
            ("a look-alike", "import py_test\nimport unit_test\nPYTEST = 1\n"),
            ("non-ASCII around the name", "# café — prüfung\nimport pytest  # ✓\n"),
        })
        {
            data.Add(name + ", UTF-8", Encoding.UTF8.GetBytes(text));
            data.Add(name + ", UTF-8 with BOM", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
            data.Add(name + ", UTF-16LE with BOM", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray());
            data.Add(name + ", UTF-16BE with BOM", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray());
            // invalid UTF-8 right before and inside the line that names it (a lead byte, a stray continuation byte)
            data.Add(name + ", invalid UTF-8", Encoding.UTF8.GetBytes(text).SelectMany(b => b == (byte)'\n' ? new byte[] { 0xC3, b, 0x80 } : new[] { b }).ToArray());
            data.Add(name + ", Latin-1", Encoding.Latin1.GetBytes(text));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Encoded))]
    public void The_bytes_answer_as_the_decoded_text_does(string name, byte[] bytes)
    {
        var document = new SourceDocument("checks/module.py", bytes, bytes.Length);
        bool fromText = ContentScopes.MayBeTest(document.Text);
        Assert.True(fromText == ContentScopes.MayBeTestBytes(document), name);
        // and the kept form the scope model reads
        Assert.True(fromText == ContentScopes.MayBeTest(new SourceDocument("checks/module.py", bytes, bytes.Length)), name);
    }

    [Fact]
    public void The_cases_hold_both_answers_in_both_byte_orders()
    {
        var answers = Encoded().Select(row => ((string)row[0], ContentScopes.MayBeTestBytes(new SourceDocument("m.py", (byte[])row[1], ((byte[])row[1]).Length)))).ToArray();
        Assert.Contains(answers, a => a.Item2);
        Assert.Contains(answers, a => !a.Item2);
        Assert.Contains(answers, a => a.Item1.Contains("UTF-16LE") && a.Item2);
        Assert.Contains(answers, a => a.Item1.Contains("UTF-16BE") && a.Item2);
    }
}
