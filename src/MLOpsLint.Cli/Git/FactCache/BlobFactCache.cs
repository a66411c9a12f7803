using System.Security.Cryptography;
using System.Text;

namespace MLOpsLint.Cli.Git.FactCache;

/// <summary>
/// The cache of per-blob facts of one repository (<c>scan --staged</c>): for each blob of the index at its path, its size,
/// whether it is binary, and the parsed forms the repository checks asked of it (<see cref="BlobFacts"/>), so that a staged
/// scan reads the staged blobs and those its findings depend on, not every blob of the index. Keyed by blob id, so an entry
/// never goes stale; the file is keyed by the tool's build, the forms' schema and the settings that shape the forms
/// (<see cref="KeyFor"/>), so another build or other settings never read it.
/// <para>
/// One file, <c>&lt;git common dir&gt;/mlops-lint/facts-&lt;key hash&gt;.bin</c>, ending with a checksum of the rest
/// (<see cref="FileChecksum"/>): a truncated, corrupt, foreign or unreadable file is ignored (and replaced by the next write), never an error. Written to a
/// temporary file and renamed over the old one, so two scans at once (two hooks) each leave a whole file and a reader never
/// sees half of one. Bounded: entries of blobs no scan has used for <see cref="KeptGenerations"/> writes are dropped, and
/// files of other builds or settings are removed once newer ones exist. A directory that cannot be written (a read-only
/// <c>.git</c>) means no cache, nothing else.
/// </para>
/// <para>
/// Read lazily: opening the file reads its bytes, checks the checksum and indexes the entries by path; an entry's fields
/// are read when the scan uses it (<see cref="Use(ReadOnlySpan{byte}, string, Func{long})"/>) and a form's bytes are
/// decoded when a check asks for it, straight from the file's bytes. Entries no scan used are written back as they were
/// read, byte for byte. (The first format read every entry, with its forms copied into dictionaries keyed by strings:
/// ~35 ms and several collections of every warm staged scan in a 10,000-file repository.)
/// </para>
/// </summary>
internal sealed class BlobFactCache
{
    public const string DirectoryName = "mlops-lint";

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("MLOFACT2");
    private const int FormatVersion = 2;
    private const int ChecksumLength = 8;

    /// <summary>Writes an unused entry survives (a branch switched away from and back, a file staged and unstaged).</summary>
    internal const int KeptGenerations = 8;

    /// <summary>Other builds' or settings' files kept beside the current one (two tool versions used side by side).</summary>
    private const int KeptOtherFiles = 2;

    private readonly int generation;

    /// <summary>The file's bytes (empty without one): the entries' fields and forms are read from here when used.</summary>
    private readonly byte[] data;

    /// <summary>The file's entries, in its order (by path, then blob id): where each starts and ends in <see cref="data"/>, its
    /// path, and the generation that last used it.</summary>
    private readonly FileEntry[] fileEntries;

    /// <summary>The first of the file's entries with a path (the others with that path follow it).</summary>
    private readonly Dictionary<string, int> firstByPath;

    /// <summary>The entries this scan used or made (by file entry index for the file's, appended after them for new ones).</summary>
    private readonly Dictionary<int, BlobFacts> used = new();
    private readonly List<BlobFacts> made = new();
    private readonly Dictionary<(string Path, string Id), BlobFacts> madeByKey = new();

    private BlobFactCache(string directory, string key, byte[] data, FileEntry[] fileEntries, Dictionary<string, int> firstByPath, int generation, bool loaded)
    {
        Directory = directory;
        Key = key;
        FilePath = System.IO.Path.Combine(directory, FileName(key));
        this.data = data;
        this.fileEntries = fileEntries;
        this.firstByPath = firstByPath;
        this.generation = generation;
        Loaded = loaded;
    }

    private static BlobFactCache Empty(string directory, string key) =>
        new(directory, key, Array.Empty<byte>(), Array.Empty<FileEntry>(), new Dictionary<string, int>(StringComparer.Ordinal), 1, loaded: false);

    public string Directory { get; }

    public string Key { get; }

    public string FilePath { get; }

    /// <summary>Whether an existing cache file was read (a warm run).</summary>
    public bool Loaded { get; }

    /// <summary>Entries read from the file.</summary>
    public int LoadedEntries => fileEntries.Length;

    /// <summary>The bytes of the file the entries were read from (their forms are decoded from here).</summary>
    internal byte[] Data => data;

    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    /// <summary>How many unchanged files this scan read (<c>--verbose</c>): with a warm cache, those whose findings the
    /// staged files depend on beyond the cached facts (the modules around a staged one, parsed for its seed findings).</summary>
    public int FilesRead
    {
        get
        {
            lock (read) return read.Count;
        }
    }

    internal void CountRead(string path)
    {
        lock (read) read.Add(path);
    }

    /// <summary>Why an existing file was not used, for <c>--verbose</c>; null when it was, or when there was none.</summary>
    public string? Ignored { get; private set; }

    /// <summary>The cache directory of the repository whose git directory is <paramref name="gitDir"/>: under its common
    /// directory, so that every worktree of a repository shares one cache (their blobs are the same).</summary>
    public static string DirectoryFor(string gitDir)
    {
        string dir = System.IO.Path.GetFullPath(gitDir);
        try
        {
            string commonFile = System.IO.Path.Combine(dir, "commondir");
            if (File.Exists(commonFile))
            {
                string common = File.ReadAllText(commonFile).Trim();
                if (common.Length > 0) dir = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, common));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // the worktree's own directory then
        }
        return System.IO.Path.Combine(dir, DirectoryName);
    }

    /// <summary>The key of the facts a build makes under some settings: the tool's version, the identity of its and Core's
    /// assemblies (a rebuilt tool may read files differently), the forms' schema, and <paramref name="settings"/> (what of the
    /// configuration shapes the forms).</summary>
    public static string KeyFor(string settings)
    {
        var cli = typeof(BlobFactCache).Assembly.ManifestModule.ModuleVersionId;
        var core = typeof(Core.Documents.FormCodecs).Assembly.ManifestModule.ModuleVersionId;
        return $"mlops-lint {VersionInfo.Version} cli {cli:N} core {core:N} forms {Core.Documents.FormCodecs.Schema} settings {Hex(SHA256.HashData(Encoding.UTF8.GetBytes(settings)))}";
    }

    private static string FileName(string key) => "facts-" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16] + ".bin";

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>The cache in <paramref name="directory"/> for <paramref name="key"/>: what its file holds, or an empty cache
    /// when there is no file or it cannot be used.</summary>
    public static BlobFactCache Open(string directory, string key)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cache = OpenFile(directory, key);
        cache.LoadTime = clock.Elapsed;
        return cache;
    }

    /// <summary>How long reading the file took (<c>--verbose</c>).</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>How long the last <see cref="Save"/> took, zero when it wrote nothing (<c>--verbose</c>).</summary>
    public TimeSpan SaveTime { get; private set; }

    private static BlobFactCache OpenFile(string directory, string key)
    {
        string path = System.IO.Path.Combine(directory, FileName(key));
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return Empty(directory, key);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var none = Empty(directory, key);
            none.Ignored = "unreadable: " + e.Message;
            return none;
        }
        string? why = Parse(bytes, key, out var entries, out var firstByPath, out int generation);
        if (why != null)
        {
            var none = Empty(directory, key);
            none.Ignored = why;
            return none;
        }
        return new BlobFactCache(directory, key, bytes, entries, firstByPath, generation + 1, loaded: true);
    }

    /// <summary>Where one entry of the file is, its path and when it was last used.</summary>
    private readonly record struct FileEntry(int Start, int End, string Path, int LastUsed);

    /// <summary>Null when <paramref name="bytes"/> is a whole cache file for <paramref name="key"/>; else why not. Reads the
    /// header and walks the entries (their paths decoded, the rest skipped over and bounds-checked).</summary>
    private static string? Parse(byte[] bytes, string key, out FileEntry[] entries, out Dictionary<string, int> firstByPath, out int generation)
    {
        entries = Array.Empty<FileEntry>();
        firstByPath = new Dictionary<string, int>(StringComparer.Ordinal);
        generation = 0;
        if (bytes.Length < Magic.Length + ChecksumLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return "not a fact cache file (or of another format)";
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        if (FileChecksum.Of(body) != System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(body.Length))) return "truncated or corrupt (checksum)";
        try
        {
            var r = new CacheBytesReader(bytes, Magic.Length, body.Length);
            if (r.Int32() != FormatVersion) return "another format";
            if (r.String() != key) return "made by another build or other settings";
            generation = r.Int32();
            var ids = Core.Documents.FormCodecs.Ids;
            int formKinds = r.Int32();
            if (formKinds != ids.Count) return "made with other forms";
            for (int i = 0; i < formKinds; i++)
            {
                if (r.String() != ids[i]) return "made with other forms";
            }
            int count = r.Int32();
            if (count < 0 || count > body.Length / 40) return "corrupt (count)";
            var list = new FileEntry[count];
            string? previous = null;
            for (int i = 0; i < count; i++)
            {
                int start = r.Position;
                r.Skip(20);
                string path = r.String();
                if (previous != null && string.CompareOrdinal(previous, path) > 0) return "corrupt (order)";
                long size = r.Int64();
                int binary = r.SByte();
                r.Skip(4); // kind
                r.SkipString(); // installed name
                int lastUsed = r.Int32();
                int forms = r.Int32();
                if (size < 0 || forms < 0 || forms > formKinds || binary is < -1 or > 1) return "corrupt (entry)";
                for (int f = 0; f < forms; f++)
                {
                    int form = r.UInt16();
                    int length = r.Int32();
                    if (form >= formKinds || length < 0) return "corrupt (form)";
                    r.Skip(length);
                }
                list[i] = new FileEntry(start, r.Position, path, lastUsed);
                if (!string.Equals(previous, path, StringComparison.Ordinal)) firstByPath[path] = i;
                previous = path;
            }
            if (r.Position != body.Length) return "corrupt (trailing bytes)";
            entries = list;
        }
        catch (FormatException e)
        {
            firstByPath.Clear();
            return "corrupt: " + e.Message;
        }
        return null;
    }

    /// <summary>The entry for blob <paramref name="sha"/> (40 hex digits) at <paramref name="path"/>, made with
    /// <paramref name="size"/> when the cache has none; marked used by this scan.</summary>
    public BlobFacts Use(string sha, string path, Func<long> size) => Use(Convert.FromHexString(sha), path, size);

    /// <summary>The entry for the blob whose id is <paramref name="id"/> (20 bytes) at <paramref name="path"/>, made with
    /// <paramref name="size"/> when the cache has none; marked used by this scan. Called from one thread (the index walk).</summary>
    public BlobFacts Use(ReadOnlySpan<byte> id, string path, Func<long> size)
    {
        BlobFacts? facts = null;
        if (firstByPath.TryGetValue(path, out int first))
        {
            for (int i = first; i < fileEntries.Length && string.Equals(fileEntries[i].Path, path, StringComparison.Ordinal); i++)
            {
                if (!data.AsSpan(fileEntries[i].Start, 20).SequenceEqual(id)) continue;
                if (!used.TryGetValue(i, out facts))
                {
                    facts = BlobFacts.FromFile(this, data, fileEntries[i].Start, fileEntries[i].Path);
                    used[i] = facts;
                }
                break;
            }
        }
        if (facts == null)
        {
            var key = (path, Convert.ToHexString(id));
            if (!madeByKey.TryGetValue(key, out facts))
            {
                facts = new BlobFacts(this, id.ToArray(), path, size());
                facts.MarkNew();
                madeByKey[key] = facts;
                made.Add(facts);
            }
        }
        facts.LastUsed = generation;
        return facts;
    }

    /// <summary>Writes the cache when this scan learned something, or when entries are to be dropped. Never throws: a cache
    /// that cannot be written is simply not there next time.</summary>
    /// <returns>Null when written or nothing was new; else why it was not written (for <c>--verbose</c>).</returns>
    public string? Save()
    {
        bool changed = made.Count > 0;
        foreach (var e in used.Values) changed |= e.Changed;
        bool dropped = false;
        for (int i = 0; i < fileEntries.Length; i++)
        {
            if (!used.ContainsKey(i) && generation - fileEntries[i].LastUsed >= KeptGenerations) dropped = true;
        }
        if (!changed && !dropped) return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? tmp = null;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            tmp = System.IO.Path.Combine(Directory, $"{System.IO.Path.GetFileName(FilePath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            // what is kept: the file's entries as they were (unused, and not too old) or as this scan left them, and the new
            // ones; by path, then id, so that two scans of the same index write the same bytes
            var kept = new List<(string Path, byte[]? Id, int FileIndex, BlobFacts? Facts)>(fileEntries.Length + made.Count);
            for (int i = 0; i < fileEntries.Length; i++)
            {
                if (used.TryGetValue(i, out var facts)) kept.Add((fileEntries[i].Path, null, i, facts));
                else if (generation - fileEntries[i].LastUsed < KeptGenerations) kept.Add((fileEntries[i].Path, null, i, null));
            }
            foreach (var facts in made) kept.Add((facts.Path, facts.Id, -1, facts));
            if (made.Count > 0)
            {
                kept.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path) is var c and not 0 ? c : IdOf(a).SequenceCompareTo(IdOf(b)));
            }
            var stream = new MemoryStream(Math.Max(1024, data.Length + made.Count * 256));
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(Key);
                writer.Write(generation);
                var ids = Core.Documents.FormCodecs.Ids;
                writer.Write(ids.Count);
                foreach (var id in ids) writer.Write(id);
                writer.Write(kept.Count);
                foreach (var (_, _, fileIndex, facts) in kept)
                {
                    if (facts != null) facts.WriteTo(writer);
                    else writer.Write(data, fileEntries[fileIndex].Start, fileEntries[fileIndex].End - fileEntries[fileIndex].Start);
                }
            }
            var body = stream.GetBuffer().AsSpan(0, (int)stream.Length);
            Span<byte> checksum = stackalloc byte[ChecksumLength];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(checksum, FileChecksum.Of(body));
            using (var file = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(body);
                file.Write(checksum);
            }
            File.Move(tmp, FilePath, overwrite: true);
            tmp = null;
            RemoveStaleFiles();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            return "not written: " + e.Message;
        }
        finally
        {
            if (tmp != null) TryDelete(tmp);
            SaveTime = clock.Elapsed;
        }
    }

    private ReadOnlySpan<byte> IdOf((string Path, byte[]? Id, int FileIndex, BlobFacts? Facts) e) =>
        e.Id ?? (e.Facts != null ? e.Facts.Id : data.AsSpan(fileEntries[e.FileIndex].Start, 20));

    /// <summary>Temporary files a killed scan left (older than an hour), and the files of other builds or settings beyond
    /// the <see cref="KeptOtherFiles"/> most recently written.</summary>
    private void RemoveStaleFiles()
    {
        var now = DateTime.UtcNow;
        foreach (var tmp in System.IO.Directory.EnumerateFiles(Directory, "facts-*.tmp"))
        {
            if (now - File.GetLastWriteTimeUtc(tmp) > TimeSpan.FromHours(1)) TryDelete(tmp);
        }
        var others = System.IO.Directory.EnumerateFiles(Directory, "facts-*.bin")
            .Where(f => !string.Equals(System.IO.Path.GetFileName(f), System.IO.Path.GetFileName(FilePath), StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .Skip(KeptOtherFiles);
        foreach (var f in others) TryDelete(f);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // another scan's, or gone already
        }
    }
}
