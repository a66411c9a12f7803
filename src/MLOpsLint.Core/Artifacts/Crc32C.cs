namespace MLOpsLint.Core.Artifacts;

/// <summary>CRC-32C (Castagnoli), as TFRecord framing uses it, with TensorFlow's masking.</summary>
public static class Crc32C
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>TensorFlow's masked CRC: rotate right by 15 bits and add a constant (tensorflow/core/lib/hash/crc32c.h).</summary>
    public static uint Mask(uint crc) => unchecked(((crc >> 15) | (crc << 17)) + 0xA282EAD8u);

    public static uint ComputeMasked(ReadOnlySpan<byte> data) => Mask(Compute(data));

    private static uint[] BuildTable()
    {
        const uint poly = 0x82F63B78u; // reflected 0x1EDC6F41
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ poly : c >> 1;
            }
            table[i] = c;
        }
        return table;
    }
}
