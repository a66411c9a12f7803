namespace MLOpsLint.Core.Artifacts;

/// <summary>
/// safetensors: an 8-byte little-endian header length N, then N bytes of JSON starting with <c>{"</c>
/// (padded with spaces), then the tensor data. N must fit in the file.
/// </summary>
public static class SafetensorsSignature
{
    /// <summary>Headers above this are rejected by the reference implementation (100 MB).</summary>
    private const ulong MaxHeader = 100_000_000;

    public static bool Matches(ReadOnlySpan<byte> b, long size, out ulong headerLength)
    {
        headerLength = 0;
        if (b.Length < 10) return false;
        ulong n = Bytes.U64(b, 0);
        if (n < 2 || n > MaxHeader || n > (ulong)Math.Max(0, size - 8)) return false;
        if (b[8] != (byte)'{' || (b[9] != (byte)'"' && b[9] != (byte)'}')) return false;
        if ((ulong)b.Length >= 8 + n)
        {
            // The whole header is here: it must close with '}' (then only padding spaces).
            int end = (int)(8 + n) - 1;
            while (end > 8 && b[end] == (byte)' ') end--;
            if (b[end] != (byte)'}') return false;
        }
        headerLength = n;
        return true;
    }
}
