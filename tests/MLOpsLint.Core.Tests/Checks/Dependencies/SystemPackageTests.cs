using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>MLO206: one finding per apt/apk command, listing its unpinned packages (issue 13: a 45-package line gave 45 findings).</summary>
public class SystemPackageTests
{
    private static readonly string[] Numeric = { "libopenblas-dev", "liblapack3", "libgomp1", "libcudnn8", "ffmpeg" };

    private static readonly string[] Packages = Enumerable.Range(0, 40).Select(i => "tool" + i).Concat(Numeric).ToArray();

    private static string Line(IEnumerable<string> packages) =>
        "FROM python:3.11-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
        + "RUN apt-get update && apt-get install -y --no-install-recommends " + string.Join(" ", packages) + " && rm -rf /var/lib/apt/lists/*\n";

    [Fact]
    public void A_45_package_apt_get_line_is_one_finding_listing_the_packages_that_change_results()
    {
        var f = Assert.Single(Fixture.Findings("Dockerfile", Line(Packages), "MLO206"));
        Assert.Equal(2, f.Span.StartLine);
        Assert.Equal("5 system packages in apt-get install (Dockerfile) have no version and change numerical results: "
            + "'libopenblas-dev', 'liblapack3', 'libgomp1', 'libcudnn8', 'ffmpeg'", f.Message);
        Assert.Contains("apt-get install libopenblas-dev=<version> liblapack3=<version> libgomp1=<version> …", f.Fix);
        Assert.Empty(Fixture.Findings("Dockerfile", Line(Packages.Take(40)), "MLO206")); // git, curl, vim and the like
    }

    [Fact]
    public void With_packages_all_every_package_of_the_line_is_listed_in_one_finding()
    {
        var all = new MLOpsLint.Core.Configuration.LintConfig
        {
            RuleOptionsById = new Dictionary<string, MLOpsLint.Core.Configuration.RuleOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["MLO206"] = new MLOpsLint.Core.Configuration.RuleOptions(new Dictionary<string, object> { ["packages"] = "all" }),
            },
        };
        var f = Assert.Single(Fixture.Findings("Dockerfile", Line(Packages), "MLO206", all));
        Assert.StartsWith("45 system packages in apt-get install (Dockerfile) have no version: 'tool0', 'tool1'", f.Message);
        foreach (var p in Packages) Assert.Contains("'" + p + "'", f.Message);
    }

    [Fact]
    public void A_command_over_several_lines_spans_its_first_to_its_last_unpinned_package_and_noqa_on_either_end_silences_it()
    {
        const string dockerfile = """
            FROM debian:12.5
            RUN apt-get update && apt-get install -y \
                    curl=7.88.1-10+deb12u5 \
                    libgomp1 \
                    git=1:2.39.2-1.1 \
                    libopenblas0
            RUN apk add --no-cache openblas fftw
            """;
        var findings = Fixture.Findings("Dockerfile", dockerfile, "MLO206").OrderBy(f => f.Span.StartLine).ToArray();
        Assert.Equal(2, findings.Length);
        Assert.Equal((4, 6), (findings[0].Span.StartLine, findings[0].Span.EndLine));
        Assert.Contains("2 system packages in apt-get install (Dockerfile) have no version and change numerical results: 'libgomp1', 'libopenblas0'", findings[0].Message);
        Assert.Equal(7, findings[1].Span.StartLine);
        Assert.Contains("'openblas', 'fftw'", findings[1].Message);

        Assert.Empty(Fixture.Findings("Dockerfile", dockerfile.Replace("libopenblas0", "libopenblas0  # noqa: MLO206").Replace("fftw", "fftw  # noqa: MLO206"), "MLO206"));
    }

    [Fact]
    public void Pinned_packages_variables_and_deb_files_are_silent()
    {
        const string dockerfile = """
            FROM debian:12.5
            ARG EXTRA
            RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5 ./vendor/tool.deb $EXTRA \
             && apk add bash=5.2.21-r0
            """;
        Assert.Empty(Fixture.Findings("Dockerfile", dockerfile, "MLO206"));
    }

    [Fact]
    public void Two_commands_are_two_findings_and_a_scripts_apt_line_stays_silent()
    {
        const string dockerfile = """
            FROM debian:12.5
            RUN apt-get install -y libopenblas-dev && apt-get install -y libgomp1
            """;
        Assert.Equal(2, Fixture.Findings("Dockerfile", dockerfile, "MLO206").Count);
        Assert.DoesNotContain(Fixture.Scan(SourceDocument.FromText("scripts/setup.sh", "sudo apt-get install -y libopenblas-dev libgomp1\n")).Findings, f => f.RuleId == "MLO206");
    }
}
