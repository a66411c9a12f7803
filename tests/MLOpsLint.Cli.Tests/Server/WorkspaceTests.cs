using MLOpsLint.Cli.Server;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Tests.Server;

/// <summary>The server's workspace: a crashing check is a logged error, not a dead server; a huge or binary buffer is
/// read the way scan reads a big file and does not hold up the rest; ignored files are not "committed".</summary>
public sealed class WorkspaceTests
{
    private sealed class ExplodingCheck : IDocumentCheck
    {
        public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO501 };

        public bool AppliesTo(SourceDocument document) => document.Path.EndsWith("boom.py", StringComparison.Ordinal);

        public void Check(SourceDocument document, CheckContext context) => throw new InvalidOperationException("kaboom");
    }

    [Fact]
    public void A_check_that_throws_is_logged_and_the_other_checks_still_report()
    {
        using var repo = TempRepo.Git();
        repo.Write("boom.py", "from sklearn.model_selection import train_test_split\na, b = train_test_split(X, y)\np = '/home/alice/x.csv'\n");
        repo.Commit();
        var logged = new List<string>();
        var ws = new Workspace(repo.Root, new ICheck[] { new ExplodingCheck() }) { Log = logged.Add };
        ws.Load();
        Assert.Contains(logged, l => l.Contains("internal error in ExplodingCheck: InvalidOperationException: kaboom", StringComparison.Ordinal));
        var codes = ws.FindingsFor("boom.py").Select(f => f.RuleId).ToArray();
        Assert.Contains("MLO301", codes);
        Assert.Contains("MLO501", codes); // the real path check still ran; only the exploding one is lost
        logged.Clear();
        ws.SetText("boom.py", "x = 1\n");
        ws.Relint(new[] { "boom.py" });
        Assert.Contains(logged, l => l.Contains("kaboom", StringComparison.Ordinal));
        Assert.Empty(ws.FindingsFor("boom.py"));
    }

    [Fact]
    public void A_huge_buffer_keeps_only_its_head_and_binary_text_is_not_read_as_code()
    {
        using var repo = TempRepo.Git();
        repo.Write("train.py", "from sklearn.model_selection import train_test_split\na, b = train_test_split(X, y)\n");
        repo.Commit();
        var ws = new Workspace(repo.Root);
        ws.Load();
        var line = "p = '/home/alice/x.csv'\n";
        var huge = string.Concat(Enumerable.Repeat(line, 11_000_000 / line.Length));
        var doc = ws.SetText("big.py", huge);
        Assert.False(doc.IsComplete);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        ws.Relint(new[] { "big.py" });
        // over the size cap the text rules skip it, as scan does; the point is that it cannot hold the server for long
        Assert.Empty(ws.FindingsFor("big.py"));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"re-checking took {sw.Elapsed}");
        // a small file with the same line is flagged: the cap is what silenced it
        ws.SetText("small.py", line);
        ws.Relint(new[] { "small.py" });
        Assert.Equal("MLO501", ws.FindingsFor("small.py").Single().RuleId);

        var binary = ws.SetText("blob.py", "p = '/home/alice/x.csv'\0\0\0\n");
        Assert.True(binary.IsBinary);
        ws.Relint(new[] { "blob.py" });
        Assert.Empty(ws.FindingsFor("blob.py"));
        Assert.Equal("MLO301", ws.FindingsFor("train.py").Single().RuleId);
    }

    [Fact]
    public void An_open_file_that_git_ignores_is_not_committed_data()
    {
        using var repo = TempRepo.Git();
        repo.Write(".gitignore", "scratch/\n");
        var csv = "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 200_000));
        repo.Write("scratch/big.csv", csv);
        repo.Write("data/big.csv", csv);
        repo.Commit();
        var ws = new Workspace(repo.Root);
        ws.Load();
        ws.SetText("scratch/big.csv", csv);
        ws.SetText("data/big.csv", csv);
        ws.Relint(new[] { "scratch/big.csv", "data/big.csv" });
        Assert.Empty(ws.FindingsFor("scratch/big.csv"));
        Assert.Equal("MLO101", ws.FindingsFor("data/big.csv").Single().RuleId);
    }
}
