using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Tests.Configuration;

public class ConfigParserTests
{
    private static LintConfig? Parse(string text, List<ScanDiagnostic> warnings, bool pyproject = true) =>
        ConfigParser.Parse(text, pyproject ? "pyproject.toml" : "mlops-lint.toml", pyproject, warnings);

    [Fact]
    public void Reads_every_setting_from_pyproject()
    {
        var w = new List<ScanDiagnostic>();
        var c = Parse("""
            [project]
            name = "x"

            [tool.mlops-lint]
            select = ["MLO3"]
            ignore = ["MLO303"]
            exclude = ["samples/**"]
            fail-level = "error"
            honor-bare-noqa = true
            max-file-size = "2MB"

            [tool.mlops-lint.per-file-ignores]
            "tests/**" = ["MLO3"]

            [tool.mlops-lint.severity]
            MLO303 = "suggestion"
            """, w)!;
        Assert.Empty(w);
        Assert.Equal(new[] { "MLO3" }, c.Select);
        Assert.Equal(new[] { "MLO303" }, c.Ignore);
        Assert.True(c.Exclude.IsMatch("samples/a/b.py"));
        Assert.Equal(Severity.Error, c.FailLevel);
        Assert.True(c.HonorBareNoqa);
        Assert.Equal(2_000_000, c.MaxTextFileSize);
        Assert.Equal(Severity.None, c.EffectiveSeverity(RuleCatalog.MLO303, "src/a.cs")); // ignored
        Assert.Single(c.PerFileIgnores);
    }

    [Fact]
    public void Pyproject_without_our_table_is_no_configuration()
    {
        Assert.Null(Parse("[project]\nname = \"x\"\n", new List<ScanDiagnostic>()));
    }

    [Fact]
    public void Dedicated_file_uses_top_level_keys()
    {
        var c = Parse("fail-level = \"suggestion\"\n", new List<ScanDiagnostic>(), pyproject: false)!;
        Assert.Equal(Severity.Suggestion, c.FailLevel);
    }

    [Fact]
    public void Malformed_toml_names_file_and_line()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[tool.mlops-lint]\nselect = [\"MLO1\"\nfail-level = 3\n", new List<ScanDiagnostic>()));
        Assert.Equal("pyproject.toml", e.Path);
        Assert.NotNull(e.Line);
        Assert.InRange(e.Line!.Value, 2, 3);
        Assert.Contains("invalid TOML", e.Message);
    }

    [Fact]
    public void Wrong_type_is_an_error_on_its_line()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("[tool.mlops-lint]\n\nfail-level = \"loud\"\n", new List<ScanDiagnostic>()));
        Assert.Equal(3, e.Line);
        Assert.Contains("fail-level", e.Message);
    }

    [Fact]
    public void Unknown_keys_and_rule_options_are_warnings_not_silence()
    {
        var w = new List<ScanDiagnostic>();
        Parse("""
            [tool.mlops-lint]
            select = ["MLO3"]
            colour = "always"
            [tool.mlops-lint.rules.MLO303]
            nonsense = 1
            """, w);
        Assert.Contains(w, d => d.Message.Contains("colour") && d.Line == 3);
        Assert.Contains(w, d => d.Message.Contains("nonsense") && d.Message.Contains("MLO303"));
        Assert.All(w, d => Assert.Equal(ScanDiagnosticLevel.Warning, d.Level));
        Assert.DoesNotContain(w, d => d.Message.Contains("MLO3\""));
    }

    /// <summary>Changed from a warning (issue 17): an unknown id stops the scan as it does on the command line, because a
    /// mistyped <c>select</c> ran no rule and passed.</summary>
    [Theory]
    [InlineData("[tool.mlops-lint]\nselect = [\"MLO999\"]\n", "MLO999", 2)]
    [InlineData("[tool.mlops-lint]\nignore = [\"MLO3\", \"ML03\"]\n", "ML03", 2)]
    [InlineData("[tool.mlops-lint.per-file-ignores]\n\"tests/**\" = [\"MLO4\"]\n\"x/**\" = [\"MLO77\"]\n", "MLO77", 3)]
    [InlineData("[tool.mlops-lint.severity]\nMLO303 = \"error\"\nMLO404x = \"error\"\n", "MLO404x", 3)]
    [InlineData("[tool.mlops-lint.rules.MLO888]\nx = 1\n", "MLO888", 1)]
    public void Unknown_rule_ids_stop_the_scan_with_file_and_line(string toml, string id, int line)
    {
        var e = Assert.Throws<ConfigException>(() => Parse(toml, new List<ScanDiagnostic>()));
        Assert.Equal(line, e.Line);
        Assert.Contains(RuleCatalog.NoMatchMessage(id), e.Message);
    }

    [Fact]
    public void Per_file_ignores_apply_by_path()
    {
        var c = Parse("[tool.mlops-lint.per-file-ignores]\n\"legacy/**\" = [\"MLO3\"]\n", new List<ScanDiagnostic>())!;
        Assert.Equal(Severity.None, c.EffectiveSeverity(RuleCatalog.MLO303, "legacy/Old.cs"));
        Assert.Equal(Severity.Warning, c.EffectiveSeverity(RuleCatalog.MLO303, "src/New.cs"));
    }

    [Theory]
    [InlineData("500KB", 500_000)]
    [InlineData("1.5 MB", 1_500_000)]
    [InlineData("2MiB", 2 * 1024 * 1024)]
    [InlineData("746", 746)]
    public void Sizes_parse(string text, long bytes)
    {
        Assert.True(Sizes.TryParse(text, out var b));
        Assert.Equal(bytes, b);
    }
}
