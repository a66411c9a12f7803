using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Python.Tokens;
using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Core.Checks.Credentials;

/// <summary>Where a secret is, in document coordinates, and what it is. <see cref="Value"/> stays inside Core: it is
/// used to redact and to hash, never written out.</summary>
public sealed class LocatedSecret
{
    internal LocatedSecret(SecretMatch match, string value, SourceSpan span)
    {
        Match = match;
        Value = value;
        Span = span;
    }

    public SecretMatch Match { get; }

    internal string Value { get; }

    public SourceSpan Span { get; internal set; }

    public string? SuppressionText { get; init; }

    public string? LocationHint { get; init; }

    /// <summary>Found in a notebook cell's saved output (MLO406), not in code.</summary>
    public bool InNotebookOutput { get; init; }

    public int? CellIndex { get; init; }
}

/// <summary>
/// Every secret in one document, found once and shared by the credential and path checks (the path check masks a
/// finding whose line also holds a secret). Python and notebooks are read through the Python front end (string
/// literals, comments, assignments, call arguments, dict displays, IPython lines, outputs); C# through the string
/// lexer; everything else as text, with the key/value reader for configuration formats.
/// </summary>
public sealed class DocumentSecrets
{
    private DocumentSecrets(IReadOnlyList<LocatedSecret> secrets) => Secrets = secrets;

    public IReadOnlyList<LocatedSecret> Secrets { get; }

    private sealed class Cache
    {
        public Cache(DocumentSecrets value) => Value = value;

        public DocumentSecrets Value { get; }
    }

    /// <summary>The secrets of <paramref name="document"/> with the default options (cached per document).</summary>
    public static DocumentSecrets Of(SourceDocument document) =>
        document.GetOrAdd(d => new Cache(Compute(d, GenericValue.DefaultMinEntropy, null))).Value;

    public static DocumentSecrets Of(SourceDocument document, double minEntropy, ISet<string>? ignoreNames) =>
        minEntropy == GenericValue.DefaultMinEntropy && (ignoreNames == null || ignoreNames.Count == 0)
            ? Of(document)
            : Compute(document, minEntropy, ignoreNames);

    /// <summary>Kinds read as configuration (key/value pairs are evaluated by name).</summary>
    public static bool IsConfigKind(DocumentKind kind) => kind is DocumentKind.Yaml or DocumentKind.CondaEnvironment
        or DocumentKind.GitHubWorkflow or DocumentKind.GitHubAction or DocumentKind.Json or DocumentKind.Toml
        or DocumentKind.PyProject or DocumentKind.SetupCfg or DocumentKind.Pipfile or DocumentKind.Ini
        or DocumentKind.DotEnv or DocumentKind.Shell or DocumentKind.Dockerfile;

    private static readonly DocumentSecrets None = new(Array.Empty<LocatedSecret>());

    /// <summary>
    /// Two prefilters before the readers: the bytes (every document but C#, whose escapes can spell a keyword the
    /// bytes do not hold) must contain a keyword or a credential-name fragment, and a Python file or notebook must
    /// then pass the finer test on its text. Most documents stop at the first, undecoded.
    /// </summary>
    private static DocumentSecrets Compute(SourceDocument document, double minEntropy, ISet<string>? ignoreNames)
    {
        if (!document.HasText || document.Kind == DocumentKind.LockFile) return None;
        if (document.Kind != DocumentKind.CSharp && !SecretPrefilter.MayHoldSecret(document.Content.Span)) return None;
        if (document.Kind is DocumentKind.Python or DocumentKind.Notebook && !SecretPrefilter.MayHoldSecret(document.Text)) return None;
        return ComputeUnfiltered(document, minEntropy, ignoreNames);
    }

    /// <summary>The full reader, without <see cref="SecretPrefilter"/> (tests compare the two).</summary>
    internal static DocumentSecrets ComputeUnfiltered(SourceDocument document, double minEntropy, ISet<string>? ignoreNames)
    {
        var located = new List<LocatedSecret>();
        if (!document.HasText || document.Kind == DocumentKind.LockFile) return new DocumentSecrets(located);
        var ctx = new Collector(document, minEntropy, ignoreNames, located);
        switch (document.Kind)
        {
            case DocumentKind.Python:
            case DocumentKind.Notebook:
                ctx.Python();
                break;
            case DocumentKind.CSharp:
                ctx.CSharp();
                break;
            default:
                ctx.PlainText(IsConfigKind(document.Kind) || IsConfigName(document.FileName));
                break;
        }
        return new DocumentSecrets(located);
    }

    /// <summary>Files without a telling extension that hold key/value configuration.</summary>
    private static bool IsConfigName(string fileName)
    {
        string lower = fileName.ToLowerInvariant();
        return lower is ".pypirc" or ".npmrc" or ".netrc" or "_netrc" or ".pgpass" or ".my.cnf" or "credentials" or "config"
            || lower.EndsWith(".properties", StringComparison.Ordinal) || lower.EndsWith(".conf", StringComparison.Ordinal)
            || lower.EndsWith(".env", StringComparison.Ordinal) || lower.EndsWith(".envrc", StringComparison.Ordinal);
    }

    private sealed class Collector
    {
        private readonly SourceDocument doc;
        private readonly double minEntropy;
        private readonly ISet<string>? ignoreNames;
        private readonly List<LocatedSecret> output;

        public Collector(SourceDocument doc, double minEntropy, ISet<string>? ignoreNames, List<LocatedSecret> output)
        {
            this.doc = doc;
            this.minEntropy = minEntropy;
            this.ignoreNames = ignoreNames;
            this.output = output;
        }

        private SecretMatch? Named(string name, string value, int start, int end)
        {
            if (ignoreNames != null && ignoreNames.Contains(name)) return null;
            return NamedSecret.Evaluate(name, value, start, end, minEntropy, doc.FileName);
        }

        // ---- text formats ---------------------------------------------------------------------------------

        public void PlainText(bool config)
        {
            string text = doc.Text;
            var matches = new List<SecretMatch>();
            TokenScanner.Scan(text, 0, text.Length, matches);
            if (doc.Kind == DocumentKind.Yaml) KubernetesSecrets.Scan(text, matches);
            if (config)
            {
                var pairs = new List<KeyValue>();
                KeyValueScanner.Scan(text, pairs, shellWords: doc.Kind is DocumentKind.Shell or DocumentKind.Dockerfile or DocumentKind.DotEnv);
                foreach (var kv in pairs)
                {
                    if (Named(kv.Key, kv.Value, kv.ValueStart, kv.ValueEnd) is { } m) matches.Add(m);
                }
            }
            foreach (var m in TokenScanner.Resolve(matches))
            {
                output.Add(new LocatedSecret(m, text.Substring(m.Start, m.Length), doc.Lines.GetSpan(m.Start, m.End)));
            }
        }

        // ---- C# -------------------------------------------------------------------------------------------

        public void CSharp()
        {
            string text = doc.Text;
            var literals = CSharpStrings.Lex(text);
            var matches = new List<SecretMatch>();
            var fallback = new List<(SecretMatch Match, int Start, int End, string Value)>();
            foreach (var lit in literals)
            {
                foreach (var part in lit.Parts)
                {
                    if (part.IsVerbatimMapped)
                    {
                        TokenScanner.Scan(text, part.Start, part.End, matches);
                    }
                    else
                    {
                        var inner = new List<SecretMatch>();
                        TokenScanner.Scan(part.Value, 0, part.Value.Length, inner);
                        foreach (var m in inner) fallback.Add((m, lit.Start, lit.End, part.Value.Substring(m.Start, m.Length)));
                    }
                }
                if (!lit.IsInterpolated && CSharpName(text, lit, literals) is { } name)
                {
                    string value = lit.Value;
                    int vs = lit.Parts.Count == 1 && lit.Parts[0].IsVerbatimMapped ? lit.Parts[0].Start : lit.Start;
                    int ve = lit.Parts.Count == 1 && lit.Parts[0].IsVerbatimMapped ? lit.Parts[0].End : lit.End;
                    if (Named(name, value, vs, ve) is { } m) matches.Add(m);
                }
            }
            AddResolved(matches, fallback, (s, e) => doc.Lines.GetSpan(s, e), text, null);
        }

        /// <summary>The name a C# literal is assigned to: <c>Password = "…"</c>, <c>string apiKey = "…"</c>,
        /// <c>token: "…"</c> (named argument), <c>Secret => "…"</c>, <c>["password"] = "…"</c>.</summary>
        private static string? CSharpName(string text, CSharpString lit, List<CSharpString> all)
        {
            int i = lit.Start - 1;
            while (i >= 0 && (text[i] == ' ' || text[i] == '\t')) i--;
            if (i < 0) return null;
            if (text[i] == '>' && i > 0 && text[i - 1] == '=') i -= 2;
            else if (text[i] == '=' && (i == 0 || "=!<>+-*/%&|^?".IndexOf(text[i - 1]) < 0)) i--;
            else if (text[i] == ':') i--;
            else return null;
            while (i >= 0 && (text[i] == ' ' || text[i] == '\t')) i--;
            if (i < 0) return null;
            if (text[i] == '}')
            {
                // auto-property initializer: string ApiKey { get; } = "…"
                int open = text.LastIndexOf('{', i, Math.Min(i + 1, 40));
                if (open < 0 || text.IndexOf("get", open, i - open, StringComparison.Ordinal) < 0) return null;
                i = open - 1;
                while (i >= 0 && (text[i] == ' ' || text[i] == '\t')) i--;
                if (i < 0) return null;
            }
            if (text[i] == ']')
            {
                int close = i;
                var key = all.LastOrDefault(s => s.End <= close && s.End >= close - 2);
                return key?.Value;
            }
            int end = i + 1;
            while (i >= 0 && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i--;
            return end - i - 1 > 0 ? text.Substring(i + 1, end - i - 1) : null;
        }

        // ---- Python and notebooks ---------------------------------------------------------------------------

        public void Python()
        {
            var module = PythonModule.Of(doc);
            string text = module.Text;
            var matches = new List<SecretMatch>();
            using (var ranges = new TokenScanner.RangeScanner(text))
            {
                foreach (var lit in module.StringLiterals)
                {
                    if (lit.IsFString)
                    {
                        foreach (var part in lit.Parts) ranges.Scan(part.Start, part.End, matches);
                    }
                    else
                    {
                        ranges.Scan(lit.BodyStart, lit.BodyEnd, matches);
                    }
                }
                foreach (var comment in module.Comments) ranges.Scan(comment.Start, comment.End, matches);
            }

            foreach (var a in module.Assignments)
            {
                if (a.TargetName is { } name && a.StringLiterals.Count > 0 && !a.StringLiterals.Any(s => s.IsFString))
                {
                    AddNamed(matches, name, a.StringLiterals);
                }
            }
            foreach (var call in module.Calls)
            {
                // Read from the parser's argument table: the argument objects and the resolved callee are made only
                // for the few calls that pass a string by keyword or may read the environment (most calls do neither).
                int count = call.ArgumentCount;
                for (int k = 0; k < count; k++)
                {
                    ref readonly var info = ref call.ArgumentInfo(k);
                    if (info.Name == null || info.LiteralCount == 0) continue;
                    var arg = call.Arguments[k];
                    if (arg.StringLiterals.Any(s => s.IsFString)) continue;
                    string name = info.Name;
                    if (name == "key" && (call.QualifiedName == "wandb.login" || call.QualifiedName.EndsWith("wandb.login", StringComparison.Ordinal))) name = "WANDB_API_KEY";
                    AddNamed(matches, name, arg.StringLiterals);
                }
                // os.getenv("API_TOKEN", "<default>") / os.environ.setdefault("HF_TOKEN", "<value>")
                if (count >= 2 && (call.HasName("getenv") || call.HasName("get") || call.HasName("setdefault") || call.HasName("putenv"))
                    && call.QualifiedName is "os.getenv" or "os.environ.get" or "os.environ.setdefault" or "os.putenv"
                    && call.Positional(0)?.StringValue is { } envName && call.Positional(1) is { StringLiterals.Count: > 0 } def
                    && !def.StringLiterals.Any(s => s.IsFString))
                {
                    AddNamed(matches, envName, def.StringLiterals);
                }
            }
            DictDisplays(module, matches);
            ParameterDefaults(module, matches);

            var fallback = new List<(SecretMatch, int, int, string)>();
            AddResolved(matches, fallback, null, text, module);

            if (module.IsNotebook)
            {
                foreach (var magic in module.MagicLines) ScanMagic(magic);
                if (module.Notebook is { } nb)
                {
                    foreach (var cell in nb.Cells)
                    {
                        if (!cell.IsCode) ScanMapped(cell.Source.Value, (s, e) => cell.Source.SpanOf(s, e), $"cell {cell.Index} ({cell.CellType})", false, cell.Index);
                        foreach (var output in cell.Outputs)
                        {
                            if (output.IsBinary) continue;
                            ScanMapped(output.Text, output.SpanOf, output.LocationHint, true, cell.Index);
                        }
                    }
                }
            }
        }

        private void AddNamed(List<SecretMatch> matches, string name, IReadOnlyList<PyStringLiteral> literals)
        {
            string value = string.Concat(literals.Select(l => l.Value));
            if (value.Length == 0) return;
            bool mapped = literals.Count == 1 && literals[0].BodyEnd - literals[0].BodyStart == value.Length;
            int start = mapped ? literals[0].BodyStart : literals[0].Start;
            int end = mapped ? literals[0].BodyEnd : literals[literals.Count - 1].End;
            if (Named(name, value, start, end) is { } m) matches.Add(m);
        }

        /// <summary><c>{"password": "…"}</c>: a string key, a colon and a string value inside braces.</summary>
        private void DictDisplays(PythonModule module, List<SecretMatch> matches)
        {
            // the compact tokens: kind and offsets are all this needs (no PyToken is made per token)
            var tokens = module.TokenSpan;
            string text = module.Text;
            Dictionary<int, PyStringLiteral>? byStart = null;
            for (int i = 0; i + 2 < tokens.Length; i++)
            {
                var t = tokens[i];
                if (t.Kind != PyTokenKind.String) continue;
                var colon = tokens[i + 1];
                if (!colon.IsOp(text, ":")) continue;
                var v = tokens[i + 2];
                if (v.Kind != PyTokenKind.String) continue;
                if (i == 0 || !(tokens[i - 1].IsOp(text, "{") || tokens[i - 1].IsOp(text, ",") || tokens[i - 1].Kind is PyTokenKind.NL or PyTokenKind.Comment)) continue;
                if (!SecretNames.MayBeSecretName(text, t.Start, t.End) && text.IndexOf("wandb", t.Start, t.End - t.Start, StringComparison.OrdinalIgnoreCase) < 0
                    && text.IndexOf("kaggle", t.Start, t.End - t.Start, StringComparison.OrdinalIgnoreCase) < 0) continue;
                byStart ??= module.StringLiterals.ToDictionary(s => s.Start);
                if (!byStart.TryGetValue(t.Start, out var key) || !byStart.TryGetValue(v.Start, out var value)) continue;
                AddNamed(matches, key.Value, new[] { value });
            }
        }

        /// <summary><c>def connect(host, password="…")</c>, <c>def f(*, api_key: str = "…")</c>: a parameter whose default
        /// is one string literal.</summary>
        private void ParameterDefaults(PythonModule module, List<SecretMatch> matches)
        {
            foreach (var function in module.Functions)
            {
                foreach (var p in function.Parameters)
                {
                    if (p.DefaultLiteral is { IsFString: false } value && SecretNames.MayBeSecretName(p.Name, 0, p.Name.Length))
                    {
                        AddNamed(matches, p.Name, new[] { value });
                    }
                }
            }
        }

        private void ScanMagic(Python.Notebooks.MagicLine magic)
        {
            string line = magic.Line;
            var matches = new List<SecretMatch>();
            TokenScanner.Scan(line, 0, line.Length, matches);
            var pairs = new List<KeyValue>();
            if (SecretNames.MayBeSecretName(line, 0, line.Length))
            {
                // %env NAME=value, %env NAME value, !export NAME=value
                string body = line.TrimStart();
                int offset = line.Length - body.Length;
                if (body.StartsWith("%env ", StringComparison.Ordinal) || body.StartsWith("%set_env ", StringComparison.Ordinal))
                {
                    int sp = body.IndexOf(' ');
                    string rest = body.Substring(sp + 1).TrimStart();
                    int restStart = offset + body.Length - rest.Length;
                    int sep = rest.IndexOfAny(new[] { '=', ' ' });
                    if (sep > 0)
                    {
                        string value = rest.Substring(sep + 1).Trim();
                        int vs = line.IndexOf(value, restStart + sep, StringComparison.Ordinal);
                        if (value.Length > 0 && vs >= 0) pairs.Add(new KeyValue(rest.Substring(0, sep), restStart, value, vs, vs + value.Length));
                    }
                }
                else
                {
                    KeyValueScanner.ScanLine(line, 0, line.Length, pairs, shellWords: true);
                }
            }
            foreach (var kv in pairs)
            {
                if (Named(kv.Key, kv.Value, kv.ValueStart, kv.ValueEnd) is { } m) matches.Add(m);
            }
            foreach (var m in TokenScanner.Resolve(matches))
            {
                output.Add(new LocatedSecret(m, line.Substring(m.Start, m.Length), magic.Span)
                {
                    SuppressionText = magic.SourceLine,
                    LocationHint = magic.LocationHint,
                    CellIndex = magic.CellIndex,
                });
            }
        }

        private void ScanMapped(string value, Func<int, int, SourceSpan> spanOf, string hint, bool inOutput, int cell)
        {
            var matches = new List<SecretMatch>();
            TokenScanner.Scan(value, 0, value.Length, matches);
            foreach (var m in TokenScanner.Resolve(matches))
            {
                output.Add(new LocatedSecret(m, value.Substring(m.Start, m.Length), spanOf(m.Start, m.End))
                {
                    LocationHint = hint,
                    InNotebookOutput = inOutput,
                    CellIndex = cell,
                });
            }
        }

        /// <summary>Resolves overlaps and locates matches: offsets into <paramref name="text"/> (the document text, or the
        /// module text of a notebook), plus matches found in decoded values, located at their whole literal.</summary>
        private void AddResolved(List<SecretMatch> matches, List<(SecretMatch Match, int Start, int End, string Value)> fallback,
            Func<int, int, SourceSpan>? locate, string text, PythonModule? module)
        {
            var all = new List<SecretMatch>(matches);
            var values = new Dictionary<SecretMatch, (int Start, int End, string Value)>(ReferenceEqualityComparer.Default);
            foreach (var f in fallback)
            {
                var moved = f.Match with { };
                var relocated = new SecretMatch(f.Start, f.End, moved.Category, moved.Type) { Name = moved.Name, Detail = moved.Detail };
                values[relocated] = (f.Start, f.End, f.Value);
                all.Add(relocated);
            }
            foreach (var m in TokenScanner.Resolve(all))
            {
                string value = values.TryGetValue(m, out var v) ? v.Value : text.Substring(m.Start, m.Length);
                if (module != null)
                {
                    var loc = module.Locate(m.Start, m.End);
                    output.Add(new LocatedSecret(m, value, loc.Span)
                    {
                        SuppressionText = module.IsNotebook ? loc.SourceLine : null,
                        LocationHint = loc.LocationHint,
                        CellIndex = loc.CellIndex,
                    });
                }
                else
                {
                    output.Add(new LocatedSecret(m, value, locate!(m.Start, m.End)));
                }
            }
        }
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<SecretMatch>
    {
        public static readonly ReferenceEqualityComparer Default = new();

        public bool Equals(SecretMatch? x, SecretMatch? y) => ReferenceEquals(x, y);

        public int GetHashCode(SecretMatch obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
