using System.Text;

namespace MLOpsLint.Core.Artifacts;

/// <summary>
/// Reads the entry names of a zip archive from raw bytes, without decompressing anything and without
/// throwing on truncated or corrupt input. With the whole file it reads the central directory (zip64
/// included); with only the head of a big file (or a broken directory) it walks the local file headers
/// from the start, which is where PyTorch, NumPy and Keras put the entries that identify them.
/// </summary>
public static class ZipInspector
{
    private const uint LocalHeader = 0x04034B50;
    private const uint CentralHeader = 0x02014B50;
    private const uint EndOfCentralDirectory = 0x06054B50;
    private const uint Zip64Locator = 0x07064B50;
    private const uint Zip64End = 0x06064B50;
    private const int MaxEntries = 4096;

    public static bool IsZip(ReadOnlySpan<byte> b) =>
        b.Length >= 4 && b[0] == (byte)'P' && b[1] == (byte)'K' && (Bytes.U32(b, 0) == LocalHeader || Bytes.U32(b, 0) == EndOfCentralDirectory);

    /// <summary>Entry names ('/'-separated). Empty when nothing can be read.</summary>
    public static IReadOnlyList<string> EntryNames(ReadOnlySpan<byte> b, bool complete)
    {
        try
        {
            if (complete)
            {
                var central = ReadCentralDirectory(b);
                if (central != null) return central;
            }
            return WalkLocalHeaders(b);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Array.Empty<string>();
        }
        catch (IndexOutOfRangeException)
        {
            return Array.Empty<string>();
        }
    }

    private static List<string>? ReadCentralDirectory(ReadOnlySpan<byte> b)
    {
        int eocd = -1;
        for (int i = b.Length - 22; i >= 0 && i >= b.Length - 22 - 65535; i--)
        {
            if (b[i] == 0x50 && Bytes.U32(b, i) == EndOfCentralDirectory)
            {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) return null;
        ulong count = Bytes.U16(b, eocd + 10);
        ulong offset = Bytes.U32(b, eocd + 16);
        if (count == 0xFFFF || offset == 0xFFFFFFFF)
        {
            int locator = eocd - 20;
            if (locator < 0 || Bytes.U32(b, locator) != Zip64Locator) return null;
            ulong end64 = Bytes.U64(b, locator + 8);
            if (b.Length < 56 || end64 > (ulong)(b.Length - 56) || Bytes.U32(b, (int)end64) != Zip64End) return null;
            count = Bytes.U64(b, (int)end64 + 32);
            offset = Bytes.U64(b, (int)end64 + 48);
        }
        var names = new List<string>();
        ulong pos = offset;
        for (ulong n = 0; n < count && names.Count < MaxEntries; n++)
        {
            if (pos + 46 > (ulong)b.Length) return names.Count > 0 ? names : null;
            int p = (int)pos;
            if (Bytes.U32(b, p) != CentralHeader) return names.Count > 0 ? names : null;
            int nameLength = Bytes.U16(b, p + 28);
            int extraLength = Bytes.U16(b, p + 30);
            int commentLength = Bytes.U16(b, p + 32);
            if (p + 46 + nameLength > b.Length) return names.Count > 0 ? names : null;
            names.Add(Name(b.Slice(p + 46, nameLength)));
            pos += (ulong)(46 + nameLength + extraLength + commentLength);
        }
        return names;
    }

    private static List<string> WalkLocalHeaders(ReadOnlySpan<byte> b)
    {
        var names = new List<string>();
        long pos = 0;
        while (names.Count < MaxEntries && pos + 30 <= b.Length)
        {
            int p = (int)pos;
            if (Bytes.U32(b, p) != LocalHeader) break;
            int flags = Bytes.U16(b, p + 6);
            ulong compressed = Bytes.U32(b, p + 18);
            int nameLength = Bytes.U16(b, p + 26);
            int extraLength = Bytes.U16(b, p + 28);
            if (p + 30 + nameLength > b.Length) break;
            names.Add(Name(b.Slice(p + 30, nameLength)));
            if (compressed == 0xFFFFFFFF)
            {
                compressed = Zip64CompressedSize(b, p + 30 + nameLength, extraLength) ?? ulong.MaxValue;
            }
            // With a data descriptor (flag bit 3) the sizes come after the data: the next header cannot be found.
            if ((flags & 0x08) != 0 && compressed == 0) break;
            ulong next = (ulong)(p + 30 + nameLength + extraLength) + compressed;
            if (compressed == ulong.MaxValue || next > (ulong)b.Length) break;
            pos = (long)next;
        }
        return names;
    }

    private static ulong? Zip64CompressedSize(ReadOnlySpan<byte> b, int extraStart, int extraLength)
    {
        int end = Math.Min(b.Length, extraStart + extraLength);
        int p = extraStart;
        while (p + 4 <= end)
        {
            int id = Bytes.U16(b, p);
            int len = Bytes.U16(b, p + 2);
            // In a local header the zip64 extra holds the uncompressed then the compressed size.
            if (id == 0x0001 && len >= 16 && p + 4 + 16 <= end) return Bytes.U64(b, p + 12);
            p += 4 + len;
        }
        return null;
    }

    private static string Name(ReadOnlySpan<byte> raw) => Encoding.UTF8.GetString(raw.ToArray()).Replace('\\', '/');
}
