using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>
/// Issue 13's dependency recall classes as mini repositories: requirement files under other names (<c>requirement.txt</c>,
/// <c>requirements/*.txt</c>, a file a Dockerfile COPYs to <c>requirements.txt</c> or <c>Pipfile</c>, or installs with
/// <c>-r</c>), installs under <c>ONBUILD RUN</c> and <c>pipx install</c>, and a remote constraints file named as such.
/// Each beside a look-alike that must stay silent.
/// </summary>
public class InstalledNameTests
{
    private const string PinnedBase = "FROM python:3.11-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";

    private static IReadOnlyList<Finding> Run(string rule, params (string Path, string Text)[] files) =>
        Fixture.Scan(files.Select(f => SourceDocument.FromText(f.Path, f.Text)).ToArray()).Findings.Where(f => f.RuleId == rule).ToArray();

    [Fact]
    public void Requirement_txt_and_a_requirements_folder_are_requirement_files_and_prose_named_alike_is_not()
    {
        var result = Fixture.Scan(
            SourceDocument.FromText("requirement.txt", "numpy\n"),
            SourceDocument.FromText("requirements/base.txt", "scikit-learn>=1.3\n"),
            SourceDocument.FromText("requirements/prod.txt", "-r base.txt\ngunicorn==22.0.0\n"),
            SourceDocument.FromText("docs/requirement-spec.txt", "The system shall provide an API.\n"),
            SourceDocument.FromText("notes/requirements.md", "numpy\n"));
        var paths = result.Findings.Where(f => f.RuleId == "MLO201").Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "requirement.txt", "requirements/base.txt" }, paths);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(DocumentKind.Requirements, DocumentClassifier.Classify("services/api/requirements/dev.in"));
        // pip-tools names are requirements; other .in files are templates (the stdlib's config.c.in gave a warning)
        Assert.Equal(DocumentKind.Requirements, DocumentClassifier.Classify("requirements.in"));
        Assert.Equal(DocumentKind.Requirements, DocumentClassifier.Classify("dev-requirements.in"));
        Assert.Equal(DocumentKind.Requirements, DocumentClassifier.Classify("ml_requirements.in"));
        Assert.NotEqual(DocumentKind.Requirements, DocumentClassifier.Classify("config-3.11-x86_64-linux-gnu/config.c.in"));
        Assert.NotEqual(DocumentKind.Requirements, DocumentClassifier.Classify("Makefile.in"));
        Assert.NotEqual(DocumentKind.Requirements, DocumentClassifier.Classify("setup.py.in"));
        Assert.Equal(DocumentKind.PlainText, DocumentClassifier.Classify("docs/requirement-spec.txt"));
    }

    [Fact]
    public void A_file_copied_to_requirements_txt_is_judged_as_one_and_a_copy_into_a_folder_is_not()
    {
        var f = Assert.Single(Run("MLO201",
            ("Dockerfile", PinnedBase + "COPY deploy/prod.deps requirements.txt\nRUN pip install -r requirements.txt\n"),
            ("deploy/prod.deps", "fastapi\nuvicorn==0.30.1\n")));
        Assert.Equal(("deploy/prod.deps", 1), (f.Path, f.Span.StartLine));
        Assert.Equal("'fastapi' in prod.deps (installed as requirements.txt) has no version", f.Message);

        Assert.Empty(Run("MLO201",
            ("Dockerfile", PinnedBase + "COPY deploy/prod.deps /app/\nCOPY deploy/notes.txt /app/requirements-notes/\n"),
            ("deploy/prod.deps", "fastapi\n"),
            ("deploy/notes.txt", "fastapi\n")));
    }

    [Fact]
    public void A_file_installed_with_dash_r_is_a_requirements_file_whatever_its_name()
    {
        var f = Assert.Single(Run("MLO201",
            ("Dockerfile", PinnedBase + "COPY deps.lock /tmp/deps.lock\nRUN pip install -r /tmp/deps.lock\n"),
            ("deps.lock", "torch>=2.1\nnumpy==1.26.4\n")));
        Assert.Equal("deps.lock", f.Path);
        Assert.Contains("'torch' in deps.lock is not pinned", f.Message);
        Assert.Empty(Run("MLO201", ("Dockerfile", PinnedBase + "COPY deps.lock /tmp/deps.lock\n"), ("deps.lock", "torch>=2.1\n")));
    }

    [Fact]
    public void A_pipfile_under_another_name_copied_as_Pipfile_is_an_application_manifest()
    {
        const string pipfile = "[packages]\nflask = \"*\"\nrequests = \"==2.31.0\"\n\n[requires]\npython_version = \"3.11\"\n";
        var f = Assert.Single(Run("MLO202",
            ("Dockerfile", PinnedBase + "COPY deploy/Pipfile.api Pipfile\nRUN pip install pipenv==2024.0.1 && pipenv install --system --deploy\n"),
            ("deploy/Pipfile.api", pipfile)));
        Assert.Equal("deploy/Pipfile.api", f.Path);
        Assert.Contains("(flask)", f.Message);
        Assert.Empty(Run("MLO202", ("deploy/Pipfile.api", pipfile)));
    }

    [Fact]
    public void Onbuild_run_and_pipx_installs_are_judged_and_their_pinned_forms_are_not()
    {
        const string dockerfile = PinnedBase + """
            ONBUILD COPY . /app
            ONBUILD RUN pip install flask  # expect: MLO205
            ONBUILD RUN pip install flask==3.0.3
            RUN pipx install black  # expect: MLO205
            RUN pipx install "ruff==0.4.8" && pipx run cowsay==6.1 hello
            ONBUILD RUN apt-get install -y libgomp1  # expect: MLO206
            """;
        var findings = Fixture.AssertExpectations("Dockerfile", dockerfile, "MLO205");
        Assert.Contains(findings, f => f.Message == "'black' in pipx install (Dockerfile) has no version" && f.Fix.Contains("pipx list"));
        Assert.Contains(findings, f => f.Message == "'flask' in pip install (Dockerfile) has no version");
        Fixture.AssertExpectations("Dockerfile", dockerfile, "MLO206");
    }

    [Fact]
    public void A_remote_constraints_file_is_named_as_unreadable_and_a_local_one_is_read()
    {
        var remote = Assert.Single(Run("MLO205",
            ("Dockerfile", PinnedBase + "RUN pip install -c https://raw.githubusercontent.com/apache/airflow/constraints-2.7.0/constraints-3.11.txt apache-airflow\n")));
        Assert.Contains("'apache-airflow' in pip install (Dockerfile) has no version here, and the file that may pin it (https://raw.githubusercontent.com/apache/airflow/constraints-2.7.0/constraints-3.11.txt) is remote: the scan cannot read it", remote.Message);

        Assert.Empty(Run("MLO205",
            ("Dockerfile", PinnedBase + "COPY constraints.txt .\nRUN pip install -c constraints.txt apache-airflow\n"),
            ("constraints.txt", "apache-airflow==2.7.0\n")));
    }
}
