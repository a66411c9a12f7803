using MLOpsLint.Core.Documents;

namespace MLOpsLint.Core.Checks.Seeds;

/// <summary>Which files the seed rules look at, and how.</summary>
public static class ScriptScope
{
    public static bool IsPython(SourceDocument d) => d.Kind is DocumentKind.Python or DocumentKind.Notebook && d.HasText
        && !d.Path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    /// <summary>A test by its path, as the scope model reads paths (<see cref="Scope.PathScopes"/>): <c>test_*.py</c>,
    /// <c>*_test.py</c>, <c>conftest.py</c>, or under <c>tests/</c>, <c>test/</c>, <c>testing/</c>… — but not under
    /// <c>examples/</c>, where a <c>test_*.py</c> is an example. The engine also drops the findings of rules that do not
    /// judge tests (<see cref="Rules.RuleDescriptor.Scopes"/>), with what the content says too (a module importing pytest).</summary>
    public static bool IsTest(string path) =>
        Scope.PathScopes.Of(path, DocumentClassifier.Classify(path))?.Scope == Scope.FileScope.Test;
}
