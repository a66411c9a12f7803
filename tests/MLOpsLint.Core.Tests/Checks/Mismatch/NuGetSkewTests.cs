namespace MLOpsLint.Core.Tests.Checks.Mismatch;

public class NuGetSkewTests
{
    private static string Project(params (string Id, string Version)[] packages) =>
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n"
        + string.Concat(packages.Select(p => p.Version.Length == 0
            ? $"    <PackageReference Include=\"{p.Id}\" />\n"
            : $"    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />\n"))
        + "  </ItemGroup>\n</Project>\n";

    [Fact]
    public void Microsoft_ML_skew_between_trainer_and_web_api()
    {
        var f = Assert.Single(Repo.Run("MLO607",
            ("src/Trainer/Trainer.csproj", Project(("Microsoft.ML", "3.0.1"), ("Newtonsoft.Json", "13.0.3"))),
            ("src/WebApi/WebApi.csproj", Project(("Microsoft.ML", "2.0.0"), ("Newtonsoft.Json", "12.0.1")))));
        Assert.Equal(("src/WebApi/WebApi.csproj", 3), (f.Path, f.Span.StartLine));
        Assert.Contains("2.0.0", f.Message);
        Assert.Contains("3.0.1", f.Message);
        Assert.Equal(("src/Trainer/Trainer.csproj", 3), (f.Related[0].Path, f.Related[0].Span.StartLine));
    }

    [Theory]
    [InlineData("3.0.1", "3.0.1")]
    [InlineData("3.0", "3.0.0")]
    [InlineData("3.0.1", "[3.0.1]")]
    [InlineData("3.0.1", "[3.0.1, 4.0)")]
    [InlineData("3.0.1", "3.*")]
    [InlineData("3.0.1", "$(MLVersion)")]
    public void Same_restored_version_or_unknown_is_silent(string a, string b)
    {
        Assert.Empty(Repo.Run("MLO607",
            ("src/Trainer/Trainer.csproj", Project(("Microsoft.ML", a))),
            ("src/WebApi/WebApi.csproj", Project(("Microsoft.ML", b)))));
    }

    [Fact]
    public void Other_packages_only_when_asked()
    {
        var files = new[]
        {
            ("a/A.csproj", Project(("Newtonsoft.Json", "13.0.3"))),
            ("b/B.csproj", Project(("Newtonsoft.Json", "12.0.1"))),
        };
        Assert.Empty(Repo.Run("MLO607", files));
        Assert.Single(Repo.Run(Repo.Config("[rules.MLO607]\npackages = [\"*\"]\n"), "MLO607", files));
    }

    [Fact]
    public void Different_solutions_are_not_compared()
    {
        var files = new[]
        {
            ("one/One.sln", "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"A\", \"A\\A.csproj\", \"{1}\"\nEndProject\n"),
            ("two/Two.slnx", "<Solution>\n  <Project Path=\"B/B.csproj\" />\n</Solution>\n"),
            ("one/A/A.csproj", Project(("Microsoft.ML", "3.0.1"))),
            ("two/B/B.csproj", Project(("Microsoft.ML", "2.0.0"))),
        };
        Assert.Empty(Repo.Run("MLO607", files));
    }

    [Fact]
    public void Central_package_management_with_an_override()
    {
        var f = Assert.Single(Repo.Run("MLO607",
            ("Directory.Packages.props", "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Microsoft.ML\" Version=\"3.0.1\" />\n  </ItemGroup>\n</Project>\n"),
            ("src/Trainer/Trainer.csproj", Project(("Microsoft.ML", ""))),
            ("src/WebApi/WebApi.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Microsoft.ML\" VersionOverride=\"2.0.0\" />\n  </ItemGroup>\n</Project>\n")));
        Assert.Equal("src/WebApi/WebApi.csproj", f.Path);
        Assert.Equal("Directory.Packages.props", f.Related[0].Path);
        Assert.Empty(Repo.Run("MLO607",
            ("Directory.Packages.props", "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Microsoft.ML\" Version=\"3.0.1\" />\n  </ItemGroup>\n</Project>\n"),
            ("src/Trainer/Trainer.csproj", Project(("Microsoft.ML", ""))),
            ("src/WebApi/WebApi.csproj", Project(("Microsoft.ML", "")))));
    }
}
