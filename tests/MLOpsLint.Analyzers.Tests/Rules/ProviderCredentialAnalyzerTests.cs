using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MLOpsLint.Analyzers.Rules;

namespace MLOpsLint.Analyzers.Tests.Rules;

/// <summary>
/// The IDE analyzer and the CLI are one for every provider format (issue 14 point 5): each generated credential,
/// stored in a C# constant named as users name it, is one MLO401 at the value, named as that provider, with only a
/// redacted prefix in the message; a placeholder beside it is silent.
/// </summary>
public class ProviderCredentialAnalyzerTests
{
    [Fact]
    public async Task Every_provider_format_is_reported_by_the_analyzer_at_its_value_and_redacted()
    {
        var formats = ProviderSamples.All.Where(p => !p.YamlOnly).ToList();
        var source = new System.Text.StringBuilder("namespace Ml;\n\npublic static class Settings\n{\n");
        var lines = new List<(ProviderFormat Format, string Value, int Line)>();
        for (int i = 0; i < formats.Count; i++)
        {
            string value = formats[i].Valid(9000 + i);
            string name = string.Concat(formats[i].Variable.ToLowerInvariant().Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1)));
            lines.Add((formats[i], value, 4 + 2 * i));
            source.Append("    public const string ").Append(name).Append(i).Append(" = \"").Append(value).Append("\";\n");
            source.Append("    public const string ").Append(name).Append("Example").Append(i).Append(" = \"your-api-key-here\";\n");
        }
        source.Append("}\n");
        var tree = CSharpSyntaxTree.ParseText(source.ToString(), path: "Settings.cs");
        var compilation = CSharpCompilation.Create("t", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer())).GetAnalyzerDiagnosticsAsync();

        var failures = new List<string>();
        foreach (var (format, value, line) in lines)
        {
            var here = diagnostics.Where(d => d.Location.GetLineSpan().StartLinePosition.Line == line).ToList();
            var expected = here.Where(d => d.Id == "MLO401" && d.GetMessage().Contains(format.Title, StringComparison.OrdinalIgnoreCase)).ToList();
            if (expected.Count != 1 || here.Count != 1) failures.Add($"{format.Name}: {string.Join("; ", here.Select(d => d.Id + " " + d.GetMessage()))}");
            else if (tree.GetText().ToString(expected[0].Location.SourceSpan) != value) failures.Add($"{format.Name}: reported at the wrong span");
            foreach (var d in here)
            {
                if (d.GetMessage().Contains(value.Substring(4), StringComparison.Ordinal)) failures.Add($"{format.Name}: the message shows the secret");
            }
        }
        var placeholders = diagnostics.Where(d => d.Location.GetLineSpan().StartLinePosition.Line % 2 == 1).ToList();
        Assert.Empty(placeholders.Select(d => d.GetMessage()));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
