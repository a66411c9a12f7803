// Tokenizes and structures every .py file under a directory (default: python3's standard library without
// site-packages), single-threaded, and reports MB/s. Usage: run.sh [DIR]
using System.Diagnostics;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Tokens;

string root = args.Length > 0 ? args[0] : StdlibPath();
var files = Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories)
    .Where(p => !p.Contains("site-packages") && !p.Contains("__pycache__"))
    .Select(p => (Path: p, Bytes: File.ReadAllBytes(p)))
    .ToArray();
long totalBytes = files.Sum(f => (long)f.Bytes.Length);
var texts = files.Select(f => SourceDocument.FromText(f.Path, "").Kind == DocumentKind.Python ? new SourceDocument(f.Path, f.Bytes, f.Bytes.Length).Text : "").ToArray();
Console.WriteLine($"{files.Length} files, {totalBytes / 1e6:F1} MB under {root}");

Measure("tokenize", () => { long n = 0; foreach (var t in texts) n += PythonTokenizer.Tokenize(t).Length; return n; });
Measure("tokenize + structure", () =>
{
    long n = 0;
    foreach (var f in files)
    {
        var m = PythonModule.Of(new SourceDocument(f.Path, f.Bytes, f.Bytes.Length));
        n += m.Calls.Count + m.Imports.Count + m.Assignments.Count + m.StringLiterals.Count + m.Functions.Count;
    }
    return n;
});

void Measure(string what, Func<long> run)
{
    run(); // warm-up
    var best = double.MaxValue;
    long count = 0;
    for (int i = 0; i < 3; i++)
    {
        var sw = Stopwatch.StartNew();
        count = run();
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }
    Console.WriteLine($"{what,-22} {best:F2} s  {totalBytes / 1e6 / best:F1} MB/s (one core)  [{count} items]");
}

static string StdlibPath()
{
    var p = Process.Start(new ProcessStartInfo("python3", "-c \"import sysconfig; print(sysconfig.get_paths()['stdlib'])\"") { RedirectStandardOutput = true })!;
    string s = p.StandardOutput.ReadToEnd().Trim();
    p.WaitForExit();
    return s;
}
