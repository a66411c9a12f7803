namespace MLOpsLint.Core.Python;

/// <summary>
/// Which files of the repository a Python import may name: the dotted names a module file answers to, and the files a
/// relative import (<c>.utils</c>, <c>..pkg</c>) stands for. One piece for every cross-file index (the seed rules, the
/// tracking rules, the language server's seeds neighbourhood), so that they resolve imports alike.
/// </summary>
internal static class ImportPaths
{
    /// <summary>"a/b/c.py" → c, b.c, a.b.c; "a/b/__init__.py" → b, a.b.</summary>
    public static IEnumerable<string> DottedNames(string path)
    {
        var parts = path.Substring(0, path.Length - 3).Split('/').ToList();
        if (parts[parts.Count - 1] == "__init__") parts.RemoveAt(parts.Count - 1);
        for (int i = parts.Count - 1; i >= 0; i--)
        {
            yield return string.Join(".", parts.Skip(i));
        }
    }

    /// <summary>The paths a relative import <paramref name="dotted"/> in the file at <paramref name="fromPath"/> may name,
    /// in this order: the module file (when the name goes on past its dots) and the package's <c>__init__.py</c>.</summary>
    public static IEnumerable<string> RelativeTargets(string fromPath, string dotted)
    {
        int k = 0;
        while (k < dotted.Length && dotted[k] == '.') k++;
        string dir = Folder(fromPath);
        for (int up = 1; up < k; up++) dir = Folder(dir);
        string rest = dotted.Substring(k).Replace('.', '/');
        string basePath = rest.Length == 0 ? dir : (dir.Length == 0 ? rest : dir + "/" + rest);
        if (rest.Length > 0) yield return basePath + ".py";
        yield return basePath.Length == 0 ? "__init__.py" : basePath + "/__init__.py";
    }

    private static string Folder(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash);
    }
}
