using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>
/// Mechanical fixes for the seed rules, as <see cref="TextEdit"/>s in document coordinates. They only insert text
/// inside a call's parentheses (or right after them), keeping the call's layout: one line stays one line; a call
/// with one argument per line gets one more line, with the same indentation and trailing-comma style. In
/// notebooks every edit stays on one line (no newline inside a JSON string), and the text is plain ASCII.
/// </summary>
public static class SeedFixes
{
    /// <summary>Adds <c>name=value</c> as the last keyword argument of <paramref name="call"/>.</summary>
    public static TextEdit AddKeyword(PyCall call, string name, string value) => PlanKeyword(call, name).With(value);

    /// <summary>Where and how <c>name=…</c> goes into <paramref name="call"/>, for any value (<see cref="AddKeyword"/>
    /// without the value: planned while the module is parsed, filled in with the configured seed later).</summary>
    public static KeywordInsertion PlanKeyword(PyCall call, string name)
    {
        var m = call.Module;
        string text = m.Text;
        int close = call.End - 1;
        int open = call.OpenParen;
        if (call.Arguments.Count == 0)
        {
            return new KeywordInsertion(At(m, open + 1), "", "", name, call.Callee);
        }
        var last = call.Arguments[call.Arguments.Count - 1];
        int afterLast = last.End;
        string between = text.Substring(afterLast, close - afterLast);
        int comma = IndexOfCommaOutsideComment(between);
        bool multiLine = between.IndexOf('\n') >= 0 || between.IndexOf('\r') >= 0;
        bool onePerLine = IsFirstOnLine(text, last.Start) && !m.IsNotebook;

        if (!m.IsNotebook && multiLine && onePerLine && IsFirstOnLine(text, close))
        {
            string nl = NewLine(text);
            string indent = Indentation(text, last.Start);
            int closeLineStart = LineStart(text, close);
            if (comma >= 0)
            {
                // a(\n    x=1,\n)  →  a(\n    x=1,\n    random_state=42,\n)
                return new KeywordInsertion(At(m, closeLineStart), indent, "," + nl, name, call.Callee);
            }
            // a(\n    x=1\n)  →  a(\n    x=1,\n    random_state=42\n)   (comments after x=1 stay where they are)
            string before = "," + text.Substring(afterLast, closeLineStart - afterLast) + indent;
            return new KeywordInsertion(m.Locate(afterLast, closeLineStart).Span, before, nl, name, call.Callee);
        }
        if (comma >= 0)
        {
            // f(a, b,) → f(a, b, random_state=42,)
            return new KeywordInsertion(At(m, afterLast + comma + 1), " ", ",", name, call.Callee);
        }
        return new KeywordInsertion(At(m, afterLast), ", ", "", name, call.Callee);
    }

    /// <summary>Puts <paramref name="value"/> as the only argument of an empty call: <c>default_rng()</c> → <c>default_rng(42)</c>.</summary>
    public static TextEdit FillEmptyCall(PyCall call, string value) =>
        new(call.Module.Locate(call.OpenParen + 1, call.End - 1).Span, value, $"seed {call.Callee}({value})");

    /// <summary>Appends a chained call: <c>torch.Generator()</c> → <c>torch.Generator().manual_seed(42)</c>.</summary>
    public static TextEdit AppendCall(PyCall call, string suffix) =>
        Insert(call.Module, call.End, suffix, $"chain {suffix} to {call.Callee}()");

    private static TextEdit Insert(PythonModule m, int offset, string newText, string description) =>
        new(At(m, offset), newText, description);

    private static SourceSpan At(PythonModule m, int offset) => m.Locate(offset, offset).Span;

    private static int IndexOfCommaOutsideComment(string between)
    {
        bool comment = false;
        for (int i = 0; i < between.Length; i++)
        {
            char c = between[i];
            if (c == '#') comment = true;
            else if (c is '\n' or '\r') comment = false;
            else if (c == ',' && !comment) return i;
        }
        return -1;
    }

    private static int LineStart(string text, int offset)
    {
        int i = offset;
        while (i > 0 && text[i - 1] != '\n' && text[i - 1] != '\r') i--;
        return i;
    }

    private static bool IsFirstOnLine(string text, int offset)
    {
        for (int i = LineStart(text, offset); i < offset; i++)
        {
            if (text[i] != ' ' && text[i] != '\t') return false;
        }
        return true;
    }

    private static string Indentation(string text, int offset)
    {
        int s = LineStart(text, offset);
        int e = s;
        while (e < text.Length && (text[e] == ' ' || text[e] == '\t')) e++;
        return text.Substring(s, e - s);
    }

    private static string NewLine(string text) => text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
}

/// <summary>Replaces <see cref="Span"/> with <see cref="Before"/> + <c>keyword=value</c> + <see cref="After"/>: a keyword
/// argument added to a call (<see cref="SeedFixes.PlanKeyword"/>), for whatever value it is given.</summary>
public sealed record KeywordInsertion(SourceSpan Span, string Before, string After, string Keyword, string Callee)
{
    public TextEdit With(string value)
    {
        string kw = Keyword + "=" + value;
        return new TextEdit(Span, Before + kw + After, $"add {kw} to {Callee}(...)");
    }
}
