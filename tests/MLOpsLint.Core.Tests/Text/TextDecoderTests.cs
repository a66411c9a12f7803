using System.Text;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Tests.Text;

public class TextDecoderTests
{
    [Fact]
    public void Utf8_with_and_without_bom()
    {
        Assert.Equal("numpy==1.26\n", TextDecoder.Decode(Encoding.UTF8.GetBytes("numpy==1.26\n"), out var k1));
        Assert.Equal(TextEncodingKind.Utf8, k1);
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("numpy==1.26\n")).ToArray();
        Assert.Equal("numpy==1.26\n", TextDecoder.Decode(bom, out var k2));
        Assert.Equal(TextEncodingKind.Utf8Bom, k2);
    }

    [Fact]
    public void Utf16_with_bom_as_powershell_writes_pip_freeze()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("pandas==2.1.3\r\n")).ToArray();
        var doc = new SourceDocument("requirements.txt", bytes, bytes.Length);
        Assert.False(doc.IsBinary); // UTF-16 has NUL bytes but is text
        Assert.Equal("pandas==2.1.3\r\n", doc.Text);
        Assert.Equal(TextEncodingKind.Utf16LE, doc.Encoding);
    }

    [Fact]
    public void Invalid_utf8_decodes_with_replacement_and_says_so()
    {
        var bytes = new byte[] { (byte)'a', 0xC3, 0x28, (byte)'b' };
        var text = TextDecoder.Decode(bytes, out var kind);
        Assert.Equal(TextEncodingKind.Utf8WithErrors, kind);
        Assert.StartsWith("a", text);
        Assert.EndsWith("b", text);
    }

    [Fact]
    public void Nul_bytes_mean_binary_and_no_text()
    {
        var doc = new SourceDocument("model.bin", new byte[] { 1, 0, 2, 3 }, 4);
        Assert.True(doc.IsBinary);
        Assert.False(doc.HasText);
        Assert.Equal("", doc.Text);
    }

    [Fact]
    public void Line_index_handles_crlf_lone_cr_and_positions()
    {
        var li = new LineIndex("a\r\nbc\rd\n");
        Assert.Equal(3, li.LineCount);
        Assert.Equal("bc", li.GetLine(2));
        Assert.Equal("d", li.GetLine(3));
        Assert.Equal((2, 2), li.GetPosition(4));
        Assert.Equal(new Findings.SourceSpan(2, 1, 2, 3), li.GetSpan(3, 5));
    }
}
