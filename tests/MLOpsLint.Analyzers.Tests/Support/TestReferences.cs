using Microsoft.CodeAnalysis.Testing;

namespace MLOpsLint.Analyzers.Tests.Support;

/// <summary>Reference assemblies and the ML.NET stub that analyzer and code-fix tests compile against.</summary>
public static class TestReferences
{
    /// <summary>.NET 8 reference pack. <c>ReferenceAssemblies.Net.Net80</c> asks for 8.0.0, which the
    /// registry here does not have (see ENVIRONMENT.md).</summary>
    public static ReferenceAssemblies Net80 { get; } = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.28"),
        Path.Combine("ref", "net8.0"));

    /// <summary>Name of the extra project that plays the Microsoft.ML assembly.</summary>
    public const string MLNetProject = "Microsoft.ML";

    /// <summary>The part of ML.NET the rules look at, with its real signatures.</summary>
    public const string MLNetStub = """
        namespace Microsoft.ML
        {
            public sealed class MLContext
            {
                public MLContext(int? seed = null) { }
                public int? GpuDeviceId { get; set; }
            }
        }
        """;
}
