using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MLOpsLint.Core.Python.Tokens;
using MLOpsLint.Core.Text;
using Xunit.Abstractions;

namespace MLOpsLint.Core.Tests.Python;

/// <summary>
/// Tokenizes every .py file of the installed Python's standard library (site-packages left out) and compares
/// kind, text and start/end positions of every token with what that Python's own <c>tokenize</c> module reports,
/// generated now by Fixtures/Python/Conformance/tokenize_dump.py. The f-string mode follows the installed Python
/// (one STRING token up to 3.11, FSTRING_* from 3.12). Our columns count UTF-16 units; CPython's count code
/// points, so ours are converted before comparing. Where tokenize itself raises (EOF in a multi-line statement,
/// bad dedent), the tokens it produced before raising are compared.
/// </summary>
public sealed class CPythonConformanceTests
{
    private readonly ITestOutputHelper output;

    public CPythonConformanceTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task StandardLibraryTokensMatchCPythonTokenize()
    {
        string? stdlib = PythonProcess.Eval("import sysconfig; print(sysconfig.get_paths()['stdlib'])");
        if (stdlib == null || !Directory.Exists(stdlib))
        {
            Report("SKIPPED: python3 is not available on this machine; CPython conformance was not checked.");
            return;
        }
        string script = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Python", "Conformance", "tokenize_dump.py");
        var watch = Stopwatch.StartNew();
        using var process = PythonProcess.Start(script, stdlib, "--skip", "site-packages", "--skip", "__pycache__")!;
        var stderr = process.StandardError.ReadToEndAsync();

        var header = JsonDocument.Parse(process.StandardOutput.ReadLine()!).RootElement;
        var names = header.GetProperty("tok_name").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetString()!);
        var mode = header.GetProperty("fstring_tokens").GetBoolean() ? FStringMode.Nested : FStringMode.SingleToken;

        int files = 0, agreeing = 0, raised = 0, rejected = 0;
        long tokens = 0, tokensAgreeing = 0;
        var failures = new List<string>();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) != null)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            string path = root.GetProperty("path").GetString()!;
            var expected = root.GetProperty("tokens");
            bool pythonRaised = root.GetProperty("error").ValueKind == JsonValueKind.String;
            files++;
            if (pythonRaised && expected.GetArrayLength() == 0)
            {
                rejected++; // CPython cannot read it at all (bad coding declaration)
                agreeing++;
                continue;
            }
            if (pythonRaised) raised++;
            string text = root.GetProperty("source").ValueKind == JsonValueKind.String
                ? root.GetProperty("source").GetString()!
                : TextDecoder.Decode(File.ReadAllBytes(path), out _);
            var actual = PythonTokenizer.Tokenize(text, mode);
            var (agree, firstMismatch) = Compare(text, actual, expected, names, pythonRaised);
            tokens += expected.GetArrayLength();
            tokensAgreeing += agree;
            if (firstMismatch == null) agreeing++;
            else failures.Add($"{Path.GetRelativePath(stdlib, path)}: {firstMismatch}");
        }
        process.WaitForExit();
        string errors = await stderr;
        Assert.True(process.ExitCode == 0, "tokenize_dump.py failed: " + errors);

        Report($"CPython {header.GetProperty("version").GetString()} tokenize vs PythonTokenizer ({mode}) on {stdlib}: "
            + $"{agreeing}/{files} files fully agree, {tokensAgreeing}/{tokens} tokens agree "
            + $"({raised} files where tokenize raised compared up to the error, {rejected} files CPython rejects); {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var f in failures.Take(25)) Report("  " + f);
        Assert.True(files > 100, $"only {files} files found under {stdlib}");
        Assert.True(failures.Count == 0, $"{failures.Count} files disagree, first: {string.Join("\n", failures.Take(10))}");
    }

    private static (long Agree, string? FirstMismatch) Compare(string text, PyToken[] actual, JsonElement expected, Dictionary<int, string> names, bool prefixOnly)
    {
        bool hasSurrogates = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        long agree = 0;
        string? first = null;
        int n = expected.GetArrayLength();
        int i = 0;
        foreach (var e in expected.EnumerateArray())
        {
            string kind = names[e[0].GetInt32()];
            int sl = e[1].GetInt32(), sc = e[2].GetInt32(), el = e[3].GetInt32(), ec = e[4].GetInt32();
            string etext = e[5].GetString()!;
            if (i >= actual.Length)
            {
                first ??= $"token {i} missing; expected {kind} {sl}:{sc}-{el}:{ec} {Show(etext)}";
                i++;
                continue;
            }
            var t = actual[i];
            int ac = t.Column, aec = t.EndColumn;
            if (hasSurrogates)
            {
                ac = CodePoints(text, t.Start - t.Column, t.Column);
                aec = CodePoints(text, t.End - t.EndColumn, t.EndColumn);
            }
            string atext = t.GetText(text);
            if (t.Kind.CPythonName() == kind && t.Line == sl && ac == sc && t.EndLine == el && aec == ec && atext == etext)
            {
                agree++;
            }
            else
            {
                first ??= $"token {i}: expected {kind} {sl}:{sc}-{el}:{ec} {Show(etext)}, got {t.Kind.CPythonName()} {t.Line}:{ac}-{t.EndLine}:{aec} {Show(atext)}";
            }
            i++;
        }
        if (!prefixOnly && actual.Length != n)
        {
            first ??= $"{actual.Length} tokens, CPython has {n}";
        }
        return (agree, first);
    }

    private static int CodePoints(string text, int lineStart, int column)
    {
        if (lineStart < 0 || lineStart + column > text.Length) return column;
        int lows = 0;
        for (int k = lineStart; k < lineStart + column; k++)
        {
            if (char.IsLowSurrogate(text[k])) lows++;
        }
        return column - lows;
    }

    private static string Show(string s) => JsonSerializer.Serialize(s.Length > 60 ? s.Substring(0, 60) + "…" : s);

    private void Report(string message)
    {
        output.WriteLine(message);
        Console.WriteLine(message);
    }
}
