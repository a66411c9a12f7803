using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Scope;

namespace MLOpsLint.Core.Checks.CommittedData;

/// <summary>
/// Folders of tests that their name does not announce: a folder below the root whose Python files are all tests
/// (<c>test_docker.py</c>, <c>test_kinesis.py</c> in mlops-zoomcamp's misspelt <c>integraton-test/</c>). The model a
/// folder's tests load (<c>integraton-test/model/model.pkl</c>) is their fixture. A folder that also holds other code
/// (<c>app.py</c> beside <c>test_app.py</c>) is the application's, and the root never counts.
/// </summary>
internal static class TestFolders
{
    public static HashSet<string> Of(IEnumerable<SourceDocument> documents, CheckContext context)
    {
        var verdict = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            if (d.Kind != DocumentKind.Python) continue;
            string folder = DataPlaces.FolderOf(d.Path);
            if (folder.Length == 0) continue;
            // a folder with one module that is not a test is decided: its other modules need not be asked (in a staged scan,
            // asking is reading each module's cached test sign)
            if (verdict.TryGetValue(folder, out bool all) && !all) continue;
            bool test = context.Scopes.IsTest(d);
            verdict[folder] = test;
        }
        return new HashSet<string>(verdict.Where(kv => kv.Value).Select(kv => kv.Key), StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="path"/> is in one of <paramref name="folders"/> or below one.</summary>
    public static bool Contains(ISet<string> folders, string path)
    {
        for (string f = DataPlaces.FolderOf(path); f.Length > 0; f = DataPlaces.FolderOf(f))
        {
            if (folders.Contains(f)) return true;
        }
        return false;
    }
}
