using MLOpsLint.Core.Checks;
using MLOpsLint.Core.Configuration;
using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Environments;

namespace MLOpsLint.Core.Tests.Checks.Mismatch;

/// <summary>Issue 8: deployment manifests as serving signals, notebook <c>%pip</c> pins as library facts.</summary>
public class DeploymentAndNotebookTests
{
    private const string PyProject311 = """
        [project]
        name = "churn"
        version = "0.1.0"
        requires-python = ">=3.11"
        """;

    private static string Deployment(string image) => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: churn
        spec:
          ports:
            - port: 80
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: churn
        spec:
          replicas: 2
          template:
            spec:
              initContainers:
                - name: migrate
                  image: python:3.8-slim
              containers:
                - name: api
                  image: {{image}}
                  ports:
                    - containerPort: 8080
        """ + "\n";

    [Fact]
    public void K8s_python_image_excluded_by_requires_python()
    {
        var f = Assert.Single(Repo.Run("MLO601",
            ("deploy/k8s/deployment.yaml", Deployment("python:3.9-slim")),
            ("pyproject.toml", PyProject311)));
        Assert.Equal(("deploy/k8s/deployment.yaml", 22, 18), (f.Path, f.Span.StartLine, f.Span.StartColumn));
        Assert.Contains("3.9", f.Message);
        Assert.Contains(">=3.11", f.Message);
        var related = Assert.Single(f.Related);
        Assert.Equal(("pyproject.toml", 4), (related.Path, related.Span.StartLine));
    }

    [Theory]
    [InlineData("python:3.11-slim")]
    [InlineData("python:3.12")]
    [InlineData("registry.example.com/churn-api:1.2")]
    [InlineData("python:${PY}-slim")]
    public void Consistent_or_unknown_k8s_image_is_silent(string image)
    {
        Assert.Empty(Repo.Run("MLO601", ("deploy/k8s/deployment.yaml", Deployment(image)), ("pyproject.toml", PyProject311)));
    }

    [Fact]
    public void Compose_service_image_is_a_serving_python()
    {
        const string compose = "services:\n  api:\n    image: python:3.9-slim\n    ports: [\"8080:8080\"]\n  db:\n    image: postgres:16\n";
        var f = Assert.Single(Repo.Run("MLO601", ("docker-compose.yml", compose), ("pyproject.toml", PyProject311)));
        Assert.Equal(("docker-compose.yml", 3), (f.Path, f.Span.StartLine));
        Assert.Empty(Repo.Run("MLO601", ("docker-compose.yml", compose.Replace("3.9", "3.11")), ("pyproject.toml", PyProject311)));
    }

    [Theory]
    [InlineData("model:\n  name: resnet\n  image: python:3.9-slim\ntraining:\n  epochs: 3\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\ndata:\n  image: python:3.9-slim\n")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: {{ .Values.image }}\n          name: [\n")]
    public void Non_manifest_or_malformed_yaml_adds_nothing(string yaml)
    {
        var doc = SourceDocument.FromText("configs/train.yaml", yaml);
        var facts = FactReader.Of(doc);
        Assert.True(facts.IsEmpty);
        Assert.Null(facts.DeploymentManifest);
        Assert.Empty(Repo.Run("MLO601", ("configs/train.yaml", yaml), ("pyproject.toml", PyProject311)));
    }

    [Fact]
    public void Manifest_marks_its_folder_as_serving()
    {
        var repo = new RepositorySnapshot(new[]
        {
            SourceDocument.FromText("k8s/deployment.yaml", Deployment("registry.example.com/churn-api:1.2")),
            SourceDocument.FromText("k8s/requirements.txt", "scikit-learn==1.0.2\n"),
            SourceDocument.FromText("requirements.txt", "scikit-learn==1.3.2\n"),
        });
        var model = EnvironmentModel.Build(repo, LintConfig.Default);
        var env = Assert.Single(model.EnvironmentsOf("k8s/requirements.txt"));
        Assert.Equal(EnvironmentRole.Serving, env.Role);
        Assert.Contains("Kubernetes Deployment", env.Why);
        Assert.Equal(EnvironmentRole.Serving, Assert.Single(model.EnvironmentsOf("k8s/deployment.yaml")).Role);
        Assert.Equal(EnvironmentRole.Unknown, Assert.Single(model.EnvironmentsOf("requirements.txt")).Role);
        var f = Assert.Single(Repo.Run("MLO603",
            ("k8s/deployment.yaml", Deployment("registry.example.com/churn-api:1.2")),
            ("k8s/requirements.txt", "scikit-learn==1.0.2\n"),
            ("requirements.txt", "scikit-learn==1.3.2\n")));
        Assert.Equal("k8s/requirements.txt", f.Path);
    }

    [Fact]
    public void K8s_dotnet_runtime_image_older_than_the_target_framework()
    {
        const string csproj = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n";
        var f = Assert.Single(Repo.Run("MLO604",
            ("deploy/api.yaml", Deployment("mcr.microsoft.com/dotnet/aspnet:6.0")),
            ("src/Api/Api.csproj", csproj)));
        Assert.Equal(("deploy/api.yaml", 22), (f.Path, f.Span.StartLine));
        Assert.Contains("6.0", f.Message);
        Assert.Empty(Repo.Run("MLO604", ("deploy/api.yaml", Deployment("mcr.microsoft.com/dotnet/aspnet:8.0")), ("src/Api/Api.csproj", csproj)));
    }

    // ------------------------------------------------------------------ notebooks

    private static string Notebook(params string[] cells)
    {
        var list = cells.Select(c => "{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], \"source\": "
            + Json(c) + "}");
        return "{\"cells\": [" + string.Join(", ", list) + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";
    }

    private static string Json(string cell)
    {
        var lines = cell.Split('\n');
        var source = lines.Select((l, i) => i < lines.Length - 1 ? l + "\n" : l).ToArray();
        return System.Text.Json.JsonSerializer.Serialize(source,
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    [Fact]
    public void Notebook_pip_pin_against_serving_requirements()
    {
        string nb = Notebook("import pandas as pd", "%pip install scikit-learn==1.3.2 pandas\n!pip install -q xgboost");
        var f = Assert.Single(Repo.Run("MLO603",
            ("notebooks/train.ipynb", nb),
            ("serve/requirements.txt", "fastapi==0.110.0\nscikit-learn==1.0.2\n")));
        Assert.Equal(("serve/requirements.txt", 2), (f.Path, f.Span.StartLine));
        Assert.Contains("1.3.2", f.Message);
        var r = Assert.Single(f.Related);
        Assert.Equal("notebooks/train.ipynb", r.Path);
        Assert.Contains("scikit-learn==1.3.2", nb.Split('\n')[r.Span.StartLine - 1].Substring(r.Span.StartColumn - 1));
    }

    [Theory]
    [InlineData("%pip install scikit-learn==1.0.2")]
    [InlineData("!pip install 'scikit-learn>=1.0,<1.1'")]
    [InlineData("!pip install scikit-learn")]
    [InlineData("!pip install scikit-learn=={version}")]
    [InlineData("print('pip install scikit-learn==1.3.2')")]
    public void Consistent_or_unpinned_notebook_is_silent(string line)
    {
        Assert.Empty(Repo.Run("MLO603",
            ("notebooks/train.ipynb", Notebook(line)),
            ("serve/requirements.txt", "scikit-learn==1.0.2\n")));
    }

    [Fact]
    public void Notebook_pins_are_library_facts_of_a_training_environment()
    {
        var doc = SourceDocument.FromText("analysis.ipynb", Notebook("!pip install torch==2.1.0 numpy"));
        var fact = Assert.Single(FactReader.Of(doc).Libraries);
        Assert.Equal(("torch", LibrarySource.Notebook), (fact.Name, fact.Source));
        var model = EnvironmentModel.Build(new RepositorySnapshot(new[] { doc }), LintConfig.Default);
        Assert.Equal(EnvironmentRole.Training, Assert.Single(model.EnvironmentsOf("analysis.ipynb")).Role);
    }
}
