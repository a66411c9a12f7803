using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Tests.Configuration;

public class EditorConfigTests
{
    private static readonly RuleDescriptor Rule = RuleCatalog.MLO303;

    private static EditorConfigSet Set(params (string Dir, string Text)[] files) =>
        new(files.Select(f => EditorConfigFile.Parse(f.Dir, f.Text)));

    [Fact]
    public void Id_specific_severity_in_a_matching_section()
    {
        var set = Set(("/repo", "root = true\n[*.cs]\ndotnet_diagnostic.MLO303.severity = error\n"));
        Assert.Equal(Severity.Error, set.SeverityFor("/repo/src/Train.cs", Rule));
        Assert.Null(set.SeverityFor("/repo/src/train.py", Rule));
    }

    [Fact]
    public void Later_section_wins_within_a_file()
    {
        var set = Set(("/repo", "[*]\ndotnet_diagnostic.MLO303.severity = error\n[tests/**]\ndotnet_diagnostic.MLO303.severity = none\n"));
        Assert.Equal(Severity.None, set.SeverityFor("/repo/tests/a/T.cs", Rule));
        Assert.Equal(Severity.Error, set.SeverityFor("/repo/src/T.cs", Rule));
    }

    [Fact]
    public void Closer_file_wins_and_root_true_stops_the_walk()
    {
        var outer = ("/home", "[*]\ndotnet_diagnostic.MLO303.severity = error\n");
        var repo = ("/home/repo", "[*.cs]\ndotnet_diagnostic.MLO303.severity = suggestion\n");
        var nested = ("/home/repo/legacy", "[*.cs]\ndotnet_diagnostic.MLO303.severity = none\n");
        var set = Set(outer, repo, nested);
        Assert.Equal(Severity.None, set.SeverityFor("/home/repo/legacy/Old.cs", Rule));
        Assert.Equal(Severity.Suggestion, set.SeverityFor("/home/repo/New.cs", Rule));
        Assert.Equal(Severity.Error, set.SeverityFor("/home/repo/x.py", Rule)); // only the outer [*] matches

        var rooted = Set(outer, ("/home/repo", "root = true\n[*.cs]\ndotnet_diagnostic.MLO303.severity = warning\n"));
        Assert.Null(rooted.SeverityFor("/home/repo/x.py", Rule)); // outer file ignored below a root
    }

    [Fact]
    public void Id_beats_category_beats_all()
    {
        var set = Set(("/r", "[*]\ndotnet_analyzer_diagnostic.severity = error\n"
            + "dotnet_analyzer_diagnostic.category-MLOps.MissingSeeds.severity = suggestion\n"
            + "[*.cs]\ndotnet_diagnostic.MLO303.severity = warning\n"));
        Assert.Equal(Severity.Warning, set.SeverityFor("/r/a.cs", Rule));
        Assert.Equal(Severity.Suggestion, set.SeverityFor("/r/a.py", Rule));
    }

    [Theory]
    [InlineData("[*.{cs,py}]", "/r/a/b.py", true)]
    [InlineData("[src/**.cs]", "/r/src/a/b.cs", true)]
    [InlineData("[src/*.cs]", "/r/lib/src/b.cs", false)] // a glob with '/' is anchored at the .editorconfig
    [InlineData("[file{1..3}.cs]", "/r/file2.cs", true)]
    [InlineData("[file{1..3}.cs]", "/r/file4.cs", false)]
    [InlineData("[[!a]*.cs]", "/r/a.cs", false)]
    public void Section_globs_follow_the_editorconfig_spec(string header, string path, bool matches)
    {
        var set = Set(("/r", header + "\ndotnet_diagnostic.MLO303.severity = error\n"));
        Assert.Equal(matches ? Severity.Error : (Severity?)null, set.SeverityFor(path, Rule));
    }

    [Fact]
    public void Comments_and_default_are_understood()
    {
        var set = Set(("/r", "# comment\n[*]\ndotnet_diagnostic.MLO303.severity = none # legacy code\n"));
        Assert.Equal(Severity.None, set.SeverityFor("/r/a.cs", Rule));
        var dflt = Set(("/r", "[*]\ndotnet_diagnostic.MLO303.severity = default\n"));
        Assert.Null(dflt.SeverityFor("/r/a.cs", Rule));
    }
}
