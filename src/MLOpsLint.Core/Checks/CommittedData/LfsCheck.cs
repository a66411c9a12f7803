using MLOpsLint.Core.Artifacts;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// MLO104: a path that .gitattributes sends through Git LFS, stored by git as its real content.
/// Only content that git stores is judged (documents from the index or a commit, <see cref="Documents.SourceDocument.Origin"/>
/// set): in the working tree an LFS file is checked out with its real content, which is normal.
/// </summary>
public sealed class LfsCheck : IRepositoryCheck
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO104 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        LfsPatterns? lfs = null;
        foreach (var document in repository.Documents)
        {
            if (document.Origin == null || document.Size == 0) continue;
            if (LfsPointer.IsPointer(document.Content.Span, document.Size)) continue;
            lfs ??= new LfsPatterns(repository);
            if (lfs.IsEmpty) return;
            if (!lfs.IsLfsTracked(document.Path, out var source)) continue;
            var line = source.Line > 0 ? SourceSpan.Line(source.Line) : SourceSpan.WholeFile;
            context.Report(new Finding(RuleCatalog.MLO104, document.Path, SourceSpan.WholeFile,
                $"{document.FileName} is tracked by Git LFS ({source.Path} line {source.Line}) but git stores its content "
                + $"({Sizes.Format(document.Size)}) instead of an LFS pointer: it was committed without Git LFS installed.")
            {
                FixHint = FixAdvice.ForLfs(document.Path),
                FingerprintContent = FixAdvice.ContentFingerprint(document),
                Related = new[] { new Location(source.Path, line) { Message = "the filter=lfs pattern" } },
            });
        }
    }
}
