using System.Text;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>A whole-file finding (a committed data file) is suppressed by a <c># noqa</c> on the file's first line, which the
/// engine reads from the bytes when the text was never decoded (<see cref="FirstLine"/>): the same verdict as the decoded
/// text's line 1, for every encoding and line ending.</summary>
public class FirstLineNoqaTests
{
    /// <summary>~600 KB of rows: over MLO101's 500 KB limit for data files.</summary>
    private static byte[] Csv(byte[] head)
    {
        var rows = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,2,3\n", 100_000)));
        return head.Concat(rows).ToArray();
    }

    private static LintResult Scan(byte[] content)
    {
        var doc = new SourceDocument("exports/table.csv", content, content.Length);
        return new Linter().Run(new RepositorySnapshot(new[] { doc }), LintConfig.Default, maxParallelism: 1);
    }

    private static void AssertSuppressed(byte[] content)
    {
        var r = Scan(content);
        Assert.DoesNotContain(r.Findings, f => f.RuleId == "MLO101");
        Assert.Equal(1, r.Suppressed);
    }

    private static void AssertReported(byte[] content)
    {
        var r = Scan(content);
        Assert.Single(r.Findings, f => f.RuleId == "MLO101" && f.Path == "exports/table.csv");
        Assert.Equal(0, r.Suppressed);
    }

    [Fact]
    public void Noqa_on_the_first_line_of_a_large_csv_suppresses_its_finding()
    {
        AssertSuppressed(Csv(Encoding.ASCII.GetBytes("a,b,c  # noqa: MLO101\n")));
        AssertSuppressed(Csv(Encoding.ASCII.GetBytes("a,b,c  # noqa: MLO101\r\n")));
        // one line and no line end: the whole file is line 1
        AssertSuppressed(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,2,", 150_000)) + "3  # noqa: MLO101"));
        AssertReported(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,2,", 150_000)) + "3  # MLO101"));
    }

    [Fact]
    public void Without_noqa_or_with_another_rule_or_on_line_two_the_finding_stays()
    {
        AssertReported(Csv(Encoding.ASCII.GetBytes("a,b,c\n")));
        AssertReported(Csv(Encoding.ASCII.GetBytes("a,b,c  # noqa: MLO102\n")));
        // a lone \r ends line 1: the noqa is on line 2
        AssertReported(Csv(Encoding.ASCII.GetBytes("a,b,c\r# noqa: MLO101\n")));
        // the noqa on line 2 after \n
        AssertReported(Csv(Encoding.ASCII.GetBytes("a,b,c\n# noqa: MLO101\n")));
    }

    [Fact]
    public void Other_encodings_are_read_as_the_decoder_reads_them()
    {
        // UTF-8 byte order mark, then an ASCII line
        AssertSuppressed(Csv(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.ASCII.GetBytes("a,b  # noqa: MLO101\n")).ToArray()));
        // a non-ASCII first line (left to the decoder)
        AssertSuppressed(Csv(Encoding.UTF8.GetBytes("é,ß  # noqa: MLO101\n")));
        // an ASCII first line in a file that is not valid UTF-8 further on
        AssertSuppressed(Csv(Encoding.ASCII.GetBytes("a,b  # noqa: MLO101\n").Concat(new byte[] { 0xFF, 0xFE, (byte)'\n' }).ToArray()));
        // UTF-16 with its byte order mark: the ASCII reading would see NULs; the decoder reads the line
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("a,b  # noqa: MLO101\n" + string.Concat(Enumerable.Repeat("1,2,3\n", 50_000)))).ToArray();
        AssertSuppressed(utf16);
        var utf16Plain = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("a,b\n" + string.Concat(Enumerable.Repeat("1,2,3\n", 50_000)))).ToArray();
        AssertReported(utf16Plain);
    }

    [Fact]
    public void The_first_line_read_from_bytes_is_the_decoded_texts_line_one()
    {
        // random byte strings over the bytes that matter: line ends, UTF-8 lead and continuation bytes, byte order marks,
        // invalid bytes, NUL; whenever the ASCII reading answers, it answers what decoding and indexing the whole text gives
        byte[] alphabet = { (byte)'a', (byte)' ', (byte)'#', (byte)'\n', (byte)'\r', 0x00, 0xC3, 0xA9, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0x80 };
        var random = new Random(16);
        int answered = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var bytes = new byte[random.Next(0, 12)];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = alphabet[random.Next(alphabet.Length)];
            string expected = new LineIndex(TextDecoder.Decode(bytes, out _)).GetLine(1);
            if (FirstLine.TryReadAscii(bytes, out var line))
            {
                answered++;
                Assert.Equal(expected, line);
            }
        }
        Assert.True(answered > 5_000, $"the ASCII reading answered {answered} times");
    }
}
