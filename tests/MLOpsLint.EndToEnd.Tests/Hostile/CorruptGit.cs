namespace MLOpsLint.EndToEnd.Tests.Hostile;

/// <summary>The ways a repository's .git can be damaged (a bad disk, an interrupted clone, a hostile tarball). Each
/// builds a fresh small repository that holds a committed token and then damages it, so a scan that reads nothing
/// would pass silently.</summary>
public static class CorruptGit
{
    public static readonly string[] Kinds =
    {
        "pack-deleted", "blob-missing", "branch-to-missing-commit", "index-truncated", "index-empty", "head-garbage", "objects-garbage",
    };

    public static TempRepo Make(string kind)
    {
        var repo = TempRepo.Git();
        repo.Write("config.py", $"import os\nTOKEN = \"{FakeSecrets.GitHub()}\"\n");
        repo.Write("requirements.txt", "numpy\n");
        repo.Commit("first");
        repo.Write("train.py", "import random\nrandom.random()\n");
        repo.Commit("second");
        string git = Path.Combine(repo.Root, ".git");
        switch (kind)
        {
            case "pack-deleted":
                repo.Run("git", "gc", "-q");
                foreach (var f in Directory.GetFiles(Path.Combine(git, "objects", "pack"))) File.Delete(f);
                break;
            case "blob-missing":
                string blob = repo.Run("git", "rev-parse", "HEAD:config.py").Trim();
                File.Delete(Path.Combine(git, "objects", blob.Substring(0, 2), blob.Substring(2)));
                break;
            case "branch-to-missing-commit":
                File.WriteAllText(Path.Combine(git, "refs", "heads", "ghost"), new string('d', 40) + "\n");
                File.WriteAllText(Path.Combine(git, "refs", "heads", "main"), new string('e', 40) + "\n");
                break;
            case "index-truncated":
                var bytes = File.ReadAllBytes(Path.Combine(git, "index"));
                File.WriteAllBytes(Path.Combine(git, "index"), bytes.Take(bytes.Length / 2).ToArray());
                break;
            case "index-empty":
                File.WriteAllBytes(Path.Combine(git, "index"), Array.Empty<byte>());
                break;
            case "head-garbage":
                File.WriteAllText(Path.Combine(git, "HEAD"), "\0\u00ff garbage: refs/heads/../../x\n");
                break;
            case "objects-garbage":
                foreach (var dir in Directory.GetDirectories(Path.Combine(git, "objects")))
                {
                    foreach (var f in Directory.GetFiles(dir)) File.WriteAllBytes(f, new byte[] { 0x78, 0x9c, 0xff, 0x00, 0x13 });
                }
                break;
            default:
                throw new ArgumentException(kind);
        }
        return repo;
    }
}
