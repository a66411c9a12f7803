namespace MLOpsLint.Core.Artifacts;

/// <summary>Recognises model and data formats that are zip archives, from their entry names.</summary>
public static class ZipContents
{
    public static ArtifactMatch? Classify(IReadOnlyList<string> names)
    {
        if (names.Count == 0) return null;

        string? torch = names.FirstOrDefault(n => n == "data.pkl" || n.EndsWith("/data.pkl", StringComparison.Ordinal));
        if (torch != null)
        {
            bool script = names.Any(n => n.EndsWith("/constants.pkl", StringComparison.Ordinal) || n.Contains("/code/"));
            return new ArtifactMatch(ArtifactFormat.PyTorch, ArtifactEvidence.ContentSignature,
                (script ? "TorchScript zip with " : "zip with ") + torch);
        }
        if (names.Any(n => n.EndsWith("/version", StringComparison.Ordinal))
            && names.Any(n => n.Contains("/data/")) && names.Any(n => n.EndsWith(".pkl", StringComparison.Ordinal)))
        {
            return new ArtifactMatch(ArtifactFormat.PyTorch, ArtifactEvidence.ContentSignature, "zip with version and data/ entries");
        }
        if (names.Contains("config.json") && (names.Contains("model.weights.h5") || names.Contains("model.weights.npz")))
        {
            return new ArtifactMatch(ArtifactFormat.KerasV3, ArtifactEvidence.ContentSignature, "zip with config.json and model.weights.h5");
        }
        string? mlnet = names.FirstOrDefault(IsMlNetEntry);
        if (mlnet != null)
        {
            return new ArtifactMatch(ArtifactFormat.MlNet, ArtifactEvidence.ContentSignature, "zip with " + mlnet);
        }
        if (names.Contains("schema.json") && names.Any(n => n.EndsWith(".npy", StringComparison.Ordinal) || n.EndsWith(".skops", StringComparison.Ordinal)))
        {
            return new ArtifactMatch(ArtifactFormat.Skops, ArtifactEvidence.ContentSignature, "zip with schema.json");
        }
        var files = names.Where(n => !n.EndsWith("/", StringComparison.Ordinal)).ToArray();
        if (files.Length > 0 && files.All(n => n.EndsWith(".npy", StringComparison.Ordinal)))
        {
            return new ArtifactMatch(ArtifactFormat.NumPyArchive, ArtifactEvidence.ContentSignature, $"zip of {files.Length} .npy arrays");
        }
        if (names.Contains("[Content_Types].xml") && names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
        {
            return new ArtifactMatch(ArtifactFormat.Excel, ArtifactEvidence.ContentSignature, "Office Open XML zip with xl/ entries");
        }
        return null;
    }

    // ML.NET's ModelSaveContext writes a Model.key per component under TransformerChain/, Predictor/,
    // DataLoaderModel/ or Model/.
    private static bool IsMlNetEntry(string n) =>
        n.StartsWith("TransformerChain/", StringComparison.Ordinal)
        || n.StartsWith("Predictor/", StringComparison.Ordinal)
        || n.StartsWith("DataLoaderModel/", StringComparison.Ordinal)
        || (n.StartsWith("Model/", StringComparison.Ordinal) && n.EndsWith("Model.key", StringComparison.Ordinal));
}
