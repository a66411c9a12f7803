namespace MLOpsLint.Core.Tests.Checks.Mismatch;

public class DotNetAndCudaTests
{
    private static string Csproj(string tfm) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>{tfm}</TargetFramework>
          </PropertyGroup>
        </Project>
        """;

    private const string ApiDockerfile = """
        FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
        WORKDIR /src
        COPY src/Api/Api.csproj src/Api/
        RUN dotnet restore src/Api/Api.csproj
        COPY . .
        RUN dotnet publish src/Api/Api.csproj -c Release -o /app
        FROM mcr.microsoft.com/dotnet/aspnet:6.0
        COPY --from=build /app /app
        ENTRYPOINT ["dotnet", "/app/Api.dll"]
        """;

    [Fact]
    public void Target_framework_newer_than_runtime_image()
    {
        var f = Assert.Single(Repo.Run("MLO604", ("Dockerfile", ApiDockerfile), ("src/Api/Api.csproj", Csproj("net8.0"))));
        Assert.Equal(("Dockerfile", 7), (f.Path, f.Span.StartLine));
        Assert.Contains("net8.0", f.Message);
        Assert.Contains("6.0", f.Message);
        Assert.Equal(("src/Api/Api.csproj", 3), (f.Related[0].Path, f.Related[0].Span.StartLine));
        Assert.Contains("aspnet:8.0", f.Fix);
    }

    [Theory]
    [InlineData("net6.0")]
    [InlineData("net6.0;net8.0")]
    [InlineData("netstandard2.0")]
    [InlineData("net48")]
    public void Runnable_targets_are_silent(string tfm)
    {
        Assert.Empty(Repo.Run("MLO604", ("Dockerfile", ApiDockerfile), ("src/Api/Api.csproj", Csproj(tfm))));
    }

    [Fact]
    public void The_build_stage_sdk_is_not_the_runtime_and_unlinked_projects_are_ignored()
    {
        // sdk:6.0 builds, aspnet:8.0 runs: the runtime is fine (a build failure would be loud anyway).
        Assert.Empty(Repo.Run("MLO604", ("Dockerfile", ApiDockerfile.Replace("sdk:8.0", "sdk:6.0").Replace("aspnet:6.0", "aspnet:8.0")), ("src/Api/Api.csproj", Csproj("net8.0"))));
        // A Dockerfile that names no project, with several projects around: no link, no finding.
        Assert.Empty(Repo.Run("MLO604",
            ("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nCOPY out/ /app\n"),
            ("src/Api/Api.csproj", Csproj("net8.0")), ("src/Trainer/Trainer.csproj", Csproj("net8.0"))));
    }

    [Fact]
    public void Project_beside_the_dockerfile_and_directory_build_props()
    {
        var f = Assert.Single(Repo.Run("MLO604",
            ("web/Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:7.0-alpine\nCOPY bin/Release/publish /app\n"),
            ("web/Web.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>"),
            ("Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>")));
        Assert.Equal("Directory.Build.props", f.Related[0].Path);
    }

    // ---------------------------------------------------------------- MLO605

    private static string Workflow(string dotnetWith) => $"""
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/setup-dotnet@v4
                with:
        {dotnetWith}
              - run: dotnet test
        """;

    [Fact]
    public void Global_json_sdk_not_installed_by_ci()
    {
        var f = Assert.Single(Repo.Run("MLO605",
            (".github/workflows/ci.yml", Workflow("          dotnet-version: 8.0.x")),
            ("global.json", "{\n  \"sdk\": {\n    \"version\": \"9.0.100\"\n  }\n}\n")));
        Assert.Equal((".github/workflows/ci.yml", 8), (f.Path, f.Span.StartLine));
        Assert.Contains("8.0.x", f.Message);
        Assert.Contains("9.0.100", f.Message);
        Assert.Equal(("global.json", 3), (f.Related[0].Path, f.Related[0].Span.StartLine));
    }

    [Theory]
    [InlineData("          dotnet-version: 9.0.x", "9.0.100", "patch")]
    [InlineData("          dotnet-version: '9.0'", "9.0.100", "patch")]
    [InlineData("          dotnet-version: 9.0.1xx", "9.0.100", "patch")]
    [InlineData("          dotnet-version: 9.0.300", "9.0.100", "latestFeature")]
    [InlineData("          dotnet-version: 10.0.x", "9.0.100", "latestMajor")]
    [InlineData("          dotnet-version: |\n            8.0.x\n            9.0.x", "9.0.100", "patch")]
    [InlineData("          global-json-file: global.json", "9.0.100", "patch")]
    [InlineData("          dotnet-version: ${{ env.DOTNET }}", "9.0.100", "patch")]
    public void Ci_that_can_provide_the_sdk_is_silent(string with, string version, string roll)
    {
        Assert.Empty(Repo.Run("MLO605",
            (".github/workflows/ci.yml", Workflow(with)),
            ("global.json", $"{{\"sdk\": {{\"version\": \"{version}\", \"rollForward\": \"{roll}\"}}}}")));
    }

    [Theory]
    [InlineData("          dotnet-version: 9.0.300", "9.0.100", "patch")]
    [InlineData("          dotnet-version: 8.0.x", "9.0.100", "latestMajor")]
    public void Ci_that_cannot_provide_the_sdk_fires(string with, string version, string roll)
    {
        Assert.Single(Repo.Run("MLO605",
            (".github/workflows/ci.yml", Workflow(with)),
            ("global.json", $"{{\"sdk\": {{\"version\": \"{version}\", \"rollForward\": \"{roll}\"}}}}")));
    }

    // ---------------------------------------------------------------- MLO606

    [Fact]
    public void Torch_cu121_on_a_cuda_11_8_image()
    {
        var f = Assert.Single(Repo.Run("MLO606",
            ("Dockerfile", "FROM nvidia/cuda:11.8.0-runtime-ubuntu22.04\nRUN pip install torch==2.1.0+cu121 numpy==1.26.4\n")));
        Assert.Equal(("Dockerfile", 2), (f.Path, f.Span.StartLine));
        Assert.Contains("12.1", f.Message);
        Assert.Contains("11.8", f.Message);
        Assert.Equal(1, f.Related[0].Span.StartLine);
        Assert.Contains("cu118", f.Fix);
    }

    [Theory]
    [InlineData("FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nRUN pip install torch==2.1.0+cu121")]
    [InlineData("FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04\nRUN pip install torch==2.1.0+cu121")]
    [InlineData("FROM nvidia/cuda:11.8.0-runtime-ubuntu22.04\nRUN pip install torch==2.1.0+cu118 torchvision==0.16.0+cu118")]
    [InlineData("FROM nvidia/cuda:11.8.0-runtime-ubuntu22.04\nRUN pip install torch==2.1.0+cpu")]
    [InlineData("FROM python:3.11-slim\nRUN pip install torch==2.1.0+cu121")]
    [InlineData("FROM nvidia/cuda:12.2.2-runtime-ubuntu22.04\nRUN pip install \"jax[cuda12]==0.4.23\"")]
    [InlineData("FROM nvidia/cuda:11.8.0-devel-ubuntu22.04 AS build\nRUN pip wheel torch==2.1.0+cu118\nFROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nRUN pip install torch==2.1.0+cu121")]
    public void Matching_cuda_is_silent(string dockerfile)
    {
        Assert.Empty(Repo.Run("MLO606", ("Dockerfile", dockerfile + "\n")));
    }

    [Theory]
    [InlineData("FROM pytorch/pytorch:2.1.0-cuda11.8-cudnn8-runtime\nRUN pip install torchvision==0.16.0+cu121")]
    [InlineData("FROM tensorflow/tensorflow:2.15.0-gpu\nRUN pip install torch==2.1.0+cu118")]
    [InlineData("FROM nvidia/cuda:11.8.0-runtime-ubuntu22.04\nRUN pip install torch==2.1.0 --index-url https://download.pytorch.org/whl/cu121")]
    [InlineData("FROM nvidia/cuda:11.8.0-runtime-ubuntu22.04\nRUN pip install \"jax[cuda12_pip]\"")]
    [InlineData("FROM nvidia/cuda:12.0.1-runtime-ubuntu22.04\nRUN pip install torch==2.1.0+cu121")]
    public void Mismatched_cuda_fires(string dockerfile)
    {
        var f = Assert.Single(Repo.Run("MLO606", ("Dockerfile", dockerfile + "\n")));
        Assert.Equal(2, f.Span.StartLine);
    }

    [Fact]
    public void Wheels_from_an_installed_requirements_file()
    {
        var f = Assert.Single(Repo.Run("MLO606",
            ("Dockerfile", "FROM nvidia/cuda:11.8.0-runtime-ubuntu22.04\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"),
            ("requirements.txt", "--extra-index-url https://download.pytorch.org/whl/cu121\ntorch==2.1.0\nnumpy==1.26.4\n")));
        Assert.Equal(("requirements.txt", 1), (f.Path, f.Span.StartLine));
        // The same file with the matching index is fine.
        Assert.Empty(Repo.Run("MLO606",
            ("Dockerfile", "FROM nvidia/cuda:11.8.0-runtime-ubuntu22.04\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"),
            ("requirements.txt", "--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.1.0\n")));
    }
}
