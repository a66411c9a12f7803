using System.Text;

namespace MLOpsLint.Core.Artifacts;

/// <summary>Little-endian reads and ASCII comparisons over spans, bounds-checked by the callers.</summary>
internal static class Bytes
{
    public static ushort U16(ReadOnlySpan<byte> b, int at) => (ushort)(b[at] | (b[at + 1] << 8));

    public static uint U32(ReadOnlySpan<byte> b, int at) =>
        (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));

    public static ulong U64(ReadOnlySpan<byte> b, int at) => U32(b, at) | ((ulong)U32(b, at + 4) << 32);

    public static bool Has(ReadOnlySpan<byte> b, int at, string ascii)
    {
        if (at < 0 || at + ascii.Length > b.Length) return false;
        for (int i = 0; i < ascii.Length; i++)
        {
            if (b[at + i] != (byte)ascii[i]) return false;
        }
        return true;
    }

    public static bool StartsWith(ReadOnlySpan<byte> b, string ascii) => Has(b, 0, ascii);

    public static bool EndsWith(ReadOnlySpan<byte> b, string ascii) => Has(b, b.Length - ascii.Length, ascii);

    /// <summary>Index of an ASCII string in the first <paramref name="limit"/> bytes, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<byte> b, string ascii, int limit = int.MaxValue)
    {
        var needle = Encoding.ASCII.GetBytes(ascii);
        var hay = b.Length > limit ? b.Slice(0, limit) : b;
        return hay.IndexOf(needle);
    }

    public static bool ContainsNul(ReadOnlySpan<byte> b, int limit = 8000) =>
        (b.Length > limit ? b.Slice(0, limit) : b).IndexOf((byte)0) >= 0;

    /// <summary>True when the bytes cannot be text: a NUL, or a control byte other than tab, line feed, form
    /// feed, carriage return and escape, in the first <paramref name="limit"/> bytes. Catches small binary files
    /// that happen to hold no NUL (a tiny ONNX model), which git's NUL test calls text.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> b, int limit = 8000)
    {
        var head = b.Length > limit ? b.Slice(0, limit) : b;
        foreach (byte x in head)
        {
            if (x < 0x20 && x != 0x09 && x != 0x0A && x != 0x0C && x != 0x0D && x != 0x1B) return true;
        }
        return false;
    }
}
