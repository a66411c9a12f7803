using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Parsing.Dockerfile;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>MLO204: <c>FROM</c> without a tag or with <c>latest</c> (optionally: without a digest).</summary>
public sealed class BaseImageCheck : IDocumentCheck
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO204 };

    public bool AppliesTo(SourceDocument document) => document.Kind == DocumentKind.Dockerfile && document.HasText;

    public void Check(SourceDocument document, CheckContext context)
    {
        var model = DockerfileParser.Of(document);
        bool requireDigest = context.Options(RuleCatalog.MLO204).GetBool("require-digest", false);
        foreach (var (line, message) in model.Errors) context.Warn(document.Path, message, line);
        foreach (var from in model.Stages)
        {
            if (from.IsScratch || from.RefersToStage || from.Digest != null) continue;
            if (from.HasUnresolvedVariable) continue; // supplied with --build-arg: unknown here
            string repo = (from.Registry != null ? from.Registry + "/" : "") + from.Repository;
            string? problem = from.Tag == null ? "has no tag, so it means :latest"
                : from.Tag.Equals("latest", StringComparison.OrdinalIgnoreCase) ? "uses the :latest tag"
                : requireDigest ? $"is pinned by the tag :{from.Tag} only, which can be re-pushed"
                : null;
            if (problem == null) continue;
            string example = from.Tag != null && !from.Tag.Equals("latest", StringComparison.OrdinalIgnoreCase)
                ? $"FROM {repo}:{from.Tag}@sha256:<digest>"
                : Example(from.Repository, repo);
            var span = DependencyPolicy.Span(document, from.ImageWord.Start, from.ImageWord.End);
            context.Report(new Finding(RuleCatalog.MLO204, document.Path, span,
                $"Base image '{from.ImageWord.Value}'{(from.Image != from.ImageWord.Value ? $" ({from.Image})" : "")} {problem}")
            {
                FixHint = $"pin it: {example} (docker buildx imagetools inspect {repo}:<tag> prints the digest)",
            });
        }
    }

    private static string Example(string repository, string full)
    {
        string name = repository.Substring(repository.LastIndexOf('/') + 1).ToLowerInvariant();
        string tag = name switch
        {
            "python" => "3.11.9-slim",
            "ubuntu" => "22.04",
            "debian" => "bookworm-slim",
            "alpine" => "3.19",
            _ => "<version>",
        };
        return $"FROM {full}:{tag}@sha256:<digest>";
    }
}
