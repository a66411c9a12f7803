using System.IO.Compression;
using System.Text;
using MLOpsLint.Core.Artifacts;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>
/// Real files of each format, built byte by byte from the format specifications (no Python needed).
/// Pickle streams are the exact output of CPython's pickle.dumps, copied as literals.
/// </summary>
internal static class Samples
{
    /// <summary>pickle.dumps({'a': 1}, protocol=4)</summary>
    public static readonly byte[] PickleProtocol4 =
    {
        0x80, 0x04, 0x95, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7D, 0x94, 0x8C, 0x01, 0x61, 0x94, 0x4B, 0x01, 0x73, 0x2E,
    };

    /// <summary>pickle.dumps({'a': 1}, protocol=2)</summary>
    public static readonly byte[] PickleProtocol2 =
    {
        0x80, 0x02, 0x7D, 0x71, 0x00, 0x58, 0x01, 0x00, 0x00, 0x00, 0x61, 0x71, 0x01, 0x4B, 0x01, 0x73, 0x2E,
    };

    /// <summary>pickle.dumps([1.5, 'x'], protocol=5)</summary>
    public static readonly byte[] PickleProtocol5 =
    {
        0x80, 0x05, 0x95, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5D, 0x94, 0x28, 0x47, 0x3F, 0xF8, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x8C, 0x01, 0x78, 0x94, 0x65, 0x2E,
    };

    /// <summary>The start of a legacy (pre-1.6) torch.save file: pickle of torch's magic number 0x1950a86a20f9469cfc6c
    /// (protocol 2, LONG1), then pickle of the protocol version 1001.</summary>
    public static byte[] TorchLegacy() => Concat(
        new byte[] { 0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19, 0x2E },
        new byte[] { 0x80, 0x02, 0x4D, 0xE9, 0x03, 0x2E },
        Filler(200, 7));

    /// <summary>A NumPy .npy file (format 1.0) holding float64 values; the header is padded with spaces so the
    /// data starts on a 64-byte boundary, as numpy.lib.format writes it.</summary>
    public static byte[] Npy(int count = 3, string descr = "<f8")
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({count},), }}";
        int total = 10 + dict.Length + 1;
        int padded = (total + 63) / 64 * 64;
        string header = dict + new string(' ', padded - total) + "\n";
        var ms = new MemoryStream();
        ms.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 });
        ms.Write(BitConverter.GetBytes((ushort)header.Length));
        ms.Write(Encoding.ASCII.GetBytes(header));
        for (int i = 0; i < count; i++) ms.Write(BitConverter.GetBytes(i * 0.5));
        return ms.ToArray();
    }

    /// <summary>An HDF5 file start: superblock version 0 (signature, versions, sizes, B-tree K values, addresses,
    /// root group symbol table entry), optionally followed by a Keras root-group attribute name.</summary>
    public static byte[] Hdf5(string? attributeName = null, int totalSize = 2048)
    {
        var ms = new MemoryStream();
        ms.Write(new byte[] { 0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A });
        ms.Write(new byte[] { 0, 0, 0, 0, 0, 8, 8, 0 }); // versions, size of offsets/lengths
        ms.Write(BitConverter.GetBytes((ushort)4)); // group leaf node K
        ms.Write(BitConverter.GetBytes((ushort)16)); // group internal node K
        ms.Write(BitConverter.GetBytes(0u)); // file consistency flags
        ms.Write(BitConverter.GetBytes(0UL)); // base address
        ms.Write(BitConverter.GetBytes(ulong.MaxValue)); // free-space info: undefined
        ms.Write(BitConverter.GetBytes((ulong)totalSize)); // end of file address
        ms.Write(BitConverter.GetBytes(ulong.MaxValue)); // driver information block: undefined
        ms.Write(BitConverter.GetBytes(0UL)); // root: link name offset
        ms.Write(BitConverter.GetBytes(96UL)); // root: object header address
        ms.Write(BitConverter.GetBytes(1u)); // cache type 1: symbol table
        ms.Write(BitConverter.GetBytes(0u));
        ms.Write(new byte[16]); // scratch pad
        if (attributeName != null)
        {
            // An attribute message (type 0x000C) in the root object header: version 1, name size, name.
            ms.Write(new byte[] { 0x0C, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00 });
            ms.Write(BitConverter.GetBytes((ushort)(attributeName.Length + 1)));
            ms.Write(Encoding.ASCII.GetBytes(attributeName + "\0"));
        }
        ms.SetLength(totalSize);
        return ms.ToArray();
    }

    /// <summary>A one-page SQLite database header (the 100-byte header of https://sqlite.org/fileformat.html).</summary>
    public static byte[] Sqlite(int pages = 2)
    {
        const int pageSize = 4096;
        var b = new byte[pageSize * pages];
        Encoding.ASCII.GetBytes("SQLite format 3\0").CopyTo(b, 0);
        b[16] = pageSize >> 8; b[17] = pageSize & 0xFF; // page size, big-endian
        b[18] = 1; b[19] = 1; // legacy write/read versions
        b[21] = 64; b[22] = 32; b[23] = 32; // payload fractions
        b[27] = 1; // file change counter
        b[31] = (byte)pages; // database size in pages
        b[47] = 4; // schema format number
        b[59] = 1; // text encoding: UTF-8
        b[95] = 1; // version-valid-for
        b[96] = 0x00; b[97] = 0x2E; b[98] = 0x76; b[99] = 0x91; // SQLITE_VERSION_NUMBER 3045009
        b[100] = 0x0D; // page 1: leaf table b-tree page
        return b;
    }

    /// <summary>A TFRecord file: records framed as length, masked CRC-32C of the length, data, masked CRC-32C of the data.</summary>
    public static byte[] TfRecord(params byte[][] records)
    {
        var ms = new MemoryStream();
        foreach (var data in records)
        {
            var length = BitConverter.GetBytes((ulong)data.Length);
            ms.Write(length);
            ms.Write(BitConverter.GetBytes(Crc32C.ComputeMasked(length)));
            ms.Write(data);
            ms.Write(BitConverter.GetBytes(Crc32C.ComputeMasked(data)));
        }
        return ms.ToArray();
    }

    /// <summary>A serialized tf.train.Example with one int64 feature "label" = 7.</summary>
    public static readonly byte[] TfExample =
    {
        0x0A, 0x10, 0x0A, 0x0E, 0x0A, 0x05, (byte)'l', (byte)'a', (byte)'b', (byte)'e', (byte)'l', 0x12, 0x05, 0x1A, 0x03, 0x0A, 0x01, 0x07,
    };

    /// <summary>A safetensors file: u64 LE header length, JSON header padded with spaces to 8 bytes, tensor data.</summary>
    public static byte[] Safetensors()
    {
        string json = "{\"weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"__metadata__\":{\"format\":\"pt\"}}";
        while (json.Length % 8 != 0) json += " ";
        return Concat(BitConverter.GetBytes((ulong)json.Length), Encoding.UTF8.GetBytes(json),
            BitConverter.GetBytes(1.0f), BitConverter.GetBytes(-2.0f));
    }

    /// <summary>A GGUF v3 file start: magic, version, tensor count, metadata count, one string key/value.</summary>
    public static byte[] Gguf()
    {
        var ms = new MemoryStream();
        ms.Write(Encoding.ASCII.GetBytes("GGUF"));
        ms.Write(BitConverter.GetBytes(3u));
        ms.Write(BitConverter.GetBytes(0UL)); // tensor count
        ms.Write(BitConverter.GetBytes(1UL)); // metadata kv count
        WriteGgufString(ms, "general.architecture");
        ms.Write(BitConverter.GetBytes(8u)); // GGUF_TYPE_STRING
        WriteGgufString(ms, "llama");
        return ms.ToArray();
    }

    /// <summary>A complete Parquet file with no rows: PAR1, thrift-compact FileMetaData (version 1, schema
    /// [schema{num_children 1}, x{INT64, REQUIRED}], num_rows 0, no row groups), footer length, PAR1.
    /// <paramref name="unreferencedBytes"/> bytes of (unreferenced) column data may sit between PAR1 and the footer.</summary>
    public static byte[] Parquet(int unreferencedBytes = 0)
    {
        byte[] meta =
        {
            0x15, 0x02, // 1: version = 1
            0x19, 0x2C, // 2: schema, list of 2 structs
            0x48, 0x06, (byte)'s', (byte)'c', (byte)'h', (byte)'e', (byte)'m', (byte)'a', 0x15, 0x02, 0x00, // name, num_children = 1
            0x15, 0x04, 0x25, 0x00, 0x18, 0x01, (byte)'x', 0x00, // type INT64, repetition REQUIRED, name "x"
            0x16, 0x00, // 3: num_rows = 0
            0x19, 0x0C, // 4: row_groups, empty list of structs
            0x00,
        };
        return Concat(Encoding.ASCII.GetBytes("PAR1"), Filler(unreferencedBytes, 6), meta, BitConverter.GetBytes((uint)meta.Length), Encoding.ASCII.GetBytes("PAR1"));
    }

    /// <summary>An Arrow IPC file frame: "ARROW1" + padding, a (schema) message, "ARROW1".</summary>
    public static byte[] Arrow(int bodyBytes = 16) => Concat(Encoding.ASCII.GetBytes("ARROW1\0\0"), new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x10, 0, 0, 0 },
        Filler(bodyBytes, 4), BitConverter.GetBytes(16u), Encoding.ASCII.GetBytes("ARROW1"));

    /// <summary>A TFLite FlatBuffer: root table offset, "TFL3" identifier, a vtable, and a Model table with version = 3.</summary>
    public static byte[] TfLite() => Concat(
        BitConverter.GetBytes(16u), Encoding.ASCII.GetBytes("TFL3"),
        BitConverter.GetBytes((ushort)6), BitConverter.GetBytes((ushort)8), BitConverter.GetBytes((ushort)4), new byte[2],
        BitConverter.GetBytes(8), BitConverter.GetBytes(3u));

    /// <summary>An ONNX ModelProto: ir_version 8, producer "pytorch" 2.1.0, a graph "g" with a 2-float initializer, opset 17.</summary>
    public static byte[] Onnx()
    {
        byte[] tensor = Concat(new byte[] { 0x08, 0x02, 0x10, 0x01, 0x42, 0x01, (byte)'w', 0x4A, 0x08 }, BitConverter.GetBytes(0.5f), BitConverter.GetBytes(0f));
        byte[] graph = Concat(new byte[] { 0x12, 0x01, (byte)'g', 0x2A, (byte)tensor.Length }, tensor);
        return Concat(
            new byte[] { 0x08, 0x08, 0x12, 0x07 }, Encoding.ASCII.GetBytes("pytorch"),
            new byte[] { 0x1A, 0x05 }, Encoding.ASCII.GetBytes("2.1.0"),
            new byte[] { 0x3A, (byte)graph.Length }, graph,
            new byte[] { 0x42, 0x02, 0x10, 0x11 });
    }

    /// <summary>A zip built by System.IO.Compression (stored, like torch.save and numpy.savez).</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                s.Write(content);
            }
        }
        return ms.ToArray();
    }

    /// <summary>What torch.save writes since 1.6: archive/data.pkl, tensor storages under archive/data/, version.</summary>
    public static byte[] TorchZip(int storageBytes = 64) => Zip(
        ("archive/data.pkl", PickleProtocol2),
        ("archive/byteorder", Encoding.ASCII.GetBytes("little")),
        ("archive/data/0", Filler(storageBytes, 3)),
        ("archive/version", Encoding.ASCII.GetBytes("3\n")));

    public static byte[] KerasV3() => Zip(
        ("metadata.json", Encoding.UTF8.GetBytes("{\"keras_version\": \"3.3.3\"}")),
        ("config.json", Encoding.UTF8.GetBytes("{\"class_name\": \"Sequential\"}")),
        ("model.weights.h5", Hdf5()));

    public static byte[] MlNet() => Zip(
        ("TransformerChain/Version.txt", Encoding.UTF8.GetBytes("1.0.0.0")),
        ("TransformerChain/Model.key", Filler(40, 5)),
        ("TransformerChain/Transform_000/Model.key", Filler(40, 9)));

    public static byte[] Npz(int count = 3) => Zip(("x.npy", Npy(count)), ("y.npy", Npy(4)));

    public static byte[] SourceZip() => Zip(
        ("src/train.py", Encoding.UTF8.GetBytes("import numpy as np\nprint(np.zeros(3))\n")),
        ("README.md", Encoding.UTF8.GetBytes("# demo\n")));

    /// <summary>Deterministic binary bytes with NULs (a stand-in for compressed or media data).</summary>
    public static byte[] Filler(int length, int seed)
    {
        var b = new byte[length];
        uint x = (uint)seed * 2654435761u + 1;
        for (int i = 0; i < length; i++)
        {
            x = x * 1103515245 + 12345;
            b[i] = (i % 7 == 0) ? (byte)0 : (byte)(x >> 16);
        }
        return b;
    }

    public static byte[] Pad(byte[] head, int size)
    {
        var b = new byte[size];
        head.CopyTo(b, 0);
        Filler(size - head.Length, 11).CopyTo(b, head.Length);
        return b;
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static void WriteGgufString(Stream s, string value)
    {
        s.Write(BitConverter.GetBytes((ulong)value.Length));
        s.Write(Encoding.UTF8.GetBytes(value));
    }
}
