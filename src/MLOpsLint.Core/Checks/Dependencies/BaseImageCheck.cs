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
            if (IsProjectsOwnImage(from, context.Scopes.Repository.PackageName)) continue;
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

    /// <summary>Docker Hub's official images most often used as bases: a project named like one of them still means the registry's.</summary>
    private static readonly HashSet<string> OfficialImages = new(StringComparer.OrdinalIgnoreCase)
    {
        "python", "ubuntu", "debian", "alpine", "centos", "fedora", "busybox", "node", "golang", "rust", "openjdk", "eclipse-temurin",
        "redis", "postgres", "mysql", "mariadb", "mongo", "nginx", "httpd", "rabbitmq", "memcached", "elasticsearch", "registry",
        "traefik", "julia", "r-base", "pypy", "amazonlinux", "rockylinux", "almalinux", "buildpack-deps", "gcc", "docker", "jupyter",
    };

    /// <summary><c>FROM skorch:latest</c> in the skorch repository: an image named like the project's own package, with no
    /// registry and no namespace, is the one the project builds from its own Dockerfile (<c>docker build -t skorch .</c>)
    /// just before, not a registry image that moves under it.</summary>
    private static bool IsProjectsOwnImage(DockerFrom from, string? packageName)
    {
        if (packageName == null || from.Registry != null || from.Repository.Contains('/')) return false;
        if (OfficialImages.Contains(from.Repository)) return false;
        static string Normal(string n) => n.ToLowerInvariant().Replace('_', '-').Replace('.', '-');
        return Normal(from.Repository) == Normal(packageName);
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
