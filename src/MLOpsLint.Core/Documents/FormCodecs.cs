namespace MLOpsLint.Core.Documents;

/// <summary>
/// The parsed forms a cache may keep for a document (<see cref="FormStore"/>), each with a stable id and a codec that
/// writes it to bytes and reads it back equal. A form with no codec here is always computed from the document's bytes.
/// <see cref="Schema"/> names the set: change it with any codec, so that facts written by another set are never read.
/// </summary>
public static class FormCodecs
{
    /// <summary>The version of the codecs' formats; part of a fact cache's key.</summary>
    public const int Schema = 2;

    private static readonly Dictionary<Type, IFormCodec> ByType = new();
    private static readonly Dictionary<string, IFormCodec> ById = new(StringComparer.Ordinal);

    static FormCodecs()
    {
        Add(Checks.Dependencies.PythonInstallCallCheck.InstallerFlagCodec);
        Add(Environments.FactReader.TextSignCodec);
        Add(Scope.ContentScopes.TestSignCodec);
        Add(Checks.CommittedData.ArtifactHead.Codec);
        Add(Checks.CommittedData.FixAdvice.FingerprintCodec);
        Add(Checks.Seeds.ModuleWords.Codec);
        Add(Checks.InstalledNameClaims.Codec);
    }

    private static void Add(IFormCodec codec)
    {
        ByType[codec.Type] = codec;
        ById[codec.Id] = codec;
    }

    /// <summary>The id of the codec for forms of <paramref name="type"/>, when there is one.</summary>
    public static string? IdOf(Type type) => ByType.TryGetValue(type, out var c) ? c.Id : null;

    /// <summary>Writes <paramref name="form"/> when a codec keeps its type.</summary>
    public static bool TryWrite(object form, BinaryWriter writer, out string id)
    {
        if (!ByType.TryGetValue(form.GetType(), out var codec))
        {
            id = "";
            return false;
        }
        id = codec.Id;
        codec.Write(form, writer);
        return true;
    }

    /// <summary>Reads a form written by <see cref="TryWrite"/>; throws on bytes no codec wrote (the caller drops the cache).</summary>
    public static object Read(string id, BinaryReader reader) =>
        ById.TryGetValue(id, out var codec) ? codec.Read(reader) : throw new InvalidDataException($"no codec {id}");
}

/// <summary>One form's codec (<see cref="FormCodecs"/>).</summary>
internal interface IFormCodec
{
    Type Type { get; }

    string Id { get; }

    void Write(object form, BinaryWriter writer);

    object Read(BinaryReader reader);
}

/// <summary>A codec from two functions (<see cref="FormCodecs"/>): forms whose types are private to their check define
/// their codec beside them.</summary>
internal sealed class FormCodec<T> : IFormCodec
    where T : class
{
    private readonly Action<T, BinaryWriter> write;
    private readonly Func<BinaryReader, T> read;

    public FormCodec(string id, Action<T, BinaryWriter> write, Func<BinaryReader, T> read)
    {
        Id = id;
        this.write = write;
        this.read = read;
    }

    public Type Type => typeof(T);

    public string Id { get; }

    public void Write(object form, BinaryWriter writer) => write((T)form, writer);

    public object Read(BinaryReader reader) => read(reader);

    /// <summary>The codec of a form that is one yes/no answer about the text.</summary>
    public static FormCodec<T> Flag(string id, Func<T, bool> value, Func<bool, T> make) =>
        new(id, (f, w) => w.Write(value(f)), r => make(r.ReadBoolean()));
}
