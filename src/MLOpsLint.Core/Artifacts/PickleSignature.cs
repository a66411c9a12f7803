namespace MLOpsLint.Core.Artifacts;

/// <summary>
/// Binary pickle streams (protocols 2–5): a PROTO opcode (<c>\x80</c> + protocol) followed by a plausible
/// first opcode. Protocols 4 and 5 normally start with a FRAME (<c>\x95</c> + 8-byte length), whose length
/// must fit in the file. The legacy (pre-1.6) torch.save format starts with a pickled magic number.
/// </summary>
public static class PickleSignature
{
    // Opcodes that can follow PROTO at the start of a pickle (pickletools.opcodes), i.e. ones that push
    // something or open a frame, not ones that need something already on the stack.
    private const string FirstOpcodes = "()]}NKJMGXUTCBcSVIFLP";

    // torch/serialization.py MAGIC_NUMBER = 0x1950a86a20f9469cfc6c, pickled as LONG1 with 10 bytes.
    private static readonly byte[] TorchLegacyMagic =
        { 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19 };

    /// <summary>The pickle protocol (2–5), or 0 when the bytes do not start a pickle stream.</summary>
    public static int Protocol(ReadOnlySpan<byte> b, long size)
    {
        if (b.Length < 3 || b[0] != 0x80) return 0;
        int protocol = b[1];
        if (protocol < 2 || protocol > 5) return 0;
        byte op = b[2];
        if (op == 0x95)
        {
            // FRAME: 8-byte little-endian length of the frame that follows.
            if (protocol < 4 || b.Length < 11) return 0;
            ulong frame = Bytes.U64(b, 3);
            return frame > 0 && frame <= (ulong)Math.Max(0, size - 11) ? protocol : 0;
        }
        bool plausible = FirstOpcodes.IndexOf((char)op) >= 0
            || op is 0x88 or 0x89 // NEWTRUE, NEWFALSE
            || op is 0x8A or 0x8B // LONG1, LONG4
            || op is 0x8C or 0x8D or 0x8E or 0x8F // SHORT_BINUNICODE, BINUNICODE8, BINBYTES8, EMPTY_SET
            || op is 0x93 or 0x96 or 0x97; // STACK_GLOBAL, BYTEARRAY8, NEXT_BUFFER
        return plausible && size >= 4 ? protocol : 0;
    }

    /// <summary>True for the legacy torch.save format: a protocol-2 pickle of torch's magic number.</summary>
    public static bool IsLegacyTorch(ReadOnlySpan<byte> b) =>
        b.Length >= 2 + TorchLegacyMagic.Length && b[0] == 0x80 && b[1] == 0x02
        && b.Slice(2, TorchLegacyMagic.Length).SequenceEqual(TorchLegacyMagic);
}
