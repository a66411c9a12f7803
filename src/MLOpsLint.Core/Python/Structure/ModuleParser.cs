using System.Buffers;
using System.Text;
using MLOpsLint.Core.Python.Tokens;

namespace MLOpsLint.Core.Python.Structure;

/// <summary>
/// Builds imports, calls, assignments, functions, string literals and comments from tokens. Tolerant: it
/// works statement by statement over logical lines and never needs the code to parse as a whole.
/// </summary>
internal sealed class ModuleParser
{
    private readonly PythonModule module;
    private readonly string text;
    private readonly CompactToken[] all;
    private readonly int allCount;            // tokens in 'all' (the array may be longer)
    // Per significant token, in arrays rented from the shared pool for the duration of Run (longer than n):
    private int n;                            // number of significant tokens
    private int[] sig = Array.Empty<int>();   // indices into 'all' of significant tokens
    private int[] match = Array.Empty<int>(); // for an opening bracket in sig: index in sig of its closer, else -1
    private int[] literalIndex = Array.Empty<int>(); // per sig index: 1 + the index in 'literals' of the literal starting there, or 0
    private List<(PyStringLiteral Literal, int End)> literals = null!; // top-level literals and the sig index after each
    private char[] op1 = Array.Empty<char>(); // per sig index: the character of a one-character operator, else '\0'
    private PyTokenKind[] kinds = Array.Empty<PyTokenKind>(); // per sig index: the token's kind (passes over sig read this, not the tokens)
    private Kw[] kw = Array.Empty<Kw>(); // per sig index: which keyword a NAME is

    public readonly List<PyImport> Imports = new();
    public readonly List<PyFunction> Functions = new();

    // Built in this thread's scratch lists, handed out as exact-size arrays at the end of Run.
    public PyCall[] CallArray = Array.Empty<PyCall>();
    public PyAssignment[] AssignmentArray = Array.Empty<PyAssignment>();
    public PyStringLiteral[] StringArray = Array.Empty<PyStringLiteral>();
    public ArgInfo[] ArgTable = Array.Empty<ArgInfo>();
    public PyStringLiteral[] ArgLiteralTable = Array.Empty<PyStringLiteral>();
    private List<PyCall> Calls = null!;
    private List<PyAssignment> Assignments = null!;
    private List<PyStringLiteral> Strings = null!;

    private sealed class Scratch
    {
        public readonly List<PyCall> Calls = new();
        public readonly List<PyAssignment> Assignments = new();
        public readonly List<PyStringLiteral> Strings = new();
        public readonly List<(int, int)> Statements = new();
        public readonly List<ArgInfo> Arguments = new();
        public readonly List<PyStringLiteral> ArgLiterals = new();
        public readonly List<(PyStringLiteral, int)> Literals = new();
        public readonly List<int> Indents = new(); // sig index << 1 of each INDENT, | 1 for a DEDENT
        public readonly List<PyParameter> Parameters = new();
        public readonly List<int> CallHeads = new(); // sig indices of the names calls may start at (Collect finds them)

        public void Clear()
        {
            Reset(Indents);
            Reset(Parameters);
            Reset(CallHeads);
            Reset(Literals);
            Reset(Calls);
            Reset(Assignments);
            Reset(Strings);
            Reset(Statements);
            Reset(Arguments);
            Reset(ArgLiterals);
        }

        /// <summary>Empties a list, and lets go of its array when one huge module made it large.</summary>
        private static void Reset<T>(List<T> list)
        {
            list.Clear();
            if (list.Capacity > 1 << 16) list.Capacity = 1 << 10;
        }
    }

    [ThreadStatic]
    private static Scratch? cachedScratch;

    private Scratch scratch = null!;
    public readonly List<PyParseError> Errors = new();
    public readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal);

    public ModuleParser(PythonModule module, CompactToken[] tokens, int count)
    {
        this.module = module;
        text = module.Text;
        all = tokens;
        allCount = count;
    }

    public void Run()
    {
        scratch = cachedScratch ?? new Scratch();
        cachedScratch = null; // not shared with a parser started while this one runs
        Calls = scratch.Calls;
        Assignments = scratch.Assignments;
        Strings = scratch.Strings;
        int size = Math.Max(1, allCount);
        sig = ScratchPool<int>.Rent(size);
        match = ScratchPool<int>.Rent(size);
        literalIndex = ScratchPool<int>.Rent(size);
        literals = scratch.Literals;
        op1 = ScratchPool<char>.Rent(size);
        kinds = ScratchPool<PyTokenKind>.Rent(size);
        kw = ScratchPool<Kw>.Rent(size);
        try
        {
            Collect();
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
            CallArray = Calls.ToArray();
            FindFunctions(statements);
            AssignmentArray = Assignments.ToArray();
            StringArray = Strings.ToArray();
            ArgTable = scratch.Arguments.ToArray();
            ArgLiteralTable = scratch.ArgLiterals.ToArray();
        }
        finally
        {
            ScratchPool<int>.Return(sig);
            ScratchPool<int>.Return(match);
            ScratchPool<int>.Return(literalIndex);
            ScratchPool<char>.Return(op1);
            ScratchPool<PyTokenKind>.Return(kinds);
            kinds = Array.Empty<PyTokenKind>();
            ScratchPool<Kw>.Return(kw);
            kw = Array.Empty<Kw>();
            sig = match = literalIndex = Array.Empty<int>();
            op1 = Array.Empty<char>();
            n = 0;
            scratch.Clear();
            cachedScratch = scratch;
        }
    }

    private readonly List<int> eqs = new();
    private readonly StringBuilder sb = new();

    private CompactToken T(int si) => all[sig[si]];

    /// <summary>The top-level string literal (or whole f-string) starting at sig index <paramref name="si"/>, or null.</summary>
    private PyStringLiteral? LiteralAt(int si) => literalIndex[si] == 0 ? null : literals[literalIndex[si] - 1].Literal;

    /// <summary>The sig index after the literal starting at <paramref name="si"/>.</summary>
    private int LiteralEnd(int si) => literals[literalIndex[si] - 1].End;

    private int AddLiteral(PyStringLiteral literal)
    {
        literals.Add((literal, 0));
        return literals.Count;
    }

    private bool IsOp(int si, string op)
    {
        if ((uint)si >= (uint)n) return false;
        if (op.Length == 1) return op1[si] == op[0];
        return all[sig[si]].IsOp(text, op);
    }

    private bool IsOp(int si, char op) => (uint)si < (uint)n && op1[si] == op;

    /// <summary>True when sig token <paramref name="si"/> is the NAME <paramref name="keyword"/>.</summary>
    private bool Is(int si, Kw keyword) => (uint)si < (uint)n && kw[si] == keyword;

    /// <summary>What a sig token is as a word: not a NAME, an identifier, or one of Python's keywords.</summary>
    private enum Kw : byte
    {
        NotName, Name,
        // keywords (IsKeyword: from False on)
        False, None, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del, Elif, Else, Except, Finally,
        For, From, Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or, Pass, Raise, Return, Try, While, With, Yield,
    }

    /// <summary>The lowercase letters a keyword starts with, as bits ('a' is bit 0): a b c d e f g i l n o p r t w y.</summary>
    private const uint KeywordFirstLetters = 1u << 0 | 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4 | 1u << 5 | 1u << 6 | 1u << 8 | 1u << 11
        | 1u << 13 | 1u << 14 | 1u << 15 | 1u << 17 | 1u << 19 | 1u << 22 | 1u << 24;

    private static Kw Classify(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || w.Length > 8) return Kw.Name;
        // most names cannot be a keyword by their first letter (self, x, np...): no switch for them
        uint letter = (uint)(w[0] - 'a');
        if (letter < 26 ? (KeywordFirstLetters & (1u << (int)letter)) == 0 : w[0] is not ('F' or 'N' or 'T')) return Kw.Name;
        switch (w)
        {
            case "False": return Kw.False;
            case "None": return Kw.None;
            case "True": return Kw.True;
            case "and": return Kw.And;
            case "as": return Kw.As;
            case "assert": return Kw.Assert;
            case "async": return Kw.Async;
            case "await": return Kw.Await;
            case "break": return Kw.Break;
            case "class": return Kw.Class;
            case "continue": return Kw.Continue;
            case "def": return Kw.Def;
            case "del": return Kw.Del;
            case "elif": return Kw.Elif;
            case "else": return Kw.Else;
            case "except": return Kw.Except;
            case "finally": return Kw.Finally;
            case "for": return Kw.For;
            case "from": return Kw.From;
            case "global": return Kw.Global;
            case "if": return Kw.If;
            case "import": return Kw.Import;
            case "in": return Kw.In;
            case "is": return Kw.Is;
            case "lambda": return Kw.Lambda;
            case "nonlocal": return Kw.Nonlocal;
            case "not": return Kw.Not;
            case "or": return Kw.Or;
            case "pass": return Kw.Pass;
            case "raise": return Kw.Raise;
            case "return": return Kw.Return;
            case "try": return Kw.Try;
            case "while": return Kw.While;
            case "with": return Kw.With;
            case "yield": return Kw.Yield;
            default: return Kw.Name;
        }
    }

    private static bool IsCompoundKeyword(Kw k) => k is Kw.If or Kw.Elif or Kw.Else or Kw.While or Kw.For or Kw.Try or Kw.Except
        or Kw.Finally or Kw.With or Kw.Def or Kw.Class or Kw.Async;

    /// <summary>The token's text, interned (names, operators: the same few hundred strings).</summary>
    private string Str(int si)
    {
        ref readonly var t = ref all[sig[si]];
        return NameTable.Get(text, t.Start, t.End);
    }

    /// <summary>One pass over the tokens: the significant ones (not comments, not NL) go to the per-sig arrays (kind,
    /// keyword, one-character operator, literal starting there), brackets are matched as they come, and the sig indices
    /// of INDENT and DEDENT are noted (what <see cref="FindFunctions"/> measures bodies with).</summary>
    private void Collect()
    {
        var list = sig;
        var all = this.all;
        var text = this.text;
        var kinds = this.kinds;
        var kw = this.kw;
        var op1 = this.op1;
        var match = this.match;
        var literalIndex = this.literalIndex;
        var indents = scratch.Indents;
        var heads = scratch.CallHeads;
        int count = 0;
        int fdepth = 0;
        int fstart = 0;
        var stack = ScratchPool<int>.Rent(64);
        int top = 0;
        for (int i = 0; i < allCount; i++)
        {
            ref readonly var t = ref all[i];
            var kind = t.Kind;
            var word = Kw.NotName;
            char c = '\0';
            int literal = 0;
            switch (kind)
            {
                case PyTokenKind.Comment:
                case PyTokenKind.NL:
                    continue;
                case PyTokenKind.Name:
                    word = Classify(text.AsSpan(t.Start, t.End - t.Start));
                    if (word is Kw.Def or Kw.Class) sawDefinition = true;
                    break;
                case PyTokenKind.Op:
                    if (t.End - t.Start == 1) c = text[t.Start];
                    break;
                case PyTokenKind.Indent:
                    indents.Add(count << 1);
                    break;
                case PyTokenKind.Dedent:
                    indents.Add(count << 1 | 1);
                    break;
                case PyTokenKind.String:
                    {
                        var lit = new PyStringLiteral(module, t.Start, t.End);
                        AddString(lit);
                        if (fdepth == 0) literal = AddLiteral(lit);
                        break;
                    }
                case PyTokenKind.FStringStart:
                    if (fdepth == 0) fstart = count;
                    fdepth++;
                    break;
                case PyTokenKind.FStringEnd:
                    fdepth = Math.Max(0, fdepth - 1);
                    {
                        // find the matching start for nested f-strings: scan back over the sig list
                        int depth = 0;
                        for (int k = count - 1; k >= 0; k--)
                        {
                            ref readonly var kt = ref all[list[k]];
                            if (kt.Kind == PyTokenKind.FStringEnd) depth++;
                            else if (kt.Kind == PyTokenKind.FStringStart)
                            {
                                if (depth == 0)
                                {
                                    var lit = new PyStringLiteral(module, kt.Start, t.End);
                                    AddString(lit);
                                    if (fdepth == 0) literalIndex[fstart] = AddLiteral(lit);
                                    break;
                                }
                                depth--;
                            }
                        }
                    }
                    break;
            }
            list[count] = i;
            kinds[count] = kind;
            kw[count] = word;
            op1[count] = c;
            literalIndex[count] = literal;
            match[count] = -1;
            if (c == '(' || c == '[' || c == '{')
            {
                if (top == stack.Length)
                {
                    var bigger = ScratchPool<int>.Rent(top * 2);
                    Array.Copy(stack, bigger, top);
                    ScratchPool<int>.Return(stack);
                    stack = bigger;
                }
                stack[top++] = count;
            }
            else if (c == ')' || c == ']' || c == '}')
            {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (top > 0 && op1[stack[top - 1]] == open)
                {
                    match[stack[--top]] = count;
                }
                else if (top > 1 && Contains(stack, top - 1, open))
                {
                    while (op1[stack[top - 1]] != open)
                    {
                        int o = stack[--top];
                        Errors.Add(new PyParseError(module, T(o).Start, T(o).End, $"'{op1[o]}' was never closed"));
                    }
                    match[stack[--top]] = count;
                }
                else
                {
                    Errors.Add(new PyParseError(module, t.Start, t.End, $"unmatched '{c}'"));
                }
            }
            // a call (or a chain that may hold one) starts at a name followed by '(', '.' or '[', when the name is not an
            // attribute (after '.') nor the name a def or class defines: FindCalls starts from these names only
            if ((c == '(' || c == '.' || c == '[') && count > 0 && kw[count - 1] == Kw.Name
                && (count == 1 || (op1[count - 2] != '.' && kw[count - 2] is not (Kw.Def or Kw.Class))))
            {
                heads.Add(count - 1);
            }
            count++;
        }
        n = count;
        while (top > 0)
        {
            int o = stack[--top];
            Errors.Add(new PyParseError(module, T(o).Start, T(o).End, $"'{op1[o]}' was never closed"));
        }
        ScratchPool<int>.Return(stack);
        for (int si = 0; si < n; si++)
        {
            int index = literalIndex[si] - 1;
            if (index < 0) continue;
            var lit = literals[index].Literal;
            int k = si;
            while (k < n && all[sig[k]].Start < lit.End) k++;
            literals[index] = (lit, k);
        }
        // an f-string is added at its end, after the strings inside it: then (only) the list needs sorting
        if (stringsUnsorted) Strings.Sort(static (a, b) => a.Start.CompareTo(b.Start));

        bool Contains(int[] st, int length, char open)
        {
            for (int i = 0; i < length; i++)
            {
                if (op1[st[i]] == open) return true;
            }
            return false;
        }
    }

    private bool stringsUnsorted;

    /// <summary>A NAME token <c>def</c> or <c>class</c> was seen (else there is no function to find).</summary>
    private bool sawDefinition;

    private void AddString(PyStringLiteral literal)
    {
        if (Strings.Count > 0 && Strings[Strings.Count - 1].Start > literal.Start) stringsUnsorted = true;
        Strings.Add(literal);
    }

    /// <summary>Next sig index after the bracketed group or token at <paramref name="si"/>.</summary>
    private int Skip(int si)
    {
        if (literalIndex[si] != 0) return LiteralEnd(si);
        return match[si] > si ? match[si] + 1 : si + 1;
    }

    /// <summary>Statements as [start, end) sig ranges: logical lines split at ';' and after compound headers.</summary>
    private List<(int, int)> SplitStatements()
    {
        var result = scratch.Statements;
        int s = 0;
        int si = 0;
        while (si < n)
        {
            var kind = kinds[si];
            if (kind is PyTokenKind.Newline or PyTokenKind.EndMarker or PyTokenKind.Indent or PyTokenKind.Dedent || IsOp(si, ';'))
            {
                if (si > s) result.Add((s, si));
                s = ++si;
                continue;
            }
            if (si == s && IsCompoundKeyword(kw[si]))
            {
                // header up to its ':' is one statement, the rest of the line another
                int k = si;
                bool lambda = false;
                while (k < n && !(kinds[k] is PyTokenKind.Newline or PyTokenKind.EndMarker))
                {
                    if (Is(k, Kw.Lambda)) lambda = true;
                    if (IsOp(k, ":"))
                    {
                        if (lambda) { lambda = false; k++; continue; }
                        break;
                    }
                    k = Skip(k);
                }
                if (k < n && IsOp(k, ":"))
                {
                    result.Add((s, k + 1));
                    s = si = k + 1;
                    continue;
                }
            }
            si = Skip(si);
        }
        if (s < n) result.Add((s, n));
        return result;
    }

    private bool IsKeywordAt(int si) => kw[si] >= Kw.False;

    private void Statement(int s, int e)
    {
        if (Is(s, Kw.Import))
        {
            ImportStatement(s + 1, e, null);
            return;
        }
        if (Is(s, Kw.From))
        {
            int k = s + 1;
            while (k < e && (IsOp(k, '.') || IsOp(k, "...") || (kinds[k] == PyTokenKind.Name && !Is(k, Kw.Import))))
            {
                k++;
            }
            if (Is(k, Kw.Import))
            {
                ImportStatement(k + 1, e, Concat(s + 1, k));
            }
            return;
        }
        if (kinds[s] == PyTokenKind.Name && IsKeywordAt(s) && !Is(s, Kw.None) && !Is(s, Kw.True) && !Is(s, Kw.False))
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
            while (k < e && (kinds[k] == PyTokenKind.Name && !Is(k, Kw.As) || IsOp(k, '.') || IsOp(k, '*')))
            {
                k++;
            }
            string name = Concat(itemStart, k);
            string? alias = null;
            if (Is(k, Kw.As) && k + 1 < e && kinds[k + 1] == PyTokenKind.Name)
            {
                alias = Str(k + 1);
                k += 2;
            }
            if (name.Length > 0)
            {
                int start = T(itemStart).Start, end = T(k - 1).End;
                Imports.Add(fromModule == null
                    ? new PyImport(module, start, end, name, null, alias)
                    : new PyImport(module, start, end, fromModule, name, alias));
            }
            if (k == itemStart) k++;
        }
    }

    /// <summary>The texts of sig tokens [s, e) joined without what is between them (interned when one token or
    /// when written without spaces).</summary>
    private string Concat(int s, int e)
    {
        if (e <= s) return "";
        bool contiguous = true;
        for (int k = s + 1; k < e && contiguous; k++) contiguous = T(k).Start == T(k - 1).End;
        if (contiguous) return NameTable.Get(text, T(s).Start, T(e - 1).End);
        sb.Clear();
        for (int k = s; k < e; k++) sb.Append(text, T(k).Start, T(k).Length);
        return sb.ToString();
    }

    private void Assignment(int s, int e)
    {
        // top-level '=' positions (not inside brackets, not after 'lambda')
        var eqs = this.eqs;
        eqs.Clear();
        int colon = -1;
        for (int k = s; k < e;)
        {
            if (Is(k, Kw.Lambda)) break;
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
            if (targetEnd > ts)
            {
                Assignments.Add(MakeAssignment(s, e, ts, targetEnd, targetEnd == colon ? colon : -1, eq, valueStart));
            }
            ts = eq + 1;
        }
    }

    private PyAssignment MakeAssignment(int s, int e, int ts, int te, int colon, int eq, int vs)
    {
        // annotation: the source text of [colon + 1, eq), as offsets (the string made on first use)
        int annStart = -1, annEnd = -1;
        if (colon >= 0)
        {
            if (eq <= colon + 1) annStart = annEnd = 0;
            else { annStart = T(colon + 1).Start; annEnd = T(eq - 1).End; }
        }
        string? targetName = null;
        PyStringLiteral? key = null;
        var last = T(te - 1);
        if (last.Kind == PyTokenKind.Name)
        {
            targetName = Str(te - 1);
        }
        else if (IsOp(te - 1, "]") && match[te - 1] < 0)
        {
            // find the '[' opening this subscript
            for (int k = te - 2; k >= ts; k--)
            {
                if (match[k] == te - 1)
                {
                    if (k + 2 == te - 1 && LiteralAt(k + 1) is PyStringLiteral lit && !lit.IsFString)
                    {
                        key = lit; // TargetName and SubscriptKey: its value, decoded when read
                    }
                    break;
                }
            }
        }
        var (literal, strings) = Literal(vs, e);
        return new PyAssignment(module, T(s).Start, T(e - 1).End, T(ts).Start, T(te - 1).End, targetName, key, annStart, annEnd, T(vs).Start, T(e - 1).End, literal, strings);
    }

    /// <summary>Replaces the first name of a dotted expression by what it was imported as.</summary>
    internal static string Resolve(string dotted, Dictionary<string, string> aliases)
    {
        int i = 0;
        while (i < dotted.Length && (char.IsLetterOrDigit(dotted[i]) || dotted[i] == '_' || dotted[i] > 0x7F)) i++;
        if (i == 0 || aliases.Count == 0) return dotted;
        string head = i == dotted.Length ? dotted : NameTable.Get(dotted.AsSpan(0, i));
        return aliases.TryGetValue(head, out var q) ? (i == dotted.Length ? q : NameTable.Concat(q, dotted.AsSpan(i))) : dotted;
    }

    private (PyLiteralKind, PyStringLiteral[]) Literal(int s, int e)
    {
        if (s >= e) return (PyLiteralKind.None, Array.Empty<PyStringLiteral>());
        if (literalIndex[s] != 0)
        {
            int count = 0;
            int k = s;
            while (k < e && literalIndex[k] != 0)
            {
                count++;
                k = LiteralEnd(k);
            }
            if (k != e) return (PyLiteralKind.None, Array.Empty<PyStringLiteral>());
            var list = new PyStringLiteral[count];
            k = s;
            for (int i = 0; i < count; i++)
            {
                list[i] = LiteralAt(k)!;
                k = LiteralEnd(k);
            }
            return (list[0].IsBytes ? PyLiteralKind.Bytes : PyLiteralKind.String, list);
        }
        int n = e - s;
        var t = T(s);
        if (n == 1 && t.Kind == PyTokenKind.Number) return (PyLiteralKind.Number, Array.Empty<PyStringLiteral>());
        if (n == 2 && (IsOp(s, "-") || IsOp(s, "+")) && kinds[s + 1] == PyTokenKind.Number) return (PyLiteralKind.Number, Array.Empty<PyStringLiteral>());
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
        foreach (int si in scratch.CallHeads)
        {
            ref readonly var t = ref all[sig[si]];
            // While the callee is a dotted name written without spaces it is the source text [t.Start, simpleEnd)
            // (the call reads it from there when asked); past a call, a subscript or a space it is built in 'callee'.
            bool simple = true;
            int simpleEnd = t.End;
            PyCall? receiver = null;
            int j = si;
            while (j + 1 < n)
            {
                if (IsOp(j + 1, '.') && j + 2 < n && kinds[j + 2] == PyTokenKind.Name)
                {
                    var dot = T(j + 1);
                    var name = T(j + 2);
                    if (simple && dot.Start == simpleEnd && name.Start == dot.End)
                    {
                        simpleEnd = name.End;
                    }
                    else
                    {
                        if (simple) StartCallee(t.Start, simpleEnd, ref simple);
                        callee.Append('.');
                        callee.Append(text, name.Start, name.Length);
                    }
                    j += 2;
                }
                else if (IsOp(j + 1, '(') && match[j + 1] > 0)
                {
                    int open = j + 1, close = match[open];
                    var (argFirst, argCount) = Arguments(open, close);
                    var call = simple
                        ? new PyCall(module, t.Start, T(close).End, simpleEnd, argFirst, argCount, receiver, T(open).Start)
                        : new PyCall(module, t.Start, T(close).End, callee.ToName(), argFirst, argCount, receiver, T(open).Start);
                    if (Calls.Count > 0 && Calls[Calls.Count - 1].OpenParen > call.OpenParen) callsUnsorted = true;
                    Calls.Add(call);
                    receiver = call;
                    if (simple) StartCallee(t.Start, simpleEnd, ref simple);
                    callee.Append('(');
                    callee.Append(')');
                    j = close;
                }
                else if (IsOp(j + 1, '[') && match[j + 1] > 0)
                {
                    if (simple) StartCallee(t.Start, simpleEnd, ref simple);
                    callee.Append('[');
                    callee.Append(']');
                    j = match[j + 1];
                }
                else
                {
                    break;
                }
            }
        }
        // nodes are mostly found in source order; the keys are distinct offsets, so sorting or not gives the same order
        if (callsUnsorted) Calls.Sort(static (a, b) => a.OpenParen.CompareTo(b.OpenParen));
    }

    private bool callsUnsorted;

    private void StartCallee(int start, int end, ref bool simple)
    {
        callee.Clear();
        callee.Append(text, start, end - start);
        simple = false;
    }

    /// <summary>The callee being built past a call, a subscript or a space (interned: chained calls repeat).</summary>
    private CharBuffer callee = new();

    /// <summary>A growable character buffer whose contents become a string through the name table.</summary>
    private struct CharBuffer
    {
        private char[]? chars;
        private int length;

        public void Clear() => length = 0;

        public void Append(char c)
        {
            if (chars == null || length == chars.Length) Grow(1);
            chars![length++] = c;
        }

        public void Append(string s, int start, int count)
        {
            if (chars == null || length + count > chars.Length) Grow(count);
            s.CopyTo(start, chars!, length, count);
            length += count;
        }

        private void Grow(int more)
        {
            var larger = new char[Math.Max(64, Math.Max(length + more, (chars?.Length ?? 0) * 2))];
            if (chars != null) Array.Copy(chars, larger, length);
            chars = larger;
        }

        public string ToName() => NameTable.Get(new ReadOnlySpan<char>(chars, 0, length));
    }

    /// <summary>Appends the arguments between sig indices <paramref name="open"/> and <paramref name="close"/> to the
    /// module's argument table (PyArgument objects are made when a call's arguments are read): where and how many.</summary>
    private (int First, int Count) Arguments(int open, int close)
    {
        if (close == open + 1) return (0, 0);
        var list = scratch.Arguments;
        int first = list.Count;
        int s = open + 1;
        int k = s;
        while (k <= close)
        {
            if (k == close || IsOp(k, ','))
            {
                if (k > s) list.Add(Argument(s, k));
                s = k + 1;
                k++;
                continue;
            }
            k = Skip(k);
        }
        return (first, list.Count - first);
    }

    private ArgInfo Argument(int s, int e)
    {
        var kind = PyArgumentKind.Positional;
        string? name = null;
        int vs = s;
        if (IsOp(s, '*')) { kind = PyArgumentKind.Star; vs = s + 1; }
        else if (IsOp(s, "**")) { kind = PyArgumentKind.StarStar; vs = s + 1; }
        else if (kinds[s] == PyTokenKind.Name && IsOp(s + 1, '=') && s + 1 < e)
        {
            kind = PyArgumentKind.Keyword;
            name = Str(s);
            vs = s + 2;
        }
        var argLiterals = scratch.ArgLiterals;
        int literalFirst = argLiterals.Count;
        var literal = ArgumentLiteral(vs, e, argLiterals);
        int valueStart = vs < e ? T(vs).Start : T(e - 1).End;
        return new ArgInfo(T(s).Start, T(e - 1).End, valueStart, kind, literal, name, literalFirst, argLiterals.Count - literalFirst);
    }

    /// <summary><see cref="Literal"/> for an argument value: a string literal's parts go to <paramref name="into"/>.</summary>
    private PyLiteralKind ArgumentLiteral(int s, int e, List<PyStringLiteral> into)
    {
        if (s >= e) return PyLiteralKind.None;
        if (literalIndex[s] == 0) return Literal(s, e).Item1; // no string: nothing allocated
        int mark = into.Count;
        int k = s;
        while (k < e && LiteralAt(k) is PyStringLiteral lit)
        {
            into.Add(lit);
            k = LiteralEnd(k);
        }
        if (k == e) return into[mark].IsBytes ? PyLiteralKind.Bytes : PyLiteralKind.String;
        into.RemoveRange(mark, into.Count - mark);
        return PyLiteralKind.None;
    }

    private void FindFunctions(List<(int S, int E)> statements)
    {
        if (!sawDefinition) return; // no def and no class: nothing below would be found
        // the indentation depth at a statement's start: the INDENTs less the DEDENTs before it (statements come in order)
        var indents = scratch.Indents;
        var classStack = new List<(int Depth, string Name)>();
        int depth = 0;
        int passed = 0; // indents[..passed] are before the current statement
        foreach (var (s, e) in statements)
        {
            while (passed < indents.Count && indents[passed] >> 1 < s)
            {
                depth += (indents[passed] & 1) == 0 ? 1 : -1;
                passed++;
            }
            int k = s;
            bool isAsync = false;
            if (Is(k, Kw.Async)) { isAsync = true; k++; }
            bool isClass = Is(k, Kw.Class);
            if (!isClass && !Is(k, Kw.Def)) continue;
            if (k + 1 >= e || kinds[k + 1] != PyTokenKind.Name) continue;
            string name = Str(k + 1);
            while (classStack.Count > 0 && classStack[classStack.Count - 1].Depth >= depth) classStack.RemoveAt(classStack.Count - 1);
            if (isClass)
            {
                classStack.Add((depth, name));
                continue;
            }
            int bodyEndSig = BodyEnd(e, passed, depth);
            int endOffset = bodyEndSig > e ? LastEnd(bodyEndSig) : T(e - 1).End;
            var parameters = IsOp(k + 2, "(") && match[k + 2] > 0 ? Parameters(k + 2, match[k + 2]) : Array.Empty<PyParameter>();
            string? className = classStack.Count > 0 && classStack[classStack.Count - 1].Depth == depth - 1 ? classStack[classStack.Count - 1].Name : null;
            var fn = new PyFunction(module, T(s).Start, endOffset, name, isAsync, parameters, T(e - 1).End, className);
            Functions.Add(fn);
        }
        if (Functions.Count == 0) return;
        // a function's calls are a run of the module's (in source order): a view of that run, not a copy
        var all = CallArray;
        var opens = ScratchPool<int>.Rent(Math.Max(1, all.Length));
        for (int i = 0; i < all.Length; i++) opens[i] = all[i].OpenParen;
        foreach (var fn in Functions)
        {
            int from = LowerBound(opens, all.Length, fn.BodyStart), to = LowerBound(opens, all.Length, fn.End);
            if (to <= from) continue;
            fn.SetCalls(all, from, to - from);
            for (int i = from; i < to; i++)
            {
                var c = all[i];
                if (c.EnclosingFunction == null || c.EnclosingFunction.Start < fn.Start) c.EnclosingFunction = fn;
            }
        }
        ScratchPool<int>.Return(opens);
    }

    private static int LowerBound(int[] sorted, int length, int value)
    {
        int lo = 0, hi = length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>End (sig index) of the body of a compound statement whose header ends at <paramref name="headerEnd"/>:
    /// the DEDENT that leaves an indented body (read from the INDENT/DEDENT list from <paramref name="passed"/>, the first
    /// after the header, at <paramref name="depth"/>), or the end of a one-line body's logical line.</summary>
    private int BodyEnd(int headerEnd, int passed, int depth)
    {
        int k = headerEnd;
        var indents = scratch.Indents;
        if (k < n && kinds[k] == PyTokenKind.Newline && k + 1 < n && kinds[k + 1] == PyTokenKind.Indent)
        {
            // the INDENT at k + 1 is the first entry from 'passed' (a header holds no INDENT or DEDENT)
            int i = passed;
            while (indents[i] >> 1 < k + 1) depth += (indents[i++] & 1) == 0 ? 1 : -1;
            int d = ++depth;
            for (i++; i < indents.Count; i++)
            {
                if ((indents[i] & 1) == 0) depth++;
                else if (--depth < d) return indents[i] >> 1;
            }
            return n;
        }
        // a one-line body: to the end of the logical line
        while (k < n && !(kinds[k] is PyTokenKind.Newline or PyTokenKind.EndMarker)) k++;
        return k;
    }

    private int LastEnd(int sigEnd)
    {
        for (int k = Math.Min(sigEnd, n) - 1; k >= 0; k--)
        {
            if (kinds[k] is not (PyTokenKind.Dedent or PyTokenKind.Newline or PyTokenKind.Indent or PyTokenKind.EndMarker)) return T(k).End;
        }
        return 0;
    }

    private PyParameter[] Parameters(int open, int close)
    {
        var list = scratch.Parameters;
        list.Clear();
        int s = open + 1, k = s;
        while (k <= close)
        {
            if (k == close || IsOp(k, ','))
            {
                if (k > s)
                {
                    var kind = PyArgumentKind.Positional;
                    int n = s;
                    if (IsOp(n, '*')) { kind = PyArgumentKind.Star; n++; }
                    else if (IsOp(n, "**")) { kind = PyArgumentKind.StarStar; n++; }
                    if (n < k && kinds[n] == PyTokenKind.Name)
                    {
                        int annotationStart = -1, annotationEnd = -1, defaultStart = -1, defaultEnd = -1;
                        PyStringLiteral? literal = null;
                        int m = n + 1;
                        int colon = -1, eq = -1;
                        for (int q = m; q < k; q = Skip(q))
                        {
                            if (colon < 0 && eq < 0 && IsOp(q, ':')) colon = q;
                            if (eq < 0 && IsOp(q, '=')) eq = q;
                        }
                        if (colon > 0) (annotationStart, annotationEnd) = Range(colon + 1, eq > 0 ? eq : k);
                        if (eq > 0)
                        {
                            (defaultStart, defaultEnd) = Range(eq + 1, k);
                            if (eq + 2 == k) literal = LiteralAt(eq + 1); // one token: not "a" "b", not an expression
                        }
                        list.Add(new PyParameter(text, Str(n), annotationStart, annotationEnd, defaultStart, defaultEnd, kind, literal));
                    }
                }
                s = k + 1;
                k++;
                continue;
            }
            k = Skip(k);
        }
        return list.Count == 0 ? Array.Empty<PyParameter>() : list.ToArray();
    }

    /// <summary>The offsets of the source text of sig range [s, e), as written (empty, at 0, for an empty range).</summary>
    private (int Start, int End) Range(int s, int e) => e <= s ? (0, 0) : (T(s).Start, T(e - 1).End);
}

/// <summary>One call argument as the parser found it, kept in the module's table until the call's
/// <see cref="PyCall.Arguments"/> are read.</summary>
internal readonly struct ArgInfo
{
    public ArgInfo(int start, int end, int valueStart, PyArgumentKind kind, PyLiteralKind literal, string? name, int literalFirst, int literalCount)
    {
        Start = start;
        End = end;
        ValueStart = valueStart;
        kind8 = (byte)kind;
        literal8 = (byte)literal;
        Name = name;
        LiteralFirst = literalFirst;
        LiteralCount = literalCount;
    }

    public readonly string? Name;
    public readonly int Start;
    public readonly int End;
    public readonly int ValueStart;
    public readonly int LiteralFirst;
    public readonly int LiteralCount;
    private readonly byte kind8;    // the kinds as bytes: 32 bytes an entry, not 40
    private readonly byte literal8;

    public PyArgumentKind Kind => (PyArgumentKind)kind8;
    public PyLiteralKind Literal => (PyLiteralKind)literal8;
}
