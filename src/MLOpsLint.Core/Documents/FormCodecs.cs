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

    static FormCodecs()
    {
        Add(Checks.Dependencies.PythonInstallCallCheck.InstallerFlagCodec);
        Add(Environments.TextSign.Codec);
        Add(Scope.ContentScopes.TestSignCodec);
        Add(Checks.CommittedData.ArtifactHead.Codec);
        Add(Checks.CommittedData.FixAdvice.FingerprintCodec);
        Add(Checks.Seeds.ModuleWords.Codec);
        Add(Checks.InstalledNameClaims.Codec);
    }

    private static readonly List<IFormCodec> InOrder = new();
    private static readonly Dictionary<Type, int> IndexByType = new();

    private static void Add(IFormCodec codec)
    {
        IndexByType[codec.Type] = InOrder.Count;
        InOrder.Add(codec);
    }

    /// <summary>The codecs' ids, in a fixed order: a cache file names a form by its index here (and holds the list, to be
    /// read only by the same set).</summary>
    public static IReadOnlyList<string> Ids => InOrder.ConvertAll(c => c.Id);

    /// <summary>The index (<see cref="Ids"/>) of the codec for forms of <paramref name="type"/>; -1 when there is none.</summary>
    public static int IndexOf(Type type) => IndexByType.TryGetValue(type, out int i) ? i : -1;

    /// <summary>Writes <paramref name="form"/> with the codec at <paramref name="index"/> (<see cref="IndexOf"/>).</summary>
    public static void Write(int index, object form, BinaryWriter writer) => InOrder[index].Write(form, writer);

    /// <summary>Reads a form written by the codec at <paramref name="index"/>; throws on bytes it did not write.</summary>
    public static object Read(int index, BinaryReader reader) => InOrder[index].Read(reader);
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
