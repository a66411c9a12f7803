using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Shell;

namespace MLOpsLint.Core.Parsing.Requirements;

public enum RequirementEntryKind
{
    /// <summary>A PEP 508 requirement (<c>numpy==1.26.4</c>, <c>pkg @ https://…</c>).</summary>
    Named,
    /// <summary>A bare URL (<c>git+https://…#egg=x</c>, <c>https://…/x.whl</c>).</summary>
    Url,
    /// <summary>A local path (<c>.</c>, <c>./libs/x</c>, <c>x.whl</c>).</summary>
    Path,
}

/// <summary>One requirement line of a requirements file (or one item of a conda <c>pip:</c> list).</summary>
public sealed class RequirementEntry
{
    internal RequirementEntry(OffsetText source, RequirementEntryKind kind)
    {
        Source = source;
        Kind = kind;
    }

    /// <summary>The requirement text as written (without options, comment or continuation), mapped to the document.</summary>
    public OffsetText Source { get; }

    public string Text => Source.Text;

    public RequirementEntryKind Kind { get; }

    /// <summary>The parsed requirement for <see cref="RequirementEntryKind.Named"/> (null when malformed).</summary>
    public Pep508Requirement? Requirement { get; internal set; }

    /// <summary>The URL or path for URL and path entries, and for <c>name @ URL</c>.</summary>
    public DirectReference? Reference { get; internal set; }

    /// <summary>Normalised package name when known (PEP 508 name or <c>#egg=</c>).</summary>
    public string? NormalizedName { get; internal set; }

    public bool IsEditable { get; internal set; }

    /// <summary><c>--hash=sha256:…</c> values on the line.</summary>
    public IReadOnlyList<string> Hashes { get; internal set; } = Array.Empty<string>();

    /// <summary>Why the line could not be parsed, or null.</summary>
    public string? Error { get; internal set; }

    /// <summary>Document offset of the start and end of the requirement text.</summary>
    public int Start => Source.DocOffset(0);

    public int End => Source.DocOffset(Source.Length);

    /// <summary>Document offsets of the package name (the whole text when there is no name).</summary>
    public (int Start, int End) NameRange => Requirement is { } r && Kind == RequirementEntryKind.Named
        ? (Source.DocOffset(r.NameStart), Source.DocOffset(r.NameEnd - 1) + 1)
        : (Start, End);
}

/// <summary>An option line (<c>-r base.txt</c>, <c>-c constraints.txt</c>, <c>--index-url …</c>).</summary>
public sealed class RequirementsOption
{
    public RequirementsOption(string name, string? value, int start, int end, int valueStart)
    {
        Name = name;
        Value = value;
        Start = start;
        End = end;
        ValueStart = valueStart;
    }

    /// <summary>The long name: <c>--requirement</c>, <c>--constraint</c>, <c>--index-url</c>…</summary>
    public string Name { get; }

    public string? Value { get; }

    public int Start { get; }

    public int End { get; }

    public int ValueStart { get; }
}

/// <summary>
/// A pip requirements file (<c>requirements*.txt</c>, <c>*.in</c>, constraints) as pip reads it: line
/// continuations, comments, option lines, per-requirement <c>--hash</c> options, editable and URL lines.
/// </summary>
public sealed class RequirementsFile
{
    private static readonly Dictionary<string, string> ShortOptions = new(StringComparer.Ordinal)
    {
        ["-r"] = "--requirement", ["-c"] = "--constraint", ["-e"] = "--editable", ["-i"] = "--index-url",
        ["-f"] = "--find-links", ["-Z"] = "--always-unzip",
    };

    private static readonly HashSet<string> FlagOptions = new(StringComparer.Ordinal)
    {
        "--pre", "--require-hashes", "--prefer-binary", "--no-index", "--always-unzip",
    };

    public List<RequirementEntry> Entries { get; } = new();

    public List<RequirementsOption> Options { get; } = new();

    /// <summary>(document offset, message) of lines that could not be read.</summary>
    public List<(int Offset, string Message)> Errors { get; } = new();

    public IEnumerable<RequirementsOption> Includes => Options.Where(o => o.Name == "--requirement" && o.Value != null);

    public IEnumerable<RequirementsOption> Constraints => Options.Where(o => o.Name == "--constraint" && o.Value != null);

    public bool RequireHashes => Options.Any(o => o.Name == "--require-hashes");

    /// <summary>The header of pip-compile, uv pip compile, uv export, poetry export or pdm export.</summary>
    public bool IsGenerated { get; private set; }

    /// <summary>Every named requirement is <c>==</c>-pinned and carries <c>--hash</c>: pip-compile
    /// <c>--generate-hashes</c> output, as good as a lock.</summary>
    public bool IsHashedLock =>
        Entries.Count > 0 && Entries.All(e => e.Hashes.Count > 0 && (e.Requirement?.IsExactPin ?? e.Reference?.IsImmutable ?? false));

    /// <summary>The parsed form of a requirements document, computed once per document.</summary>
    public static RequirementsFile Of(SourceDocument document) =>
        document.GetOrAdd(d => Parse(d.Text));

    public static RequirementsFile Parse(string text)
    {
        var file = new RequirementsFile();
        string head = text.Length > 600 ? text.Substring(0, 600) : text;
        file.IsGenerated = head.Contains("autogenerated by pip-compile") || head.Contains("uv pip compile")
            || head.Contains("uv export") || head.Contains("autogenerated by uv") || head.Contains("poetry export")
            || head.Contains("pdm export");
        int i = 0;
        while (i < text.Length)
        {
            var logical = ReadLogicalLine(text, ref i);
            file.ParseLine(logical);
        }
        return file;
    }

    /// <summary>Parses one item of a conda environment's <c>pip:</c> list (a requirements line).</summary>
    public static RequirementsFile ParseItem(OffsetText line)
    {
        var file = new RequirementsFile();
        file.ParseLine(StripComment(line));
        return file;
    }

    // Joins physical lines ending in a backslash and strips comments, keeping document offsets.
    private static OffsetText ReadLogicalLine(string text, ref int i)
    {
        var b = new OffsetText.Builder();
        while (i < text.Length)
        {
            int eol = i;
            while (eol < text.Length && text[eol] != '\n' && text[eol] != '\r') eol++;
            int next = eol;
            if (next < text.Length && text[next] == '\r') next++;
            if (next < text.Length && text[next] == '\n') next++;
            // Comments end the logical line's content but a comment line inside a continuation is dropped.
            int contentEnd = CommentStart(text, i, eol);
            bool continued = contentEnd == eol && eol > i && text[eol - 1] == '\\';
            b.Append(text, i, continued ? eol - 1 : contentEnd, i);
            i = next;
            if (!continued) break;
            b.Append(' ', eol - 1);
        }
        return b.Build();
    }

    private static OffsetText StripComment(OffsetText line)
    {
        int end = CommentStart(line.Text, 0, line.Length);
        return line.Slice(0, end);
    }

    // pip: a '#' at the start of a line or after white space starts a comment.
    private static int CommentStart(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (text[k] == '#' && (k == start || text[k - 1] == ' ' || text[k - 1] == '\t')) return k;
        }
        return end;
    }

    private void ParseLine(OffsetText line)
    {
        var tokens = Tokens(line.Text);
        if (tokens.Count == 0) return;
        string first = line.Text.Substring(tokens[0].Start, tokens[0].End - tokens[0].Start);
        if (first.StartsWith("-", StringComparison.Ordinal))
        {
            ParseOptionLine(line, tokens);
            return;
        }
        // pip splits a requirement line at its first option (a token starting with '-').
        int argEnd = tokens.Count;
        for (int t = 1; t < tokens.Count; t++)
        {
            if (line.Text[tokens[t].Start] == '-' && line.Text.Substring(tokens[t].Start, Math.Min(2, tokens[t].End - tokens[t].Start)) == "--")
            {
                argEnd = t;
                break;
            }
        }
        var req = line.Slice(tokens[0].Start, tokens[argEnd - 1].End - tokens[0].Start);
        var entry = MakeEntry(req);
        entry.Hashes = ReadHashes(line, tokens, argEnd);
        Entries.Add(entry);
    }

    private void ParseOptionLine(OffsetText line, List<(int Start, int End)> tokens)
    {
        string tok = line.Text.Substring(tokens[0].Start, tokens[0].End - tokens[0].Start);
        string name = tok;
        string? value = null;
        int valueStart = tokens[0].Start;
        int eq = tok.IndexOf('=');
        if (tok.StartsWith("--", StringComparison.Ordinal) && eq > 0)
        {
            name = tok.Substring(0, eq);
            value = tok.Substring(eq + 1);
            valueStart = tokens[0].Start + eq + 1;
        }
        else if (!tok.StartsWith("--", StringComparison.Ordinal) && tok.Length > 2)
        {
            name = tok.Substring(0, 2);
            value = tok.Substring(2).TrimStart('=');
            valueStart = tokens[0].Start + (tok.Length - value.Length);
        }
        if (ShortOptions.TryGetValue(name, out var longName)) name = longName;
        if (value == null && !FlagOptions.Contains(name) && tokens.Count > 1)
        {
            valueStart = tokens[1].Start;
            if (name == "--editable")
            {
                value = line.Text.Substring(tokens[1].Start, tokens[tokens.Count - 1].End - tokens[1].Start);
            }
            else
            {
                value = line.Text.Substring(tokens[1].Start, tokens[1].End - tokens[1].Start);
            }
        }
        if (value != null && value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
        {
            value = value.Substring(1, value.Length - 2);
            valueStart++;
        }
        Options.Add(new RequirementsOption(name, value, line.DocOffset(tokens[0].Start), line.DocOffset(line.Length), line.DocOffset(valueStart)));
        if (name == "--editable" && value != null)
        {
            int len = Math.Min(value.Length, line.Length - valueStart);
            var entry = MakeEntry(line.Slice(valueStart, len));
            entry.IsEditable = true;
            Entries.Add(entry);
        }
    }

    private RequirementEntry MakeEntry(OffsetText req)
    {
        string text = req.Text;
        if (DirectReference.LooksLikeReference(text))
        {
            var reference = DirectReference.Parse(text);
            var kind = reference.Kind == DirectReferenceKind.Local ? RequirementEntryKind.Path : RequirementEntryKind.Url;
            string? name = reference.EggName;
            if (name != null)
            {
                int dash = name.IndexOf('[');
                if (dash > 0) name = name.Substring(0, dash);
            }
            return new RequirementEntry(req, kind)
            {
                Reference = reference,
                NormalizedName = name == null ? null : Pep508Requirement.NormalizeName(name),
            };
        }
        var entry = new RequirementEntry(req, RequirementEntryKind.Named);
        if (Pep508Requirement.TryParse(text, out var parsed, out var error))
        {
            entry.Requirement = parsed;
            entry.NormalizedName = parsed.NormalizedName;
            if (parsed.Url != null) entry.Reference = DirectReference.Parse(parsed.Url);
        }
        else
        {
            entry.Error = error;
            Errors.Add((req.DocOffset(0), $"cannot read requirement '{text}': {error}"));
        }
        return entry;
    }

    private static IReadOnlyList<string> ReadHashes(OffsetText line, List<(int Start, int End)> tokens, int from)
    {
        List<string>? hashes = null;
        for (int t = from; t < tokens.Count; t++)
        {
            string tok = line.Text.Substring(tokens[t].Start, tokens[t].End - tokens[t].Start);
            string? value = null;
            if (tok.StartsWith("--hash=", StringComparison.Ordinal)) value = tok.Substring(7);
            else if (tok == "--hash" && t + 1 < tokens.Count)
            {
                t++;
                value = line.Text.Substring(tokens[t].Start, tokens[t].End - tokens[t].Start);
            }
            if (value != null) (hashes ??= new List<string>()).Add(value);
        }
        return hashes ?? (IReadOnlyList<string>)Array.Empty<string>();
    }

    // White-space separated tokens, keeping quoted segments together.
    private static List<(int Start, int End)> Tokens(string s)
    {
        var list = new List<(int, int)>();
        int i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i >= s.Length) break;
            int start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                if (s[i] == '"' || s[i] == '\'')
                {
                    int close = s.IndexOf(s[i], i + 1);
                    i = close < 0 ? s.Length : close + 1;
                    continue;
                }
                i++;
            }
            list.Add((start, i));
        }
        return list;
    }
}
