using System.Text;
using MLOpsLint.Core.Artifacts;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>Content signatures on real bytes of each format, and the look-alikes that must not match.</summary>
public class ArtifactSignaturesTests
{
    private static ArtifactMatch? Detect(byte[] b) => ArtifactSignatures.Detect(b, b.Length, complete: true);

    public static TheoryData<string, string> Formats() => new()
    {
        { "npy", "NumPy array" },
        { "npy-object", "NumPy object array (pickled)" },
        { "hdf5", "HDF5 data" },
        { "keras-h5", "Keras HDF5 model" },
        { "pickle2", "Python pickle" },
        { "pickle4", "Python pickle" },
        { "pickle5", "Python pickle" },
        { "torch-legacy", "PyTorch checkpoint" },
        { "torch-zip", "PyTorch checkpoint" },
        { "parquet", "Parquet data" },
        { "arrow", "Arrow IPC data" },
        { "safetensors", "safetensors weights" },
        { "keras-v3", "Keras v3 model" },
        { "mlnet", "ML.NET model" },
        { "npz", "NumPy .npz archive" },
        { "sqlite", "SQLite database" },
        { "tfrecord", "TFRecord data" },
        { "gguf", "GGUF model" },
        { "tflite", "TensorFlow Lite model" },
    };

    internal static byte[] Sample(string kind) => kind switch
    {
        "npy" => Samples.Npy(),
        "npy-object" => Samples.Npy(2, "|O"),
        "hdf5" => Samples.Hdf5(),
        "keras-h5" => Samples.Hdf5("keras_version"),
        "pickle2" => Samples.PickleProtocol2,
        "pickle4" => Samples.PickleProtocol4,
        "pickle5" => Samples.PickleProtocol5,
        "torch-legacy" => Samples.TorchLegacy(),
        "torch-zip" => Samples.TorchZip(),
        "parquet" => Samples.Parquet(),
        "arrow" => Samples.Arrow(),
        "safetensors" => Samples.Safetensors(),
        "keras-v3" => Samples.KerasV3(),
        "mlnet" => Samples.MlNet(),
        "npz" => Samples.Npz(),
        "sqlite" => Samples.Sqlite(),
        "tfrecord" => Samples.TfRecord(Samples.TfExample, Samples.TfExample),
        "gguf" => Samples.Gguf(),
        "tflite" => Samples.TfLite(),
        _ => throw new ArgumentException(kind),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Recognises_each_format_by_content(string kind, string format)
    {
        var match = Detect(Sample(kind));
        Assert.NotNull(match);
        Assert.Equal(format, match!.Format.Name);
        Assert.Equal(ArtifactEvidence.ContentSignature, match.Evidence);
    }

    [Fact]
    public void Hdf5_after_a_user_block_is_recognised()
    {
        var b = Samples.Concat(new byte[512], Samples.Hdf5());
        Assert.Equal(ArtifactFormat.Hdf5, Detect(b)?.Format);
    }

    [Fact]
    public void Pickle_protocol_is_reported()
    {
        Assert.Contains("protocol 4", Detect(Samples.PickleProtocol4)!.Detail);
        Assert.Contains("protocol 2", Detect(Samples.PickleProtocol2)!.Detail);
    }

    [Fact]
    public void Torch_zip_names_data_pkl() =>
        Assert.Contains("archive/data.pkl", Detect(Samples.TorchZip())!.Detail);

    [Fact]
    public void Crc32C_matches_the_standard_check_value()
    {
        // The CRC-32C check value of "123456789" (RFC 3720, appendix B.4).
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32C.Compute(Array.Empty<byte>()));
    }

    [Fact]
    public void TfRecord_with_a_wrong_length_crc_is_not_recognised()
    {
        var b = Samples.TfRecord(Samples.TfExample);
        b[8] ^= 0x01;
        Assert.Null(Detect(b));
    }

    [Fact]
    public void TfRecord_with_a_wrong_data_crc_is_not_recognised()
    {
        var b = Samples.TfRecord(Samples.TfExample);
        b[^1] ^= 0x80;
        Assert.Null(Detect(b));
    }

    public static TheoryData<string, byte[]> LookAlikes() => new()
    {
        { "text starting with PAR1", Encoding.UTF8.GetBytes("PAR1 is the magic number of Parquet files; see PAR1 at the end too.\n") },
        { "text starting with GGUF", Encoding.UTF8.GetBytes("GGUF is the llama.cpp model format.\n") },
        { "text starting with SQLite", Encoding.UTF8.GetBytes("SQLite format 3 is what sqlite writes\n") },
        { "text starting with ARROW1", Encoding.UTF8.GetBytes("ARROW1 is Arrow's magic\n") },
        { "json", Encoding.UTF8.GetBytes("{\"name\": \"model\", \"layers\": [1, 2, 3]}\n") },
        { "pyproject", Encoding.UTF8.GetBytes("[project]\nname = \"demo\"\ndependencies = [\"torch\"]\n") },
        { "source zip", Samples.SourceZip() },
        { "8-byte length then no JSON", Samples.Concat(BitConverter.GetBytes(16UL), Encoding.ASCII.GetBytes("not json at all!"), new byte[8]) },
        { "8-byte length larger than the file", Samples.Concat(BitConverter.GetBytes(4096UL), Encoding.ASCII.GetBytes("{\"a\":1}"), new byte[8]) },
        { "0x80 byte then nonsense", new byte[] { 0x80, 0x09, 0x00, 0x01, 0x02 } },
        { "protocol 4 with a frame longer than the file", new byte[] { 0x80, 0x04, 0x95, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0x7D, 0x2E } },
        { "PAR1 at the start only", Samples.Concat(Encoding.ASCII.GetBytes("PAR1"), Samples.Filler(64, 2)) },
        { "random binary", Samples.Filler(4096, 5) },
        { "png", Samples.Concat(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, Samples.Filler(100, 1)) },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Look_alikes_are_not_recognised(string what, byte[] bytes)
    {
        var match = Detect(bytes);
        Assert.True(match == null, $"{what} was recognised as {match?.Format.Name} ({match?.Detail})");
    }

    [Fact]
    public void Json_whose_first_8_bytes_read_as_a_small_length_is_not_safetensors()
    {
        // "\x18\0\0\0\0\0\0\0" then JSON: only safetensors if the header fits and closes with '}' at its declared end.
        var b = Samples.Concat(BitConverter.GetBytes(24UL), Encoding.ASCII.GetBytes("{\"a\": [1, 2, 3], \"b\": 4, \"c\": 5}"));
        Assert.Null(Detect(b));
    }

    [Fact]
    public void Only_the_head_of_a_torch_zip_is_enough()
    {
        var full = Samples.TorchZip(storageBytes: 200_000);
        var head = full.AsSpan(0, 4096).ToArray();
        var match = ArtifactSignatures.Detect(head, full.Length, complete: false);
        Assert.Equal(ArtifactFormat.PyTorch, match?.Format);
    }

    [Fact]
    public void Truncated_and_corrupt_zips_do_not_throw()
    {
        var zip = Samples.TorchZip();
        for (int n = 4; n < zip.Length; n += 7)
        {
            var part = zip.AsSpan(0, n).ToArray();
            _ = ArtifactSignatures.Detect(part, part.Length, complete: true);
            _ = ArtifactSignatures.Detect(part, zip.Length, complete: false);
        }
        var corrupt = (byte[])zip.Clone();
        for (int i = 30; i < corrupt.Length; i += 3) corrupt[i] = 0xFF;
        _ = ArtifactSignatures.Detect(corrupt, corrupt.Length, complete: true);
        var names = ZipInspector.EntryNames(corrupt, complete: true);
        Assert.NotNull(names);
    }

    [Fact]
    public void Zip_entry_names_come_from_the_central_directory()
    {
        var names = ZipInspector.EntryNames(Samples.TorchZip(), complete: true);
        Assert.Equal(new[] { "archive/data.pkl", "archive/byteorder", "archive/data/0", "archive/version" }, names);
    }

    [Fact]
    public void Onnx_bytes_parse_as_protobuf_and_text_does_not()
    {
        var onnx = Samples.Onnx();
        Assert.True(ProtobufSanity.LooksLikeMessage(onnx, onnx.Length));
        var text = Encoding.UTF8.GetBytes("this is not a model, just a README that someone named model.onnx\n");
        Assert.False(ProtobufSanity.LooksLikeMessage(text, text.Length));
    }

    [Fact]
    public void Lfs_pointer_is_recognised()
    {
        var pointer = Encoding.ASCII.GetBytes(
            "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
        Assert.True(LfsPointer.IsPointer(pointer, pointer.Length));
        var prose = Encoding.ASCII.GetBytes("version https://git-lfs.github.com/spec/v1 is the pointer format.\n");
        Assert.False(LfsPointer.IsPointer(prose, prose.Length));
    }
}

/// <summary>Random and mutated inputs: detection never throws, whatever the bytes.</summary>
public class ArtifactSignaturesRobustnessTests
{
    [Fact]
    public void Mutated_samples_and_random_bytes_never_throw()
    {
        var random = new Random(1234);
        var seeds = new[]
        {
            Samples.TorchZip(), Samples.KerasV3(), Samples.Npz(), Samples.Npy(), Samples.Hdf5("model_config"),
            Samples.Parquet(), Samples.Safetensors(), Samples.TfRecord(Samples.TfExample), Samples.Gguf(),
            Samples.TfLite(), Samples.Onnx(), Samples.Sqlite(1), Samples.PickleProtocol4, Samples.Arrow(),
        };
        for (int round = 0; round < 3000; round++)
        {
            var seed = seeds[round % seeds.Length];
            var b = (byte[])seed.Clone();
            int flips = random.Next(1, 8);
            for (int i = 0; i < flips; i++) b[random.Next(b.Length)] = (byte)random.Next(256);
            int cut = random.Next(1, b.Length + 1);
            var part = b.AsSpan(0, cut).ToArray();
            _ = ArtifactSignatures.Detect(part, part.Length, complete: true);
            _ = ArtifactSignatures.Detect(part, b.Length + random.Next(0, 1_000_000), complete: false);
            _ = ZipInspector.EntryNames(part, complete: true);
            _ = ProtobufSanity.LooksLikeMessage(part, part.Length);
            var doc = new Documents.SourceDocument("x/" + round + ".bin", part, part.Length);
            _ = ArtifactClassifier.Classify(doc);
        }
    }
}
