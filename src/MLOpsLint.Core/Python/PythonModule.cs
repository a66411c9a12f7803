using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Python.Notebooks;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Python.Tokens;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Python;

/// <summary>
/// The Python front end for one document: tokens and the structure rules need (imports, calls with resolved
/// names and arguments, assignments, functions, string literals, comments), for a <c>.py</c> file or the code
/// cells of a <c>.ipynb</c> notebook (plus its IPython lines and outputs). Get it with <see cref="Of"/>: it is
/// computed once per document and shared by all checks. Every node's <see cref="PyNode.Span"/> is in the
/// document's own coordinates (for a notebook, the line and column in the .ipynb JSON); offsets
/// (<see cref="PyNode.Start"/>, token offsets) point into <see cref="Text"/>.
/// </summary>
public sealed class PythonModule : IDisposable
{
    private readonly NotebookPython? cells;
    private readonly CompactTokenList tokens;
    private readonly Dictionary<string, string> aliases;
    private ILookup<string, PyCall>? callsByName;
    private IReadOnlyList<PyComment>? comments;
    private readonly ArgInfo[] argTable;
    private readonly PyStringLiteral[] argLiterals;

    private PythonModule(SourceDocument document, FStringMode mode)
    {
        Document = document;
        var errors = new List<PyLexError>();
        var extraErrors = new List<PyParseError>();
        if (document.Kind == DocumentKind.Notebook)
        {
            var read = NotebookReader.Read(document);
            Notebook = read.Notebook;
            NotebookError = read.Error;
            NotebookErrorLine = read.ErrorLine;
            if (read.Notebook != null)
            {
                cells = NotebookPython.Build(read.Notebook);
                Text = cells.Text;
                var buffer = TokenBuffer.Rent(Text.Length);
                foreach (var (s, e, line) in cells.CellRanges)
                {
                    PythonTokenizer.TokenizeRange(Text, s, e, line, mode, buffer, errors);
                }
                tokens = buffer.Detach();
            }
            else
            {
                Text = "";
                tokens = PythonTokenizer.TokenizeCompact("", mode, new List<PyLexError>());
                var span = read.ErrorLine is int l ? SourceSpan.Line(l) : SourceSpan.WholeFile;
                string lineText = read.ErrorLine is int el && document.HasText ? document.Lines.GetLine(el) : "";
                extraErrors.Add(new PyParseError(this, 0, 0, "malformed notebook: " + read.Error, new PyLocation(span, null, null, lineText)));
            }
        }
        else
        {
            Text = document.Text;
            tokens = PythonTokenizer.TokenizeCompact(Text, mode, errors);
        }
        var parser = new ModuleParser(this, tokens.Store, tokens.Count);
        parser.Run();
        aliases = parser.Aliases;
        Imports = parser.Imports;
        Calls = parser.CallArray;
        Assignments = parser.AssignmentArray;
        Functions = parser.Functions;
        StringLiterals = parser.StringArray;
        argTable = parser.ArgTable;
        argLiterals = parser.ArgLiteralTable;
        int errorCount = extraErrors.Count + errors.Count + parser.Errors.Count;
        if (errorCount == 0)
        {
            ParseErrors = Array.Empty<PyParseError>();
        }
        else
        {
            var all = new List<PyParseError>(errorCount);
            all.AddRange(extraErrors);
            foreach (var e in errors) all.Add(new PyParseError(this, e.Start, e.End, e.Message));
            all.AddRange(parser.Errors);
            ParseErrors = all.ToArray();
        }
        MagicLines = cells == null
            ? Array.Empty<MagicLine>()
            : cells.Magics.Select(m => new MagicLine(this, m.VirtualStart, m.Kind, m.Line, m.Command, m.Location)).ToArray();
        Outputs = Notebook?.Outputs.ToArray() ?? Array.Empty<NotebookOutput>();
    }

    /// <summary>The module for a <see cref="DocumentKind.Python"/> or <see cref="DocumentKind.Notebook"/> document,
    /// computed once for all the document's checks (f-strings read as Python 3.12 does). It is a transient form
    /// (<see cref="SourceDocument.GetOrAddTransient{T}"/>): the engine drops it when the document's checks are done,
    /// so a cross-file check keeps a compact summary of what it needs instead (see Checks/Seeds/SeedSummary.cs).</summary>
    public static PythonModule Of(SourceDocument document) => document.GetOrAddTransient(d => new PythonModule(d, FStringMode.Nested));

    /// <summary>
    /// The module, and a scan warning when the document is a notebook that cannot be read (malformed JSON,
    /// not nbformat). Every check that reads Python should come in through here: the engine keeps one copy of
    /// identical warnings, so the user sees the problem once however many rules read the notebook.
    /// </summary>
    public static PythonModule Of(SourceDocument document, Checks.CheckContext context)
    {
        var module = Of(document);
        if (module.NotebookError != null)
        {
            context.Warn(document.Path, "malformed notebook JSON, so the notebook was not checked: " + module.NotebookError, module.NotebookErrorLine);
        }
        return module;
    }

    /// <summary>Parses Python source text (tests, tools): <c>PythonModule.Parse("import numpy as np")</c>.</summary>
    public static PythonModule Parse(string text, string path = "module.py") => Of(SourceDocument.FromText(path, text));

    public SourceDocument Document { get; }

    public bool IsNotebook => Document.Kind == DocumentKind.Notebook;

    /// <summary>The Python text tokens and nodes point into: the file's text, or a notebook's code cells joined
    /// (one line per cell line, IPython lines blank, each cell ending with "\n").</summary>
    public string Text { get; }

    /// <summary>All tokens (NL, COMMENT, INDENT, DEDENT included). A notebook has one ENDMARKER per code cell.</summary>
    public IReadOnlyList<PyToken> Tokens => tokens;

    /// <summary>The index of the first token that starts at or after <paramref name="offset"/> (<c>Tokens.Count</c> when none does).</summary>
    public int TokenIndexAt(int offset)
    {
        var all = TokenSpan;
        int lo = 0, hi = all.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (all[mid].Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The start of the first NAME token <paramref name="name"/> that starts at or after <paramref name="offset"/>; -1
    /// when there is none.</summary>
    internal int NextName(string name, int offset)
    {
        var all = TokenSpan;
        var text = Text.AsSpan();
        for (int i = TokenIndexAt(offset); i < all.Length; i++)
        {
            ref readonly var t = ref all[i];
            if (t.Kind == PyTokenKind.Name && t.End - t.Start == name.Length && text.Slice(t.Start, name.Length).SequenceEqual(name.AsSpan())) return t.Start;
        }
        return -1;
    }

    /// <summary>The call runs when a function is defined, not as the module's own work: a decorator
    /// (<c>@torch.no_grad()</c>) or a parameter's default (<c>def f(keys=list())</c>).</summary>
    public bool RunsAtDefinition(PyCall call)
    {
        int i = TokenIndexAt(call.Start) - 1;
        if (i >= 0 && Tokens[i].IsOp(Text, "@")) return true;
        foreach (var f in Functions)
        {
            if (f.Start <= call.Start && call.Start < f.BodyStart) return true;
        }
        return false;
    }

    public IReadOnlyList<PyImport> Imports { get; }

    /// <summary>Every call site, in source order (nested and chained calls included).</summary>
    public IReadOnlyList<PyCall> Calls { get; }

    public IReadOnlyList<PyAssignment> Assignments { get; }

    public IReadOnlyList<PyFunction> Functions { get; }

    /// <summary>Every string literal token and every f-string (nested ones too), in source order.</summary>
    public IReadOnlyList<PyStringLiteral> StringLiterals { get; }

    public IReadOnlyList<PyComment> Comments => comments ??= FindComments();

    /// <summary>Notebook lines in IPython syntax (<c>!pip install</c>, <c>%%time</c>…); empty for .py files.</summary>
    public IReadOnlyList<MagicLine> MagicLines { get; }

    /// <summary>Notebook cell outputs; empty for .py files.</summary>
    public IReadOnlyList<NotebookOutput> Outputs { get; }

    /// <summary>What did not lex or parse, and a malformed notebook's error. The rest is still read.</summary>
    public IReadOnlyList<PyParseError> ParseErrors { get; }

    /// <summary>The notebook, when the document is one and it could be read.</summary>
    public Notebook? Notebook { get; }

    /// <summary>Why the notebook could not be read (with its line), or null.</summary>
    public string? NotebookError { get; }

    /// <summary>The .ipynb line of <see cref="NotebookError"/>, when known.</summary>
    public int? NotebookErrorLine { get; }

    /// <summary>Calls whose resolved <see cref="PyCall.QualifiedName"/> is exactly <paramref name="qualifiedName"/>.</summary>
    public IEnumerable<PyCall> CallsTo(string qualifiedName) =>
        (callsByName ??= Calls.ToLookup(c => c.QualifiedName, StringComparer.Ordinal))[qualifiedName];

    /// <summary>Functions defined in this module with the given name.</summary>
    public IEnumerable<PyFunction> FunctionsNamed(string name) => Functions.Where(f => f.Name == name);

    /// <summary>Assignments of string literals whose <see cref="PyAssignment.TargetName"/> satisfies <paramref name="namePredicate"/>.</summary>
    public IEnumerable<PyAssignment> StringAssignments(Func<string, bool> namePredicate) =>
        Assignments.Where(a => a.StringValue != null && a.TargetName != null && namePredicate(a.TargetName));

    /// <summary>True when the module imports <paramref name="module"/> or something under it.</summary>
    public bool ImportsModule(string module)
    {
        foreach (var i in Imports)
        {
            string name = i.ModuleName;
            if (name.StartsWith(module, StringComparison.Ordinal) && (name.Length == module.Length || name[module.Length] == '.')
                || (i.IsFrom && i.QualifiedName == module))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Resolves the first name of a dotted name through the imports ("np.random" → "numpy.random").</summary>
    public string Resolve(string dottedName)
    {
        int i = dottedName.IndexOf('.');
        string head = i < 0 ? dottedName : dottedName.Substring(0, i);
        return aliases.TryGetValue(head, out var q) ? q + (i < 0 ? "" : dottedName.Substring(i)) : dottedName;
    }

    /// <summary>Resolves the leading name of a callee or target ("np.random.seed", "os.environ[\"K\"]") through the
    /// imports (the name runs to the first character that is not a letter, digit, '_' or non-ASCII).</summary>
    internal string ResolveCallee(string dotted) => ModuleParser.Resolve(dotted, aliases);

    /// <summary>The arguments made so far, by their first entry in the argument table (a call with arguments has its own).</summary>
    private Dictionary<int, PyArgument[]>? madeArguments;

    /// <summary>The PyArgument objects of a call's entries in the argument table, made once (checks on several threads
    /// may ask).</summary>
    internal PyArgument[] ArgumentsOf(int first, int count) =>
        MadeOnce.Get(ref madeArguments, first, (Module: this, Count: count), static (s, f) => s.Module.MakeArguments(f, s.Count));

    /// <summary>The PyArgument objects of a call's entries in the argument table.</summary>
    private PyArgument[] MakeArguments(int first, int count)
    {
        var result = new PyArgument[count];
        for (int i = 0; i < count; i++)
        {
            ref readonly var a = ref argTable[first + i];
            var strings = a.LiteralCount == 0 ? Array.Empty<PyStringLiteral>() : argLiterals.AsSpan(a.LiteralFirst, a.LiteralCount).ToArray();
            result[i] = new PyArgument(this, a.Start, a.End, a.Kind, a.Name, a.ValueStart, a.Literal, strings);
        }
        return result;
    }

    internal ref readonly ArgInfo ArgumentInfo(int index) => ref argTable[index];

    internal bool HasArgumentOfKind(int first, int count, PyArgumentKind kind)
    {
        for (int i = first; i < first + count; i++)
        {
            if (argTable[i].Kind == kind) return true;
        }
        return false;
    }

    internal ReadOnlySpan<CompactToken> TokenSpan => tokens.Span;

    /// <summary>Gives the token arrays back for the next module parsed on this thread. The document's transient cache
    /// calls this when the engine releases it (<see cref="SourceDocument.ReleaseTransient"/>); the module's tokens
    /// cannot be read after that (everything else can): a read fails loudly rather than see another module's tokens.</summary>
    public void Dispose() => tokens.Release();

    private PyComment[] FindComments()
    {
        var all = TokenSpan;
        int count = 0;
        foreach (ref readonly var t in all)
        {
            if (t.Kind == PyTokenKind.Comment) count++;
        }
        if (count == 0) return Array.Empty<PyComment>();
        var result = new PyComment[count];
        int i = 0;
        foreach (ref readonly var t in all)
        {
            if (t.Kind == PyTokenKind.Comment) result[i++] = new PyComment(this, t.Start, t.End);
        }
        return result;
    }

    /// <summary>The locations of nodes read so far, by span (<see cref="PyNode.Location"/>).</summary>
    private Dictionary<long, PyLocation>? locations;

    /// <summary><see cref="Locate"/>, made once per span for the nodes of this module (checks on several threads may ask).</summary>
    internal PyLocation LocationOf(int start, int end)
    {
        long key = (long)start << 32 | (uint)end;
        return MadeOnce.Get(ref locations, key, (Module: this, Start: start, End: end), static (s, _) => s.Module.Locate(s.Start, s.End));
    }

    /// <summary>Location in document coordinates of <c>Text[start..end)</c>.</summary>
    public PyLocation Locate(int start, int end)
    {
        if (cells != null) return cells.Locate(start, end);
        var lines = Document.Lines;
        var span = lines.GetSpan(start, end);
        return new PyLocation(span, null, null, lines.GetLine(span.StartLine));
    }

    /// <summary>A finding on <paramref name="node"/>: path, span, and for notebooks the cell line (so <c># noqa</c>
    /// in the cell works) and "cell N, line M".</summary>
    public Finding Report(RuleDescriptor rule, PyNode node, string message) =>
        new(rule, Document.Path, node.Span, message)
        {
            SuppressionText = IsNotebook ? node.SourceLine : null,
            LocationHint = node.LocationHint,
        };
}
