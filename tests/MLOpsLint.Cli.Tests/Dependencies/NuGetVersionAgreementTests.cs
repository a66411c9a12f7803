using MLOpsLint.Cli.Dependencies;
using MLOpsLint.Core.Parsing.MSBuild;

namespace MLOpsLint.Cli.Tests.Dependencies;

/// <summary>Core's small NuGet range classifier (analyzer-safe, no NuGet.Versioning) must agree with NuGet.Versioning.</summary>
public class NuGetVersionAgreementTests
{
    private static readonly string[] Handwritten =
    {
        "1", "1.0", "1.0.0", "1.0.0.0", "1.0.0-beta", "1.0.0-beta.1", "1.0.0-rc.1+build.5", "1.0.0+meta", "10.20.30.40",
        "*", "*-*", "1.*", "1.2.*", "1.2.3.*", "1.2.3-*", "1.2.3-beta*", "1.2.3-beta.*", "1.*-*", "1.2.*-*", "1.2.*-rc*",
        "[1.0]", "[1.0.0-beta]", "[1.0,)", "(1.0,)", "[1.0,2.0)", "[1.0,2.0]", "(1.0,2.0)", "(1.0,2.0]", "(,2.0]", "(,2.0)",
        "[1.0,1.0]", "[1.*,2.0)", "[1.*, )", "[ 1.0 , 2.0 )", " 1.0 ", "[1.0-beta,2.0)",
        "", " ", "abc", "1.0.0.0.0", "1..0", "[1.0", "1.0]", "(1.0)", "[,]", "[2.0,1.0]", "(1.0,1.0)", "[1.0,1.0)",
        "1.*.2", "1*", "1.2.3.4*", "[1.2*,1.3)", "[1.2*,1.2]", "(1.2*,1.2]", "1.2*-*", "[*,1.0]", "[*-*,)", "1.0-", "-1", "v1.0", "1.0.0-beta..1", "[1.0,2.0,3.0]", "*.1", "1.2*", "[1.0,2.*)", "1.0 2.0",
    };

    public static IEnumerable<object[]> Inputs()
    {
        var set = new HashSet<string>(Handwritten, StringComparer.Ordinal);
        string[] versions = { "0", "1", "1.2", "1.2.3", "1.2.3.4", "1.2.3-alpha", "1.2.3-alpha.2", "2.0.0+sha.1", "1.*", "1.2.*", "*", "1.2.3-*", "" };
        foreach (var a in versions)
        {
            set.Add(a);
            foreach (var b in versions)
            {
                foreach (var (open, close) in new[] { ("[", "]"), ("[", ")"), ("(", "]"), ("(", ")") })
                {
                    set.Add($"{open}{a},{b}{close}");
                }
            }
            set.Add($"[{a}]");
        }
        return set.Select(s => new object[] { s });
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Core_classifier_agrees_with_NuGet_Versioning(string input)
    {
        Assert.Equal(NuGetRangeJudge.Classify(input), NuGetVersionText.Classify(input));
    }

    [Fact]
    public void The_cli_installs_NuGet_Versioning_as_the_classifier()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(NuGetRangeJudge).Module.ModuleHandle);
        Assert.Equal(NuGetVersionKind.Floating, MLOpsLint.Core.Checks.Dependencies.NuGetVersionCheck.Classifier("1.*"));
    }
}
