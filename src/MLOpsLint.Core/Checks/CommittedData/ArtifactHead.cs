using MLOpsLint.Core.Artifacts;
using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>What a file's bytes say for the committed-data rules: an LFS pointer, and what <see cref="ArtifactClassifier"/>
/// makes of it (a pickle, a model, a data file). Cached on the document: made in the document pass while the bytes are at
/// hand (<see cref="CommittedArtifactCheck.Summarize"/>), so the repository pass does not read every file again.</summary>
internal sealed class ArtifactHead
{
    private ArtifactHead(bool isLfsPointer, ArtifactMatch? detected, IReadOnlyList<string> dataExtensions, IReadOnlyList<string> modelExtensions)
    {
        IsLfsPointer = isLfsPointer;
        Detected = detected;
        DataExtensions = dataExtensions;
        ModelExtensions = modelExtensions;
    }

    public bool IsLfsPointer { get; }

    /// <summary>The classification with the extra extensions it was made with.</summary>
    public ArtifactMatch? Detected { get; }

    private IReadOnlyList<string> DataExtensions { get; }

    private IReadOnlyList<string> ModelExtensions { get; }

    /// <summary>The cached head, or a new one when the configured extensions differ from those it was made with.</summary>
    public static ArtifactHead Of(SourceDocument document, IReadOnlyList<string> dataExtensions, IReadOnlyList<string> modelExtensions)
    {
        var cached = document.GetOrAdd(d => Read(d, dataExtensions, modelExtensions));
        return cached.DataExtensions.SequenceEqual(dataExtensions) && cached.ModelExtensions.SequenceEqual(modelExtensions)
            ? cached
            : Read(document, dataExtensions, modelExtensions);
    }

    private static ArtifactHead Read(SourceDocument d, IReadOnlyList<string> dataExtensions, IReadOnlyList<string> modelExtensions) =>
        new(LfsPointer.IsPointer(d.Content.Span, d.Size), ArtifactClassifier.Classify(d, dataExtensions, modelExtensions), dataExtensions, modelExtensions);
}
