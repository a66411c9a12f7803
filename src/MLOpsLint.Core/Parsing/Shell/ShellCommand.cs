namespace MLOpsLint.Core.Parsing.Shell;

/// <summary>One shell word after quote removal, with where it is in the document.</summary>
public sealed class ShellWord
{
    public ShellWord(string value, int start, int end, bool hasExpansion, bool isQuoted)
    {
        Value = value;
        Start = start;
        End = end;
        HasExpansion = hasExpansion;
        IsQuoted = isQuoted;
    }

    /// <summary>The word with quotes and escapes removed (expansions kept as written, e.g. <c>$VERSION</c>).</summary>
    public string Value { get; }

    /// <summary>Document offset of the word's first character (a quote, if it starts with one).</summary>
    public int Start { get; }

    /// <summary>Document offset just after the word's last character.</summary>
    public int End { get; }

    /// <summary>True when an unquoted or double-quoted <c>$</c> or a backtick makes the value unknown before run time.</summary>
    public bool HasExpansion { get; }

    public bool IsQuoted { get; }

    public override string ToString() => Value;
}

/// <summary>A simple command: the words between control operators (<c>&amp;&amp;</c>, <c>||</c>, <c>;</c>,
/// <c>|</c>, <c>&amp;</c>, newline). Redirections and their targets are not words.</summary>
public sealed class ShellCommand
{
    public ShellCommand(IReadOnlyList<ShellWord> words, IReadOnlyList<string> heredocDelimiters)
    {
        Words = words;
        HeredocDelimiters = heredocDelimiters;
    }

    public IReadOnlyList<ShellWord> Words { get; }

    /// <summary>Delimiters of the heredocs (<c>&lt;&lt;EOF</c>) this command reads, in order.</summary>
    public IReadOnlyList<string> HeredocDelimiters { get; }

    public override string ToString() => string.Join(" ", Words.Select(w => w.Value));
}
