using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Python.Tokens;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// Installs run from Python code: <c>subprocess.run(["pip", "install", "x"])</c>,
/// <c>subprocess.check_call([sys.executable, "-m", "pip", "install", "x"])</c>, <c>os.system("pip install x")</c>,
/// <c>subprocess.run("pip install x", shell=True)</c>. Judged by <see cref="InstallCommandCheck"/>'s shared logic and
/// reported as MLO205 in a .py file, MLO212 in a notebook cell (MLO211 for mutable VCS/URL arguments). Only literal
/// commands are read: a list element that is a variable makes that word unknown (not reported), an f-string or a
/// string with escapes is not read at all.
/// </summary>
public sealed class PythonInstallCallCheck : IRepositoryCheck, IDocumentSummarizer
{
    /// <summary>The module runs an install command (<see cref="Installs"/>; cached on the document: a few bytes, not its text).
    /// Asked while the module is parsed for the document's own checks, so the repository pass parses again only the modules
    /// it reports on; the text is looked at first (an installer's name, a process module's).</summary>
    private static bool MayRunInstaller(SourceDocument doc) => doc.GetOrAdd(d =>
    {
        string text = d.Text;
        bool mentions = text.IndexOf("install", StringComparison.Ordinal) >= 0
            && (text.IndexOf("subprocess", StringComparison.Ordinal) >= 0 || text.IndexOf("system", StringComparison.Ordinal) >= 0
                || text.IndexOf("popen", StringComparison.Ordinal) >= 0);
        return new InstallerFlag(mentions && PythonModule.Of(d).Calls.Any(IsProcessCall) && Installs(PythonModule.Of(d)).Any());
    }).Value;

    /// <summary>Keeps <see cref="InstallerFlag"/> in the facts cache (<see cref="FormCodecs"/>).</summary>
    internal static readonly FormCodec<InstallerFlag> InstallerFlagCodec = FormCodec<InstallerFlag>.Flag("python-install-call.installer", f => f.Value, v => new InstallerFlag(v));

    internal sealed class InstallerFlag
    {
        public InstallerFlag(bool value) => Value = value;

        public bool Value { get; }
    }

    /// <summary>A call of <see cref="ShellCalls"/> or <see cref="ProcessCalls"/>. An import alias renames only a callee's
    /// first name, so a dotted callee is told apart by its last name without resolving it; a bare one
    /// (<c>from os import system as sh</c>) is resolved.</summary>
    private static bool IsProcessCall(PyCall call)
    {
        if (call.Callee.IndexOf('.') >= 0 && !ProcessCallNames.Contains(call.Name)) return false;
        string qualified = call.QualifiedName;
        return ShellCalls.Contains(qualified) || ProcessCalls.Contains(qualified);
    }

    /// <summary>Calls that run their first argument through a shell.</summary>
    private static readonly HashSet<string> ShellCalls = new(StringComparer.Ordinal)
    {
        "os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput",
    };

    /// <summary>Calls that take an argument list, or a command string with <c>shell=True</c>.</summary>
    private static readonly HashSet<string> ProcessCalls = new(StringComparer.Ordinal)
    {
        "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen",
    };

    /// <summary>The last names of <see cref="ShellCalls"/> and <see cref="ProcessCalls"/>.</summary>
    private static readonly HashSet<string> ProcessCallNames =
        new(ShellCalls.Concat(ProcessCalls).Select(q => q.Substring(q.LastIndexOf('.') + 1)), StringComparer.Ordinal);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO205, RuleCatalog.MLO212, RuleCatalog.MLO211 };

    public bool Summarizes(SourceDocument document) =>
        document.Kind is DocumentKind.Python or DocumentKind.Notebook && document.HasText && !document.Path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    /// <summary>Notes whether the text may run an installer (the repository pass parses only those), while the text is at hand.</summary>
    public void Summarize(SourceDocument document, CheckContext context) => MayRunInstaller(document);

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        PythonProjects? projects = null;
        foreach (var doc in repository.Documents)
        {
            if (!Summarizes(doc) || !MayRunInstaller(doc)) continue;
            var module = PythonModule.Of(doc, context);
            var rule = module.IsNotebook ? RuleCatalog.MLO212 : RuleCatalog.MLO205;
            var site = new InstallSite(doc, rule, "", (s, e) => module.Locate(s, Math.Max(s + 1, e)).Span, f => f);
            foreach (var (call, install) in Installs(module))
            {
                projects ??= new PythonProjects(repository);
                var callSite = site with
                {
                    Decorate = f => f with
                    {
                        SuppressionText = module.IsNotebook ? call.SourceLine : null,
                        LocationHint = call.LocationHint,
                    },
                };
                InstallCommandCheck.CheckInstall(callSite, install, null, null, repository, projects, context);
            }
        }
    }

    /// <summary>The install commands the module's process calls run (pip, conda…; not apt or apk), in order: what the
    /// repository pass reports on, decided from the module alone.</summary>
    private static IEnumerable<(PyCall Call, InstallCommand Install)> Installs(PythonModule module)
    {
        foreach (var call in module.Calls)
        {
            if (!IsProcessCall(call)) continue;
            bool shell = ShellCalls.Contains(call.QualifiedName);
            var first = call.Keyword("args") ?? call.Keyword("cmd") ?? call.Keyword("command") ?? call.Positional(0);
            if (first == null || first.Kind is not (PyArgumentKind.Positional or PyArgumentKind.Keyword)) continue;
            IReadOnlyList<ShellCommand> commands;
            if (first.Literal == PyLiteralKind.String)
            {
                if (!shell && call.Keyword("shell") is not { Literal: PyLiteralKind.True }) continue;
                if (PlainString(module, first) is not { } lit) continue;
                commands = ShellParser.Parse(lit.Value, lit.BodyStart);
            }
            else if (!shell && call.Keyword("shell") is not { Literal: PyLiteralKind.True } && ListWords(module, first) is { } words)
            {
                commands = new[] { new ShellCommand(words, Array.Empty<string>()) };
            }
            else
            {
                continue;
            }
            foreach (var cmd in commands)
            {
                if (InstallCommandParser.Parse(cmd) is { Installer: not (Installer.Apt or Installer.Apk) } install) yield return (call, install);
            }
        }
    }

    /// <summary>A single plain string literal whose value is its source text (no escapes, no f-string), so that every
    /// character maps to its offset.</summary>
    private static PyStringLiteral? PlainString(PythonModule module, PyArgument arg)
    {
        if (arg.StringLiterals.Count != 1) return null;
        var lit = arg.StringLiterals[0];
        if (lit.IsFString || lit.IsBytes) return null;
        string body = module.Text.Substring(lit.BodyStart, lit.BodyEnd - lit.BodyStart);
        return body == lit.Value ? lit : null;
    }

    /// <summary>The words of a literal list or tuple argument (<c>["pip", "install", "x"]</c>): string elements as they are,
    /// <c>sys.executable</c> as "python", anything else as an unknown word. Null when the argument is not a list display.</summary>
    private static List<ShellWord>? ListWords(PythonModule module, PyArgument arg)
    {
        var tokens = new List<PyToken>();
        var all = module.Tokens;
        // the tokens are in order: from the first at the value's start, none past its end can lie within it
        for (int i = module.TokenIndexAt(arg.ValueStart); i < all.Count && all[i].Start <= arg.ValueEnd; i++)
        {
            var t = all[i];
            if (t.End <= arg.ValueEnd && !t.IsTrivia && t.Kind != PyTokenKind.Newline) tokens.Add(t);
        }
        string text = module.Text;
        if (tokens.Count < 2 || !(tokens[0].IsOp(text, "[") && tokens[^1].IsOp(text, "]") || tokens[0].IsOp(text, "(") && tokens[^1].IsOp(text, ")")))
        {
            return null;
        }
        var words = new List<ShellWord>();
        int depth = 0, elementStart = 1;
        for (int i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            bool last = i == tokens.Count - 1;
            if (!last && t.Kind == PyTokenKind.Op)
            {
                string op = t.GetText(text);
                if (op is "[" or "(" or "{") depth++;
                else if (op is "]" or ")" or "}") depth--;
            }
            if (last || (depth == 0 && t.IsOp(text, ",")))
            {
                if (i > elementStart) words.Add(Element(module, tokens, elementStart, i));
                elementStart = i + 1;
            }
        }
        return words;
    }

    private static ShellWord Element(PythonModule module, List<PyToken> tokens, int from, int to)
    {
        int start = tokens[from].Start, end = tokens[to - 1].End;
        string src = module.Text.Substring(start, end - start);
        if (to - from == 1 && tokens[from].Kind == PyTokenKind.String
            && module.StringLiterals.FirstOrDefault(s => s.Start == start) is { IsFString: false, IsBytes: false } lit)
        {
            return new ShellWord(lit.Value, start, end, hasExpansion: false, isQuoted: true);
        }
        if (module.Resolve(src) == "sys.executable") return new ShellWord("python", start, end, hasExpansion: false, isQuoted: false);
        return new ShellWord("$" + src, start, end, hasExpansion: true, isQuoted: false);
    }
}
