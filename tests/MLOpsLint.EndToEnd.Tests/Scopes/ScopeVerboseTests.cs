using MLOpsLint.EndToEnd.Tests.Support;

namespace MLOpsLint.EndToEnd.Tests.Scopes;

/// <summary><c>scan --verbose</c> says what the repository and each file were judged to be, and why, on stderr; a
/// configured scope changes what is reported.</summary>
public class ScopeVerboseTests
{
    private const string HubLoad = "from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained(\"bert-base-uncased\")\n";

    private static TempRepo Library()
    {
        var repo = TempRepo.Git();
        repo.Write("pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n[project]\nname = \"textkit\"\nversion = \"1.0\"\ndependencies = [\"transformers>=4.40\"]\n");
        repo.Write("src/textkit/encode.py", HubLoad);
        repo.Write("tests/test_encode.py", "import pytest\n" + HubLoad);
        repo.Write("playground/try.py", HubLoad);
        repo.Commit();
        return repo;
    }

    [Fact]
    public void Verbose_prints_the_repository_kind_and_each_files_scope_with_its_reason()
    {
        using var repo = Library();
        var r = CliRunner.InProcess("scan", repo.Root, "--verbose", "--select", "MLO213");
        Assert.Contains("mlops-lint: note: repository: library (pyproject.toml builds the package 'textkit' and nothing at the root deploys it)", r.Stderr);
        Assert.Contains("mlops-lint: note: scope: tests/test_encode.py = test (path under tests/)", r.Stderr);
        Assert.Contains("mlops-lint: note: scope: src/textkit/encode.py = library (a module of the package)", r.Stderr);
        Assert.Contains("src/textkit/encode.py:3", r.Stdout);
        Assert.Contains("playground/try.py:3", r.Stdout);
        Assert.DoesNotContain("tests/test_encode.py", r.Stdout);

        // without --verbose: nothing about scopes
        Assert.DoesNotContain("scope:", CliRunner.InProcess("scan", repo.Root, "--select", "MLO213").Stderr);
    }

    [Fact]
    public void Configured_scopes_and_repository_kind_are_honoured()
    {
        using var repo = Library();
        repo.Write("mlops-lint.toml", "repository-kind = \"application\"\n\n[scopes]\nexamples = [\"playground/**\"]\n");
        repo.Commit();
        var r = CliRunner.InProcess("scan", repo.Root, "--verbose", "--select", "MLO213");
        Assert.Contains("mlops-lint: note: repository: application (repository-kind in the configuration)", r.Stderr);
        Assert.Contains("mlops-lint: note: scope: playground/try.py = example (matches \"playground/**\" in [tool.mlops-lint.scopes])", r.Stderr);
        Assert.DoesNotContain("playground/try.py:3", r.Stdout);
        Assert.Contains("src/textkit/encode.py:3", r.Stdout);
    }

    [Fact]
    public void Verbose_says_a_measuring_script_is_a_benchmark_and_its_hub_loads_are_not_judged()
    {
        using var repo = TempRepo.Git();
        // a script that says it measures memory and calls the memory API; a training script that logs its peak memory
        repo.Write("scripts/train_memory.py", "\"\"\"Trains a model on a small text dataset and measures the memory consumption.\"\"\"\nimport torch\nfrom datasets import load_dataset\n\n"
            + "def main():\n    torch.cuda.reset_peak_memory_stats()\n    data = load_dataset(\"ybelkada/english_quotes_copy\")\n    print(torch.cuda.max_memory_allocated())\n\n"
            + "if __name__ == \"__main__\":\n    main()\n");
        repo.Write("scripts/train.py", "\"\"\"Trains a model on a small text dataset.\"\"\"\nimport torch\nfrom datasets import load_dataset\n\n"
            + "def main():\n    data = load_dataset(\"ybelkada/english_quotes_copy\")\n    print(torch.cuda.max_memory_allocated())\n\n"
            + "if __name__ == \"__main__\":\n    main()\n");
        repo.Commit();
        var r = CliRunner.InProcess("scan", repo.Root, "--verbose", "--select", "MLO213");
        Assert.Contains("mlops-lint: note: scope: scripts/train_memory.py = benchmark (a script that measures: has if __name__ == \"__main__\"; "
            + "its docstring says \"Trains a model on a small text dataset and measures the memory consumption\" and it calls reset_peak_memory_stats())", r.Stderr);
        Assert.Contains("mlops-lint: note: scope: scripts/train.py = script (has if __name__ == \"__main__\")", r.Stderr);
        Assert.Contains("scripts/train.py:6", r.Stdout);
        Assert.DoesNotContain("scripts/train_memory.py", r.Stdout);
    }
}
