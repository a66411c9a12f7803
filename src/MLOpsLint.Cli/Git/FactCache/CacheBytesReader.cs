using System.Buffers.Binary;
using System.Text;

namespace MLOpsLint.Cli.Git.FactCache;

/// <summary>Reads the fields <see cref="System.IO.BinaryWriter"/> wrote into a facts cache file (<see cref="BlobFactCache"/>)
/// from its bytes, within bounds: anything past <c>end</c> or malformed is a <see cref="FormatException"/> (the file is then
/// ignored), never a read outside the entry.</summary>
internal struct CacheBytesReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] bytes;
    private readonly int end;

    public CacheBytesReader(byte[] bytes, int start, int end)
    {
        this.bytes = bytes;
        Position = start;
        this.end = end;
    }

    public int Position { get; private set; }

    public void Skip(int count)
    {
        if (count < 0 || count > end - Position) throw new FormatException("past the end");
        Position += count;
    }

    public ReadOnlySpan<byte> Bytes(int count)
    {
        int at = Position;
        Skip(count);
        return bytes.AsSpan(at, count);
    }

    public int SByte() => (sbyte)Bytes(1)[0];

    public int UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

    /// <summary>A string as <see cref="System.IO.BinaryWriter.Write(string)"/> writes it: a 7-bit encoded byte count, then UTF-8.</summary>
    public string String()
    {
        int length = Length();
        if (length == 0) return "";
        try
        {
            return Strict.GetString(Bytes(length));
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("not UTF-8", e);
        }
    }

    public void SkipString() => Skip(Length());

    private int Length()
    {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            int b = Bytes(1)[0];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (value < 0) throw new FormatException("bad length");
                return value;
            }
        }
        throw new FormatException("bad length");
    }
}
