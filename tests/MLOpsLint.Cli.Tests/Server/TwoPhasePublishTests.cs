using MLOpsLint.Cli.Server;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Tests.Server;

/// <summary>
/// The language server in a big workspace: an edit's own findings (its document checks, and the seed rules that judge
/// one file with the whole repository's seed helpers) are published before the full repository pass, the other
/// cross-file findings on the edited file move with its lines meanwhile, and the full pass republishes what changed.
/// </summary>
public sealed class TwoPhasePublishTests
{
    private const string Helpers = "import random\nimport numpy as np\n\n\ndef set_seed(seed):\n    random.seed(seed)\n    np.random.seed(seed)\n";

    private const string Seeded =
        "import pandas as pd\n" +
        "from sklearn.ensemble import RandomForestClassifier\n" +
        "from sklearn.model_selection import train_test_split\n" +
        "from utils import set_seed\n" +
        "\n" +
        "set_seed(0)\n" +
        "df = pd.read_csv('data.csv')\n" +
        "train, test = train_test_split(df)  # MARK\n" +
        "RandomForestClassifier().fit(train.x, train.y)\n";

    private static string Unseeded => Seeded.Replace("set_seed(0)\n", "", StringComparison.Ordinal);

    /// <summary>A repository check that is not file-scoped: MLO501 on each line marked <c># MARK</c> (with a fix), and one
    /// whole-file finding saying how many lines the file has. Blocks while <see cref="Gate"/> is closed.</summary>
    private sealed class MarkerCheck : IRepositoryCheck
    {
        public ManualResetEventSlim Gate { get; } = new(true);

        public int Runs;

        public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO501 };

        public void Check(RepositorySnapshot repository, CheckContext context)
        {
            Gate.Wait(TimeSpan.FromMinutes(2));
            Interlocked.Increment(ref Runs);
            foreach (var d in repository.Documents.Where(d => d.Path == "train.py"))
            {
                var lines = d.Text.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    if (!lines[i].Contains("# MARK", StringComparison.Ordinal)) continue;
                    context.Report(new Finding(RuleCatalog.MLO501, d.Path, new SourceSpan(i + 1, 1, i + 1, 5), "marked line")
                    {
                        Edit = new TextEdit(new SourceSpan(i + 1, 1, i + 1, 5), "mark", "fix the mark"),
                    });
                }
                context.Report(new Finding(RuleCatalog.MLO501, d.Path, SourceSpan.WholeFile, $"{lines.Length - 1} lines"));
            }
        }
    }

    private static TempRepo Repository()
    {
        var repo = TempRepo.Git();
        repo.Write("utils.py", Helpers);
        repo.Write("train.py", Seeded);
        repo.Commit();
        return repo;
    }

    private static (string Rule, SourceSpan Span, string Message)[] Shown(IEnumerable<Finding> findings) =>
        findings.Select(f => (f.RuleId, f.Span, f.Message)).OrderBy(x => x.RuleId).ThenBy(x => x.Span.StartLine).ThenBy(x => x.Message).ToArray();

    [Fact]
    public void An_edit_gets_its_cross_file_seed_findings_before_the_full_pass_and_they_equal_the_full_pass()
    {
        using var repo = Repository();
        var ws = new Workspace(repo.Root);
        ws.Load();
        Assert.DoesNotContain(ws.FindingsFor("train.py"), f => f.RuleId == "MLO301"); // utils.set_seed seeds NumPy

        ws.SetText("train.py", Unseeded);
        ws.Relint(new[] { "train.py" }, repository: false);
        Assert.False(ws.RepositoryIsCurrent);
        var early = Shown(ws.FindingsFor("train.py"));
        Assert.Contains(early, f => f.Rule == "MLO301" && f.Span.StartLine == 7); // train_test_split, a line up

        var run = ws.StartRepositoryRun();
        run.Run();
        Assert.True(ws.Complete(run));
        Assert.True(ws.RepositoryIsCurrent);
        Assert.Equal(Shown(ws.FindingsFor("train.py")), early);

        // and back: the helper call restored, the finding goes at once
        ws.SetText("train.py", Seeded);
        ws.Relint(new[] { "train.py" }, repository: false);
        Assert.DoesNotContain(ws.FindingsFor("train.py"), f => f.RuleId == "MLO301");
    }

    [Fact]
    public void The_other_cross_file_findings_move_with_the_edited_lines_until_the_full_pass()
    {
        using var repo = Repository();
        var marker = new MarkerCheck();
        var ws = new Workspace(repo.Root, new ICheck[] { marker });
        ws.Load();
        var before = ws.FindingsFor("train.py").Single(f => f.Message == "marked line");
        Assert.Equal(8, before.Span.StartLine);
        Assert.NotNull(before.Edit);

        // two lines inserted above it
        ws.SetText("train.py", "# a comment\n# another\n" + Seeded);
        ws.Relint(new[] { "train.py" }, repository: false);
        var moved = ws.FindingsFor("train.py").Single(f => f.Message == "marked line");
        Assert.Equal(10, moved.Span.StartLine);
        Assert.Equal(before.Span.StartColumn, moved.Span.StartColumn);
        Assert.Equal(10, moved.Edit!.Span.StartLine); // its fix moves with it
        Assert.Contains(ws.FindingsFor("train.py"), f => f.Span == SourceSpan.WholeFile && f.Message == "9 lines"); // the last pass's word

        // the marked line itself edited: its old finding may no longer hold, so it is not shown until the pass says so
        ws.SetText("train.py", "# a comment\n# another\n" + Seeded.Replace("(df)  # MARK", "(df, test_size=0.3)  # MARK", StringComparison.Ordinal));
        ws.Relint(new[] { "train.py" }, repository: false);
        Assert.DoesNotContain(ws.FindingsFor("train.py"), f => f.Message == "marked line");

        var run = ws.StartRepositoryRun();
        run.Run();
        Assert.True(ws.Complete(run));
        var after = ws.FindingsFor("train.py");
        Assert.Equal(10, after.Single(f => f.Message == "marked line").Span.StartLine);
        Assert.Equal(10, after.Single(f => f.Message == "marked line").Edit!.Span.StartLine);
        Assert.Contains(after, f => f.Message == "11 lines");
    }

    [Fact]
    public void An_older_pass_that_ends_after_a_newer_one_is_not_taken()
    {
        using var repo = Repository();
        var ws = new Workspace(repo.Root);
        ws.Load();
        ws.SetText("train.py", Unseeded);
        ws.Relint(new[] { "train.py" }, repository: false);
        var older = ws.StartRepositoryRun();
        ws.SetText("train.py", Seeded);
        ws.Relint(new[] { "train.py" }, repository: false);
        var newer = ws.StartRepositoryRun();
        newer.Run();
        older.Run();
        Assert.True(ws.Complete(newer));
        Assert.False(ws.Complete(older));
        Assert.DoesNotContain(ws.FindingsFor("train.py"), f => f.RuleId == "MLO301");
    }

    private sealed class RecordingClient : IEditorClient
    {
        public List<(string Uri, int? Version, IReadOnlyList<EditorFinding> Findings)> Published { get; } = new();

        public List<string> Logs { get; } = new();

        public void Publish(string uri, int? version, IReadOnlyList<EditorFinding> findings, Func<string, string?> uriOfPath)
        {
            lock (Published) Published.Add((uri, version, findings));
        }

        public void Log(bool error, string message)
        {
            lock (Logs) Logs.Add(message);
        }

        public IProgressReport BeginProgress(string title) => new NoProgress();

        private sealed class NoProgress : IProgressReport
        {
            public void Report(string message, int percentage)
            {
            }

            public void Dispose()
            {
            }
        }
    }

    [Fact]
    public async Task The_worker_publishes_the_edit_while_the_full_pass_is_still_running_then_what_the_pass_changed()
    {
        using var repo = Repository();
        var marker = new MarkerCheck();
        var ws = new Workspace(repo.Root, new ICheck[] { marker });
        ws.Load();
        var state = new ServerState();
        var client = new RecordingClient();
        // a limit of zero: every full pass runs in the background, as in a workspace where it takes seconds
        var worker = new LintWorker(state, ws, client, TimeSpan.Zero, inlineRepositoryLimit: TimeSpan.Zero, smallWorkspace: 0, repositoryIdle: TimeSpan.Zero);
        string uri = new Uri(Path.Combine(repo.Root, "train.py")).AbsoluteUri;
        state.Open(new OpenText(uri, "train.py", 1, Seeded));
        worker.Apply(state.Take(), everything: true);
        await worker.RepositoryPass!;
        worker.Apply(state.Take(), everything: false);
        Assert.Null(worker.RepositoryPass);
        client.Published.Clear();

        marker.Gate.Reset(); // the next full pass hangs until the test lets it go
        int runs = marker.Runs;
        state.Change("train.py", t => t with { Version = 2, Text = "# a comment\n# another\n" + Unseeded });
        worker.Apply(state.Take(), everything: false);
        var early = client.Published.Single();
        Assert.Equal(2, early.Version);
        Assert.False(worker.RepositoryPass!.IsCompleted);
        Assert.Equal(runs, marker.Runs);
        Assert.Contains(early.Findings, f => f.Finding.RuleId == "MLO301" && f.Range.Start.Line == 8); // file-scoped: fresh
        Assert.Contains(early.Findings, f => f.Finding.Message == "marked line" && f.Range.Start.Line == 8); // carried: moved
        Assert.Contains(early.Findings, f => f.Finding.Message == "9 lines"); // carried: the last pass's

        marker.Gate.Set();
        await worker.RepositoryPass!;
        worker.Apply(state.Take(), everything: false);
        var late = client.Published.Skip(1).Single();
        Assert.Equal(2, late.Version);
        Assert.Contains(late.Findings, f => f.Finding.Message == "10 lines");
        Assert.DoesNotContain(late.Findings, f => f.Finding.Message == "9 lines");
        Assert.Equal(early.Findings.Count(f => f.Finding.RuleId == "MLO301"), late.Findings.Count(f => f.Finding.RuleId == "MLO301"));

        // a pass that changes nothing publishes nothing
        client.Published.Clear();
        state.Change("train.py", t => t with { Version = 3, Text = t.Text + "\n" });
        worker.Apply(state.Take(), everything: false);
        Assert.Single(client.Published);
        await worker.RepositoryPass!;
        worker.Apply(state.Take(), everything: false);
        Assert.Equal(2, client.Published.Count); // the line count changed: republished
        client.Published.Clear();
        state.Change("train.py", t => t with { Version = 4, Text = t.Text.Replace("# another", "# other", StringComparison.Ordinal) });
        worker.Apply(state.Take(), everything: false);
        await worker.RepositoryPass!;
        worker.Apply(state.Take(), everything: false);
        Assert.Single(client.Published); // the same findings after the pass: no second publication
    }

    [Fact]
    public async Task The_background_pass_waits_for_the_typing_to_pause()
    {
        using var repo = Repository();
        var marker = new MarkerCheck();
        var ws = new Workspace(repo.Root, new ICheck[] { marker });
        ws.Load();
        var state = new ServerState();
        var client = new RecordingClient();
        string uri = new Uri(Path.Combine(repo.Root, "train.py")).AbsoluteUri;

        // typing that never pauses long enough: the edits are published, no full pass starts
        var patient = new LintWorker(state, ws, client, TimeSpan.Zero, inlineRepositoryLimit: TimeSpan.Zero, smallWorkspace: 0, repositoryIdle: TimeSpan.FromHours(1));
        state.Open(new OpenText(uri, "train.py", 1, Seeded));
        patient.Apply(state.Take(), everything: true);
        int runs = marker.Runs;
        state.Change("train.py", t => t with { Version = 2, Text = "# a comment\n" + t.Text });
        patient.Apply(state.Take(), everything: false);
        Assert.Null(patient.RepositoryPass);
        Assert.Equal(runs, marker.Runs);
        var early = client.Published.Last();
        Assert.Equal(2, early.Version);
        Assert.Contains(early.Findings, f => f.Finding.Message == "9 lines"); // carried from the last pass

        // the running worker: once the edits stop, the pass runs and publishes what it changed
        client.Published.Clear();
        var worker = new LintWorker(state, ws, client, TimeSpan.Zero, inlineRepositoryLimit: TimeSpan.Zero, smallWorkspace: 0, repositoryIdle: TimeSpan.FromMilliseconds(50));
        using var stop = new CancellationTokenSource();
        var loop = worker.RunAsync(stop.Token);
        state.Change("train.py", t => t with { Version = 3, Text = "# another\n" + t.Text });
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !Published().Any(p => p.Version == 3 && p.Findings.Any(f => f.Finding.Message == "11 lines")))
        {
            await Task.Delay(20);
        }
        Assert.Contains(Published(), p => p.Version == 3 && p.Findings.Any(f => f.Finding.Message == "11 lines"));
        Assert.True(marker.Runs > runs);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);

        List<(string Uri, int? Version, IReadOnlyList<EditorFinding> Findings)> Published()
        {
            lock (client.Published) return client.Published.ToList();
        }
    }
}
