// hostile-gen DIR [test|ci|full] [--corrupt KIND]: writes the hostile corpus into DIR (a git repository with one commit,
// then the untracked special files). With --corrupt, prints the path of a small damaged repository instead.
using MLOpsLint.EndToEnd.Tests.Hostile;

if (args.Length >= 2 && args[0] == "--corrupt")
{
    var repo = CorruptGit.Make(args[1]);
    Console.WriteLine(repo.Root);
    return 0;
}
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: hostile-gen DIR [test|ci|full] | --corrupt KIND");
    return 2;
}
string dir = Path.GetFullPath(args[0]);
var scale = HostileScale.Named(args.Length > 1 ? args[1] : "ci");
HostileCorpus.CreateRepository(dir, scale);
Console.WriteLine(dir);
return 0;
