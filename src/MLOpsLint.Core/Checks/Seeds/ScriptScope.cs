using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>Which files the seed rules look at, and how.</summary>
public static class ScriptScope
{
    public static bool IsPython(SourceDocument d) => d.Kind is DocumentKind.Python or DocumentKind.Notebook && d.HasText
        && !d.Path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    /// <summary>pytest's conventions: <c>test_*.py</c>, <c>*_test.py</c>, <c>conftest.py</c>, or under a
    /// <c>tests/</c> or <c>test/</c> folder.</summary>
    public static bool IsTest(string path)
    {
        string name = DocumentClassifier.FileName(path).ToLowerInvariant();
        if (name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal)
            || name == "conftest.py" || name.EndsWith("_test.ipynb", StringComparison.Ordinal))
        {
            return true;
        }
        var parts = path.Split('/');
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i] is "tests" or "test" or "testing") return true;
        }
        return false;
    }
}
