using MLOpsLint.Core.Artifacts;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// MLO105: a file that DVC tracks (a .dvc file's outs, dvc.yaml stage outs/metrics/plots, dvc.lock) and
/// that is also in the scanned snapshot, i.e. committed to git (or about to be: untracked and not ignored).
/// Malformed DVC files are reported as scan diagnostics.
/// </summary>
public sealed class DvcCheck : IRepositoryCheck
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO105 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        var dvc = new DvcOutputs(repository);
        foreach (var (document, file) in dvc.Files)
        {
            if (file.Error is { } error) context.Warn(document.Path, error.Message, error.Line);
        }
        if (dvc.IsEmpty) return;
        foreach (var document in repository.Documents)
        {
            if (DvcFile.IsDvcFile(document) || document.Size == 0) continue;
            // the path first: a pointer test reads the file's bytes again (the engine dropped them after its checks)
            if (dvc.Find(document.Path) is not { } output) continue;
            if (LfsPointer.IsPointer(document.Content.Span, document.Size)) continue;
            string what = output.Path == document.Path ? "an output" : $"inside the output {output.Path}/";
            context.Report(new Finding(RuleCatalog.MLO105, document.Path, SourceSpan.WholeFile,
                $"{document.FileName} ({Sizes.Format(document.Size)}) is {what} tracked by DVC in {output.DeclaredIn} "
                + "and is also committed to git.")
            {
                FixHint = FixAdvice.ForDvc(document.Path),
                FingerprintContent = FixAdvice.ContentFingerprint(document),
                Related = new[] { new Location(output.DeclaredIn, SourceSpan.Line(output.Line)) { Message = "the DVC output" } },
            });
        }
    }
}
