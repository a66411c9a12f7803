using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks;

/// <summary>
/// What one Dockerfile says of the names files are installed as (<see cref="InstalledNames"/>): for each
/// <c>pip install -r FILE</c> and each <c>COPY SOURCE manifest-name</c>, the repository paths it may name in the order they
/// are tried, and the kind and name the file found is judged as. Made from the Dockerfile's text alone and kept on the
/// document and in the facts cache, so that a staged scan re-judges files without parsing every Dockerfile again.
/// </summary>
internal sealed class InstalledNameClaims
{
    private InstalledNameClaims(IReadOnlyList<Claim> claims) => Claims = claims;

    /// <param name="Candidates">the paths tried, in order: the first that exists (and has text, when <paramref name="NeedsText"/>) is the file</param>
    /// <param name="Kind">what the file is judged as when its own name makes it plain text or nothing known</param>
    public sealed record Claim(IReadOnlyList<string> Candidates, bool NeedsText, DocumentKind Kind, string InstalledName);

    public IReadOnlyList<Claim> Claims { get; }

    public static InstalledNameClaims Of(SourceDocument dockerfile) => dockerfile.GetOrAdd(d => new InstalledNameClaims(InstalledNames.ClaimsOf(d).ToArray()));

    /// <summary>Keeps the claims in the facts cache (<see cref="FormCodecs"/>).</summary>
    internal static readonly FormCodec<InstalledNameClaims> Codec = new("installed-names.claims", Write, Read);

    private static void Write(InstalledNameClaims form, BinaryWriter w)
    {
        w.Write(form.Claims.Count);
        foreach (var c in form.Claims)
        {
            w.Write(c.NeedsText);
            w.Write((int)c.Kind);
            w.Write(c.InstalledName);
            w.Write(c.Candidates.Count);
            foreach (var p in c.Candidates) w.Write(p);
        }
    }

    private static InstalledNameClaims Read(BinaryReader r)
    {
        int n = Count(r);
        var claims = new Claim[n];
        for (int i = 0; i < n; i++)
        {
            bool needsText = r.ReadBoolean();
            int kind = r.ReadInt32();
            if (!Enum.IsDefined(typeof(DocumentKind), kind)) throw new InvalidDataException("unknown kind");
            string name = r.ReadString();
            var candidates = new string[Count(r)];
            for (int k = 0; k < candidates.Length; k++) candidates[k] = r.ReadString();
            claims[i] = new Claim(candidates, needsText, (DocumentKind)kind, name);
        }
        return new InstalledNameClaims(claims);
    }

    private static int Count(BinaryReader r)
    {
        int n = r.ReadInt32();
        return n is >= 0 and <= 100_000 ? n : throw new InvalidDataException("bad count");
    }
}
