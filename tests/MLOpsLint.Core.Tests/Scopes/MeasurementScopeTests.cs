using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Scope;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Scopes;

/// <summary>A script whose declared purpose is measurement (its docstring says it measures memory or speed, and it calls a
/// memory or timing API) is a benchmark, judged as benchmarks are; a training script that logs its peak memory, a replay
/// memory, a library of measuring helpers are not.</summary>
public class MeasurementScopeTests
{
    private static SourceDocument Fixture(string name, string path) =>
        SourceDocument.FromText(path, Support.Fixture.Read("Scopes/Measurement/" + name));

    private static ScopeVerdict Verdict(SourceDocument doc) => ScopeModel.For(new[] { doc }, ScopeSettings.Empty).Of(doc);

    private static ScopeVerdict Verdict(string path, string text) => Verdict(SourceDocument.FromText(path, text));

    [Fact]
    public void A_script_that_says_it_measures_memory_and_calls_the_memory_api_is_a_benchmark()
    {
        var v = Verdict(Fixture("train_memory.py", "scripts/train_memory.py"));
        Assert.Equal(FileScope.Benchmark, v.Scope);
        Assert.Equal("a script that measures: has if __name__ == \"__main__\"; its docstring says \"Fine-tune a causal language model "
            + "with LoRA on a small text dataset and measure the accelerator...\" and it calls reset_peak_memory_stats()", v.Reason);
    }

    [Theory]
    [InlineData("profile_loader.py", "\"\"\"Benchmark the data loader's throughput with and without pinned memory.\"\"\"\nimport timeit\n\nif __name__ == \"__main__\":\n    print(timeit.timeit(\"next(it)\", globals=globals(), number=100))\n", "timeit.timeit()")]
    [InlineData("tools/alloc.py", "'''Measures the peak host memory of tokenizing the corpus.'''\nimport tracemalloc\ntracemalloc.start()\nrun()\n", "tracemalloc.start()")]
    [InlineData("latency.py", "\"\"\"Time the forward pass: reports the latency of each batch size.\n\nMeasures latency with torch.utils.benchmark.\"\"\"\nimport torch.utils.benchmark as benchmark\n\nif __name__ == '__main__':\n    t = benchmark.Timer(stmt='m(x)', globals={'m': m, 'x': x})\n", "torch.utils.benchmark.Timer()")]
    public void Other_measuring_apis_make_a_measuring_script_a_benchmark(string path, string text, string call)
    {
        var v = Verdict(path, text);
        Assert.Equal(FileScope.Benchmark, v.Scope);
        Assert.EndsWith("and it calls " + call, v.Reason);
    }

    [Fact]
    public void Look_alikes_stay_what_they_were()
    {
        // a training script that logs its peak memory at the end: it trains, it does not say it measures
        Assert.Equal(new ScopeVerdict(FileScope.Script, "has if __name__ == \"__main__\""), Verdict(Fixture("train_lora.py", "scripts/train_lora.py")));
        // a replay memory (RL): "memory" in its name, docstring and calls, but no measurement declared
        Assert.Equal(FileScope.Script, Verdict(Fixture("replay_memory.py", "agents/replay_memory.py")).Scope);
        // a benchmark as a noun, and accuracy measured: every evaluation script does that
        Assert.Equal(FileScope.Script, Verdict("evaluate.py",
            "\"\"\"Evaluate the fine-tuned model on the GLUE benchmark and measure its accuracy.\"\"\"\nimport torch\n\nif __name__ == '__main__':\n    print(torch.cuda.max_memory_allocated())\n").Scope);
        // says it measures memory, measures nothing
        Assert.Equal(FileScope.Script, Verdict("train.py",
            "\"\"\"Train a small model; measure its memory with nvidia-smi while it runs.\"\"\"\nif __name__ == '__main__':\n    train()\n").Scope);
        // the docstring is a later string, not the module's first statement
        Assert.Equal(FileScope.Script, Verdict("train2.py",
            "import torch\n\"\"\"Measures the peak memory.\"\"\"\nif __name__ == '__main__':\n    print(torch.cuda.max_memory_allocated())\n").Scope);
        // a library module of measuring helpers is imported, not run: a library module still
        Assert.Equal(FileScope.Library, Verdict("src/textkit/memory.py",
            "\"\"\"Helpers to measure the GPU memory a model takes.\"\"\"\nimport torch\n\ndef peak_mb():\n    return torch.cuda.max_memory_allocated() // 2**20\n").Scope);
    }

    [Fact]
    public void A_benchmark_is_judged_as_benchmarks_are_and_its_look_alikes_as_scripts()
    {
        // must not fire: the measuring script's hub load; must fire: the training script's and the replay memory's
        var docs = new[]
        {
            Fixture("train_memory.py", "scripts/train_memory.py"), Fixture("train_lora.py", "scripts/train_lora.py"),
            Fixture("replay_memory.py", "agents/replay_memory.py"),
        };
        var findings = Support.Fixture.Scan(docs).Findings.Where(f => f.RuleId == "MLO213").ToList();
        foreach (var doc in docs)
        {
            var expected = Support.Fixture.ExpectedLines(doc.Text, "MLO213");
            Assert.Equal(expected, findings.Where(f => f.Path == doc.Path).Select(f => f.Span.StartLine).OrderBy(l => l));
        }
        Assert.Equal(2, findings.Count);
    }
}
