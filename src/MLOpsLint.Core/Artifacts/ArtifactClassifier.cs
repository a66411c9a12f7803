using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Artifacts;

/// <summary>
/// Decides whether a document is a data file or a model, from its content first and its name second:
/// a renamed pickle is still a pickle; a text file named <c>model.bin</c> is not a model.
/// </summary>
public static class ArtifactClassifier
{
    public static ArtifactMatch? Classify(
        SourceDocument document,
        IReadOnlyList<string>? extraDataExtensions = null,
        IReadOnlyList<string>? extraModelExtensions = null)
    {
        var bytes = document.Content.Span;
        var name = ArtifactExtensions.Lookup(document.FileName);
        var signature = ArtifactSignatures.Detect(bytes, document.Size, document.IsComplete);
        if (signature != null)
        {
            return Refine(signature, name?.Entry.Format);
        }

        string lower = document.FileName.ToLowerInvariant();
        if (MatchExtension(lower, extraModelExtensions) is { } modelExt)
        {
            return new ArtifactMatch(ArtifactFormat.ConfiguredModel, ArtifactEvidence.FileName, "extension " + modelExt);
        }
        if (MatchExtension(lower, extraDataExtensions) is { } dataExt)
        {
            return new ArtifactMatch(ArtifactFormat.ConfiguredData, ArtifactEvidence.FileName, "extension " + dataExt);
        }
        if (name is not { } n) return null;
        if (n.Entry.BinaryOnly && !document.IsBinary && !Bytes.LooksBinary(bytes)) return null;
        var format = n.Entry.Format;
        // Protobuf has no magic number, so the sanity walk only adds to the message: a binary file named .onnx or .pb
        // is a model whether or not its head parses (a truncated read, external data, an exporter's quirks).
        string detail = "extension " + n.Extension;
        if ((format == ArtifactFormat.Onnx || format == ArtifactFormat.TensorFlowProtobuf || format == ArtifactFormat.CoreMl)
            && !ProtobufSanity.LooksLikeMessage(bytes, document.Size))
        {
            detail += "; its bytes do not parse as protobuf";
        }
        return new ArtifactMatch(format, ArtifactEvidence.FileName, detail);
    }

    /// <summary>Where the name is more specific than the bytes: a pickle named .joblib, an HDF5 file named model.h5.</summary>
    private static ArtifactMatch Refine(ArtifactMatch signature, ArtifactFormat? byName)
    {
        if (signature.Format == ArtifactFormat.Pickle && byName == ArtifactFormat.Joblib)
        {
            return signature with { Format = ArtifactFormat.Joblib };
        }
        if (signature.Format == ArtifactFormat.Hdf5 && byName == ArtifactFormat.KerasHdf5)
        {
            return signature with { Format = ArtifactFormat.KerasHdf5, Detail = signature.Detail + ", named as a model" };
        }
        return signature;
    }

    /// <summary>The first configured extension the name ends with (".json", "json" and ".tar.gz" forms accepted).</summary>
    public static string? MatchExtension(string lowerFileName, IReadOnlyList<string>? extensions)
    {
        if (extensions == null) return null;
        foreach (var raw in extensions)
        {
            string e = raw.Trim().ToLowerInvariant();
            if (e.Length == 0) continue;
            if (e[0] != '.') e = "." + e;
            if (lowerFileName.EndsWith(e, StringComparison.Ordinal) && lowerFileName.Length > e.Length) return e;
        }
        return null;
    }
}
