using System.Collections.Concurrent;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Scope;

/// <summary>
/// The one place that decides what a file is (<see cref="FileScope"/>) and what the repository is
/// (<see cref="RepositoryKind"/>). Built once per scan from the scan's documents; the engine asks it for every
/// document before the checks run, and drops the findings of rules that do not judge a file's scope
/// (<see cref="Rules.RuleDescriptor.Scopes"/>). Checks that need it more finely (is this requirements file a
/// development one?) ask it through <see cref="Checks.CheckContext.ScopeOf"/>; none decides on its own what a test is.
/// In order, a file's scope comes from: the user's <c>[tool.mlops-lint.scopes]</c> globs; its path
/// (<see cref="PathScopes"/>: folders and names); an example collection's code and requirement files are examples;
/// then its content (<see cref="ContentScopes"/>: pytest imports, a main guard, a training call).
/// Deterministic and pure: the verdict depends on the documents and the settings only.
/// </summary>
public sealed class ScopeModel
{
    private readonly ConcurrentDictionary<string, ScopeVerdict> verdicts = new(StringComparer.Ordinal);
    private readonly ScopeSettings settings;
    private readonly HashSet<string> mlflowModels;

    private readonly IReadOnlyList<SourceDocument> documents;

    private readonly ConcurrentDictionary<string, IReadOnlyCollection<string>> otherOwners = new(StringComparer.OrdinalIgnoreCase);

    private ScopeModel(RepositoryProfile repository, ScopeSettings settings, HashSet<string> mlflowModels, IReadOnlyList<SourceDocument> documents)
    {
        Repository = repository;
        this.settings = settings;
        this.mlflowModels = mlflowModels;
        this.documents = documents;
    }

    public ScopeModel(RepositoryProfile repository, ScopeSettings settings, IEnumerable<string>? paths = null, IReadOnlyList<SourceDocument>? documents = null)
    {
        Repository = repository;
        this.settings = settings;
        this.documents = documents ?? Array.Empty<SourceDocument>();
        // an MLflow model's folder (MLmodel beside conda.yaml, requirements.txt, python_env.yaml): written by log_model
        mlflowModels = new HashSet<string>((paths ?? Array.Empty<string>()).Where(p => p == "MLmodel" || p.EndsWith("/MLmodel", StringComparison.Ordinal))
            .Select(Folder), StringComparer.Ordinal);
    }

    /// <summary>The model of a scan: the repository's kind read from <paramref name="documents"/> (and the name of the
    /// folder they are in, <paramref name="rootDirectory"/>, when known).</summary>
    public static ScopeModel For(IReadOnlyList<SourceDocument> documents, ScopeSettings settings, string rootDirectory = "") =>
        new(RepositoryProfile.Of(documents, settings, FolderName(rootDirectory)), settings, documents.Select(d => d.Path), documents);

    private static string FolderName(string directory)
    {
        string d = directory.Replace('\\', '/').TrimEnd('/');
        int slash = d.LastIndexOf('/');
        return slash < 0 ? d : d.Substring(slash + 1);
    }

    /// <summary>For a file checked without its repository (tests, the IDE): the settings' repository kind, or an application.</summary>
    public static ScopeModel Standalone(ScopeSettings settings) =>
        new(settings.RepositoryKind is { } k ? RepositoryProfile.Configured(k) : RepositoryProfile.Unknown, settings);

    public RepositoryProfile Repository { get; }

    /// <summary>The model after the files at <paramref name="changed"/> changed (the language server, after an edit): the
    /// repository's kind read again from <paramref name="documents"/>, and, when it is the same, the other files' verdicts
    /// kept rather than decided again.</summary>
    /// <param name="sameFiles">The scan has the same files as before (only their content changed): an edit of a file whose
    /// content the repository's kind does not read (<see cref="RepositoryProfile.ReadsContentOf"/>) then cannot change it,
    /// so it is not decided again — in a big workspace that is a good part of an edit's cost.</param>
    public ScopeModel After(IReadOnlyList<SourceDocument> documents, IEnumerable<string> changed, bool sameFiles = false)
    {
        var gone = new HashSet<string>(changed, StringComparer.Ordinal);
        var next = sameFiles && !gone.Any(RepositoryProfile.ReadsContentOf) ? new ScopeModel(Repository, settings, mlflowModels, documents) : For(documents, settings);
        if (next.Repository.Kind != Repository.Kind) return next;
        foreach (var kv in verdicts)
        {
            if (!gone.Contains(kv.Key)) next.verdicts[kv.Key] = kv.Value;
        }
        return next;
    }

    public RepositoryKind RepositoryKind => Repository.Kind;

    /// <summary>The GitHub owners, other than <paramref name="owner"/>, under which the repository's own metadata and
    /// changelog name the repository <paramref name="name"/> (<see cref="SelfLinks"/>): former owners of a transferred
    /// repository, a fork's upstream. Empty for a model without the repository's files.</summary>
    public IReadOnlyCollection<string> OtherOwnersOf(string name, string? owner) =>
        otherOwners.GetOrAdd(name + "\n" + owner, _ => SelfLinks.OtherOwners(documents, name, owner));

    /// <summary>What <paramref name="document"/> is, and why. Computed once per path; reads the Python front end's module
    /// only when neither the configuration nor the path decides.</summary>
    public ScopeVerdict Of(SourceDocument document) => verdicts.GetOrAdd(document.Path, _ => Decide(document.Path, document.Kind, document));

    /// <summary>Whether <paramref name="document"/> is a test: <see cref="Of"/>'s answer, without parsing a Python module whose
    /// text names neither pytest nor unittest (only those imports make a module a test by its content; the configuration
    /// and the path decide the rest). A repository check asking this of every module (which folders hold only tests) so
    /// parses none in a scan that reports a few files.</summary>
    public bool IsTest(SourceDocument document)
    {
        if (verdicts.TryGetValue(document.Path, out var known)) return known.Scope == FileScope.Test;
        if (document.Kind == DocumentKind.Python && document.HasText && !ContentScopes.MayBeTest(document.Text))
        {
            // decided as Of decides, short of the content (which can only say script or library here): not kept as the verdict
            return Decide(document.Path, document.Kind, null).Scope == FileScope.Test;
        }
        return Of(document).Scope == FileScope.Test;
    }

    /// <summary>What the file at <paramref name="path"/> is, from its path alone when it was not scanned as a document.</summary>
    public ScopeVerdict OfPath(string path) =>
        verdicts.TryGetValue(path, out var v) ? v : Decide(path, DocumentClassifier.Classify(path), null);

    /// <summary>Every verdict given so far, by path (for <c>scan --verbose</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, ScopeVerdict>> Verdicts => verdicts.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();

    private static string Folder(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash);
    }

    /// <summary>The scopes a Python module's content can give it (<see cref="ContentScopes"/>), when neither the
    /// configuration nor its path decides.</summary>
    public const FileScope ContentDecided = FileScope.Script | FileScope.Library | FileScope.Test | FileScope.Benchmark;

    /// <summary>What <paramref name="document"/> is when that needs no parse: the verdict when it is known, or the
    /// configuration, the path or the kind decides it; null for a Python module only its content can decide (its scope is
    /// then one of <see cref="ContentDecided"/>). A scan whose rules judge all of those scopes alike (a history scan's
    /// committed-data and credential rules) so parses no module to ask.</summary>
    public FileScope? ScopeWithoutParse(SourceDocument document)
    {
        if (verdicts.TryGetValue(document.Path, out var known)) return known.Scope;
        if (document.Kind != DocumentKind.Python || !document.HasText) return Of(document).Scope;
        return ByConfigurationOrPath(document.Path, document.Kind) is { } decided ? verdicts.GetOrAdd(document.Path, decided).Scope : null;
    }

    private ScopeVerdict Decide(string path, DocumentKind kind, SourceDocument? document)
    {
        if (ByConfigurationOrPath(path, kind) is { } decided) return decided;
        if (document == null)
        {
            return kind switch
            {
                DocumentKind.Notebook => new(FileScope.Notebook, "a notebook"),
                DocumentKind.Shell => new(FileScope.Script, "a shell script"),
                _ => new(FileScope.Library, "a module (content not read)"),
            };
        }
        return ContentScopes.Of(document, Repository.Kind);
    }

    /// <summary>The verdict of the configuration, the path and the repository's kind; null when only the content can say.</summary>
    private ScopeVerdict? ByConfigurationOrPath(string path, DocumentKind kind)
    {
        if (settings.Match(path) is { } configured)
        {
            return new(configured.Scope, $"matches \"{configured.Pattern}\" in [tool.mlops-lint.scopes]");
        }
        var byPath = PathScopes.Of(path, kind);
        if (mlflowModels.Count > 0 && byPath?.Scope is not (FileScope.Vendored or FileScope.CI) && mlflowModels.Contains(Folder(path)))
        {
            return new(FileScope.Generated, "a file of an MLflow model (MLmodel beside it), written by log_model");
        }
        if (Repository.Kind == RepositoryKind.ExampleCollection
            && (byPath == null ? kind is DocumentKind.Python or DocumentKind.Notebook or DocumentKind.Shell : byPath.Scope == FileScope.Packaging))
        {
            return new(FileScope.Example, "in an example collection");
        }
        if (Repository.Kind == RepositoryKind.Library)
        {
            // a published library ships as a package: its Dockerfiles build CI and development images (its notebooks are
            // tutorials: below)
            if (kind == DocumentKind.Dockerfile && byPath?.Scope == FileScope.Packaging)
            {
                return new(FileScope.Development, "a Dockerfile in a published library (a CI or development image: the library ships as a package)");
            }
        }
        if (byPath != null) return byPath;
        if (Repository.Kind == RepositoryKind.Library && kind == DocumentKind.Notebook)
        {
            return new(FileScope.Example, "a notebook in a library's repository: a tutorial");
        }
        return null;
    }
}
