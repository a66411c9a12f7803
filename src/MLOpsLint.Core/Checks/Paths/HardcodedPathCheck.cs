using MLOpsLint.Core.Checks.Credentials;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Paths;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Python.Tokens;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Core.Checks.Paths;

/// <summary>
/// MLO501 (user home), MLO502 (platform mount) and MLO503 (drive letter) in Python and notebook string literals (read
/// through the front end; docstrings and bare string statements are documentation and skipped), C# string literals,
/// the values of YAML, JSON, TOML and INI configuration, the words of shell scripts' commands and R string literals.
/// Comments, shebangs and Dockerfiles (container paths) are not read. A finding whose line also holds a secret is marked sensitive, so its code frame is masked.
/// </summary>
public sealed class HardcodedPathCheck : IDocumentCheck
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO501, RuleCatalog.MLO502, RuleCatalog.MLO503 };

    public bool AppliesTo(SourceDocument document) =>
        document.HasText && document.Size <= CredentialCheck.MaxSize && document.Kind is DocumentKind.Python or DocumentKind.Notebook
            or DocumentKind.CSharp or DocumentKind.Yaml or DocumentKind.Json or DocumentKind.Toml or DocumentKind.Ini
            or DocumentKind.CondaEnvironment or DocumentKind.SetupCfg or DocumentKind.PyProject or DocumentKind.Shell or DocumentKind.R;

    private readonly record struct Candidate(SourceSpan Span, PathHit Hit, string? SuppressionText, string? LocationHint);

    public void Check(SourceDocument document, CheckContext context)
    {
        var candidates = new List<Candidate>();
        switch (document.Kind)
        {
            case DocumentKind.Python:
            case DocumentKind.Notebook:
                Python(document, candidates);
                break;
            case DocumentKind.CSharp:
                CSharp(document, candidates);
                break;
            case DocumentKind.Shell:
                Shell(document, candidates);
                break;
            case DocumentKind.R:
                R(document, candidates);
                break;
            default:
                Config(document, candidates);
                break;
        }
        if (candidates.Count == 0) return;

        Dictionary<int, (int Start, int End)>? hulls = null;
        var kernelOf = OfflineKernelPlatforms(document, candidates);
        foreach (var c in candidates)
        {
            var rule = c.Hit.Kind switch
            {
                HardcodedPathKind.UserHome => RuleCatalog.MLO501,
                HardcodedPathKind.Mount => RuleCatalog.MLO502,
                _ => RuleCatalog.MLO503,
            };
            if (!context.IsEnabled(rule)) continue;
            if (c.Hit.Kind == HardcodedPathKind.Mount && (NamesPlatform(document.Path, c.Hit.Platform) || kernelOf?.Contains(c.Hit.Platform) == true)) continue;
            var allowed = context.Options(rule).GetStringList("allowed-prefixes", Array.Empty<string>());
            if (allowed.Any(a => a.Length > 0 && c.Hit.Path.Replace('\\', '/').StartsWith(a.Replace('\\', '/'), StringComparison.OrdinalIgnoreCase))) continue;

            // a secret on the same line (s3://KEY:SECRET@…/home/…): mask the frame
            hulls ??= CredentialCheck.LineHulls(DocumentSecrets.Of(document).Secrets);
            bool sensitive = hulls.ContainsKey(c.Span.StartLine);
            var span = sensitive ? CredentialCheck.Widen(c.Span, hulls) : c.Span;
            string shown = sensitive ? Text.Redaction.Redact(c.Hit.Path) : Clip(c.Hit.Path);
            context.Report(new Finding(rule, document.Path, span, Message(c.Hit, shown))
            {
                IsSensitive = sensitive,
                FingerprintContent = sensitive ? "path|" + Baseline.Fingerprints.Hash(c.Hit.Path) : null,
                FixHint = Fix(c.Hit, document.Kind),
                SuppressionText = c.SuppressionText,
                LocationHint = c.LocationHint,
            });
        }
    }

    /// <summary>A file or folder named for the platform (<c>conf/env/kaggle.yaml</c>, <c>colab/setup.py</c>,
    /// <c>databricks/jobs.yml</c>) is where that platform's mount paths belong: it is read only there.</summary>
    private static bool NamesPlatform(string path, string platform)
    {
        string p = path.ToLowerInvariant();
        return platform.Contains("Kaggle") && p.Contains("kaggle")
            || platform.Contains("Colab") && p.Contains("colab")
            || platform.Contains("Databricks") && p.Contains("databricks");
    }

    /// <summary>The Kaggle mount when <paramref name="document"/> is an offline Kaggle kernel: it runs <c>pip install</c> (in
    /// a string or a notebook's <c>!pip</c> line, not in a comment) and names a wheels folder or a wheel on the mount
    /// (<c>/kaggle/input/mmdetection-wheels</c>, <c>/kaggle/input/timm/whl/</c>, <c>…/x-1.0-py3-none-any.whl</c>). A code
    /// competition's submission has no internet, so its packages are uploaded as a dataset: the file runs on Kaggle only,
    /// as a file named for it does. Null otherwise.</summary>
    private static HashSet<string>? OfflineKernelPlatforms(SourceDocument document, List<Candidate> candidates)
    {
        foreach (var c in candidates)
        {
            if (c.Hit.Kind != HardcodedPathKind.Mount || !c.Hit.Platform.Contains("Kaggle") || !NamesWheels(c.Hit.Path)) continue;
            return RunsPipInstall(document) ? new HashSet<string>(StringComparer.Ordinal) { c.Hit.Platform } : null;
        }
        return null;
    }

    private static bool NamesWheels(string path) =>
        path.ToLowerInvariant().Split('/').Any(s => s is "wheels" or "whl" or "whls" || s.EndsWith("-wheels", StringComparison.Ordinal)
            || s.EndsWith("_wheels", StringComparison.Ordinal) || s.EndsWith("-whl", StringComparison.Ordinal) || s.EndsWith(".whl", StringComparison.Ordinal));

    private static bool RunsPipInstall(SourceDocument document)
    {
        static bool Pip(string s) => s.Contains("pip install") || s.Contains("pip3 install") || s.Contains("--find-links");
        if (document.Kind is not (DocumentKind.Python or DocumentKind.Notebook)) return Pip(document.Text);
        var module = PythonModule.Of(document);
        return module.StringLiterals.Any(l => Pip(l.Value)) || module.MagicLines.Any(m => Pip(m.Line));
    }

    private static string Clip(string s) => s.Length > 120 ? s.Substring(0, 117) + "…" : s;

    private static string Message(PathHit hit, string shown) => hit.Kind switch
    {
        HardcodedPathKind.UserHome => $"Hardcoded path into a user's home directory ({hit.Platform}): {shown}",
        HardcodedPathKind.Mount => $"Hardcoded path on a machine-specific mount ({hit.Platform}): {shown}",
        _ => $"Hardcoded {hit.Platform} path: {shown}",
    };

    /// <summary>The project-relative tail of the path: <c>/home/alice/proj/data/train.csv</c> → ["data", "train.csv"].</summary>
    internal static IReadOnlyList<string> Tail(string path)
    {
        var parts = path.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.EndsWith(":", StringComparison.Ordinal)).ToList();
        int skip = parts.Count > 0 && (parts[0] is "home" or "Users" or "media" or "Volumes" or "mnt" or "dbfs" or "Workspace") ? 2 : 0;
        if (parts.Count > 1 && parts[0] is "content" or "kaggle") skip = parts.Count > 2 && parts[1] == "drive" ? 3 : 2;
        if (parts.Count > 2 && parts[0].Equals("users", StringComparison.OrdinalIgnoreCase)) skip = 2;
        var rest = parts.Skip(Math.Min(skip, parts.Count)).ToList();
        if (rest.Count > 0 && rest[0] is "MyDrive" or "My Drive") rest.RemoveAt(0);
        return rest.Skip(Math.Max(0, rest.Count - 2)).ToList();
    }

    internal static string Fix(PathHit hit, DocumentKind kind)
    {
        var tail = Tail(hit.Path);
        if (tail.Count == 0) tail = new[] { "data" };
        string env = hit.Kind == HardcodedPathKind.Mount ? "DATA_DIR" : "DATA_DIR";
        string relative = string.Join("/", tail);
        string platform = hit.Kind == HardcodedPathKind.Mount
            ? hit.Platform.Contains("Colab") ? " (mount Drive in a setup cell and pass the folder in)"
            : hit.Platform.Contains("Kaggle") ? " (on Kaggle set DATA_DIR=/kaggle/input/<dataset> in the notebook's first cell)"
            : hit.Platform.Contains("Databricks") ? " (a job/widget parameter on Databricks)"
            : ""
            : "";
        string folder = tail.Count > 1 ? tail[0] : "data";
        string file = tail[tail.Count - 1];
        return kind switch
        {
            DocumentKind.Python or DocumentKind.Notebook =>
                $"Use a path relative to the project, Path(__file__).resolve().parent / {string.Join(" / ", tail.Select(t => "\"" + t + "\""))}, "
                + $"or Path(os.environ.get(\"{env}\", \"{folder}\")) / \"{file}\"{platform}.",
            DocumentKind.CSharp =>
                $"Use Path.Combine(AppContext.BaseDirectory, {string.Join(", ", tail.Select(t => "\"" + t + "\""))}) or Environment.GetEnvironmentVariable(\"{env}\"){platform}.",
            _ => $"Use a path relative to the project (\"{relative}\") or an environment reference (${{{env}}}/{file}){platform}.",
        };
    }

    // ---- Python ---------------------------------------------------------------------------------------------

    private static void Python(SourceDocument document, List<Candidate> output)
    {
        var module = PythonModule.Of(document);
        string text = module.Text;
        if (!MayHavePath(text)) return;
        var docstrings = DocstringStarts(module);
        var hits = new List<PathHit>();
        foreach (var lit in module.StringLiterals)
        {
            if (lit.IsBytes || docstrings.Contains(lit.Start)) continue;
            if (!MayHavePath(text, lit.BodyStart, lit.BodyEnd)) continue;
            foreach (var part in lit.Parts)
            {
                hits.Clear();
                HardcodedPathFinder.Find(lit.IsTripleQuoted ? StripLineComments(part.Value) : part.Value, hits);
                bool mapped = part.End - part.Start == part.Value.Length;
                foreach (var h in hits)
                {
                    if (lit.IsFString && IsTemplateTail(part, lit, h)) continue;
                    int s = mapped ? part.Start + h.Start : lit.Start;
                    int e = mapped ? part.Start + h.End : lit.End;
                    var loc = module.Locate(s, e);
                    output.Add(new Candidate(loc.Span, h, module.IsNotebook ? loc.SourceLine : null, loc.LocationHint));
                }
            }
        }
    }

    /// <summary>An f-string whose path ends where a replacement field starts (<c>f"/home/{user}/x"</c> gives the part "/home/"): the
    /// finder already refuses empty names; this refuses a name cut by a field (<c>f"/home/al{x}"</c>).</summary>
    private static bool IsTemplateTail(PyStringPart part, PyStringLiteral lit, PathHit h) =>
        h.End == part.Value.Length && part.End < lit.BodyEnd && h.Path.Count(c => c == '/' || c == '\\') <= 2;

    /// <summary>Start offsets of string statements: docstrings of modules, classes and functions, and bare strings used as comments.</summary>
    private static HashSet<int> DocstringStarts(PythonModule module)
    {
        var result = new HashSet<int>();
        var tokens = module.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind is not (PyTokenKind.String or PyTokenKind.FStringStart)) continue;
            int p = i - 1;
            while (p >= 0 && tokens[p].Kind is PyTokenKind.NL or PyTokenKind.Comment) p--;
            bool statementStart = p < 0 || tokens[p].Kind is PyTokenKind.Newline or PyTokenKind.Indent or PyTokenKind.Dedent or PyTokenKind.EndMarker;
            if (!statementStart) continue;
            int n = i;
            if (t.Kind == PyTokenKind.FStringStart)
            {
                while (n < tokens.Count && tokens[n].Kind != PyTokenKind.FStringEnd) n++;
            }
            int k = n + 1;
            while (k < tokens.Count && tokens[k].Kind is PyTokenKind.String or PyTokenKind.NL) k++; // implicit concatenation
            if (k >= tokens.Count || tokens[k].Kind is PyTokenKind.Newline or PyTokenKind.EndMarker or PyTokenKind.Comment) result.Add(t.Start);
        }
        return result;
    }

    // ---- C# ---------------------------------------------------------------------------------------------------

    private static void CSharp(SourceDocument document, List<Candidate> output)
    {
        string text = document.Text;
        if (!MayHavePath(text)) return;
        var hits = new List<PathHit>();
        foreach (var lit in CSharpStrings.Lex(text))
        {
            foreach (var part in lit.Parts)
            {
                hits.Clear();
                HardcodedPathFinder.Find(part.Value, hits);
                foreach (var h in hits)
                {
                    if (lit.IsInterpolated && h.End == part.Value.Length && part.End < lit.End - 1 && h.Path.Count(c => c == '/' || c == '\\') <= 2) continue;
                    int s = part.IsVerbatimMapped ? part.Start + h.Start : lit.Start;
                    int e = part.IsVerbatimMapped ? part.Start + h.End : lit.End;
                    output.Add(new Candidate(document.Lines.GetSpan(s, e), h, null, null));
                }
            }
        }
    }

    // ---- shell and R scripts ------------------------------------------------------------------------------------

    /// <summary>The words of a shell script's commands (comments and heredoc bodies are not commands): an
    /// <c>export DATA=/home/alice/data</c>, a <c>--checkpoint /home/alice/runs/best.pt</c>.</summary>
    private static void Shell(SourceDocument document, List<Candidate> output)
    {
        string text = document.Text;
        if (!MayHavePath(text)) return;
        var hits = new List<PathHit>();
        foreach (var command in ShellParser.Parse(text))
        {
            foreach (var word in command.Words)
            {
                if (word.Value.Length < 4 || !MayHavePath(text, word.Start, word.End)) continue;
                hits.Clear();
                HardcodedPathFinder.Find(word.Value, hits);
                foreach (var h in hits)
                {
                    int at = text.IndexOf(h.Path, word.Start, word.End - word.Start, StringComparison.Ordinal);
                    var span = at >= 0 ? document.Lines.GetSpan(at, at + h.Path.Length) : document.Lines.GetSpan(word.Start, word.End);
                    output.Add(new Candidate(span, h, null, null));
                }
            }
        }
    }

    /// <summary>R string literals (<c>"…"</c> and <c>'…'</c>, backslash escapes); <c>#</c> comments skipped.</summary>
    private static void R(SourceDocument document, List<Candidate> output)
    {
        string text = document.Text;
        if (!MayHavePath(text)) return;
        var hits = new List<PathHit>();
        var value = new System.Text.StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c == '`')
            {
                int close = text.IndexOf('`', i + 1);
                i = close < 0 ? text.Length : close + 1;
                continue;
            }
            if (c != '"' && c != '\'')
            {
                i++;
                continue;
            }
            int start = i + 1, j = start;
            bool mapped = true;
            value.Clear();
            while (j < text.Length && text[j] != c)
            {
                if (text[j] == '\\' && j + 1 < text.Length)
                {
                    mapped = false;
                    value.Append(text[j + 1]);
                    j += 2;
                    continue;
                }
                value.Append(text[j++]);
            }
            if (MayHavePath(text, start, Math.Min(j, text.Length)))
            {
                hits.Clear();
                HardcodedPathFinder.Find(value.ToString(), hits);
                foreach (var h in hits)
                {
                    int s = mapped ? start + h.Start : i, e = mapped ? start + h.End : Math.Min(j + 1, text.Length);
                    output.Add(new Candidate(document.Lines.GetSpan(s, e), h, null, null));
                }
            }
            i = j + 1;
        }
    }

    // ---- configuration ----------------------------------------------------------------------------------------

    /// <summary>Values of YAML/JSON/TOML/INI: a quoted string, or the rest of a <c>key: value</c> line; comments skipped.</summary>
    private static void Config(SourceDocument document, List<Candidate> output)
    {
        string text = document.Text;
        if (!MayHavePath(text)) return;
        var lines = document.Lines;
        var hits = new List<PathHit>();
        bool hashComments = document.Kind is not DocumentKind.Json;
        for (int line = 1; line <= lines.LineCount; line++)
        {
            string l = lines.GetLine(line);
            if (!MayHavePath(l)) continue;
            string trimmed = l.TrimStart();
            if (trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith(";", StringComparison.Ordinal) || trimmed.StartsWith("//", StringComparison.Ordinal)) continue;
            string code = hashComments ? StripComment(l) : l;
            hits.Clear();
            HardcodedPathFinder.Find(code, hits);
            int lineStart = lines.LineStart(line);
            foreach (var h in hits)
            {
                output.Add(new Candidate(lines.GetSpan(lineStart + h.Start, lineStart + h.End), h, null, null));
            }
        }
    }

    /// <summary>In a multi-line string (a script, a verbose regex, embedded YAML), text after <c>#</c> on each line is a comment:
    /// blanked with spaces so offsets stay.</summary>
    private static string StripLineComments(string value)
    {
        if (value.IndexOf('#') < 0) return value;
        var chars = value.ToCharArray();
        bool comment = false;
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\n') comment = false;
            else if (chars[i] == '#' && (i == 0 || chars[i - 1] is ' ' or '\t' or '\n')) comment = true;
            if (comment) chars[i] = ' ';
        }
        return new string(chars);
    }

    /// <summary>The line up to a <c>#</c> comment that is outside quotes and after whitespace.</summary>
    private static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            if (c == '"' || c == '\'') quote = c;
            else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.Substring(0, i);
        }
        return line;
    }

    /// <summary>Cheap prefilter: the text mentions a path prefix the finder knows.</summary>
    private static bool MayHavePath(string text) => MayHavePath(text, 0, text.Length);

    private static readonly string[] Prefixes =
    {
        "/home/", "/Users/", "/root/", "Users\\", "Users/", "/content/", "/kaggle/", "/dbfs/", "dbfs:/", "/Workspace/", "/mnt/", "/Volumes/", "/media/", "/gpfs/", "/lustre/", ":\\", ":/", "~",
    };

    private static bool MayHavePath(string text, int start, int end)
    {
        foreach (var p in Prefixes)
        {
            if (TokenScanner.IndexOf(text, p, start, end, ignoreCase: false) >= 0) return true;
        }
        return false;
    }
}
