namespace MLOpsLint.Core.Artifacts;

/// <summary>
/// A cheap check that bytes parse as protobuf wire format (ONNX, TensorFlow .pb, Core ML): a run of
/// well-formed fields with valid wire types whose lengths fit in the file. Used only together with an
/// extension; protobuf has no magic number.
/// </summary>
public static class ProtobufSanity
{
    /// <param name="b">The file's bytes, or its head.</param>
    /// <param name="size">The whole file's size.</param>
    /// <param name="maxFields">Top-level fields to walk before accepting.</param>
    public static bool LooksLikeMessage(ReadOnlySpan<byte> b, long size, int maxFields = 64)
    {
        bool truncated = b.Length < size; // only the head is here: running off its end is fine
        int pos = 0;
        int fields = 0;
        while (pos < b.Length && fields < maxFields)
        {
            if (!ReadVarint(b, ref pos, out ulong tag)) return truncated && fields > 0;
            ulong field = tag >> 3;
            int wire = (int)(tag & 7);
            if (field == 0 || field > 536_870_911) return false;
            ulong skip;
            switch (wire)
            {
                case 0:
                    if (!ReadVarint(b, ref pos, out _)) return truncated && fields > 0;
                    skip = 0;
                    break;
                case 1:
                    skip = 8;
                    break;
                case 2:
                    if (!ReadVarint(b, ref pos, out skip)) return truncated && fields > 0;
                    break;
                case 5:
                    skip = 4;
                    break;
                default:
                    return false; // 3/4 (groups) are not used by these formats; 6/7 do not exist
            }
            if (skip > (ulong)(size - pos)) return false;
            if (skip > (ulong)(b.Length - pos)) return truncated;
            pos += (int)skip;
            fields++;
        }
        return fields > 0;
    }

    private static bool ReadVarint(ReadOnlySpan<byte> b, ref int pos, out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= b.Length) return false;
            byte x = b[pos++];
            value |= (ulong)(x & 0x7F) << shift;
            if ((x & 0x80) == 0) return true;
        }
        return false;
    }
}
