using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Rules;

// MLO2xx — unpinned dependencies.
public static partial class RuleCatalog
{
    private static readonly RuleOption StrictnessOption = new(
        "strictness", "\"auto\"",
        "What counts as pinned: \"exact\" (one version, `==1.2.3`), \"range\" (any version constraint, hadolint's view), "
        + "\"hash\" (exact and `--hash`, OpenSSF Scorecard's view), or \"auto\" (exact in applications, range in libraries).");

    private static readonly RuleOption ProjectKindOption = new(
        "project-kind", "\"auto\"",
        "\"application\", \"library\" or \"auto\" (decided per project from its files; see How the tool decides). "
        + "MLO202 and MLO203 read the same setting; when both set it, MLO202's wins.");

    public static readonly RuleDescriptor MLO201 = new(
        "MLO201",
        "unpinned-python-requirement",
        "Python requirement not pinned to a version",
        Severity.Warning,
        "A requirements file, constraints file or conda environment that names a package without an exact version "
        + "installs whatever is newest on the day it runs: two installs a week apart give different environments, "
        + "and a model trained on one may not load or behave the same on the other.",
        "Pin the package to the version you tested (pip freeze | grep -i <name>), or compile the file with pip-compile / uv pip compile.",
        new[] { StrictnessOption })
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs | FileScope.Generated),
    };

    public static readonly RuleDescriptor MLO202 = new(
        "MLO202",
        "unlocked-application",
        "Application declares version ranges without a lock file",
        Severity.Warning,
        "An application (something you deploy or run, not a package others import) that declares ranges in "
        + "pyproject.toml, Pipfile, setup.cfg or a .in file but has no lock file resolves its dependencies anew on every "
        + "install, so every build can get different transitive versions.",
        "Commit a lock file: uv lock, poetry lock, pdm lock, pipenv lock, conda-lock, or pip-compile --generate-hashes.",
        new[] { ProjectKindOption })
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs | FileScope.Generated),
    };

    public static readonly RuleDescriptor MLO203 = new(
        "MLO203",
        "unlocked-library-dev-environment",
        "Library has no locked development environment",
        Severity.Suggestion,
        "A library is right to declare ranges for its users, but its own development and CI environment should still be "
        + "locked, or a test run today and one next month are not testing the same thing.",
        "Lock the development environment (uv lock, poetry lock, pdm lock) or add a compiled requirements-dev.txt; keep the ranges in [project.dependencies].",
        new[] { ProjectKindOption })
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs | FileScope.Generated),
    };

    public static readonly RuleDescriptor MLO204 = new(
        "MLO204",
        "unpinned-base-image",
        "Docker base image not pinned",
        Severity.Warning,
        "FROM without a tag, or with :latest, builds on whatever the registry serves today: the Python version, system "
        + "libraries and CUDA runtime change under you between two builds of the same Dockerfile.",
        "Use a specific tag, ideally with its digest: FROM python:3.11.9-slim@sha256:<digest>.",
        new[] { new RuleOption("require-digest", "false", "Also report tagged images without an @sha256: digest (tags can be re-pushed).") })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO205 = new(
        "MLO205",
        "unpinned-install-command",
        "pip or conda install of an unpinned package",
        Severity.Warning,
        "pip install x / conda install x in a Dockerfile or script installs the newest release at build time, so the "
        + "image or environment differs from one build to the next.",
        "Pin the version (pip install pandas==<version>) or install from a pinned requirements file (pip install -r requirements.txt).",
        new[]
        {
            StrictnessOption,
            new RuleOption("ignore-packaging-tools", "true",
                "Do not report upgrading the installer itself (pip install --upgrade pip setuptools wheel)."),
        })
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs | FileScope.CI),
    };

    public static readonly RuleDescriptor MLO206 = new(
        "MLO206",
        "unpinned-system-package",
        "apt or apk package installed without a version",
        Severity.Suggestion,
        "apt-get install / apk add without versions installs what the distribution mirror has that day; system "
        + "libraries (libgomp, libcudnn, openblas) change numerical behaviour and performance.",
        "Pin the package (apt-get install curl=<version>, apk add curl=<version>) or rely on a digest-pinned base image.",
        new[]
        {
            new RuleOption("packages", "\"numeric\"", "\"numeric\": only packages that change numerical results (BLAS, OpenMP, CUDA libraries, codecs, Python); \"all\": every package."),
        })
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO207 = new(
        "MLO207",
        "action-pinned-to-branch",
        "GitHub action referenced by a branch or not at all",
        Severity.Warning,
        "uses: owner/repo@main runs whatever that branch holds at the time of the run — the workflow changes without a "
        + "commit in your repository, and a compromised upstream runs in your CI with your secrets.",
        "Pin the action to a full commit SHA with the version in a comment: uses: owner/repo@<40-hex sha> # v1.2.3.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO208 = new(
        "MLO208",
        "action-pinned-to-tag",
        "GitHub action referenced by a version tag instead of a commit SHA",
        Severity.Suggestion,
        "A tag such as v4 is moved by its owner (and can be moved by an attacker): the code behind uses: owner/repo@v4 "
        + "changes without a change in your repository. Only a full commit SHA is immutable.",
        "Pin the action to a full commit SHA and keep the tag as a comment: uses: owner/repo@<40-hex sha> # v4.1.7.",
        new[]
        {
            new RuleOption("policies", "{ \"actions/*\" = \"ref-pin\", \"github/*\" = \"ref-pin\", \"dependabot/*\" = \"ref-pin\", \"*\" = \"hash-pin\" }",
                "How each action owner's uses: must be pinned, as zizmor's unpinned-uses policies: \"hash-pin\" (a commit SHA), \"ref-pin\" (a version "
                + "tag is enough) or \"any\" (nothing reported, MLO207 included), per \"owner/repo\", \"owner/repo/*\", \"owner/*\" or \"*\"; the most "
                + "specific pattern wins and yours replace the defaults. { \"actions/*\" = \"hash-pin\", \"github/*\" = \"hash-pin\", \"dependabot/*\" = \"hash-pin\" } asks for SHAs everywhere (zizmor 1.20, Scorecard)."),
        })
    {
        Scopes = FileScope.CI,
    };

    public static readonly RuleDescriptor MLO209 = new(
        "MLO209",
        "floating-setup-python",
        "setup-python without a fixed Python version",
        Severity.Warning,
        "actions/setup-python with python-version 3.x, latest, or no version at all gives a different interpreter when "
        + "a new Python ships or the runner image changes; CI then tests a Python that development and production do not run.",
        "Set python-version to a minor version (3.11) or read it from .python-version with python-version-file.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO210 = new(
        "MLO210",
        "floating-nuget-version",
        "NuGet package with a floating or open version",
        Severity.Warning,
        "A floating version (*, 1.*, 1.2.*-*), a range with an exclusive or missing lower bound, or a PackageReference "
        + "without a version makes restore pick a different package version as new ones are published.",
        "Use a version (Version=\"1.2.3\"), or a range with an inclusive lower bound; with Central Package Management set it in Directory.Packages.props.")
    {
        Scopes = FileScope.All,
    };

    public static readonly RuleDescriptor MLO211 = new(
        "MLO211",
        "mutable-direct-reference",
        "VCS or URL dependency without an immutable reference",
        Severity.Warning,
        "git+https://…@main, a git URL without a revision, or an archive URL without a hash installs whatever the branch "
        + "or the server holds at install time; tags can be moved too.",
        "Reference a full commit (git+https://host/org/repo@<40-hex sha>) or add #sha256=<hash> to an archive URL.")
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs | FileScope.CI),
    };

    public static readonly RuleDescriptor MLO212 = new(
        "MLO212",
        "unpinned-notebook-install",
        "Unpinned install in a notebook",
        Severity.Warning,
        "!pip install x or %pip install x in a notebook cell installs the newest release every time the notebook runs: "
        + "a notebook that worked last month re-runs against different library versions, and its results change or it breaks.",
        "Pin the version in the cell (%pip install \"pandas==<version>\") or install from a pinned requirements file (%pip install -r requirements.txt).",
        new[]
        {
            new RuleOption("strictness", "\"auto\"",
                "As MLO205's strictness (\"exact\", \"range\", \"hash\", \"auto\"); when MLO212 does not set it, MLO205's setting applies."),
            new RuleOption("ignore-packaging-tools", "true",
                "Do not report upgrading the installer itself (%pip install --upgrade pip); when MLO212 does not set it, MLO205's setting applies."),
        })
    {
        Scopes = FileScope.All & ~(FileScope.Test | FileScope.Example | FileScope.Benchmark | FileScope.Docs),
    };

    public static readonly RuleDescriptor MLO213 = new(
        "MLO213",
        "model-without-revision",
        "Model or dataset pulled from a hub without a revision",
        Severity.Warning,
        "from_pretrained(\"org/model\"), load_dataset(\"org/data\"), hf_hub_download or torch.hub.load without a revision "
        + "downloads whatever the repository's default branch holds on the day it runs: the weights, tokenizer or data can "
        + "change under the same name, and a re-run no longer reproduces the result.",
        "Pass the commit you tested: AutoModel.from_pretrained(\"org/model\", revision=\"<40-hex commit>\") "
        + "(the model page's \"History\" tab, or huggingface_hub.model_info(\"org/model\").sha, gives it).")
    {
        Scopes = FileScope.Code,
    };

    public static readonly RuleDescriptor MLO214 = new(
        "MLO214",
        "model-revision-not-commit",
        "Model or dataset revision is a branch or tag, not a commit",
        Severity.Suggestion,
        "revision=\"main\" or revision=\"v1.0\" (and torch.hub.load(\"owner/repo:v1.0\")) names a branch or tag, which its owner "
        + "can move: the same code can load different weights or data later. Only a full commit hash is immutable.",
        "Replace the branch or tag with the commit it points to: revision=\"<40-hex commit>\" "
        + "(huggingface_hub.model_info(\"org/model\", revision=\"v1.0\").sha, or the model page's \"History\" tab).")
    {
        Scopes = FileScope.Code,
    };
}
