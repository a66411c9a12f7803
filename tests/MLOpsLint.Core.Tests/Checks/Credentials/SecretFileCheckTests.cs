using MLOpsLint.Core.Tests.Secrets;
using MLOpsLint.Core.Tests.Support;

namespace MLOpsLint.Core.Tests.Checks.Credentials;

public class SecretFileCheckTests
{
    private static bool Fires(string path, string text) => Fixture.Findings(path, text, "MLO405").Count == 1;

    [Theory]
    [InlineData(".env", "API_TOKEN=Zq8mW3nR7tY2pL5kJ9hGx\nDEBUG=1\n")]
    [InlineData(".env.local", "DB_PASSWORD=hunter22x\n")]
    [InlineData("app/.env.production", "export SECRET_KEY='Zq8mW3nR7tY2pL5kJ9hGx'\n")]
    [InlineData(".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAw\n")]
    [InlineData(".netrc", "machine api.wandb.ai\n  login user\n  password 0a1b2c3d4e5f60718293a4b5c6d7e8f901234567\n")]
    [InlineData("kaggle.json", "{\"username\":\"alice\",\"key\":\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\"}")]
    [InlineData("credentials.json", "{\"installed\":{\"client_id\":\"1.apps.googleusercontent.com\",\"client_secret\":\"GOCSPX-Zq8mW3nR7tY2pL5kJ9hG\"}}")]
    [InlineData(".dvc/config", "['remote \"storage\"']\n    url = s3://ml-bucket/dvc\n    access_key_id = AKIAZQ8MW3NR7TY2PL5K\n    secret_access_key = Zq8mW3nR7tY2pL5kJ9hGZq8mW3nR7tY2pL5kJ9hG\n")]
    [InlineData(".npmrc", "//registry.npmjs.org/:_authToken=Zq8mW3nR7tY2pL5kJ9hGx\n")]
    [InlineData(".git-credentials", "https://alice:Zq8mW3nR7tY2@github.com\n")]
    public void Secret_files_fire(string path, string text) => Assert.True(Fires(path, text), path);

    [Fact]
    public void Key_files_and_service_accounts_fire()
    {
        Assert.True(Fires("deploy/id_rsa", FakeSecrets.Pem("OPENSSH PRIVATE KEY")));
        Assert.True(Fires("certs/server.pem", FakeSecrets.Pem("PRIVATE KEY")));
        Assert.True(Fires("certs/server.key", FakeSecrets.Pem("EC PRIVATE KEY")));
        Assert.True(Fires("gcp/trainer-sa.json", FakeSecrets.ServiceAccountJson()));
        // the key file is reported once, as a file, not again as MLO402
        Assert.Empty(Fixture.Findings("deploy/id_rsa", FakeSecrets.Pem("OPENSSH PRIVATE KEY"), "MLO402"));
        // the service account's key is an MLO401 at its line
        Assert.Single(Fixture.Findings("gcp/trainer-sa.json", FakeSecrets.ServiceAccountJson(), "MLO401"));
    }

    [Theory]
    [InlineData(".env.example", "API_TOKEN=Zq8mW3nR7tY2pL5kJ9hGx\n")]
    [InlineData(".env.sample", "DB_PASSWORD=\n")]
    [InlineData(".env.template", "DB_PASSWORD=changeme\n")]
    [InlineData(".env", "API_TOKEN=\nDB_PASSWORD=<your password>\nHF_TOKEN=${HF_TOKEN}\n# comment\n")]
    [InlineData(".env", "PYTHONPATH=src\nLOG_LEVEL=debug\n")]
    [InlineData("kaggle.json", "{\"username\":\"\",\"key\":\"\"}")]
    [InlineData(".pypirc", "[pypi]\nusername = __token__\npassword = <your token>\n")]
    [InlineData("certs/ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")]
    [InlineData("settings.json", "{\"editor.tabSize\": 4}")]
    [InlineData(".dvc/config", "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://ml-bucket/dvc\n")]
    public void Harmless_files_do_not_fire(string path, string text) => Assert.False(Fires(path, text), path);

    [Fact]
    public void Whole_file_finding_is_sensitive()
    {
        var f = Assert.Single(Fixture.Findings(".env", "API_TOKEN=Zq8mW3nR7tY2pL5kJ9hGx\n", "MLO405"));
        Assert.True(f.IsSensitive);
        Assert.Equal(Core.Findings.SourceSpan.WholeFile, f.Span);
        Assert.DoesNotContain("Zq8mW3nR7tY2pL5kJ9hGx", f.Message);
    }
}
