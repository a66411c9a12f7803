namespace MLOpsLint.EndToEnd.Tests.Support;

/// <summary>This checkout as it is now (uncommitted and untracked files included), committed in a clone in a temp folder:
/// what pre-commit clones and packs, what a user clones to build from source, what a release tag builds.</summary>
public static class CheckoutSnapshot
{
    /// <summary>Clones the checkout into <paramref name="temp"/>/<paramref name="name"/> with the work in progress committed
    /// on top; returns the clone's folder.</summary>
    public static string Commit(string temp, string name = "hook-repo")
    {
        string root = RepositoryRoot.Path;
        string clone = Path.Combine(temp, name);
        TempRepo.RunIn(temp, "git", "clone", "-q", "--no-hardlinks", root, clone);
        string diff = TempRepo.RunIn(root, "git", "diff", "HEAD", "--binary");
        if (diff.Length > 0)
        {
            string patch = Path.Combine(temp, name + ".patch");
            File.WriteAllText(patch, diff);
            TempRepo.RunIn(clone, "git", "apply", "--binary", patch);
        }
        foreach (var rel in TempRepo.RunIn(root, "git", "ls-files", "--others", "--exclude-standard", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            string target = Path.Combine(clone, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(root, rel), target, overwrite: true);
        }
        TempRepo.RunIn(clone, "git", "add", "-A");
        TempRepo.RunIn(clone, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false",
            "commit", "-q", "--allow-empty", "-m", "snapshot of the checkout");
        return clone;
    }
}
