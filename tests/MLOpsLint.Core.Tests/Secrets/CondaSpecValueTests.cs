using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Secrets;

/// <summary>A conda export's package spec whose name holds a credential fragment (pydata-google-auth) is a version, not a
/// secret (the ecosystem corpus: analokmaus/kaggle-g2net-public environment.yaml); a real value under such a name is.</summary>
public class CondaSpecValueTests
{
    [Fact]
    public void A_version_and_build_string_is_not_a_secret()
    {
        const string env = "name: g2net\ndependencies:\n  - pydata-google-auth=1.2.0=pyhd3eb1b0_0\n  - google-auth=1.22.1=py_0\n  - pyjwt=1.7.1=py37_0\n";
        Assert.DoesNotContain(Fixture.Scan("environment.yaml", env).Findings, f => f.RuleId.StartsWith("MLO4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_secret_value_under_a_credential_name_still_is()
    {
        const string cfg = "service:\n  auth_token: \"Xq7vR2mT9pLw4ZsN8kB3\"\n";
        Assert.Contains(Fixture.Scan("config.yaml", cfg).Findings, f => f.RuleId == "MLO404");
    }
}
