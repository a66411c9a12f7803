using System.Diagnostics;
using System.Text.Json;
using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Hostile;

/// <summary>
/// The real executable over the generated hostile repository (<see cref="HostileCorpus"/>) in every mode — working tree
/// in every format with the report files, the job summary, <c>--staged</c>, <c>--history</c>, <c>--diff</c>,
/// <c>--new-from-rev</c> with and without <c>--changed-lines-only</c>, <c>baseline</c>, <c>--fix</c> (the language server:
/// <see cref="HostileServerTests"/>) — and over each kind of damaged repository (<see cref="CorruptGit"/>). Each run has a
/// time limit enforced by this process (a hang is killed and fails the test; no timing is asserted). Asserted: no
/// internal error and no crash, every regular file checked or named as skipped, every non-regular file and every file
/// nested too deeply named, no planted secret in any output, the same output on a second run, and a damaged repository
/// never passing.
/// </summary>
public class HostileRepositoryTests : IClassFixture<HostileRepositoryTests.Corpus>
{
    /// <summary>How long one run may take before it counts as a hang: a scan takes 5-20 s alone, --fix (two scans) about 40 s,
    /// and several times that when the whole suite runs side by side on two cores.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(300);

    private readonly Corpus corpus;

    public HostileRepositoryTests(Corpus corpus) => this.corpus = corpus;

    /// <summary>Built once for the class: a few seconds of writing and one git commit.</summary>
    public sealed class Corpus : IDisposable
    {
        public Corpus()
        {
            Root = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "hostile-" + Guid.NewGuid().ToString("N"));
            Special = HostileCorpus.CreateRepository(Root, HostileScale.Test);
        }

        public string Root { get; }

        public IReadOnlyList<string> Special { get; }

        public void Dispose()
        {
            HostileCorpus.Unlock(Root);
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (Exception)
            {
                // best effort
            }
        }
    }

    private sealed record Run(int Exit, string Stdout, string Stderr);

    private static Run Cli(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mlops-lint.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in new[] { "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITHUB_ACTIONS" }) psi.Environment.Remove(key);
        if (env != null)
        {
            foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
        }
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Limit))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"mlops-lint {string.Join(" ", args)} did not finish within {Limit.TotalSeconds} s: a hang");
        }
        p.WaitForExit();
        var run = new Run(p.ExitCode, o.Result, e.Result);
        string all = run.Stdout + run.Stderr;
        Assert.True(run.Exit is 0 or 1 or 2, $"mlops-lint {string.Join(" ", args)} exited {run.Exit} (a crash): {Head(run.Stderr)}");
        Assert.DoesNotContain("internal error", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bug in mlops-lint", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Stack overflow", all, StringComparison.Ordinal);
        return run;
    }

    private static string Head(string s) => s.Length > 2000 ? s.Substring(0, 2000) : s;

    internal static void AssertNoSecret(string where, string output)
    {
        foreach (var secret in HostileCorpus.Secrets)
        {
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"{where} holds a whole secret ({secret.Substring(0, 4)}…)");
            string tail = secret.Substring(4);
            Assert.False(tail.Length >= 6 && output.Contains(tail, StringComparison.Ordinal), $"{where} holds the hidden part of a secret ({secret.Substring(0, 4)}…)");
        }
    }

    /// <summary>Regular files below the root, outside .git, as find -type f sees them (no links, FIFOs, sockets).</summary>
    internal static int RegularFiles(string root) =>
        TempRepo.RunIn(root, "find", ".", "-path", "./.git", "-prune", "-o", "-type", "f", "-print0").Split('\0', StringSplitOptions.RemoveEmptyEntries).Length;

    [Fact]
    public void Working_tree_in_every_format_checks_or_names_every_file_leaks_nothing_and_repeats_itself()
    {
        string root = corpus.Root;
        string dir = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "hostile-out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string sarif = Path.Combine(dir, "a.sarif"), json = Path.Combine(dir, "a.json"), summary = Path.Combine(dir, "summary.md");
            var text = Cli(null, "scan", root, "--sarif", sarif, "--json", json, "--exclude", HostileCorpus.GlobBomb(30));
            var github = Cli(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "scan", root, "--format", "github", "--verbose");
            var again = Cli(null, "scan", root, "--sarif", sarif + "2", "--json", json + "2", "--exclude", HostileCorpus.GlobBomb(30));

            // findings were made (a scan that read nothing would pass the rest trivially), and no crash turned into exit 2
            Assert.Equal(1, text.Exit);
            Assert.Contains("MLO401", text.Stdout);
            Assert.Contains("MLO211", text.Stdout);
            Assert.Contains("MLO403", text.Stdout);

            // every regular file was read; every other entry and every file too deep to parse is named
            using var report = JsonDocument.Parse(File.ReadAllText(json));
            int scanned = report.RootElement.GetProperty("summary").GetProperty("filesScanned").GetInt32();
            Assert.Equal(RegularFiles(root), scanned);
            // untracked FIFOs and sockets are not listed by git (it cannot hold them) and so never opened; a tracked file that
            // became a FIFO is listed, and named
            Assert.Contains("serving/requirements.txt: warning: cannot be read (it is a FIFO", text.Stderr);
            foreach (var deep in new[]
                     {
                         ".github/workflows/deep.yml", ".github/workflows/deep-map.yml", "conda/environment.yml", ".config/dotnet-tools.json",
                         "notebooks/deep.ipynb", "deep/pyproject.toml", "deep2/pyproject.toml", "deep/Pipfile", "cs/DeepParens.cs",
                         "cs/DeepGenerics.cs", "cs/DeepBlocks.cs", "cs/DeepLambdas.cs", "cs/DeepIfs.cs",
                     })
            {
                Assert.Contains(deep + ":", text.Stderr);
            }

            // the same input gives the same output
            Assert.Equal(text.Stdout, again.Stdout);
            Assert.Equal(text.Stderr, again.Stderr);
            Assert.Equal(File.ReadAllText(sarif), File.ReadAllText(sarif + "2"));
            Assert.Equal(File.ReadAllText(json), File.ReadAllText(json + "2"));

            foreach (var (where, output) in new[]
                     {
                         ("text stdout", text.Stdout), ("text stderr", text.Stderr), ("sarif file", File.ReadAllText(sarif)), ("json file", File.ReadAllText(json)),
                         ("github stdout", github.Stdout), ("github stderr (verbose)", github.Stderr), ("job summary", File.ReadAllText(summary)),
                     })
            {
                AssertNoSecret(where, output);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_plain_directory_names_every_FIFO_socket_and_link_target_it_did_not_open()
    {
        using var plain = TempRepo.Folder();
        plain.Write("train.py", "import random\nrandom.random()\n");
        var special = HostileCorpus.AddSpecialFiles(plain.Root);
        try
        {
            var r = Cli(null, "scan", plain.Root);
            Assert.Equal(1, r.Exit);
            foreach (var s in special.Where(s => s.StartsWith("special/", StringComparison.Ordinal) && !s.EndsWith(".py", StringComparison.Ordinal) || s.EndsWith("fifo.py", StringComparison.Ordinal) || s.EndsWith("socket.py", StringComparison.Ordinal)))
            {
                Assert.Contains(s + ": warning: cannot be read (it is ", r.Stderr);
            }
            // the configuration lookups met a FIFO .editorconfig too, and said so
            Assert.Contains("special/.editorconfig", r.Stderr);
        }
        finally
        {
            HostileCorpus.Unlock(plain.Root);
        }
    }

    [Fact]
    public void Staged_history_diff_and_baseline_finish_leak_nothing_and_repeat_themselves()
    {
        string root = corpus.Root;
        var staged = Cli(null, "scan", root, "--staged", "--format", "json");
        var history = Cli(null, "scan", root, "--history", "--format", "sarif");
        var diff = Cli(null, "scan", root, "--diff");
        string baselineFile = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", Guid.NewGuid().ToString("N") + "-baseline.json");
        try
        {
            var baseline = Cli(null, "baseline", root, "--output", baselineFile);
            Assert.Equal(0, baseline.Exit);
            var withBaseline = Cli(null, "scan", root, "--baseline", baselineFile, "--format", "json");
            Assert.Equal(0, withBaseline.Exit); // everything is accepted: nothing new

            Assert.Equal(0, staged.Exit); // nothing is staged in the committed corpus
            Assert.Equal(1, history.Exit);
            Assert.Contains("MLO401", history.Stdout);
            Assert.Equal(1, diff.Exit); // the seeds rules have fixes to offer
            Assert.Contains("+++ b/", diff.Stdout);

            Assert.Equal(history.Stdout, Cli(null, "scan", root, "--history", "--format", "sarif").Stdout);
            Assert.Equal(diff.Stdout, Cli(null, "scan", root, "--diff").Stdout);

            foreach (var (where, output) in new[]
                     {
                         ("staged", staged.Stdout + staged.Stderr), ("history", history.Stdout + history.Stderr), ("diff", diff.Stdout + diff.Stderr),
                         ("baseline output", baseline.Stdout + baseline.Stderr), ("baseline file", File.ReadAllText(baselineFile)),
                         ("scan --baseline", withBaseline.Stdout + withBaseline.Stderr),
                     })
            {
                AssertNoSecret(where, output);
            }
        }
        finally
        {
            if (File.Exists(baselineFile)) File.Delete(baselineFile);
        }
    }

    [Fact]
    public void New_from_rev_and_changed_lines_only_finish_leak_nothing_and_repeat_themselves()
    {
        string root = corpus.Root;
        // base is the corpus's empty first commit: every file is new and every line added (libgit2's patch of a new file
        // looked up its diff attributes, and the .gitattributes worst case against the glob victim did not finish in 14 min)
        var fromBase = Cli(null, "scan", root, "--new-from-rev", "base", "--format", "json");
        var lines = Cli(null, "scan", root, "--new-from-rev", "base", "--changed-lines-only", "--format", "sarif");
        // HEAD~1 lacks only the commit that adds .gitattributes: its LFS pattern is what is new (the checkpoint committed as a blob)
        var parent = Cli(null, "scan", root, "--new-from-rev", "HEAD~1", "--changed-lines-only");

        Assert.Equal(1, fromBase.Exit);
        Assert.Contains("\"MLO401\"", fromBase.Stdout);
        Assert.Contains("\"MLO211\"", fromBase.Stdout);
        using (var report = JsonDocument.Parse(fromBase.Stdout))
        {
            Assert.Equal(RegularFiles(root), report.RootElement.GetProperty("summary").GetProperty("filesScanned").GetInt32());
        }
        Assert.Contains("serving/requirements.txt: warning: cannot be read (it is a FIFO", fromBase.Stderr);
        Assert.Contains(".github/workflows/deep.yml:", fromBase.Stderr);
        Assert.Equal(1, lines.Exit);
        Assert.Contains("\"MLO401\"", lines.Stdout);
        Assert.Equal(1, parent.Exit);
        Assert.Contains("MLO104", parent.Stdout);
        Assert.DoesNotContain("MLO401", parent.Stdout);

        Assert.Equal(fromBase.Stdout, Cli(null, "scan", root, "--new-from-rev", "base", "--format", "json").Stdout);
        Assert.Equal(lines.Stdout, Cli(null, "scan", root, "--new-from-rev", "base", "--changed-lines-only", "--format", "sarif").Stdout);
        Assert.Equal(parent.Stdout, Cli(null, "scan", root, "--new-from-rev", "HEAD~1", "--changed-lines-only").Stdout);

        foreach (var (where, run) in new[] { ("--new-from-rev base", fromBase), ("--changed-lines-only", lines), ("--new-from-rev HEAD~1", parent) })
        {
            AssertNoSecret(where, run.Stdout + run.Stderr);
        }
    }

    [Fact]
    public void Fix_on_a_copy_finishes_and_leaks_nothing()
    {
        // --fix writes files: on a corpus of its own, so the other tests keep theirs (not a clone: a checkout makes git
        // match the .gitattributes worst case against the victim, which git's own matcher does not survive)
        string copy = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "hostile-fix-" + Guid.NewGuid().ToString("N"));
        HostileCorpus.CreateRepository(copy, HostileScale.Test with { ManyFiles = 100 });
        try
        {
            var fix = Cli(null, "scan", copy, "--fix");
            Assert.Equal(1, fix.Exit); // credentials and the rest are still there after the seeds are fixed
            Assert.Contains("mlops-lint: fixed ", fix.Stderr);
            AssertNoSecret("--fix", fix.Stdout + fix.Stderr);
        }
        finally
        {
            HostileCorpus.Unlock(copy);
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (Exception)
            {
                // best effort
            }
        }
    }

    [Fact]
    public void A_copied_repository_finishes_and_reports_what_the_original_does()
    {
        // cp -a keeps contents and times but not inodes, so no file's stat data matches the index any more: libgit2's status
        // hashed every tracked file again, matching each against the .gitattributes worst case (the victim's name alone
        // took it minutes). The copy must scan like the original, in every mode that reads the work tree.
        string copy = Path.Combine(Path.GetTempPath(), "mlops-lint-tests", "hostile-copy-" + Guid.NewGuid().ToString("N"));
        var cp = Process.Start(new ProcessStartInfo("cp", new[] { "-a", corpus.Root, copy }) { RedirectStandardError = true })!;
        cp.StandardError.ReadToEnd(); // an unreadable entry may not copy for a user other than root: the rest does
        cp.WaitForExit();
        try
        {
            Assert.True(Directory.Exists(Path.Combine(copy, ".git")) && File.Exists(Path.Combine(copy, HostileCorpus.GlobVictim)));
            // --new-from-rev compared the work tree with the revision through libgit2, which hashed every copied file too
            foreach (var mode in new[] { "", "--diff", "--new-from-rev base", "--new-from-rev HEAD~1 --changed-lines-only" })
            {
                var args = mode.Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(new[] { "--format", "json" }).ToArray();
                var original = Cli(null, new[] { "scan", corpus.Root }.Concat(args).ToArray());
                var copied = Cli(null, new[] { "scan", copy }.Concat(args).ToArray());
                Assert.Equal(1, copied.Exit);
                Assert.Equal(original.Stdout.Replace(corpus.Root, "ROOT"), copied.Stdout.Replace(copy, "ROOT"));
            }
        }
        finally
        {
            HostileCorpus.Unlock(copy);
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (Exception)
            {
                // best effort
            }
        }
    }

    public static TheoryData<string> DamageKinds => new(CorruptGit.Kinds);

    [Theory]
    [MemberData(nameof(DamageKinds))]
    public void A_damaged_repository_is_a_message_and_never_a_pass(string kind)
    {
        using var repo = CorruptGit.Make(kind);
        foreach (var mode in new[] { "--staged", "--history", null })
        {
            var args = mode == null ? new[] { "scan", repo.Root, "--format", "json" } : new[] { "scan", repo.Root, mode, "--format", "json" };
            var r = Cli(null, args);
            // the committed token is reported (exit 1), or the scan says what it could not read (exit 2): never 0
            Assert.True(r.Exit != 0, $"{kind} {mode ?? "(working tree)"} passed silently: {r.Stderr}");
            if (r.Exit == 2) Assert.Contains("mlops-lint: error: ", r.Stderr);
            else Assert.Contains("\"MLO401\"", r.Stdout);
            AssertNoSecret($"{kind} {mode}", r.Stdout + r.Stderr);
        }
    }
}
