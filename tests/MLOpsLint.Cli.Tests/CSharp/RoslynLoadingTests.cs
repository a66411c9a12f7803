using System.Reflection;
using System.Runtime.Loader;

namespace MLOpsLint.Cli.Tests.CSharp;

/// <summary>
/// A scan without C# files must not pay for Roslyn. Checked in an isolated, collectible load context, since
/// the test process itself has Roslyn loaded already.
/// </summary>
public class RoslynLoadingTests
{
    [Fact]
    public void Roslyn_is_loaded_only_when_the_scan_has_CSharp_files()
    {
        Assert.False(RunLoadsRoslyn(("train.py", "import numpy\n"), ("README.md", "new MLContext()\n")));
        Assert.True(RunLoadsRoslyn(("Train.cs", "class T { }\n")));
    }

    private static bool RunLoadsRoslyn(params (string Path, string Text)[] files)
    {
        var context = new IsolatedContext();
        try
        {
            var core = context.LoadFromAssemblyName(new AssemblyName("MLOpsLint.Core"));
            var cli = context.LoadFromAssemblyName(new AssemblyName("mlops-lint"));
            var documentType = core.GetType("MLOpsLint.Core.Documents.SourceDocument", throwOnError: true)!;
            var documents = Array.CreateInstance(documentType, files.Length);
            for (int i = 0; i < files.Length; i++)
            {
                documents.SetValue(documentType.GetMethod("FromText")!.Invoke(null, new object[] { files[i].Path, files[i].Text }), i);
            }
            var snapshot = Activator.CreateInstance(core.GetType("MLOpsLint.Core.Checks.RepositorySnapshot", true)!, documents);
            var config = core.GetType("MLOpsLint.Core.Configuration.LintConfig", true)!.GetProperty("Default")!.GetValue(null);
            var checkContext = Activator.CreateInstance(core.GetType("MLOpsLint.Core.Checks.CheckContext", true)!, config);
            var check = Activator.CreateInstance(cli.GetType("MLOpsLint.Cli.CSharp.RoslynCheck", true)!)!;
            check.GetType().GetMethod("Check")!.Invoke(check, new[] { snapshot, checkContext });
            return context.Assemblies.Any(a => a.GetName().Name == "Microsoft.CodeAnalysis");
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads the application's own assemblies from the test folder; the framework comes from the default context.</summary>
    private sealed class IsolatedContext : AssemblyLoadContext
    {
        public IsolatedContext() : base("roslyn-loading-test", isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
