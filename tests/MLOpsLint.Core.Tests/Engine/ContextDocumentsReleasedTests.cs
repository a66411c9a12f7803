using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>
/// A scan that reports on some documents only (<c>scan --staged</c>) runs no document pass on the others, which is where a
/// document is released: they are released from the start, so what the repository checks read of them (a cold staged scan
/// reads every unchanged file for the facts its cache lacks) is held only while it is used. Before, every unchanged file's
/// bytes and text stayed until the scan ended: a cold staged scan of the 10,000-file repository peaked at 513 MB against
/// 343 MB for a full scan of the same files. The bytes of a source that is costly to read again (a git blob) are kept once
/// read; a working-tree file's are read again.
/// </summary>
public sealed class ContextDocumentsReleasedTests : IDisposable
{
    private const string Module = "import numpy as np\n\nx = np.random.rand(10)\n";

    private readonly string dir = Directory.CreateTempSubdirectory("mlops-context-docs-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_context_documents_text_and_module_are_not_held_after_a_repository_check_used_them()
    {
        var (staged, context) = (Document("train.py"), Document("util.py"));
        var probe = new Probe("util.py");

        new Linter(new ICheck[] { probe }).Run(new RepositorySnapshot(new[] { staged, context }), LintConfig.Default, reported: p => p == "train.py");

        Assert.Null(probe.Error);
        Assert.Equal(Module, probe.TextRead);
        Assert.False(probe.TextAliveAfterCollection, "the context document's text was held after the check let it go");
        Assert.False(probe.ModuleAliveAfterCollection, "the context document's parsed module was held after the check let it go");
    }

    [Fact]
    public void A_document_in_a_pass_holds_its_text_while_the_pass_uses_it()
    {
        // the look-alike: the same probe in the document pass (an edit's checks in the language server) — the text stays
        var doc = Document("util.py");
        var probe = new Probe("util.py");
        var linter = new Linter(new ICheck[] { probe });
        var snapshot = new RepositorySnapshot(new[] { doc });

        linter.CheckRepository(snapshot, LintConfig.Default, ScopeModel.For(snapshot.Documents, ScopeSettings.Empty));

        Assert.Null(probe.Error);
        Assert.True(probe.TextAliveAfterCollection, "a document in use keeps its text");
        Assert.True(probe.ModuleAliveAfterCollection, "a document in use keeps its parsed module");
    }

    [Fact]
    public void A_context_documents_bytes_are_read_again_from_a_file_but_kept_from_a_costly_source()
    {
        var file = Source("util.py", costly: false);
        var blob = Source("helpers.py", costly: true);
        var docs = new[]
        {
            Document("train.py"),
            new SourceDocument("util.py", file, file.Length),
            new SourceDocument("helpers.py", blob, blob.Length),
        };
        var reader = new TwiceReader();

        new Linter(new ICheck[] { reader }).Run(new RepositorySnapshot(docs), LintConfig.Default, reported: p => p == "train.py");

        Assert.Null(reader.Error);
        Assert.Equal(2, file.Reads);
        Assert.Equal(1, blob.Reads);
    }

    private SourceDocument Document(string name)
    {
        var source = Source(name, costly: false);
        return new SourceDocument(name, source, source.Length);
    }

    private CountingSource Source(string name, bool costly)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, Module);
        return new CountingSource(path, costly);
    }

    private sealed class CountingSource : ContentSource
    {
        private readonly string path;
        private readonly bool costly;
        private int reads;

        public CountingSource(string path, bool costly)
        {
            this.path = path;
            this.costly = costly;
            Length = new FileInfo(path).Length;
        }

        public long Length { get; }

        public int Reads => Volatile.Read(ref reads);

        public override bool CostlyToReadAgain => costly;

        public override ReadOnlyMemory<byte> Read()
        {
            Interlocked.Increment(ref reads);
            return File.ReadAllBytes(path);
        }
    }

    /// <summary>Reads one document's text and parsed module, lets them go, collects, and says whether they survived.</summary>
    private sealed class Probe : IRepositoryCheck
    {
        private readonly string path;

        public Probe(string path) => this.path = path;

        public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO303 };

        public string? TextRead { get; private set; }

        public bool TextAliveAfterCollection { get; private set; }

        public bool ModuleAliveAfterCollection { get; private set; }

        public string? Error { get; private set; }

        public void Check(RepositorySnapshot repository, CheckContext context)
        {
            try
            {
                var doc = repository.Find(path)!;
                var (text, module) = Read(doc);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                TextAliveAfterCollection = text.TryGetTarget(out _);
                ModuleAliveAfterCollection = module.TryGetTarget(out _);
                TextRead = doc.Text;
            }
            catch (Exception e)
            {
                Error = e.ToString();
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static (WeakReference<string> Text, WeakReference<PythonModule> Module) Read(SourceDocument doc) =>
            (new WeakReference<string>(doc.Text), new WeakReference<PythonModule>(PythonModule.Of(doc)));
    }

    /// <summary>Reads the bytes of every context document twice, with a collection between.</summary>
    private sealed class TwiceReader : IRepositoryCheck
    {
        public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO303 };

        public string? Error { get; private set; }

        public void Check(RepositorySnapshot repository, CheckContext context)
        {
            try
            {
                foreach (var doc in repository.Documents.Where(d => d.Path != "train.py")) Touch(doc);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                foreach (var doc in repository.Documents.Where(d => d.Path != "train.py")) Touch(doc);
            }
            catch (Exception e)
            {
                Error = e.ToString();
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void Touch(SourceDocument doc)
        {
            if (doc.Content.Length == 0) throw new InvalidOperationException($"{doc.Path} read no bytes");
        }
    }
}
