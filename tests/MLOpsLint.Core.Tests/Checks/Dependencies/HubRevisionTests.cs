using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>MLO213/MLO214: models and datasets pulled from a hub without a commit revision.</summary>
public class HubRevisionTests
{
    private static IReadOnlyList<Finding> Run(string rule, string path, string text) => Fixture.Findings(path, text, rule);

    [Theory]
    [InlineData("MLO213")]
    [InlineData("MLO214")]
    public void Script_fixture(string rule)
    {
        Fixture.AssertExpectations("src/churn/hub_models.py", Fixture.Read("Dependencies/hub_models.py"), rule);
    }

    [Theory]
    [InlineData("MLO213")]
    [InlineData("MLO214")]
    public void Notebook_fixture(string rule)
    {
        var findings = Fixture.AssertExpectations("notebooks/hub_models.ipynb", Fixture.Read("Dependencies/hub_models.ipynb"), rule);
        Assert.All(findings, f => Assert.StartsWith("cell 3, line ", f.LocationHint));
    }

    [Fact]
    public void Messages_and_fixes_name_the_exact_form()
    {
        var f = Assert.Single(Run("MLO213", "a.py", "from transformers import AutoModel\nm = AutoModel.from_pretrained(\"bert-base-uncased\")\n"));
        Assert.Equal("AutoModel.from_pretrained(\"bert-base-uncased\") has no revision: it downloads whatever the model's default branch holds on the day it runs", f.Message);
        Assert.StartsWith("Pass the commit you tested: AutoModel.from_pretrained(\"bert-base-uncased\", revision=\"<40-hex commit>\").", f.Fix);
        Assert.Contains("model_info('bert-base-uncased').sha", f.Fix);
        Assert.Contains("https://huggingface.co/bert-base-uncased", f.Fix);
        Assert.Equal(2, f.Span.StartLine);
        Assert.Equal(5, f.Span.StartColumn);

        var d = Assert.Single(Run("MLO214", "a.py", "import datasets\nds = datasets.load_dataset(\"stanfordnlp/imdb\", revision=\"v1.0\")\n"));
        Assert.Contains("uses revision \"v1.0\", a branch or tag", d.Message);
        Assert.Contains("dataset_info('stanfordnlp/imdb', revision='v1.0').sha", d.Fix);
        Assert.Contains("https://huggingface.co/datasets/stanfordnlp/imdb", d.Fix);

        var t = Assert.Single(Run("MLO213", "a.py", "import torch\nm = torch.hub.load('pytorch/vision', 'resnet18')\n"));
        Assert.Contains("torch.hub.load(\"pytorch/vision:<40-hex commit>\", \"resnet18\")", t.Fix);
        Assert.Contains("git ls-remote https://github.com/pytorch/vision HEAD", t.Fix);
    }

    [Theory]
    [InlineData("from peft import PeftModel\nm = PeftModel.from_pretrained(base, 'org/lora')\n", "MLO213", "PeftModel.from_pretrained(base, 'org/lora', revision=\"<40-hex commit>\")")]
    [InlineData("from huggingface_hub import hf_hub_download\np = hf_hub_download(\n    'gpt2',\n    'config.json',\n)\n", "MLO213", "hf_hub_download('gpt2', 'config.json', revision=\"<40-hex commit>\")")]
    [InlineData("from transformers import AutoModel\nm = AutoModel.from_pretrained('gpt2', revision='v2', trust_remote_code=False)\n", "MLO214", "AutoModel.from_pretrained('gpt2', revision=\"<40-hex commit>\", trust_remote_code=False)")]
    public void Fix_is_the_call_as_written_with_the_revision(string source, string rule, string form)
    {
        var f = Assert.Single(Run(rule, "a.py", source));
        Assert.StartsWith("Pass the commit you tested: " + form + ". ", f.Fix);
    }

    [Theory]
    [InlineData("import transformers as tf\nm = tf.AutoModel.from_pretrained('gpt2')\n")]
    [InlineData("from transformers import pipeline as make\np = make('fill-mask', 'bert-base-uncased')\n")]
    [InlineData("from huggingface_hub import hf_hub_download as dl\np = dl(repo_id='gpt2', filename='config.json')\n")]
    [InlineData("import huggingface_hub\np = huggingface_hub.snapshot_download('gpt2')\n")]
    [InlineData("from sentence_transformers import CrossEncoder\nc = CrossEncoder('cross-encoder/ms-marco-MiniLM-L-6-v2')\n")]
    [InlineData("from mylib.models import Encoder\ne = Encoder.from_pretrained('org/encoder')\n")]
    [InlineData("def load():\n    return AutoModel.from_pretrained(\n        'gpt2',\n        revision=None,\n    )\n")]
    public void Resolved_through_imports_and_fired(string source)
    {
        Assert.Single(Run("MLO213", "a.py", source));
    }

    [Theory]
    [InlineData("from transformers import AutoModel\nm = AutoModel.from_pretrained(path)\n")]
    [InlineData("from transformers import AutoModel\nm = AutoModel.from_pretrained('gpt2', revision=rev)\n")]
    [InlineData("from transformers import AutoModel\nm = AutoModel.from_pretrained('gpt2', revision=f'{rev}')\n")]
    [InlineData("from transformers import AutoModel\nm = AutoModel.from_pretrained('gpt2', revision='1A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B')\n")]
    [InlineData("from transformers import AutoModel\nm = AutoModel.from_pretrained('gpt2', local_files_only=True)\n")]
    [InlineData("from transformers import AutoModel\nm = AutoModel.from_pretrained('gpt2', **cfg)\n")]
    [InlineData("from transformers import AutoModel\nm = AutoModel.from_pretrained('models/finetuned/last')\n")]
    [InlineData("m = from_pretrained('gpt2')\n")]
    [InlineData("class Tok:\n    @staticmethod\n    def from_pretrained(name):\n        return Tok()\n\nt = Tok.from_pretrained('gpt2')\n")]
    [InlineData("class M(Base):\n    @classmethod\n    def load(cls, name):\n        return cls.from_pretrained('gpt2')\n")]
    [InlineData("from datasets import load_dataset\nd = load_dataset('json', data_files='train.jsonl')\n")]
    [InlineData("from datasets import load_dataset\nd = load_dataset('data/train.csv')\n")]
    [InlineData("import torch\nm = torch.hub.load(repo, 'resnet18')\n")]
    [InlineData("import torch\nm = torch.load('model.pt')\n")]
    [InlineData("from transformers import pipeline\np = pipeline(task)\n")]
    [InlineData("# m = AutoModel.from_pretrained('gpt2')\ns = \"AutoModel.from_pretrained('gpt2')\"\n")]
    public void Look_alikes_stay_silent(string source)
    {
        Assert.Empty(Run("MLO213", "a.py", source));
        Assert.Empty(Run("MLO214", "a.py", source));
    }

    [Fact]
    public void Revision_on_its_own_line_is_where_MLO214_lands()
    {
        var f = Assert.Single(Run("MLO214", "a.py", "from transformers import AutoModel\nm = AutoModel.from_pretrained(\n    'gpt2',\n    revision='main',\n)\n"));
        Assert.Equal(4, f.Span.StartLine);
    }
}
