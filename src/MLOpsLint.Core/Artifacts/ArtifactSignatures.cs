using System.Globalization;

namespace MLOpsLint.Core.Artifacts;

/// <summary>
/// Recognises data and model formats by their bytes (magic numbers and framing), whatever the file is
/// called. Looks only at the first few KB (plus the last bytes when the whole file is at hand), and
/// decides on the first byte before anything else, so ordinary source files cost a switch.
/// </summary>
public static class ArtifactSignatures
{
    private const int Hdf5Search = 64 * 1024;

    /// <param name="b">The file's bytes, or its first bytes when <paramref name="complete"/> is false.</param>
    /// <param name="size">The size of the whole file.</param>
    /// <param name="complete">True when <paramref name="b"/> holds the whole file.</param>
    public static ArtifactMatch? Detect(ReadOnlySpan<byte> b, long size, bool complete)
    {
        if (b.Length < 4) return null;
        var match = b[0] switch
        {
            0x93 => NumPy(b),
            0x89 => Hdf5(b, 0),
            0x80 => Pickle(b, size),
            (byte)'P' => ZipOrParquet(b, size, complete),
            (byte)'A' => Arrow(b, complete),
            (byte)'F' => Feather(b, complete),
            (byte)'S' => Bytes.StartsWith(b, "SQLite format 3\0") ? Signature(ArtifactFormat.Sqlite, "\"SQLite format 3\" header") : null,
            (byte)'G' => Gguf(b),
            (byte)'O' => Bytes.StartsWith(b, "Obj\x01") && Bytes.ContainsNul(b) ? Signature(ArtifactFormat.Avro, "Avro object container header") : null,
            (byte)'C' => Bytes.StartsWith(b, "CDF\x01") || Bytes.StartsWith(b, "CDF\x02") ? Signature(ArtifactFormat.NetCdf, "CDF header") : null,
            _ => null,
        };
        return match
            ?? TfLite(b, size)
            ?? Safetensors(b, size)
            ?? TfRecord(b, size)
            ?? Hdf5WithUserBlock(b);
    }

    private static ArtifactMatch Signature(ArtifactFormat format, string detail) =>
        new(format, ArtifactEvidence.ContentSignature, detail);

    private static ArtifactMatch? NumPy(ReadOnlySpan<byte> b)
    {
        if (!Bytes.StartsWith(b, "\x93NUMPY") || b.Length < 10) return null;
        int major = b[6];
        if (major < 1 || major > 3) return null;
        int headerStart = major == 1 ? 10 : 12;
        int headerLength = major == 1 ? Bytes.U16(b, 8) : b.Length >= 12 ? (int)Math.Min(Bytes.U32(b, 8), 1 << 20) : 0;
        var header = b.Slice(Math.Min(headerStart, b.Length), Math.Max(0, Math.Min(headerLength, b.Length - headerStart)));
        string detail = $"\\x93NUMPY header, format {major}.{b[7]}";
        if (Bytes.IndexOf(header, "'descr'") >= 0 && Bytes.IndexOf(header, "'|O'") >= 0)
        {
            return Signature(ArtifactFormat.NumPyObjectArray, detail + ", dtype object");
        }
        return Signature(ArtifactFormat.NumPyArray, detail);
    }

    private static ArtifactMatch? Hdf5(ReadOnlySpan<byte> b, int at)
    {
        if (!Bytes.Has(b, at, "\x89HDF\r\n\x1a\n")) return null;
        string where = at == 0 ? "" : $" at offset {at.ToString(CultureInfo.InvariantCulture)}";
        // Keras stores keras_version / model_config / layer_names as attributes of the root group, which
        // sits right after the superblock.
        foreach (var marker in new[] { "model_config", "keras_version", "layer_names", "model_weights" })
        {
            if (Bytes.IndexOf(b, marker, Hdf5Search) >= 0)
            {
                return Signature(ArtifactFormat.KerasHdf5, $"HDF5 signature{where} with Keras attribute {marker}");
            }
        }
        return Signature(ArtifactFormat.Hdf5, "HDF5 signature" + where);
    }

    private static ArtifactMatch? Hdf5WithUserBlock(ReadOnlySpan<byte> b)
    {
        // The superblock may follow a user block of 512, 1024, 2048… bytes.
        for (int at = 512; at + 8 <= b.Length && at <= Hdf5Search; at *= 2)
        {
            if (b[at] == 0x89 && Hdf5(b, at) is { } m) return m;
        }
        return null;
    }

    private static ArtifactMatch? Pickle(ReadOnlySpan<byte> b, long size)
    {
        if (PickleSignature.IsLegacyTorch(b))
        {
            return Signature(ArtifactFormat.PyTorch, "legacy torch.save pickle with torch's magic number");
        }
        int protocol = PickleSignature.Protocol(b, size);
        return protocol == 0 ? null : Signature(ArtifactFormat.Pickle, "pickle protocol " + protocol.ToString(CultureInfo.InvariantCulture) + " header");
    }

    private static ArtifactMatch? ZipOrParquet(ReadOnlySpan<byte> b, long size, bool complete)
    {
        if (ZipInspector.IsZip(b))
        {
            return ZipContents.Classify(ZipInspector.EntryNames(b, complete && b.Length == size));
        }
        if (!Bytes.StartsWith(b, "PAR1") || size < 12) return null;
        if (complete)
        {
            // PAR1 <column chunks> <footer> <uint32 footer length> PAR1
            if (!Bytes.EndsWith(b, "PAR1") || b.Length < 12) return null;
            uint footer = Bytes.U32(b, b.Length - 8);
            return footer > 0 && footer <= (uint)(b.Length - 12) ? Signature(ArtifactFormat.Parquet, "PAR1 magic at both ends") : null;
        }
        return Bytes.ContainsNul(b) ? Signature(ArtifactFormat.Parquet, "PAR1 magic") : null;
    }

    private static ArtifactMatch? Arrow(ReadOnlySpan<byte> b, bool complete)
    {
        // "ARROW1" padded to 8 bytes; the file also ends with "ARROW1".
        if (!Bytes.StartsWith(b, "ARROW1\0\0")) return null;
        if (complete && !Bytes.EndsWith(b, "ARROW1")) return null;
        return Signature(ArtifactFormat.Arrow, "ARROW1 magic");
    }

    private static ArtifactMatch? Feather(ReadOnlySpan<byte> b, bool complete)
    {
        // Feather v1: "FEA1" at both ends (v2 is the Arrow IPC file format).
        if (!Bytes.StartsWith(b, "FEA1") || (complete ? !Bytes.EndsWith(b, "FEA1") || b.Length < 8 : !Bytes.ContainsNul(b))) return null;
        return Signature(ArtifactFormat.Feather, "FEA1 magic");
    }

    private static ArtifactMatch? Gguf(ReadOnlySpan<byte> b)
    {
        if (!Bytes.StartsWith(b, "GGUF") || b.Length < 8) return null;
        uint version = Bytes.U32(b, 4);
        return version >= 1 && version <= 16
            ? Signature(ArtifactFormat.Gguf, "GGUF magic, version " + version.ToString(CultureInfo.InvariantCulture))
            : null;
    }

    private static ArtifactMatch? TfLite(ReadOnlySpan<byte> b, long size)
    {
        // A FlatBuffer with file identifier "TFL3" after the 4-byte root table offset.
        if (b.Length < 8 || !Bytes.Has(b, 4, "TFL3")) return null;
        uint root = Bytes.U32(b, 0);
        return root >= 8 && root < size && Bytes.ContainsNul(b) ? Signature(ArtifactFormat.TfLite, "TFL3 FlatBuffer identifier") : null;
    }

    private static ArtifactMatch? Safetensors(ReadOnlySpan<byte> b, long size) =>
        SafetensorsSignature.Matches(b, size, out ulong n)
            ? Signature(ArtifactFormat.Safetensors, $"{n.ToString(CultureInfo.InvariantCulture)}-byte JSON header after its 8-byte length")
            : null;

    private static ArtifactMatch? TfRecord(ReadOnlySpan<byte> b, long size) =>
        TfRecordSignature.Matches(b, size) ? Signature(ArtifactFormat.TfRecord, "record framing with a valid masked CRC-32C") : null;
}
