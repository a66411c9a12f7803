// The seed (MLO3xx) and tracking (MLO7xx) rules' own cost, apart from the scan around them: for every Python file and
// notebook git tracks in a corpus, parse the module, build its SeedSummary then its TrackingSummary (the scan's order), then
// index them all (SeedIndex, TrackingIndex: helpers followed across files).
// Single-threaded; each phase's CPU time (this thread's, clock_gettime) and bytes allocated, median of several runs after
// a warm-up. --dump FILE writes every summary and the index's flags as text (to diff the rules' input before and after).
// --touch makes the module's lazy parts (each call's resolved name and arguments) with the parse, as other rules would.
// Usage: run.sh [--runs N] [--touch] [--dump FILE] CORPUS...
using System.Diagnostics;
using System.Runtime.InteropServices;
using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Checks.Tracking;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;

int runs = 5;
string? dump = null;
bool allocations = false; // what the summaries allocate, by type (sampled allocation events), instead of timing
bool stats = false; // how many modules hold what the seed and tracking rules can report on
bool touch = false; // make the module's lazy parts (callee names, arguments) before the summary: charged to the parse
var corpora = new List<string>();
for (int a = 0; a < args.Length; a++)
{
    if (args[a] == "--runs") runs = int.Parse(args[++a]);
    else if (args[a] == "--dump") dump = args[++a];
    else if (args[a] == "--touch") touch = true;
    else if (args[a] == "--alloc") allocations = true;
    else if (args[a] == "--stats") stats = true;
    else corpora.Add(args[a]);
}

foreach (var root in corpora)
{
    var files = TrackedPython(root).Select(p => (Path: p, Bytes: File.ReadAllBytes(System.IO.Path.Combine(root, p)))).ToArray();
    long bytes = files.Sum(f => (long)f.Bytes.Length);
    Console.WriteLine($"{root}: {files.Length} Python files and notebooks, {bytes / 1e6:F1} MB; median of {runs} runs, one thread");
    if (allocations)
    {
        var docs = files.Select(f => new SourceDocument(f.Path, f.Bytes, f.Bytes.Length)).ToArray();
        foreach (var d in docs) Touch(PythonModule.Of(d));
        using (var listener = new AllocationListener())
        {
            foreach (var d in docs) TrackingSummary.Of(d);
            Thread.Sleep(2000);
            foreach (var (type, amount) in listener.ByType.OrderByDescending(kv => kv.Value).Take(25)) Console.WriteLine($"  {amount / 1e6,8:F1} MB  {type}");
        }
        continue;
    }
    if (stats)
    {
        var docs = files.Select(f => new SourceDocument(f.Path, f.Bytes, f.Bytes.Length)).ToArray();
        var seeds = docs.Select(d => { var s = SeedSummary.Of(d); TrackingSummary.Of(d); d.ReleaseTransient(); return s; }).ToArray();
        var tracking = docs.Select(TrackingSummary.Of).ToArray();
        Console.WriteLine($"  seeds: sklearn {seeds.Count(s => s.Sklearn.Count > 0)}, draws {seeds.Count(s => s.Draws.Count > 0)}, keras fits {seeds.Count(s => s.KerasFits.Count > 0)}, loaders {seeds.Count(s => s.Loaders.Count > 0)}, cudnn contradictions {seeds.Count(s => s.CudnnContradictions.Count > 0)}, cudnn benchmarks {seeds.Count(s => s.CudnnBenchmarks.Count > 0)}, ml imports {seeds.Count(s => s.ImportsMlLibrary)}");
        var mayReport = typeof(SeedSummary).GetMethod("MayReport", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var s in seeds.Where(s => (bool)mayReport.Invoke(s, new object[] { false, false, false, false })!).Take(5)) Console.WriteLine($"  seed rules may report on {s.Path}");
        Console.WriteLine($"  tracking: trains {tracking.Count(t => ((t.Own | t.Functions.Aggregate(RunFlags.None, (a, f) => a | f.Own)) & RunFlags.Trains) != 0)}, lineage {tracking.Count(t => t.Lineage.Count > 0)}, reads {tracking.Count(t => t.Reads.Count > 0)}, tracker {tracking.Count(t => t.Tracker != null)}, functions with flags {tracking.Sum(t => t.Functions.Count(f => f.Own != RunFlags.None))} of {tracking.Sum(t => t.Functions.Count)}");
        continue;
    }
    if (dump != null)
    {
        using var w = new StreamWriter(dump + "." + System.IO.Path.GetFileName(root.TrimEnd('/')));
        Dump(w, Run(files, touch, out _));
        continue;
    }
    Run(files, touch, out _); // warm-up (tiered JIT)
    var t = new List<double[]>();
    for (int i = 0; i < runs; i++)
    {
        GC.Collect();
        Run(files, touch, out var times);
        t.Add(times);
    }
    for (int k = 0; k < Phases.Length; k++)
    {
        var v = t.Select(x => x[k]).OrderBy(x => x).ToArray();
        var alloc = t.Select(x => x[k + Phases.Length]).OrderBy(x => x).ToArray();
        Console.WriteLine($"  {Phases[k],-20} cpu {v[v.Length / 2]:F3} s (min {v[0]:F3}, max {v[^1]:F3})  allocated {alloc[alloc.Length / 2] / 1e6,6:F0} MB");
    }
}

static void Touch(PythonModule module)
{
    foreach (var c in module.Calls) _ = (c.QualifiedName, c.Arguments);
    foreach (var i in module.Imports) _ = i.QualifiedName;
}

static TrackingSummary[] Run((string Path, byte[] Bytes)[] files, bool touch, out double[] times)
{
    int n = Phases.Length;
    times = new double[2 * n];
    var summaries = new TrackingSummary[files.Length];
    var seeds = new SeedSummary[files.Length];
    for (int i = 0; i < files.Length; i++)
    {
        var doc = new SourceDocument(files[i].Path, files[i].Bytes, files[i].Bytes.Length);
        long a0 = GC.GetAllocatedBytesForCurrentThread();
        double c0 = ThreadCpu();
        var module = PythonModule.Of(doc);
        if (touch) Touch(module);
        double c1 = ThreadCpu();
        long a1 = GC.GetAllocatedBytesForCurrentThread();
        seeds[i] = SeedSummary.Of(doc);
        double c2 = ThreadCpu();
        long a2 = GC.GetAllocatedBytesForCurrentThread();
        summaries[i] = TrackingSummary.Of(doc);
        double c3 = ThreadCpu();
        long a3 = GC.GetAllocatedBytesForCurrentThread();
        doc.ReleaseTransient();
        times[0] += c1 - c0; times[1] += c2 - c1; times[2] += c3 - c2;
        times[n] += a1 - a0; times[n + 1] += a2 - a1; times[n + 2] += a3 - a2;
    }
    long b0 = GC.GetAllocatedBytesForCurrentThread();
    double d0 = ThreadCpu();
    var seedIndex = new SeedIndex(seeds);
    double d1 = ThreadCpu();
    long b1 = GC.GetAllocatedBytesForCurrentThread();
    var index = new TrackingIndex(summaries);
    times[3] = d1 - d0;
    times[4] = ThreadCpu() - d1;
    times[n + 3] = b1 - b0;
    times[n + 4] = GC.GetAllocatedBytesForCurrentThread() - b1;
    lastIndex = index;
    lastSeedIndex = seedIndex;
    return summaries;
}

static void Dump(TextWriter w, TrackingSummary[] summaries)
{
    var index = new TrackingIndex(summaries);
    foreach (var m in index.Modules)
    {
        var s = m.Summary;
        w.WriteLine($"== {s.Path} own={s.Own} tracker={s.Tracker} libraries={s.Libraries} training={s.Training} call={s.TrainingCall} pins={s.PinsData} versioning={s.DataVersioning}");
        w.WriteLine($"   flags={m.Flags} site={m.TrainingSite} what={m.TrainingWhat} runByRecording={TrackingIndex.RunByRecordingCode(m)} export={index.IsNotebookExport(m)}");
        foreach (var i in s.Imports) w.WriteLine($"  {i}");
        foreach (var c in s.Calls) w.WriteLine($"  {c}");
        foreach (var f in s.Functions) w.WriteLine($"  {f} -> {string.Join(",", s.CallsOf(f).ToArray())}");
        foreach (var r in s.Reads) w.WriteLine($"  {r}");
        foreach (var x in s.Writes) w.WriteLine($"  writes {x}");
        foreach (var l in s.Lineage) w.WriteLine($"  {l}");
    }
}

static IEnumerable<string> TrackedPython(string root)
{
    var p = Process.Start(new ProcessStartInfo("git", $"-C {root} ls-files -z") { RedirectStandardOutput = true })!;
    string s = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    return s.Split('\0').Where(f => f.EndsWith(".py", StringComparison.Ordinal) || f.EndsWith(".ipynb", StringComparison.Ordinal))
        .Where(f => File.Exists(System.IO.Path.Combine(root, f))).OrderBy(f => f, StringComparer.Ordinal);
}

static double ThreadCpu()
{
    clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var ts);
    return ts.Seconds + ts.Nanoseconds / 1e9;
}

[DllImport("libc")]
static extern int clock_gettime(int clock, out TimeSpec ts);

struct TimeSpec
{
    public long Seconds;
    public long Nanoseconds;
}

sealed class AllocationListener : System.Diagnostics.Tracing.EventListener
{
    public readonly Dictionary<string, long> ByType = new();

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick") != true || e.Payload == null) return;
        int t = e.PayloadNames!.IndexOf("TypeName"), a = e.PayloadNames.IndexOf("AllocationAmount64");
        string type = e.Payload[t]?.ToString() ?? "?";
        long amount = Convert.ToInt64(e.Payload[a]);
        lock (ByType) ByType[type] = ByType.GetValueOrDefault(type) + amount;
    }
}

partial class Program
{
    private static TrackingIndex? lastIndex;
    private static SeedIndex? lastSeedIndex;
    private static readonly string[] Phases = { "parse PythonModule", "SeedSummary", "TrackingSummary", "SeedIndex", "TrackingIndex" };
}
