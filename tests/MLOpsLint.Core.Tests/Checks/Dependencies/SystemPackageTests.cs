using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Dependencies;

/// <summary>MLO206: one finding per apt/apk command, listing its unpinned packages (issue 13: a 45-package line gave 45 findings).</summary>
public class SystemPackageTests
{
    private static readonly string[] Packages = Enumerable.Range(0, 45).Select(i => "lib-pkg" + i).ToArray();

    [Fact]
    public void A_45_package_apt_get_line_is_one_finding_listing_every_package()
    {
        string dockerfile = "FROM python:3.11-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
            + "RUN apt-get update && apt-get install -y --no-install-recommends " + string.Join(" ", Packages) + " && rm -rf /var/lib/apt/lists/*\n";
        var f = Assert.Single(Fixture.Findings("Dockerfile", dockerfile, "MLO206"));
        Assert.Equal(2, f.Span.StartLine);
        Assert.StartsWith("45 system packages in apt-get install (Dockerfile) have no version: 'lib-pkg0', 'lib-pkg1'", f.Message);
        foreach (var p in Packages) Assert.Contains("'" + p + "'", f.Message);
        Assert.Contains("apt-get install lib-pkg0=<version> lib-pkg1=<version> lib-pkg2=<version> …", f.Fix);
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
            RUN apk add --no-cache bash tini
            """;
        var findings = Fixture.Findings("Dockerfile", dockerfile, "MLO206").OrderBy(f => f.Span.StartLine).ToArray();
        Assert.Equal(2, findings.Length);
        Assert.Equal((4, 6), (findings[0].Span.StartLine, findings[0].Span.EndLine));
        Assert.Contains("2 system packages in apt-get install (Dockerfile) have no version: 'libgomp1', 'libopenblas0'", findings[0].Message);
        Assert.Equal(7, findings[1].Span.StartLine);
        Assert.Contains("'bash', 'tini'", findings[1].Message);

        Assert.Empty(Fixture.Findings("Dockerfile", dockerfile.Replace("libopenblas0", "libopenblas0  # noqa: MLO206").Replace("tini", "tini  # noqa: MLO206"), "MLO206"));
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
            RUN apt-get install -y curl && apt-get install -y git
            """;
        Assert.Equal(2, Fixture.Findings("Dockerfile", dockerfile, "MLO206").Count);
        Assert.DoesNotContain(Fixture.Scan(SourceDocument.FromText("scripts/setup.sh", "sudo apt-get install -y curl git\n")).Findings, f => f.RuleId == "MLO206");
    }
}
