using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Python;
using MLOpsLint.Core.Rules;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>
/// A scan reads a working-tree file's bytes when a check first asks and drops them (with the text and the parsed module)
/// when the document's checks are done. The language server keeps its document objects across edits and runs the
/// repository checks in the background while an edit's document checks run on the same objects: a released document
/// reads its file again with the same findings, and a release asked for by one pass never disposes the parsed module
/// another pass is reading.
/// </summary>
public sealed class SharedDocumentTests : IDisposable
{
    private const string Train =
        "import numpy as np\nfrom sklearn.model_selection import train_test_split\n\n"
        + "x = np.random.rand(10)\na, b = train_test_split(x)\n"
        + "API_KEY = \"sk-proj-" + "T3BlbkFJa8Kq2Vx9Lm4Rt7Wz1Yb6Nc0Pd5Qe8Sf3Ug2Hi\"\n";

    private readonly string dir = Directory.CreateTempSubdirectory("mlops-shared-doc-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_document_released_by_a_scan_reads_its_file_again_and_gives_the_same_findings()
    {
        var source = FileSource("train.py", Train);
        var doc = new SourceDocument("train.py", source, source.Length);
        var linter = new Linter();

        var first = linter.Run(new RepositorySnapshot(new[] { doc }), LintConfig.Default).Findings;
        int readsAfterFirst = source.Reads;
        var second = linter.Run(new RepositorySnapshot(new[] { doc }), LintConfig.Default).Findings;

        Assert.Contains(first, f => f.RuleId == "MLO301");
        Assert.Contains(first, f => f.Rule.Family == RuleFamily.HardcodedCredentials);
        Assert.Equal(Describe(first), Describe(second));
        Assert.True(readsAfterFirst >= 1);
        Assert.True(source.Reads > readsAfterFirst, "the second scan read the released file again");
        // released: nothing holds the bytes, and the text is decoded again from a fresh read
        int before = source.Reads;
        Assert.Equal(Train, doc.Text);
        Assert.Equal(before + 1, source.Reads);
    }

    [Fact]
    public void A_document_made_from_its_bytes_keeps_them_after_a_scan()
    {
        var doc = SourceDocument.FromText("train.py", Train);
        var bytes = doc.Content;

        new Linter().Run(new RepositorySnapshot(new[] { doc }), LintConfig.Default);

        Assert.True(bytes.Equals(doc.Content), "the same memory, not a copy");
        Assert.False(doc.ReadsOnDemand);
    }

    [Fact]
    public async Task An_edits_checks_do_not_release_the_module_a_background_repository_pass_is_reading()
    {
        var source = FileSource("train.py", Train);
        var doc = new SourceDocument("train.py", source, source.Length);
        var reader = new BlockingModuleReader();
        var linter = new Linter(new ICheck[] { reader });
        var snapshot = new RepositorySnapshot(new[] { doc });
        var scopes = ScopeModel.For(snapshot.Documents, ScopeSettings.Empty);

        var background = Task.Run(() => linter.CheckRepository(snapshot, LintConfig.Default, scopes));
        Assert.True(reader.HasModule.Wait(TimeSpan.FromSeconds(30)), "the repository pass got the module");
        // the edit's document checks run on the same document object and ask for its release when they are done
        var edit = linter.CheckDocument(doc, LintConfig.Default, scopes);
        reader.MayRead.Set();
        var contexts = await background;

        Assert.Contains(edit.Findings, f => f.Rule.Family == RuleFamily.HardcodedCredentials);
        Assert.DoesNotContain(edit.Diagnostics, d => d.Level == ScanDiagnosticLevel.Error);
        Assert.DoesNotContain(contexts.SelectMany(c => c.Diagnostics), d => d.Level == ScanDiagnosticLevel.Error);
        Assert.Equal(PythonTokenizerCount(Train), reader.TokensRead);
        // the release the edit asked for happened when the background pass was done: the module is given back
        Assert.Throws<InvalidOperationException>(() => reader.Module!.Tokens.Count);
        Assert.NotSame(reader.Module, PythonModule.Of(doc));
    }

    [Fact]
    public void Released_outside_the_engines_passes_the_module_is_given_back_at_once()
    {
        // the look-alike of the case above: no pass marks its use, so the release disposes the module under its reader
        var doc = SourceDocument.FromText("train.py", Train);
        var module = PythonModule.Of(doc);
        doc.ReleaseTransient();
        Assert.Throws<InvalidOperationException>(() => module.Tokens.Count);
    }

    [Fact]
    public async Task Edits_and_background_passes_side_by_side_on_one_document_read_it_consistently()
    {
        var source = FileSource("train.py", Train);
        var doc = new SourceDocument("train.py", source, source.Length);
        var linter = new Linter();
        var snapshot = new RepositorySnapshot(new[] { doc });
        var scopes = ScopeModel.For(snapshot.Documents, ScopeSettings.Empty);
        var expected = Describe(linter.CheckDocument(doc, LintConfig.Default, scopes).Findings);

        var edits = Task.Run(() => Enumerable.Range(0, 40).Select(_ => linter.CheckDocument(doc, LintConfig.Default, scopes)).ToArray());
        var passes = Task.Run(() => Enumerable.Range(0, 40).Select(_ => linter.CheckRepository(snapshot, LintConfig.Default, scopes)).ToArray());
        var texts = Task.Run(() => Enumerable.Range(0, 400).Select(_ => (doc.Text, doc.Lines.LineCount)).ToArray());

        foreach (var e in await edits)
        {
            Assert.DoesNotContain(e.Diagnostics, d => d.Level == ScanDiagnosticLevel.Error);
            Assert.Equal(expected, Describe(e.Findings));
        }
        Assert.DoesNotContain((await passes).SelectMany(p => p).SelectMany(c => c.Diagnostics), d => d.Level == ScanDiagnosticLevel.Error);
        int lines = SourceDocument.FromText("t.py", Train).Lines.LineCount;
        Assert.All(await texts, t =>
        {
            Assert.Equal(Train, t.Text);
            Assert.Equal(lines, t.LineCount);
        });
    }

    private static int PythonTokenizerCount(string text) => MLOpsLint.Core.Python.Tokens.PythonTokenizer.Tokenize(text).Length;

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Path}:{f.Span.StartLine}:{f.Span.StartColumn} {f.Message} {f.Fingerprint}"));

    private CountingFileSource FileSource(string name, string text)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return new CountingFileSource(path);
    }

    /// <summary>A repository check that takes a document's parsed module, waits while the test runs an edit's checks, then
    /// reads the module's tokens.</summary>
    private sealed class BlockingModuleReader : IRepositoryCheck
    {
        public ManualResetEventSlim HasModule { get; } = new();

        public ManualResetEventSlim MayRead { get; } = new();

        public PythonModule? Module { get; private set; }

        public int TokensRead { get; private set; }

        public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO303 };

        public void Check(RepositorySnapshot repository, CheckContext context)
        {
            Module = PythonModule.Of(repository.Documents[0]);
            HasModule.Set();
            if (!MayRead.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("the test never let the check read");
            TokensRead = Module.Tokens.Count;
        }
    }
}
