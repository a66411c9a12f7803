using System.Text;
using MLOpsLint.Cli.Discovery;
using MLOpsLint.Cli.Reporting;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Cli.Commands;

/// <summary><c>mlops-lint scan</c>: run, report, and turn the result into an exit code.</summary>
internal static class ScanCommand
{
    public static int Execute(ScanOptions options, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal)
    {
        var progress = stderrIsTerminal && !options.Quiet ? new Progress(stderr) : null;
        ScanRunner.Outcome outcome;
        try
        {
            outcome = ScanRunner.Run(options, applyBaseline: true, progress == null ? null : progress.Report);
        }
        catch (UsageException e)
        {
            progress?.Clear();
            stderr.WriteLine($"mlops-lint: error: {e.Message}");
            return ExitCodes.CannotRun;
        }
        catch (ConfigException e)
        {
            progress?.Clear();
            stderr.WriteLine($"mlops-lint: error: configuration {e.Message}");
            stderr.WriteLine("  fix the file, or run with --config pointing at a valid one");
            return ExitCodes.CannotRun;
        }
        progress?.Clear();
        // every secret found anywhere in the scan is masked in everything written from here on, wherever it recurs
        var secrets = outcome.Result.Secrets.Concat(Core.Engine.LintResult.SecretsOf(outcome.Result.Findings)).ToArray();
        var known = RedactingWriter.Learn(stdout, secrets);
        RedactingWriter.Learn(stderr, secrets); // the same mask when both come from Program (nothing new then)
        if (options.Fix || options.Diff)
        {
            if (Fix.FixCommand.Execute(options, outcome, stdout, stderr) is int done) return done;
            // --fix wrote its fixes: scan again for what is left. The first scan's documents, summaries and findings are let go
            // first: held by this frame, they stayed alive through the whole second scan, whose peak was then both scans'
            outcome = null!;
            // and collected, the large-object heap compacted and the memory given back: without it the second scan grows on
            // top of the first one's garbage (the hostile corpus: 540 MB at peak against 470 MB for one scan)
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return Execute(options with { Fix = false, Diff = false }, stdout, stderr, stdoutIsTerminal, stderrIsTerminal);
        }

        var result = outcome.Result;
        var report = new ScanReport(result, outcome.Root, outcome.Documents, outcome.Config.FailLevel) { History = outcome.History, DocumentOf = outcome.DocumentOf };

        // scan problems: stderr, so stdout holds only the report
        if (options.Format != OutputFormat.GitHub)
        {
            foreach (var d in result.Diagnostics)
            {
                if (d.Level == ScanDiagnosticLevel.Note && !options.Verbose) continue;
                stderr.WriteLine($"mlops-lint: {d}");
            }
        }

        if (options.Verbose && result.Scopes is { } scopes) WriteScopes(scopes, result.OutOfScope, stderr);
        if (options.Verbose && outcome.CacheNote != null) stderr.WriteLine("mlops-lint: note: " + outcome.CacheNote);
        if (options.Verbose && outcome.History is { Timing.Length: > 0 } h) stderr.WriteLine("mlops-lint: note: " + h.Timing);
        if (options.Verbose && result.CheckTimes.Count > 0)
        {
            stderr.WriteLine("mlops-lint: note: CPU time (summed over threads; each check, parse and decode charged its own share): " + string.Join(", ",
                result.CheckTimes.OrderByDescending(kv => kv.Value).Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value.TotalSeconds:0.000} s"))));
            // the heap is what made large scans slow (every parsed module kept alive): show what the collector cost, and what
            // the peak is made of: what was allocated in all, what outlived the last collection, what the heap took from the system
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            stderr.WriteLine(FormattableString.Invariant(
                $"mlops-lint: note: garbage collections: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2, threads paused {GC.GetTotalPauseDuration().TotalSeconds:0.000} s, peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB; {GC.GetTotalAllocatedBytes() / 1_000_000} MB allocated, {gc.HeapSizeBytes / 1_000_000} MB in the heap after the last collection (gen{gc.Generation}), {gc.TotalCommittedBytes / 1_000_000} MB committed"));
        }

        string prefix = GitHubPathPrefix(outcome.Root);
        // the Action hands over a token: every finding becomes an annotation of a check run (past the 10 per severity
        // that workflow commands get); a token that may not write checks falls back to workflow commands
        GitHubChecks.Result? checks = null;
        if (options.Format == OutputFormat.GitHub && GitHubChecks.FromEnvironment(Environment.GetEnvironmentVariable) is { } target)
        {
            if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            {
                stderr.WriteLine($"mlops-lint: warning: the check run could not be written (Octokit needs reflection, and {NativeAotLimits.UseJitBuild}); findings are workflow-command annotations instead");
            }
            else
            {
                checks = GitHubChecks.Publish(target, report, prefix, text => RedactingWriter.Scrub(text, known));
                if (checks.Status != GitHubChecks.Status.Published)
                {
                    stderr.WriteLine($"mlops-lint: warning: the check run could not be written ({checks.Detail}); findings are workflow-command annotations instead");
                }
            }
        }
        IReporter main = options.Format switch
        {
            OutputFormat.Json => new JsonReporter(),
            OutputFormat.Sarif => new SarifReporter(),
            OutputFormat.GitHub => new GitHubReporter(prefix) { FindingAnnotations = checks?.Status != GitHubChecks.Status.Published },
            _ => new TextReporter(new Ansi(options.OutputFile == null && Ansi.ShouldColor(options.NoColor, !stdoutIsTerminal)), options.Quiet),
        };
        try
        {
            if (options.OutputFile != null) WriteFile(options.OutputFile, main, report, known);
            else main.Write(report, stdout);
            if (options.SarifFile != null) WriteFile(options.SarifFile, new SarifReporter(), report, known);
            if (options.JsonFile != null) WriteFile(options.JsonFile, new JsonReporter(), report, known);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"mlops-lint: error: cannot write the report: {e.Message}");
            return ExitCodes.CannotRun;
        }

        if (options.Format == OutputFormat.GitHub)
        {
            string? summaryPath = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
            if (!string.IsNullOrEmpty(summaryPath))
            {
                try
                {
                    File.AppendAllText(summaryPath, RedactingWriter.Scrub(GitHubSummary.Build(report, checks: checks), known), new UTF8Encoding(false));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"mlops-lint: warning: cannot write the job summary to {summaryPath}: {e.Message}");
                }
            }
        }
        return ExitCodes.For(result, outcome.Config.FailLevel);
    }

    /// <summary>--verbose: what the repository and each file were judged to be, and why.</summary>
    private static void WriteScopes(Core.Scope.ScopeModel scopes, int outOfScope, TextWriter stderr)
    {
        stderr.WriteLine($"mlops-lint: note: repository: {scopes.Repository}");
        foreach (var (path, verdict) in scopes.Verdicts)
        {
            stderr.WriteLine($"mlops-lint: note: scope: {path} = {verdict}");
        }
        if (outOfScope > 0) stderr.WriteLine($"mlops-lint: note: {outOfScope} finding(s) dropped in files their rule does not judge (see each rule page's Scopes)");
    }

    private static void WriteFile(string path, IReporter reporter, ScanReport report, KnownSecrets known)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir != null) Directory.CreateDirectory(dir);
        using var writer = new RedactingWriter(new StreamWriter(path, false, new UTF8Encoding(false)), known);
        reporter.Write(report, writer);
    }

    /// <summary>Annotations need paths relative to GITHUB_WORKSPACE; a repository scanned in a subfolder of it gets a prefix.</summary>
    private static string GitHubPathPrefix(string root)
    {
        string? workspace = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE");
        if (string.IsNullOrEmpty(workspace)) return "";
        string rel = Path.GetRelativePath(Path.GetFullPath(workspace), root).Replace('\\', '/');
        return rel == "." || rel.StartsWith("..", StringComparison.Ordinal) ? "" : rel.TrimEnd('/') + "/";
    }

    /// <summary>A one-line status on a terminal's stderr, erased when done.</summary>
    private sealed class Progress
    {
        private readonly TextWriter stderr;
        private int lastLength;

        public Progress(TextWriter stderr)
        {
            this.stderr = stderr;
        }

        public void Report(string message)
        {
            string line = "mlops-lint: " + message;
            stderr.Write("\r" + line.PadRight(lastLength));
            stderr.Flush(); // a status line has no newline: show it now
            lastLength = line.Length;
        }

        public void Clear()
        {
            if (lastLength > 0) stderr.Write("\r" + new string(' ', lastLength) + "\r");
            stderr.Flush();
            lastLength = 0;
        }
    }
}

internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int CannotRun = 2;

    /// <summary>2 when part of the scan could not be done (an object the mode needs is missing or corrupt, a check failed
    /// with an internal error): an error-level scan diagnostic says what, and a scan that could not judge everything never
    /// passes. Otherwise 1 for findings at or above the fail level, else 0.</summary>
    public static int For(Core.Engine.LintResult result, Core.Rules.Severity failLevel) =>
        result.Diagnostics.Any(d => d.Level == ScanDiagnosticLevel.Error) ? CannotRun
        : result.HasFailures(failLevel) ? Findings : Clean;
}
