using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Documents;

/// <summary>
/// One file as the checks see it: path, size and bytes (all of them, or only the head when the file
/// is over the size cap), and the decoded text when it is text. The bytes are held from the start (git blobs, tests) or
/// read on first use from a <see cref="ContentSource"/> (a working-tree file) and dropped by <see cref="ReleaseContent"/>
/// when the document's own checks are done, so that a scan holds the files being checked, not the repository. Parsed forms (tokens, notebooks,
/// TOML…) are computed once per document through <see cref="GetOrAdd{T}"/> and shared by every check; large
/// forms that only the document's own checks need (the Python module) through <see cref="GetOrAddTransient{T}"/>,
/// which the engine releases once those checks have run.
/// </summary>
public sealed class SourceDocument
{
    private readonly object gate = new();
    private Dictionary<Type, object>? features;
    private Dictionary<Type, object>? transient;
    private string? text;
    private TextEncodingKind encoding;
    private LineIndex? lines;
    private bool decoded;
    private readonly ContentSource? source;
    private HeldBytes? held;
    private int isBinary = -1;
    private bool contentReleased;

    public SourceDocument(string path, ReadOnlyMemory<byte> content, long size, bool isComplete = true, string? origin = null)
    {
        Path = path.Replace('\\', '/');
        held = new HeldBytes(content);
        Size = size;
        IsComplete = isComplete;
        Origin = origin;
        Kind = DocumentClassifier.Classify(Path);
        isBinary = TextDecoder.LooksBinary(content.Span) ? 1 : 0;
    }

    /// <summary>A document whose bytes are read when a check first asks for them (<paramref name="source"/>: the file, or
    /// its first bytes when it is over the size cap), and read again if asked for after <see cref="ReleaseContent"/>.</summary>
    public SourceDocument(string path, ContentSource source, long size, bool isComplete = true)
    {
        Path = path.Replace('\\', '/');
        this.source = source;
        Size = size;
        IsComplete = isComplete;
        Kind = DocumentClassifier.Classify(Path);
    }

    /// <summary>Creates a text document (tests, in-memory content).</summary>
    public static SourceDocument FromText(string path, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return new SourceDocument(path, bytes, bytes.Length);
    }

    /// <summary>Repository-relative path with '/' separators.</summary>
    public string Path { get; }

    public string FileName => DocumentClassifier.FileName(Path);

    public DocumentKind Kind { get; private set; }

    /// <summary>The name the file is installed as, when it differs from its own (<c>COPY prod.list requirements.txt</c>):
    /// checks that name files in messages may use it. Null when the file is judged by its own name.</summary>
    public string? InstalledName { get; private set; }

    /// <summary>The file name for messages: <c>prod.deps (installed as requirements.txt)</c> when it is judged under another name.</summary>
    public string ShownName => InstalledName == null || InstalledName == FileName ? FileName : $"{FileName} (installed as {InstalledName})";

    /// <summary>Judge the file as another kind because it is installed under that name (<see cref="Checks.InstalledNames"/>).
    /// Only before checks run: the engine calls it once per scan.</summary>
    internal void JudgeAs(DocumentKind kind, string installedName)
    {
        Kind = kind;
        InstalledName = installedName;
    }

    /// <summary>Size of the whole file in bytes.</summary>
    public long Size { get; }

    /// <summary>The file's bytes, or its first bytes when <see cref="IsComplete"/> is false. After
    /// <see cref="ReleaseContent"/> each call reads them again and nothing keeps them: a check that reads a released
    /// document's bytes (a repository check's fingerprint of a finding) holds them only as long as it needs them.</summary>
    public ReadOnlyMemory<byte> Content
    {
        get
        {
            if (Volatile.Read(ref held) is { } h) return h.Bytes;
            if (source == null) return ReadOnlyMemory<byte>.Empty;
            lock (gate)
            {
                if (held != null) return held.Bytes;
                var bytes = ScanProfile.Measure("read content", () => source.Read());
                if (isBinary < 0) isBinary = TextDecoder.LooksBinary(bytes.Span) ? 1 : 0;
                if (!contentReleased) Volatile.Write(ref held, new HeldBytes(bytes));
                return bytes;
            }
        }
    }

    /// <summary>False when the file was over the size cap and only its head was read.</summary>
    public bool IsComplete { get; }

    /// <summary>True when the bytes are read from a <see cref="ContentSource"/> on demand (and may be dropped).</summary>
    public bool ReadsOnDemand => source != null;

    /// <summary>Whether the bytes look binary (a NUL in the first 8,000); known once the bytes were read, and kept.</summary>
    public bool IsBinary
    {
        get
        {
            int b = Volatile.Read(ref isBinary);
            if (b >= 0) return b == 1;
            _ = Content;
            return Volatile.Read(ref isBinary) == 1;
        }
    }

    /// <summary>Where the content came from when not the working tree: "index", or a commit id.</summary>
    public string? Origin { get; }

    /// <summary>True when the document has text that checks may read.</summary>
    public bool HasText => !IsBinary && IsComplete;

    /// <summary>The decoded text; empty for binary or truncated documents.</summary>
    public string Text
    {
        get
        {
            EnsureDecoded();
            return text!;
        }
    }

    public TextEncodingKind Encoding
    {
        get
        {
            EnsureDecoded();
            return encoding;
        }
    }

    public LineIndex Lines
    {
        get
        {
            if (lines == null)
            {
                var decodedText = Text;
                var l = ScanProfile.Measure("index lines", () => new LineIndex(decodedText));
                lock (gate)
                {
                    lines ??= l;
                }
            }
            return lines;
        }
    }

    /// <summary>A parsed form of this document, computed once and cached (thread-safe) for the document's lifetime.</summary>
    public T GetOrAdd<T>(Func<SourceDocument, T> factory)
        where T : class => GetOrAdd(ref features, factory);

    /// <summary>
    /// A large parsed form that this document's own checks share (the Python module: tokens, calls, arguments),
    /// computed once and cached until <see cref="ReleaseTransient"/>; asked for after that, it is computed again.
    /// A check that needs something of many documents at once (a cross-file rule) should keep a compact form of it
    /// with <see cref="GetOrAdd{T}"/> instead, so that a large repository does not hold every parsed module.
    /// </summary>
    public T GetOrAddTransient<T>(Func<SourceDocument, T> factory)
        where T : class => GetOrAdd(ref transient, factory);

    /// <summary>Drops the forms cached by <see cref="GetOrAddTransient{T}"/>, disposing those that are
    /// <see cref="IDisposable"/> (a Python module gives its token buffer back for the next module). The engine calls it
    /// when the document's own checks are done: nothing may read a form it got before.</summary>
    public void ReleaseTransient()
    {
        Dictionary<Type, object>? released;
        lock (gate)
        {
            released = transient;
            transient = null;
        }
        if (released == null) return;
        foreach (var form in released.Values)
        {
            (form as IDisposable)?.Dispose();
        }
    }

    /// <summary>Drops the decoded text and its line index; the bytes stay, and the text is decoded again if asked for.
    /// The engine calls it when the document's own checks are done (with <see cref="ReleaseTransient"/>): the text of a
    /// Python file is twice its bytes, and holding every document's text is what made memory grow with the bytes of the
    /// repository. What comes later (repository checks, <c># noqa</c>, fingerprints) reads a few documents again.</summary>
    public void ReleaseText()
    {
        lock (gate)
        {
            text = null;
            lines = null;
            decoded = false;
        }
    }

    /// <summary>Drops the bytes of a document read from a <see cref="ContentSource"/> (with its text and line index), and keeps
    /// them from being held again: what the engine calls when the document's own checks and the repository checks'
    /// summaries of it are done. A document created with its bytes keeps them.</summary>
    public void ReleaseContent()
    {
        if (source == null) return;
        lock (gate)
        {
            contentReleased = true;
            held = null;
            text = null;
            lines = null;
            decoded = false;
        }
    }

    private T GetOrAdd<T>(ref Dictionary<Type, object>? cache, Func<SourceDocument, T> factory)
        where T : class
    {
        lock (gate)
        {
            if (cache != null && cache.TryGetValue(typeof(T), out var existing))
            {
                return (T)existing;
            }
        }
        var created = ScanProfile.Measure(FormName<T>.Value, () => factory(this));
        lock (gate)
        {
            cache ??= new Dictionary<Type, object>();
            if (cache.TryGetValue(typeof(T), out var existing))
            {
                return (T)existing;
            }
            cache[typeof(T)] = created;
            return created;
        }
    }

    private void EnsureDecoded()
    {
        if (decoded)
        {
            return;
        }
        lock (gate)
        {
            if (decoded)
            {
                return;
            }
            if (HasText)
            {
                var (decodedText, kind) = ScanProfile.Measure("decode text", () => (TextDecoder.Decode(Content.Span, out var k), k));
                text = decodedText;
                encoding = kind;
            }
            else
            {
                text = "";
                encoding = TextEncodingKind.Utf8;
            }
            decoded = true;
        }
    }

    public override string ToString() => Path;

    private sealed class HeldBytes
    {
        public HeldBytes(ReadOnlyMemory<byte> bytes) => Bytes = bytes;

        public ReadOnlyMemory<byte> Bytes { get; }
    }

    private static class FormName<T>
    {
        // a nested form is named with its owner (DocumentSecrets.Cache): "Cache" alone says nothing
        public static readonly string Value = "parse " + (typeof(T).DeclaringType is { } owner ? owner.Name + "." : "") + typeof(T).Name;
    }
}
