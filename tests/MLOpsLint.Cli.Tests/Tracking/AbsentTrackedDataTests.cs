using MLOpsLint.Cli.Tests.Support;

namespace MLOpsLint.Cli.Tests.Tracking;

/// <summary>MLO702 on a partial checkout: data git tracks but the work tree lacks (a blob the clone does not have, a
/// sparse checkout) is still in the repository, so a file ignored beside it is derived from committed data. Real git
/// repositories, scanned by the CLI.</summary>
public class AbsentTrackedDataTests
{
    private const string Ensemble = "import numpy as np\nfrom sklearn.linear_model import LinearRegression\n\n"
        + "if __name__ == '__main__':\n    y = np.load('data/testclas.npy')\n    LinearRegression().fit(X, y)\n";

    private static (int Exit, string Stdout) Scan(string root)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = MLOpsLint.Cli.Program.Run(new[] { "scan", root, "--format", "json", "--select", "MLO702" }, stdout, stderr, false, false);
        return (exit, stdout.ToString() + stderr.ToString());
    }

    [Fact]
    public void Committed_data_missing_from_the_work_tree_still_versions_its_folder()
    {
        using var repo = TempRepo.Git();
        repo.Write("utils/ensemble.py", Ensemble);
        repo.Write("data/.gitignore", "*\n!.gitignore\n!train.csv\n");
        repo.Write("data/train.csv", "a,b,label\n1,2,0\n");
        repo.Commit();
        File.Delete(Path.Combine(repo.Root, "data", "train.csv"));   // as a clone without the blob leaves it

        var (_, json) = Scan(repo.Root);
        Assert.DoesNotContain("\"MLO702\"", json);
        Assert.Contains("not in the work tree", json);
    }

    [Fact]
    public void The_same_folder_with_no_committed_data_fires()
    {
        using var repo = TempRepo.Git();
        repo.Write("utils/ensemble.py", Ensemble);
        repo.Write("data/.gitignore", "*\n!.gitignore\n");
        repo.Commit();

        var (_, json) = Scan(repo.Root);
        Assert.Contains("\"MLO702\"", json);
        Assert.Contains("data/testclas.npy", json);
    }
}
