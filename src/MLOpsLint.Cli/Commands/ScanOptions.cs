using MLOpsLint.Core.Rules;

namespace MLOpsLint.Cli.Commands;

internal enum OutputFormat
{
    Text,
    Json,
    Sarif,
    GitHub,
}

/// <summary>What the user asked for on the command line.</summary>
internal sealed record ScanOptions
{
    public string Path { get; init; } = ".";
    /// <summary>The PATH arguments as given, when they are file names or several paths (see <see cref="ScanTargets"/>);
    /// empty for the usual one directory in <see cref="Path"/>.</summary>
    public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();
    public OutputFormat Format { get; init; } = OutputFormat.Text;
    public string? OutputFile { get; init; }
    public string? SarifFile { get; init; }
    public string? JsonFile { get; init; }
    public Severity? FailLevel { get; init; }
    public IReadOnlyList<string> Select { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Ignore { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();
    public string? ConfigFile { get; init; }
    public string? BaselineFile { get; init; }
    public bool NoColor { get; init; }
    public bool Quiet { get; init; }
    public bool Verbose { get; init; }
    public ScanMode Mode { get; init; } = ScanMode.WorkingTree;
    public string? Since { get; init; }
    /// <summary>Pull-request mode: report only findings that REV's tree (read from git objects) does not have.</summary>
    public string? NewFromRev { get; init; }
    /// <summary>With <see cref="NewFromRev"/>: only line findings on lines the diff from REV adds.</summary>
    public bool ChangedLinesOnly { get; init; }
    /// <summary>Apply the mechanical fixes to the files, then report what is left.</summary>
    public bool Fix { get; init; }
    /// <summary>Print the fixes as a unified diff; write nothing.</summary>
    public bool Diff { get; init; }
    /// <summary>Ask the configured NuGet feeds for the newest stable versions to write into MLO210's fix texts.
    /// Off by default: without it nothing touches the network.</summary>
    public bool Online { get; init; }
    /// <summary>Read every blob of the index (<c>--staged</c>) instead of the facts cache under the git directory, and write no cache.</summary>
    public bool NoCache { get; init; }
}

internal enum ScanMode
{
    /// <summary>The files as they are on disk (tracked plus untracked, not ignored).</summary>
    WorkingTree,
    /// <summary>What is about to be committed: the index.</summary>
    Staged,
    /// <summary>Every blob reachable from history.</summary>
    History,
}
