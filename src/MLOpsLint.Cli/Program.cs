using System.CommandLine;
using MLOpsLint.Cli.Commands;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli;

internal static class Program
{
    private static int Main(string[] args) =>
        Run(args, Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);

    /// <summary>The whole command line, with the streams injectable for tests.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal)
    {
        // one redaction step for everything the tool prints (see RedactingWriter); flushed whatever happens
        // stdout and stderr share one mask of the secrets the scan finds, so each is masked wherever it recurs
        var known = new Reporting.KnownSecrets();
        var redactedOut = Reporting.RedactingWriter.Around(stdout, known);
        var redactedErr = Reporting.RedactingWriter.Around(stderr, known);
        try
        {
            return RunRedacted(args, redactedOut, redactedErr, stdoutIsTerminal, stderrIsTerminal);
        }
        finally
        {
            redactedOut.Flush();
            redactedErr.Flush();
        }
    }

    private static int RunRedacted(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal)
    {
        // what System.CommandLine's --version printed (the informational version, without a '+commit' suffix), without
        // building and parsing the whole command line first (bench/README.md "Start-up")
        if (args is ["--version"])
        {
            stdout.WriteLine(VersionInfo.Version);
            return 0;
        }
        var root = BuildCommandLine(stdout, stderr, stdoutIsTerminal, stderrIsTerminal);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"mlops-lint: error: {e.Message}");
            stderr.WriteLine("Run 'mlops-lint --help' for usage.");
            return ExitCodes.CannotRun;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            stderr.WriteLine($"mlops-lint: internal error: {e}");
            stderr.WriteLine("This is a bug in mlops-lint; please report it with the command you ran.");
            return ExitCodes.CannotRun;
        }
    }

    private static RootCommand BuildCommandLine(TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal)
    {
        var path = new Argument<string[]>("PATH")
        {
            Description = "Directory of the repository to scan (default: the current directory). Paths in the report are relative to the git work tree root. "
                + "File names (as pre-commit passes them) or several paths: the repository around them is scanned and only findings in them are reported.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format on stdout: text (for people), json, sarif (code scanning), github (workflow annotations + job summary).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|sarif|github",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of stdout.", HelpName = "FILE" };
        var sarif = new Option<string?>("--sarif") { Description = "Also write SARIF 2.1.0 to FILE.", HelpName = "FILE" };
        var json = new Option<string?>("--json") { Description = "Also write JSON to FILE.", HelpName = "FILE" };
        var failLevel = new Option<string?>("--fail-level")
        {
            Description = "Exit with 1 when a finding is at or above this severity (default: warning, or fail-level in the configuration).",
            HelpName = "suggestion|warning|error",
        };
        failLevel.AcceptOnlyFromAmong("suggestion", "warning", "error");
        var select = new Option<string[]>("--select")
        {
            Description = "Run only these rules: ids (MLO301) or families (MLO3), comma-separated or repeated.",
            HelpName = "IDS",
            AllowMultipleArgumentsPerToken = false,
        };
        var ignore = new Option<string[]>("--ignore") { Description = "Do not run these rules: ids or families, comma-separated or repeated.", HelpName = "IDS" };
        var exclude = new Option<string[]>("--exclude") { Description = "Skip paths matching GLOB (e.g. 'samples/**'); repeatable. Adds to 'exclude' in the configuration.", HelpName = "GLOB" };
        var config = new Option<string?>("--config") { Description = "Use this mlops-lint.toml or pyproject.toml instead of searching upwards from PATH.", HelpName = "FILE" };
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings not in this baseline file (see 'mlops-lint baseline').", HelpName = "FILE" };
        var noColor = new Option<bool>("--no-color") { Description = "No colour in text output (also when NO_COLOR is set or stdout is not a terminal)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Text output: one line per finding, no code frames, no progress." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print notes about the scan itself (files over the size cap, …) on stderr." };
        var staged = new Option<bool>("--staged") { Description = "Scan what is about to be committed (the git index) instead of the working tree; report only staged files. For pre-commit hooks." };
        var history = new Option<bool>("--history") { Description = "Scan every blob reachable from history (all refs) once with the committed-data (MLO1) and credential (MLO4) rules; report each offending blob with the commit that added it." };
        var fix = new Option<bool>("--fix") { Description = "Apply the safe, mechanical fixes (e.g. add random_state=42 to scikit-learn calls) to the files, list them on stderr, then report what is left." };
        var diff = new Option<bool>("--diff") { Description = "Print the fixes --fix would make as a unified diff on stdout and write nothing; exit 1 when there is something to fix." };
        var online = new Option<bool>("--online")
        {
            Description = "Ask the NuGet feeds in NuGet.Config which stable version restore picks today for each package MLO210 reports (3.* -> the newest 3.x), and name it in the fix (10 s at most; an unreachable feed is a warning). Off by default: without it nothing touches the network.",
        };
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "With --staged: read every file of the index instead of the facts kept for unchanged files under the git directory (.git/mlops-lint/), and write none (also `cache = false` in the configuration).",
        };
        var since = new Option<string?>("--since") { Description = "With --history: only commits after REV (a commit, branch or tag).", HelpName = "REV" };

        var newFromRev = new Option<string?>("--new-from-rev")
        {
            Description = "Pull-request mode: report only findings that REV does not have (REV's tree is read from git objects and scanned the same way; findings are matched by content, not line). E.g. the pull request's base commit.",
            HelpName = "REV",
        };
        var changedLinesOnly = new Option<bool>("--changed-lines-only")
        {
            Description = "With --new-from-rev: report line findings only on lines the diff from REV adds (mismatches between files still show).",
        };

        ScanOptions Read(ParseResult p) => new()
        {
            Path = p.GetValue(path) is { Length: 1 } one && Directory.Exists(one[0]) ? one[0] : ".",
            Targets = p.GetValue(path) is { Length: > 0 } many && !(many.Length == 1 && Directory.Exists(many[0])) ? many : Array.Empty<string>(),
            Format = (p.GetValue(format) ?? "text") switch
            {
                "json" => OutputFormat.Json,
                "sarif" => OutputFormat.Sarif,
                "github" => OutputFormat.GitHub,
                _ => OutputFormat.Text,
            },
            OutputFile = p.GetValue(output),
            SarifFile = p.GetValue(sarif),
            JsonFile = p.GetValue(json),
            FailLevel = p.GetValue(failLevel) is string s && SeverityNames.TryParse(s, out var sev) ? sev : null,
            Select = Split(p.GetValue(select)),
            Ignore = Split(p.GetValue(ignore)),
            Exclude = p.GetValue(exclude) ?? Array.Empty<string>(),
            ConfigFile = p.GetValue(config),
            BaselineFile = p.GetValue(baseline),
            NoColor = p.GetValue(noColor),
            Quiet = p.GetValue(quiet),
            Verbose = p.GetValue(verbose),
            Mode = p.GetValue(history) ? ScanMode.History : p.GetValue(staged) ? ScanMode.Staged : ScanMode.WorkingTree,
            Since = p.GetValue(since),
            NewFromRev = p.GetValue(newFromRev),
            ChangedLinesOnly = p.GetValue(changedLinesOnly),
            Fix = p.GetValue(fix),
            Diff = p.GetValue(diff),
            Online = p.GetValue(online),
            NoCache = p.GetValue(noCache),
        };

        var scan = new Command("scan", "Scan a repository's working tree and report findings.\n"
            + "Exit codes: 0 no finding at or above the fail level, 1 findings at or above it, 2 the scan could not run.")
        {
            path, format, output, sarif, json, failLevel, select, ignore, exclude, config, baseline, noColor, quiet, verbose, staged, history, since, newFromRev, changedLinesOnly, fix, diff, online, noCache,
        };
        scan.Validators.Add(r =>
        {
            if (r.GetValue(since) != null && !r.GetValue(history))
            {
                r.AddError("--since REV limits a history scan; give --history with it (--new-from-rev REV reports what changed since REV in the working tree)");
            }
            if (r.GetValue(staged) && (r.GetValue(history) || r.GetValue(since) != null))
            {
                r.AddError("--staged and --history scan different things; give one of them");
            }
            if (r.GetValue(changedLinesOnly) && r.GetValue(newFromRev) == null)
            {
                r.AddError("--changed-lines-only needs --new-from-rev REV (the lines are those the diff from REV adds)");
            }
            if (r.GetValue(newFromRev) != null && r.GetValue(history))
            {
                r.AddError("--new-from-rev compares the working tree (or the index) with REV; for history use --history --since REV");
            }
            if ((r.GetValue(fix) || r.GetValue(diff)) && (r.GetValue(staged) || r.GetValue(history) || r.GetValue(since) != null))
            {
                r.AddError("--fix and --diff change the working tree; they cannot be combined with --staged or --history");
            }
        });
        scan.SetAction(p => ScanCommand.Execute(Read(p), stdout, stderr, stdoutIsTerminal, stderrIsTerminal));

        var baselinePath = new Argument<string>("PATH") { Description = "Directory of the repository.", DefaultValueFactory = _ => "." };
        var baselineOutput = new Option<string?>("--output", "-o")
        {
            Description = $"Where to write the baseline (default: {BaselineCommand.DefaultFileName} at the repository root).",
            HelpName = "FILE",
        };
        var baselineCmd = new Command("baseline", "Record today's findings as accepted, so that 'scan --baseline FILE' reports only new ones.")
        {
            baselinePath, baselineOutput, select, ignore, exclude, config,
        };
        baselineCmd.SetAction(p => BaselineCommand.Execute(
            new ScanOptions
            {
                Path = p.GetValue(baselinePath) ?? ".",
                Select = Split(p.GetValue(select)),
                Ignore = Split(p.GetValue(ignore)),
                Exclude = p.GetValue(exclude) ?? Array.Empty<string>(),
                ConfigFile = p.GetValue(config),
            },
            p.GetValue(baselineOutput), stdout, stderr));

        var markdown = new Option<bool>("--markdown") { Description = "Print the rule table as Markdown (the README's table)." };
        var rules = new Command("rules", "List every rule: id, default severity, name and title.") { markdown };
        rules.SetAction(p => RulesCommand.Execute(stdout, p.GetValue(markdown)));

        var server = new Command("server", "Run the language server (LSP over stdio) for editors: diagnostics while you type, fixes as code actions. "
            + "Editors start it themselves; see the README for VS Code, Neovim, Helix, Zed and JetBrains IDEs.");
        server.Options.Add(new Option<bool>("--stdio") { Description = "Talk over stdin/stdout (the default and only transport; accepted because editors pass it)." });
        server.SetAction(_ =>
        {
            if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            {
                stderr.WriteLine($"mlops-lint: error: the language server is not in this build: {NativeAotLimits.UseJitBuild}");
                return ExitCodes.CannotRun;
            }
            return Server.ServerCommand.Execute(Console.OpenStandardInput(), Console.OpenStandardOutput(), stderr);
        });

        var root = new RootCommand(
            "mlops-lint finds the mistakes that make machine-learning work irreproducible, bloated or leaky:\n"
            + "data and models committed to git, unpinned dependencies, missing random seeds,\n"
            + "hardcoded credentials and paths, and dev/prod version mismatches.\n\n"
            + "Start with:  mlops-lint scan .")
        {
            scan, baselineCmd, rules, server,
        };
        root.SetAction(p =>
        {
            stdout.WriteLine("mlops-lint " + VersionInfo.Version + ": give a command, e.g. 'mlops-lint scan .'. Run 'mlops-lint --help' for all commands.");
            return ExitCodes.CannotRun;
        });
        return root;
    }

    private static IReadOnlyList<string> Split(string[]? values) =>
        (values ?? Array.Empty<string>())
            .SelectMany(v => v.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            .Select(v => v.Trim())
            .Where(v => v.Length > 0)
            .ToArray();
}
