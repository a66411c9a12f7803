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

    /// <summary>Keeps a head in the facts cache (<see cref="FormCodecs"/>): the classification with the extensions it was made
    /// with, so that a head made under other settings is made again (<see cref="Of"/>).</summary>
    internal static readonly FormCodec<ArtifactHead> Codec = new("committed-data.artifact-head", Write, ReadForm);

    private static void Write(ArtifactHead head, BinaryWriter w)
    {
        w.Write(head.IsLfsPointer);
        w.Write(head.Detected != null);
        if (head.Detected is { } m)
        {
            w.Write(m.Format.Name);
            w.Write((int)m.Evidence);
            w.Write(m.Detail);
        }
        WriteList(w, head.DataExtensions);
        WriteList(w, head.ModelExtensions);
    }

    private static ArtifactHead ReadForm(BinaryReader r)
    {
        bool lfs = r.ReadBoolean();
        ArtifactMatch? detected = null;
        if (r.ReadBoolean())
        {
            var format = ArtifactFormat.Named(r.ReadString()) ?? throw new InvalidDataException("unknown artifact format");
            int evidence = r.ReadInt32();
            if (evidence is < (int)ArtifactEvidence.ContentSignature or > (int)ArtifactEvidence.FileName) throw new InvalidDataException("unknown evidence");
            detected = new ArtifactMatch(format, (ArtifactEvidence)evidence, r.ReadString());
        }
        return new ArtifactHead(lfs, detected, ReadList(r), ReadList(r));
    }

    private static void WriteList(BinaryWriter w, IReadOnlyList<string> list)
    {
        w.Write(list.Count);
        foreach (var s in list) w.Write(s);
    }

    private static IReadOnlyList<string> ReadList(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 10_000) throw new InvalidDataException("bad list");
        var list = new string[n];
        for (int i = 0; i < n; i++) list[i] = r.ReadString();
        return list;
    }

    private static ArtifactHead Read(SourceDocument d, IReadOnlyList<string> dataExtensions, IReadOnlyList<string> modelExtensions) =>
        new(LfsPointer.IsPointer(d.Content.Span, d.Size), ArtifactClassifier.Classify(d, dataExtensions, modelExtensions), dataExtensions, modelExtensions);
}
