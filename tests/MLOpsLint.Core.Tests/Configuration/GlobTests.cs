using MLOpsLint.Core.Configuration;

namespace MLOpsLint.Core.Tests.Configuration;

public class GlobTests
{
    [Theory]
    [InlineData("samples/**", "samples/demo/train.py", true)]
    [InlineData("samples/**", "src/samples.py", false)]
    [InlineData("samples", "samples/demo/train.py", true)] // a directory name matches everything below it
    [InlineData("samples", "lib/samples/x.py", true)] // no slash: at any depth, like .gitignore
    [InlineData("/samples", "lib/samples/x.py", false)]
    [InlineData("*.ipynb", "notebooks/eda.ipynb", true)]
    [InlineData("*.ipynb", "notebooks/eda.ipynb.bak", false)]
    [InlineData("tests/**/*.py", "tests/a/b/test_x.py", true)]
    [InlineData("tests/**/*.py", "tests/test_x.py", true)]
    [InlineData("tests/*.py", "tests/a/test_x.py", false)]
    [InlineData("data/*.{csv,parquet}", "data/train.parquet", true)]
    [InlineData("data/*.{csv,parquet}", "data/train.json", false)]
    [InlineData("model_v?.pkl", "models/model_v2.pkl", true)]
    [InlineData("[!_]*.py", "pkg/_private.py", false)]
    [InlineData("[!_]*.py", "pkg/public.py", true)]
    public void Matches_like_gitignore_style_globs(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new Glob(pattern).IsMatch(path));
    }

    [Fact]
    public void Empty_set_matches_nothing()
    {
        Assert.False(GlobSet.Empty.IsMatch("a.py"));
        Assert.True(new GlobSet(new[] { "x/**", "*.csv" }).IsMatch("data/a.csv"));
    }
}
