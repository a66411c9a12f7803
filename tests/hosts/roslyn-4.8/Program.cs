using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// usage: Roslyn48Host ANALYZER_FOLDER [ADDITIONAL_FILE...]
// Loads every assembly of ANALYZER_FOLDER (a package's analyzers/dotnet/cs) as csc's /analyzer: arguments, through Roslyn
// 4.8's DefaultAnalyzerAssemblyLoader (internal: reached by reflection, as this host is only a test's stand-in for csc),
// compiles one empty class with the files as AdditionalFiles, and prints what a build would:
//   runtime 8.0.x, Roslyn 4.8.0.0            (first line: which host this is)
//   load-failed: <analyzer> <message>        (an analyzer that could not be loaded, as csc's warning CS8032)
//   <file>(<line>,<col>): <id>: <message>    (each diagnostic)
//   loaded: <assembly> <version> <where>     (every assembly loaded in the end, for what did not come from the folder)
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Roslyn48Host ANALYZER_FOLDER [ADDITIONAL_FILE...]");
    return 2;
}
Console.WriteLine($"runtime {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}");
var loaderType = typeof(Compilation).Assembly.GetType("Microsoft.CodeAnalysis.DefaultAnalyzerAssemblyLoader", throwOnError: true)!;
var constructor = loaderType.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
    .OrderBy(c => c.GetParameters().Length).First();
var loader = (IAnalyzerAssemblyLoader)constructor.Invoke(constructor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : null).ToArray());

var folder = Path.GetFullPath(args[0]);
var assemblies = Directory.GetFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToArray();
foreach (var path in assemblies) loader.AddDependencyLocation(path);
var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
foreach (var path in assemblies)
{
    var reference = new AnalyzerFileReference(path, loader);
    reference.AnalyzerLoadFailed += (_, e) => Console.WriteLine($"load-failed: {Path.GetFileName(path)} {e.TypeName} {e.Message}");
    analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
}

var files = args.Skip(1).Select(p => (AdditionalText)new FileText(Path.GetFullPath(p))).ToImmutableArray();
var compilation = CSharpCompilation.Create("host", new[] { CSharpSyntaxTree.ParseText("class C { }") },
    new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(files), (e, analyzer, _) =>
    Console.WriteLine($"analyzer-exception: {analyzer.GetType().Name} {e.GetType().Name}: {e.Message}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
var diagnostics = await compilation.WithAnalyzers(analyzers.ToImmutable(), options).GetAnalyzerDiagnosticsAsync();
foreach (var d in diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line))
{
    var span = d.Location.GetLineSpan();
    Console.WriteLine($"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}: {d.GetMessage()}");
}
foreach (var a in AppDomain.CurrentDomain.GetAssemblies().OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
{
    string location = a.IsDynamic ? "" : a.Location;
    Console.WriteLine($"loaded: {a.GetName().Name} {a.GetName().Version} {(location.StartsWith(folder, StringComparison.Ordinal) ? "package" : "host")}");
}
return 0;

internal sealed class FileText : AdditionalText
{
    public FileText(string path) => Path = path;

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
}
