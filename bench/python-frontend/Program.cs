// Tokenizes and structures every .py file under a directory (default: python3's standard library without
// site-packages), single-threaded, and reports MB/s per phase (median of several runs after a warm-up).
// Usage: run.sh [--runs N] [--only tokenize|structure|seeds|notebooks] [--alloc] [--dump FILE] [DIR]
// A directory with .ipynb files also gets a 'notebooks' phase (JSON read, code cells joined, tokenized and structured).
// --alloc prints what each phase allocates by type (the runtime's allocation samples).
// --dump writes every module's structure as text (to diff the front end before and after a change) and exits.
using System.Diagnostics;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Tokens;

int runs = 5;
string? only = null;
string? dir = null;
string? dump = null;
for (int a = 0; a < args.Length; a++)
{
    if (args[a] == "--runs") runs = int.Parse(args[++a]);
    else if (args[a] == "--only") only = args[++a];
    else if (args[a] == "--dump") dump = args[++a];
    else if (args[a] == "--alloc") allocTypes = new AllocationSampler();
    else dir = args[a];
}
string root = dir ?? StdlibPath();
var files = Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories)
    .Where(p => !p.Contains("site-packages") && !p.Contains("__pycache__"))
    .Select(p => (Path: p, Bytes: File.ReadAllBytes(p)))
    .ToArray();
var notebooks = Directory.EnumerateFiles(root, "*.ipynb", SearchOption.AllDirectories)
    .Where(p => !p.Contains("site-packages") && !p.Contains(".ipynb_checkpoints"))
    .Select(p => (Path: p, Bytes: File.ReadAllBytes(p)))
    .ToArray();
long totalBytes = files.Sum(f => (long)f.Bytes.Length);
long notebookBytes = notebooks.Sum(f => (long)f.Bytes.Length);
var texts = files.Select(f => new SourceDocument(f.Path, f.Bytes, f.Bytes.Length).Text).ToArray();
Console.WriteLine($"{files.Length} files, {totalBytes / 1e6:F1} MB under {root}"
    + (notebooks.Length > 0 ? $" (and {notebooks.Length} notebooks, {notebookBytes / 1e6:F1} MB)" : "") + $"; median of {runs} runs, one thread");

if (dump != null)
{
    using var w = new StreamWriter(dump);
    foreach (var f in files.Concat(notebooks)) Dump(w, PythonModule.Of(new SourceDocument(f.Path, f.Bytes, f.Bytes.Length)));
    return;
}

// decode: what SourceDocument does before the front end (binary sniffing, UTF-8 decoding); part of the
// 'tokenize + structure' figure, which starts from the file's bytes as the linter does.
if (only == null) Measure("decode", () => { long n = 0; foreach (var f in files) n += new SourceDocument(f.Path, f.Bytes, f.Bytes.Length).Text.Length; return n; });
if (only is null or "tokenize") Measure("tokenize", () => { long n = 0; foreach (var t in texts) n += PythonTokenizer.Tokenize(t).Length; return n; });
if (only is null or "structure") Measure("tokenize + structure", () =>
{
    long n = 0;
    foreach (var f in files)
    {
        var document = new SourceDocument(f.Path, f.Bytes, f.Bytes.Length);
        var m = PythonModule.Of(document);
        n += m.Calls.Count + m.Imports.Count + m.Assignments.Count + m.StringLiterals.Count + m.Functions.Count;
        document.ReleaseTransient(); // as the engine does when a document's checks are done (the token array is reused)
    }
    return n;
});
// notebooks: the JSON read (cells, outputs, every text mapped to the file), the code cells joined, tokenized, structured
if (notebooks.Length > 0 && only is null or "notebooks") Measure("notebooks", () =>
{
    long n = 0;
    foreach (var f in notebooks)
    {
        var document = new SourceDocument(f.Path, f.Bytes, f.Bytes.Length);
        var m = PythonModule.Of(document);
        n += m.Calls.Count + m.MagicLines.Count + m.Outputs.Count + m.Tokens.Count;
        document.ReleaseTransient();
    }
    return n;
}, notebookBytes);
// what the seed rules keep of each module (MLO301-306), built from the parsed module as a scan does
if (only is null or "seeds") Measure("structure + seeds", () =>
{
    long n = 0;
    foreach (var f in files)
    {
        var document = new SourceDocument(f.Path, f.Bytes, f.Bytes.Length);
        var s = MLOpsLint.Core.Checks.Seeds.SeedSummary.Of(document);
        n += s.Functions.Count + s.Imports.Count;
        document.ReleaseTransient();
    }
    return n;
});

void Measure(string what, Func<long> run, long? bytes = null)
{
    long phaseBytes = bytes ?? totalBytes;
    run(); // warm-up (tiered JIT)
    if (allocTypes != null)
    {
        // what the phase allocates, by type: the runtime samples an allocation about every 100 KB
        allocTypes.Start();
        run();
        allocTypes.Print(what);
    }
    var times = new List<double>();
    var cpuTimes = new List<double>();
    var process = Process.GetCurrentProcess();
    long count = 0;
    for (int i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long alloc = GC.GetAllocatedBytesForCurrentThread();
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        count = run();
        times.Add(sw.Elapsed.TotalSeconds);
        process.Refresh();
        cpuTimes.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        if (i == 0)
        {
            allocated = GC.GetAllocatedBytesForCurrentThread() - alloc;
            gcs = $"GCs {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}";
        }
    }
    times.Sort();
    cpuTimes.Sort();
    double median = times[times.Count / 2], cpuMedian = cpuTimes[cpuTimes.Count / 2];
    // wall clock on one thread; CPU time of the process (the thread, the GC's, the JIT's) is steadier on a busy machine
    Console.WriteLine($"{what,-22} wall {median:F3} s {phaseBytes / 1e6 / median,6:F1} MB/s (min {times[0]:F3}, max {times[^1]:F3})"
        + $" | cpu {cpuMedian:F3} s {phaseBytes / 1e6 / cpuMedian,6:F1} MB/s | {allocated / 1e6,4:F0} MB allocated, {gcs}  [{count} items]");
}

static void Dump(TextWriter w, PythonModule m)
{
    static string Q(string? s)
    {
        if (s == null) return "null";
        var sb = new System.Text.StringBuilder("\"");
        foreach (char c in s)
        {
            if (c is '\\' or '"') sb.Append('\\').Append(c);
            else if (c < ' ' || char.IsSurrogate(c)) sb.Append($"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
    w.WriteLine($"== {m.Document.Path} tokens={m.Tokens.Count}");
    foreach (var i in m.Imports) w.WriteLine($"import {i.Start}-{i.End} {Q(i.ModuleName)} {Q(i.Name)} {Q(i.Alias)} {Q(i.BoundName)} {Q(i.QualifiedName)}");
    foreach (var c in m.Calls)
    {
        w.WriteLine($"call {c.Start}-{c.End} {Q(c.Callee)} {Q(c.QualifiedName)} {Q(c.Name)} recv={c.Receiver?.Start} fn={c.EnclosingFunction?.Start} star={c.HasStarArgs} kw={c.HasStarStarKwargs}");
        foreach (var a in c.Arguments) w.WriteLine($"  arg {a.Start}-{a.End} {a.Kind} {Q(a.Name)} {a.ValueStart}-{a.ValueEnd} {a.Literal} {a.StringLiterals.Count} {Q(a.StringValue)}");
    }
    foreach (var a in m.Assignments) w.WriteLine($"assign {a.Start}-{a.End} {Q(a.Target)} {Q(a.TargetQualifiedName)} {Q(a.TargetName)} {Q(a.SubscriptKey)} {Q(a.Annotation)} {a.ValueStart}-{a.ValueEnd} {a.ValueLiteral} {a.StringLiterals.Count} {Q(a.StringValue)}");
    foreach (var f in m.Functions)
    {
        w.WriteLine($"def {f.Start}-{f.End} {Q(f.Name)} {Q(f.ClassName)} {f.IsAsync} {f.BodyStart} calls={string.Join(",", f.Calls.Select(c => c.Start))}");
        foreach (var p in f.Parameters) w.WriteLine($"  param {Q(p.Name)} {Q(p.Annotation)} {Q(p.Default)} {p.Kind}");
    }
    foreach (var s in m.StringLiterals) w.WriteLine($"str {s.Start}-{s.End} {Q(s.Prefix)} {s.IsBytes} {s.IsRaw} {s.IsFString} {s.BodyStart}-{s.BodyEnd} {Q(s.Value)} parts={string.Join(",", s.Parts.Select(p => $"{p.Start}-{p.End}"))}");
    foreach (var c in m.Comments) w.WriteLine($"comment {c.Start}-{c.End} {Q(c.Body)}");
    foreach (var e in m.ParseErrors) w.WriteLine($"error {e.Start}-{e.End} {Q(e.Message)} {e.Span}");
    if (!m.IsNotebook) return;
    // notebooks: where nodes map in the .ipynb, the magic lines, every cell's and output's text and a few mapped spans
    w.WriteLine($"text {Q(m.Text)}");
    foreach (var c in m.Calls) w.WriteLine($"at {c.Start}-{c.End} {c.Span} {Q(c.LocationHint)} {Q(c.SourceLine)}");
    foreach (var s in m.StringLiterals) w.WriteLine($"at {s.Start}-{s.End} {s.Span} {Q(s.LocationHint)}");
    foreach (var g in m.MagicLines) w.WriteLine($"magic {g.Start} {g.Kind} {Q(g.Line)} {Q(g.Command)} {Q(g.Name)} {g.Span} {Q(g.LocationHint)} {Q(g.SourceLine)}");
    if (m.Notebook is not { } nb)
    {
        w.WriteLine($"notebook error {Q(m.NotebookError)} {m.NotebookErrorLine}");
        return;
    }
    w.WriteLine($"notebook v{nb.FormatVersion} kernel={Q(nb.KernelPython?.Version)} {nb.KernelPython?.Span}");
    static string Mapped(MLOpsLint.Core.Python.Notebooks.MappedText t)
    {
        int n = t.Value.Length;
        var at = new[] { 0, 1, n / 3, n / 2, n - 1, n }.Where(i => i >= 0 && i <= n).Distinct();
        return $"{Q(t.Value)} spans={string.Join(",", at.Select(i => $"{i}:{t.SpanOf(i, Math.Min(n, i + 2))}"))} whole={t.SpanOf(0, n)}";
    }
    foreach (var c in nb.Cells)
    {
        w.WriteLine($"cell {c.Index} {Q(c.CellType)} {c.Span} {Mapped(c.Source)}");
        foreach (var o in c.Outputs) w.WriteLine($"  output {Q(o.OutputType)} {Q(o.Name)} {Q(o.MimeType)} {o.IsBinary} {Mapped(o.Content)}");
    }
    foreach (var o in m.Outputs) w.WriteLine($"output {o.CellIndex} {Q(o.MimeType)} {o.Text.Length}");
}

static string StdlibPath()
{
    var p = Process.Start(new ProcessStartInfo("python3", "-c \"import sysconfig; print(sysconfig.get_paths()['stdlib'])\"") { RedirectStandardOutput = true })!;
    string s = p.StandardOutput.ReadToEnd().Trim();
    p.WaitForExit();
    return s;
}

partial class Program
{
    private static AllocationSampler? allocTypes;
    private static long allocated;
    private static string gcs = "";
}

/// <summary>--alloc: the runtime's allocation samples (GCAllocationTick, one per ~100 KB allocated) counted by type.</summary>
sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, long> bytes = new();
    private bool on;

    public void Start()
    {
        lock (bytes) bytes.Clear();
        on = true;
    }

    public void Print(string what)
    {
        on = false;
        lock (bytes)
        {
            long total = bytes.Values.Sum();
            Console.WriteLine($"  allocated in '{what}' by type (sampled, {total / 1e6:F0} MB):");
            foreach (var (type, n) in bytes.OrderByDescending(kv => kv.Value).Take(20)) Console.WriteLine($"  {n * 100.0 / total,5:F1}% {n / 1e6,7:F0} MB  {type}");
        }
    }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (!on || e.EventName == null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload == null) return;
        int typeIndex = e.PayloadNames!.IndexOf("TypeName"), amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0) return;
        string type = e.Payload[typeIndex]?.ToString() ?? "?";
        int kindIndex = e.PayloadNames.IndexOf("AllocationKind");
        if (kindIndex >= 0 && Convert.ToInt32(e.Payload[kindIndex]) == 1) type += " (large object heap)";
        long amount = amountIndex >= 0 ? Convert.ToInt64(e.Payload[amountIndex]) : 100_000;
        lock (bytes) bytes[type] = bytes.GetValueOrDefault(type) + amount;
    }
}
