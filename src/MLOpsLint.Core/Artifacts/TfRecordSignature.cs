namespace MLOpsLint.Core.Artifacts;

/// <summary>
/// TFRecord framing: each record is <c>uint64 length</c>, <c>uint32 masked_crc32c(length)</c>,
/// <c>data[length]</c>, <c>uint32 masked_crc32c(data)</c>. The CRC of the length is checked (and the
/// CRC of the data when the first record is in the bytes at hand), so random bytes do not pass.
/// </summary>
public static class TfRecordSignature
{
    public static bool Matches(ReadOnlySpan<byte> b, long size)
    {
        if (b.Length < 12 || size < 16) return false;
        ulong length = Bytes.U64(b, 0);
        if (length > (ulong)(size - 16)) return false;
        if (Bytes.U32(b, 8) != Crc32C.ComputeMasked(b.Slice(0, 8))) return false;
        if ((ulong)b.Length >= 16 + length)
        {
            int n = (int)length;
            return Bytes.U32(b, 12 + n) == Crc32C.ComputeMasked(b.Slice(12, n));
        }
        return true;
    }
}
