using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Dockerfile;
using MLOpsLint.Core.Parsing.Shell;

namespace MLOpsLint.Core.Checks;

/// <summary>
/// A file is judged under the name it is installed as: <c>COPY requirements/prod.list requirements.txt</c> or
/// <c>COPY deploy/Pipfile.api ./Pipfile</c> in a Dockerfile makes the source a requirements file or a Pipfile, whatever
/// its own name says; so does <c>pip install -r deps.lock</c>, which makes <c>deps.lock</c> a requirements file. Only files whose own name makes them nothing the dependency rules read (plain text, other) are
/// re-judged; a COPY of a directory, a glob or a variable is not followed.
/// </summary>
public static class InstalledNames
{
    private static readonly HashSet<DocumentKind> Manifests = new()
    {
        DocumentKind.Requirements, DocumentKind.Pipfile, DocumentKind.PyProject, DocumentKind.LockFile, DocumentKind.CondaEnvironment,
    };

    /// <summary>Re-judges the snapshot's documents; the engine calls it once, before any check runs.</summary>
    public static void Apply(RepositorySnapshot snapshot)
    {
        foreach (var dockerfile in snapshot.Documents)
        {
            if (dockerfile.Kind != DocumentKind.Dockerfile || !dockerfile.HasText) continue;
            // in the Dockerfile's order (its installs, then its copies): a file re-judged by one is no longer plain text for the next
            foreach (var claim in InstalledNameClaims.Of(dockerfile).Claims)
            {
                SourceDocument? target = null;
                foreach (var path in claim.Candidates)
                {
                    if (snapshot.Find(path) is { } found && (!claim.NeedsText || found.HasText))
                    {
                        target = found;
                        break;
                    }
                }
                if (target is { Kind: DocumentKind.PlainText or DocumentKind.Other }) target.JudgeAs(claim.Kind, claim.InstalledName);
            }
        }
    }

    /// <summary>What <paramref name="dockerfile"/> says of the names files are installed as, from its text alone: the
    /// candidates each install or copy may name, in the order they are tried (<see cref="InstalledNameClaims"/>).</summary>
    internal static IEnumerable<InstalledNameClaims.Claim> ClaimsOf(SourceDocument dockerfile)
    {
        string dir = Dependencies.DependencyPolicy.Directory(dockerfile.Path);
        var model = DockerfileParser.Of(dockerfile);
        foreach (var run in model.Runs)
        {
            foreach (var command in run.Commands)
            {
                if (InstallCommandParser.Parse(command) is not { Installer: Installer.Pip or Installer.UvPip } install) continue;
                foreach (var file in install.RequirementFiles.Concat(install.ConstraintFiles))
                {
                    // the paths InstallCommandCheck.ResolveFile tries, in its order: the first with text is the file
                    var candidates = Dependencies.InstallCommandCheck.ResolveCandidates(dockerfile, file.Value, model, run.Instruction).ToArray();
                    yield return new InstalledNameClaims.Claim(candidates, NeedsText: true, DocumentKind.Requirements, DocumentClassifier.FileName(file.Value));
                }
            }
        }
        foreach (var copy in model.Copies)
        {
            if (copy.Sources.Count != 1) continue;
            string source = copy.Sources[0];
            string destination = copy.Destination;
            if (source.IndexOfAny(new[] { '*', '?', '$', '[' }) >= 0 || destination.Contains("$") || destination.EndsWith("/", StringComparison.Ordinal)
                || destination is "." or "./") continue;
            string installedName = DocumentClassifier.FileName(destination);
            var installedKind = DocumentClassifier.Classify(installedName);
            if (!Manifests.Contains(installedKind)) continue;
            var candidates = new[] { dir, "" }.Distinct().Select(context => RepoPath.Join(context, source)).OfType<string>().ToArray();
            yield return new InstalledNameClaims.Claim(candidates, NeedsText: false, installedKind, installedName);
        }
    }
}
