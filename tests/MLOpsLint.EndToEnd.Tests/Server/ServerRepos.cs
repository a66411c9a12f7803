namespace MLOpsLint.EndToEnd.Tests.Server;

/// <summary>The small ML repository the language server tests open: a training script, requirements, a Dockerfile and
/// pyproject.toml that disagree on Python, a committed CSV, a notebook, and a virtual environment (ignored by git) that
/// has numpy installed.</summary>
public static class ServerRepos
{
    public const string Train = "import numpy as np\nfrom sklearn.model_selection import train_test_split\nX_train, X_test = train_test_split(X, y)\n";

    public static TempRepo MlProject()
    {
        var repo = TempRepo.Git();
        repo.Write("train.py", Train);
        repo.Write("requirements.txt", "numpy\npandas>=2.0\n");
        repo.Write("Dockerfile", "FROM python:3.9-slim\nCOPY . /app\n");
        repo.Write("pyproject.toml", "[project]\nname = \"demo\"\nversion = \"0.1\"\nrequires-python = \">=3.11\"\n");
        var csv = new System.Text.StringBuilder("a,b,c\n");
        var random = new Random(1);
        for (int i = 0; i < 40000; i++) csv.Append(i).Append(',').Append(random.NextDouble().ToString("F6", System.Globalization.CultureInfo.InvariantCulture)).Append(",x\n");
        repo.Write("data/train.csv", csv.ToString());
        repo.Write(".gitignore", ".venv/\n");
        repo.Write(".venv/lib/python3.11/site-packages/numpy-1.26.4.dist-info/METADATA", "Metadata-Version: 2.1\nName: numpy\nVersion: 1.26.4\n");
        repo.Commit("ml project");
        return repo;
    }
}
