using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Text;

namespace MLOpsLint.Core.Documents;

/// <summary>
/// One file as the checks see it: path, size and bytes (all of them, or only the head when the file
/// is over the size cap), and the decoded text when it is text. The bytes are held from the start (git blobs, tests) or
/// read on first use from a <see cref="ContentSource"/> (a working-tree file) and dropped by <see cref="ReleaseWhenUnused"/>
/// when the document's own checks are done, so that a scan holds the files being checked, not the repository. Parsed forms (tokens, notebooks,
/// TOML…) are computed once per document through <see cref="GetOrAdd{T}"/> and shared by every check; large
/// forms that only the document's own checks need (the Python module) through <see cref="GetOrAddTransient{T}"/>,
/// which the engine releases once those checks have run.
/// <para>
/// Thread-safe: the language server reads a document in a background repository pass while the checks of an edit read
/// it too, and keeps document objects across edits. Every reader gets a consistent text (the text, its encoding and its
/// line index are replaced together, never torn), a released document reads and decodes again, and the engine's
/// passes mark their use (<see cref="EnterUse"/>/<see cref="LeaveUse"/>) so that a release asked for by one pass waits
/// until no other pass is using the document's parsed module.
/// </para>
/// </summary>
public sealed class SourceDocument
{
    private readonly object gate = new();
    private object[]? features;   // FormTable: type and form pairs
    private object[]? transient;
    private DecodedText? decodedText;
    private readonly ContentSource? source;
    private HeldBytes? held;
    private int isBinary = -1;
    private bool contentReleased;
    private int users;
    private bool releasePending;

    /// <summary>Released (<see cref="ReleaseWhenUnused"/>) and not entered by a pass since: what is read or computed from now
    /// on (bytes, text, transient forms) is kept only as long as something else holds it (<see cref="ReleasedHold"/>).</summary>
    private bool released;
    private ReleasedHold? releasedHold;

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
    /// its first bytes when it is over the size cap), and read again if asked for after <see cref="ReleaseWhenUnused"/>.</summary>
    public SourceDocument(string path, ContentSource source, long size, bool isComplete = true, string? origin = null)
    {
        Path = path.Replace('\\', '/');
        this.source = source;
        Size = size;
        IsComplete = isComplete;
        Origin = origin;
        Kind = DocumentClassifier.Classify(Path);
    }

    /// <summary>A document read on demand whose forms may come from <paramref name="forms"/> (a cache of facts about the same
    /// bytes) and whose <see cref="IsBinary"/> is known (<paramref name="isBinary"/>, from the same cache): a check that asks
    /// only for what the store holds never reads the bytes.</summary>
    public SourceDocument(string path, ContentSource source, long size, bool isComplete, string? origin, FormStore forms, bool? isBinary)
        : this(path, source, size, isComplete, origin)
    {
        Forms = forms;
        if (isBinary is { } b) this.isBinary = b ? 1 : 0;
    }

    /// <summary>Where parsed forms may come from without reading the bytes (<see cref="GetOrAdd{T}"/>), and where forms
    /// computed here are offered; null for most documents.</summary>
    public FormStore? Forms { get; }

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
    /// <see cref="ReleaseWhenUnused"/> each call reads them again and nothing keeps them: a check that reads a released
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
                if (releasedHold?.Bytes is { } kept) return kept.Bytes;
                var bytes = ScanProfile.Measure("read content", () => source.Read());
                if (isBinary < 0) isBinary = TextDecoder.LooksBinary(bytes.Span) ? 1 : 0;
                if (!contentReleased) Volatile.Write(ref held, new HeldBytes(bytes));
                else if (released) (releasedHold ??= new ReleasedHold()).Keep(new HeldBytes(bytes), strongly: source.CostlyToReadAgain);
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

    /// <summary>Where the content came from when not the working tree: "index", "index (outside the sparse checkout)" (a
    /// file a sparse checkout leaves out, judged from its index blob), or a commit id.</summary>
    public string? Origin { get; }

    /// <summary>True when the document has text that checks may read.</summary>
    public bool HasText => !IsBinary && IsComplete;

    /// <summary>The decoded text; empty for binary or truncated documents.</summary>
    public string Text => Decoded().Text;

    public TextEncodingKind Encoding => Decoded().Encoding;

    public LineIndex Lines
    {
        get
        {
            var d = Decoded();
            if (Volatile.Read(ref d.Lines) is { } lines) return lines;
            var l = ScanProfile.Measure("index lines", () => new LineIndex(d.Text));
            return Interlocked.CompareExchange(ref d.Lines, l, null) ?? l;
        }
    }

    /// <summary>A parsed form of this document, computed once and cached (thread-safe) for the document's lifetime.</summary>
    public T GetOrAdd<T>(Func<SourceDocument, T> factory)
        where T : class => GetOrAdd(ref features, factory, kept: true);

    /// <summary>Whether a form made by <see cref="GetOrAdd{T}"/> is held (tests: what a narrowed scan did not compute).</summary>
    internal bool Holds<T>()
        where T : class
    {
        lock (gate) return FormTable.TryGet(features, typeof(T), out _);
    }

    /// <summary>Whether a form made by <see cref="GetOrAddTransient{T}"/> is held (tests: what was not parsed).</summary>
    internal bool HoldsTransient<T>()
        where T : class
    {
        lock (gate) return FormTable.TryGet(transient, typeof(T), out _);
    }

    /// <summary>
    /// A large parsed form that this document's own checks share (the Python module: tokens, calls, arguments),
    /// computed once and cached until <see cref="ReleaseTransient"/>; asked for after that, it is computed again.
    /// A check that needs something of many documents at once (a cross-file rule) should keep a compact form of it
    /// with <see cref="GetOrAdd{T}"/> instead, so that a large repository does not hold every parsed module.
    /// </summary>
    public T GetOrAddTransient<T>(Func<SourceDocument, T> factory)
        where T : class => GetOrAdd(ref transient, factory, kept: false);

    /// <summary>Drops the forms cached by <see cref="GetOrAddTransient{T}"/>, disposing those that are
    /// <see cref="IDisposable"/> (a Python module gives its token buffer back for the next module). The engine calls it
    /// when the document's own checks are done: nothing may read a form it got before.</summary>
    public void ReleaseTransient()
    {
        object[]? released;
        lock (gate)
        {
            released = transient;
            transient = null;
        }
        Dispose(released);
    }

    private static void Dispose(object[]? forms)
    {
        foreach (var form in FormTable.Forms(forms))
        {
            (form as IDisposable)?.Dispose();
        }
    }

    /// <summary>Drops the decoded text and its line index; the bytes stay, and the text is decoded again if asked for.
    /// The engine calls it when the document's own checks are done (with <see cref="ReleaseTransient"/>): the text of a
    /// Python file is twice its bytes, and holding every document's text is what made memory grow with the bytes of the
    /// repository. What comes later (repository checks, <c># noqa</c>, fingerprints) reads a few documents again. Of a
    /// released document, whatever was read again since its release goes too (<see cref="ReleasedHold"/>).</summary>
    public void ReleaseText()
    {
        lock (gate)
        {
            Volatile.Write(ref decodedText, null);
            // a released document's reader is done with it: what it read again goes too
            releasedHold = null;
        }
    }

    /// <summary>A pass of the engine starts using this document (its checks, or a repository pass reading it): a release
    /// asked for meanwhile (<see cref="LeaveUse"/>) waits until every pass using it is done, so that no pass sees its parsed
    /// module disposed under it. A document read on demand holds its bytes again while it is in use.</summary>
    internal void EnterUse()
    {
        lock (gate)
        {
            users++;
            contentReleased = false;
            released = false;
            releasedHold = null;
        }
    }

    /// <summary>A pass is done with this document. With <paramref name="release"/> (its own checks are done) the parsed
    /// module, the text and the bytes read on demand are dropped once no other pass uses the document; they are computed
    /// and read again if asked for after that.</summary>
    internal void LeaveUse(bool release)
    {
        lock (gate)
        {
            users--;
        }
        if (release) ReleaseWhenUnused();
        else ReleaseIfPending();
    }

    /// <summary>Drops the parsed module, the text and the bytes read on demand now, or when the last pass using the document
    /// is done (<see cref="EnterUse"/>).</summary>
    internal void ReleaseWhenUnused()
    {
        lock (gate)
        {
            releasePending = true;
        }
        ReleaseIfPending();
    }

    private void ReleaseIfPending()
    {
        object[]? dropped;
        lock (gate)
        {
            if (users > 0 || !releasePending) return;
            releasePending = false;
            dropped = transient;
            transient = null;
            decodedText = null;
            released = true;
            releasedHold = null;
            if (source != null)
            {
                contentReleased = true;
                held = null;
            }
        }
        Dispose(dropped);
    }

    private T GetOrAdd<T>(ref object[]? cache, Func<SourceDocument, T> factory, bool kept)
        where T : class
    {
        lock (gate)
        {
            if (FormTable.TryGet(cache, typeof(T), out var existing))
            {
                return (T)existing;
            }
            if (!kept && releasedHold?.Transient(typeof(T)) is T held) return held;
        }
        T created;
        if (kept && Forms is { } store)
        {
            // a kept form stands for the computed one: the store keeps it only for these bytes, this path and kind
            if (!store.TryLoad<T>(this, out var loaded) || loaded == null)
            {
                loaded = ScanProfile.Measure(FormName<T>.Value, () => factory(this));
                store.Save(this, loaded);
            }
            created = loaded;
        }
        else
        {
            created = ScanProfile.Measure(FormName<T>.Value, () => factory(this));
        }
        lock (gate)
        {
            if (FormTable.TryGet(cache, typeof(T), out var existing))
            {
                return (T)existing;
            }
            if (!kept && released)
            {
                // asked of a released document (a repository check reading a module again): kept while its reader holds it,
                // not until the pass ends; never disposed, so a reader never sees it given back under it
                if (releasedHold?.Transient(typeof(T)) is T other) return other;
                (releasedHold ??= new ReleasedHold()).Keep(typeof(T), created);
                return created;
            }
            FormTable.Add(ref cache, typeof(T), created);
            return created;
        }
    }

    /// <summary>The text and its encoding, decoded once until released; a reader keeps the object it got, so a release on
    /// another thread never tears what it reads.</summary>
    private DecodedText Decoded()
    {
        if (Volatile.Read(ref decodedText) is { } d) return d;
        lock (gate)
        {
            if (decodedText is { } again) return again;
            if (releasedHold?.Text is { } kept) return kept;
            DecodedText made;
            if (HasText)
            {
                var bytes = Content;
                made = ScanProfile.Measure("decode text", () => new DecodedText(TextDecoder.Decode(bytes.Span, out var k), k));
            }
            else
            {
                made = new DecodedText("", TextEncodingKind.Utf8);
            }
            if (released) (releasedHold ??= new ReleasedHold()).Text = made;
            else Volatile.Write(ref decodedText, made);
            return made;
        }
    }

    public override string ToString() => Path;

    private sealed class DecodedText
    {
        public readonly string Text;
        public readonly TextEncodingKind Encoding;
        public LineIndex? Lines;

        public DecodedText(string text, TextEncodingKind encoding)
        {
            Text = text;
            Encoding = encoding;
        }
    }

    /// <summary>
    /// What a released document read or computed since its release: bytes, text, transient forms, each held weakly (the bytes
    /// of a source costly to read again excepted), so that a pass reading many documents that no pass has entered (a staged
    /// scan's repository checks reading the unchanged files, a repository check parsing modules again) holds each only while
    /// something uses it, and the collector takes it after: the scan's memory follows the documents in use, not the
    /// repository. Decoded or computed again if asked for after a collection took it. Guarded by the document's lock.
    /// </summary>
    private sealed class ReleasedHold
    {
        private HeldBytes? bytes;
        private WeakReference<HeldBytes>? weakBytes;
        private WeakReference<DecodedText>? text;
        private List<(Type Type, WeakReference<object> Form)>? transient;

        public HeldBytes? Bytes => bytes ?? (weakBytes != null && weakBytes.TryGetTarget(out var b) ? b : null);

        /// <summary>Bytes read again: held weakly, or <paramref name="strongly"/> when reading them again costs more
        /// (<see cref="ContentSource.CostlyToReadAgain"/>).</summary>
        public void Keep(HeldBytes read, bool strongly)
        {
            if (strongly) bytes = read;
            else weakBytes = new WeakReference<HeldBytes>(read);
        }

        public DecodedText? Text
        {
            get => text != null && text.TryGetTarget(out var t) ? t : null;
            set => text = value == null ? null : new WeakReference<DecodedText>(value);
        }

        public object? Transient(Type type)
        {
            if (transient == null) return null;
            foreach (var (t, form) in transient)
            {
                if (t == type && form.TryGetTarget(out var f)) return f;
            }
            return null;
        }

        public void Keep(Type type, object form)
        {
            transient ??= new List<(Type, WeakReference<object>)>(1);
            transient.RemoveAll(e => e.Type == type);
            transient.Add((type, new WeakReference<object>(form)));
        }
    }

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
