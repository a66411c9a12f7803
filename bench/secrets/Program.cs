// Secret and path detector throughput on one core, over real code (default: the Python installation).
//   dotnet run -c Release -- [dir ...]
// Reports MB/s for: (0) the byte prefilter over every file's raw bytes, (1) the provider/URL/key detectors over every text file's raw text (the secret pass),
// (2) the same plus the key/value reader over configuration files, (3) the full MLO4xx + MLO5xx checks through the
// engine on one thread (includes the Python front end's parse, which other rules share).
using System.Diagnostics;
using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Secrets;
using MLOpsLint.Core.Text;

var dirs = args.Length > 0 ? args : new[] { DefaultStdlib() };
var files = new List<(string Path, string Text, byte[] Bytes)>();
long bytes = 0;
foreach (var dir in dirs)
{
    foreach (var f in Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }))
    {
        var info = new FileInfo(f);
        if (info.Length == 0 || info.Length > 20_000_000) continue;
        byte[] b = File.ReadAllBytes(f);
        if (TextDecoder.LooksBinary(b)) continue;
        string text = TextDecoder.Decode(b, out _);
        files.Add((Path.GetRelativePath(dir, f), text, b));
        bytes += b.Length;
    }
}
double mb = bytes / 1e6;
var timed = new Stopwatch(); // the part of a measure that excludes its set-up
Console.WriteLine($"{files.Count} text files, {mb:F1} MB, from {string.Join(", ", dirs)}");

if (Environment.GetEnvironmentVariable("PROFILE") == "1") AnchorProfile.Run(files);
// warm-up (JIT, tiered compilation)
for (int i = 0; i < Math.Min(200, files.Count); i++) TokenScanner.Scan(files[i].Text);

Measure("byte prefilter: documents that may hold a secret, over raw UTF-8", () =>
{
    int n = 0;
    foreach (var f in files)
    {
        if (SecretPrefilter.MayHoldSecret(f.Bytes)) n++;
    }
    return n;
});

Measure("secret pass: provider, key and URL detectors over raw text", () =>
{
    int n = 0;
    var list = new List<SecretMatch>();
    foreach (var f in files)
    {
        list.Clear();
        TokenScanner.Scan(f.Text, 0, f.Text.Length, list);
        n += list.Count;
    }
    return n;
});

Measure("secret pass + key/value reader on every file", () =>
{
    int n = 0;
    var list = new List<SecretMatch>();
    var pairs = new List<KeyValue>();
    foreach (var f in files)
    {
        list.Clear();
        pairs.Clear();
        TokenScanner.Scan(f.Text, 0, f.Text.Length, list);
        KeyValueScanner.Scan(f.Text, pairs);
        n += list.Count;
    }
    return n;
});

// The credential reader alone on Python documents whose modules are already parsed (the parse is shared with other
// rules and charged to them): what MLO4xx itself costs on code.
var pyFiles = files.Where(f => f.Path.EndsWith(".py", StringComparison.Ordinal)).ToArray();
Measure("credential reader on parsed Python modules (DocumentSecrets; the time excludes the parse)", () =>
{
    var fresh = pyFiles.Select(f => new SourceDocument(f.Path, f.Bytes, f.Bytes.Length)).ToArray();
    foreach (var d in fresh) _ = MLOpsLint.Core.Python.PythonModule.Of(d);
    timed.Restart();
    int n = 0;
    foreach (var d in fresh) n += MLOpsLint.Core.Checks.Credentials.DocumentSecrets.Of(d).Secrets.Count;
    timed.Stop();
    foreach (var d in fresh) d.ReleaseTransient();
    return n;
}, timedPart: true);

var config = LintConfig.Default.With(select: new[] { "MLO4", "MLO5" });
var docs = files.Select(f => new SourceDocument(f.Path, f.Bytes, f.Bytes.Length)).ToArray();
Measure("MLO4xx + MLO5xx checks through the engine, 1 thread (incl. Python front end)", () =>
{
    var fresh = files.Select(f => new SourceDocument(f.Path, f.Bytes, f.Bytes.Length)).ToArray();
    return new Linter().Run(new RepositorySnapshot(fresh), config, maxParallelism: 1).Findings.Count;
});

void Measure(string name, Func<int> run, bool timedPart = false)
{
    string only = Environment.GetEnvironmentVariable("SECRETS_BENCH_ONLY") ?? "";
    if (only.Length > 0 && !name.StartsWith(only, StringComparison.Ordinal)) return;
    var times = new List<double>();
    var cpu = new List<double>();
    int found = 0;
    var self = Process.GetCurrentProcess();
    for (int i = 0; i < 3; i++)
    {
        GC.Collect();
        self.Refresh();
        var c0 = self.TotalProcessorTime;
        var w = Stopwatch.StartNew();
        found = run();
        times.Add(timedPart ? timed.Elapsed.TotalSeconds : w.Elapsed.TotalSeconds);
        self.Refresh();
        cpu.Add((self.TotalProcessorTime - c0).TotalSeconds);
    }
    double best = times.Min();
    // CPU time (all threads: the pass runs on one, GC and JIT add a little) is what to compare on a loaded machine
    // (for a measure with a set-up, CPU includes the set-up: compare its wall time)
    double bestCpu = cpu.Min();
    Console.WriteLine($"{name}: best of 3 {best * 1000:F0} ms = {mb / best:F0} MB/s; CPU {bestCpu * 1000:F0} ms = {mb / bestCpu:F0} MB/s ({found} matches)");
}

static string DefaultStdlib()
{
    var psi = new ProcessStartInfo("python3", "-c \"import sysconfig; print(sysconfig.get_paths()['stdlib'])\"") { RedirectStandardOutput = true };
    using var p = Process.Start(psi)!;
    return p.StandardOutput.ReadToEnd().Trim();
}

static class AnchorProfile
{
    public static void Run(List<(string Path, string Text, byte[] Bytes)> files)
    {
        foreach (var kw in TokenScanner.Keywords.Distinct().Append("PASSWORD_IC"))
        {
            bool ic = kw == "password=" || kw == "pwd=" || kw == "PASSWORD_IC";
            string k = kw == "PASSWORD_IC" ? "password=" : kw;
            var w = Stopwatch.StartNew();
            int hits = 0;
            foreach (var f in files)
            {
                int pos = 0;
                while (true)
                {
                    int at = f.Text.AsSpan(pos).IndexOf(k.AsSpan(), ic ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
                    if (at < 0) break;
                    hits++;
                    pos += at + 1;
                }
            }
            Console.WriteLine($"  {kw,-28} {w.ElapsedMilliseconds,6} ms {hits,8} hits");
        }
    }
}
