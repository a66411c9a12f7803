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
    private readonly BlobFactCache cache;

    /// <summary>The forms as the cache file holds them (codec index, and where their bytes are in <see cref="BlobFactCache.Data"/>).</summary>
    private StoredForm[] stored;

    /// <summary>Forms made by this scan (by codec index), which replace stored ones.</summary>
    private Dictionary<int, byte[]>? added;
    private int kind;
    private string installedName;

    private readonly record struct StoredForm(int Codec, int Offset, int Length);

    public BlobFacts(BlobFactCache cache, byte[] id, string path, long size)
    {
        this.cache = cache;
        Id = id;
        Path = path;
        Size = size;
        stored = Array.Empty<StoredForm>();
        kind = -1;
        installedName = "";
    }

    private BlobFacts(BlobFactCache cache, byte[] id, string path, long size, int binary, int kind, string installedName, StoredForm[] stored, int lastUsed)
    {
        this.cache = cache;
        Id = id;
        Path = path;
        Size = size;
        this.binary = binary;
        this.kind = kind;
        this.installedName = installedName;
        this.stored = stored;
        LastUsed = lastUsed;
    }

    /// <summary>The entry that starts at <paramref name="start"/> in the cache file's bytes (checked whole when the file was
    /// opened).</summary>
    internal static BlobFacts FromFile(BlobFactCache cache, byte[] data, int start, string path)
    {
        var r = new CacheBytesReader(data, start, data.Length);
        var id = r.Bytes(20).ToArray();
        r.SkipString(); // the path, read when the file was opened
        long size = r.Int64();
        int binary = r.SByte();
        int kind = r.Int32();
        string installedName = r.String();
        int lastUsed = r.Int32();
        var forms = new StoredForm[r.Int32()];
        for (int f = 0; f < forms.Length; f++)
        {
            int codec = r.UInt16();
            int length = r.Int32();
            forms[f] = new StoredForm(codec, r.Position, length);
            r.Skip(length);
        }
        return new BlobFacts(cache, id, path, size, binary, kind, installedName, forms, lastUsed);
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
        int codec = FormCodecs.IndexOf(typeof(T));
        if (codec < 0) return false;
        byte[] bytes;
        int offset, length;
        lock (gate)
        {
            if (!SameJudgement(document)) return false;
            if (added != null && added.TryGetValue(codec, out var made))
            {
                (bytes, offset, length) = (made, 0, made.Length);
            }
            else if (StoredIndex(codec) is var at and >= 0)
            {
                (bytes, offset, length) = (cache.Data, stored[at].Offset, stored[at].Length);
            }
            else
            {
                return false;
            }
        }
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, offset, length, writable: false));
            form = FormCodecs.Read(codec, reader) as T;
            if (reader.BaseStream.Position != length) form = null;
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
                added?.Remove(codec);
                stored = Array.FindAll(stored, f => f.Codec != codec);
                Changed = true;
            }
        }
        return form != null;
    }

    public override void Save<T>(SourceDocument document, T form)
        where T : class
    {
        int codec = FormCodecs.IndexOf(typeof(T));
        if (codec < 0 || form.GetType() != typeof(T)) return;
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            FormCodecs.Write(codec, form, writer);
        }
        lock (gate)
        {
            if (!SameJudgement(document))
            {
                stored = Array.Empty<StoredForm>();
                added = null;
                kind = (int)document.Kind;
                installedName = document.InstalledName ?? "";
            }
            (added ??= new Dictionary<int, byte[]>())[codec] = stream.ToArray();
            Changed = true;
        }
    }

    /// <summary>Writes the entry as the cache file holds it (<see cref="BlobFactCache"/>): its fields, then its forms by codec
    /// index, each as this scan left it.</summary>
    internal void WriteTo(BinaryWriter writer)
    {
        lock (gate)
        {
            writer.Write(Id);
            writer.Write(Path);
            writer.Write(Size);
            writer.Write((sbyte)(IsBinary is { } b ? (b ? 1 : 0) : -1));
            writer.Write(kind);
            writer.Write(installedName);
            writer.Write(LastUsed);
            var forms = new SortedDictionary<int, (byte[] Bytes, int Offset, int Length)>();
            foreach (var f in stored) forms[f.Codec] = (cache.Data, f.Offset, f.Length);
            if (added != null)
            {
                foreach (var (codec, bytes) in added) forms[codec] = (bytes, 0, bytes.Length);
            }
            writer.Write(forms.Count);
            foreach (var (codec, (bytes, offset, length)) in forms)
            {
                writer.Write((ushort)codec);
                writer.Write(length);
                writer.Write(bytes, offset, length);
            }
        }
    }

    private int StoredIndex(int codec)
    {
        for (int i = 0; i < stored.Length; i++)
        {
            if (stored[i].Codec == codec) return i;
        }
        return -1;
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

    public override bool CostlyToReadAgain => inner.CostlyToReadAgain;

    public override ReadOnlyMemory<byte> Read()
    {
        var bytes = inner.Read();
        cache.CountRead(facts.Path);
        // a blob that could not be read gives no bytes: nothing to learn from it
        if (bytes.Length > 0 || facts.Size == 0) facts.SawBytes(bytes.Span, whole);
        return bytes;
    }
}
