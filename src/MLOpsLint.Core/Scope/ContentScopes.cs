using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Python;

namespace MLOpsLint.Core.Scope;

/// <summary>
/// The part of the scope model that reads a file's content, for the files whose path does not decide: a Python
/// module that imports pytest is a test, one with <c>if __name__ == "__main__":</c> or a training call at the top
/// level is a script — a benchmark when its docstring says it measures memory or speed and it calls a memory or timing
/// API (<see cref="MeasurementScripts"/>) — any other is a library module. Reads the Python front end's module, which the document's
/// checks share (it is parsed once, whoever asks first).
/// </summary>
public static class ContentScopes
{
    /// <summary>Calls that make a module a script when made outside every function.</summary>
    private static readonly HashSet<string> TopLevelRunNames = new(StringComparer.Ordinal)
    {
        "fit", "fit_generator", "train", "backward", "parse_args", "main", "run", "launch", "serve", "train_model", "evaluate",
    };

    private static readonly string[] ScriptFolders = { "scripts", "script", "bin", "tools", "cli" };

    public static ScopeVerdict Of(SourceDocument document, RepositoryKind repository)
    {
        if (document.Kind == DocumentKind.Shell) return new(FileScope.Script, "a shell script");
        if (document.Kind == DocumentKind.CSharp) return new(FileScope.Library, "C# source");
        if (document.Kind == DocumentKind.Notebook) return new(FileScope.Notebook, "a notebook");
        if (document.Kind != DocumentKind.Python || !document.HasText) return new(FileScope.Other, "not code");

        var module = PythonModule.Of(document);
        foreach (var import in module.Imports)
        {
            string m = import.ModuleName;
            if (m == "pytest" || m.StartsWith("pytest.", StringComparison.Ordinal) || m.StartsWith("_pytest", StringComparison.Ordinal))
            {
                return new(FileScope.Test, "imports pytest");
            }
            if ((m == "unittest" && import.Name is null or "TestCase") && module.Text.Contains("TestCase"))
            {
                return new(FileScope.Test, "a unittest.TestCase module");
            }
        }
        if (ScriptReason(module, document.Path) is not { } script)
        {
            return new(FileScope.Library, repository == RepositoryKind.Library ? "a module of the package" : "a module with no entry point");
        }
        // a script written to measure memory or speed is a benchmark (a library module of measuring helpers stays one)
        return MeasurementScripts.Reason(module) is { } measures ? new(FileScope.Benchmark, $"a script that measures: {script}; {measures}") : new(FileScope.Script, script);
    }

    /// <summary>Why the module is run rather than imported, or null.</summary>
    private static string? ScriptReason(PythonModule module, string path)
    {
        if (HasMainGuard(module)) return "has if __name__ == \"__main__\"";
        foreach (var call in module.Calls)
        {
            if (call.EnclosingFunction == null && TopLevelRunNames.Contains(call.Name)) return $"calls {call.Name}() at the top level";
        }
        var parts = path.Split('/');
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (ScriptFolders.Contains(parts[i], StringComparer.OrdinalIgnoreCase)) return $"path under {string.Join("/", parts, 0, i + 1)}/";
        }
        return null;
    }

    /// <summary>False when <see cref="Of"/> cannot call a module with this text a test: it does for an import of pytest or of
    /// unittest, whose names an import spells out.</summary>
    public static bool MayBeTest(SourceDocument document) =>
        document.GetOrAdd(d => new TestSign(MayBeTestBytes(d))).Value;

    private static readonly byte[] PytestBytes = System.Text.Encoding.ASCII.GetBytes("pytest");
    private static readonly byte[] UnittestBytes = System.Text.Encoding.ASCII.GetBytes("unittest");

    /// <summary><see cref="MayBeTest(string)"/> of the document's text, read from its bytes without decoding them (a history
    /// scan asks it of every Python blob): in UTF-8, valid or not, an ASCII byte is always that character of the text, so
    /// the names are in the bytes exactly when they are in the text. A UTF-16 file (byte order mark) is decoded.</summary>
    internal static bool MayBeTestBytes(SourceDocument document)
    {
        var bytes = document.Content.Span;
        if (Text.TextDecoder.StartsWithUtf16Bom(bytes)) return MayBeTest(document.Text);
        return bytes.IndexOf(PytestBytes) >= 0 || bytes.IndexOf(UnittestBytes) >= 0;
    }

    /// <summary>Whether a module's text names pytest or unittest, kept on the document (and in the facts cache): a repository
    /// check asks it of every module (<see cref="ScopeModel.IsTest"/>).</summary>
    internal sealed class TestSign
    {
        public TestSign(bool value) => Value = value;

        public bool Value { get; }
    }

    /// <summary>Keeps <see cref="TestSign"/> in the facts cache (<see cref="FormCodecs"/>).</summary>
    internal static readonly FormCodec<TestSign> TestSignCodec = FormCodec<TestSign>.Flag("scope.test-sign", f => f.Value, v => new TestSign(v));

    public static bool MayBeTest(string text) =>
        text.IndexOf("pytest", StringComparison.Ordinal) >= 0 || text.IndexOf("unittest", StringComparison.Ordinal) >= 0;

    /// <summary><c>if __name__ == "__main__":</c>: a <c>__name__</c> name and a <c>"__main__"</c> string.</summary>
    public static bool HasMainGuard(PythonModule module) =>
        module.Text.IndexOf("__main__", StringComparison.Ordinal) >= 0
        && module.NextName("__name__", 0) >= 0
        && module.StringLiterals.Any(s => s.ValueIs("__main__"));
}
