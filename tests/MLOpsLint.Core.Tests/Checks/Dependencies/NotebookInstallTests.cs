using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>MLO212: installs in notebook cells, through the front end's magic lines and MLO205's shared install logic.</summary>
public class NotebookInstallTests
{
    private static readonly string InstallNotebook = Fixture.Read("Dependencies/install.ipynb");
    private static readonly string NotebookRequirements = Fixture.Read("Dependencies/notebook-requirements.txt");

    private static IReadOnlyList<Finding> Run(string rule, LintConfig config, params (string Path, string Text)[] files) =>
        Fixture.Scan(config, files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray())
            .Findings.Where(f => f.RuleId == rule).ToArray();

    private static IReadOnlyList<Finding> Run(string rule, params (string Path, string Text)[] files) => Run(rule, LintConfig.Default, files);

    private static string Notebook(params string[] codeCells)
    {
        var cells = codeCells.Select((src, i) => new Dictionary<string, object?>
        {
            ["cell_type"] = "code",
            ["id"] = "c" + i,
            ["metadata"] = new Dictionary<string, object>(),
            ["source"] = SourceLines(src),
            ["execution_count"] = null,
            ["outputs"] = Array.Empty<object>(),
        });
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["cells"] = cells.ToArray(),
            ["metadata"] = new Dictionary<string, object>(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string[] SourceLines(string src)
    {
        var lines = src.Split('\n');
        return lines.Select((l, j) => j < lines.Length - 1 ? l + "\n" : l).ToArray();
    }

    [Theory]
    [InlineData("MLO212")]
    [InlineData("MLO211")]
    public void Fixture_notebook_with_its_requirements_file(string rule)
    {
        var findings = Run(rule, ("notebooks/install.ipynb", InstallNotebook), ("notebooks/requirements.txt", NotebookRequirements));
        var actual = findings.Where(f => f.Path == "notebooks/install.ipynb").Select(f => f.Span.StartLine).Distinct().OrderBy(l => l).ToArray();
        var expected = Fixture.ExpectedLines(InstallNotebook, rule).ToArray();
        Assert.True(expected.SequenceEqual(actual),
            $"{rule}: expected [{string.Join(", ", expected)}], fired on [{string.Join(", ", actual)}]\n"
            + string.Join("\n", findings.Select(f => $"  {f.Span.StartLine}:{f.Span.StartColumn} {f.Message}")));
    }

    [Fact]
    public void Finding_lands_on_the_package_word_with_cell_and_line()
    {
        var findings = Run("MLO212", ("notebooks/install.ipynb", InstallNotebook), ("notebooks/requirements.txt", NotebookRequirements));
        var pandas = Assert.Single(findings, f => f.Message.Contains("'pandas'"));
        Assert.Equal(19, pandas.Span.StartLine);
        // "    \"!pip install pandas": the word starts after the 4 blanks, the quote and "!pip install ".
        Assert.Equal(19, pandas.Span.StartColumn);
        Assert.Equal(25, pandas.Span.EndColumn);
        Assert.Equal("cell 2, line 3", pandas.LocationHint);
        Assert.Equal("!pip install pandas  # expect: MLO212", pandas.SuppressionText);
        Assert.Contains("!pip install (install.ipynb) has no version", pandas.Message);
        Assert.Contains("!pip install \"pandas==<version>\"", pandas.Fix);

        // A quoted spec inside JSON escapes: the span covers \"scikit-learn>=1.4\" in the file.
        var sk = Assert.Single(findings, f => f.Message.Contains("'scikit-learn'"));
        Assert.Contains("is not pinned to one version (>=1.4)", sk.Message);
        Assert.Equal(20, sk.Span.StartLine);
        string line20 = InstallNotebook.Replace("\r\n", "\n").Split('\n')[19];
        Assert.Equal("\\\"scikit-learn>=1.4\\\"", line20.Substring(sk.Span.StartColumn - 1, sk.Span.EndColumn - sk.Span.StartColumn));

        var accelerate = Assert.Single(findings, f => f.Message.Contains("'accelerate'"));
        Assert.Contains("!python -m pip install \"accelerate==<version>\"", accelerate.Fix);
        var conda = Assert.Single(findings, f => f.Message.Contains("'lightgbm'"));
        Assert.StartsWith("'lightgbm' in %conda install", conda.Message);
        Assert.Equal("cell 3, line 5", conda.LocationHint);
        var wandb = Assert.Single(findings, f => f.Message.Contains("'wandb'"));
        Assert.StartsWith("'wandb' in pip install (install.ipynb)", wandb.Message);
        Assert.Equal("cell 5, line 3", wandb.LocationHint);
        var typer = Assert.Single(findings, f => f.Message.Contains("'typer'"));
        Assert.Contains("%pip install \"typer[all]==<version>\"", typer.Fix);
        Assert.Equal(8, findings.Count);
    }

    [Fact]
    public void Requirements_file_is_read_relative_to_the_notebook()
    {
        // Without the requirements file, tokenizers (named with -r in the last cell) is unpinned.
        var alone = Run("MLO212", ("notebooks/install.ipynb", InstallNotebook));
        Assert.Contains(alone, f => f.Message.Contains("'tokenizers'"));
        var withFile = Run("MLO212", ("notebooks/install.ipynb", InstallNotebook), ("notebooks/requirements.txt", NotebookRequirements));
        Assert.DoesNotContain(withFile, f => f.Message.Contains("'tokenizers'"));
    }

    [Fact]
    public void With_only_MLO212_selected_installs_still_fire_and_a_malformed_notebook_still_warns()
    {
        // the document part notes install lines and warns while the notebook is parsed; the repository part reads again
        // only the notebooks that install (the parsed module is released between the two)
        var config = new LintConfig { Select = new[] { "MLO212" } };
        var result = Fixture.Scan(config,
            SourceDocument.FromText("nb.ipynb", Notebook("import torch", "!pip install datasets")),
            SourceDocument.FromText("quiet.ipynb", Notebook("import torch")),
            SourceDocument.FromText("broken.ipynb", Fixture.Read("CommittedData/malformed.ipynb")));
        var f = Assert.Single(result.Findings);
        Assert.Equal(("nb.ipynb", "MLO212", "cell 2, line 1"), (f.Path, f.RuleId, f.LocationHint));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("broken.ipynb", d.Path);
        Assert.Contains("malformed notebook JSON", d.Message);
    }

    [Fact]
    public void Noqa_in_the_cell_suppresses()
    {
        var nb = Notebook("!pip install datasets  # noqa: MLO212\n!pip install datasets");
        var f = Assert.Single(Run("MLO212", ("nb.ipynb", nb)));
        Assert.Equal("cell 1, line 2", f.LocationHint);
    }

    [Fact]
    public void Markdown_comments_strings_and_python_are_not_installs()
    {
        var nb = Notebook(
            "# !pip install a\nprint(\"!pip install b\")\ncmd = \"pip install c\"\nimport subprocess",
            "\"\"\"\n!pip install d\n\"\"\"",
            "%%writefile setup.sh\npip install e",
            "%time x = 1\n!echo pip install f\n!pip list\n%pip show g");
        Assert.Empty(Run("MLO212", ("nb.ipynb", nb)));
    }

    [Theory]
    [InlineData("!pip install torch==2.3.1")]
    [InlineData("%pip install -q \"torch==2.3.1\" 'numpy==1.26.4'")]
    [InlineData("!pip install --upgrade pip setuptools wheel")]
    [InlineData("%pip install -U pip")]
    [InlineData("!pip install -e .")]
    [InlineData("!pip install ./dist/pkg-1.0-py3-none-any.whl")]
    [InlineData("!pip install $PACKAGES")]
    [InlineData("!pip install {package}")]
    [InlineData("!pip install torch=={torch_version}")]
    [InlineData("%conda install -y python=3.11 numpy=1.26.4")]
    [InlineData("!apt-get install -y ffmpeg")]
    [InlineData("!uv pip install polars==0.20.31")]
    public void Pinned_or_unknown_installs_are_silent(string line)
    {
        Assert.Empty(Run("MLO212", ("nb.ipynb", Notebook(line))));
    }

    [Theory]
    [InlineData("%pip install torch", "torch")]
    [InlineData("!pip3 install --quiet torch", "torch")]
    [InlineData("!sudo pip install torch", "torch")]
    [InlineData("%mamba install -y -c conda-forge faiss-cpu", "faiss-cpu")]
    [InlineData("!python3 -m pip install --no-cache-dir 'torch>=2'", "torch")]
    [InlineData("%sx pip install torch", "torch")]
    [InlineData("!cd .. && pip install torch", "torch")]
    [InlineData("!pip install -U transformers", "transformers")]
    public void Unpinned_installs_fire(string line, string package)
    {
        var f = Assert.Single(Run("MLO212", ("nb.ipynb", Notebook("import os", line))));
        Assert.Contains($"'{package}'", f.Message);
        Assert.Equal("cell 2, line 1", f.LocationHint);
    }

    [Fact]
    public void Py_files_and_scripts_are_not_MLO212s()
    {
        Assert.Empty(Run("MLO212", ("setup.sh", "pip install torch\n"), ("train.py", "import os\nos.system('pip install torch')\n")));
        Assert.Single(Run("MLO205", ("setup.sh", "pip install torch\n")));
        Assert.Empty(Run("MLO205", ("nb.ipynb", Notebook("!pip install torch"))));
    }

    [Theory]
    [InlineData("MLO205")]
    [InlineData("MLO211")]
    public void Installs_run_from_a_python_script(string rule)
    {
        Fixture.AssertExpectations("scripts/bootstrap.py", Fixture.Read("Dependencies/bootstrap.py"), rule);
    }

    [Fact]
    public void Installs_run_from_python_in_a_notebook_are_MLO212_with_the_cell()
    {
        var nb = Notebook("import subprocess, sys", "subprocess.check_call([sys.executable, '-m', 'pip', 'install', 'optuna'])  # note");
        var f = Assert.Single(Run("MLO212", ("nb.ipynb", nb)));
        Assert.Equal("cell 2, line 1", f.LocationHint);
        Assert.Contains("python -m pip install \"optuna==<version>\"", f.Fix);
        Assert.Empty(Run("MLO205", ("nb.ipynb", nb)));
        var fired = Assert.Single(Run("MLO205", ("a.py", "import os\nos.system('pip install  optuna')\n")));
        Assert.Equal(2, fired.Span.StartLine);
        Assert.Equal(25, fired.Span.StartColumn);
        Assert.Equal(31, fired.Span.EndColumn);
    }

    [Theory]
    [InlineData("from subprocess import check_call as run_cmd\nrun_cmd(['pip', 'install', 'optuna'])\n")]
    [InlineData("from os import system as sh\nsh('pip install optuna')\n")]
    [InlineData("import subprocess as sp\nsp.check_call(['pip', 'install', 'optuna'])\n")]
    public void An_installer_called_under_an_alias_fires(string script)
    {
        var f = Assert.Single(Run("MLO205", ("a.py", script)));
        Assert.Contains("'optuna'", f.Message);
    }

    [Fact]
    public void A_look_alike_call_that_runs_no_process_is_silent()
    {
        // named like subprocess.run, but the module's own function: no process, nothing installed
        Assert.Empty(Run("MLO205", ("a.py", "import subprocess\n\n\ndef run(args):\n    return args\n\n\nrun(['pip', 'install', 'optuna'])\n")));
        Assert.Empty(Run("MLO205", ("a.py", "import os\nfrom mytools import system\nsystem('pip install optuna')\n")));
    }

    [Fact]
    public void Strictness_falls_back_to_MLO205_and_MLO212_can_override()
    {
        string nb = Notebook("!pip install \"pandas>=2\"");
        Assert.Single(Run("MLO212", ("nb.ipynb", nb)));
        Assert.Empty(Run("MLO212", Options("MLO205", "strictness", "range"), ("nb.ipynb", nb)));
        Assert.Empty(Run("MLO212", Options("MLO212", "strictness", "range"), ("nb.ipynb", nb)));
        string upgrade = Notebook("%pip install --upgrade pip");
        Assert.Empty(Run("MLO212", ("nb.ipynb", upgrade)));
        Assert.Single(Run("MLO212", Options("MLO212", "ignore-packaging-tools", false), ("nb.ipynb", upgrade)));
        Assert.Single(Run("MLO212", Options("MLO205", "ignore-packaging-tools", false), ("nb.ipynb", upgrade)));
    }

    [Fact]
    public void MLO205_fix_names_the_command_as_written()
    {
        var f = Assert.Single(Run("MLO205", ("setup.sh", "python3 -m pip install torch\nuv pip install polars==1.0\n")));
        Assert.Contains("python3 -m pip install \"torch==<version>\"", f.Fix);
    }

    private static LintConfig Options(string rule, string name, object value) => new()
    {
        RuleOptionsById = new Dictionary<string, RuleOptions>(StringComparer.OrdinalIgnoreCase)
        {
            [rule] = new RuleOptions(new Dictionary<string, object> { [name] = value }),
        },
    };
}
