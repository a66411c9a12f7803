using MLOpsLint.Core.Checks.CommittedData;
using MLOpsLint.Core.Documents;
using static MLOpsLint.Core.Tests.Checks.CommittedData.Scan;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>MLO104 and the .gitattributes pattern semantics behind it.</summary>
public class LfsCheckTests
{
    private const string Pointer =
        "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 746\n";

    private static SourceDocument Staged(string path, byte[] bytes) => Doc(path, bytes, origin: "index");

    [Fact]
    public void A_staged_real_blob_under_an_lfs_pattern_is_reported()
    {
        var findings = Family(
            TextDoc(".gitattributes", "# models\n*.pkl filter=lfs diff=lfs merge=lfs -text\n", origin: "index"),
            Staged("models/model.pkl", Samples.Pad(Samples.PickleProtocol4, 746)));
        Assert.Equal(new[] { "MLO104", "MLO107" }, Ids(findings)); // MLO104 replaces MLO102; the security note stays
        var f = findings.Single(x => x.RuleId == "MLO104");
        Assert.Contains(".gitattributes line 2", f.Message);
        Assert.Contains("746 B", f.Message);
        Assert.Contains("git lfs install", f.Fix);
        Assert.Contains("git lfs migrate import", f.Fix);
        var related = Assert.Single(f.Related);
        Assert.Equal(".gitattributes", related.Path);
        Assert.Equal(2, related.Span.StartLine);
    }

    [Fact]
    public void A_staged_pointer_is_fine() =>
        Assert.Empty(Family(
            TextDoc(".gitattributes", "*.pkl filter=lfs diff=lfs merge=lfs -text\n", origin: "index"),
            TextDoc("models/model.pkl", Pointer, origin: "index")));

    [Fact]
    public void Working_tree_content_of_an_lfs_path_is_not_judged()
    {
        // In the working tree, LFS files are checked out with their real content.
        var ids = Ids(Family(
            TextDoc(".gitattributes", "*.pkl filter=lfs diff=lfs merge=lfs -text\n"),
            Doc("models/model.pkl", Samples.Pad(Samples.PickleProtocol4, 746))));
        Assert.Equal(new[] { "MLO107" }, ids);
    }

    [Fact]
    public void A_path_outside_the_patterns_is_an_ordinary_committed_file()
    {
        var ids = Ids(Family(
            TextDoc(".gitattributes", "*.pt filter=lfs diff=lfs merge=lfs -text\n", origin: "index"),
            Staged("models/model.pkl", Samples.PickleProtocol4)));
        Assert.Equal(new[] { "MLO102" }, ids); // the model finding carries the pickle warning (issue 13: one finding per file)
    }

    [Fact]
    public void Nested_gitattributes_patterns_apply_below_their_directory()
    {
        var attributes = TextDoc("data/.gitattributes", "*.csv filter=lfs diff=lfs merge=lfs -text\n", origin: "index");
        var inside = Staged("data/raw/train.csv", Samples.Utf8("a,b\n1,2\n"));
        var outside = Staged("reports/summary.csv", Samples.Utf8("a,b\n1,2\n"));
        var f = Assert.Single(Of("MLO104", attributes, inside, outside));
        Assert.Equal("data/raw/train.csv", f.Path);
    }

    public static TheoryData<string, string, bool> Patterns() => new()
    {
        { "*.bin filter=lfs", "weights/model.bin", true },
        { "model.bin filter=lfs", "a/b/model.bin", true },
        { "/model.bin filter=lfs", "a/model.bin", false },
        { "/model.bin filter=lfs", "model.bin", true },
        { "weights/*.bin filter=lfs", "weights/a.bin", true },
        { "weights/*.bin filter=lfs", "x/weights/a.bin", false },
        { "weights/*.bin filter=lfs", "weights/sub/a.bin", false },
        { "weights/** filter=lfs", "weights/sub/a.bin", true },
        { "**/checkpoints/*.pt filter=lfs", "runs/1/checkpoints/last.pt", true },
        { "**/checkpoints/*.pt filter=lfs", "checkpoints/last.pt", true },
        { "data/**/*.parquet filter=lfs", "data/x.parquet", true },
        { "data/**/*.parquet filter=lfs", "data/a/b/x.parquet", true },
        { "*.[pP][kK][lL] filter=lfs", "m.PKL", true },
        { "\"my models/*.pt\" filter=lfs", "my models/a.pt", true },
        { "*.pkl filter=lfs\n*.pkl -filter", "m.pkl", false },
        { "*.pkl filter=lfs\nlegacy/*.pkl !filter", "legacy/m.pkl", false },
        { "*.pkl -filter\n*.pkl filter=lfs", "m.pkl", true },
        { "*.pkl filter=git-crypt", "m.pkl", false },
        { "models/ filter=lfs", "models/m.pkl", false },
        { "*.pkl diff=lfs", "m.pkl", false },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Gitattributes_patterns_follow_git(string attributes, string path, bool tracked)
    {
        var snapshot = new Core.Checks.RepositorySnapshot(new[] { TextDoc(".gitattributes", attributes + "\n"), TextDoc(path, "x") });
        Assert.Equal(tracked, new LfsPatterns(snapshot).IsLfsTracked(path, out _));
    }

    [Fact]
    public void Deeper_gitattributes_override_the_root()
    {
        var snapshot = new Core.Checks.RepositorySnapshot(new[]
        {
            TextDoc("sub/.gitattributes", "*.bin -filter\n"),
            TextDoc(".gitattributes", "*.bin filter=lfs\n"),
        });
        var lfs = new LfsPatterns(snapshot);
        Assert.False(lfs.IsLfsTracked("sub/a.bin", out _));
        Assert.True(lfs.IsLfsTracked("other/a.bin", out _));
    }
}
