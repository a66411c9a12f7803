using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Checks.Seeds;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Python.Tokens;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>
/// Large parsed forms (the Python module) live only while their document's checks run; what cross-file checks need
/// is kept in compact forms (seed summaries, secrets). A repository does not hold every parsed module to the end of
/// the scan, and nothing reads a released module's recycled token buffer.
/// </summary>
public class TransientFormsTests
{
    private const string Train = "import numpy as np\nfrom sklearn.model_selection import train_test_split\n\nx = np.random.rand(10)\na, b = train_test_split(x)\n";

    [Fact]
    public void Transient_forms_are_cached_until_released_and_disposed_then()
    {
        var doc = SourceDocument.FromText("a.py", "x = 1\n");
        var first = doc.GetOrAddTransient(_ => new Disposable());
        Assert.Same(first, doc.GetOrAddTransient(_ => new Disposable()));
        var kept = doc.GetOrAdd(_ => new object());

        doc.ReleaseTransient();

        Assert.True(first.Disposed);
        var second = doc.GetOrAddTransient(_ => new Disposable());
        Assert.NotSame(first, second);
        Assert.False(second.Disposed);
        Assert.Same(kept, doc.GetOrAdd(_ => new object()));
    }

    [Fact]
    public void The_engine_releases_each_module_after_its_documents_checks_and_keeps_the_summaries()
    {
        var doc = SourceDocument.FromText("train.py", Train);
        var before = PythonModule.Of(doc);

        var findings = Fixture.Scan(doc).Findings;

        Assert.Contains(findings, f => f.RuleId == "MLO301");
        Assert.Throws<InvalidOperationException>(() => before.Tokens.Count);
        Assert.Equal("numpy.random.rand", before.Calls[0].QualifiedName); // the structure stays readable
        var after = PythonModule.Of(doc);
        Assert.NotSame(before, after);
        Assert.Equal(PythonTokenizer.Tokenize(Train), after.Tokens);
        Assert.Same(SeedSummary.Of(doc), SeedSummary.Of(doc));
    }

    [Fact]
    public void A_recycled_token_buffer_never_shows_another_modules_tokens()
    {
        const string big = "import os\n" + "def f(a, b):\n    return os.path.join(a, b) + str([1, 2, 3])\n";
        const string small = "y = 2\n";
        var a = SourceDocument.FromText("a.py", string.Concat(Enumerable.Repeat(big, 50)));
        var moduleA = PythonModule.Of(a);
        Assert.Equal(PythonTokenizer.Tokenize(a.Text), moduleA.Tokens);
        a.ReleaseTransient(); // its buffer goes back to this thread

        var b = PythonModule.Of(SourceDocument.FromText("b.py", small));
        Assert.Equal(PythonTokenizer.Tokenize(small), b.Tokens);
        Assert.Equal(PythonTokenizer.Tokenize(small).Length, b.Tokens.Count);
        Assert.Empty(b.Comments);
        Assert.Equal(50, moduleA.Functions.Count);
    }

    [Fact]
    public void A_module_with_more_tokens_than_its_length_suggests_grows_its_pooled_buffer()
    {
        // about one token per two characters, twice the buffer's estimate: the buffer grows (a larger pooled array)
        string dense = "x = [" + string.Join(",", Enumerable.Range(0, 5000).Select(i => "a")) + "]\n";
        for (int round = 0; round < 3; round++)
        {
            var doc = SourceDocument.FromText("dense.py", dense);
            var module = PythonModule.Of(doc);
            Assert.Equal(PythonTokenizer.Tokenize(dense), module.Tokens);
            doc.ReleaseTransient();
        }
    }

    [Fact]
    public void Seeding_helpers_in_other_modules_are_found_from_summaries_alike_in_parallel()
    {
        SourceDocument[] Docs() => new[]
        {
            SourceDocument.FromText("proj/utils.py", "import numpy as np\n\n\ndef set_seed(s):\n    np.random.seed(s)\n"),
            SourceDocument.FromText("proj/__init__.py", "from .utils import set_seed\n"),
            SourceDocument.FromText("train_seeded.py", "from proj import set_seed\n" + Train.Replace("x = np", "set_seed(0)\nx = np")),
            SourceDocument.FromText("train.py", Train),
        };
        var sequential = new Linter().Run(new RepositorySnapshot(Docs()), LintConfig.Default, maxParallelism: 1).Findings;
        var parallel = new Linter().Run(new RepositorySnapshot(Docs()), LintConfig.Default).Findings;

        Assert.Equal(new[] { "train.py" }, sequential.Where(f => f.RuleId is "MLO301" or "MLO302").Select(f => f.Path).Distinct());
        Assert.Equal(sequential.Select(f => (f.Path, f.RuleId, f.Span, f.Message, f.Fingerprint)),
            parallel.Select(f => (f.Path, f.RuleId, f.Span, f.Message, f.Fingerprint)));
    }

    private sealed class Disposable : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
