using MLOpsLint.Core.Tests.Checks.Seeds;
using static MLOpsLint.Core.Tests.Checks.Tracking.TrackingFixtures;

namespace MLOpsLint.Core.Tests.Checks.Tracking;

/// <summary>MLO702: training data read from a local path in a repository that versions no data, and every way the
/// data counts as versioned (DVC files and pipelines, Git LFS, the file committed, a verified checksum).</summary>
public class UnversionedDataTests
{
    private static Documents.SourceDocument Notebook() => File("train_notebook.ipynb", "notebooks/train.ipynb");

    /// <summary>data/ kept out of git, as most projects do before they version data.</summary>
    private static Documents.SourceDocument Ignore(string patterns = "data/\n") => Doc(".gitignore", "__pycache__/\n" + patterns);

    [Fact]
    public void A_notebook_reading_data_train_csv_in_a_repository_without_dvc_fires()
    {
        var f = Assert.Single(SeedsFixtures.Of("MLO702", Notebook(), Ignore(), Doc("README.md", "# Project\n")));
        Assert.Equal("cell 2, line 1", f.LocationHint);
        Assert.Contains("pd.read_csv() reads training data from data/train.csv, which git ignores, and the repository versions no data", f.Message);
        Assert.Contains("dvc add data", f.Fix);
        Assert.Equal(Rules.Severity.Suggestion, f.Severity);
    }

    [Theory]
    [InlineData("dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    deps:\n      - data/train.csv\n    outs:\n      - model.pkl\n")]
    [InlineData("data.dvc", "outs:\n- md5: 3863d0e317dee0a55c4e59d2ec0eef33.dir\n  path: data\n")]
    [InlineData("data/raw.dvc", "outs:\n- md5: 3863d0e317dee0a55c4e59d2ec0eef33\n  path: raw\n")]
    [InlineData(".dvc/config", "[core]\n    remote = storage\n")]
    [InlineData(".gitattributes", "*.csv filter=lfs diff=lfs merge=lfs -text\n")]
    [InlineData("data/train.csv", "a,b,label\n1,2,0\n")]   // committed: git versions it (MLO101 says where it belongs)
    [InlineData("Makefile", "data:\n\tdvc pull\n")]
    [InlineData("fetch.py", "import dvc.api\nwith dvc.api.open('data/train.csv') as f:\n    print(f.read())\n")]
    public void A_repository_that_versions_data_is_silent(string path, string text) =>
        Assert.Empty(SeedsFixtures.Of("MLO702", Notebook(), Ignore(), Doc(path, text)));

    [Fact]
    public void Paths_are_read_from_the_root_or_from_the_script_folder()
    {
        const string script = "import pandas as pd\nfrom sklearn.svm import SVC\nTRAIN = '../data/train.csv'\n"
            + "df = pd.read_csv(TRAIN)  # expect: MLO702\nSVC().fit(df[['a']], df['y'])\n";
        SeedsFixtures.AssertExpectations("MLO702", Doc("src/train.py", script), Ignore());
        Assert.Empty(SeedsFixtures.Of("MLO702", Doc("src/train.py", script), Ignore(), Doc("data/train.csv", "a,y\n1,0\n")));
        var f = Assert.Single(SeedsFixtures.Of("MLO702", Doc("src/train.py", script), Ignore()));
        Assert.Contains("dvc add data ", f.Fix);
    }

    [Theory]
    [InlineData("pd.read_csv('https://example.com/train.csv')")]                 // a URL
    [InlineData("pd.read_csv('s3://bucket/train.csv')")]                         // a bucket
    [InlineData("pd.read_csv('../input/titanic/train.csv')")]                    // a Kaggle competition's data
    [InlineData("pd.read_csv(f'{DATA}/train.csv')")]                             // built at run time
    [InlineData("pd.read_csv(args.data)")]                                       // a parameter
    [InlineData("open('data/config.yaml')")]                                     // not a data file
    public void Reads_the_tool_cannot_place_are_not_reported(string read)
    {
        string script = "import pandas as pd\nfrom sklearn.svm import SVC\ndf = " + read + "\nSVC().fit(X, y)\n";
        Assert.Empty(SeedsFixtures.Of("MLO702", Doc("train.py", script), Ignore("data/\n*.csv\n*.yaml\n")));
    }

    [Fact]
    public void A_checksum_the_script_verifies_pins_the_data()
    {
        const string script = "import hashlib\nimport pandas as pd\nfrom sklearn.svm import SVC\n"
            + "assert hashlib.sha256(open('data/train.csv', 'rb').read()).hexdigest() == 'ab12'\ndf = pd.read_csv('data/train.csv')\nSVC().fit(X, y)\n";
        Assert.Empty(SeedsFixtures.Of("MLO702", Doc("train.py", script), Ignore()));
        Assert.Single(SeedsFixtures.Of("MLO702", Ignore(), Doc("train.py", script.Replace("assert hashlib.sha256(open('data/train.csv', 'rb').read()).hexdigest() == 'ab12'\n", ""))));
    }

    [Fact]
    public void Scripts_that_do_not_train_and_inference_scripts_are_silent()
    {
        Assert.Empty(SeedsFixtures.Of("MLO702", File("preprocess.py", "preprocess.py"), File("inference.py", "predict.py"), Ignore()));
    }

    [Fact]
    public void Many_scripts_reading_unversioned_data_get_one_finding()
    {
        var docs = new[] { "a", "b", "c" }.Select(n => File("sklearn_prints.py", $"train_{n}.py")).Append(Ignore()).ToArray();
        var f = Assert.Single(SeedsFixtures.Of("MLO702", docs));
        Assert.Equal("train_a.py", f.Path);
        Assert.Contains("2 other training scripts and notebooks read unversioned data too (train_b.py, train_c.py)", f.Message);
        Assert.Equal(2, f.Related.Count);
    }

    [Fact]
    public void Only_data_kept_out_of_git_on_purpose_is_reported()
    {
        const string script = "import pandas as pd\nfrom sklearn.svm import SVC\ndf = pd.read_csv('data/train.csv')\nSVC().fit(df[['a']], df['y'])\n";
        // absent, and no .gitignore says why: it may be downloaded or produced by another step first
        Assert.Empty(SeedsFixtures.Of("MLO702", Doc("train.py", script)));
        Assert.Single(SeedsFixtures.Of("MLO702", Doc("train.py", script), Ignore("*.csv\n")));
        Assert.Single(SeedsFixtures.Of("MLO702", Doc("train.py", script), Ignore("/data\n")));
        Assert.Empty(SeedsFixtures.Of("MLO702", Doc("train.py", script), Ignore("*.csv\n!data/train.csv\n")));
        Assert.Empty(SeedsFixtures.Of("MLO702", Doc("train.py", script), Ignore("other/\n")));
        // an absolute path lives on one machine whatever git says
        var f = Assert.Single(SeedsFixtures.Of("MLO702", Doc("train.py", script.Replace("data/train.csv", "/home/alice/data/train.csv"))));
        Assert.Contains("which is on one machine's disk", f.Message);
    }

    [Fact]
    public void Data_the_repository_produces_itself_is_not_reported()
    {
        const string train = "import pandas as pd\nfrom sklearn.svm import SVC\ndf = pd.read_csv('data/features.csv')\nSVC().fit(df[['a']], df['y'])\n";
        const string features = "import pandas as pd\nraw = pd.read_csv(RAW)\nraw.assign(a=1).to_csv('data/features.csv')\n";
        Assert.Single(SeedsFixtures.Of("MLO702", Doc("train.py", train), Ignore()));
        Assert.Empty(SeedsFixtures.Of("MLO702", Doc("train.py", train), Doc("features.py", features), Ignore()));
        // out-of-fold predictions an ensemble trains on come from the repository's own runs
        Assert.Empty(SeedsFixtures.Of("MLO702", Doc("stack.py", train.Replace("data/features.csv", "data/oof_lgbm.csv")), Ignore()));
    }
}
