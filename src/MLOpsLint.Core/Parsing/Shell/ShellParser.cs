using System.Text;

namespace MLOpsLint.Core.Parsing.Shell;

/// <summary>
/// A small POSIX-shell word splitter, enough to find commands in Dockerfile RUN lines, shell scripts and
/// notebook <c>!</c> lines: quotes (<c>'…'</c>, <c>"…"</c>), backslash escapes and line continuations,
/// comments, control operators, redirections, <c>$(…)</c>/<c>${…}</c>/backticks kept inside words, and
/// heredocs. It does not expand anything; words whose value depends on an expansion say so.
/// Leading keywords (<c>if</c>, <c>then</c>, <c>!</c>, <c>do</c>…) start a new command.
/// </summary>
public static class ShellParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "time", "case", "esac", "in",
    };

    /// <summary>Splits <paramref name="text"/> into simple commands. With <paramref name="skipHeredocBodies"/>
    /// true (a script), the lines after a <c>&lt;&lt;EOF</c> up to the delimiter are data and are skipped; false when the
    /// caller has already taken the bodies out (a Dockerfile RUN line).</summary>
    public static IReadOnlyList<ShellCommand> Parse(OffsetText text, bool skipHeredocBodies = true)
    {
        var p = new State(text, skipHeredocBodies);
        p.Run();
        return p.Commands;
    }

    /// <summary>Parses a document-contiguous string (offsets = <paramref name="start"/> + index).</summary>
    public static IReadOnlyList<ShellCommand> Parse(string text, int start = 0, bool skipHeredocBodies = true) =>
        Parse(OffsetText.Contiguous(text, start), skipHeredocBodies);

    private sealed class State
    {
        private readonly OffsetText source;
        private readonly string s;
        private readonly bool skipHeredocBodies;
        private readonly List<ShellWord> words = new();
        private readonly List<string> heredocs = new();
        private readonly StringBuilder word = new();
        private readonly List<(string Delimiter, bool StripTabs)> pendingBodies = new();
        private bool nextWordIsRedirectTarget;
        private bool nextWordIsHeredocDelimiter;
        private bool heredocStripTabs;
        private int i;

        public State(OffsetText source, bool skipHeredocBodies)
        {
            this.source = source;
            s = source.Text;
            this.skipHeredocBodies = skipHeredocBodies;
        }

        public List<ShellCommand> Commands { get; } = new();

        public void Run()
        {
            while (i < s.Length)
            {
                char c = s[i];
                if (c == ' ' || c == '\t')
                {
                    i++;
                    continue;
                }
                if (c == '\\' && i + 1 < s.Length && (s[i + 1] == '\n' || s[i + 1] == '\r'))
                {
                    i += 2;
                    if (s[i - 1] == '\r' && i < s.Length && s[i] == '\n') i++;
                    continue;
                }
                if (c == '\n' || c == '\r')
                {
                    i++;
                    EndCommand();
                    if (pendingBodies.Count > 0) SkipBodies();
                    continue;
                }
                if (c == '#')
                {
                    while (i < s.Length && s[i] != '\n' && s[i] != '\r') i++;
                    continue;
                }
                if (c == ';' || c == '|' || c == '(' || c == ')')
                {
                    i++;
                    if (i < s.Length && (s[i] == '|' || s[i] == ';' || s[i] == '&') && c != '(' && c != ')') i++;
                    EndCommand();
                    continue;
                }
                if (c == '&')
                {
                    i++;
                    if (i < s.Length && s[i] == '&') i++;
                    else if (i < s.Length && s[i] == '>')
                    {
                        // &> file
                        i++;
                        if (i < s.Length && s[i] == '>') i++;
                        nextWordIsRedirectTarget = true;
                        continue;
                    }
                    EndCommand();
                    continue;
                }
                if (c == '<' || c == '>' || (char.IsDigit(c) && IsFdRedirect()))
                {
                    ReadRedirect();
                    continue;
                }
                ReadWord();
            }
            EndCommand();
        }

        private bool IsFdRedirect()
        {
            int j = i;
            while (j < s.Length && char.IsDigit(s[j])) j++;
            return j < s.Length && (s[j] == '<' || s[j] == '>') && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t');
        }

        private void ReadRedirect()
        {
            while (i < s.Length && char.IsDigit(s[i])) i++;
            if (i + 1 < s.Length && s[i] == '<' && s[i + 1] == '<')
            {
                i += 2;
                if (i < s.Length && s[i] == '<')
                {
                    i++; // here-string: the next word is data
                    nextWordIsRedirectTarget = true;
                    return;
                }
                heredocStripTabs = i < s.Length && s[i] == '-';
                if (heredocStripTabs) i++;
                nextWordIsHeredocDelimiter = true;
                return;
            }
            i++;
            if (i < s.Length && (s[i] == '>' || s[i] == '&' || s[i] == '|')) i++;
            if (i < s.Length && s[i - 1] == '&' && i < s.Length && (char.IsDigit(s[i]) || s[i] == '-'))
            {
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '-')) i++;
                return;
            }
            nextWordIsRedirectTarget = true;
        }

        private void ReadWord()
        {
            var sb = word.Clear();
            int start = i;
            bool expansion = false, quoted = false;
            while (i < s.Length)
            {
                char c = s[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')')
                {
                    break;
                }
                if (c == '\\')
                {
                    if (i + 1 < s.Length && (s[i + 1] == '\n' || s[i + 1] == '\r'))
                    {
                        i += 2;
                        if (s[i - 1] == '\r' && i < s.Length && s[i] == '\n') i++;
                        continue;
                    }
                    if (i + 1 < s.Length) sb.Append(s[i + 1]);
                    i += 2;
                    continue;
                }
                if (c == '\'')
                {
                    quoted = true;
                    int close = s.IndexOf('\'', i + 1);
                    if (close < 0) close = s.Length;
                    sb.Append(s, i + 1, close - i - 1);
                    i = Math.Min(s.Length, close + 1);
                    continue;
                }
                if (c == '"')
                {
                    quoted = true;
                    i++;
                    while (i < s.Length && s[i] != '"')
                    {
                        if (s[i] == '\\' && i + 1 < s.Length && "\"\\$`\n".IndexOf(s[i + 1]) >= 0)
                        {
                            if (s[i + 1] != '\n') sb.Append(s[i + 1]);
                            i += 2;
                            continue;
                        }
                        if (s[i] == '$' || s[i] == '`') expansion = true;
                        if (s[i] == '$' && i + 1 < s.Length && s[i + 1] == '(')
                        {
                            int end = SkipBalanced(i + 1, '(', ')');
                            sb.Append(s, i, end - i);
                            i = end;
                            continue;
                        }
                        sb.Append(s[i]);
                        i++;
                    }
                    i = Math.Min(s.Length, i + 1);
                    continue;
                }
                if (c == '$')
                {
                    expansion = true;
                    if (i + 1 < s.Length && (s[i + 1] == '(' || s[i + 1] == '{'))
                    {
                        char open = s[i + 1];
                        int end = SkipBalanced(i + 1, open, open == '(' ? ')' : '}');
                        sb.Append(s, i, end - i);
                        i = end;
                        continue;
                    }
                    sb.Append(c);
                    i++;
                    continue;
                }
                if (c == '`')
                {
                    expansion = true;
                    int close = s.IndexOf('`', i + 1);
                    if (close < 0) close = s.Length - 1;
                    sb.Append(s, i, close - i + 1);
                    i = close + 1;
                    continue;
                }
                sb.Append(c);
                i++;
            }
            if (i == start) { i++; return; }
            string value = sb.ToString();
            if (nextWordIsHeredocDelimiter)
            {
                nextWordIsHeredocDelimiter = false;
                heredocs.Add(value);
                pendingBodies.Add((value, heredocStripTabs));
                return;
            }
            if (nextWordIsRedirectTarget)
            {
                nextWordIsRedirectTarget = false;
                return;
            }
            if (words.Count == 0 && !quoted && Keywords.Contains(value)) return;
            words.Add(new ShellWord(value, source.DocOffset(start), source.DocOffset(i - 1) + 1, expansion, quoted));
        }

        private int SkipBalanced(int openIndex, char open, char close)
        {
            int depth = 0;
            int j = openIndex;
            while (j < s.Length)
            {
                char c = s[j];
                if (c == '\\') { j += 2; continue; }
                if (c == '\'' && open == '(')
                {
                    int q = s.IndexOf('\'', j + 1);
                    j = q < 0 ? s.Length : q + 1;
                    continue;
                }
                if (c == open) depth++;
                else if (c == close)
                {
                    depth--;
                    if (depth == 0) return j + 1;
                }
                j++;
            }
            return s.Length;
        }

        private void SkipBodies()
        {
            if (!skipHeredocBodies)
            {
                pendingBodies.Clear();
                return;
            }
            foreach (var (delimiter, stripTabs) in pendingBodies)
            {
                while (i < s.Length)
                {
                    int eol = i;
                    while (eol < s.Length && s[eol] != '\n' && s[eol] != '\r') eol++;
                    string line = s.Substring(i, eol - i);
                    if (stripTabs) line = line.TrimStart('\t');
                    i = eol;
                    if (i < s.Length && s[i] == '\r') i++;
                    if (i < s.Length && s[i] == '\n') i++;
                    if (line == delimiter) break;
                }
            }
            pendingBodies.Clear();
        }

        private void EndCommand()
        {
            nextWordIsRedirectTarget = false;
            if (words.Count > 0 || heredocs.Count > 0)
            {
                Commands.Add(new ShellCommand(words.ToArray(), heredocs.ToArray()));
            }
            words.Clear();
            heredocs.Clear();
        }
    }
}
