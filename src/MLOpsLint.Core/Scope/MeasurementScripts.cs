using System.Text.RegularExpressions;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Tokens;

namespace MLOpsLint.Core.Scope;

/// <summary>
/// The part of the scope model that finds a benchmark by its content, where its path says nothing
/// (<c>scripts/train_memory.py</c>, <c>profile_loader.py</c>): a script whose <b>declared purpose</b> is measurement —
/// its module docstring says it measures, benchmarks or profiles memory, speed, throughput, latency or run time — and
/// that <b>does</b> measure: it calls a memory or timing API (<c>torch.cuda.max_memory_allocated</c>,
/// <c>reset_peak_memory_stats</c>, <c>memory_reserved</c>, <c>tracemalloc</c>, <c>timeit</c>,
/// <c>torch.utils.benchmark.Timer</c>). Both are needed: a training script that logs its peak memory at the end says
/// it trains, and a name alone (<c>replay_memory.py</c> in RL code, <c>train_memory.py</c>) says nothing.
/// </summary>
public static class MeasurementScripts
{
    /// <summary>Calls that read a device's or the interpreter's memory, or time code on purpose (by last name:
    /// <c>torch.cuda.X</c>, <c>torch.xpu.X</c> and <c>getattr(torch, device).X</c> alike).</summary>
    private static readonly HashSet<string> MemoryCalls = new(StringComparer.Ordinal)
    {
        "max_memory_allocated", "max_memory_reserved", "memory_allocated", "memory_reserved", "reset_peak_memory_stats",
        "reset_max_memory_allocated", "reset_max_memory_cached", "max_memory_cached", "memory_stats", "memory_summary",
        "get_traced_memory", "take_snapshot", "mem_get_info",
    };

    /// <summary>Modules whose use is measurement by itself.</summary>
    private static readonly string[] MeasurementModules = { "tracemalloc", "timeit", "torch.utils.benchmark", "memory_profiler" };

    /// <summary>A verb of measurement ("measures", "benchmarking", "profile", "timing"); "benchmark" may be a noun ("the
    /// GLUE benchmark"), which is why a measured quantity must be in the same sentence.</summary>
    private static readonly Regex Verb = new(@"\b(measur(e|es|ed|ing|ement|ements)|benchmark(s|ed|ing)?|profil(e|es|ed|ing)|timing)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>What a benchmark measures of the machine: memory, speed, throughput, latency, run time. Not accuracy or
    /// loss, which every training and evaluation script measures.</summary>
    private static readonly Regex Quantity = new(
        @"\b(memory|vram|speed|speeds|speedup|throughput|latency|latencies|run ?time|runtime|wall[- ]?clock|footprint|(inference|training|execution|step|epoch|forward|backward|run|load|loading) times?|(tokens|samples|images|steps|iterations) per second|it/s)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Why <paramref name="module"/> is a benchmark ("its docstring says \"…measures the memory consumption\" and it
    /// calls reset_peak_memory_stats()"), or null.</summary>
    public static string? Reason(PythonModule module)
    {
        if (ModuleDocstring(module) is not { } doc || PurposeSentence(doc) is not { } purpose) return null;
        if (MeasurementCall(module) is not { } call) return null;
        return $"its docstring says \"{purpose}\" and it calls {call}";
    }

    /// <summary>The first sentence of <paramref name="docstring"/> that pairs a measurement verb with a measured quantity
    /// (shortened to 100 characters), or null.</summary>
    internal static string? PurposeSentence(string docstring)
    {
        foreach (var raw in Regex.Split(docstring, @"(?<=[.!?])\s+|\n\s*\n"))
        {
            string sentence = Regex.Replace(raw, @"\s+", " ").Trim().TrimEnd('.');
            if (!Verb.IsMatch(sentence) || !Quantity.IsMatch(sentence)) continue;
            if (sentence.Length <= 100) return sentence;
            int cut = sentence.LastIndexOf(' ', 96);
            return sentence.Substring(0, cut > 40 ? cut : 97).TrimEnd(',', ';', ':') + "...";
        }
        return null;
    }

    /// <summary>The first memory or timing call in <paramref name="module"/>, as written (<c>max_memory_allocated()</c>,
    /// <c>tracemalloc.start()</c>), or null.</summary>
    private static string? MeasurementCall(PythonModule module)
    {
        foreach (var call in module.Calls)
        {
            if (MemoryCalls.Contains(call.Name)) return call.Name + "()";
            string q = call.QualifiedName;
            foreach (var m in MeasurementModules)
            {
                if (q.StartsWith(m + ".", StringComparison.Ordinal)) return q + "()";
            }
        }
        return null;
    }

    /// <summary>The module's docstring: its first statement when that is a string, or null.</summary>
    internal static string? ModuleDocstring(PythonModule module)
    {
        foreach (var t in module.Tokens)
        {
            if (t.Kind is PyTokenKind.NL or PyTokenKind.Comment or PyTokenKind.Newline) continue;
            if (t.Kind != PyTokenKind.String) return null;
            foreach (var s in module.StringLiterals)
            {
                if (s.Start == t.Start) return s.IsBytes || s.IsFString ? null : s.Value;
                if (s.Start > t.Start) break;
            }
            return null;
        }
        return null;
    }
}
