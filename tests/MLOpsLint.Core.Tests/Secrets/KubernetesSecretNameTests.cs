using MLOpsLint.Core.Secrets;

namespace MLOpsLint.Core.Tests.Secrets;

/// <summary>A Kubernetes Secret's plain entries (a user, a database, a host) are not credentials, also under a prefix
/// (the ecosystem corpus: optuna-examples' Postgres manifest had POSTGRES_USER and POSTGRES_DB reported); its password is.</summary>
public class KubernetesSecretNameTests
{
    private const string Manifest = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: postgres-secret
        type: Opaque
        stringData:
          POSTGRES_PASSWORD: "kT9#vQ2mZx7LpW4r"
          POSTGRES_USER: "optuna"
          POSTGRES_DB: "optunaDatabase"
          redis-host: "cache.internal.example"
          DB_PASSWORD_FILE: "Zq8!mR3vLx6Tn2Pw"
        """;

    [Fact]
    public void Prefixed_plain_names_are_not_secrets_prefixed_passwords_are()
    {
        var matches = new List<SecretMatch>();
        KubernetesSecrets.Scan(Manifest, matches);
        Assert.Equal(new[] { "POSTGRES_PASSWORD", "DB_PASSWORD_FILE" }, matches.Select(m => m.Name).ToArray());
    }
}
