using System.Text;
using MLOpsLint.Core.Python.Tokens;

namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// Builds imports, calls, assignments, functions, string literals and comments from tokens. Tolerant: it
/// works statement by statement over logical lines and never needs the code to parse as a whole.
/// </summary>
internal sealed class ModuleParser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    private readonly PythonModule module;
    private readonly string text;
    private readonly PyToken[] all;
    private int[] sig = Array.Empty<int>();   // indices into 'all' of significant tokens
    private int[] match = Array.Empty<int>(); // for an opening bracket in sig: index in sig of its closer, else -1
    private PyStringLiteral?[] literalAt = Array.Empty<PyStringLiteral?>(); // per sig index: literal starting there
    private int[] literalEnd = Array.Empty<int>(); // per sig index: sig index after the literal

    public readonly List<PyImport> Imports = new();
    public readonly List<PyCall> Calls = new();
    public readonly List<PyAssignment> Assignments = new();
    public readonly List<PyFunction> Functions = new();
    public readonly List<PyStringLiteral> Strings = new();
    public readonly List<PyComment> Comments = new();
    public readonly List<PyParseError> Errors = new();
    public readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal);

    public ModuleParser(PythonModule module, PyToken[] tokens)
    {
        this.module = module;
        text = module.Text;
        all = tokens;
    }

    public void Run()
    {
        Collect();
        MatchBrackets();
        var statements = SplitStatements();
        foreach (var (s, e) in statements)
        {
            Statement(s, e);
        }
        foreach (var imp in Imports)
        {
            if (imp.BoundName != null) Aliases[imp.BoundName] = imp.QualifiedName;
        }
        FindCalls();
        FindFunctions(statements);
        foreach (var a in pendingAssignments) Assignments.Add(a());
    }

    private readonly List<Func<PyAssignment>> pendingAssignments = new();
    private readonly List<int> eqs = new();

    private PyToken T(int si) => all[sig[si]];

    private char[] op1 = Array.Empty<char>(); // per sig index: the character of a one-character operator, else '\0'

    private bool IsOp(int si, string op)
    {
        if ((uint)si >= (uint)sig.Length) return false;
        if (op.Length == 1) return op1[si] == op[0];
        return all[sig[si]].IsOp(text, op);
    }

    private bool IsName(int si, string name) => si >= 0 && si < sig.Length && T(si).IsName(text, name);

    private string Str(int si) => T(si).GetText(text);

    private void Collect()
    {
        var list = new List<int>(all.Length);
        int fdepth = 0;
        int fstart = 0;
        var starts = new List<(int Sig, PyStringLiteral Lit)>();
        for (int i = 0; i < all.Length; i++)
        {
            var t = all[i];
            switch (t.Kind)
            {
                case PyTokenKind.Comment:
                    Comments.Add(new PyComment(module, t.Start, t.End));
                    continue;
                case PyTokenKind.NL:
                    continue;
                case PyTokenKind.String:
                    {
                        var lit = new PyStringLiteral(module, t.Start, t.End);
                        Strings.Add(lit);
                        if (fdepth == 0) starts.Add((list.Count, lit));
                        break;
                    }
                case PyTokenKind.FStringStart:
                    if (fdepth == 0) fstart = list.Count;
                    fdepth++;
                    break;
                case PyTokenKind.FStringEnd:
                    fdepth = Math.Max(0, fdepth - 1);
                    {
                        // find the matching start for nested f-strings: scan back over the sig list
                        int depth = 0;
                        for (int k = list.Count - 1; k >= 0; k--)
                        {
                            var kt = all[list[k]];
                            if (kt.Kind == PyTokenKind.FStringEnd) depth++;
                            else if (kt.Kind == PyTokenKind.FStringStart)
                            {
                                if (depth == 0)
                                {
                                    var lit = new PyStringLiteral(module, kt.Start, t.End);
                                    Strings.Add(lit);
                                    if (fdepth == 0) starts.Add((fstart, lit));
                                    break;
                                }
                                depth--;
                            }
                        }
                    }
                    break;
            }
            list.Add(i);
        }
        sig = list.ToArray();
        op1 = new char[sig.Length];
        for (int k = 0; k < sig.Length; k++)
        {
            ref readonly var t = ref all[sig[k]];
            if (t.Kind == PyTokenKind.Op && t.Length == 1) op1[k] = text[t.Start];
        }
        literalAt = new PyStringLiteral?[sig.Length];
        literalEnd = new int[sig.Length];
        foreach (var (si, lit) in starts)
        {
            literalAt[si] = lit;
            int k = si;
            while (k < sig.Length && all[sig[k]].Start < lit.End) k++;
            literalEnd[si] = k;
        }
        Strings.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private void MatchBrackets()
    {
        match = new int[sig.Length];
        var stack = new Stack<int>();
        for (int si = 0; si < sig.Length; si++)
        {
            match[si] = -1;
            var t = T(si);
            if (t.Kind != PyTokenKind.Op || t.Length != 1) continue;
            char c = text[t.Start];
            if (c == '(' || c == '[' || c == '{')
            {
                stack.Push(si);
            }
            else if (c == ')' || c == ']' || c == '}')
            {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (stack.Count > 0 && text[T(stack.Peek()).Start] == open)
                {
                    match[stack.Pop()] = si;
                }
                else if (stack.Count > 0 && stack.Skip(1).Any(o => text[T(o).Start] == open))
                {
                    while (text[T(stack.Peek()).Start] != open)
                    {
                        int o = stack.Pop();
                        Errors.Add(new PyParseError(module, T(o).Start, T(o).End, $"'{text[T(o).Start]}' was never closed"));
                    }
                    match[stack.Pop()] = si;
                }
                else
                {
                    Errors.Add(new PyParseError(module, t.Start, t.End, $"unmatched '{c}'"));
                }
            }
        }
        foreach (int o in stack)
        {
            Errors.Add(new PyParseError(module, T(o).Start, T(o).End, $"'{text[T(o).Start]}' was never closed"));
        }
    }

    /// <summary>Next sig index after the bracketed group or token at <paramref name="si"/>.</summary>
    private int Skip(int si)
    {
        if (literalAt[si] != null) return literalEnd[si];
        return match[si] > si ? match[si] + 1 : si + 1;
    }

    /// <summary>Statements as [start, end) sig ranges: logical lines split at ';' and after compound headers.</summary>
    private List<(int, int)> SplitStatements()
    {
        var result = new List<(int, int)>();
        int s = 0;
        int si = 0;
        while (si < sig.Length)
        {
            var t = T(si);
            if (t.Kind is PyTokenKind.Newline or PyTokenKind.EndMarker or PyTokenKind.Indent or PyTokenKind.Dedent || IsOp(si, ";"))
            {
                if (si > s) result.Add((s, si));
                s = ++si;
                continue;
            }
            if (si == s && t.Kind == PyTokenKind.Name && IsCompoundKeyword(t.AsSpan(text)))
            {
                // header up to its ':' is one statement, the rest of the line another
                int k = si;
                bool lambda = false;
                while (k < sig.Length && !(T(k).Kind is PyTokenKind.Newline or PyTokenKind.EndMarker))
                {
                    if (IsName(k, "lambda")) lambda = true;
                    if (IsOp(k, ":"))
                    {
                        if (lambda) { lambda = false; k++; continue; }
                        break;
                    }
                    k = Skip(k);
                }
                if (k < sig.Length && IsOp(k, ":"))
                {
                    result.Add((s, k + 1));
                    s = si = k + 1;
                    continue;
                }
            }
            si = Skip(si);
        }
        if (s < sig.Length) result.Add((s, sig.Length));
        return result;
    }

    private static bool IsCompoundKeyword(ReadOnlySpan<char> w) => w.Length is >= 2 and <= 7 && CompoundKeywords.Contains(w.ToString());

    private static readonly HashSet<string> CompoundKeywords = new(StringComparer.Ordinal)
    {
        "if", "elif", "else", "while", "for", "try", "except", "finally", "with", "def", "class", "async",
    };

    /// <summary>Keyword test without allocating for the common case (identifiers that are not keyword-shaped).</summary>
    private bool IsKeywordAt(int si)
    {
        var w = T(si).AsSpan(text);
        if (w.Length < 2 || w.Length > 8) return false;
        char c = w[0];
        if (!(c >= 'a' && c <= 'y') && c != 'F' && c != 'N' && c != 'T') return false;
        for (int i = 1; i < w.Length; i++)
        {
            if (w[i] < 'a' || w[i] > 'z') return false;
        }
        return Keywords.Contains(w.ToString());
    }

    private void Statement(int s, int e)
    {
        if (IsName(s, "import"))
        {
            ImportStatement(s + 1, e, null);
            return;
        }
        if (IsName(s, "from"))
        {
            int k = s + 1;
            var mod = new StringBuilder();
            while (k < e && (IsOp(k, ".") || IsOp(k, "...") || (T(k).Kind == PyTokenKind.Name && !IsName(k, "import"))))
            {
                mod.Append(Str(k));
                k++;
            }
            if (IsName(k, "import"))
            {
                ImportStatement(k + 1, e, mod.ToString());
            }
            return;
        }
        if (T(s).Kind == PyTokenKind.Name && IsKeywordAt(s) && !IsName(s, "None") && !IsName(s, "True") && !IsName(s, "False"))
        {
            return;
        }
        Assignment(s, e);
    }

    private void ImportStatement(int k, int e, string? fromModule)
    {
        while (k < e)
        {
            if (IsOp(k, "(") || IsOp(k, ")") || IsOp(k, ","))
            {
                k++;
                continue;
            }
            int itemStart = k;
            var name = new StringBuilder();
            while (k < e && (T(k).Kind == PyTokenKind.Name && !IsName(k, "as") || IsOp(k, ".") || IsOp(k, "*")))
            {
                name.Append(Str(k));
                k++;
            }
            string? alias = null;
            if (IsName(k, "as") && k + 1 < e && T(k + 1).Kind == PyTokenKind.Name)
            {
                alias = Str(k + 1);
                k += 2;
            }
            if (name.Length > 0)
            {
                int start = T(itemStart).Start, end = T(k - 1).End;
                Imports.Add(fromModule == null
                    ? new PyImport(module, start, end, name.ToString(), null, alias)
                    : new PyImport(module, start, end, fromModule, name.ToString(), alias));
            }
            if (k == itemStart) k++;
        }
    }

    private void Assignment(int s, int e)
    {
        // top-level '=' positions (not inside brackets, not after 'lambda')
        var eqs = this.eqs;
        eqs.Clear();
        int colon = -1;
        for (int k = s; k < e;)
        {
            if (IsName(k, "lambda")) break;
            if (IsOp(k, "=")) eqs.Add(k);
            else if (colon < 0 && eqs.Count == 0 && IsOp(k, ":")) colon = k;
            k = Skip(k);
        }
        if (eqs.Count == 0) return;
        int valueStart = eqs[eqs.Count - 1] + 1;
        if (valueStart >= e) return;
        int ts = s;
        foreach (int eq in eqs)
        {
            int targetEnd = ts == s && colon > 0 && colon < eq ? colon : eq;
            string? annotation = targetEnd == colon ? Join(colon + 1, eq) : null;
            if (targetEnd > ts)
            {
                int tStart = ts, tEnd = targetEnd, vs = valueStart;
                pendingAssignments.Add(() => MakeAssignment(s, e, tStart, tEnd, annotation, vs));
            }
            ts = eq + 1;
        }
    }

    private PyAssignment MakeAssignment(int s, int e, int ts, int te, string? annotation, int vs)
    {
        string target = Join(ts, te);
        string qualified = Resolve(target);
        string? targetName = null, key = null;
        var last = T(te - 1);
        if (last.Kind == PyTokenKind.Name)
        {
            targetName = last.GetText(text);
        }
        else if (IsOp(te - 1, "]") && match[te - 1] < 0)
        {
            // find the '[' opening this subscript
            for (int k = te - 2; k >= ts; k--)
            {
                if (match[k] == te - 1)
                {
                    if (k + 2 == te - 1 && literalAt[k + 1] is PyStringLiteral lit && !lit.IsFString)
                    {
                        key = lit.Value;
                        targetName = key;
                    }
                    break;
                }
            }
        }
        var (literal, strings) = Literal(vs, e);
        return new PyAssignment(module, T(s).Start, T(e - 1).End, target, qualified, targetName, key, annotation, T(vs).Start, T(e - 1).End, literal, strings);
    }

    /// <summary>Source text of sig range [s, e), as written.</summary>
    private string Join(int s, int e) => e <= s ? "" : text.Substring(T(s).Start, T(e - 1).End - T(s).Start);

    /// <summary>Replaces the first name of a dotted expression by what it was imported as.</summary>
    internal string Resolve(string dotted)
    {
        int i = 0;
        while (i < dotted.Length && (char.IsLetterOrDigit(dotted[i]) || dotted[i] == '_' || dotted[i] > 0x7F)) i++;
        if (i == 0) return dotted;
        string head = dotted.Substring(0, i);
        return Aliases.TryGetValue(head, out var q) ? q + dotted.Substring(i) : dotted;
    }

    private (PyLiteralKind, PyStringLiteral[]) Literal(int s, int e)
    {
        if (s >= e) return (PyLiteralKind.None, Array.Empty<PyStringLiteral>());
        if (literalAt[s] != null)
        {
            var list = new List<PyStringLiteral>();
            int k = s;
            while (k < e && literalAt[k] is PyStringLiteral lit)
            {
                list.Add(lit);
                k = literalEnd[k];
            }
            if (k == e) return (list[0].IsBytes ? PyLiteralKind.Bytes : PyLiteralKind.String, list.ToArray());
            return (PyLiteralKind.None, Array.Empty<PyStringLiteral>());
        }
        int n = e - s;
        var t = T(s);
        if (n == 1 && t.Kind == PyTokenKind.Number) return (PyLiteralKind.Number, Array.Empty<PyStringLiteral>());
        if (n == 2 && (IsOp(s, "-") || IsOp(s, "+")) && T(s + 1).Kind == PyTokenKind.Number) return (PyLiteralKind.Number, Array.Empty<PyStringLiteral>());
        if (n == 1 && t.Kind == PyTokenKind.Name)
        {
            var w = t.AsSpan(text);
            if (w.SequenceEqual("True".AsSpan())) return (PyLiteralKind.True, Array.Empty<PyStringLiteral>());
            if (w.SequenceEqual("False".AsSpan())) return (PyLiteralKind.False, Array.Empty<PyStringLiteral>());
            if (w.SequenceEqual("None".AsSpan())) return (PyLiteralKind.NoneValue, Array.Empty<PyStringLiteral>());
        }
        return (PyLiteralKind.None, Array.Empty<PyStringLiteral>());
    }

    private void FindCalls()
    {
        var sb = new StringBuilder();
        for (int si = 0; si < sig.Length; si++)
        {
            var t = T(si);
            if (t.Kind != PyTokenKind.Name || IsOp(si - 1, ".")) continue;
            if (!(IsOp(si + 1, "(") || IsOp(si + 1, ".") || IsOp(si + 1, "["))) continue;
            if (IsKeywordAt(si) || IsName(si - 1, "def") || IsName(si - 1, "class")) continue;
            string first = t.GetText(text);
            sb.Clear().Append(first);
            PyCall? receiver = null;
            int j = si;
            while (j + 1 < sig.Length)
            {
                if (IsOp(j + 1, ".") && j + 2 < sig.Length && T(j + 2).Kind == PyTokenKind.Name)
                {
                    sb.Append('.').Append(Str(j + 2));
                    j += 2;
                }
                else if (IsOp(j + 1, "(") && match[j + 1] > 0)
                {
                    string callee = sb.ToString();
                    int open = j + 1, close = match[open];
                    var call = new PyCall(module, t.Start, T(close).End, callee, Resolve(callee), Arguments(open, close), receiver, T(open).Start);
                    Calls.Add(call);
                    receiver = call;
                    sb.Append("()");
                    j = close;
                }
                else if (IsOp(j + 1, "[") && match[j + 1] > 0)
                {
                    sb.Append("[]");
                    j = match[j + 1];
                }
                else
                {
                    break;
                }
            }
        }
        Calls.Sort((a, b) => a.OpenParen.CompareTo(b.OpenParen));
    }

    private IReadOnlyList<PyArgument> Arguments(int open, int close)
    {
        var list = new List<PyArgument>();
        int s = open + 1;
        int k = s;
        while (k <= close)
        {
            if (k == close || IsOp(k, ","))
            {
                if (k > s) list.Add(Argument(s, k));
                s = k + 1;
                k++;
                continue;
            }
            k = Skip(k);
        }
        return list;
    }

    private PyArgument Argument(int s, int e)
    {
        var kind = PyArgumentKind.Positional;
        string? name = null;
        int vs = s;
        if (IsOp(s, "*")) { kind = PyArgumentKind.Star; vs = s + 1; }
        else if (IsOp(s, "**")) { kind = PyArgumentKind.StarStar; vs = s + 1; }
        else if (T(s).Kind == PyTokenKind.Name && IsOp(s + 1, "=") && s + 1 < e)
        {
            kind = PyArgumentKind.Keyword;
            name = Str(s);
            vs = s + 2;
        }
        var (literal, strings) = Literal(vs, e);
        int valueStart = vs < e ? T(vs).Start : T(e - 1).End;
        return new PyArgument(module, T(s).Start, T(e - 1).End, kind, name, valueStart, T(e - 1).End, literal, strings);
    }

    private void FindFunctions(List<(int S, int E)> statements)
    {
        // indentation depth per sig index, to find where an indented body ends
        var classStack = new List<(int Depth, string Name)>();
        int depth = 0;
        var depthAt = new int[sig.Length + 1];
        for (int si = 0; si < sig.Length; si++)
        {
            if (T(si).Kind == PyTokenKind.Indent) depth++;
            else if (T(si).Kind == PyTokenKind.Dedent) depth--;
            depthAt[si] = depth;
        }
        foreach (var (s, e) in statements)
        {
            int k = s;
            bool isAsync = false;
            if (IsName(k, "async")) { isAsync = true; k++; }
            bool isClass = IsName(k, "class");
            if (!isClass && !IsName(k, "def")) continue;
            if (k + 1 >= e || T(k + 1).Kind != PyTokenKind.Name) continue;
            string name = Str(k + 1);
            int bodyEndSig = BodyEnd(e, depthAt);
            while (classStack.Count > 0 && classStack[classStack.Count - 1].Depth >= depthAt[s]) classStack.RemoveAt(classStack.Count - 1);
            if (isClass)
            {
                classStack.Add((depthAt[s], name));
                continue;
            }
            var parameters = IsOp(k + 2, "(") && match[k + 2] > 0 ? Parameters(k + 2, match[k + 2]) : Array.Empty<PyParameter>();
            int endOffset = bodyEndSig > e ? LastEnd(bodyEndSig) : T(e - 1).End;
            string? className = classStack.Count > 0 && classStack[classStack.Count - 1].Depth == depthAt[s] - 1 ? classStack[classStack.Count - 1].Name : null;
            var fn = new PyFunction(module, T(s).Start, endOffset, name, isAsync, parameters, T(e - 1).End, className);
            Functions.Add(fn);
        }
        var opens = Calls.Select(c => c.OpenParen).ToArray();
        foreach (var fn in Functions)
        {
            int from = LowerBound(opens, fn.BodyStart), to = LowerBound(opens, fn.End);
            fn.Calls = Calls.GetRange(from, to - from).ToArray();
            foreach (var c in fn.Calls)
            {
                if (c.EnclosingFunction == null || c.EnclosingFunction.Start < fn.Start) c.EnclosingFunction = fn;
            }
        }
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>End (sig index) of the body of a compound statement whose header ends at <paramref name="headerEnd"/>.</summary>
    private int BodyEnd(int headerEnd, int[] depthAt)
    {
        int k = headerEnd;
        if (k < sig.Length && T(k).Kind == PyTokenKind.Newline && k + 1 < sig.Length && T(k + 1).Kind == PyTokenKind.Indent)
        {
            int d = depthAt[k + 1];
            k += 2;
            while (k < sig.Length && !(T(k).Kind == PyTokenKind.Dedent && depthAt[k] < d)) k++;
            return k;
        }
        // a one-line body: to the end of the logical line
        while (k < sig.Length && !(T(k).Kind is PyTokenKind.Newline or PyTokenKind.EndMarker)) k++;
        return k;
    }

    private int LastEnd(int sigEnd)
    {
        for (int k = Math.Min(sigEnd, sig.Length) - 1; k >= 0; k--)
        {
            if (T(k).Kind is not (PyTokenKind.Dedent or PyTokenKind.Newline or PyTokenKind.Indent or PyTokenKind.EndMarker)) return T(k).End;
        }
        return 0;
    }

    private PyParameter[] Parameters(int open, int close)
    {
        var list = new List<PyParameter>();
        int s = open + 1, k = s;
        while (k <= close)
        {
            if (k == close || IsOp(k, ","))
            {
                if (k > s)
                {
                    var kind = PyArgumentKind.Positional;
                    int n = s;
                    if (IsOp(n, "*")) { kind = PyArgumentKind.Star; n++; }
                    else if (IsOp(n, "**")) { kind = PyArgumentKind.StarStar; n++; }
                    if (n < k && T(n).Kind == PyTokenKind.Name)
                    {
                        string? annotation = null, dflt = null;
                        int m = n + 1;
                        int colon = -1, eq = -1;
                        for (int q = m; q < k; q = Skip(q))
                        {
                            if (colon < 0 && eq < 0 && IsOp(q, ":")) colon = q;
                            if (eq < 0 && IsOp(q, "=")) eq = q;
                        }
                        if (colon > 0) annotation = Join(colon + 1, eq > 0 ? eq : k);
                        if (eq > 0) dflt = Join(eq + 1, k);
                        list.Add(new PyParameter(Str(n), annotation, dflt, kind));
                    }
                }
                s = k + 1;
                k++;
                continue;
            }
            k = Skip(k);
        }
        return list.ToArray();
    }
}
