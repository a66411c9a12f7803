using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// Which paths of a snapshot git would store through Git LFS: every .gitattributes in the snapshot (root
/// and nested), applied as git does — files in deeper directories override their parents, and within a
/// file later lines override earlier ones.
/// </summary>
public sealed class LfsPatterns
{
    private readonly IReadOnlyList<(SourceDocument Document, GitAttributesFile File)> files;

    public LfsPatterns(RepositorySnapshot snapshot)
    {
        files = snapshot.OfKind(DocumentKind.GitAttributes)
            .Select(d => (d, GitAttributesFile.Get(d)))
            .Where(x => x.Item2.Rules.Count > 0)
            .OrderBy(x => x.Item2.Directory.Count(c => c == '/'))
            .ThenBy(x => x.Item2.Directory, StringComparer.Ordinal)
            .ToArray();
    }

    public bool IsEmpty => files.Count == 0;

    /// <summary>True when the effective filter attribute of <paramref name="path"/> is <c>lfs</c>;
    /// <paramref name="source"/> is the .gitattributes line that decides it.</summary>
    public bool IsLfsTracked(string path, out (string Path, int Line) source)
    {
        source = default;
        bool result = false;
        foreach (var (document, file) in files)
        {
            if (file.FilterIsLfs(path) is not bool lfs) continue;
            result = lfs;
            if (lfs) source = (document.Path, file.LastMatchLine(path));
        }
        return result;
    }
}
