using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Engine;
using MLOpsLint.Core.Findings;

namespace MLOpsLint.Core.Tests.Engine;

/// <summary>
/// A repository check that asks the scope of the modules it reads (<see cref="IAsksScopes"/>: the tracking rules ask which
/// modules are experiment scripts, the committed-data rules which are tests) gets it decided in the document pass, while
/// the text and the parsed module are at hand. Asked first in the repository pass, the answer read every file again and
/// held every module at once until the pass ended: `--select MLO7` on the 10,000-file synthetic repository peaked at 1.1 GB
/// (140 MB now), `--select MLO101` at 260 MB (113 MB now).
/// </summary>
public sealed class ScopesDecidedInDocumentPassTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mlops-scopes-pass-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly (string Path, string Text)[] Files =
    {
        ("train.py", "import mlflow\nimport torch\n\n\ndef main():\n    model = torch.nn.Linear(2, 1)\n    torch.save(model, \"model.pt\")\n\n\nif __name__ == \"__main__\":\n    main()\n"),
        ("pipeline/features.py", "import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path)\n"),
        ("checks/test_features.py", "import pytest\n\nfrom pipeline.features import load\n\n\ndef test_load(tmp_path):\n    assert load is not None\n"),
        ("data/train.csv", "a,b\n1,2\n"),
    };

    private (SourceDocument Doc, CountingFileSource Source)[] Documents()
    {
        return Files.Select(f =>
        {
            string path = Path.Combine(dir, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, f.Text);
            var source = new CountingFileSource(path);
            return (new SourceDocument(f.Path, source, source.Length), source);
        }).ToArray();
    }

    [Theory]
    [InlineData("MLO7")]
    [InlineData("MLO1")]
    [InlineData("MLO101")]
    public void A_scan_whose_repository_checks_ask_scopes_reads_each_module_once(string select)
    {
        var documents = Documents();
        var config = new LintConfig { Select = new[] { select } };
        var result = new Linter().Run(new RepositorySnapshot(documents.Select(d => d.Doc).ToArray()), config);

        Assert.DoesNotContain(result.Diagnostics, d => d.Level == ScanDiagnosticLevel.Error);
        foreach (var (doc, source) in documents.Where(d => d.Doc.Kind == DocumentKind.Python))
        {
            Assert.True(source.Reads == 1, $"{doc.Path} was read {source.Reads} times with --select {select}");
        }
        // and the scopes asked are the ones a full scan decides
        var full = new Linter().Run(new RepositorySnapshot(Documents().Select(d => d.Doc).ToArray()), LintConfig.Default);
        foreach (var (path, verdict) in result.Scopes!.Verdicts)
        {
            Assert.Equal(full.Scopes!.Verdicts.Single(kv => kv.Key == path).Value.Scope, verdict.Scope);
        }
    }

    [Fact]
    public void A_scan_without_such_checks_places_no_module_it_does_not_need()
    {
        // the credential rules judge every scope and ask none: the helper module is neither parsed nor placed
        var documents = Documents();
        var result = new Linter().Run(new RepositorySnapshot(documents.Select(d => d.Doc).ToArray()), new LintConfig { Select = new[] { "MLO4" } });
        Assert.DoesNotContain(result.Scopes!.Verdicts, kv => kv.Key == "pipeline/features.py");
    }
}
