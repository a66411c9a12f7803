using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Paths;
using MLOpsLint.Core.Tests.Secrets;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Paths;

public class HardcodedPathRulesTests
{
    private static readonly string[] Family = { "MLO501", "MLO502", "MLO503" };

    [Theory]
    [InlineData("paths.py", "paths.py")]
    [InlineData("config.yaml", "config.yaml")]
    [InlineData("Paths.cs.txt", "Paths.cs")]
    [InlineData("kaggle_kernel.py", "script_template.py")]
    [InlineData("kaggle_online.py", "train.py")]
    [InlineData("kaggle_wheels_unused.py", "script_template.py")]
    public void Fixture_fires_exactly_on_marked_lines(string fixture, string path)
    {
        string text = Fixture.Read("Paths/" + fixture);
        foreach (var id in Family) Fixture.AssertExpectations(path, text, id);
    }

    [Fact]
    public void Notebook_code_cells_are_read_and_outputs_are_not()
    {
        string nb = "{\"cells\":[{\"cell_type\":\"code\",\"metadata\":{},\"execution_count\":1,\"source\":[\"df = pd.read_csv('/content/drive/MyDrive/data.csv')\"],"
            + "\"outputs\":[{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":[\"saved to /home/alice/out.csv\\n\"]}]}],"
            + "\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}";
        var findings = Fixture.Scan("nb.ipynb", nb).Findings.Where(f => f.RuleId.StartsWith("MLO5", StringComparison.Ordinal)).ToList();
        var f = Assert.Single(findings);
        Assert.Equal("MLO502", f.RuleId);
        Assert.Equal("cell 1, line 1", f.LocationHint);
    }

    [Theory]
    [InlineData("run/conf/env/kaggle.yaml", "data_dir: /kaggle/input/hms-harmful-brain-activity-classification\n")]
    [InlineData("kaggle/infer.py", "TEST = '/kaggle/input/competition/test.csv'\n")]
    [InlineData("notebooks/train_colab.py", "df = pd.read_csv('/content/drive/MyDrive/train.csv')\n")]
    [InlineData("jobs/databricks-etl.py", "df = spark.read.parquet('/dbfs/mnt/raw/events')\n")]
    public void A_platform_mount_in_a_file_made_for_that_platform_is_not_reported(string path, string text)
    {
        Assert.DoesNotContain(Fixture.Scan(path, text).Findings, f => f.RuleId == "MLO502");
    }

    [Theory]
    [InlineData("run/conf/env/local.yaml", "data_dir: /kaggle/input/hms-harmful-brain-activity-classification\n")]
    [InlineData("src/train.py", "TEST = '/kaggle/input/competition/test.csv'\n")]
    [InlineData("kaggle/infer.py", "df = pd.read_csv('/content/drive/MyDrive/train.csv')\n")] // another platform's mount
    public void The_same_mount_elsewhere_is_reported(string path, string text)
    {
        Assert.Single(Fixture.Scan(path, text).Findings, f => f.RuleId == "MLO502");
    }

    [Fact]
    public void Dockerfiles_shell_and_test_code_are_not_read()
    {
        Assert.Empty(Fixture.Scan("Dockerfile", "FROM python:3.11\nWORKDIR /home/alice/app\nCOPY . /mnt/app\n").Findings);
        Assert.DoesNotContain(Fixture.Scan("tests/test_io.py", "P = '/home/alice/data.csv'\n").Findings, f => f.RuleId == "MLO501");
        var include = new LintConfig
        {
            RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["MLO501"] = new(new Dictionary<string, object> { ["include-tests"] = true }),
            },
        };
        Assert.Single(Fixture.Findings("tests/test_io.py", "P = '/home/alice/data.csv'\n", "MLO501", include));
    }

    [Fact]
    public void Allowed_prefixes_option()
    {
        var config = new LintConfig
        {
            RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["MLO502"] = new(new Dictionary<string, object> { ["allowed-prefixes"] = new List<object> { "/mnt/shared" } }),
            },
        };
        string text = "A = '/mnt/shared/data.csv'\nB = '/mnt/other/data.csv'\n";
        Assert.Equal(new[] { 2 }, Fixture.Findings("x.py", text, "MLO502", config).Select(f => f.Span.StartLine));
    }

    [Fact]
    public void Fix_names_a_project_relative_alternative()
    {
        var f = Assert.Single(Fixture.Findings("x.py", "DATA = '/home/alice/proj/data/train.csv'\n", "MLO501"));
        Assert.Contains("Path(__file__).resolve().parent / \"data\" / \"train.csv\"", f.Fix);
        var cs = Assert.Single(Fixture.Findings("X.cs", "class X { string d = \"/home/alice/proj/data/train.csv\"; }\n", "MLO501"));
        Assert.Contains("Path.Combine(AppContext.BaseDirectory, \"data\", \"train.csv\")", cs.Fix);
    }

    [Fact]
    public void Path_on_a_line_with_a_secret_is_masked()
    {
        string line = $"URI = \"s3://bucket/home?x=1\"; TOKEN = \"{FakeSecrets.GitHub()}\"; P = \"/home/alice/data.csv\"\n";
        var f = Assert.Single(Fixture.Findings("x.py", line, "MLO501"));
        Assert.True(f.IsSensitive);
        Assert.True(f.Span.StartColumn <= line.IndexOf("ghp_", StringComparison.Ordinal) + 1);
    }

    [Theory]
    [InlineData("/home/alice/x", true)]
    [InlineData("c:/../../", false)]
    [InlineData(@"c:\pagefile.sys does not exist", true)]
    [InlineData("file:///home/alice/data.csv", true)]
    [InlineData("/home/", false)]
    [InlineData("/Users/Shared/data", false)]
    [InlineData(@"C:\Users\Public\data.csv", false)]
    public void Finder_cases(string value, bool found) => Assert.Equal(found, HardcodedPathFinder.Find(value).Count > 0);

    [Fact]
    public void Path_stops_at_the_end_of_the_path()
    {
        Assert.Equal(@"c:\pagefile.sys", HardcodedPathFinder.Find(@"c:\pagefile.sys does not exist").Single().Path);
        Assert.Equal(@"C:\Program Files\x\y.txt".Replace("Program Files", "Data Sets"), HardcodedPathFinder.Find(@"C:\Data Sets\x\y.txt").Single().Path);
    }
}
