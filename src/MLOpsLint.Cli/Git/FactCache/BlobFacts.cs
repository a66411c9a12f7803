using MLOpsLint.Core.Documents;

namespace MLOpsLint.Cli.Git.FactCache;

/// <summary>
/// What the cache knows of one blob at one path (<see cref="BlobFactCache"/>): its size, whether its bytes look binary,
/// and the parsed forms the checks asked of it (<see cref="FormCodecs"/>), kept as bytes and decoded when a document asks.
/// The forms hold for the kind the file was judged as (a file installed under another name is judged as that kind): a
/// document of another kind computes its forms again and they replace these. Thread-safe (checks run side by side).
/// </summary>
internal sealed class BlobFacts : FormStore
{
    private readonly object gate = new();
    private Dictionary<string, byte[]> forms;
    private int kind;
    private string installedName;

    public BlobFacts(byte[] id, string path, long size)
    {
        Id = id;
        Path = path;
        Size = size;
        forms = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        kind = -1;
        installedName = "";
    }

    internal BlobFacts(byte[] id, string path, long size, int binary, int kind, string installedName, Dictionary<string, byte[]> forms, int lastUsed)
    {
        Id = id;
        Path = path;
        Size = size;
        this.binary = binary;
        this.kind = kind;
        this.installedName = installedName;
        this.forms = forms;
        LastUsed = lastUsed;
    }

    /// <summary>The blob's id (20 bytes, SHA-1).</summary>
    public byte[] Id { get; }

    public string Path { get; }

    public long Size { get; }

    private int binary = -1;

    /// <summary>Whether the blob's bytes look binary, when known.</summary>
    public bool? IsBinary => Volatile.Read(ref binary) switch { 0 => false, 1 => true, _ => null };

    /// <summary>The generation (<see cref="BlobFactCache"/>) of the last scan that used this entry.</summary>
    public int LastUsed { get; set; }

    /// <summary>Something new to write: a form, the binary flag, or a new entry.</summary>
    public bool Changed { get; private set; }

    /// <summary>Called when the blob's bytes were read (<see cref="CachedBlobContent"/>).</summary>
    public void SawBytes(ReadOnlySpan<byte> bytes, bool whole)
    {
        // the flag looks at the first 8,000 bytes, which a head read holds as well
        _ = whole;
        int b = Core.Text.TextDecoder.LooksBinary(bytes) ? 1 : 0;
        if (Interlocked.Exchange(ref binary, b) != b)
        {
            lock (gate) Changed = true;
        }
    }

    public override bool TryLoad<T>(SourceDocument document, out T? form)
        where T : class
    {
        form = null;
        if (FormCodecs.IdOf(typeof(T)) is not { } id) return false;
        byte[]? bytes;
        lock (gate)
        {
            if (!SameJudgement(document) || !forms.TryGetValue(id, out bytes)) return false;
        }
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            form = FormCodecs.Read(id, reader) as T;
            if (reader.BaseStream.Position != bytes.Length) form = null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException or InvalidCastException)
        {
            form = null;
        }
        if (form == null)
        {
            // bytes the codec cannot read back (the file was checked whole, so this is a codec fault): never used again
            lock (gate)
            {
                forms.Remove(id);
                Changed = true;
            }
        }
        return form != null;
    }

    public override void Save<T>(SourceDocument document, T form)
        where T : class
    {
        if (FormCodecs.IdOf(typeof(T)) == null) return;
        var stream = new MemoryStream();
        string id;
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            if (!FormCodecs.TryWrite(form, writer, out id)) return;
        }
        lock (gate)
        {
            if (!SameJudgement(document))
            {
                forms = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                kind = (int)document.Kind;
                installedName = document.InstalledName ?? "";
            }
            forms[id] = stream.ToArray();
            Changed = true;
        }
    }

    /// <summary>The kind and installed name the forms were made for, and the forms (for writing the cache file).</summary>
    internal (int Kind, string InstalledName, KeyValuePair<string, byte[]>[] Forms) Snapshot()
    {
        lock (gate) return (kind, installedName, forms.ToArray());
    }

    private bool SameJudgement(SourceDocument document) =>
        kind == (int)document.Kind && installedName == (document.InstalledName ?? "");

    internal void MarkNew() => Changed = true;
}

/// <summary>A blob's bytes read when a check first asks (<see cref="IndexBlobContent"/>), telling the cache what they
/// look like (binary or text) so that the next scan need not read them to know.</summary>
internal sealed class CachedBlobContent : ContentSource
{
    private readonly ContentSource inner;
    private readonly BlobFacts facts;
    private readonly BlobFactCache cache;
    private readonly bool whole;

    public CachedBlobContent(ContentSource inner, BlobFacts facts, BlobFactCache cache, bool whole)
    {
        this.inner = inner;
        this.facts = facts;
        this.cache = cache;
        this.whole = whole;
    }

    public override ReadOnlyMemory<byte> Read()
    {
        var bytes = inner.Read();
        cache.CountRead(facts.Path);
        // a blob that could not be read gives no bytes: nothing to learn from it
        if (bytes.Length > 0 || facts.Size == 0) facts.SawBytes(bytes.Span, whole);
        return bytes;
    }
}
