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
/// One file, <c>&lt;git common dir&gt;/mlops-lint/facts-&lt;key hash&gt;.bin</c>, ending with a SHA-256 of the rest: a
/// truncated, corrupt, foreign or unreadable file is ignored (and replaced by the next write), never an error. Written to a
/// temporary file and renamed over the old one, so two scans at once (two hooks) each leave a whole file and a reader never
/// sees half of one. Bounded: entries of blobs no scan has used for <see cref="KeptGenerations"/> writes are dropped, and
/// files of other builds or settings are removed once newer ones exist. A directory that cannot be written (a read-only
/// <c>.git</c>) means no cache, nothing else.
/// </para>
/// </summary>
internal sealed class BlobFactCache
{
    public const string DirectoryName = "mlops-lint";

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("MLOFACT1");
    private const int FormatVersion = 1;

    /// <summary>Writes an unused entry survives (a branch switched away from and back, a file staged and unstaged).</summary>
    internal const int KeptGenerations = 8;

    /// <summary>Other builds' or settings' files kept beside the current one (two tool versions used side by side).</summary>
    private const int KeptOtherFiles = 2;

    private readonly Dictionary<string, BlobFacts> entries;
    private readonly int generation;
    private bool changed;

    private BlobFactCache(string directory, string key, Dictionary<string, BlobFacts> entries, int generation, bool loaded)
    {
        Directory = directory;
        Key = key;
        FilePath = System.IO.Path.Combine(directory, FileName(key));
        this.entries = entries;
        this.generation = generation;
        Loaded = loaded;
    }

    public string Directory { get; }

    public string Key { get; }

    public string FilePath { get; }

    /// <summary>Whether an existing cache file was read (a warm run).</summary>
    public bool Loaded { get; }

    /// <summary>Entries read from the file.</summary>
    public int LoadedEntries { get; private set; }

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
        var empty = new Dictionary<string, BlobFacts>(StringComparer.Ordinal);
        string path = System.IO.Path.Combine(directory, FileName(key));
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return new BlobFactCache(directory, key, empty, 1, loaded: false);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new BlobFactCache(directory, key, empty, 1, loaded: false) { Ignored = "unreadable: " + e.Message };
        }
        string? why = Parse(bytes, key, out var loaded, out int generation);
        if (why != null) return new BlobFactCache(directory, key, empty, 1, loaded: false) { Ignored = why };
        return new BlobFactCache(directory, key, loaded, generation + 1, loaded: true) { LoadedEntries = loaded.Count };
    }

    /// <summary>Null when <paramref name="bytes"/> is a whole cache file for <paramref name="key"/>; else why not.</summary>
    private static string? Parse(byte[] bytes, string key, out Dictionary<string, BlobFacts> loaded, out int generation)
    {
        loaded = new Dictionary<string, BlobFacts>(StringComparer.Ordinal);
        generation = 0;
        if (bytes.Length < Magic.Length + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return "not a fact cache file";
        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32))) return "truncated or corrupt (checksum)";
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, body.Length - Magic.Length, writable: false), Encoding.UTF8);
            if (reader.ReadInt32() != FormatVersion) return "another format";
            if (reader.ReadString() != key) return "made by another build or other settings";
            generation = reader.ReadInt32();
            int count = reader.ReadInt32();
            if (count < 0) return "corrupt (count)";
            for (int i = 0; i < count; i++)
            {
                var id = reader.ReadBytes(20);
                string path = reader.ReadString();
                long size = reader.ReadInt64();
                int binary = reader.ReadSByte();
                int kind = reader.ReadInt32();
                string installedName = reader.ReadString();
                int lastUsed = reader.ReadInt32();
                int forms = reader.ReadInt32();
                if (id.Length != 20 || size < 0 || forms < 0 || binary is < -1 or > 1) return "corrupt (entry)";
                var formBytes = new Dictionary<string, byte[]>(forms, StringComparer.Ordinal);
                for (int f = 0; f < forms; f++)
                {
                    string formId = reader.ReadString();
                    int length = reader.ReadInt32();
                    if (length < 0) return "corrupt (form)";
                    var form = reader.ReadBytes(length);
                    if (form.Length != length) return "corrupt (form)";
                    formBytes[formId] = form;
                }
                loaded[EntryKey(id, path)] = new BlobFacts(id, path, size, binary, kind, installedName, formBytes, lastUsed);
            }
            if (reader.BaseStream.Position != reader.BaseStream.Length) return "corrupt (trailing bytes)";
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException or DecoderFallbackException)
        {
            loaded.Clear();
            return "corrupt: " + e.Message;
        }
        return null;
    }

    private static string EntryKey(byte[] id, string path) => Convert.ToHexString(id) + "\0" + path;

    /// <summary>The entry for blob <paramref name="sha"/> (40 hex digits) at <paramref name="path"/>, made with
    /// <paramref name="size"/> when the cache has none; marked used by this scan.</summary>
    public BlobFacts Use(string sha, string path, Func<long> size)
    {
        var id = Convert.FromHexString(sha);
        string key = EntryKey(id, path);
        if (!entries.TryGetValue(key, out var facts))
        {
            facts = new BlobFacts(id, path, size());
            facts.MarkNew();
            entries[key] = facts;
        }
        facts.LastUsed = generation;
        return facts;
    }

    /// <summary>Writes the cache when this scan learned something, or when entries are to be dropped. Never throws: a cache
    /// that cannot be written is simply not there next time.</summary>
    /// <returns>Null when written or nothing was new; else why it was not written (for <c>--verbose</c>).</returns>
    public string? Save()
    {
        var kept = new List<BlobFacts>(entries.Count);
        bool dropped = false;
        foreach (var e in entries.Values)
        {
            if (generation - e.LastUsed < KeptGenerations) kept.Add(e);
            else dropped = true;
            if (e.Changed) changed = true;
        }
        if (!changed && !dropped) return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? tmp = null;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            tmp = System.IO.Path.Combine(Directory, $"{System.IO.Path.GetFileName(FilePath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            // paths in a stable order: two scans of the same index write the same bytes
            kept.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path) is var c and not 0 ? c : a.Id.AsSpan().SequenceCompareTo(b.Id));
            var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(Key);
                writer.Write(generation);
                writer.Write(kept.Count);
                foreach (var e in kept)
                {
                    var (kind, installedName, forms) = e.Snapshot();
                    writer.Write(e.Id);
                    writer.Write(e.Path);
                    writer.Write(e.Size);
                    writer.Write((sbyte)(e.IsBinary is { } b ? (b ? 1 : 0) : -1));
                    writer.Write(kind);
                    writer.Write(installedName);
                    writer.Write(e.LastUsed);
                    writer.Write(forms.Length);
                    foreach (var (id, bytes) in forms.OrderBy(f => f.Key, StringComparer.Ordinal))
                    {
                        writer.Write(id);
                        writer.Write(bytes.Length);
                        writer.Write(bytes);
                    }
                }
            }
            var body = stream.GetBuffer().AsSpan(0, (int)stream.Length);
            var hash = SHA256.HashData(body);
            using (var file = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(body);
                file.Write(hash);
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
