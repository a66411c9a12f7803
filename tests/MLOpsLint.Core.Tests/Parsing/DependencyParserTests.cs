using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Parsing.Dockerfile;
using MLOpsLint.Core.Parsing.Requirements;
using MLOpsLint.Core.Parsing.Shell;
using MLOpsLint.Core.Parsing.Workflows;

namespace MLOpsLint.Core.Tests.Parsing;

/// <summary>The parsers expose structure (for the version-mismatch rules too), not just findings.</summary>
public class DependencyParserTests
{
    [Fact]
    public void Dockerfile_stages_args_and_runs()
    {
        const string text = "ARG PY=3.11\nFROM --platform=linux/amd64 python:${PY}-slim AS build\nRUN pip install \\\n    # a comment inside the continuation\n    numpy==1.26.4 && echo ok\nFROM build\nFROM ghcr.io/org/img@sha256:abc\n";
        var m = DockerfileParser.Parse(text);
        Assert.Equal(3, m.Stages.Count);
        var s = m.Stages[0];
        Assert.Equal("python:3.11-slim", s.Image);
        Assert.Equal(("python", "3.11-slim", "linux/amd64", "build"), (s.Repository, s.Tag, s.Platform, s.StageName));
        Assert.True(m.Stages[1].RefersToStage);
        Assert.Equal(("ghcr.io", "org/img", "sha256:abc"), (m.Stages[2].Registry, m.Stages[2].Repository, m.Stages[2].Digest));
        var run = Assert.Single(m.Runs);
        Assert.Equal(new[] { "pip install numpy==1.26.4", "echo ok" }, run.Commands.Select(c => c.ToString()));
        var numpy = run.Commands[0].Words[2];
        Assert.Equal(text.IndexOf("numpy", StringComparison.Ordinal), numpy.Start);
        Assert.Equal((3, 5), (run.Instruction.StartLine, run.Instruction.EndLine));
    }

    [Fact]
    public void Dockerfile_heredocs()
    {
        const string text = "FROM python:3.11\nRUN <<-EOT bash -ex\n\tpip install a\nEOT\nRUN cat <<EOF > /x\npip install b\nEOF\n";
        var m = DockerfileParser.Parse(text);
        Assert.Equal(new[] { "bash -ex", "pip install a" }, m.Runs[0].Commands.Select(c => c.ToString()));
        Assert.Equal(new[] { "cat" }, m.Runs[1].Commands.Select(c => c.ToString()));
        Assert.Equal("pip install b", m.Runs[1].Instruction.Heredocs[0].Body.Text);
    }

    [Fact]
    public void Shell_words_quotes_operators_and_redirections()
    {
        var cmds = ShellParser.Parse("FOO=1 sudo -H pip install 'a>=1' \"b==2\" 2>&1 | tee log; x || y # pip install c\n");
        Assert.Equal(new[] { "FOO=1 sudo -H pip install a>=1 b==2", "tee log", "x", "y" }, cmds.Select(c => c.ToString()));
        var install = InstallCommandParser.Parse(cmds[0])!;
        Assert.Equal(Installer.Pip, install.Installer);
        Assert.Equal(new[] { "a>=1", "b==2" }, install.Packages.Select(p => p.Value));
    }

    [Theory]
    [InlineData("pip install -r req.txt -c c.txt -e . x", Installer.Pip, "x")]
    [InlineData("python3.11 -m pip install --no-cache-dir -U x", Installer.Pip, "x")]
    [InlineData("uv pip install --system x", Installer.UvPip, "x")]
    [InlineData("micromamba install -y -n base -c conda-forge x=1", Installer.Conda, "x=1")]
    [InlineData("apt-get -qq install -y --no-install-recommends x", Installer.Apt, "x")]
    [InlineData("apk add --no-cache --virtual .build x", Installer.Apk, "x")]
    public void Install_commands(string line, Installer installer, string package)
    {
        var install = InstallCommandParser.Parse(ShellParser.Parse(line)[0])!;
        Assert.Equal(installer, install.Installer);
        Assert.Equal(package, Assert.Single(install.Packages).Value);
    }

    [Fact]
    public void Requirements_file_entries_options_and_spans()
    {
        const string text = "--index-url https://x/simple\n-r base.txt\nnumpy[extra]>=1.2,<2 ; python_version<'3.12' \\\n  --hash=sha256:abc # c\ngit+https://github.com/o/r@main#egg=r\n-e ./lib\n";
        var f = RequirementsFile.Parse(text);
        Assert.Equal(new[] { "--index-url", "--requirement", "--editable" }, f.Options.Select(o => o.Name));
        Assert.Equal("base.txt", Assert.Single(f.Includes).Value);
        var numpy = f.Entries[0];
        Assert.Equal(("numpy", ">=1.2,<2", "python_version<'3.12'"), (numpy.Requirement!.Name, numpy.Requirement.SpecifierText, numpy.Requirement.Marker));
        Assert.Equal(new[] { "extra" }, numpy.Requirement.Extras);
        Assert.Equal(new[] { "sha256:abc" }, numpy.Hashes);
        Assert.Equal(text.IndexOf("numpy", StringComparison.Ordinal), numpy.NameRange.Start);
        Assert.Equal(("main", "r", false), (f.Entries[1].Reference!.Revision, f.Entries[1].NormalizedName, f.Entries[1].Reference!.IsImmutable));
        Assert.True(f.Entries[2].IsEditable);
    }

    [Theory]
    [InlineData("numpy", false, false)]
    [InlineData("numpy=1.26", true, false)]
    [InlineData("numpy=1.26.4", true, true)]
    [InlineData("numpy==1.26", true, true)]
    [InlineData("numpy=1.26.4=py311h64a7726_0", true, true)]
    [InlineData("conda-forge::numpy>=1.2,<2", true, false)]
    [InlineData("numpy 1.26.4 py311_0", true, true)]
    [InlineData("numpy=1.26.*", true, false)]
    public void Conda_specs(string spec, bool hasVersion, bool exact)
    {
        var s = CondaSpec.Parse(spec);
        Assert.Equal("numpy", s.Name);
        Assert.Equal((hasVersion, exact), (s.HasVersion, s.IsExactPin));
    }

    [Fact]
    public void Workflow_steps_with_values_and_matrix()
    {
        const string text = "on: push\njobs:\n  t:\n    strategy:\n      matrix:\n        py: ['3.10', '3.x']\n        include:\n          - py: '3.12'\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.py }}\n";
        var wf = WorkflowFile.Parse(SourceDocument.FromText(".github/workflows/t.yml", text));
        var job = Assert.Single(wf.Jobs);
        Assert.Equal(new[] { ("3.10", 6), ("3.x", 6), ("3.12", 8) }, job.Matrix["py"].Select(v => (v.Value, v.Line)));
        var step = Assert.Single(job.Steps);
        Assert.Equal(("actions/setup-python@v5", 10), (step.Uses!.Value, step.Uses.Line));
        Assert.Equal(text.IndexOf("actions/", StringComparison.Ordinal), step.Uses.Start);
        Assert.Equal("${{ matrix.py }}", step.With["python-version"].Value);
    }

    [Fact]
    public void Pyproject_positions_come_from_the_toml_syntax_tree()
    {
        const string text = "[project]\nname = \"x\"\ndependencies = [\n  \"numpy>=1\",\n  'pandas',\n]\n[tool.poetry.group.dev.dependencies]\npytest = { version = \"^8\" }\n";
        var m = PythonManifest.Parse(SourceDocument.FromText("pyproject.toml", text));
        Assert.Equal(new[] { ("numpy", Pinning.Range), ("pandas", Pinning.Unpinned), ("pytest", Pinning.Range) }, m.Dependencies.Select(d => (d.Name, d.Pinning)));
        Assert.Equal(text.IndexOf("numpy", StringComparison.Ordinal), m.Dependencies[0].Start);
        Assert.Equal(text.IndexOf("pandas", StringComparison.Ordinal), m.Dependencies[1].Start);
        Assert.Equal(text.IndexOf("dependencies", StringComparison.Ordinal), m.DependenciesAnchor);
    }
}
