using System.Text;
using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Parsing.Dockerfile;

/// <summary>
/// Reads a Dockerfile as BuildKit does: parser directives (<c># escape=`</c>), comments, line continuations
/// with the escape character (comment and empty lines inside a continuation are dropped), heredocs
/// (<c>RUN &lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, quoted delimiters, several per instruction), exec form JSON arrays,
/// instruction flags, stages and ARG substitution in FROM.
/// </summary>
public static class DockerfileParser
{
    private static readonly Regex Directive = new(@"^\s*#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex HeredocMarker = new(@"(?:^|\s)<<(-?)\s*(?:""([^""]+)""|'([^']+)'|([A-Za-z_][A-Za-z0-9_]*))", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal)
    {
        "sh", "bash", "/bin/sh", "/bin/bash", "/usr/bin/bash", "/usr/bin/env", "ash", "/bin/ash", "dash", "zsh",
    };

    public static DockerfileModel Of(SourceDocument document) => document.GetOrAdd(d => Parse(d.Text));

    public static DockerfileModel Parse(string text)
    {
        var model = new DockerfileModel();
        var lines = new LineIndex(text);
        int n = lines.LineCount;
        int l = 1;

        // Parser directives: only at the very top, before any comment, blank line or instruction.
        for (; l <= n; l++)
        {
            var m = Directive.Match(lines.GetLine(l));
            if (!m.Success) break;
            if (m.Groups[1].Value.Equals("escape", StringComparison.OrdinalIgnoreCase) && m.Groups[2].Value.Length == 1)
            {
                model.EscapeChar = m.Groups[2].Value[0];
            }
        }
        char esc = model.EscapeChar;
        l = 1;
        int stage = -1;
        string workdir = "";
        var stageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (l <= n)
        {
            string line = lines.GetLine(l);
            string trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                l++;
                continue;
            }
            int lineStart = lines.LineStart(l);
            int kwStart = line.Length - trimmed.Length;
            int kwEnd = kwStart;
            while (kwEnd < line.Length && !char.IsWhiteSpace(line[kwEnd])) kwEnd++;
            string keyword = line.Substring(kwStart, kwEnd - kwStart).ToUpperInvariant();
            int startLine = l;
            var b = new OffsetText.Builder();
            int argStart = kwEnd;
            while (argStart < line.Length && char.IsWhiteSpace(line[argStart])) argStart++;
            int current = l;
            // document offsets from here on: the continued lines are read in place, not copied line by line (a RUN of
            // 100,000 continued lines made two strings per line)
            int from = lineStart + argStart;
            while (true)
            {
                int curEnd = LineEnd(text, lines, current);
                int end = curEnd;
                while (end > from && (text[end - 1] == ' ' || text[end - 1] == '\t')) end--;
                bool continued = end > from && text[end - 1] == esc && !(end - 2 >= from && text[end - 2] == esc && esc != '\\');
                b.Append(text, from, continued ? end - 1 : curEnd, from);
                if (!continued || current >= n) break;
                current++;
                // Skip comment and empty lines inside a continuation.
                while (current <= n && IsBlankOrComment(text, lines.LineStart(current), LineEnd(text, lines, current))) current++;
                if (current > n) break;
                from = lines.LineStart(current);
            }
            var args = b.Build();
            var ins = new DockerInstruction(keyword, lineStart + kwStart, args, startLine, current);
            l = current + 1;

            // Heredocs: the lines after the instruction up to each delimiter.
            if (keyword is "RUN" or "COPY" or "ADD")
            {
                var heredocs = new List<DockerHeredoc>();
                foreach (Match hm in HeredocMarker.Matches(args.Text))
                {
                    bool strip = hm.Groups[1].Value == "-";
                    bool quoted = !hm.Groups[4].Success;
                    string delim = hm.Groups[2].Success ? hm.Groups[2].Value : hm.Groups[3].Success ? hm.Groups[3].Value : hm.Groups[4].Value;
                    var body = new OffsetText.Builder();
                    bool first = true;
                    while (l <= n)
                    {
                        string bodyLine = lines.GetLine(l);
                        int bodyStart = lines.LineStart(l);
                        l++;
                        string cmp = strip ? bodyLine.TrimStart('\t') : bodyLine;
                        if (cmp == delim) break;
                        if (!first) body.Append('\n', bodyStart - 1);
                        first = false;
                        int skip = strip ? bodyLine.Length - cmp.Length : 0;
                        body.Append(bodyLine, skip, bodyLine.Length, bodyStart + skip);
                    }
                    heredocs.Add(new DockerHeredoc(delim, body.Build(), quoted));
                }
                ins.Heredocs = heredocs;
                ins.EndLine = Math.Max(ins.EndLine, l - 1);
            }

            SplitFlags(ins);
            if (keyword == "FROM")
            {
                stage++;
                workdir = "";
            }
            ins.StageIndex = stage;
            if (keyword == "WORKDIR")
            {
                string w = ins.Body.Text.Trim();
                workdir = w.StartsWith("/", StringComparison.Ordinal) || workdir.Length == 0 ? w : workdir.TrimEnd('/') + "/" + w;
            }
            ins.WorkDir = workdir;
            model.Instructions.Add(ins);

            switch (keyword)
            {
                case "ARG" when stage < 0:
                    foreach (var w in ShellParser.Parse(ins.Body, skipHeredocBodies: false).SelectMany(c => c.Words))
                    {
                        int eq = w.Value.IndexOf('=');
                        if (eq > 0) model.GlobalArgs[w.Value.Substring(0, eq)] = w.Value.Substring(eq + 1);
                        else model.GlobalArgs[w.Value] = null;
                    }
                    break;
                case "FROM":
                    AddFrom(model, ins, stage, stageNames);
                    break;
                case "RUN":
                    model.Runs.Add(new DockerRun(ins, RunCommands(ins)));
                    break;
                case "ONBUILD":
                    // ONBUILD RUN pip install x runs in every image built FROM this one: judged like a RUN of this stage.
                    if (Trigger(ins) is { Keyword: "RUN" } trigger) model.Runs.Add(new DockerRun(trigger, RunCommands(trigger)));
                    break;
                case "COPY":
                case "ADD":
                    if (!ins.Flags.Any(f => f.Value.StartsWith("--from", StringComparison.Ordinal)) && ins.Heredocs.Count == 0)
                    {
                        var words = ins.ExecForm ?? ShellParser.Parse(ins.Body, skipHeredocBodies: false).SelectMany(c => c.Words).ToList();
                        if (words.Count >= 2)
                        {
                            model.Copies.Add(new DockerCopy(ins, words.Take(words.Count - 1).Select(w => w.Value).ToArray(), words[words.Count - 1].Value));
                        }
                    }
                    break;
            }
        }
        return model;
    }

    /// <summary>Where line <paramref name="line"/>'s text ends in <paramref name="text"/> (before its line break).</summary>
    private static int LineEnd(string text, LineIndex lines, int line)
    {
        int start = lines.LineStart(line);
        int end = line < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return end;
    }

    /// <summary>True when text[start, end) is white space, or white space and then a comment.</summary>
    private static bool IsBlankOrComment(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        return start == end || text[start] == '#';
    }

    /// <summary>The instruction an <c>ONBUILD</c> registers (<c>ONBUILD RUN pip install x</c> → <c>RUN pip install x</c>), with
    /// the same offsets, stage and lines; null when it names none.</summary>
    private static DockerInstruction? Trigger(DockerInstruction onbuild)
    {
        var text = onbuild.Body;
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text.Text[i])) i++;
        int kwStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text.Text[i])) i++;
        if (i == kwStart) return null;
        string keyword = text.Text.Substring(kwStart, i - kwStart).ToUpperInvariant();
        while (i < text.Length && char.IsWhiteSpace(text.Text[i])) i++;
        var trigger = new DockerInstruction(keyword, text.DocOffset(kwStart), text.Slice(i, text.Length - i), onbuild.StartLine, onbuild.EndLine)
        {
            StageIndex = onbuild.StageIndex,
            WorkDir = onbuild.WorkDir,
        };
        SplitFlags(trigger);
        return trigger;
    }

    // Leading --flag=value words (FROM --platform, RUN --mount, COPY --from/--chown/--link).
    private static void SplitFlags(DockerInstruction ins)
    {
        var text = ins.Arguments;
        var flags = new List<ShellWord>();
        int i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text.Text[i])) i++;
            if (i + 1 < text.Length && text.Text[i] == '-' && text.Text[i + 1] == '-')
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text.Text[i])) i++;
                flags.Add(new ShellWord(text.Text.Substring(start, i - start), text.DocOffset(start), text.DocOffset(i - 1) + 1, false, false));
                continue;
            }
            break;
        }
        ins.Flags = flags;
        ins.Body = text.Slice(i, text.Length - i);
        string body = ins.Body.Text;
        int first = 0;
        while (first < body.Length && char.IsWhiteSpace(body[first])) first++;
        if (first < body.Length && body[first] == '[' && ins.Keyword is "RUN" or "CMD" or "ENTRYPOINT" or "COPY" or "ADD" or "SHELL")
        {
            ins.ExecForm = TryParseJsonArray(ins.Body);
        }
    }

    private static IReadOnlyList<ShellCommand> RunCommands(DockerInstruction ins)
    {
        if (ins.ExecForm is { } exec)
        {
            // ["sh", "-c", "pip install x"] runs a shell; anything else is one command.
            if (exec.Count >= 3 && Shells.Contains(exec[0].Value) && exec[1].Value.StartsWith("-", StringComparison.Ordinal) && exec[1].Value.Contains("c"))
            {
                var script = exec[2];
                return ShellParser.Parse(script.Value, script.Start + 1);
            }
            return new[] { new ShellCommand(exec, Array.Empty<string>()) };
        }
        var commands = new List<ShellCommand>(ShellParser.Parse(ins.Body, skipHeredocBodies: false));
        int heredoc = 0;
        foreach (var c in commands.ToArray())
        {
            foreach (var _ in c.HeredocDelimiters)
            {
                if (heredoc >= ins.Heredocs.Count) break;
                var body = ins.Heredocs[heredoc++];
                // RUN <<EOF (no command: the body is the script) or RUN bash <<EOF / sh -e <<EOF.
                bool shellBody = c.Words.Count == 0 || (Shells.Contains(c.Words[0].Value)
                    && c.Words.Skip(1).All(w => w.Value.StartsWith("-", StringComparison.Ordinal) || w.Value is "pipefail" or "errexit"));
                if (shellBody) commands.AddRange(ShellParser.Parse(body.Body));
            }
        }
        commands.RemoveAll(c => c.Words.Count == 0);
        return commands;
    }

    private static void AddFrom(DockerfileModel model, DockerInstruction ins, int stage, HashSet<string> stageNames)
    {
        var words = ShellParser.Parse(ins.Body, skipHeredocBodies: false).SelectMany(c => c.Words).ToList();
        if (words.Count == 0)
        {
            model.Errors.Add((ins.StartLine, "FROM without an image"));
            return;
        }
        var imageWord = words[0];
        bool unresolved = false;
        string image = Substitute(imageWord.Value, model.GlobalArgs, ref unresolved);
        var from = new DockerFrom(ins, imageWord, image) { StageIndex = stage, HasUnresolvedVariable = unresolved };
        foreach (var f in ins.Flags)
        {
            if (f.Value.StartsWith("--platform=", StringComparison.Ordinal)) from.Platform = f.Value.Substring(11);
        }
        if (words.Count >= 3 && words[1].Value.Equals("AS", StringComparison.OrdinalIgnoreCase))
        {
            from.StageName = words[2].Value.ToLowerInvariant();
        }
        string rest = image;
        int at = rest.IndexOf('@');
        if (at >= 0)
        {
            from.Digest = rest.Substring(at + 1);
            rest = rest.Substring(0, at);
        }
        int slash = rest.LastIndexOf('/');
        int colon = rest.LastIndexOf(':');
        if (colon > slash)
        {
            from.Tag = rest.Substring(colon + 1);
            rest = rest.Substring(0, colon);
        }
        int firstSlash = rest.IndexOf('/');
        if (firstSlash > 0)
        {
            string host = rest.Substring(0, firstSlash);
            if (host.Contains(".") || host.Contains(":") || host == "localhost")
            {
                from.Registry = host;
                rest = rest.Substring(firstSlash + 1);
            }
        }
        from.Repository = rest;
        from.RefersToStage = from.Registry == null && from.Tag == null && from.Digest == null && stageNames.Contains(rest);
        if (from.StageName != null) stageNames.Add(from.StageName);
        model.Stages.Add(from);
    }

    /// <summary>Substitutes <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME-default}</c>,
    /// <c>${NAME:+alt}</c> with ARG defaults; unknown or default-less names set <paramref name="unresolved"/>.</summary>
    public static string Substitute(string value, IReadOnlyDictionary<string, string?> args, ref bool unresolved)
    {
        if (value.IndexOf('$') < 0) return value;
        var sb = new StringBuilder();
        int i = 0;
        while (i < value.Length)
        {
            char c = value[i];
            if (c != '$' || i + 1 >= value.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }
            string name;
            string? op = null, word = null;
            if (value[i + 1] == '{')
            {
                int close = value.IndexOf('}', i + 2);
                if (close < 0)
                {
                    sb.Append(value, i, value.Length - i);
                    unresolved = true;
                    break;
                }
                string inner = value.Substring(i + 2, close - i - 2);
                int opAt = inner.IndexOfAny(new[] { ':', '-', '+' });
                if (opAt > 0)
                {
                    name = inner.Substring(0, opAt);
                    int opLen = inner[opAt] == ':' && opAt + 1 < inner.Length ? 2 : 1;
                    op = inner.Substring(opAt, opLen);
                    word = inner.Substring(opAt + opLen);
                }
                else
                {
                    name = inner;
                }
                i = close + 1;
            }
            else
            {
                int j = i + 1;
                while (j < value.Length && (char.IsLetterOrDigit(value[j]) || value[j] == '_')) j++;
                name = value.Substring(i + 1, j - i - 1);
                if (name.Length == 0)
                {
                    sb.Append(c);
                    i++;
                    continue;
                }
                i = j;
            }
            args.TryGetValue(name, out var v);
            bool set = v != null && (v.Length > 0 || op is null or "-" or "+");
            if (op is ":-" or "-")
            {
                sb.Append(set ? v : Substitute(word ?? "", args, ref unresolved));
            }
            else if (op is ":+" or "+")
            {
                if (set) sb.Append(word);
            }
            else if (v != null)
            {
                sb.Append(v);
            }
            else
            {
                unresolved = true;
                sb.Append("${").Append(name).Append('}');
            }
        }
        return sb.ToString();
    }

    /// <summary>Parses a JSON array of strings; null when it is not one (Docker then uses the shell form).</summary>
    private static IReadOnlyList<ShellWord>? TryParseJsonArray(OffsetText text)
    {
        string s = text.Text;
        int i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        if (i >= s.Length || s[i] != '[') return null;
        i++;
        var words = new List<ShellWord>();
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i < s.Length && s[i] == ']' && words.Count == 0)
            {
                i++;
                break;
            }
            if (i >= s.Length || s[i] != '"') return null;
            int start = i;
            i++;
            var sb = new StringBuilder();
            while (i < s.Length && s[i] != '"')
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    char e = s[i + 1];
                    sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '/' => '/', 'b' => '\b', 'f' => '\f', _ => e });
                    i += 2;
                    continue;
                }
                sb.Append(s[i]);
                i++;
            }
            if (i >= s.Length) return null;
            i++;
            words.Add(new ShellWord(sb.ToString(), text.DocOffset(start), text.DocOffset(i - 1) + 1, false, true));
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i < s.Length && s[i] == ',')
            {
                i++;
                continue;
            }
            if (i < s.Length && s[i] == ']')
            {
                i++;
                break;
            }
            return null;
        }
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i == s.Length ? words : null;
    }
}
