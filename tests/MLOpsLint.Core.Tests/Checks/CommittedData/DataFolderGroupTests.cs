using System.Text;
using static MLOpsLint.Core.Tests.Checks.CommittedData.Scan;

namespace MLOpsLint.Core.Tests.Checks.CommittedData;

/// <summary>
/// MLO101: the data files of one data folder are one finding, whatever limit each is over (category_encoders commits 35
/// benchmark datasets under <c>examples/benchmarking_large/datasets/</c> and got 35 results; the user acts once). A
/// lone data file keeps its own finding and fingerprint; files in different folders stay apart.
/// </summary>
public class DataFolderGroupTests
{
    private static string Arff(int bytes)
    {
        var sb = new StringBuilder("@relation letter\n@attribute x numeric\n@attribute y numeric\n@data\n");
        for (int i = 1; sb.Length < bytes; i++) sb.Append(i % 97).Append(',').Append(i % 13).Append('\n');
        return sb.ToString();
    }

    [Fact]
    public void Large_datasets_under_one_data_folder_are_one_finding_on_the_first_listing_the_rest()
    {
        var docs = new[]
        {
            TextDoc("examples/bench/datasets/arff/classification/letter.arff", Arff(720_000)),
            TextDoc("examples/bench/datasets/arff/classification/mushroom.arff", Arff(751_000)),
            TextDoc("examples/bench/datasets/arff/regression/ailerons.arff", Arff(900_000)),
            TextDoc("examples/bench/datasets/article/amazon.csv", "a,b\n" + Arff(600_000)),
        };
        var f = Assert.Single(Of("MLO101", docs));
        Assert.Equal("examples/bench/datasets/arff/classification/letter.arff", f.Path);
        Assert.StartsWith("Data files committed to git: 4 files, 3.0 MB, in examples/bench/datasets/ (each over the 500 KB limit for data files), letter.arff, mushroom.arff, ailerons.arff, …", f.Message);
        Assert.Equal(3, f.Related.Count);
        Assert.Contains("git rm -r --cached examples/bench/datasets", f.Fix);
        // the fingerprint is the folder's: one more dataset in it does not make the finding new
        var more = Assert.Single(Of("MLO101", docs.Append(TextDoc("examples/bench/datasets/extra.arff", Arff(510_000))).ToArray()));
        Assert.Equal(f.Fingerprint, more.Fingerprint);
    }

    [Fact]
    public void Datasets_in_different_folders_and_a_lone_dataset_keep_their_own_findings()
    {
        var lone = Assert.Single(Of("MLO101", TextDoc("benchmarks/letter.arff", Arff(720_000))));
        Assert.StartsWith("Data file committed to git: ARFF data", lone.Message);
        var findings = Of("MLO101",
            TextDoc("benchmarks/letter.arff", Arff(720_000)),
            TextDoc("benchmarks/results/run1.arff", Arff(700_000)),
            TextDoc("notes/small.arff", Arff(20_000)));
        Assert.Equal(new[] { "benchmarks/letter.arff", "benchmarks/results/run1.arff" }, findings.Select(x => x.Path).OrderBy(p => p, StringComparer.Ordinal).ToArray());
        Assert.Equal(lone.Fingerprint, findings.Single(x => x.Path == "benchmarks/letter.arff").Fingerprint);
    }

    [Fact]
    public void A_folder_with_a_large_dataset_and_small_outputs_is_one_finding_naming_both_limits()
    {
        var f = Assert.Single(Of("MLO101",
            TextDoc("data/train.csv", "a,b\n" + Arff(800_000)),
            TextDoc("data/oof_preds.csv", "a,b\n" + Arff(40_000))));
        Assert.Contains("2 files", f.Message);
        Assert.Contains("each over its limit: 500 KB for data files, 10 KB for data in a data or output folder", f.Message);
    }
}
