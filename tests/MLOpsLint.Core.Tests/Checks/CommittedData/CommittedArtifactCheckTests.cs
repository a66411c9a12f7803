using System.Text;
using MLOpsLint.Core.Findings;
using static MLOpsLint.Core.Tests.Checks.CommittedData.Scan;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>MLO101 (data), MLO102 (model), MLO103 (large binary) and MLO107 (pickle), through the real engine.</summary>
public class CommittedArtifactCheckTests
{
    private static string Csv(int bytes)
    {
        var sb = new StringBuilder("id,feature_a,feature_b,label\n");
        for (int i = 0; sb.Length < bytes; i++) sb.Append(i).Append(",0.").Append(i % 97).Append(",1.").Append(i % 13).Append(',').Append(i % 2).Append('\n');
        return sb.ToString();
    }

    // --- models -------------------------------------------------------------------------------------

    [Fact]
    public void A_746_byte_pickle_in_artifacts_is_a_model()
    {
        var f = Of("MLO102", Doc("artifacts/model.pkl", Samples.Pad(Samples.PickleProtocol4, 746)));
        var finding = Assert.Single(f);
        Assert.Equal(SourceSpan.WholeFile, finding.Span);
        Assert.Contains("Python pickle", finding.Message);
        Assert.Contains("recognised by its content", finding.Message);
        Assert.Contains("746 B", finding.Message);
        Assert.Contains("git rm --cached artifacts/model.pkl", finding.Fix);
        Assert.Contains("dvc add artifacts/model.pkl", finding.Fix);
        Assert.Contains("git lfs track \"*.pkl\"", finding.Fix);
        Assert.Contains("git lfs migrate import --include=\"*.pkl\"", finding.Fix);
        Assert.Contains("/artifacts/model.pkl", finding.Fix);
    }

    [Fact]
    public void A_pickle_renamed_to_notes_txt_is_still_a_model_and_a_pickle()
    {
        // Issue 13: one finding per file and concern. The model finding carries the pickle warning (it used to come
        // twice, as MLO102 and MLO107).
        var findings = Family(Doc("docs/notes.txt", Samples.PickleProtocol4));
        Assert.Equal(new[] { "MLO102" }, Ids(findings));
        Assert.Contains("its name (notes.txt) does not say so", findings[0].Message);
        Assert.Contains("It is also pickle-based (Python pickle): loading it runs whatever code it contains.", findings[0].Message);
        Assert.Contains("safetensors", findings[0].Fix);
        Assert.Contains("git lfs track \"docs/notes.txt\"", findings[0].Fix); // not every *.txt
    }

    public static TheoryData<string, string, string> Models() => new()
    {
        { "models/net.pt", "torch-zip", "PyTorch checkpoint" },
        { "models/legacy.pth", "torch-legacy", "PyTorch checkpoint" },
        { "weights/model.safetensors", "safetensors", "safetensors weights" },
        { "export/model.keras", "keras-v3", "Keras v3 model" },
        { "export/model.h5", "keras-h5", "Keras HDF5 model" },
        { "MLModels/sentiment.zip", "mlnet", "ML.NET model" },
        { "llm/tiny.gguf", "gguf", "GGUF model" },
        { "mobile/model.tflite", "tflite", "TensorFlow Lite model" },
        { "clf.joblib", "pickle4", "joblib pickle" },
        { "hf/pytorch_model.bin", "torch-zip", "PyTorch checkpoint" },
        { "renamed/blob.dat", "safetensors", "safetensors weights" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Models_are_reported_at_any_size(string path, string kind, string format)
    {
        var f = Assert.Single(Of("MLO102", Doc(path, ArtifactSignaturesTests.Sample(kind))));
        Assert.Contains(format, f.Message);
    }

    [Fact]
    public void Onnx_is_recognised_by_extension_and_protobuf_check()
    {
        var f = Assert.Single(Of("MLO102", Doc("serving/model.onnx", Samples.Onnx())));
        Assert.Contains("ONNX model, recognised by its name (extension .onnx)", f.Message);
    }

    [Fact]
    public void Text_named_like_a_binary_model_is_not_a_model()
    {
        Assert.Empty(Family(
            TextDoc("model.bin", "This folder used to hold the model; download it with `make weights`.\n"),
            TextDoc("weights.pkl", "placeholder\n"),
            TextDoc("serving/model.onnx", "see https://example.com/model.onnx\n"),
            TextDoc("graph.pb", "not a protobuf\n")));
    }

    [Fact]
    public void Binary_bin_without_a_weights_name_is_not_a_model() =>
        Assert.Empty(Of("MLO102", Doc("firmware/boot.bin", Samples.Filler(2000, 4))));

    [Fact]
    public void Binary_bin_with_a_weights_name_is_a_model() =>
        Assert.Single(Of("MLO102", Doc("embeddings/word_vectors.bin", Samples.Filler(2000, 4))));

    [Fact]
    public void Small_fixture_models_under_tests_are_fine_but_big_ones_are_not()
    {
        Assert.Empty(Of("MLO102", Doc("tests/fixtures/tiny.pkl", Samples.PickleProtocol4)));
        Assert.Empty(Of("MLO102", Doc("src/pkg/testdata/tiny.safetensors", Samples.Safetensors())));
        var big = Samples.Pad(Samples.PickleProtocol4, 1_500_000);
        var f = Assert.Single(Of("MLO102", Doc("tests/fixtures/big.pkl", big)));
        Assert.Contains("1.5 MB", f.Message);
        Assert.Contains("test folders", f.Message);
    }

    [Fact]
    public void Pickles_in_test_folders_are_fixtures_and_pickles_kept_in_lfs_get_the_security_rule()
    {
        // Issue 13: a test's fixture pickle is loaded by the project's own tests, whose code sits beside it; the ecosystem
        // run judged every such MLO107 false (skorch's old-pickle fixtures). A pickle kept in LFS still runs code when loaded.
        Assert.Empty(Family(Doc("tests/fixtures/tiny.pkl", Samples.PickleProtocol4)));
        var f = Assert.Single(Of("MLO107", TextDoc(".gitattributes", "*.pkl filter=lfs diff=lfs merge=lfs -text\n"), Doc("models/tiny.pkl", Samples.PickleProtocol4)));
        Assert.Equal(Rules.Severity.Suggestion, f.Severity);
        Assert.Contains("runs whatever code the file contains", f.Message);
        Assert.Contains("safetensors", f.Fix);
        Assert.Contains("weights_only=True", f.Fix);
    }

    [Fact]
    public void Pickle_based_formats_get_the_security_rule_and_others_do_not()
    {
        // Kept in Git LFS (no model finding there), so the pickle concern is reported on its own (issue 13: where MLO102
        // fires, it carries the pickle warning instead).
        var lfs = TextDoc(".gitattributes", "lfs/** filter=lfs diff=lfs merge=lfs -text\n");
        Assert.Single(Of("MLO107", lfs, Doc("lfs/m.pt", Samples.TorchZip())));
        Assert.Single(Of("MLO107", lfs, Doc("lfs/m.pth", Samples.TorchLegacy())));
        Assert.Single(Of("MLO107", Doc("data/objects.npy", Samples.Npy(2, "|O"))));
        Assert.Single(Of("MLO107", lfs, Doc("lfs/m.joblib", Samples.Filler(300, 1)))); // compressed joblib: by name
        Assert.Empty(Of("MLO107", lfs, Doc("lfs/m.safetensors", Samples.Safetensors())));
        Assert.Empty(Of("MLO107", lfs, Doc("lfs/m.onnx", Samples.Onnx())));
        Assert.Empty(Of("MLO107", Doc("data/x.npy", Samples.Npy())));
        foreach (var (path, bytes) in new[] { ("m.pt", Samples.TorchZip()), ("m.pth", Samples.TorchLegacy()), ("m.joblib", Samples.Filler(300, 1)) })
        {
            var f = Assert.Single(Family(Doc(path, bytes)));
            Assert.Equal("MLO102", f.RuleId);
            Assert.Contains("pickle-based", f.Message);
        }
        var safe = Assert.Single(Family(Doc("m.safetensors", Samples.Safetensors())));
        Assert.DoesNotContain("pickle", safe.Message);
    }

    // --- data ---------------------------------------------------------------------------------------

    [Fact]
    public void A_large_csv_is_data_by_name()
    {
        var f = Assert.Single(Of("MLO101", TextDoc("data/train.csv", Csv(600_000))));
        Assert.Contains("CSV data, recognised by its name (extension .csv)", f.Message);
        Assert.Contains("over the 500 KB limit", f.Message);
        Assert.Equal(SourceSpan.WholeFile, f.Span);
    }

    [Fact]
    public void Small_data_files_and_fixtures_under_tests_are_fine()
    {
        // A small CSV outside data and output folders (issue 13 made data/ files datasets from 10 KB on).
        Assert.Empty(Family(
            TextDoc("config/lookup.csv", Csv(20_000)),
            TextDoc("tests/fixtures/sample.csv", Csv(400_000)),
            TextDoc("tests/fixtures/bigger.csv", Csv(2_000_000)),
            Doc("tests/data/frame.parquet", Samples.Parquet())));
    }

    [Fact]
    public void Data_under_tests_over_the_test_limit_is_flagged()
    {
        var f = Assert.Single(Of("MLO101", TextDoc("tests/fixtures/huge.csv", Csv(5_200_000))));
        Assert.Contains("in test folders", f.Message);
    }

    public static TheoryData<string, string, string> DataFiles() => new()
    {
        { "data/x.npy", "npy", "NumPy array" },
        { "data/x.npz", "npz", "NumPy .npz archive" },
        { "data/x.parquet", "parquet", "Parquet data" },
        { "data/x.arrow", "arrow", "Arrow IPC data" },
        { "data/x.h5", "hdf5", "HDF5 data" },
        { "data/x.db", "sqlite", "SQLite database" },
        { "data/train.tfrecord", "tfrecord", "TFRecord data" },
        { "data/renamed.bin", "npy", "NumPy array" },
        { "data/no_extension", "parquet", "Parquet data" },
    };

    private static byte[] BigSample(string kind) => kind switch
    {
        "npy" => Samples.Npy(80_000),
        "npz" => Samples.Npz(80_000),
        "parquet" => Samples.Parquet(600_000),
        "arrow" => Samples.Arrow(600_000),
        "hdf5" => Samples.Hdf5(totalSize: 600_000),
        "sqlite" => Samples.Sqlite(pages: 150),
        "tfrecord" => Samples.TfRecord(Samples.Filler(300_000, 2), Samples.Filler(300_000, 3)),
        _ => throw new ArgumentException(kind),
    };

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Binary_data_over_the_limit_is_recognised_by_content(string path, string kind, string format)
    {
        var bytes = BigSample(kind);
        Assert.True(bytes.Length > 500_000);
        var f = Assert.Single(Of("MLO101", Doc(path, bytes)));
        Assert.Contains(format + " (", f.Message);
        Assert.Contains("recognised by its content", f.Message);
    }

    [Fact]
    public void Binary_data_under_the_limit_is_fine()
    {
        Assert.Empty(Family(
            Doc("data/x.npy", Samples.Npy()),
            Doc("data/x.parquet", Samples.Parquet()),
            Doc("data/x.db", Samples.Sqlite()),
            Doc("data/x.tfrecord", Samples.TfRecord(Samples.TfExample))));
    }

    [Fact]
    public void Compressed_csv_is_data_by_its_inner_extension()
    {
        var f = Assert.Single(Of("MLO101", Doc("data/train.csv.gz", Samples.Concat(new byte[] { 0x1F, 0x8B, 8, 0 }, Samples.Filler(700_000, 8)))));
        Assert.Contains(".csv.gz", f.Message);
    }

    [Fact]
    public void Only_the_head_of_a_big_file_is_enough()
    {
        var npy = Samples.Pad(Samples.Npy(), 30_000_000);
        var f = Assert.Single(Of("MLO101", Head("data/huge.dat", npy, 64 * 1024)));
        Assert.Contains("30 MB", f.Message);
        Assert.Contains("NumPy array", f.Message);
    }

    // --- large binaries -----------------------------------------------------------------------------

    [Fact]
    public void A_big_unknown_binary_is_a_large_binary()
    {
        var f = Assert.Single(Family(Doc("assets/demo.mp4", Samples.Filler(6_000_000, 3))));
        Assert.Equal("MLO103", f.RuleId);
        Assert.Contains("6.0 MB", f.Message);
        Assert.Contains("5.0 MB", f.Message);
    }

    [Fact]
    public void A_small_source_zip_and_small_binaries_are_fine()
    {
        Assert.Empty(Family(
            Doc("dist/src.zip", Samples.SourceZip()),
            Doc("docs/logo.png", Samples.Filler(200_000, 1))));
    }

    [Fact]
    public void A_big_source_zip_is_only_a_large_binary()
    {
        var zip = Samples.Zip(("src/a.py", Samples.Utf8("print(1)\n")), ("assets/blob", Samples.Filler(5_500_000, 2)));
        Assert.Equal(new[] { "MLO103" }, Ids(Family(Doc("release.zip", zip))));
    }

    [Fact]
    public void Big_text_files_are_not_large_binaries() =>
        Assert.Empty(Family(TextDoc("corpus/wiki.txt", new string('x', 6_000_000)))); // not logs/train.log: a committed log is MLO108 since issue 13

    // --- look-alikes that must stay silent -----------------------------------------------------------

    [Fact]
    public void Ordinary_repository_files_are_silent()
    {
        Assert.Empty(Family(
            TextDoc("README.md", "Download `model.pkl` and `data.parquet`, then run `python train.py`.\n"),
            TextDoc("pyproject.toml", "[project]\nname = \"demo\"\ndependencies = [\"torch==2.3.0\"]\n"),
            TextDoc("docs/parquet.txt", "PAR1 marks both ends of a Parquet file.\nPAR1"),
            TextDoc("config/model.json", "{\"layers\": 3, \"dropout\": 0.1}\n"),
            TextDoc("train.py", "import pickle\nmodel = pickle.load(open('model.pkl', 'rb'))\n"),
            Doc("header.json", Samples.Concat(BitConverter.GetBytes(24UL), Samples.Utf8("{\"a\": [1, 2, 3], \"b\": 4, \"c\": 5}")))));
    }

    [Fact]
    public void Lfs_pointers_are_never_flagged()
    {
        string pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 104857600\n";
        Assert.Empty(Family(
            TextDoc(".gitattributes", "*.pkl filter=lfs diff=lfs merge=lfs -text\n"),
            TextDoc("models/model.pkl", pointer),
            TextDoc("data/train.csv", pointer, origin: "index")));
    }

    [Fact]
    public void Lfs_tracked_files_in_the_working_tree_are_not_committed_blobs()
    {
        // With LFS installed the working tree holds the real content; git holds a pointer.
        var findings = Family(
            TextDoc(".gitattributes", "*.safetensors filter=lfs diff=lfs merge=lfs -text\n"),
            Doc("models/model.safetensors", Samples.Safetensors()));
        Assert.Empty(findings);
    }

    // --- options ------------------------------------------------------------------------------------

    [Fact]
    public void Data_max_size_is_configurable()
    {
        var csv = TextDoc("reference/small.csv", Csv(60_000)); // not in a data folder, where 10 KB is the limit
        Assert.Empty(Of("MLO101", csv));
        var config = WithOptions("MLO101", ("max-size", "50KB"));
        var f = Assert.Single(Family(config, csv));
        Assert.Contains("over the 50 KB limit", f.Message);
    }

    [Fact]
    public void Test_paths_are_configurable()
    {
        var config = WithOptions("MLO101", ("test-paths", new[] { "samples/**" }));
        Assert.Empty(Family(config, TextDoc("samples/big.csv", Csv(600_000))));
        Assert.Single(Family(config, TextDoc("tests/big.csv", Csv(600_000))));
    }

    [Fact]
    public void Extra_and_excluded_extensions_are_configurable()
    {
        var json = TextDoc("labels/annotations.json", "[" + string.Join(",", Enumerable.Repeat("{\"id\": 1, \"bbox\": [1, 2, 3, 4]}", 30_000)) + "]");
        Assert.Empty(Family(json));
        Assert.Single(Family(WithOptions("MLO101", ("extra-extensions", new[] { ".json" })), json));

        var csv = TextDoc("data/train.csv", Csv(600_000));
        Assert.Empty(Family(WithOptions("MLO101", ("exclude-extensions", new[] { "csv" })), csv));

        var weights = Doc("model/weights.model", Samples.Filler(1000, 3));
        Assert.Empty(Family(weights));
        Assert.Single(Family(WithOptions("MLO102", ("extra-extensions", new[] { ".model" })), weights));
    }

    [Fact]
    public void Excluding_a_model_extension_keeps_the_security_note_on_its_own()
    {
        var ids = Ids(Family(WithOptions("MLO102", ("exclude-extensions", new[] { ".pkl" })), Doc("m.pkl", Samples.PickleProtocol4)));
        Assert.Equal(new[] { "MLO107" }, ids);
    }

    [Fact]
    public void Model_test_max_size_is_configurable()
    {
        var doc = Doc("tests/fixtures/model.pkl", Samples.Pad(Samples.PickleProtocol4, 20_000));
        Assert.Empty(Of("MLO102", doc));
        Assert.Single(Family(WithOptions("MLO102", ("test-max-size", "10KB")), doc), f => f.RuleId == "MLO102");
    }

    [Fact]
    public void Binary_max_size_is_configurable()
    {
        var doc = Doc("assets/bundle.dat", Samples.Filler(2_000_000, 3)); // not a video: audio and video have their own 1 MB limit since issue 13
        Assert.Empty(Family(doc));
        Assert.Single(Family(WithOptions("MLO103", ("max-size", "1MB")), doc));
    }

    // --- fingerprints -------------------------------------------------------------------------------

    [Fact]
    public void Fingerprints_are_content_based_and_stable()
    {
        var a = Assert.Single(Of("MLO102", Doc("m.pkl", Samples.PickleProtocol4)));
        var b = Assert.Single(Of("MLO102", Doc("m.pkl", Samples.PickleProtocol4)));
        Assert.StartsWith("sha256:", a.FingerprintContent);
        Assert.EndsWith("size:21", a.FingerprintContent);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        var c = Assert.Single(Of("MLO102", Doc("m.pkl", Samples.PickleProtocol2)));
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
    }
}
