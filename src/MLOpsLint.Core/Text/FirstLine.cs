namespace MLOpsLint.Core.Text;

/// <summary>
/// Line 1 of a text read straight from its bytes, without decoding the rest: a finding on a whole file (a committed
/// 5 MB CSV) is suppressed by a <c># noqa</c> on its first line, and decoding and indexing the whole file to read that
/// line cost a history scan ~4% of its CPU. Answers only where the result is the one <see cref="TextDecoder.Decode"/> and
/// <see cref="LineIndex.GetLine"/> give: the line's bytes are ASCII, after an optional UTF-8 byte order mark (ASCII reads
/// the same in UTF-8 whether or not the rest of the file is valid). A UTF-16 file or a line with other bytes is left to
/// the decoder.
/// </summary>
internal static class FirstLine
{
    public static bool TryReadAscii(ReadOnlySpan<byte> bytes, out string line)
    {
        line = "";
        if (TextDecoder.StartsWithUtf16Bom(bytes)) return false;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) bytes = bytes.Slice(3);
        // lines end at \n, \r\n or a lone \r (LineIndex); neither byte occurs inside a multi-byte UTF-8 sequence
        int end = bytes.IndexOfAny((byte)'\n', (byte)'\r');
        var first = end < 0 ? bytes : bytes.Slice(0, end);
        foreach (byte b in first)
        {
            if (b >= 0x80) return false;
        }
#if NET8_0_OR_GREATER
        line = System.Text.Encoding.ASCII.GetString(first);
#else
        line = System.Text.Encoding.ASCII.GetString(first.ToArray());
#endif
        return true;
    }
}
