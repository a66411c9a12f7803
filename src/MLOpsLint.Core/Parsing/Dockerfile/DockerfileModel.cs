using MLOpsLint.Core.Parsing.Shell;

namespace MLOpsLint.Core.Parsing.Dockerfile;

/// <summary>One Dockerfile instruction with its continuation lines joined (offsets kept).</summary>
public sealed class DockerInstruction
{
    public DockerInstruction(string keyword, int keywordStart, OffsetText arguments, int startLine, int endLine)
    {
        Keyword = keyword;
        KeywordStart = keywordStart;
        Arguments = arguments;
        StartLine = startLine;
        EndLine = endLine;
    }

    /// <summary>Upper-case keyword: FROM, RUN, COPY…</summary>
    public string Keyword { get; }

    public int KeywordStart { get; }

    /// <summary>Everything after the keyword, continuations removed, mapped to document offsets.</summary>
    public OffsetText Arguments { get; }

    public int StartLine { get; }

    /// <summary>Last line of the instruction, heredoc bodies included.</summary>
    public int EndLine { get; internal set; }

    /// <summary>Leading <c>--name=value</c> flags (<c>--platform</c>, <c>--mount</c>, <c>--from</c>, <c>--chown</c>…).</summary>
    public IReadOnlyList<ShellWord> Flags { get; internal set; } = Array.Empty<ShellWord>();

    /// <summary>The arguments after the flags (shell form), mapped to document offsets.</summary>
    public OffsetText Body { get; internal set; } = OffsetText.Contiguous("", 0);

    /// <summary>JSON-array (exec form) arguments, or null for the shell form.</summary>
    public IReadOnlyList<ShellWord>? ExecForm { get; internal set; }

    public IReadOnlyList<DockerHeredoc> Heredocs { get; internal set; } = Array.Empty<DockerHeredoc>();

    /// <summary>Index of the build stage (0-based; -1 before the first FROM).</summary>
    public int StageIndex { get; internal set; }

    /// <summary>The WORKDIR in effect (as written; "" when none was set in the stage).</summary>
    public string WorkDir { get; internal set; } = "";

    public override string ToString() => Keyword + " " + Arguments.Text;
}

/// <summary>A heredoc body (<c>RUN &lt;&lt;EOF … EOF</c>).</summary>
public sealed class DockerHeredoc
{
    public DockerHeredoc(string delimiter, OffsetText body, bool quoted)
    {
        Delimiter = delimiter;
        Body = body;
        Quoted = quoted;
    }

    public string Delimiter { get; }

    public OffsetText Body { get; }

    /// <summary><c>&lt;&lt;"EOF"</c> / <c>&lt;&lt;'EOF'</c>: no expansion in the body.</summary>
    public bool Quoted { get; }
}

/// <summary>A <c>FROM</c> instruction: the image reference (ARG defaults substituted) split into its parts.</summary>
public sealed class DockerFrom
{
    public DockerFrom(DockerInstruction instruction, ShellWord imageWord, string image)
    {
        Instruction = instruction;
        ImageWord = imageWord;
        Image = image;
    }

    public DockerInstruction Instruction { get; }

    public int Line => Instruction.StartLine;

    /// <summary>The image word as written (<c>python:${PY}-slim</c>), with its position.</summary>
    public ShellWord ImageWord { get; }

    /// <summary>The image after ARG substitution (<c>python:3.11-slim</c>).</summary>
    public string Image { get; }

    /// <summary>Registry host (with port), or null for Docker Hub.</summary>
    public string? Registry { get; internal set; }

    /// <summary>Repository path without registry, tag or digest (<c>library/python</c> is written <c>python</c>).</summary>
    public string Repository { get; internal set; } = "";

    public string? Tag { get; internal set; }

    /// <summary><c>sha256:…</c>, or null.</summary>
    public string? Digest { get; internal set; }

    public string? Platform { get; internal set; }

    /// <summary>The <c>AS name</c> of this stage (lower case), or null.</summary>
    public string? StageName { get; internal set; }

    /// <summary>The image is <c>scratch</c> (no base image).</summary>
    public bool IsScratch => Repository.Equals("scratch", StringComparison.OrdinalIgnoreCase) && Registry == null && Tag == null;

    /// <summary>The image names an earlier stage of the same Dockerfile.</summary>
    public bool RefersToStage { get; internal set; }

    /// <summary>An ARG without a default (supplied at build time) appears in the image reference.</summary>
    public bool HasUnresolvedVariable { get; internal set; }

    /// <summary>Index of the build stage this FROM starts.</summary>
    public int StageIndex { get; internal set; }
}

/// <summary>The shell commands a RUN executes (the shell-form line, shell heredoc bodies, or the exec form).</summary>
public sealed class DockerRun
{
    public DockerRun(DockerInstruction instruction, IReadOnlyList<ShellCommand> commands)
    {
        Instruction = instruction;
        Commands = commands;
    }

    public DockerInstruction Instruction { get; }

    public IReadOnlyList<ShellCommand> Commands { get; }
}

/// <summary>A COPY/ADD from the build context (not <c>--from</c> another stage).</summary>
public sealed class DockerCopy
{
    public DockerCopy(DockerInstruction instruction, IReadOnlyList<string> sources, string destination)
    {
        Instruction = instruction;
        Sources = sources;
        Destination = destination;
    }

    public DockerInstruction Instruction { get; }

    public IReadOnlyList<string> Sources { get; }

    public string Destination { get; }
}

/// <summary>A parsed Dockerfile: instructions, stages, RUN commands, COPYs, global ARGs.</summary>
public sealed class DockerfileModel
{
    public char EscapeChar { get; internal set; } = '\\';

    public List<DockerInstruction> Instructions { get; } = new();

    public List<DockerFrom> Stages { get; } = new();

    public List<DockerRun> Runs { get; } = new();

    public List<DockerCopy> Copies { get; } = new();

    /// <summary>ARGs declared before the first FROM, with their defaults (null when none).</summary>
    public Dictionary<string, string?> GlobalArgs { get; } = new(StringComparer.Ordinal);

    public List<(int Line, string Message)> Errors { get; } = new();
}
