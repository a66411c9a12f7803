using System.Text.RegularExpressions;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Structure;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// MLO213 (no revision) and MLO214 (a branch or tag revision) for models and datasets pulled from a hub:
/// <c>*.from_pretrained("org/model")</c>, <c>SentenceTransformer("org/model")</c>, <c>transformers.pipeline(model="org/model")</c>,
/// <c>datasets.load_dataset("org/data")</c>, <c>huggingface_hub.hf_hub_download</c>/<c>snapshot_download</c>, and
/// <c>torch.hub.load("owner/repo[:ref]", …)</c>. Only a literal hub id is judged: a variable, an f-string or a path
/// expression as the id, a variable <c>revision=</c>, <c>local_files_only=True</c> and <c>**kwargs</c> are not reported.
/// </summary>
public sealed class HubRevisionCheck : IDocumentCheck
{
    private static readonly Regex CommitHash = new("^[0-9a-fA-F]{40}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly HashSet<string> SentenceTransformers = new(StringComparer.Ordinal)
    {
        "sentence_transformers.SentenceTransformer",
        "sentence_transformers.SentenceTransformer.SentenceTransformer",
        "sentence_transformers.CrossEncoder",
        "sentence_transformers.cross_encoder.CrossEncoder",
        "sentence_transformers.cross_encoder.CrossEncoder.CrossEncoder",
        "sentence_transformers.SparseEncoder",
    };

    private static readonly HashSet<string> Pipelines = new(StringComparer.Ordinal)
    {
        "transformers.pipeline", "transformers.pipelines.pipeline",
    };

    private static readonly HashSet<string> LoadDataset = new(StringComparer.Ordinal)
    {
        "datasets.load_dataset", "datasets.load.load_dataset",
    };

    private static readonly HashSet<string> HubDownloads = new(StringComparer.Ordinal)
    {
        "huggingface_hub.hf_hub_download", "huggingface_hub.file_download.hf_hub_download",
        "huggingface_hub.snapshot_download", "huggingface_hub._snapshot_download.snapshot_download",
    };

    private static readonly HashSet<string> TorchHubLoad = new(StringComparer.Ordinal) { "torch.hub.load" };

    /// <summary><c>datasets</c>' packaged builders: they read local <c>data_files</c>, not a hub repository.</summary>
    private static readonly HashSet<string> PackagedBuilders = new(StringComparer.Ordinal)
    {
        "csv", "json", "parquet", "text", "arrow", "pandas", "sql", "imagefolder", "audiofolder", "videofolder",
        "webdataset", "generator", "spark", "xml", "hdf5", "pdffolder", "niftifolder", "cache",
    };

    /// <summary>File extensions that make a string a local file rather than a hub id.</summary>
    private static readonly string[] FileExtensions =
    {
        ".py", ".csv", ".tsv", ".json", ".jsonl", ".parquet", ".txt", ".arrow", ".zip", ".gz", ".tar", ".bin", ".pt", ".pth",
        ".ckpt", ".safetensors", ".h5", ".onnx", ".pkl", ".yaml", ".yml", ".model",
    };

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO213, RuleCatalog.MLO214 };

    public bool AppliesTo(SourceDocument document) =>
        document.Kind is DocumentKind.Python or DocumentKind.Notebook && document.HasText
        && !document.Path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    public void Check(SourceDocument document, CheckContext context)
    {
        if (!MayPullFromHub(document.Text)) return;
        var module = PythonModule.Of(document, context);
        foreach (var call in module.Calls)
        {
            if (call.HasStarStarKwargs) continue;
            string q = call.QualifiedName;
            if (TorchHubLoad.Contains(q))
            {
                CheckTorchHub(module, call, context);
                continue;
            }
            PyArgument? id;
            string kind = "model";
            if (call.Name == "from_pretrained" && call.Callee.Contains('.'))
            {
                if (!IsHubFromPretrained(module, call)) continue;
                id = q.StartsWith("peft.", StringComparison.Ordinal)
                    ? call.Keyword("model_id") ?? call.Positional(1)
                    : call.Keyword("pretrained_model_name_or_path") ?? call.Positional(0);
            }
            else if (SentenceTransformers.Contains(q))
            {
                id = call.Keyword("model_name_or_path") ?? call.Keyword("model_name") ?? call.Positional(0);
            }
            else if (Pipelines.Contains(q))
            {
                id = call.Keyword("model") ?? call.Positional(1);
                if (id == null)
                {
                    CheckDefaultPipeline(module, call, context);
                    continue;
                }
            }
            else if (LoadDataset.Contains(q))
            {
                id = call.Keyword("path") ?? call.Positional(0);
                kind = "dataset";
            }
            else if (HubDownloads.Contains(q))
            {
                id = call.Keyword("repo_id") ?? call.Positional(0);
                kind = RepoType(call) ?? "model";
            }
            else
            {
                continue;
            }

            if (LiteralString(id) is not { } repoId || LooksLikePath(repoId)) continue;
            if (kind == "dataset" && PackagedBuilders.Contains(repoId)) continue;
            if (call.Keyword("local_files_only") is { Literal: PyLiteralKind.True }) continue;
            var revision = call.Keyword("revision");
            string shown = ShownCallee(call);
            if (revision == null || revision.Literal == PyLiteralKind.NoneValue)
            {
                context.Report(module.Report(RuleCatalog.MLO213, call,
                    $"{shown}(\"{repoId}\") has no revision: it downloads whatever the {kind}'s default branch holds on the day it runs")
                    with { FixHint = RevisionFix(FixedCall(call, revision, shown, repoId), repoId, kind, null) });
            }
            else if (LiteralString(revision) is { } rev && !CommitHash.IsMatch(rev))
            {
                context.Report(module.Report(RuleCatalog.MLO214, revision,
                    $"{shown}(\"{repoId}\") uses revision \"{rev}\", a branch or tag that can be moved, not a commit")
                    with { FixHint = RevisionFix(FixedCall(call, revision, shown, repoId), repoId, kind, rev) });
            }
        }
    }

    /// <summary>Cheap pre-filter on the raw text (for a notebook, the JSON), before the module is built.</summary>
    private static bool MayPullFromHub(string text) =>
        text.Contains("from_pretrained", StringComparison.Ordinal) || text.Contains("load_dataset", StringComparison.Ordinal)
        || text.Contains("pipeline", StringComparison.Ordinal) || text.Contains("hub", StringComparison.Ordinal)
        || text.Contains("_download", StringComparison.Ordinal) || text.Contains("SentenceTransformer", StringComparison.Ordinal)
        || text.Contains("CrossEncoder", StringComparison.Ordinal) || text.Contains("SparseEncoder", StringComparison.Ordinal);

    /// <summary>
    /// Any <c>X.from_pretrained(…)</c> is taken for the Hugging Face API (transformers, diffusers, peft, and the many
    /// libraries that copy it), except when the receiver is <c>self</c>/<c>cls</c>/<c>super()</c> (a wrapper forwarding its own
    /// arguments), or a class defined in this module whose <c>from_pretrained</c> has neither a <c>revision</c> parameter
    /// nor <c>**kwargs</c> (its own loader, which cannot take a revision).
    /// </summary>
    private static bool IsHubFromPretrained(PythonModule module, PyCall call)
    {
        string receiver = call.Callee.Substring(0, call.Callee.LastIndexOf('.'));
        if (receiver is "self" or "cls" || receiver.StartsWith("super(", StringComparison.Ordinal)) return false;
        var own = module.Functions.Where(f => f.Name == "from_pretrained" && f.ClassName == receiver).ToList();
        if (own.Count > 0)
        {
            return own.Any(f => f.Parameters.Any(p => p.Name == "revision" || p.Kind == PyArgumentKind.StarStar));
        }
        return true;
    }

    private static void CheckDefaultPipeline(PythonModule module, PyCall call, CheckContext context)
    {
        var task = call.Keyword("task") ?? call.Positional(0);
        if (LiteralString(task) is not { } taskName || call.HasStarArgs) return;
        context.Report(module.Report(RuleCatalog.MLO213, call,
            $"pipeline(\"{taskName}\") names no model: it downloads the task's default model, which transformers may change, at no fixed revision")
            with
            {
                FixHint = $"Name the model and its commit: pipeline(\"{taskName}\", model=\"<org/model>\", revision=\"<40-hex commit>\") "
                    + "(the model transformers picks is logged as \"No model was supplied, defaulted to …\").",
            });
    }

    private static void CheckTorchHub(PythonModule module, PyCall call, CheckContext context)
    {
        var repoArg = call.Keyword("repo_or_dir") ?? call.Keyword("github") ?? call.Positional(0);
        if (LiteralString(repoArg) is not { } repo || LooksLikePath(repo)) return;
        if (LiteralString(call.Keyword("source")) is { } source && source != "github") return;
        int colon = repo.IndexOf(':');
        string ownerRepo = colon < 0 ? repo : repo.Substring(0, colon);
        if (ownerRepo.Count(c => c == '/') != 1) return;
        string? modelName = LiteralString(call.Keyword("model") ?? call.Positional(1));
        string modelShown = modelName != null ? $", \"{modelName}\"" : ", …";
        string fix = $"Pin the commit: torch.hub.load(\"{ownerRepo}:<40-hex commit>\"{modelShown}) "
            + $"(git ls-remote https://github.com/{ownerRepo} {(colon < 0 ? "HEAD" : repo.Substring(colon + 1))} prints it).";
        if (colon < 0)
        {
            context.Report(module.Report(RuleCatalog.MLO213, repoArg!,
                $"torch.hub.load(\"{repo}\") has no ref: it runs whatever the repository's default branch holds on the day it runs")
                with { FixHint = fix });
        }
        else if (!CommitHash.IsMatch(repo.Substring(colon + 1)))
        {
            context.Report(module.Report(RuleCatalog.MLO214, repoArg!,
                $"torch.hub.load(\"{repo}\") uses ref \"{repo.Substring(colon + 1)}\", a branch or tag that can be moved, not a commit")
                with { FixHint = fix });
        }
    }

    private static string? RepoType(PyCall call) => LiteralString(call.Keyword("repo_type")) switch
    {
        "dataset" => "dataset",
        "space" => "space",
        _ => null,
    };

    /// <summary>The call as written with <c>revision="&lt;40-hex commit&gt;"</c> added or put in place of the current one
    /// (one line; the short form when the call is long or has comments).</summary>
    private static string FixedCall(PyCall call, PyArgument? revision, string shown, string repoId)
    {
        const string Pin = "revision=\"<40-hex commit>\"";
        string text = call.Text;
        string fixedText;
        if (revision != null)
        {
            fixedText = text.Substring(0, revision.Start - call.Start) + Pin + text.Substring(revision.End - call.Start);
        }
        else
        {
            int close = text.LastIndexOf(')');
            string before = close < 0 ? text : text.Substring(0, close).TrimEnd();
            fixedText = before + (before.EndsWith("(", StringComparison.Ordinal) ? "" : before.EndsWith(",", StringComparison.Ordinal) ? " " : ", ") + Pin + ")";
        }
        fixedText = Regex.Replace(fixedText, @"\(\s+", "(");
        fixedText = Regex.Replace(fixedText, @",?\s*\n\s*\)", ")");
        fixedText = Regex.Replace(fixedText, @"\s*\n\s*", " ");
        return fixedText.Contains('#') || fixedText.Length > 160 ? $"{shown}(\"{repoId}\", {Pin})" : fixedText;
    }

    private static string RevisionFix(string fixedCall, string repoId, string kind, string? current)
    {
        string info = kind == "dataset" ? "dataset_info" : kind == "space" ? "space_info" : "model_info";
        string page = kind == "dataset" ? $"https://huggingface.co/datasets/{repoId}" : kind == "space" ? $"https://huggingface.co/spaces/{repoId}" : $"https://huggingface.co/{repoId}";
        string rev = current != null ? $", revision=\"{current}\"" : "";
        return $"Pass the commit you tested: {fixedCall}. "
            + $"python -c \"from huggingface_hub import {info}; print({info}('{repoId}'{rev.Replace('"', '\'')}).sha)\" prints it, "
            + $"or see the History of {page}.";
    }

    /// <summary>The callee as the user wrote it, shortened for messages (<c>AutoModel.from_pretrained</c>).</summary>
    private static string ShownCallee(PyCall call) => call.Callee.Length > 60 ? call.Name : call.Callee;

    /// <summary>The value of a plain string literal argument (no f-string); null for anything else.</summary>
    private static string? LiteralString(PyArgument? arg) =>
        arg is { Literal: PyLiteralKind.String, Kind: PyArgumentKind.Positional or PyArgumentKind.Keyword } && arg.StringLiterals.All(s => !s.IsFString)
            ? arg.StringValue
            : null;

    /// <summary>
    /// A local directory or file rather than a hub id: starts with <c>.</c>, <c>/</c> or <c>~</c>, has a backslash or a drive
    /// letter, has more than one <c>/</c> (hub ids are <c>name</c> or <c>org/name</c>), blanks, or a file extension.
    /// </summary>
    internal static bool LooksLikePath(string s)
    {
        if (s.Length == 0 || s[0] is '.' or '/' or '~' || s.Contains('\\') || s.Any(char.IsWhiteSpace)) return true;
        if (s.Length >= 2 && char.IsLetter(s[0]) && s[1] == ':') return true;
        if (s.Count(c => c == '/') > 1 || s.EndsWith("/", StringComparison.Ordinal)) return true;
        if (s.Contains("://", StringComparison.Ordinal)) return true;
        return FileExtensions.Any(e => s.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }
}
